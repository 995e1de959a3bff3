package dev.typhon.ast;

/**
 * A node with a source position: CPython's {@code _attributes} plus the same range as UTF-16
 * character offsets into the decoded source text (what JVM editors and tools index by).
 * Positions are attributes, not fields: a child walk never descends into them.
 */
public interface Located {
    /** 1-based line of the first character. */
    int lineno();

    /** 0-based column of the first character, in UTF-8 bytes (as CPython counts). */
    int colOffset();

    /** 1-based line of the last character. */
    int endLineno();

    /** 0-based column just past the last character, in UTF-8 bytes. */
    int endColOffset();

    /** Offset of the first character in the decoded source text. */
    int startOffset();

    /** Offset just past the last character in the decoded source text. */
    int endOffset();
}
