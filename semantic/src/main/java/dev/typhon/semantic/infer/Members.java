package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntersectionType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.ModuleLiteral;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.TodoType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.List;

/**
 * Attribute access: module members, class attributes through the MRO, instance attributes (a
 * function found on the class becomes a bound method), and the attributes of literal values
 * through their class ({@code "a".upper} through {@code str}).
 */
final class Members {
    private final TypeInference ti;

    Members(TypeInference ti) {
        this.ti = ti;
    }

    /** The type of {@code value.name}, or null when it has no such attribute. */
    @Nullable Type member(Type value, String name) {
        return switch (value) {
            case DynamicType d -> d;
            case TodoType t -> t;
            case ModuleLiteral m -> moduleMember(m, name);
            case ClassLiteralType c -> classMember(c.classType(), name);
            case InstanceType i -> instanceMember(i, i.classType(), name);
            case UnionType u -> {
                UnionBuilder b = new UnionBuilder(ti);
                for (Type m : u.members()) {
                    Type t = member(m, name);
                    if (t == null) {
                        yield null;
                    }
                    b.add(t);
                }
                yield b.build();
            }
            case IntersectionType x -> {
                for (Type p : x.positive()) {
                    Type t = member(p, name);
                    if (t != null) {
                        yield t;
                    }
                }
                yield null;
            }
            default -> fallbackMember(value, name);
        };
    }

    private @Nullable Type fallbackMember(Type value, String name) {
        KnownClass k = switch (value) {
            case dev.typhon.semantic.types.IntLiteral i -> KnownClass.INT;
            case dev.typhon.semantic.types.BoolLiteral b -> KnownClass.BOOL;
            case StringLiteral s -> KnownClass.STR;
            case dev.typhon.semantic.types.LiteralStringType s -> KnownClass.STR;
            case dev.typhon.semantic.types.BytesLiteral b -> KnownClass.BYTES;
            case NoneType n -> KnownClass.NONE_TYPE;
            case FunctionLiteral f -> KnownClass.FUNCTION_TYPE;
            case BoundMethodType b -> KnownClass.METHOD_TYPE;
            case TupleType t -> KnownClass.TUPLE;
            default -> null;
        };
        if (k == null) {
            return null;
        }
        Type instance = ti.instance(k);
        if (!(instance instanceof InstanceType it)) {
            return null;
        }
        return instanceMember(value, it.classType(), name);
    }

    private @Nullable Type moduleMember(ModuleLiteral m, String name) {
        if (m.file() >= 0) {
            Type t = ti.imports.member(ti.program.file(m.file()), name);
            if (t != null) {
                return t;
            }
        }
        Type sub = ti.imports.moduleLiteral(m.name() + "." + name);
        if (sub != null) {
            return sub;
        }
        if (name.equals("__name__") || name.equals("__file__") || name.equals("__doc__")) {
            return name.equals("__name__") ? ti.instance(KnownClass.STR)
                    : UnionBuilder.of(ti, ti.instance(KnownClass.STR), NoneType.NONE);
        }
        return null;
    }

    private @Nullable Type classMember(ClassType cls, String name) {
        Type t = ti.classes.member(cls, name);
        if (t == null) {
            Type meta = ti.metaclass(cls.literal()) == null ? null : ti.metaclass(cls.literal()).toInstance();
            return meta == null ? null : instanceMember(meta, ti.metaclass(cls.literal()), name);
        }
        if (cls.arguments().isEmpty() && ti.genericClasses.isGeneric(cls.literal()) && !name.equals("__new__")
                && !name.equals("__init__")) {
            // a generic class used bare is its default specialization (`C.x` is Unknown, not `T@C`);
            // its constructors keep the class's type variables, which a call solves
            t = specialize(ti.genericClasses.defaultSpecialization(cls.literal()), t);
        } else {
            t = specialize(cls, t);
        }
        if (t instanceof FunctionLiteral f && ti.functions.methodKind(f) == Functions.MethodKind.CLASS) {
            return new BoundMethodType(f, cls.toClassLiteral());
        }
        return t;
    }

    private @Nullable Type instanceMember(Type self, ClassType cls, String name) {
        Type t = ti.classes.member(cls, name);
        if (t == null) {
            for (ClassType c : ti.mro(cls.literal()).classes()) {
                Type a = ti.classes.instanceAttribute(c.literal(), name);
                if (a != null) {
                    return specialize(cls, GenericClasses.applyToMember(ti.genericClasses.specializationOf(c), a));
                }
            }
            return null;
        }
        t = specialize(cls, t);
        if (t instanceof FunctionLiteral f) {
            return switch (ti.functions.methodKind(f)) {
                case INSTANCE -> new BoundMethodType(f, self);
                case CLASS -> new BoundMethodType(f, cls.toClassLiteral());
                case STATIC -> f;
                case PROPERTY -> f.signature().returns();
            };
        }
        return t;
    }

    Type specialize(ClassType cls, Type t) {
        if (cls.arguments().isEmpty()) {
            return t;
        }
        return GenericClasses.applyToMember(ti.genericClasses.specializationOf(cls), t);
    }
}
