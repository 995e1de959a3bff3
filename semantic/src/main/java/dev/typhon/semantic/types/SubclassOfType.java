package dev.typhon.semantic.types;

/**
 * {@code type[C]}: the class {@code C} or any subclass of it. {@code subclassOf} is a class, or a
 * dynamic type for {@code type[Any]}; {@code type[object]} is equivalent to the instances of {@code type}.
 */
public record SubclassOfType(Type subclassOf) implements Type {
    public SubclassOfType {
        if (!(subclassOf instanceof InstanceType) && !(subclassOf instanceof DynamicType)
                && !(subclassOf instanceof TodoType) && !(subclassOf instanceof TypeVarType)) {
            throw new IllegalArgumentException("type[] of " + subclassOf.display());
        }
    }

    public static SubclassOfType of(ClassType cls) {
        return new SubclassOfType(cls.toInstance());
    }

    @Override
    public String display() {
        return "type[" + subclassOf.display() + "]";
    }
}
