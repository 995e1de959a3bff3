package dev.typhon.ast.parser;

/**
 * Token kinds the tokenizer produces, named as in CPython's {@code Grammar/Tokens}. Hard keywords
 * have their own kinds; soft keywords ({@code match}, {@code case}, {@code type}, {@code _}) stay
 * {@link #NAME}. {@link #ERRORTOKEN} marks text the tokenizer rejected (see
 * {@link TokenBuffer#errorIndex(int)}) or a character that is no token at all, such as {@code $}.
 */
public enum TokenKind {
    NAME, NUMBER, STRING, FSTRING_START, FSTRING_MIDDLE, FSTRING_END, TSTRING_START, TSTRING_MIDDLE, TSTRING_END,
    NEWLINE, INDENT, DEDENT, ENDMARKER, TYPE_COMMENT, ERRORTOKEN,
    // keywords (hard keywords only; soft keywords match/case/type/_ stay NAME)
    FALSE, NONE, TRUE, AND, AS, ASSERT, ASYNC, AWAIT, BREAK, CLASS, CONTINUE, DEF, DEL, ELIF, ELSE, EXCEPT, FINALLY,
    FOR, FROM, GLOBAL, IF, IMPORT, IN, IS, LAMBDA, NONLOCAL, NOT, OR, PASS, RAISE, RETURN, TRY, WHILE, WITH, YIELD,
    // operators, CPython token names
    LPAR, RPAR, LSQB, RSQB, LBRACE, RBRACE, COLON, COMMA, SEMI, PLUS, MINUS, STAR, SLASH, VBAR, AMPER, LESS, GREATER,
    EQUAL, DOT, PERCENT,
    EQEQUAL, NOTEQUAL, LESSEQUAL, GREATEREQUAL, TILDE, CIRCUMFLEX, LEFTSHIFT, RIGHTSHIFT, DOUBLESTAR, PLUSEQUAL,
    MINEQUAL, STAREQUAL, SLASHEQUAL,
    PERCENTEQUAL, AMPEREQUAL, VBAREQUAL, CIRCUMFLEXEQUAL, LEFTSHIFTEQUAL, RIGHTSHIFTEQUAL, DOUBLESTAREQUAL,
    DOUBLESLASH, DOUBLESLASHEQUAL,
    AT, ATEQUAL, RARROW, ELLIPSIS, COLONEQUAL, EXCLAMATION;

    private static final TokenKind[] VALUES = values();

    static TokenKind of(int ordinal) {
        return VALUES[ordinal];
    }

    /** True for the hard keywords ({@code False} .. {@code yield}). */
    public boolean isKeyword() {
        return ordinal() >= FALSE.ordinal() && ordinal() <= YIELD.ordinal();
    }

    /** True for operators and delimiters ({@code (} .. {@code !}). */
    public boolean isOperator() {
        return ordinal() >= LPAR.ordinal();
    }
}
