package dev.typhon.ast.parser;

/**
 * Turns Python source text into tokens the way CPython 3.14's tokenizer ({@code Parser/lexer})
 * hands them to the parser: NEWLINE/INDENT/DEDENT, PEP 701 f-strings and PEP 750 t-strings split
 * into START/MIDDLE/END pieces around ordinary tokens, CPython's error messages and locations.
 *
 * <p>Never throws: an error becomes a {@link SyntaxError} in {@link TokenBuffer#errors()} and an
 * {@code ERRORTOKEN} in the stream, and tokenizing continues after it, so the buffer always ends
 * with {@code ENDMARKER}.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /**
     * Tokenizes {@code text}. With {@code typeComments}, {@code # type: ...} comments become
     * {@code TYPE_COMMENT} tokens and {@code # type: ignore...} comments are collected in
     * {@link TokenBuffer#typeIgnores()}, as CPython does with {@code PyCF_TYPE_COMMENTS}.
     */
    public static TokenBuffer tokenize(String text, boolean typeComments) {
        return new Lexer(text == null ? "" : text, typeComments).run();
    }

    /** Tokenizes {@code text} without type comments, CPython's default. */
    public static TokenBuffer tokenize(String text) {
        return tokenize(text, false);
    }
}
