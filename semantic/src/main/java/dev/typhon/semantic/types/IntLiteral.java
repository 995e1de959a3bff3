package dev.typhon.semantic.types;

/** {@code Literal[1]}: one int value (ints beyond 64 bits are inferred as {@code int}). */
public record IntLiteral(long value) implements Type {
    @Override
    public String display() {
        return "Literal[" + value + "]";
    }
}
