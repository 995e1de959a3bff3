package dev.typhon.semantic.index;

/**
 * Symbol flags, bit for bit CPython's {@code DEF_*} flags of {@code symtable.h}, so that the
 * symtable view needs no translation, and the resolved scope kinds of its analysis.
 */
public final class SymbolFlags {
    /** Declared {@code global} in this scope (or, at module level, made global by a nested one). */
    public static final int GLOBAL = 1;
    /** Bound here: assignment, deletion, for/with/except/match target, def, class, annotated name. */
    public static final int ASSIGNED = 2;
    public static final int PARAMETER = 4;
    public static final int NONLOCAL = 8;
    /** Read (loaded) here. */
    public static final int USED = 16;
    public static final int FREE_CLASS = 64;
    public static final int IMPORTED = 128;
    /** Has an annotation here ({@code x: int}): a declaration. */
    public static final int DECLARED = 256;
    /** A comprehension iteration variable. */
    public static final int COMPREHENSION_ITER = 512;
    public static final int BOUND = ASSIGNED | PARAMETER | IMPORTED;

    /** Resolution kinds (CPython's LOCAL ... CELL), the result of the scope analysis. */
    public static final int LOCAL = 1;
    public static final int GLOBAL_EXPLICIT = 2;
    public static final int GLOBAL_IMPLICIT = 3;
    public static final int FREE = 4;
    public static final int CELL = 5;

    private SymbolFlags() {
    }
}
