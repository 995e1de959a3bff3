package dev.typhon.semantic.types;

/** {@code Literal[True]} or {@code Literal[False]}. */
public enum BoolLiteral implements Type {
    FALSE,
    TRUE;

    public static BoolLiteral of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public boolean value() {
        return this == TRUE;
    }

    @Override
    public String display() {
        return value() ? "Literal[True]" : "Literal[False]";
    }
}
