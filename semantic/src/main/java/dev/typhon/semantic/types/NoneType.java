package dev.typhon.semantic.types;

/** The type of {@code None}, the single instance of {@code NoneType}; shown as {@code None}. */
public enum NoneType implements Type {
    NONE;

    @Override
    public String display() {
        return "None";
    }
}
