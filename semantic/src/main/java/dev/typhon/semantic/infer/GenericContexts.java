package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.types.CallableType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntersectionType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownInstanceType;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic context of a value, as ty_extensions' {@code generic_context()} reveals it: the type
 * variables a class binds ({@code GenericContext[T@C]}), or None when it binds none (a specialized
 * class, an instance); and a class seen as a regular callable ({@code into_regular_callable(C)}),
 * its constructor, which binds the class's variables and the constructor's own.
 */
final class GenericContexts {
    private final TypeInference ti;

    GenericContexts(TypeInference ti) {
        this.ti = ti;
    }

    /** What {@code generic_context(value)} reveals, or null when Typhon does not model the value's context. */
    @Nullable Type reveal(Type value) {
        List<TypeVarType> context = switch (value) {
            case ClassLiteralType c when ti.classes.info(c.literal()).opaqueParameters() -> null;
            case ClassLiteralType c -> c.classType().arguments().isEmpty() ? ti.typeParameters(c.literal()) : List.of();
            case InstanceType i -> List.of();
            case dev.typhon.semantic.types.DynamicType d -> List.of();
            case CallableType c -> c.signature().typeParameters();
            default -> null;
        };
        if (context == null) {
            return null;
        }
        if (context.isEmpty()) {
            return NoneType.NONE;
        }
        List<String> shown = new ArrayList<>();
        context.forEach(v -> shown.add(v.display()));
        return new KnownInstanceType(KnownClass.GENERIC_CONTEXT, TupleType.fixed(new ArrayList<>(context)),
                String.join(", ", shown));
    }

    /** {@code into_regular_callable(value)}: a class becomes its constructor; other values are returned as they are. */
    Type regularCallable(Type value) {
        if (!(value instanceof ClassLiteralType c) || !c.classType().arguments().isEmpty()
                || ti.classes.info(c.literal()).opaqueParameters()) {
            return value;
        }
        List<TypeVarType> classParams = ti.typeParameters(c.literal());
        List<TypeVarType> context = new ArrayList<>(classParams);
        List<Parameter> parameters = new ArrayList<>();
        Type init = constructor(c.classType());
        if (init instanceof FunctionLiteral f && !f.signature().gradual()) {
            List<Parameter> ps = f.signature().parameters();
            for (int i = 1; i < ps.size(); i++) {
                parameters.add(ps.get(i));
                if (ps.get(i).annotatedType() != null) {
                    collect(ps.get(i).annotatedType(), context);
                }
            }
        }
        List<Type> args = new ArrayList<>(classParams);
        Type returns = classParams.isEmpty() ? c.classType().toInstance()
                : new ClassType(c.literal(), args).toInstance();
        return new CallableType(new Signature(parameters, returns, false, context));
    }

    /** The {@code __init__} the class's constructor runs, else its {@code __new__} (object's are not). */
    private @Nullable Type constructor(ClassType cls) {
        for (String name : List.of("__init__", "__new__")) {
            for (ClassType c : ti.mro(cls.literal()).classes()) {
                if (c.isKnown(KnownClass.OBJECT)) {
                    break;
                }
                Type t = ti.classes.ownMember(c.literal(), name);
                if (t != null) {
                    return GenericClasses.applyToMember(ti.genericClasses.specializationOf(c), t);
                }
            }
        }
        return null;
    }

    /** The type variables a type mentions, in order of first appearance, added to {@code out} once each. */
    private static void collect(Type t, List<TypeVarType> out) {
        switch (t) {
            case TypeVarType v -> {
                if (out.stream().noneMatch(o -> o.ref().equals(v.ref()))) {
                    out.add(v);
                }
            }
            case InstanceType i -> i.classType().arguments().forEach(a -> collect(a, out));
            case UnionType u -> u.members().forEach(m -> collect(m, out));
            case IntersectionType x -> x.positive().forEach(m -> collect(m, out));
            case TupleType tt -> tt.allElements().forEach(m -> collect(m, out));
            case SubclassOfType s -> collect(s.subclassOf(), out);
            default -> {
            }
        }
    }
}
