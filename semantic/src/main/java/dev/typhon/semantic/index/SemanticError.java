package dev.typhon.semantic.index;

/**
 * A scoping error CPython reports as a SyntaxError ({@code name 'x' is used prior to global declaration}, ...).
 *
 * @param lineno 1-based line
 * @param column 1-based column, as CPython's {@code SyntaxError.offset} for these errors
 * @param startOffset UTF-16 offset of the node it points at
 */
public record SemanticError(String message, int lineno, int column, int startOffset) {
}
