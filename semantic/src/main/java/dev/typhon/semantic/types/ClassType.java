package dev.typhon.semantic.types;

import java.util.List;

/**
 * A class, possibly specialized: {@code int}, {@code list[int]}, {@code dict[str, Unknown]}. An empty
 * argument list means not specialized (or not generic).
 */
public record ClassType(ClassLiteral literal, List<Type> arguments) {
    public ClassType {
        arguments = List.copyOf(arguments);
    }

    public static ClassType of(ClassLiteral literal) {
        return new ClassType(literal, List.of());
    }

    public boolean isGenericAlias() {
        return !arguments.isEmpty();
    }

    /** {@code C} or {@code C[A, B]}. */
    public String display() {
        if (arguments.isEmpty()) {
            return literal.name();
        }
        StringBuilder sb = new StringBuilder(literal.name()).append('[');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            // the value `tuple[X, ...]` keeps its `...` as EllipsisType (see TypeExpressions.tupleArguments)
            boolean ellipsis = i == 1 && arguments.size() == 2 && literal.known() == KnownClass.TUPLE
                    && arguments.get(1) instanceof InstanceType e && e.isKnown(KnownClass.ELLIPSIS_TYPE);
            sb.append(ellipsis ? "..." : arguments.get(i).display());
        }
        return sb.append(']').toString();
    }

    public InstanceType toInstance() {
        return new InstanceType(this);
    }

    public ClassLiteralType toClassLiteral() {
        return new ClassLiteralType(this);
    }

    public boolean isKnown(KnownClass k) {
        return literal.known() == k;
    }
}
