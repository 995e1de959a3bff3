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

    /** The range from {@code start} to {@code end} (UTF-16 offsets) of a text, with code-point columns. */
    public static SourceRange of(dev.typhon.ast.source.LineIndex lines, int start, int end) {
        String text = lines.text();
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        int sl = lines.lineOf(s);
        int el = lines.lineOf(e);
        int sc = text.codePointCount(lines.lineStart(sl), s) + 1;
        int ec = text.codePointCount(lines.lineStart(el), e) + 1;
        return new SourceRange(s, e, sl, sc, Math.max(sl, el), ec);
    }

    /** The range of a whole file's start, for diagnostics that point nowhere in particular. */
    public static SourceRange fileStart() {
        return new SourceRange(0, 0, 1, 1, 1, 1);
    }
}
