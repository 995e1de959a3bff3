package dev.typhon.ast.parser;

import dev.typhon.ast.source.Comments;
import dev.typhon.ast.source.LineIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The tokens of one source text, as the {@link Tokenizer} produced them: struct-of-arrays, addressed
 * by index, no object per token.
 *
 * <p>{@link #start(int)}/{@link #end(int)} delimit the token's text in {@link #source()}.
 * {@link #line(int)}, {@link #col(int)}, {@link #endLine(int)} and {@link #endCol(int)} are the
 * coordinates CPython's tokenizer gives the parser (1-based lines, 0-based UTF-8 byte columns), which
 * is what AST positions are made of. They follow the text except where CPython's do not:
 * <ul>
 * <li>{@code NEWLINE}: its text is empty, or the comment that precedes the line break (CPython
 * starts the token at the comment); it ends one byte after the line break's column.
 * <li>{@code FSTRING_MIDDLE}/{@code TSTRING_MIDDLE} ending in a doubled brace: the text holds one
 * brace ({@code a{} for {@code a{{}) while the end column is after both, as in CPython.
 * <li>{@code INDENT}/{@code DEDENT}: zero-width at the first token of the line (CPython gives them
 * column -1 and locates errors on them at its read position, which is this one).
 * <li>{@code ENDMARKER} and the {@code DEDENT}s before it: on the last line the tokenizer read, at
 * the column just past its line break (where CPython's read position is at end of file).
 * </ul>
 */
public final class TokenBuffer {

    /**
     * A {@code # type: ignore[tag]} comment, which CPython keeps out of the token stream; the
     * comment spans offsets {@code [start, end)}.
     */
    public record TypeIgnore(int line, String tag, int start, int end) {
    }

    private final String source;
    private LineIndex lineIndex;
    private Comments comments = Comments.EMPTY;

    /** Kinds by token, kept apart because the parser peeks at them most. */
    byte[] kinds;
    /** Six ints per token: start, end, line, col, endLine, endCol. */
    int[] pos;
    int size;

    /** Pairs (token index, error index) for ERRORTOKENs that carry an error, by token index. */
    private int[] errorLinks = new int[8];
    private int errorLinkCount;
    final List<SyntaxError> errors = new ArrayList<>();
    final List<TypeIgnore> typeIgnores = new ArrayList<>();

    TokenBuffer(String source) {
        this.source = source;
        // Python source averages about one token per six characters.
        int capacity = Math.max(16, source.length() / 6);
        kinds = new byte[capacity];
        pos = new int[capacity * 6];
    }

    void add(TokenKind kind, int start, int end, int line, int col, int endLine, int endCol) {
        int i = size;
        if (i == kinds.length) {
            grow();
        }
        kinds[i] = (byte) kind.ordinal();
        int[] a = pos;
        int k = i * 6;
        a[k] = start;
        a[k + 1] = end;
        a[k + 2] = line;
        a[k + 3] = col;
        a[k + 4] = endLine;
        a[k + 5] = endCol;
        size = i + 1;
    }

    private void grow() {
        int capacity = kinds.length + (kinds.length >> 1) + 16;
        kinds = Arrays.copyOf(kinds, capacity);
        pos = Arrays.copyOf(pos, capacity * 6);
    }

    void setLineIndex(LineIndex lineIndex) {
        this.lineIndex = lineIndex;
    }

    void setComments(Comments comments) {
        this.comments = comments;
    }

    /** The {@code #} comments the tokenizer read (kept out of the token stream, as in CPython). */
    public Comments comments() {
        return comments;
    }

    /** Links the most recently added token to a new error. */
    void linkError(SyntaxError error) {
        errors.add(error);
        if (errorLinkCount * 2 + 2 > errorLinks.length) {
            errorLinks = Arrays.copyOf(errorLinks, errorLinks.length * 2);
        }
        errorLinks[errorLinkCount * 2] = size - 1;
        errorLinks[errorLinkCount * 2 + 1] = errors.size() - 1;
        errorLinkCount++;
    }

    public int size() {
        return size;
    }

    public TokenKind kind(int i) {
        return TokenKind.of(kinds[i]);
    }

    /** UTF-16 offset where the token's text starts. */
    public int start(int i) {
        return pos[i * 6];
    }

    /** UTF-16 offset just past the token's text. */
    public int end(int i) {
        return pos[i * 6 + 1];
    }

    /** CPython line (1-based) of the token start. */
    public int line(int i) {
        return pos[i * 6 + 2];
    }

    /** CPython column (0-based, UTF-8 bytes) of the token start. */
    public int col(int i) {
        return pos[i * 6 + 3];
    }

    public int endLine(int i) {
        return pos[i * 6 + 4];
    }

    /** CPython end column (exclusive, UTF-8 bytes). */
    public int endCol(int i) {
        return pos[i * 6 + 5];
    }

    /** The token's text, a substring of the source. */
    public String text(int i) {
        return source.substring(pos[i * 6], pos[i * 6 + 1]);
    }

    /** True when the token's text is {@code s}, without allocating. */
    public boolean textEquals(int i, String s) {
        int start = pos[i * 6];
        int len = pos[i * 6 + 1] - start;
        return len == s.length() && source.regionMatches(start, s, 0, len);
    }

    /** True when the token's text is all ASCII (a NAME then needs no NFKC normalisation). */
    public boolean isAscii(int i) {
        for (int k = pos[i * 6], e = pos[i * 6 + 1]; k < e; k++) {
            if (source.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    public String source() {
        return source;
    }

    /** Tokenizer errors in the order they were found (CPython reports the first it reaches). */
    public List<SyntaxError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /**
     * For an {@code ERRORTOKEN}, the index in {@link #errors()} of the error it stands for; -1 for
     * other tokens and for an ERRORTOKEN that is merely a character no token starts with (such as
     * {@code $}), on which CPython's parser reports "invalid syntax".
     */
    public int errorIndex(int i) {
        int lo = 0;
        int hi = errorLinkCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int t = errorLinks[mid * 2];
            if (t == i) {
                return errorLinks[mid * 2 + 1];
            }
            if (t < i) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** {@code # type: ignore} comments (only collected when type comments were requested). */
    public List<TypeIgnore> typeIgnores() {
        return Collections.unmodifiableList(typeIgnores);
    }

    /** The line index of the source. */
    public LineIndex lineIndex() {
        return lineIndex;
    }

    /** 1-based line of an arbitrary offset. */
    public int lineOf(int offset) {
        return lineIndex.lineOf(offset);
    }

    /** CPython column (UTF-8 bytes from the line start) of an arbitrary offset. */
    public int colOf(int offset) {
        return lineIndex.colOf(offset);
    }

    /** Offset where 1-based {@code line} starts. */
    public int lineStartOffset(int line) {
        return lineIndex.lineStart(line);
    }
}
