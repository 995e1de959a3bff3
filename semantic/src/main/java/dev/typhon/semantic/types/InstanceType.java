package dev.typhon.semantic.types;

/** The instances of a class (and of its subclasses): {@code int}, {@code list[int]}, {@code C}. */
public record InstanceType(ClassType classType) implements Type {
    /**
     * {@code C}, {@code list[int]}; an exact {@code float} or {@code complex} is shown with a star
     * ({@code float*}), because an annotation {@code float} means {@code int | float}, which ty shows
     * as {@code float} (see {@link UnionType#display()}).
     */
    @Override
    public String display() {
        if (classType.arguments().isEmpty() && (isKnown(KnownClass.FLOAT) || isKnown(KnownClass.COMPLEX))) {
            return classType.display() + "*";
        }
        return classType.display();
    }

    public ClassLiteral literal() {
        return classType.literal();
    }

    public boolean isKnown(KnownClass k) {
        return classType.literal().known() == k;
    }
}
