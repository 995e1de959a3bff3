package dev.typhon.semantic.types;

/**
 * An object of a typing class whose value matters to the checker, not only its class: a
 * {@code TypeVar} created by {@code T = TypeVar("T")} (its type is that variable, shown as
 * {@code TypeVar}), or a PEP 695 type alias.
 *
 * @param kind the class it is an instance of
 * @param value what it stands for in a type expression (the type variable, or the alias's value)
 * @param name its name, shown as ty shows such objects
 */
public record KnownInstanceType(KnownClass kind, Type value, String name) implements Type {
    @Override
    public String display() {
        return switch (kind) {
            case TYPE_VAR -> "TypeVar";
            case GENERIC_CONTEXT -> "ty_extensions._internal.GenericContext[" + name + "]";
            case TYPE_ALIAS_TYPE -> "TypeAliasType";
            case UNION_TYPE -> "<types.UnionType special-form '" + value.display() + "'>";
            case SPECIAL_FORM -> "<special-form '" + name + "'>";
            case NEW_TYPE -> "<NewType pseudo-class '" + name + "'>";
            default -> kind.symbol();
        };
    }
}
