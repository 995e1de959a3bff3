package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.IntersectionType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.LiteralStringType;
import dev.typhon.semantic.types.ModuleLiteral;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.OverloadedFunction;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.List;

/**
 * Implicit dunder calls ({@code a + b}, {@code -a}, {@code a[i]}, {@code a < b}): the interpreter
 * looks the method up on the type of the object, never on the object itself, so a class's own
 * {@code __neg__} does not make {@code -C} work (its metaclass's does), and an instance attribute
 * named {@code __getitem__} is ignored.
 */
final class Dunders {
    private final TypeInference ti;

    Dunders(TypeInference ti) {
        this.ti = ti;
    }

    /** What calling an implicit dunder gave: the method is missing, rejects the arguments, or returns a type. */
    sealed interface Outcome permits Missing, Rejected, Returned {
    }

    record Missing() implements Outcome {
    }

    record Rejected() implements Outcome {
    }

    record Returned(Type type) implements Outcome {
    }

    static final Missing MISSING = new Missing();
    static final Rejected REJECTED = new Rejected();

    /** The return type of {@code type(receiver).<name>(receiver, *args)}, or null when it is missing or rejects the arguments. */
    @Nullable Type callOrNull(Type receiver, String name, List<Type> args) {
        return call(receiver, name, args) instanceof Returned r ? r.type() : null;
    }

    Outcome call(Type receiver, String name, List<Type> args) {
        Type method = lookup(receiver, name);
        if (method == null) {
            return MISSING;
        }
        return invoke(method, args, receiver);
    }

    /** Calls a method found by {@link #lookup}, already bound to its receiver where it is a function. */
    Outcome invoke(Type method, List<Type> args) {
        return invoke(method, args, null);
    }

    /**
     * Calls a method found by {@link #lookup}; {@code receiver} (when known) is what an overloaded
     * method's type variables for {@code self} are solved from.
     */
    private Outcome invoke(Type method, List<Type> args, @Nullable Type receiver) {
        CallArguments arguments = CallArguments.positional(args);
        return switch (method) {
            case DynamicType d -> new Returned(d);
            case BoundMethodType b -> ti.calls.accepts(b.function().signature(), args, 0, 1)
                    ? new Returned(ti.calls.returnOf(b.function().signature(), arguments, 1, b.self())) : REJECTED;
            case FunctionLiteral f -> ti.calls.accepts(f.signature(), args, 0, 0)
                    ? new Returned(ti.calls.returnOf(f.signature(), arguments, 0, null)) : REJECTED;
            case OverloadedFunction o -> {
                for (FunctionLiteral f : o.overloads()) {
                    if (ti.calls.accepts(f.signature(), args, 0, 1) && ti.calls.receiverFits(f.signature(), receiver)
                            && ti.calls.solvable(f.signature(), arguments, 1, receiver)) {
                        yield new Returned(ti.calls.returnOf(f.signature(), arguments, 1, receiver));
                    }
                }
                yield REJECTED;
            }
            case dev.typhon.semantic.types.UnionType u -> {
                UnionBuilder b = new UnionBuilder(ti);
                for (Type m : u.members()) {
                    if (!(invoke(m, args, receiver) instanceof Returned r)) {
                        yield REJECTED;
                    }
                    b.add(r.type());
                }
                yield new Returned(b.build());
            }
            case dev.typhon.semantic.types.CallableType c -> new Returned(c.signature().returns());
            case InstanceType i -> {
                // a callable object stored as the dunder: called through its own class's __call__
                Type r = callOrNull(i, "__call__", args);
                yield r == null ? REJECTED : new Returned(r);
            }
            default -> REJECTED;
        };
    }

    /**
     * The attribute {@code name} of the receiver's type, bound to the receiver when it is a method
     * (static methods stay unbound, class methods bind the class); null when the type has none.
     */
    @Nullable Type lookup(Type receiver, String name) {
        if (receiver instanceof IntersectionType x && x.positive().stream().anyMatch(Type::isDynamic)) {
            // `Unknown & ~AlwaysFalsy` (an unknown value narrowed by truthiness) may have any method:
            // what the known parts lack, the dynamic part supplies
            Type dynamic = null;
            for (Type p : x.positive()) {
                if (p.isDynamic()) {
                    dynamic = dynamic == null ? p : dynamic;
                } else if (lookup(p, name) instanceof Type found) {
                    return found;
                }
            }
            return dynamic;
        }
        ClassType meta = metaType(receiver);
        if (meta == null) {
            return receiver.isDynamic() ? receiver : null;
        }
        Type t = ti.classes.member(meta, name);
        if (t == null) {
            return null;
        }
        return bind(ti.members.specialize(meta, t), receiver, meta);
    }

    /**
     * An attribute of the receiver's type as the receiver sees it: functions become bound methods,
     * each member of a union (a method defined differently on different paths) is bound alike, and
     * a descriptor's {@code __get__} gives the value.
     */
    private Type bind(Type t, Type receiver, ClassType meta) {
        return switch (t) {
            case FunctionLiteral f -> switch (ti.functions.methodKind(f)) {
                case INSTANCE -> new BoundMethodType(f, receiver);
                case CLASS -> new BoundMethodType(f, meta.toClassLiteral());
                case STATIC -> f;
                case PROPERTY -> f.signature().returns();
            };
            case dev.typhon.semantic.types.UnionType u -> {
                UnionBuilder b = new UnionBuilder(ti);
                u.members().forEach(m -> b.add(bind(m, receiver, meta)));
                yield b.build();
            }
            case InstanceType descriptor when !descriptor.equals(receiver) -> {
                Type got = lookup(descriptor, "__get__") instanceof Type get && !(get instanceof DynamicType)
                        ? callOrNull(descriptor, "__get__", List.of(receiver, meta.toClassLiteral())) : null;
                yield got == null ? t : got;
            }
            default -> t;
        };
    }

    /**
     * Whether an instance's class is a TypedDict (a base of it is {@code TypedDict}), whose mapping
     * methods Typhon does not model: implicit calls on it must not be judged.
     */
    boolean isTypedDict(Type t) {
        return ti.typedDicts.of(t) != null;
    }

    /** The class an object is an instance of, as far as dunder lookup is concerned; null when unknown or dynamic. */
    @Nullable ClassType metaType(Type t) {
        return switch (t) {
            case InstanceType i -> i.classType();
            case dev.typhon.semantic.types.NewTypeInstance n -> metaType(n.base());
            case ClassLiteralType c -> ti.metaclass(c.literal());
            case SubclassOfType s when s.subclassOf() instanceof InstanceType i -> ti.metaclass(i.literal());
            case SubclassOfType s when s.subclassOf() instanceof TypeVarType v -> v.bound() instanceof InstanceType i
                    ? ti.metaclass(i.literal()) : known(KnownClass.TYPE);
            case IntLiteral i -> known(KnownClass.INT);
            case BoolLiteral b -> known(KnownClass.BOOL);
            case StringLiteral s -> known(KnownClass.STR);
            case LiteralStringType s -> known(KnownClass.STR);
            case BytesLiteral b -> known(KnownClass.BYTES);
            case NoneType n -> known(KnownClass.NONE_TYPE);
            case FunctionLiteral f -> known(KnownClass.FUNCTION_TYPE);
            case OverloadedFunction o -> known(KnownClass.FUNCTION_TYPE);
            case BoundMethodType b -> known(KnownClass.METHOD_TYPE);
            case ModuleLiteral m -> known(KnownClass.MODULE_TYPE);
            case TupleType tt -> {
                Type tuple = KnownClass.TUPLE.toSpecializedInstance(ti, List.of(UnionBuilder.of(ti, tt.allElements())));
                yield tuple instanceof InstanceType i ? i.classType() : null;
            }
            case dev.typhon.semantic.types.KnownInstanceType k -> known(k.kind());
            case dev.typhon.semantic.types.SpecialFormType s -> known(KnownClass.SPECIAL_FORM);
            case dev.typhon.semantic.types.CallableType c -> known(KnownClass.FUNCTION_TYPE);
            case TypeVarType v when v.bound() == null && v.constraints().isEmpty() -> known(KnownClass.OBJECT);
            case IntersectionType x -> {
                for (Type p : x.positive()) {
                    ClassType c = metaType(p);
                    if (c != null) {
                        yield c;
                    }
                }
                yield known(KnownClass.OBJECT);
            }
            default -> null;
        };
    }

    private @Nullable ClassType known(KnownClass k) {
        return ti.instance(k) instanceof InstanceType i ? i.classType() : null;
    }
}
