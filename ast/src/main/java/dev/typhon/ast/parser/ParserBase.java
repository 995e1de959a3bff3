package dev.typhon.ast.parser;

import dev.typhon.ast.Located;
import dev.typhon.ast.PythonVersion;
import java.text.Normalizer;
import java.util.ArrayList;

/**
 * The token cursor every layer of the parser shares: lookahead, node positions, error reporting,
 * the nesting-depth guard and the target-version check.
 *
 * <p>A node spans from the first to the last token its grammar rule consumed, as CPython's
 * {@code EXTRA} does: {@code (a) + b} starts at the parenthesis although the {@code Name} inside
 * does not. So positions are taken from token indices ({@link #ln}, {@link #co}, ... on a start
 * token and {@link #eln}, {@link #eco}, ... on an end token), rarely from child nodes.
 *
 * <p>Errors: a parse function that cannot go on records the error and throws the shared
 * {@link #BAIL}, which the statement loop catches to skip to the next statement. That is the
 * error path only; valid code never throws.
 */
abstract class ParserBase {

    /**
     * Deepest tree accepted (each nesting level and each link of an operator or trailer chain
     * counts one). Past it the source is rejected, as CPython rejects it ("too complex"), so that
     * recursive consumers of the tree, such as the dump, cannot overflow a default-sized stack.
     */
    static final int MAX_DEPTH = Integer.getInteger("typhon.parser.maxDepth", 1000);

    /**
     * Budget for the parser's own recursion, in units of about 200 bytes of stack: each
     * recursive construct costs what its cycle of frames measured in compiled code, so that any
     * source within budget parses on a thread with a 512 KB stack.
     */
    static final int MAX_STACK = Integer.getInteger("typhon.parser.maxStack", 1800);

    /** Stack cost of one level of brackets ((, [, {, calls, subscripts): CPython allows 199. */
    static final int W_BRACKET = 8;
    /** One replacement field of an f-string or t-string. */
    static final int W_FIELD = 16;
    /** One lambda body. */
    static final int W_LAMBDA = 4;
    /** The right operand of '**' (right-recursive). */
    static final int W_POW = 5;
    /** The else-branch of a conditional expression. */
    static final int W_IFEXP = 3;
    /** A nested pattern. */
    static final int W_PATTERN = 3;
    /** Other single-frame recursion (starred, yield, await, walrus). */
    static final int W_SMALL = 2;

    /** Thrown after an error has been recorded, to unwind to the enclosing statement. */
    static final class Bail extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bail() {
            super("syntax error", null, false, false);
        }
    }

    static final Bail BAIL = new Bail();

    final TokenBuffer tokens;
    final String src;
    final ParseOptions options;
    final PythonVersion target;
    final int last;
    final ArrayList<SyntaxError> errors = new ArrayList<>();
    int pos;
    /** Depth of the tree being built (see {@link #MAX_DEPTH}). */
    int depth;
    /** Stack units in use (see {@link #MAX_STACK}). */
    int stack;
    /**
     * Recovery mode: set while a statement that failed is parsed again to keep what was typed.
     * Where the normal parse fails, a lenient one puts a placeholder for the missing piece (see
     * {@link dev.typhon.ast.Placeholders}) or ends the construct at the last token read. Errors
     * recorded meanwhile are discarded: the failed parse reported them already.
     */
    boolean lenient;
    /** In recovery mode: the first token of the statement parsed again. */
    int lenientStart;

    ParserBase(TokenBuffer tokens, ParseOptions options) {
        this.tokens = tokens;
        this.src = tokens.source();
        this.options = options;
        this.target = options.targetVersion();
        this.last = tokens.size() - 1;
    }

    // ---- lookahead ----

    final TokenKind kind() {
        return tokens.kind(pos);
    }

    final TokenKind kind(int index) {
        return index <= last ? tokens.kind(index) : TokenKind.ENDMARKER;
    }

    final TokenKind peek(int ahead) {
        return kind(pos + ahead);
    }

    final boolean at(TokenKind k) {
        return tokens.kind(pos) == k;
    }

    final boolean accept(TokenKind k) {
        if (tokens.kind(pos) == k) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes a token of kind {@code k} and returns its index, or fails with {@code message}. */
    final int expect(TokenKind k, String message) {
        if (tokens.kind(pos) == k) {
            return pos++;
        }
        throw fail(message);
    }

    final int expect(TokenKind k) {
        if (tokens.kind(pos) == k) {
            return pos++;
        }
        throw unexpected();
    }

    /** Whether token {@code i} is the name (or soft keyword) {@code word}. */
    final boolean nameIs(int i, String word) {
        if (kind(i) != TokenKind.NAME) {
            return false;
        }
        int s = tokens.start(i);
        return tokens.end(i) - s == word.length() && src.startsWith(word, s);
    }

    static boolean isLayout(TokenKind k) {
        return k == TokenKind.NEWLINE || k == TokenKind.INDENT || k == TokenKind.DEDENT
                || k == TokenKind.ENDMARKER;
    }

    /** The last token consumed that is not layout: where the node being finished ends. */
    final int endTok() {
        return lastRealToken(pos - 1);
    }

    /** The nearest token at or before {@code m} that is neither layout nor an error token. */
    final int lastRealToken(int m) {
        while (m > 0 && (isLayout(tokens.kind(m)) || tokens.kind(m) == TokenKind.ERRORTOKEN)) {
            m--;
        }
        return m;
    }

    // ---- identifiers ----

    /** The identifier of a NAME token, NFKC-normalized as CPython does (ASCII needs no work). */
    final String identifier(int tok) {
        int s = tokens.start(tok);
        int e = tokens.end(tok);
        int len = e - s;
        String src = this.src;
        // Names repeat: one String per distinct name keeps the tree small and skips a copy. The
        // slot comes from a few characters only, so a hit costs one comparison pass.
        int h = len * 31 + src.charAt(s);
        h = h * 31 + src.charAt(e - 1);
        h = h * 31 + src.charAt(s + (len >> 1));
        int slot = (h ^ (h >>> 9)) & (ID_CACHE_SIZE - 1);
        String cached = idCache[slot];
        if (cached != null && cached.length() == len && sameChars(cached, s, len)) {
            return cached; // cached names are ASCII, so this one is too
        }
        for (int i = s; i < e; i++) {
            if (src.charAt(i) >= 0x80) {
                return Normalizer.normalize(src.substring(s, e), Normalizer.Form.NFKC);
            }
        }
        String id = src.substring(s, e);
        idCache[slot] = id;
        return id;
    }

    private boolean sameChars(String cached, int s, int len) {
        String src = this.src;
        for (int i = 0; i < len; i++) {
            if (cached.charAt(i) != src.charAt(s + i)) {
                return false;
            }
        }
        return true;
    }

    private static final int ID_CACHE_SIZE = 512;
    private final String[] idCache = new String[ID_CACHE_SIZE];

    /** The value of NUMBER token {@code t}; an error (and 0) when CPython would reject it. */
    final dev.typhon.ast.ConstantValue numberValue(int t) {
        String text = tokens.text(t);
        dev.typhon.ast.ConstantValue v = Literals.number(text);
        if (v == null) {
            String message = Literals.numberError(text);
            reportAtToken(message != null ? message : "invalid number literal", t);
            v = dev.typhon.ast.ConstantValue.Int.of(0);
        }
        return v;
    }

    // ---- positions: start of token s, end of token e ----

    final int ln(int s) {
        return tokens.line(s);
    }

    final int co(int s) {
        return tokens.col(s);
    }

    final int so(int s) {
        return tokens.start(s);
    }

    final int eln(int e) {
        return tokens.endLine(e);
    }

    final int eco(int e) {
        return tokens.endCol(e);
    }

    final int eo(int e) {
        return tokens.end(e);
    }

    // ---- errors ----

    /** Records an error over the source range [startOffset, endOffset). */
    final void report(String message, int startOffset, int endOffset) {
        errors.add(new SyntaxError(message, startOffset, Math.max(startOffset, endOffset),
                lineAt(startOffset), columnAt(startOffset)));
    }

    final void reportAtToken(String message, int tok) {
        report(message, tokens.start(tok), tokens.end(tok));
    }

    final void reportAtNode(String message, Located node) {
        report(message, node.startOffset(), node.endOffset());
    }

    /** Records {@code message} at the current token and returns the bail-out to throw. */
    final Bail fail(String message) {
        if (!atReportedError()) {
            reportAtToken(message, pos);
        }
        return BAIL;
    }

    /** Whether the cursor is on an ERRORTOKEN the tokenizer has already reported. */
    final boolean atReportedError() {
        return at(TokenKind.ERRORTOKEN) && tokens.errorIndex(pos) >= 0;
    }

    final Bail failAt(String message, int tok) {
        reportAtToken(message, tok);
        return BAIL;
    }

    final Bail failAtNode(String message, Located node) {
        reportAtNode(message, node);
        return BAIL;
    }

    /** The generic error for a token no rule can take. */
    final Bail unexpected() {
        TokenKind k = kind();
        if (atReportedError()) {
            return BAIL;
        }
        if (k == TokenKind.INDENT) {
            reportUnexpectedIndent(pos);
            return BAIL;
        }
        if (k == TokenKind.ENDMARKER || k == TokenKind.DEDENT) {
            return fail("invalid syntax");
        }
        return fail("invalid syntax");
    }

    /** CPython puts "unexpected indent" at the 0-based column of the indented token. */
    final void reportUnexpectedIndent(int tok) {
        int off = tokens.start(tok);
        errors.add(new SyntaxError("unexpected indent", off, off, lineAt(off), columnAt(off) - 1));
    }

    final int lineAt(int offset) {
        return tokens.lineOf(offset);
    }

    /** CPython's {@code SyntaxError.offset}: 1-based, in code points from the start of the line. */
    final int columnAt(int offset) {
        int off = Math.min(offset, src.length());
        int lineStart = off;
        while (lineStart > 0) {
            char c = src.charAt(lineStart - 1);
            if (c == '\n' || c == '\r') {
                break;
            }
            lineStart--;
        }
        return src.codePointCount(lineStart, off) + 1;
    }

    // ---- nesting guard ----

    /** Entering a recursive construct that nests the tree one level and costs {@code weight} stack units. */
    final void enter(int weight) {
        depth++;
        stack += weight;
        if (depth > MAX_DEPTH || stack > MAX_STACK) {
            throw tooComplex();
        }
    }

    final void leave(int weight) {
        depth--;
        stack -= weight;
    }

    /** One more link of a chain (operator, trailer, elif): deeper tree, no recursion. */
    final void deepen() {
        if (++depth > MAX_DEPTH) {
            throw tooComplex();
        }
    }

    final Bail tooComplex() {
        return fail("too many nested expressions: Python source too complex to parse");
    }

    // ---- target version ----

    /** Reports syntax that needs {@code since} when the target version is older. */
    final void requireVersion(PythonVersion since, String what, int startOffset, int endOffset) {
        if (target.compareTo(since) < 0) {
            report("Cannot use " + what + " on Python " + target + " (syntax was added in Python "
                    + since + ")", startOffset, endOffset);
        }
    }

    final void requireVersion(PythonVersion since, String what, int tok) {
        if (target.compareTo(since) < 0) {
            requireVersion(since, what, tokens.start(tok), tokens.end(tok));
        }
    }
}
