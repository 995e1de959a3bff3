package dev.typhon.semantic.types;

/** How a generic class's subtyping follows one of its type arguments. */
public enum Variance {
    COVARIANT,
    CONTRAVARIANT,
    INVARIANT,
    BIVARIANT
}
