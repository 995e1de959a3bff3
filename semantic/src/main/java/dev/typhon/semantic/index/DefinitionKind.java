package dev.typhon.semantic.index;

/** Every way a name gets bound (or unbound) in Python. */
public enum DefinitionKind {
    ASSIGNMENT,
    ANNOTATED_ASSIGNMENT,
    /** {@code x: int} without a value: declares the type, binds nothing. */
    DECLARATION,
    AUGMENTED_ASSIGNMENT,
    IMPORT,
    IMPORT_FROM,
    /** {@code from m import *}: binds the module's public names or its {@code __all__}, resolved later. */
    STAR_IMPORT,
    FUNCTION,
    CLASS,
    PARAMETER,
    VARIADIC_PARAMETER,
    KEYWORD_VARIADIC_PARAMETER,
    FOR_TARGET,
    WITH_TARGET,
    EXCEPT_HANDLER,
    COMPREHENSION_TARGET,
    NAMED_EXPRESSION,
    MATCH_CAPTURE,
    MATCH_STAR,
    MATCH_MAPPING_REST,
    TYPE_ALIAS,
    TYPE_PARAMETER,
    /** {@code del x}: the name is unbound afterwards. */
    DELETE,
    /** The implicit {@code del e} at the end of {@code except ... as e}. */
    EXCEPT_UNBIND;

    /** Deletions leave the name unbound on their path rather than binding it. */
    public boolean unbinds() {
        return this == DELETE || this == EXCEPT_UNBIND;
    }

    /**
     * Whether the definition binds (or unbinds) in the flow: all but a bare declaration, which
     * takes part in the flow as a declaration only. A star import binds possibly, every name.
     */
    public boolean flows() {
        return this != DECLARATION;
    }
}
