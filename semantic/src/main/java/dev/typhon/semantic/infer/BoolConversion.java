package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.Truthiness;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionType;
import java.util.List;

/**
 * What {@code bool(x)} does with a value: its truthiness, refined for instances by their class's
 * {@code __bool__} (a {@code Literal[True]} / {@code Literal[False]} return decides it) and, for a
 * {@code @final} class without one, its {@code __len__} (or its absence: always true); and whether
 * the conversion is supported at all ({@code __bool__} not callable, or not returning a bool).
 */
final class BoolConversion {
    private final TypeInference ti;

    BoolConversion(TypeInference ti) {
        this.ti = ti;
    }

    Truthiness truthiness(Type t) {
        Truthiness structural = Truthiness.of(t);
        if (structural != Truthiness.AMBIGUOUS) {
            return structural;
        }
        return switch (t) {
            case InstanceType i -> instance(i);
            case dev.typhon.semantic.types.EnumLiteral e -> enumMember(e);
            case dev.typhon.semantic.types.NewTypeInstance n -> truthiness(n.base());
            case UnionType u -> {
                Truthiness first = truthiness(u.members().get(0));
                for (Type m : u.members()) {
                    if (truthiness(m) != first) {
                        yield Truthiness.AMBIGUOUS;
                    }
                }
                yield first;
            }
            default -> Truthiness.AMBIGUOUS;
        };
    }

    /** A member of an {@code int}-valued enum is as true as its value; other members as their enum's instances. */
    private Truthiness enumMember(dev.typhon.semantic.types.EnumLiteral e) {
        Type value = ti.enums.specialAttribute(e, "_value_");
        boolean intMixin = ti.mro(e.enumClass()).classes().stream().anyMatch(c -> c.isKnown(KnownClass.INT));
        if (intMixin) {
            return value == null ? Truthiness.AMBIGUOUS : truthiness(value);
        }
        return instance(e.fallback());
    }

    private Truthiness instance(InstanceType i) {
        if (ti.mro(i.literal()).hasDynamic() || isBuiltinScalar(i)) {
            return Truthiness.AMBIGUOUS;
        }
        if (ti.members.member(i, "__bool__") != null) {
            Type r = ti.calls.callDunder(i, "__bool__", List.of());
            return r instanceof BoolLiteral b ? (b.value() ? Truthiness.ALWAYS_TRUE : Truthiness.ALWAYS_FALSE)
                    : Truthiness.AMBIGUOUS;
        }
        if (ti.namedTuples.tupleShape(i.literal()) instanceof dev.typhon.semantic.types.TupleType shape) {
            // a named tuple keeps its fields' count: none is false, at least one true
            return shape.elements().isEmpty() ? Truthiness.ALWAYS_FALSE : Truthiness.ALWAYS_TRUE;
        }
        for (ClassType c : ti.mro(i.literal()).classes()) {
            if (c.isKnown(KnownClass.TUPLE)) {
                // a subclass of `tuple[int]` has one element: its length is fixed by the tuple base
                List<Type> args = c.arguments();
                boolean variable = args.size() == 2 && args.get(1) instanceof InstanceType e && e.isKnown(KnownClass.ELLIPSIS_TYPE);
                if (!variable && !args.isEmpty() && args.stream().noneMatch(Type::isDynamic)) {
                    return Truthiness.ALWAYS_TRUE;
                }
                break;
            }
        }
        // a subclass could add __bool__, which takes precedence over __len__: only a final class is decided
        if (!ti.isFinal(i.literal())) {
            return Truthiness.AMBIGUOUS;
        }
        if (ti.members.member(i, "__len__") == null) {
            return Truthiness.ALWAYS_TRUE;
        }
        Type len = ti.calls.callDunder(i, "__len__", List.of());
        if (len instanceof IntLiteral n) {
            return n.value() == 0 ? Truthiness.ALWAYS_FALSE : Truthiness.ALWAYS_TRUE;
        }
        return Truthiness.AMBIGUOUS;
    }

    /** The builtins whose truthiness depends on their value, whatever their stubs say. */
    private static boolean isBuiltinScalar(InstanceType i) {
        KnownClass k = i.literal().known();
        return k != null && k != KnownClass.OBJECT;
    }

    /** The type whose conversion to bool fails, shown whole (a union with one bad member is named entire), or null. */
    @Nullable Type unsupported(Type t) {
        List<Type> members = t instanceof UnionType u ? u.members() : List.of(t);
        for (Type m : members) {
            if (m instanceof InstanceType i && !notBoolable(i)) {
                continue;
            }
            if (m instanceof InstanceType) {
                return t;
            }
        }
        return null;
    }

    /** {@code __bool__} is set but cannot be called, or returns something that is not a bool. */
    private boolean notBoolable(InstanceType i) {
        if (ti.mro(i.literal()).hasDynamic()) {
            return false;
        }
        Type method = ti.members.member(i, "__bool__");
        if (method == null || method.isDynamic()) {
            return false;
        }
        Type r = ti.calls.callDunder(i, "__bool__", List.of());
        if (r == null) {
            return true;
        }
        if (r.isDynamic() || r == Never.NEVER || r instanceof DynamicType) {
            return false;
        }
        return !r.isAssignableTo(ti, KnownClass.BOOL.toInstance(ti));
    }
}
