package dev.typhon.semantic.diagnostics;

/**
 * A range of a file, both as UTF-16 offsets into the decoded text (what JVM tools index by) and as
 * 1-based lines and columns, columns counted in Unicode code points (what ty and editors show).
 * The end is exclusive.
 */
public record SourceRange(int startOffset, int endOffset, int startLine, int startColumn, int endLine,
        int endColumn) {

    public SourceRange {
        if (startOffset < 0 || endOffset < startOffset) {
            throw new IllegalArgumentException("bad offsets " + startOffset + ".." + endOffset);
        }
        if (startLine < 1 || startColumn < 1 || endLine < startLine || endColumn < 1) {
            throw new IllegalArgumentException("bad position " + startLine + ":" + startColumn + ".." + endLine
                    + ":" + endColumn);
        }
    }

    /** The range of a whole file's start, for diagnostics that point nowhere in particular. */
    public static SourceRange fileStart() {
        return new SourceRange(0, 0, 1, 1, 1, 1);
    }
}
