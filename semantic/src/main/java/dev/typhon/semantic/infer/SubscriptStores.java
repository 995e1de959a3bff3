package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.Subscript;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionType;
import java.util.List;

/**
 * Item assignments, {@code obj[key] = value} and the write-back of {@code obj[key] op= value}: the
 * object's type must have a {@code __setitem__} that accepts the key and the value. A tuple has none,
 * so its items cannot be assigned; a mapping whose {@code __setitem__} takes {@code int} values
 * rejects the {@code float} that {@code /=} leaves. TypedDicts check their keys themselves
 * ({@link TypedDicts}); objects Typhon cannot judge (dynamic, protocols, type variables, classes
 * with dynamic bases) are left alone.
 */
final class SubscriptStores {
    private final TypeInference ti;

    SubscriptStores(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * The problem of storing {@code value} (null when Typhon does not know it: only a missing
     * {@code __setitem__} is then reported) into {@code target}, or null. Of a union, the first member
     * that cannot take the item is reported: the assignment fails for some value the object may be.
     */
    @Nullable Problem problem(SourceFile file, Subscript target, @Nullable Type value) {
        Type object = ti.expressions.infer(file, target.value());
        if (object.isDynamic()) {
            return null;
        }
        Type key = ti.expressions.infer(file, target.slice());
        for (Type member : object instanceof UnionType u ? u.members() : List.of(object)) {
            String failure = memberFailure(member, key, value);
            if (failure != null) {
                return new Problem("invalid-assignment", failure, null, target.startOffset(), target.endOffset());
            }
        }
        return null;
    }

    /**
     * The problem of {@code target = value} for a value written in place: a display
     * ({@code d["k"] = {"a": 1}}) is inferred against what {@code __setitem__} takes for the value,
     * as an annotated assignment would infer it against its declaration.
     */
    @Nullable Problem problem(SourceFile file, Subscript target, dev.typhon.ast.Expr value) {
        Problem plain = problem(file, target, ti.expressions.infer(file, value));
        if (plain == null) {
            return null;
        }
        Type object = ti.expressions.infer(file, target.value());
        for (Type expected : valueParameterTypes(object)) {
            if (problem(file, target, ti.displayContext.infer(file, value, expected)) == null) {
                return null;
            }
        }
        return plain;
    }

    /** The value parameter's type of each signature of {@code type(object).__setitem__}. */
    private List<Type> valueParameterTypes(Type object) {
        List<Type> out = new java.util.ArrayList<>();
        switch (ti.dunders.lookup(object, "__setitem__")) {
            case dev.typhon.semantic.types.BoundMethodType b when b.withoutReceiver().parameters().size() >= 2 ->
                    out.add(b.withoutReceiver().parameters().get(1).type());
            case dev.typhon.semantic.types.OverloadedFunction o -> {
                for (dev.typhon.semantic.types.FunctionLiteral f : o.overloads()) {
                    if (f.signature().parameters().size() >= 3) {
                        out.add(f.signature().parameters().get(2).type());
                    }
                }
            }
            case null, default -> {
            }
        }
        return out;
    }

    private @Nullable String memberFailure(Type object, Type key, @Nullable Type value) {
        if (!ti.operators.isPlainInstanceLike(object) || ti.typedDicts.of(object) != null) {
            return null;
        }
        if (key.isDynamic() || key.isNever()) {
            return null;
        }
        if (ti.dunders.lookup(object, "__setitem__") == null) {
            return "Cannot assign to a subscript on an object of type `" + object.display() + "`";
        }
        if (value == null || value.isDynamic() || value.isNever()) {
            return null;
        }
        if (ti.dunders.call(object, "__setitem__", List.of(key, value)) instanceof Dunders.Rejected) {
            return "Invalid subscript assignment with key of type `" + key.display() + "` and value of type `"
                    + value.display() + "` on object of type `" + object.display() + "`";
        }
        return null;
    }
}
