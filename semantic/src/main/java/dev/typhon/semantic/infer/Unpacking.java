package dev.typhon.semantic.infer;

import dev.typhon.ast.Expr;
import dev.typhon.ast.List;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Tuple;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;

/** Which part of an assigned value a target inside {@code a, (b, *c) = ...} receives. */
final class Unpacking {
    private Unpacking() {
    }

    /** The type {@code target} receives when {@code outer} is assigned {@code value}; null if it is not inside. */
    static @Nullable Type typeOfTarget(Expr outer, Node target, Type value) {
        if (outer == target) {
            return value;
        }
        java.util.List<Expr> elts = switch (outer) {
            case Tuple t -> t.elts();
            case List l -> l.elts();
            case Starred s -> java.util.List.of(s.value());
            default -> null;
        };
        if (elts == null) {
            return null;
        }
        if (outer instanceof Starred) {
            return typeOfTarget(elts.get(0), target, DynamicType.UNKNOWN);
        }
        boolean hasStar = elts.stream().anyMatch(e -> e instanceof Starred);
        for (int i = 0; i < elts.size(); i++) {
            Type element = DynamicType.UNKNOWN;
            if (!hasStar && value instanceof TupleType tt && tt.isFixed() && tt.elements().size() == elts.size()) {
                element = tt.elements().get(i);
            }
            Type found = typeOfTarget(elts.get(i), target, element);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
