package dev.typhon.semantic.types;

/** A structural callable type, {@code Callable[[int], str]}, shown as {@code (int, /) -> str}. */
public record CallableType(Signature signature) implements Type {
    @Override
    public String display() {
        return signature.display();
    }
}
