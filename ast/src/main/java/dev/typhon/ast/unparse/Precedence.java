package dev.typhon.ast.unparse;

/**
 * How tightly an expression binds, loosest first: CPython's {@code ast._Precedence}. A context
 * asks for a level and an expression whose own operator binds more loosely than that level is
 * parenthesized; the same order as CPython's keeps our output equal to {@code ast.unparse}.
 */
enum Precedence {
    NAMED_EXPR, // <target> := <expr1>
    TUPLE,      // <expr1>, <expr2>
    YIELD,      // 'yield', 'yield from'
    TEST,       // 'if'-'else', 'lambda'
    OR,
    AND,
    NOT,
    CMP,        // comparisons, 'in', 'not in', 'is', 'is not'
    EXPR,       // also '|' (CPython's BOR is an alias of EXPR)
    BXOR,
    BAND,
    SHIFT,
    ARITH,      // binary '+', '-'
    TERM,       // '*', '@', '/', '%', '//'
    FACTOR,     // unary '+', '-', '~'
    POWER,
    AWAIT,
    ATOM;

    static final Precedence BOR = EXPR;

    private static final Precedence[] VALUES = values();

    /** The next tighter level; ATOM stays ATOM. */
    Precedence next() {
        return this == ATOM ? ATOM : VALUES[ordinal() + 1];
    }

    /** Whether an expression binding at {@code own} needs parentheses where {@code this} is asked for. */
    boolean needsParens(Precedence own) {
        return compareTo(own) > 0;
    }
}
