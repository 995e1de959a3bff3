package dev.typhon.semantic.types;

/** A class object itself, as the value of its name: {@code <class 'int'>}, {@code <class 'list[int]'>}. */
public record ClassLiteralType(ClassType classType) implements Type {
    @Override
    public String display() {
        return "<class '" + classType.display() + "'>";
    }

    public ClassLiteral literal() {
        return classType.literal();
    }
}
