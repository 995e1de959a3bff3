package dev.typhon.semantic.types;

/** {@code LiteralString}: any str built only from literals (PEP 675). */
public enum LiteralStringType implements Type {
    LITERAL_STRING;

    @Override
    public String display() {
        return "LiteralString";
    }
}
