package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * The instances of a class (and of its subclasses): {@code int}, {@code list[int]}, {@code C}.
 *
 * @param classType  the class
 * @param exactShape for the one instance of a tuple subclass whose elements Typhon knows better than
 *                   its class says ({@code sys.version_info}, whose major and minor versions are the
 *                   configured ones), those elements; null for every other instance
 */
public record InstanceType(ClassType classType, @Nullable TupleType exactShape) implements Type {

    public InstanceType(ClassType classType) {
        this(classType, null);
    }

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
