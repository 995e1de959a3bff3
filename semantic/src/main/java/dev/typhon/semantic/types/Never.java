package dev.typhon.semantic.types;

/** The empty type, with no inhabitants: the bottom of the subtype order ({@code typing.Never}). */
public enum Never implements Type {
    NEVER;

    @Override
    public String display() {
        return "Never";
    }
}
