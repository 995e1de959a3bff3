package dev.typhon.semantic.types;

/** The instances of a class (and of its subclasses): {@code int}, {@code list[int]}, {@code C}. */
public record InstanceType(ClassType classType) implements Type {
    @Override
    public String display() {
        return classType.display();
    }

    public ClassLiteral literal() {
        return classType.literal();
    }

    public boolean isKnown(KnownClass k) {
        return classType.literal().known() == k;
    }
}
