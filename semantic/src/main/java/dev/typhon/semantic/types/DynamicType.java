package dev.typhon.semantic.types;

/**
 * The gradual types: {@code Any} as written by the user, and {@code Unknown}, the implicit Any that
 * inference produces where it knows nothing (an unannotated parameter, an unresolved import).
 * Both are assignable to and from every type; they differ only in how they are shown.
 */
public enum DynamicType implements Type {
    ANY("Any"),
    UNKNOWN("Unknown");

    private final String display;

    DynamicType(String display) {
        this.display = display;
    }

    @Override
    public String display() {
        return display;
    }
}
