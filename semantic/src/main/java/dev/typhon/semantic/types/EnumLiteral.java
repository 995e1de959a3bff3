package dev.typhon.semantic.types;

/**
 * {@code Literal[Color.RED]}: one member of an enum class, by its canonical name (an alias such as
 * {@code DEFINITELY = YES} is the member it aliases). Its values are instances of the enum class, of
 * which it is a subtype; different members are disjoint. Inference makes one only for an enum with
 * two or more members: the member of a single-member enum is the enum's instance type itself.
 */
public record EnumLiteral(ClassLiteral enumClass, String name) implements Type {
    @Override
    public String display() {
        return "Literal[" + inner() + "]";
    }

    /** {@code Color.RED}: what the member puts inside {@code Literal[...]}. */
    String inner() {
        return enumClass.name() + "." + name;
    }

    /** The enum's instance type, whose attributes and relations the member falls back to. */
    public InstanceType fallback() {
        return ClassType.of(enumClass).toInstance();
    }
}
