package dev.typhon.semantic.infer;

import dev.typhon.ast.Operator;
import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.TodoType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target op= value}: each member of a union target on its own; the in-place method
 * ({@code __iadd__}) when the target's class has one, else the binary operator ({@code __add__},
 * then the value's {@code __radd__}). When the in-place method rejects the value, the assignment
 * is an error and the target gets the method's declared return type; when no method supports the
 * operands it is an error and the target gets Unknown.
 */
final class AugmentedAssignment {
    private final TypeInference ti;

    AugmentedAssignment(TypeInference ti) {
        this.ti = ti;
    }

    /** The type the target gets, and the target types (union members) for which the operation fails. */
    record Outcome(Type type, List<Type> unsupportedTargets) {
    }

    Outcome infer(Type target, Operator op, Type value) {
        List<Type> failed = new ArrayList<>();
        Type t = member(target, op, value, failed);
        return new Outcome(t, failed);
    }

    private Type member(Type target, Operator op, Type value, List<Type> failed) {
        if (target instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            for (Type m : u.members()) {
                b.add(member(m, op, value, failed));
            }
            return b.build();
        }
        if (target.isDynamic()) {
            return target;
        }
        String inPlace = "__i" + Operators.dunder(op) + "__";
        AttributeAccess access = ti.members.memberAccess(target, inPlace);
        Type method = access.isFound() ? access.type() : null;
        if (method != null && !method.isDynamic()) {
            Type result = ti.calls.callDunder(target, inPlace, List.of(value));
            if (result != null && access.boundness() == Boundness.POSSIBLY_UNBOUND) {
                // an in-place method defined under a condition: where it is missing, the binary operator runs
                return UnionBuilder.of(ti, result, binary(target, op, value, failed));
            }
            if (result != null) {
                return result;
            }
            if (method instanceof BoundMethodType b) {
                failed.add(target);
                return b.function().signature().returns();
            }
        }
        return binary(target, op, value, failed);
    }

    /** {@code target op value} for an augmented assignment without (or past) an in-place method. */
    private Type binary(Type target, Operator op, Type value, List<Type> failed) {
        if (op == Operator.Add && target instanceof TupleType left && value instanceof TupleType right) {
            // tuple has no `__iadd__`, and its `__add__` (typeshed's) returns a tuple of any length whose
            // element is either side's: the element-wise concatenation is a property of `a + b` only
            List<Type> elements = new ArrayList<>(left.allElements());
            elements.addAll(right.allElements());
            return TupleType.homogeneous(UnionBuilder.of(ti, elements));
        }
        Type result = ti.operators.binary(target, op, value);
        if (result == DynamicType.UNKNOWN && !value.isDynamic() && !(value instanceof TodoType) && unsupported(target, op, value)) {
            failed.add(target);
        }
        return result;
    }

    /**
     * Whether the binary fallback certainly fails: both operands of classes Typhon knows completely,
     * and neither the target's method nor the value's reflected one exists and accepts the other.
     */
    private boolean unsupported(Type target, Operator op, Type value) {
        if (!ti.operators.isPlainInstanceLike(target) || !ti.operators.isPlainInstanceLike(value)) {
            return false;
        }
        String d = Operators.dunder(op);
        return rejects(target, "__" + d + "__", value) && rejects(value, "__r" + d + "__", target);
    }

    /** The receiver has no such method, or has a plain one that does not accept the argument. */
    private boolean rejects(Type receiver, String name, Type argument) {
        Type method = ti.members.member(receiver, name);
        return method == null
                || method instanceof BoundMethodType && ti.calls.callDunder(receiver, name, List.of(argument)) == null;
    }
}
