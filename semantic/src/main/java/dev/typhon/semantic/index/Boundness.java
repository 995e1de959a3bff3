package dev.typhon.semantic.index;

/** Whether a name is bound where it is used, after looking through the scopes Python searches. */
public enum Boundness {
    BOUND,
    POSSIBLY_UNBOUND,
    UNBOUND
}
