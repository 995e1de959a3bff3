package dev.typhon.ast.parser;

import dev.typhon.ast.source.Comments;
import dev.typhon.ast.source.LineIndex;
import dev.typhon.ast.source.Utf8;
import java.util.Arrays;

/**
 * The tokenizer's state machine, a port of the semantics of CPython's {@code Parser/lexer/lexer.c}
 * to a char array: {@link #nextc()}/{@link #backup(int)} play {@code tok_nextc}/{@code tok_backup},
 * and {@code \r\n} and {@code \r} read as one {@code \n}, as CPython sees them after translating
 * newlines. One pass of {@link #normal}'s outer loop, or one call of {@link #fstringMiddle}, reads
 * one token like one call of CPython's {@code tok_get}; {@code normal} keeps going while the mode
 * stays the same. Lone surrogates U+DC80..U+DCFF stand for undecodable source bytes (see
 * {@code SourceText}) and are reported where CPython reports the bytes.
 *
 * <p>CPython stops at its first error; here an error adds an ERRORTOKEN linked to the error and
 * scanning resumes at a sensible place, so the result always ends with ENDMARKER.
 */
final class Lexer {

    private static final int EOF = -1;
    private static final int ERR = -2;
    private static final int TABSIZE = 8;
    private static final int MAXINDENT = 100;
    private static final int MAXLEVEL = 200;
    private static final int MAXFSTRINGLEVEL = 150;
    private static final int MAX_EXPR_NESTING = 3;
    private static final String NUL_MESSAGE = "source code string cannot contain null bytes";

    /** ASCII characters that may continue a name. */
    private static final boolean[] NAME_CHAR = new boolean[128];
    /** Letters that may begin a string prefix. */
    private static final boolean[] PREFIX_CHAR = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            NAME_CHAR[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            PREFIX_CHAR[c] = "bBrRuUfFtT".indexOf(c) >= 0;
        }
    }

    /** One level of CPython's tokenizer mode stack: the base mode or an f-/t-string being read. */
    private static final class Mode {
        boolean fstring;
        /** True while reading ordinary tokens (the base mode, or a replacement field's expression). */
        boolean regular = true;
        char quote;
        int quoteSize;
        boolean raw;
        boolean tstring;
        int start;
        int curlyDepth;
        int exprStartDepth;
        boolean inFormatSpec;
        int levelAtStart;
    }

    private final String text;
    private final char[] buf;
    private final int n;
    /** End of what is read: the text plus the newline CPython appends when the text lacks one. */
    private final int limit;
    private final boolean typeComments;
    private final TokenBuffer out;
    private final Comments.Builder comments;
    private final int firstNul;
    /** Line of the read position at end of file, computed once everything was read. */
    private int eofLine = -1;
    private int eofCol;

    // Lines are recorded as the text is read, which saves a separate pass over it: every place that
    // reads past a line break calls newline(), every place that reads a non-ASCII char calls
    // nonAscii(). The result becomes the buffer's LineIndex.
    private static final int NONE = Integer.MAX_VALUE;
    /** ls[k] is the offset where line k+1 starts. */
    private int[] ls = new int[64];
    private int lc = 1;
    /** Per line, the offset of its first non-ASCII char or NONE; null while all is ASCII. */
    private int[] fna;
    private int markLine = -1;
    private int markOffset;
    private int markCol;

    private int p;
    private boolean done;

    private int[] indstack = new int[MAXINDENT + 1];
    private int[] altindstack = new int[MAXINDENT + 1];
    private int indent;
    private int pendin;
    private boolean atbol = true;

    private char[] parenstack = new char[64];
    private int[] parenpos = new int[64];
    private int level;

    private Mode[] modes = new Mode[8];
    private int modeIndex;

    private int hintLine = 1;
    private int hintStart;
    private int hintNext;
    /** Offsets up to here on the hint line have byte column = offset - hintStart. */
    private int hintAscii;

    Lexer(String text, boolean typeComments) {
        this.text = text;
        this.n = text.length();
        this.typeComments = typeComments;
        this.buf = new char[n + 8];
        text.getChars(0, n, buf, 0);
        boolean endsWithNewline = n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r');
        if (n > 0 && !endsWithNewline) {
            buf[n] = '\n';
            limit = n + 1;
        } else {
            limit = n;
        }
        this.firstNul = text.indexOf('\0');
        this.out = new TokenBuffer(text);
        this.comments = new Comments.Builder(text);
        modes[0] = new Mode();
        modes[0].exprStartDepth = 0;
        hintStart = 0;
        hintNext = NONE;
        hintAscii = NONE;
    }

    TokenBuffer run() {
        if (firstNul >= 0) {
            out.errors.add(SyntaxError.global(NUL_MESSAGE, firstNul, firstNul + 1));
        }
        int stuck = 0;
        try {
            while (!done) {
                int beforeP = p;
                int beforeSize = out.size;
                Mode m = modes[modeIndex];
                if (m.regular) {
                    normal(m);
                } else {
                    fstringMiddle(m);
                }
                if (p == beforeP && out.size == beforeSize) {
                    // A safety net: every step must read or produce something.
                    if (++stuck > 2) {
                        int c = nextc();
                        if (c >= 0x80) {
                            nonAscii(p - 1);
                        }
                        emit(TokenKind.ERRORTOKEN, beforeP, p);
                        stuck = 0;
                        if (p >= limit) {
                            finishAtEof();
                        }
                    }
                } else {
                    stuck = 0;
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            int at = Math.min(p, n);
            // Lines may be half recorded: count them afresh.
            LineIndex fresh = LineIndex.of(text, Arrays.copyOf(buf, n));
            out.errors.add(new SyntaxError("internal tokenizer error: " + e, at, at, fresh.lineOf(at), 0));
            if (out.size == 0 || out.kind(out.size - 1) != TokenKind.ENDMARKER) {
                int line = fresh.lineOf(n);
                out.add(TokenKind.ENDMARKER, n, n, line, fresh.colOf(n, line), line, fresh.colOf(n, line));
            }
            out.setLineIndex(fresh);
            out.setComments(comments.build());
            return out;
        }
        out.setLineIndex(LineIndex.ofRecorded(text, ls, lc, fna, firstNul));
        out.setComments(comments.build());
        return out;
    }

    // ---------------------------------------------------------------- reading

    private int nextc() {
        char c = buf[p];
        if (c > '\r') {
            p++;
            return c;
        }
        if (c == '\r') {
            p++;
            if (buf[p] == '\n') {
                p++;
            }
            newline(p);
            return '\n';
        }
        if (c == '\n') {
            p++;
            newline(p);
            return '\n';
        }
        if (c == 0 && p >= limit) {
            return EOF;
        }
        p++;
        return c;
    }

    /** Records that a line starts at {@code start}, just read past a line break. */
    private void newline(int start) {
        if (start > ls[lc - 1] && start <= n) {
            if (lc == ls.length) {
                ls = Arrays.copyOf(ls, lc * 2);
                if (fna != null) {
                    fna = Arrays.copyOf(fna, lc * 2);
                }
            }
            if (fna != null) {
                fna[lc] = NONE;
            }
            ls[lc++] = start;
        }
    }

    /** Records a non-ASCII char at {@code pos}, which the byte columns after it must count. */
    private void nonAscii(int pos) {
        if (pos >= n) {
            return;
        }
        int line = pos >= ls[lc - 1] ? lc : lineOf(pos);
        if (fna == null) {
            fna = new int[ls.length];
            Arrays.fill(fna, NONE);
        }
        if (pos < fna[line - 1]) {
            fna[line - 1] = pos;
            if (line == hintLine && pos < hintAscii) {
                hintAscii = pos;
            }
        }
    }

    /** 1-based line of an offset already read. */
    private int lineOf(int offset) {
        if (offset > n) {
            offset = n;
        }
        int lo = 0;
        int hi = lc - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ls[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private int lineStart(int line) {
        return ls[line - 1];
    }

    private int firstNonAsciiOf(int line) {
        return fna == null ? NONE : fna[line - 1];
    }

    /** The line and column of the read position at end of file (everything has been read). */
    private void computeEof() {
        if (eofLine >= 0) {
            return;
        }
        if (limit == 0) {
            eofLine = 1;
            eofCol = 0;
            return;
        }
        int nl = limit > n ? n : newlineStart(limit);
        eofLine = lineOf(nl);
        eofCol = byteColumn(nl, eofLine) + 1;
    }

    private void backup(int c) {
        if (c == EOF) {
            return;
        }
        p--;
        if (c == '\n' && p > 0 && buf[p] == '\n' && buf[p - 1] == '\r') {
            p--;
        }
    }

    /** Offset of the first char of the line break that ends just before {@code after}. */
    private int newlineStart(int after) {
        int nl = after - 1;
        if (nl > 0 && nl < n && buf[nl] == '\n' && buf[nl - 1] == '\r') {
            nl--;
        }
        return nl;
    }

    private boolean isNewlineAt(int i) {
        if (i >= n) {
            return i < limit;
        }
        return buf[i] == '\n' || buf[i] == '\r';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isXDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isPotentialIdentifierStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    }

    private static boolean isPotentialIdentifierChar(int c) {
        return c >= 128 || (c >= 0 && NAME_CHAR[c]);
    }

    // ---------------------------------------------------------------- positions

    private int lineAt(int offset) {
        if (offset > n) {
            offset = n;
        }
        if (hintNext == NONE && hintLine < lc) {
            hintNext = ls[hintLine];
        }
        if (offset >= hintStart && offset < hintNext) {
            return hintLine;
        }
        if (offset >= hintNext && offset - hintNext < 4096) {
            while (offset >= hintNext) {
                hintLine++;
                hintStart = hintNext;
                hintNext = hintLine < lc ? ls[hintLine] : NONE;
            }
        } else {
            hintLine = lineOf(offset);
            hintStart = ls[hintLine - 1];
            hintNext = hintLine < lc ? ls[hintLine] : NONE;
        }
        hintAscii = firstNonAsciiOf(hintLine);
        return hintLine;
    }

    private int byteColumn(int offset, int line) {
        if (offset > n) {
            offset = n;
        }
        if (line == hintLine && offset <= hintAscii) {
            return offset - hintStart;
        }
        int start = ls[line - 1];
        int first = firstNonAsciiOf(line);
        if (offset <= first) {
            return offset - start;
        }
        int col;
        if (markLine == line && markOffset <= offset && markOffset >= first) {
            col = markCol + Utf8.encodedLength(text, markOffset, offset);
        } else {
            col = first - start + Utf8.encodedLength(text, first, offset);
        }
        if (!(offset > 0 && offset < n && Character.isHighSurrogate(buf[offset - 1])
                && Character.isLowSurrogate(buf[offset]))) {
            markLine = line;
            markOffset = offset;
            markCol = col;
        }
        return col;
    }

    private void emit(TokenKind kind, int start, int end) {
        emit(kind, start, end, end);
    }

    /** Adds a token whose text is [start, end) and whose CPython end column is at structEnd. */
    private void emit(TokenKind kind, int start, int end, int structEnd) {
        if (start >= hintStart && structEnd < hintNext && structEnd <= hintAscii && structEnd <= n && start <= end
                && (hintNext != NONE || hintLine == lc)) {
            // The common case: on the line at hand, with only ASCII before the token's end.
            int col = start - hintStart;
            out.add(kind, start, end, hintLine, col, hintLine, structEnd - hintStart);
            return;
        }
        int s = Math.min(start, n);
        int e = Math.min(end, n);
        int line = lineAt(s);
        int col = byteColumn(s, line);
        int endLine;
        int endCol;
        if (structEnd < hintNext && structEnd >= hintStart) {
            endLine = line;
            endCol = byteColumn(structEnd, line);
        } else {
            endLine = lineAt(structEnd);
            endCol = byteColumn(structEnd, endLine);
        }
        out.add(kind, s, Math.max(s, e), line, col, endLine, endCol);
    }

    /** A NEWLINE starting at {@code start} (a comment, or the line break at {@code nl}). */
    private void emitNewline(int start, int nl) {
        if (nl >= n) {
            int line = lineAt(n);
            int col = byteColumn(n, line);
            int startCol = start >= n ? col : byteColumn(start, line);
            out.add(TokenKind.NEWLINE, Math.min(start, n), n, line, startCol, line, col + 1);
            return;
        }
        int line = lineAt(start);
        int col = byteColumn(start, line);
        int nlLine = lineAt(nl);
        out.add(TokenKind.NEWLINE, start, nl, line, col, nlLine, byteColumn(nl, nlLine) + 1);
    }

    /** INDENT or DEDENT: zero-width at the read position. */
    private void emitZero(TokenKind kind, int at) {
        if (at >= limit) {
            emitAtEof(kind);
            return;
        }
        int s = Math.min(at, n);
        int line = lineAt(s);
        int col = byteColumn(s, line);
        out.add(kind, s, s, line, col, line, col);
    }

    private void emitAtEof(TokenKind kind) {
        computeEof();
        out.add(kind, n, n, eofLine, eofCol, eofLine, eofCol);
    }

    // ---------------------------------------------------------------- errors

    /** Code points from the start of {@code line} to {@code offset} (past the text: one per char). */
    private int charsBefore(int line, int offset) {
        int start = lineStart(line);
        int o = Math.min(offset, n);
        int count = o <= firstNonAsciiOf(line) ? Math.max(0, o - start) : text.codePointCount(start, o);
        return count + Math.max(0, offset - n);
    }

    /** The line CPython's tokenizer is on when its read position is {@code cursor}. */
    private int cursorLine(int cursor) {
        if (cursor > 0 && !isNewlineAt(cursor - 1)) {
            return lineOf(Math.min(cursor - 1, n));
        }
        return lineOf(Math.min(cursor, n));
    }

    /**
     * CPython's parser turns a byte column into a character column by decoding that many bytes of
     * the line with undecodable bytes already replaced by U+FFFD (three bytes each).
     */
    private int parserColumn(int line, int byteCol) {
        int i = lineStart(line);
        int bytes = 0;
        int chars = 0;
        while (bytes < byteCol) {
            if (i >= n) {
                chars += byteCol - bytes;
                break;
            }
            char c = buf[i];
            int len;
            if (c < 0x80) {
                len = 1;
            } else if (c < 0x800) {
                len = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(buf[i + 1])) {
                len = 4;
                i++;
            } else {
                len = 3;
            }
            i++;
            bytes += len;
            chars++;
        }
        return chars;
    }

    /** An error located where CPython's tokenizer read position is, with an ERRORTOKEN over [from, to). */
    private void errorAtCursor(String message, int cursor, int from, int to) {
        int line = cursorLine(cursor);
        errorAt(message, line, charsBefore(line, cursor), from, to);
    }

    private void errorAt(String message, int line, int column, int from, int to) {
        int s = Math.min(from, n);
        int e = Math.max(s, Math.min(to, n));
        emit(TokenKind.ERRORTOKEN, s, e);
        out.linkError(new SyntaxError(message, s, e, line, column));
    }

    private void errorAtEof(String message, int line, int column, int from) {
        emitAtEof(TokenKind.ERRORTOKEN);
        int s = Math.min(from, n);
        out.linkError(new SyntaxError(message, s, n, line, column));
    }

    private static String prefixOf(Mode m) {
        return m.tstring ? "t-string" : "f-string";
    }

    /** Ends the stream at end of file: dedents to column 0, then ENDMARKER. */
    private void finishAtEof() {
        level = 0;
        modeIndex = 0;
        while (indent > 0) {
            indent--;
            emitAtEof(TokenKind.DEDENT);
        }
        pendin = 0;
        emitAtEof(TokenKind.ENDMARKER);
        p = limit;
        done = true;
    }

    // ---------------------------------------------------------------- regular mode

    private void normal(Mode cur) {
        // Each pass of the nextline loop is one call of CPython's tok_get; staying in the loop
        // while the mode is unchanged saves a return to run() per token.
        int mark = out.size;
        nextline:
        for (;;) {
            boolean blankline = false;
            if (atbol) {
                atbol = false;
                int col = 0;
                int altcol = 0;
                int contLineCol = 0;
                int c;
                for (;;) {
                    c = nextc();
                    if (c == ' ') {
                        col++;
                        altcol++;
                    } else if (c == '\t') {
                        col = (col / TABSIZE + 1) * TABSIZE;
                        altcol++;
                    } else if (c == '\f') {
                        col = 0;
                        altcol = 0;
                    } else if (c == '\\') {
                        // The first backslash fixes the indentation of what follows it.
                        contLineCol = contLineCol != 0 ? contLineCol : col;
                        if (!continuationLine()) {
                            if (resume(cur, mark)) {
                                mark = out.size;
                                continue nextline;
                            }
                            return;
                        }
                    } else {
                        break;
                    }
                }
                backup(c);
                if (c == '#' || c == '\n') {
                    // Blank and comment-only lines neither indent nor end a statement.
                    blankline = true;
                }
                if (!blankline && level == 0) {
                    if (contLineCol != 0) {
                        col = contLineCol;
                        altcol = contLineCol;
                    }
                    if (col == indstack[indent]) {
                        if (altcol != altindstack[indent]) {
                            tabError();
                            if (resume(cur, mark)) {
                                mark = out.size;
                                continue nextline;
                            }
                            return;
                        }
                    } else if (col > indstack[indent]) {
                        if (indent + 1 >= MAXINDENT) {
                            int line = lineAt(Math.min(p, n));
                            errorAt("too many levels of indentation", line, 1, p, p);
                            if (resume(cur, mark)) {
                                mark = out.size;
                                continue nextline;
                            }
                            return;
                        }
                        boolean inconsistent = altcol <= altindstack[indent];
                        pendin++;
                        indstack[++indent] = col;
                        altindstack[indent] = altcol;
                        if (inconsistent) {
                            tabError();
                            if (resume(cur, mark)) {
                                mark = out.size;
                                continue nextline;
                            }
                            return;
                        }
                    } else {
                        while (indent > 0 && col < indstack[indent]) {
                            pendin--;
                            indent--;
                        }
                        if (col != indstack[indent]) {
                            dedentError();
                            if (resume(cur, mark)) {
                                mark = out.size;
                                continue nextline;
                            }
                            return;
                        }
                        if (altcol != altindstack[indent]) {
                            tabError();
                            if (resume(cur, mark)) {
                                mark = out.size;
                                continue nextline;
                            }
                            return;
                        }
                    }
                }
            }

            if (pendin != 0) {
                if (pendin < 0) {
                    pendin++;
                    emitZero(TokenKind.DEDENT, p);
                } else {
                    pendin--;
                    emitZero(TokenKind.INDENT, p);
                }
                if (resume(cur, mark)) {
                    mark = out.size;
                    continue nextline;
                }
                return;
            }

            again:
            for (;;) {
                while (buf[p] == ' ') {
                    p++;
                }
                int c;
                int start;
                do {
                    start = p;
                    c = nextc();
                } while (c == ' ' || c == '\t' || c == '\f');

                if (c == '#') {
                    int q = p;
                    for (;;) {
                        char ch = buf[q];
                        if (ch <= '\r') {
                            if (ch == '\n' || ch == '\r' || (ch == 0 && q >= limit)) {
                                break;
                            }
                        } else if (ch >= 0x80) {
                            nonAscii(q);
                        }
                        q++;
                    }
                    p = q;
                    // Every line break before the comment was read, so its line is the last recorded.
                    comments.add(start, Math.min(q, n), lc);
                    c = nextc();
                    if (typeComments) {
                        int r = typeComment(start, q, c, blankline);
                        if (r == 1) {
                            if (resume(cur, mark)) {
                                mark = out.size;
                                continue nextline;
                            }
                            return;
                        }
                        if (r == 2) {
                            continue nextline;
                        }
                    }
                }

                if (c == EOF) {
                    atEof(cur);
                    if (resume(cur, mark)) {
                        mark = out.size;
                        continue nextline;
                    }
                    return;
                }

                if (isPotentialIdentifierStart(c)) {
                    name(start, c, cur);
                    if (resume(cur, mark)) {
                        mark = out.size;
                        continue nextline;
                    }
                    return;
                }

                if (c == '\n') {
                    atbol = true;
                    if (blankline || level > 0) {
                        continue nextline;
                    }
                    emitNewline(start, newlineStart(p));
                    if (resume(cur, mark)) {
                        mark = out.size;
                        continue nextline;
                    }
                    return;
                }

                if (c == '.') {
                    c = nextc();
                    if (isDigit(c)) {
                        fraction(start, c);
                        if (resume(cur, mark)) {
                            mark = out.size;
                            continue nextline;
                        }
                        return;
                    } else if (c == '.') {
                        c = nextc();
                        if (c == '.') {
                            emit(TokenKind.ELLIPSIS, start, p);
                            if (resume(cur, mark)) {
                                mark = out.size;
                                continue nextline;
                            }
                            return;
                        }
                        backup(c);
                        backup('.');
                    } else {
                        backup(c);
                    }
                    emit(TokenKind.DOT, start, p);
                    if (resume(cur, mark)) {
                        mark = out.size;
                        continue nextline;
                    }
                    return;
                }

                if (isDigit(c)) {
                    number(start, c);
                    if (resume(cur, mark)) {
                        mark = out.size;
                        continue nextline;
                    }
                    return;
                }

                if (c == '\'' || c == '"') {
                    string(start, c);
                    if (resume(cur, mark)) {
                        mark = out.size;
                        continue nextline;
                    }
                    return;
                }

                if (c == '\\') {
                    if (!continuationLine()) {
                        if (resume(cur, mark)) {
                            mark = out.size;
                            continue nextline;
                        }
                        return;
                    }
                    continue again;
                }

                // A ':' at the top of a replacement field starts the format spec.
                if (c == ':' && cur.fstring && cur.exprStartDepth >= 0
                        && cur.curlyDepth - 1 == cur.exprStartDepth) {
                    cur.regular = false;
                    cur.inFormatSpec = true;
                    emit(TokenKind.COLON, start, p);
                    if (resume(cur, mark)) {
                        mark = out.size;
                        continue nextline;
                    }
                    return;
                }

                operator(start, c, cur);
                if (resume(cur, mark)) {
                    mark = out.size;
                    continue nextline;
                }
                return;
            }
        }
    }

    /** True when normal() may read the next token itself: something was produced, mode unchanged. */
    private boolean resume(Mode cur, int mark) {
        return out.size > mark && !done && modes[modeIndex] == cur && cur.regular;
    }

    /**
     * After a {@code #} comment [start, end) whose line break (or EOF) {@code c} was read: a
     * {@code # type: ...} comment becomes TYPE_COMMENT (returns 1) and {@code # type: ignore...} is
     * recorded (returns 2, go on with the next line); anything else returns 0.
     */
    private int typeComment(int start, int end, int c, boolean blankline) {
        String prefix = "# type: ";
        int t = start;
        int k = 0;
        while (k < prefix.length() && t <= end && t < limit) {
            char pc = prefix.charAt(k);
            if (pc == ' ') {
                while (buf[t] == ' ' || buf[t] == '\t') {
                    t++;
                }
            } else if (pc == buf[t]) {
                t++;
            } else {
                break;
            }
            k++;
        }
        if (k < prefix.length()) {
            return 0;
        }
        if (t > end) {
            t = end;
        }
        backup(c);
        int ignoreEnd = t + 6;
        boolean ignore = end >= ignoreEnd && text.startsWith("ignore", t)
                && !(end > ignoreEnd && (buf[ignoreEnd] >= 128 || Character.isLetterOrDigit(buf[ignoreEnd])
                        && buf[ignoreEnd] < 128));
        if (ignore) {
            // CPython's tag spans the token's columns, which on a comment-only line include the
            // line break it consumed: "# type: ignore\n" has the tag "\n".
            String tag = text.substring(Math.min(ignoreEnd, n), Math.min(end, n))
                    + (blankline && c != EOF ? "\n" : "");
            out.typeIgnores.add(new TokenBuffer.TypeIgnore(lineOf(Math.min(start, n)), tag, Math.min(start, n), Math.min(end, n)));
            if (blankline) {
                nextc();
                atbol = true;
            }
            return 2;
        }
        emit(TokenKind.TYPE_COMMENT, t, end);
        return 1;
    }

    /** After a backslash: the line must end right there, and something must follow. */
    private boolean continuationLine() {
        int backslash = p - 1;
        int c = nextc();
        if (c != '\n') {
            // CPython: column = read position (just past the character after the backslash).
            int line = lineOf(Math.min(backslash, n));
            int byteCol = byteColumn(Math.min(p, n), line) + Math.max(0, p - n);
            backup(c);
            errorAt("unexpected character after line continuation character", line, parserColumn(line, byteCol),
                    backslash, backslash + 1);
            return false;
        }
        c = nextc();
        if (c == EOF) {
            if (level > 0) {
                unclosedBracket();
            } else {
                computeEof();
                errorAtEof("unexpected EOF while parsing", eofLine, parserColumn(eofLine, eofCol), backslash);
            }
            finishAtEof();
            return false;
        }
        backup(c);
        return true;
    }

    private void tabError() {
        int at = Math.min(p, n);
        errorAt("inconsistent use of tabs and spaces in indentation", lineAt(at), 1, at, at);
    }

    private void dedentError() {
        int at = Math.min(p, n);
        int line = lineAt(at);
        int lineEnd = at;
        while (lineEnd < n && buf[lineEnd] != '\n' && buf[lineEnd] != '\r') {
            lineEnd++;
        }
        int byteCol = byteColumn(lineEnd, line) + (lineEnd < limit ? 1 : 0);
        errorAt("unindent does not match any outer indentation level", line, parserColumn(line, byteCol), at, at);
    }

    private void unclosedBracket() {
        int at = parenpos[level - 1];
        int line = lineOf(at);
        int byteCol = byteColumn(at, line) + 1;
        errorAtEof("'" + parenstack[level - 1] + "' was never closed", line, parserColumn(line, byteCol), at);
    }

    private void atEof(Mode cur) {
        if (level > 0) {
            unclosedBracket();
            finishAtEof();
            return;
        }
        if (modeIndex > 0) {
            // Cannot happen without an open bracket, but never leave a mode behind.
            modeIndex = 0;
        }
        emitAtEof(TokenKind.ENDMARKER);
        p = limit;
        done = true;
    }

    // ---------------------------------------------------------------- names and keywords

    private void name(int start, int c, Mode cur) {
        boolean sawB = false;
        boolean sawR = false;
        boolean sawU = false;
        boolean sawF = false;
        boolean sawT = false;
        for (;;) {
            if (c < 0 || (c < 128 && !PREFIX_CHAR[c])) {
                break;
            }
            if (!sawB && (c == 'b' || c == 'B')) {
                sawB = true;
            } else if (!sawU && (c == 'u' || c == 'U')) {
                sawU = true;
            } else if (!sawR && (c == 'r' || c == 'R')) {
                sawR = true;
            } else if (!sawF && (c == 'f' || c == 'F')) {
                sawF = true;
            } else if (!sawT && (c == 't' || c == 'T')) {
                sawT = true;
            } else {
                break;
            }
            c = nextc();
            if (c == '"' || c == '\'') {
                String clash = prefixClash(sawB, sawR, sawU, sawF, sawT);
                if (clash != null) {
                    int line = lineAt(Math.min(start, n));
                    int column = byteColumn(start, line) + 1;
                    skipStringBody(c);
                    errorAt(clash, line, column, start, p);
                    return;
                }
                if (sawF || sawT) {
                    fstringStart(start, c, sawR, sawT);
                } else {
                    string(start, c);
                }
                return;
            }
        }
        boolean nonascii = false;
        if (isPotentialIdentifierChar(c)) {
            if (c >= 128) {
                nonascii = true;
                nonAscii(p - 1);
            }
            for (;;) {
                char ch = buf[p];
                if (ch < 128) {
                    if (!NAME_CHAR[ch]) {
                        break;
                    }
                } else {
                    nonascii = true;
                    nonAscii(p);
                }
                p++;
            }
        } else {
            backup(c);
        }
        int end = p;
        if (nonascii && !verifyIdentifier(start, end)) {
            return;
        }
        emit(keyword(start, end - start), start, end);
    }

    /** CPython 3.14's check of prefix letters that cannot be combined. */
    private static String prefixClash(boolean b, boolean r, boolean u, boolean f, boolean t) {
        String first = null;
        String second = null;
        if (u && b) {
            first = "u";
            second = "b";
        } else if (u && r) {
            first = "u";
            second = "r";
        } else if (u && f) {
            first = "u";
            second = "f";
        } else if (u && t) {
            first = "u";
            second = "t";
        } else if (b && f) {
            first = "b";
            second = "f";
        } else if (b && t) {
            first = "b";
            second = "t";
        } else if (f && t) {
            first = "f";
            second = "t";
        }
        return first == null ? null : "'" + first + "' and '" + second + "' prefixes are incompatible";
    }

    /** Skips a string body after its opening quote (for recovery), stopping at a line end if unclosed. */
    private void skipStringBody(int quote) {
        int quoteSize = 1;
        if (buf[p] == quote && buf[p + 1] == quote) {
            quoteSize = 3;
            p += 2;
        }
        int endq = 0;
        for (;;) {
            char ch = buf[p];
            if (ch == 0 && p >= limit) {
                return;
            }
            if (ch == quote) {
                p++;
                if (++endq == quoteSize) {
                    return;
                }
                continue;
            }
            endq = 0;
            if (ch == '\\') {
                p++;
                if (buf[p] == 0 && p >= limit) {
                    return;
                }
                if (nextc() >= 0x80) {
                    nonAscii(p - 1);
                }
                continue;
            }
            if (ch == '\n' || ch == '\r') {
                if (quoteSize == 1) {
                    return;
                }
                nextc();
                continue;
            }
            if (ch >= 0x80) {
                nonAscii(p);
            }
            p++;
        }
    }

    private boolean verifyIdentifier(int start, int end) {
        if (Utf8.hasLoneSurrogate(text, start, Math.min(end, n))) {
            byte[] bytes = Utf8.encode(text, start, Math.min(end, n));
            Utf8.DecodeError e = Utf8.firstError(bytes, 0, bytes.length);
            if (e == null) {
                e = new Utf8.DecodeError(0, 1, "invalid start byte");
            }
            int line = lineAt(Math.min(start, n));
            int byteCol = byteColumn(end, line);
            errorAt("(unicode error) " + Utf8.describe("utf-8", bytes, 0, e), line, parserColumn(line, byteCol),
                    start, end);
            return false;
        }
        int i = start;
        int cp = text.codePointAt(i);
        boolean ok = cp == '_' || CharClasses.isXidStart(cp);
        while (ok) {
            i += Character.charCount(cp);
            if (i >= end) {
                return true;
            }
            cp = text.codePointAt(i);
            ok = CharClasses.isXidContinue(cp);
        }
        int cursor = i + Character.charCount(cp);
        String message = CharClasses.isPrintable(cp)
                ? "invalid character '" + new String(Character.toChars(cp)) + "' (U+" + hex(cp) + ")"
                : "invalid non-printable character U+" + hex(cp);
        errorAtCursor(message, cursor, start, end);
        return false;
    }

    private static String hex(int cp) {
        String h = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        return h.length() >= 4 ? h : "0000".substring(h.length()) + h;
    }

    private TokenKind keyword(int s, int len) {
        if (len < 2 || len > 8) {
            return TokenKind.NAME;
        }
        return switch (buf[s]) {
            case 'F' -> is(s, len, "False") ? TokenKind.FALSE : TokenKind.NAME;
            case 'N' -> is(s, len, "None") ? TokenKind.NONE : TokenKind.NAME;
            case 'T' -> is(s, len, "True") ? TokenKind.TRUE : TokenKind.NAME;
            case 'a' -> is(s, len, "and") ? TokenKind.AND
                    : is(s, len, "as") ? TokenKind.AS
                    : is(s, len, "assert") ? TokenKind.ASSERT
                    : is(s, len, "async") ? TokenKind.ASYNC
                    : is(s, len, "await") ? TokenKind.AWAIT : TokenKind.NAME;
            case 'b' -> is(s, len, "break") ? TokenKind.BREAK : TokenKind.NAME;
            case 'c' -> is(s, len, "class") ? TokenKind.CLASS
                    : is(s, len, "continue") ? TokenKind.CONTINUE : TokenKind.NAME;
            case 'd' -> is(s, len, "def") ? TokenKind.DEF : is(s, len, "del") ? TokenKind.DEL : TokenKind.NAME;
            case 'e' -> is(s, len, "else") ? TokenKind.ELSE
                    : is(s, len, "elif") ? TokenKind.ELIF
                    : is(s, len, "except") ? TokenKind.EXCEPT : TokenKind.NAME;
            case 'f' -> is(s, len, "for") ? TokenKind.FOR
                    : is(s, len, "from") ? TokenKind.FROM
                    : is(s, len, "finally") ? TokenKind.FINALLY : TokenKind.NAME;
            case 'g' -> is(s, len, "global") ? TokenKind.GLOBAL : TokenKind.NAME;
            case 'i' -> is(s, len, "if") ? TokenKind.IF
                    : is(s, len, "in") ? TokenKind.IN
                    : is(s, len, "is") ? TokenKind.IS
                    : is(s, len, "import") ? TokenKind.IMPORT : TokenKind.NAME;
            case 'l' -> is(s, len, "lambda") ? TokenKind.LAMBDA : TokenKind.NAME;
            case 'n' -> is(s, len, "not") ? TokenKind.NOT
                    : is(s, len, "nonlocal") ? TokenKind.NONLOCAL : TokenKind.NAME;
            case 'o' -> is(s, len, "or") ? TokenKind.OR : TokenKind.NAME;
            case 'p' -> is(s, len, "pass") ? TokenKind.PASS : TokenKind.NAME;
            case 'r' -> is(s, len, "return") ? TokenKind.RETURN
                    : is(s, len, "raise") ? TokenKind.RAISE : TokenKind.NAME;
            case 't' -> is(s, len, "try") ? TokenKind.TRY : TokenKind.NAME;
            case 'w' -> is(s, len, "while") ? TokenKind.WHILE
                    : is(s, len, "with") ? TokenKind.WITH : TokenKind.NAME;
            case 'y' -> is(s, len, "yield") ? TokenKind.YIELD : TokenKind.NAME;
            default -> TokenKind.NAME;
        };
    }

    private boolean is(int s, int len, String kw) {
        if (len != kw.length()) {
            return false;
        }
        for (int k = 1; k < len; k++) {
            if (buf[s + k] != kw.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- numbers

    private void number(int start, int c) {
        if (c == '0') {
            c = nextc();
            if (c == 'x' || c == 'X') {
                c = nextc();
                do {
                    if (c == '_') {
                        c = nextc();
                    }
                    if (!isXDigit(c)) {
                        backup(c);
                        errorAtCursor("invalid hexadecimal literal", p, start, p);
                        return;
                    }
                    do {
                        c = nextc();
                    } while (isXDigit(c));
                } while (c == '_');
                if (!verifyEndOfNumber(start, c, "hexadecimal")) {
                    return;
                }
            } else if (c == 'o' || c == 'O') {
                c = nextc();
                do {
                    if (c == '_') {
                        c = nextc();
                    }
                    if (c < '0' || c >= '8') {
                        if (isDigit(c)) {
                            errorAtCursor("invalid digit '" + (char) c + "' in octal literal", p, start, p);
                        } else {
                            backup(c);
                            errorAtCursor("invalid octal literal", p, start, p);
                        }
                        return;
                    }
                    do {
                        c = nextc();
                    } while ('0' <= c && c < '8');
                } while (c == '_');
                if (isDigit(c)) {
                    errorAtCursor("invalid digit '" + (char) c + "' in octal literal", p, start, p);
                    return;
                }
                if (!verifyEndOfNumber(start, c, "octal")) {
                    return;
                }
            } else if (c == 'b' || c == 'B') {
                c = nextc();
                do {
                    if (c == '_') {
                        c = nextc();
                    }
                    if (c != '0' && c != '1') {
                        if (isDigit(c)) {
                            errorAtCursor("invalid digit '" + (char) c + "' in binary literal", p, start, p);
                        } else {
                            backup(c);
                            errorAtCursor("invalid binary literal", p, start, p);
                        }
                        return;
                    }
                    do {
                        c = nextc();
                    } while (c == '0' || c == '1');
                } while (c == '_');
                if (isDigit(c)) {
                    errorAtCursor("invalid digit '" + (char) c + "' in binary literal", p, start, p);
                    return;
                }
                if (!verifyEndOfNumber(start, c, "binary")) {
                    return;
                }
            } else {
                boolean nonzero = false;
                // Maybe an old-style octal; "0", "00" and "0_0" are fine.
                for (;;) {
                    if (c == '_') {
                        c = nextc();
                        if (!isDigit(c)) {
                            backup(c);
                            errorAtCursor("invalid decimal literal", p, start, p);
                            return;
                        }
                    }
                    if (c != '0') {
                        break;
                    }
                    c = nextc();
                }
                int zerosEnd = p;
                if (isDigit(c)) {
                    nonzero = true;
                    c = decimalTail(start);
                    if (c == ERR) {
                        return;
                    }
                }
                if (c == '.') {
                    c = nextc();
                    fraction(start, c);
                    return;
                } else if (c == 'e' || c == 'E') {
                    exponent(start, c);
                    return;
                } else if (c == 'j' || c == 'J') {
                    imaginary(start);
                    return;
                } else if (nonzero) {
                    backup(c);
                    int line = lineAt(Math.min(start, n));
                    errorAt("leading zeros in decimal integer literals are not permitted; "
                            + "use an 0o prefix for octal integers", line, byteColumn(start, line) + 1, start, p);
                    return;
                }
                if (!verifyEndOfNumber(start, c, "decimal")) {
                    return;
                }
            }
        } else {
            c = decimalTail(start);
            if (c == ERR) {
                return;
            }
            if (c == '.') {
                c = nextc();
                fraction(start, c);
                return;
            }
            afterDecimalDigits(start, c);
            return;
        }
        backup(c);
        emit(TokenKind.NUMBER, start, p);
    }

    private void fraction(int start, int c) {
        if (isDigit(c)) {
            c = decimalTail(start);
            if (c == ERR) {
                return;
            }
        }
        afterDecimalDigits(start, c);
    }

    /** After the decimal digits of a number ({@code c} follows them): an exponent, {@code j}, or its end. */
    private void afterDecimalDigits(int start, int c) {
        if (c == 'e' || c == 'E') {
            exponent(start, c);
            return;
        }
        if (c == 'j' || c == 'J') {
            imaginary(start);
            return;
        }
        if (!verifyEndOfNumber(start, c, "decimal")) {
            return;
        }
        backup(c);
        emit(TokenKind.NUMBER, start, p);
    }

    private void exponent(int start, int e) {
        int c = nextc();
        if (c == '+' || c == '-') {
            c = nextc();
            if (!isDigit(c)) {
                backup(c);
                errorAtCursor("invalid decimal literal", p, start, p);
                return;
            }
        } else if (!isDigit(c)) {
            backup(c);
            if (!verifyEndOfNumber(start, e, "decimal")) {
                return;
            }
            backup(e);
            emit(TokenKind.NUMBER, start, p);
            return;
        }
        c = decimalTail(start);
        if (c == ERR) {
            return;
        }
        if (c == 'j' || c == 'J') {
            imaginary(start);
            return;
        }
        if (!verifyEndOfNumber(start, c, "decimal")) {
            return;
        }
        backup(c);
        emit(TokenKind.NUMBER, start, p);
    }

    private void imaginary(int start) {
        int c = nextc();
        if (!verifyEndOfNumber(start, c, "imaginary")) {
            return;
        }
        backup(c);
        emit(TokenKind.NUMBER, start, p);
    }

    private int decimalTail(int start) {
        int c;
        for (;;) {
            do {
                c = nextc();
            } while (isDigit(c));
            if (c != '_') {
                break;
            }
            c = nextc();
            if (!isDigit(c)) {
                backup(c);
                errorAtCursor("invalid decimal literal", p, start, p);
                return ERR;
            }
        }
        return c;
    }

    /**
     * A number may be followed directly by a keyword that can follow it in valid code ({@code 1if
     * x else y}: CPython only warns), but not by other name characters.
     */
    private boolean verifyEndOfNumber(int start, int c, String kind) {
        boolean keyword = switch (c) {
            case 'a' -> lookahead("nd");
            case 'e' -> lookahead("lse");
            case 'f' -> lookahead("or");
            case 'i' -> buf[p] == 'f' || buf[p] == 'n' || buf[p] == 's';
            case 'o' -> lookahead("r");
            case 'n' -> lookahead("ot");
            default -> false;
        };
        if (keyword) {
            return true;
        }
        if (c >= 0 && c < 128 && NAME_CHAR[c]) {
            backup(c);
            errorAtCursor("invalid " + kind + " literal", p, start, p + 1);
            // Skip the rest of the bad literal so it is one error, not many.
            while (p < limit && buf[p] < 128 && NAME_CHAR[buf[p]]) {
                p++;
            }
            return false;
        }
        return true;
    }

    private boolean lookahead(String test) {
        int q = p;
        for (int k = 0; k < test.length(); k++) {
            if (q >= limit || buf[q] != test.charAt(k)) {
                return false;
            }
            q++;
        }
        return q >= limit || !isPotentialIdentifierChar(buf[q]);
    }

    // ---------------------------------------------------------------- strings

    private void string(int start, int quote) {
        int quoteSize = 1;
        int endQuoteSize = 0;
        boolean escapedQuote = false;
        int c = nextc();
        if (c == quote) {
            c = nextc();
            if (c == quote) {
                quoteSize = 3;
            } else {
                endQuoteSize = 1;
            }
        }
        if (c != quote) {
            backup(c);
        }
        while (endQuoteSize != quoteSize) {
            char ch = buf[p];
            if (ch == quote) {
                p++;
                endQuoteSize++;
                continue;
            }
            endQuoteSize = 0;
            if (ch == '\\') {
                p++;
                int e = nextc();
                if (e == quote) {
                    escapedQuote = true;
                } else if (e >= 0x80) {
                    nonAscii(p - 1);
                }
                continue;
            }
            if (ch <= '\r') {
                if ((ch == 0 && p >= limit) || (quoteSize == 1 && (ch == '\n' || ch == '\r'))) {
                    unterminatedString(start, quote, quoteSize, escapedQuote, ch != 0 || p < limit);
                    return;
                }
                if (ch == '\n' || ch == '\r') {
                    nextc();
                    continue;
                }
            } else if (ch >= 0x80) {
                nonAscii(p);
            }
            p++;
        }
        emit(TokenKind.STRING, start, p);
    }

    private void unterminatedString(int start, int quote, int quoteSize, boolean escapedQuote, boolean atNewline) {
        if (!atNewline) {
            computeEof();
        }
        int detected = atNewline ? lineOf(Math.min(p, n)) : eofLine;
        int line = lineOf(Math.min(start, n));
        int column = charsBefore(line, start) + 1;
        Mode top = modes[modeIndex];
        if (modeIndex > 0 && top.quote == quote && top.quoteSize == quoteSize) {
            // The f-string's own quote: its replacement field was never closed.
            errorAt(prefixOf(top) + ": expecting '}'", line, column, start, start);
            p = start;
            level = top.levelAtStart;
            top.regular = false;
            top.curlyDepth = 0;
            top.exprStartDepth = -1;
            top.inFormatSpec = false;
            return;
        }
        String message;
        if (quoteSize == 3) {
            message = "unterminated triple-quoted string literal (detected at line " + detected + ")";
        } else if (escapedQuote) {
            message = "unterminated string literal (detected at line " + detected
                    + "); perhaps you escaped the end quote?";
        } else {
            message = "unterminated string literal (detected at line " + detected + ")";
        }
        errorAt(message, line, column, start, p);
        if (!atNewline) {
            p = limit;
        }
    }

    // ---------------------------------------------------------------- f-strings and t-strings

    private void fstringStart(int start, int quote, boolean raw, boolean tstring) {
        int quoteSize = 1;
        int after = nextc();
        if (after == quote) {
            int afterAfter = nextc();
            if (afterAfter == quote) {
                quoteSize = 3;
            } else {
                backup(afterAfter);
                backup(after);
            }
        }
        if (after != quote) {
            backup(after);
        }
        if (modeIndex + 1 == MAXFSTRINGLEVEL) {
            errorAtCursor("too many nested f-strings", p, start, p);
        }
        if (modeIndex + 1 == modes.length) {
            modes = Arrays.copyOf(modes, modes.length * 2);
        }
        Mode m = modes[++modeIndex];
        if (m == null) {
            m = new Mode();
            modes[modeIndex] = m;
        }
        m.fstring = true;
        m.regular = false;
        m.quote = (char) quote;
        m.quoteSize = quoteSize;
        m.raw = raw;
        m.tstring = tstring;
        m.start = start;
        m.curlyDepth = 0;
        m.exprStartDepth = -1;
        m.inFormatSpec = false;
        m.levelAtStart = level;
        emit(tstring ? TokenKind.TSTRING_START : TokenKind.FSTRING_START, start, p);
    }

    private void enterExpression(Mode m, int braceAt) {
        m.exprStartDepth++;
        m.regular = true;
        m.inFormatSpec = false;
        if (m.exprStartDepth >= MAX_EXPR_NESTING) {
            errorAtCursor(prefixOf(m) + ": expressions nested too deeply", braceAt, braceAt, braceAt);
        }
    }

    private void fstringMiddle(Mode m) {
        TokenKind middle = m.tstring ? TokenKind.TSTRING_MIDDLE : TokenKind.FSTRING_MIDDLE;
        int start = p;
        int first = nextc();
        if (first == '{') {
            int peek = nextc();
            backup(peek);
            backup(first);
            if (peek != '{') {
                boolean tooDeep = m.exprStartDepth + 1 >= MAX_EXPR_NESTING;
                enterExpression(m, p);
                if (!tooDeep) {
                    normal(m);
                }
                return;
            }
        } else {
            backup(first);
        }

        // At the closing quote(s)? Matched quotes stay read even when the rest does not match.
        int matched = 0;
        while (matched < m.quoteSize) {
            int q = nextc();
            if (q != m.quote) {
                backup(q);
                break;
            }
            matched++;
        }
        if (matched == m.quoteSize) {
            emit(m.tstring ? TokenKind.TSTRING_END : TokenKind.FSTRING_END, start, p);
            modeIndex--;
            return;
        }

        int endQuoteSize = 0;
        boolean unicodeEscape = false;
        while (endQuoteSize != m.quoteSize) {
            int c = nextc();
            if (c >= 0x80) {
                nonAscii(p - 1);
            }
            boolean inFormatSpec = m.inFormatSpec && m.exprStartDepth >= 0;
            if (c == EOF || (m.quoteSize == 1 && c == '\n')) {
                if (inFormatSpec && c == '\n') {
                    // CPython 3.14 refuses what 3.12 and 3.13 took as the end of the format spec.
                    backup(c);
                    int line = lineOf(Math.min(p, n));
                    String kind = m.tstring ? "t" : "f";
                    emit(middle, start, p);
                    m.regular = true;
                    m.inFormatSpec = false;
                    errorAt(kind + "-string: newlines are not allowed in format specifiers for single quoted "
                            + kind + "-strings", line, charsBefore(line, p) + 1, p, p);
                    return;
                }
                unterminatedFString(m, start, c);
                return;
            }
            if (c == m.quote) {
                endQuoteSize++;
                continue;
            }
            endQuoteSize = 0;
            if (c == '{') {
                int peek = nextc();
                if (peek != '{' || inFormatSpec) {
                    backup(peek);
                    backup(c);
                    int braceAt = p;
                    emit(middle, start, p);
                    enterExpression(m, braceAt);
                } else {
                    emit(middle, start, p - 1, p);
                }
                return;
            }
            if (c == '}') {
                if (unicodeEscape) {
                    emit(middle, start, p);
                    return;
                }
                int peek = nextc();
                if (peek == '}' && !inFormatSpec && m.curlyDepth == 0) {
                    emit(middle, start, p - 1, p);
                } else {
                    backup(peek);
                    backup(c);
                    m.regular = true;
                    m.inFormatSpec = false;
                    emit(middle, start, p);
                }
                return;
            }
            if (c == '\\') {
                int peek = nextc();
                if (peek == '{' || peek == '}') {
                    backup(peek);
                    continue;
                }
                if (peek >= 0x80) {
                    nonAscii(p - 1);
                }
                if (!m.raw && peek == 'N') {
                    peek = nextc();
                    if (peek == '{') {
                        unicodeEscape = true;
                    } else {
                        backup(peek);
                    }
                }
            }
        }
        for (int i = 0; i < m.quoteSize; i++) {
            backup(m.quote);
        }
        emit(middle, start, p);
    }

    private void unterminatedFString(Mode m, int middleStart, int c) {
        if (c == EOF) {
            computeEof();
        }
        int detected = c == EOF ? eofLine : lineOf(Math.min(newlineStart(p), n));
        int line = lineOf(Math.min(m.start, n));
        int column = charsBefore(line, m.start) + 1;
        String kind = m.tstring ? "t" : "f";
        String message = m.quoteSize == 3
                ? "unterminated triple-quoted " + kind + "-string literal (detected at line " + detected + ")"
                : "unterminated " + kind + "-string literal (detected at line " + detected + ")";
        if (c == '\n') {
            backup(c);
        }
        errorAt(message, line, column, middleStart, p);
        level = m.levelAtStart;
        modeIndex--;
        if (c == EOF) {
            p = limit;
        }
    }

    // ---------------------------------------------------------------- operators and brackets

    private void operator(int start, int c, Mode cur) {
        switch (c) {
            case ',' -> {
                emit(TokenKind.COMMA, start, p);
                return;
            }
            case '(' -> {
                openBracket(start, c, cur);
                emit(TokenKind.LPAR, start, p);
                return;
            }
            case '[' -> {
                openBracket(start, c, cur);
                emit(TokenKind.LSQB, start, p);
                return;
            }
            case ')', ']' -> {
                // Nothing pairs with these to make a longer token.
                if (level > 0 && !cur.fstring && parenstack[level - 1] == (c == ')' ? '(' : '[')) {
                    level--;
                    emit(c == ')' ? TokenKind.RPAR : TokenKind.RSQB, start, p);
                    return;
                }
            }
            default -> {
            }
        }
        int c2 = nextc();
        TokenKind two = twoChars(c, c2);
        if (two != null) {
            int c3 = nextc();
            TokenKind three = threeChars(c, c2, c3);
            if (three != null) {
                two = three;
            } else {
                backup(c3);
            }
            emit(two, start, p);
            return;
        }
        backup(c2);

        switch (c) {
            case '(', '[', '{' -> openBracket(start, c, cur);
            case ')', ']', '}' -> {
                if (cur.fstring && cur.curlyDepth == 0 && c == '}') {
                    errorAtCursor(prefixOf(cur) + ": single '}' is not allowed", p, start, p);
                    return;
                }
                if (level == 0) {
                    errorAtCursor("unmatched '" + (char) c + "'", p, start, p);
                    return;
                }
                level--;
                char opening = parenstack[level];
                if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}'))) {
                    if (cur.fstring && opening == '{' && cur.curlyDepth - 1 == cur.exprStartDepth) {
                        errorAtCursor(prefixOf(cur) + ": unmatched '" + (char) c + "'", p, start, p);
                        return;
                    }
                    int openLine = lineOf(parenpos[level]);
                    int here = cursorLine(p);
                    errorAtCursor(openLine != here
                            ? "closing parenthesis '" + (char) c + "' does not match opening parenthesis '" + opening
                                    + "' on line " + openLine
                            : "closing parenthesis '" + (char) c + "' does not match opening parenthesis '" + opening
                                    + "'", p, start, p);
                    return;
                }
                if (cur.fstring) {
                    cur.curlyDepth--;
                    if (cur.curlyDepth < 0) {
                        errorAtCursor(prefixOf(cur) + ": unmatched '" + (char) c + "'", p, start, p);
                        return;
                    }
                    if (c == '}' && cur.curlyDepth == cur.exprStartDepth) {
                        cur.exprStartDepth--;
                        cur.regular = false;
                        cur.inFormatSpec = false;
                    }
                }
            }
            default -> {
            }
        }

        if ((c < 0x20 || c == 0x7F) && !CharClasses.isPrintable(c)) {
            if (c == 0) {
                // Already reported once for the whole source.
                emit(TokenKind.ERRORTOKEN, start, p);
            } else {
                errorAtCursor("invalid non-printable character U+" + hex(c), p, start, p);
            }
            return;
        }
        TokenKind one = oneChar(c);
        emit(one == null ? TokenKind.ERRORTOKEN : one, start, p);
    }

    private void openBracket(int start, int c, Mode cur) {
        if (level == MAXLEVEL) {
            errorAtCursor("too many nested parentheses", p, start, p);
        }
        if (level == parenstack.length) {
            parenstack = Arrays.copyOf(parenstack, level * 2);
            parenpos = Arrays.copyOf(parenpos, level * 2);
        }
        parenstack[level] = (char) c;
        parenpos[level] = start;
        level++;
        if (cur.fstring) {
            cur.curlyDepth++;
        }
    }

    private static TokenKind oneChar(int c) {
        return switch (c) {
            case '%' -> TokenKind.PERCENT;
            case '&' -> TokenKind.AMPER;
            case '(' -> TokenKind.LPAR;
            case ')' -> TokenKind.RPAR;
            case '*' -> TokenKind.STAR;
            case '+' -> TokenKind.PLUS;
            case ',' -> TokenKind.COMMA;
            case '-' -> TokenKind.MINUS;
            case '.' -> TokenKind.DOT;
            case '/' -> TokenKind.SLASH;
            case ':' -> TokenKind.COLON;
            case ';' -> TokenKind.SEMI;
            case '<' -> TokenKind.LESS;
            case '=' -> TokenKind.EQUAL;
            case '>' -> TokenKind.GREATER;
            case '@' -> TokenKind.AT;
            case '[' -> TokenKind.LSQB;
            case ']' -> TokenKind.RSQB;
            case '^' -> TokenKind.CIRCUMFLEX;
            case '{' -> TokenKind.LBRACE;
            case '|' -> TokenKind.VBAR;
            case '}' -> TokenKind.RBRACE;
            case '~' -> TokenKind.TILDE;
            case '!' -> TokenKind.EXCLAMATION;
            default -> null;
        };
    }

    private static TokenKind twoChars(int c1, int c2) {
        return switch (c1) {
            case '!' -> c2 == '=' ? TokenKind.NOTEQUAL : null;
            case '%' -> c2 == '=' ? TokenKind.PERCENTEQUAL : null;
            case '&' -> c2 == '=' ? TokenKind.AMPEREQUAL : null;
            case '*' -> c2 == '*' ? TokenKind.DOUBLESTAR : c2 == '=' ? TokenKind.STAREQUAL : null;
            case '+' -> c2 == '=' ? TokenKind.PLUSEQUAL : null;
            case '-' -> c2 == '=' ? TokenKind.MINEQUAL : c2 == '>' ? TokenKind.RARROW : null;
            case '/' -> c2 == '/' ? TokenKind.DOUBLESLASH : c2 == '=' ? TokenKind.SLASHEQUAL : null;
            case ':' -> c2 == '=' ? TokenKind.COLONEQUAL : null;
            case '<' -> c2 == '<' ? TokenKind.LEFTSHIFT : c2 == '=' ? TokenKind.LESSEQUAL
                    : c2 == '>' ? TokenKind.NOTEQUAL : null;
            case '=' -> c2 == '=' ? TokenKind.EQEQUAL : null;
            case '>' -> c2 == '=' ? TokenKind.GREATEREQUAL : c2 == '>' ? TokenKind.RIGHTSHIFT : null;
            case '@' -> c2 == '=' ? TokenKind.ATEQUAL : null;
            case '^' -> c2 == '=' ? TokenKind.CIRCUMFLEXEQUAL : null;
            case '|' -> c2 == '=' ? TokenKind.VBAREQUAL : null;
            default -> null;
        };
    }

    private static TokenKind threeChars(int c1, int c2, int c3) {
        if (c3 == '=') {
            if (c1 == '*' && c2 == '*') {
                return TokenKind.DOUBLESTAREQUAL;
            }
            if (c1 == '/' && c2 == '/') {
                return TokenKind.DOUBLESLASHEQUAL;
            }
            if (c1 == '<' && c2 == '<') {
                return TokenKind.LEFTSHIFTEQUAL;
            }
            if (c1 == '>' && c2 == '>') {
                return TokenKind.RIGHTSHIFTEQUAL;
            }
        }
        if (c1 == '.' && c2 == '.' && c3 == '.') {
            return TokenKind.ELLIPSIS;
        }
        return null;
    }
}
