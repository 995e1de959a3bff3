package dev.typhon.semantic.types;

/** Where a type shown inside another needs parentheses. */
final class Displays {
    private Displays() {
    }

    /** A member of a union: intersections and callables are parenthesised. */
    static String inUnion(Type t) {
        return switch (t) {
            case IntersectionType i -> "(" + i.display() + ")";
            case CallableType c -> "(" + c.display() + ")";
            case FunctionLiteral f -> "(" + f.display() + ")";
            case BoundMethodType b -> "(" + b.display() + ")";
            default -> t.display();
        };
    }

    /** An element of an intersection: unions and callables are parenthesised. */
    static String inIntersection(Type t) {
        return switch (t) {
            case UnionType u -> "(" + u.display() + ")";
            case CallableType c -> "(" + c.display() + ")";
            case FunctionLiteral f -> "(" + f.display() + ")";
            case BoundMethodType b -> "(" + b.display() + ")";
            default -> t.display();
        };
    }

    /** A return type after {@code ->}: a callable is parenthesised. */
    static String asReturn(Type t) {
        return switch (t) {
            case CallableType c -> "(" + c.display() + ")";
            default -> t.display();
        };
    }
}
