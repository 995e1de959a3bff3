package dev.typhon.ast.parser;

/**
 * A syntax error: CPython-style message and location.
 *
 * <p>{@code lineno} is 1-based and {@code column} is CPython's {@code SyntaxError.offset}: 1-based,
 * counted in code points. Errors about the source as a whole (an unknown encoding, a null byte)
 * carry {@code lineno 0} and {@code column -1}, as CPython reports encoding problems.
 * {@code startOffset}/{@code endOffset} are UTF-16 offsets into the decoded text that cover the
 * offending characters, for tools that underline them.
 */
public record SyntaxError(String message, int startOffset, int endOffset, int lineno, int column) {

    /** An error that is about the whole source rather than one place in it. */
    public static SyntaxError global(String message, int startOffset, int endOffset) {
        return new SyntaxError(message, startOffset, endOffset, 0, -1);
    }
}
