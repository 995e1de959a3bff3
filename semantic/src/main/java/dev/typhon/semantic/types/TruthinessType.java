package dev.typhon.semantic.types;

/** ty's {@code AlwaysTruthy} and {@code AlwaysFalsy}: the objects whose {@code bool()} is always true (false). */
public enum TruthinessType implements Type {
    ALWAYS_TRUTHY("AlwaysTruthy"),
    ALWAYS_FALSY("AlwaysFalsy");

    private final String display;

    TruthinessType(String display) {
        this.display = display;
    }

    @Override
    public String display() {
        return display;
    }
}
