package dev.typhon.semantic.index;

/** The kinds of scope Python code runs in. */
public enum ScopeKind {
    MODULE,
    CLASS,
    FUNCTION,
    LAMBDA,
    LIST_COMPREHENSION,
    SET_COMPREHENSION,
    DICT_COMPREHENSION,
    GENERATOR_EXPRESSION,
    /** Annotations evaluated apart from their scope: {@code from __future__ import annotations}. */
    ANNOTATION,
    /** PEP 695: the type parameters of a generic function, class or type alias. */
    TYPE_PARAMETERS,
    /** PEP 695: the lazily evaluated value of a {@code type} statement. */
    TYPE_ALIAS;

    /** Function-like scopes: their locals are fast locals and visible to nested functions. */
    public boolean isFunctionLike() {
        return this != MODULE && this != CLASS && this != ANNOTATION;
    }

    public boolean isComprehension() {
        return this == LIST_COMPREHENSION || this == SET_COMPREHENSION
                || this == DICT_COMPREHENSION || this == GENERATOR_EXPRESSION;
    }
}
