package dev.typhon.ast.source;

import java.util.Arrays;

/**
 * Maps UTF-16 offsets of a source text to CPython coordinates: 1-based line numbers and 0-based
 * columns counted in UTF-8 bytes.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as CPython sees them after it
 * translates newlines. Built in one pass that also notes, per line, where the first non-ASCII
 * character sits: on a line that is ASCII up to an offset the byte column is just the distance from
 * the line start, so only the rare non-ASCII tail of a line is ever measured.
 *
 * <p>Instances are immutable apart from a small column cache that is replaced, never mutated, so
 * sharing one across threads is safe.
 */
public final class LineIndex {

    private static final int NONE = Integer.MAX_VALUE;

    private final String text;
    private final int length;
    /** lineStarts[k] is the offset where line k+1 starts. */
    private final int[] lineStarts;
    private final int lineCount;
    /** Per line, the offset of its first char >= 0x80, or NONE; null when the text is all ASCII. */
    private final int[] firstNonAscii;
    private final int firstNul;
    /** The last column computed on a non-ASCII line, so scanning along such a line stays linear. */
    private ColumnMark mark;

    private record ColumnMark(int line, int offset, int col) {
    }

    private LineIndex(String text, int[] lineStarts, int lineCount, int[] firstNonAscii, int firstNul) {
        this.text = text;
        this.length = text.length();
        this.lineStarts = lineStarts;
        this.lineCount = lineCount;
        this.firstNonAscii = firstNonAscii;
        this.firstNul = firstNul;
    }

    public static LineIndex of(String text) {
        return of(text, text.toCharArray());
    }

    /**
     * The index a tokenizer recorded while it read {@code text}: {@code lineStarts[0, lineCount)}
     * (lineStarts[0] == 0), the first non-ASCII offset per line or {@code Integer.MAX_VALUE} (null
     * when the text is ASCII), and the first NUL or -1. The arrays are adopted, not copied.
     */
    public static LineIndex ofRecorded(String text, int[] lineStarts, int lineCount, int[] firstNonAscii,
            int firstNul) {
        return new LineIndex(text, lineStarts, lineCount, firstNonAscii, firstNul);
    }

    /** Builds the index from {@code chars}, which must hold exactly the characters of {@code text}. */
    public static LineIndex of(String text, char[] chars) {
        int n = text.length();
        int[] starts = new int[Math.max(16, n / 32)];
        int count = 1;
        int[] fna = null;
        int nul = -1;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            // One unsigned compare lets the common printable ASCII through.
            if ((char) (c - 0x0E) < 0x72) {
                continue;
            }
            if (c < 0x80) {
                if (c <= '\r') {
                    if (c == '\n' || c == '\r') {
                        if (c == '\r' && i + 1 < n && chars[i + 1] == '\n') {
                            i++;
                        }
                        if (count == starts.length) {
                            starts = Arrays.copyOf(starts, count * 2);
                            if (fna != null) {
                                fna = Arrays.copyOf(fna, count * 2);
                            }
                        }
                        if (fna != null) {
                            fna[count] = NONE;
                        }
                        starts[count++] = i + 1;
                    } else if (c == 0 && nul < 0) {
                        nul = i;
                    }
                }
            } else {
                if (fna == null) {
                    fna = new int[starts.length];
                    Arrays.fill(fna, 0, count, NONE);
                }
                if (fna[count - 1] == NONE) {
                    fna[count - 1] = i;
                }
            }
        }
        return new LineIndex(text, starts, count, fna, nul);
    }

    public String text() {
        return text;
    }

    /** Number of lines; a text ending in a newline has an empty last line after it. */
    public int lineCount() {
        return lineCount;
    }

    /** True when every character is ASCII, so byte columns equal char columns everywhere. */
    public boolean isAscii() {
        return firstNonAscii == null;
    }

    /** Offset of the first non-ASCII char on 1-based {@code line}, or {@code Integer.MAX_VALUE}. */
    public int firstNonAscii(int line) {
        if (firstNonAscii == null || line < 1 || line > lineCount) {
            return NONE;
        }
        return firstNonAscii[line - 1];
    }

    /** Offset of the first NUL character, or -1. */
    public int firstNul() {
        return firstNul;
    }

    /** Offset where 1-based {@code line} starts (clamped to the existing lines). */
    public int lineStart(int line) {
        if (line < 1) {
            return 0;
        }
        if (line > lineCount) {
            return length;
        }
        return lineStarts[line - 1];
    }

    /** Offset of the terminator of 1-based {@code line} (or the text length for the last line). */
    public int lineEnd(int line) {
        if (line < 1) {
            line = 1;
        }
        if (line >= lineCount) {
            return length;
        }
        int next = lineStarts[line];
        int end = next - 1;
        if (end > 0 && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** 1-based line containing {@code offset}; a newline belongs to the line it ends. */
    public int lineOf(int offset) {
        if (offset <= 0) {
            return 1;
        }
        if (offset >= length) {
            offset = length;
        }
        int lo = 0;
        int hi = lineCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** UTF-8 byte column (0-based) of {@code offset} on its line. */
    public int colOf(int offset) {
        return colOf(offset, lineOf(offset));
    }

    /** UTF-8 byte column of {@code offset}, which must lie on 1-based {@code line}. */
    public int colOf(int offset, int line) {
        int ls = lineStarts[line - 1];
        if (offset > length) {
            offset = length;
        }
        if (firstNonAscii == null || offset <= firstNonAscii[line - 1]) {
            return offset - ls;
        }
        int from;
        int col;
        ColumnMark m = mark;
        if (m != null && m.line == line && m.offset <= offset) {
            from = m.offset;
            col = m.col;
        } else {
            from = firstNonAscii[line - 1];
            col = from - ls;
        }
        col += Utf8.encodedLength(text, from, offset);
        if (!splitsPair(offset)) {
            mark = new ColumnMark(line, offset, col);
        }
        return col;
    }

    /** True when {@code offset} falls between the two halves of a surrogate pair. */
    private boolean splitsPair(int offset) {
        return offset > 0 && offset < length && Character.isHighSurrogate(text.charAt(offset - 1))
                && Character.isLowSurrogate(text.charAt(offset));
    }

    /** Column of {@code offset} in code points, as CPython counts {@code SyntaxError.offset} - 1. */
    public int charColOf(int offset) {
        int line = lineOf(offset);
        int ls = lineStarts[line - 1];
        if (offset > length) {
            offset = length;
        }
        if (firstNonAscii == null || offset <= firstNonAscii[line - 1]) {
            return offset - ls;
        }
        return text.codePointCount(ls, offset);
    }

    /** Offset of the character at 0-based code point column {@code charCol} on {@code line}. */
    public int offsetOfCharCol(int line, int charCol) {
        int ls = lineStart(line);
        int end = lineEnd(line);
        if (firstNonAscii == null || line > lineCount || ls + charCol <= firstNonAscii[line - 1]) {
            return Math.min(ls + Math.max(charCol, 0), Math.max(end, ls));
        }
        int off = ls;
        for (int k = 0; k < charCol && off < end; k++) {
            off += Character.isHighSurrogate(text.charAt(off)) && off + 1 < end
                    && Character.isLowSurrogate(text.charAt(off + 1)) ? 2 : 1;
        }
        return off;
    }
}
