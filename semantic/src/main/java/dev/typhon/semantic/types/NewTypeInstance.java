package dev.typhon.semantic.types;

/**
 * The instances of a {@code NewType}: {@code UserId = NewType("UserId", int)} makes {@code UserId}
 * a subtype of {@code int} that {@code int} itself is not assignable to. Everything else (members,
 * operators, iteration) is its base's; the pseudo-class object is a {@link KnownInstanceType} of
 * {@link KnownClass#NEW_TYPE} whose value is this type.
 *
 * @param name the name given to {@code NewType(...)}
 * @param ref  where it is defined (its identity: two NewTypes of one name are still distinct)
 * @param base the type it refines (a class instance, or another NewType)
 */
public record NewTypeInstance(String name, DefinitionRef ref, Type base) implements Type {
    @Override
    public String display() {
        return name;
    }

    /** Whether this NewType is {@code other} or refines it, through NewTypes of NewTypes. */
    public boolean refines(NewTypeInstance other) {
        Type t = this;
        while (t instanceof NewTypeInstance n) {
            if (n.ref().equals(other.ref())) {
                return true;
            }
            t = n.base();
        }
        return false;
    }

    /** The class instance at the bottom of a chain of NewTypes. */
    public Type concreteBase() {
        Type t = base;
        while (t instanceof NewTypeInstance n) {
            t = n.base();
        }
        return t;
    }
}
