package dev.typhon.semantic.types;

/** {@code Literal["a"]}: one str value. */
public record StringLiteral(String value) implements Type {
    @Override
    public String display() {
        return "Literal[" + Literals.reprStr(value) + "]";
    }
}
