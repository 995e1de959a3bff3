package dev.typhon.ast.parser;

import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FormattedValue;
import dev.typhon.ast.Interpolation;
import dev.typhon.ast.JoinedStr;
import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.TemplateStr;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * String literals: implicit concatenation of adjacent literals, f-strings and t-strings, folded
 * the way CPython's {@code _PyPegen_concatenate_strings} does (adjacent text merged into one
 * constant spanning its pieces, empty text dropped, the kind of a merged run taken from its first
 * piece).
 */
abstract class StringParser extends ParserBase {

    /** CPython allows a format spec to nest replacement fields this deep, no deeper. */
    private static final int MAX_SPEC_NESTING = 2;

    private int specNesting;
    /**
     * The closing delimiter of the innermost f-/t-string being parsed ({@code '}, {@code """}, ...):
     * before 3.12 a replacement field ended the string wherever that delimiter appeared in it.
     */
    private String closingQuote = "";

    StringParser(TokenBuffer tokens, ParseOptions options) {
        super(tokens, options);
    }

    /** The expression of a replacement field: {@code yield_expr | star_expressions}. */
    abstract Expr parseFieldExpression();

    static boolean isStringStart(TokenKind k) {
        return k == TokenKind.STRING || k == TokenKind.FSTRING_START || k == TokenKind.TSTRING_START;
    }

    /** Parses one or more adjacent string literals at the cursor. */
    final Expr parseStrings() {
        int s = pos;
        if (kind() == TokenKind.STRING && !isStringStart(peek(1))) {
            pos++;
            return plainString(s, s, s);
        }
        boolean sawStr = false;
        boolean sawBytes = false;
        boolean sawF = false;
        boolean sawT = false;
        ArrayList<Expr> flat = new ArrayList<>();
        ArrayList<Integer> plainTokens = null;
        while (true) {
            TokenKind k = kind();
            if (k == TokenKind.STRING) {
                int t = pos++;
                Literals.DecodedString d = Literals.string(tokens.text(t));
                if (d.error() != null) {
                    reportAtToken(d.error(), t);
                }
                if (d.isBytes()) {
                    sawBytes = true;
                } else {
                    sawStr = true;
                }
                if (plainTokens == null) {
                    plainTokens = new ArrayList<>();
                }
                plainTokens.add(t);
                flat.add(stringConstant(d, t, t, t));
            } else if (k == TokenKind.FSTRING_START) {
                sawF = true;
                parseFString(flat, false);
            } else if (k == TokenKind.TSTRING_START) {
                if (!sawT) {
                    requireVersion(PythonVersion.PY314, "template strings", pos);
                }
                sawT = true;
                parseFString(flat, true);
            } else {
                break;
            }
        }
        int e = pos - 1;
        if (sawT && (sawStr || sawF || sawBytes)) {
            report("cannot mix t-string literals with string or bytes literals", so(s), eo(e));
        } else if (sawBytes && (sawStr || sawF)) {
            // CPython reports it where the parser stands: after the last literal.
            report("cannot mix bytes and nonbytes literals", eo(e), eo(e));
        }
        if (sawBytes && !sawStr && !sawF && !sawT) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            for (Expr x : flat) {
                if (x instanceof Constant c && c.value() instanceof ConstantValue.Bytes b) {
                    buf.writeBytes(b.toByteArray());
                }
            }
            String kind = ((Constant) flat.get(0)).kind();
            return Constant.of(new ConstantValue.Bytes(buf.toByteArray()), kind, ln(s), co(s), eln(e), eco(e),
                    so(s), eo(e));
        }
        boolean template = sawT;
        boolean joined = sawF || sawT;
        if (!joined) {
            // Plain text only: one constant over the whole run, kind from the first piece.
            ArrayList<ConstantValue.Str> parts = new ArrayList<>(flat.size());
            for (Expr x : flat) {
                if (x instanceof Constant c && c.value() instanceof ConstantValue.Str str) {
                    parts.add(str);
                }
            }
            String kind = ((Constant) flat.get(0)).kind();
            return Constant.of(ConstantValue.Str.concat(parts), kind, ln(s), co(s), eln(e), eco(e),
                    so(s), eo(e));
        }
        List<Expr> values = fold(flat, true);
        if (template) {
            return TemplateStr.of(values, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        return JoinedStr.of(values, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** A lone STRING token [s..e] as a constant node. */
    private Expr plainString(int t, int s, int e) {
        Literals.DecodedString d = Literals.string(tokens.text(t));
        if (d.error() != null) {
            reportAtToken(d.error(), t);
        }
        return stringConstant(d, t, s, e);
    }

    /** Token {@code t} decoded as {@code d}, spanning tokens s..e. */
    private Constant stringConstant(Literals.DecodedString d, int t, int s, int e) {
        ConstantValue v = d.isBytes()
                ? new ConstantValue.Bytes(d.bytes() == null ? new byte[0] : d.bytes())
                : d.strValue();
        // CPython sets kind 'u' only for a lowercase u prefix (it tests the token's first byte).
        String kind = src.charAt(tokens.start(t)) == 'u' ? "u" : null;
        return Constant.of(v, kind, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /**
     * Merges runs of adjacent text constants into one constant spanning the run (kind of its first
     * piece) and drops empty text, as CPython does.
     */
    private static List<Expr> fold(List<Expr> flat, boolean dropEmpty) {
        int n = flat.size();
        ArrayList<Expr> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Expr elem = flat.get(i);
            if (elem instanceof Constant first) {
                if (i + 1 < n && flat.get(i + 1) instanceof Constant) {
                    ArrayList<ConstantValue.Str> parts = new ArrayList<>();
                    Constant lastC = first;
                    int j = i;
                    while (j < n && flat.get(j) instanceof Constant c) {
                        if (c.value() instanceof ConstantValue.Str str) {
                            parts.add(str);
                        }
                        lastC = c;
                        j++;
                    }
                    i = j - 1;
                    elem = Constant.of(ConstantValue.Str.concat(parts), first.kind(), first.lineno(),
                            first.colOffset(), lastC.endLineno(), lastC.endColOffset(), first.startOffset(),
                            lastC.endOffset());
                }
                if (dropEmpty && ((Constant) elem).value() instanceof ConstantValue.Str str
                        && str.value().isEmpty()) {
                    continue;
                }
            }
            out.add(elem);
        }
        return out;
    }

    /**
     * Parses one f-string or t-string from its START token to its END token, appending its values
     * (decoded text and replacement fields, debug text inlined) to {@code out}.
     */
    private void parseFString(List<Expr> out, boolean template) {
        int startTok = pos++;
        boolean raw = isRaw(startTok);
        String outerQuote = closingQuote;
        int end = tokens.end(startTok);
        char q = src.charAt(end - 1);
        boolean triple = end - tokens.start(startTok) >= 4 && src.charAt(end - 2) == q && src.charAt(end - 3) == q;
        closingQuote = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        try {
            parseFStringBody(out, template, raw);
        } finally {
            closingQuote = outerQuote;
        }
    }

    private void parseFStringBody(List<Expr> out, boolean template, boolean raw) {
        TokenKind middle = template ? TokenKind.TSTRING_MIDDLE : TokenKind.FSTRING_MIDDLE;
        TokenKind end = template ? TokenKind.TSTRING_END : TokenKind.FSTRING_END;
        while (true) {
            TokenKind k = kind();
            if (k == middle) {
                Constant c = middleConstant(pos, raw);
                pos++;
                if (c != null) {
                    out.add(c);
                }
            } else if (k == TokenKind.LBRACE) {
                parseReplacementField(out, raw, template, template);
            } else if (k == end) {
                pos++;
                return;
            } else {
                throw unexpectedInString(template);
            }
        }
    }

    private Bail unexpectedInString(boolean template) {
        if (atReportedError()) {
            return BAIL;
        }
        String what = template ? "t-string" : "f-string";
        if (at(TokenKind.ENDMARKER) || at(TokenKind.NEWLINE)) {
            return fail(what + ": expecting '}'");
        }
        return fail("invalid syntax");
    }

    private boolean isRaw(int startTok) {
        int s = tokens.start(startTok);
        int e = tokens.end(startTok);
        for (int i = s; i < e; i++) {
            char c = src.charAt(i);
            if (c == 'r' || c == 'R') {
                return true;
            }
        }
        return false;
    }

    /** The decoded text of a MIDDLE token as a constant, or null when it decodes to nothing. */
    private Constant middleConstant(int t, boolean raw) {
        Literals.DecodedString d = Literals.fstringMiddle(tokens.text(t), raw);
        if (d.error() != null) {
            reportAtToken(d.error(), t);
        }
        ConstantValue.Str value = d.strValue();
        if (value.value().isEmpty()) {
            return null;
        }
        // A middle ending in a doubled brace holds one brace but ends after both (as CPython's).
        int end = eo(t);
        if (end > so(t) && end < src.length()) {
            char c = src.charAt(end - 1);
            if ((c == '{' || c == '}') && src.charAt(end) == c) {
                end++;
            }
        }
        return Constant.of(value, null, ln(t), co(t), eln(t), eco(t), so(t), end);
    }

    /**
     * {@code '{' expr ['='] ['!' NAME] [':' spec] '}'}; appends the debug text (if any) and the
     * FormattedValue or Interpolation to {@code out}.
     */
    private void parseReplacementField(List<Expr> out, boolean raw, boolean template, boolean interpolation) {
        String what = template ? "t-string" : "f-string";
        int lbrace = pos++;
        enter(W_FIELD);
        TokenKind k = kind();
        if (k == TokenKind.RBRACE || k == TokenKind.EXCLAMATION || k == TokenKind.COLON
                || k == TokenKind.EQUAL) {
            throw fail(what + ": valid expression required before '" + tokens.text(pos) + "'");
        }
        int exprStart = pos;
        Expr value = parseFieldExpression();
        int exprEnd = pos - 1;
        if (target.compareTo(PythonVersion.PY312) < 0) {
            checkPep701(lbrace, exprStart, exprEnd);
        }
        int debugTok = -1;
        if (at(TokenKind.EQUAL)) {
            debugTok = pos++;
        }
        int conversion = -1;
        int convName = -1;
        if (at(TokenKind.EXCLAMATION)) {
            int excl = pos++;
            if (!at(TokenKind.NAME)) {
                if (at(TokenKind.RBRACE) || at(TokenKind.COLON)) {
                    throw fail(what + ": missing conversion character");
                }
                throw fail(what + ": invalid conversion character");
            }
            convName = pos++;
            if (tokens.end(excl) != tokens.start(convName)) {
                throw failAt(what + ": conversion type must come right after the exclamanation mark", convName);
            }
            String c = tokens.text(convName);
            if (c.length() != 1 || (c.charAt(0) != 's' && c.charAt(0) != 'r' && c.charAt(0) != 'a')) {
                throw failAt(what + ": invalid conversion character '" + c + "': expected 's', 'r', or 'a'",
                        convName);
            }
            conversion = c.charAt(0);
        }
        Expr spec = null;
        int colon = -1;
        if (at(TokenKind.COLON)) {
            colon = pos++;
            if (specNesting >= MAX_SPEC_NESTING) {
                throw failAt(what + ": expressions nested too deeply", colon);
            }
            specNesting++;
            try {
                spec = parseFormatSpec(colon, raw, template);
            } finally {
                specNesting--;
            }
        }
        if (!at(TokenKind.RBRACE)) {
            if (atReportedError()) {
                throw BAIL;
            }
            if (debugTok < 0 && convName >= 0 && at(TokenKind.EQUAL)) {
                throw fail(what + ": expecting ':' or '}'");
            }
            if (colon < 0 && convName < 0) {
                throw fail(what + ": expecting '=', or '!', or ':', or '}'");
            }
            throw fail(what + ": expecting '}'");
        }
        int rbrace = pos++;
        leave(W_FIELD);
        if (conversion == -1 && debugTok >= 0 && spec == null) {
            conversion = 'r';
        }
        if (debugTok >= 0) {
            // The text of the field up to its '!', ':' or '}', at CPython's coordinates.
            int textEndTok = convName >= 0 ? convName - 1 : colon >= 0 ? colon : rbrace;
            String text = fieldText(lbrace, textEndTok, tokens.start(textEndTok));
            int endLine;
            int endCol;
            int endOff;
            if (convName >= 0) {
                endLine = ln(convName);
                endCol = co(convName) - 1;
                endOff = so(convName) - 1;
            } else if (colon >= 0) {
                endLine = ln(colon);
                endCol = co(colon);
                endOff = so(colon);
            } else {
                endLine = eln(rbrace);
                endCol = eco(rbrace) - 1;
                endOff = eo(rbrace) - 1;
            }
            out.add(Constant.of(new ConstantValue.Str(text), null, ln(lbrace), co(lbrace) + 1, endLine, endCol,
                    so(lbrace) + 1, endOff));
        }
        if (interpolation) {
            String text = fieldText(lbrace, exprEnd, tokens.end(exprEnd));
            out.add(Interpolation.of(value, new ConstantValue.Str(text), conversion, spec, ln(lbrace), co(lbrace),
                    eln(rbrace), eco(rbrace), so(lbrace), eo(rbrace)));
        } else {
            out.add(FormattedValue.of(value, conversion, spec, ln(lbrace), co(lbrace), eln(rbrace), eco(rbrace),
                    so(lbrace), eo(rbrace)));
        }
    }

    /**
     * Before Python 3.12 (PEP 701) a replacement field could not reuse the enclosing quote, hold
     * a backslash or a comment.
     */
    private void checkPep701(int lbrace, int first, int lastTok) {
        for (int t = first; t <= lastTok; t++) {
            TokenKind k = tokens.kind(t);
            if ((k == TokenKind.STRING || k == TokenKind.FSTRING_START) && tokens.text(t).contains(closingQuote)) {
                requireVersion(PythonVersion.PY312, "the enclosing quote inside an f-string replacement field", t);
                return;
            }
        }
        int from = tokens.end(lbrace);
        int to = tokens.start(lastTok + 1);
        for (int i = from; i < to; i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                requireVersion(PythonVersion.PY312, "backslashes in f-string replacement fields", i, i + 1);
                return;
            }
            if (c == '#' && !insideToken(i, first, lastTok)) {
                requireVersion(PythonVersion.PY312, "comments in f-string replacement fields", i, i + 1);
                return;
            }
        }
    }

    private boolean insideToken(int offset, int first, int lastTok) {
        for (int t = first; t <= lastTok; t++) {
            if (tokens.start(t) <= offset && offset < tokens.end(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The source text from after the '{' at token {@code lbrace} to offset {@code to} (at or
     * before the end of token {@code endTok}), with comments taken out as CPython's tokenizer
     * does for the text of a field.
     */
    private String fieldText(int lbrace, int endTok, int to) {
        int from = tokens.end(lbrace);
        if (src.indexOf('#', from) < 0 || src.indexOf('#', from) >= to) {
            return src.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int cursor = from;
        for (int t = lbrace + 1; t <= endTok; t++) {
            // Between tokens there is only whitespace, line continuations and comments.
            int gapStart = tokens.end(t - 1);
            int gapEnd = tokens.start(t);
            int hash = src.indexOf('#', gapStart);
            if (hash >= 0 && hash < gapEnd) {
                sb.append(src, cursor, hash);
                int eol = hash;
                while (eol < gapEnd && src.charAt(eol) != '\n' && src.charAt(eol) != '\r') {
                    eol++;
                }
                cursor = eol;
            }
            int stop = Math.min(tokens.end(t), to);
            if (stop > cursor) {
                sb.append(src, cursor, stop);
                cursor = stop;
            }
        }
        if (to > cursor) {
            sb.append(src, cursor, to);
        }
        return sb.toString();
    }

    /** The format spec after ':' up to (not including) the closing brace, as a JoinedStr. */
    private Expr parseFormatSpec(int colon, boolean raw, boolean template) {
        TokenKind middle = template ? TokenKind.TSTRING_MIDDLE : TokenKind.FSTRING_MIDDLE;
        ArrayList<Expr> pieces = new ArrayList<>(2);
        while (true) {
            TokenKind k = kind();
            if (k == middle) {
                Constant c = middleConstant(pos, raw);
                pos++;
                if (c != null) {
                    pieces.add(c);
                }
            } else if (k == TokenKind.LBRACE) {
                parseReplacementField(pieces, raw, template, false);
            } else {
                break;
            }
        }
        int e = pos - 1;
        List<Expr> values = pieces.size() <= 1 ? pieces : fold(pieces, true);
        return JoinedStr.of(values, ln(colon), co(colon), eln(e), eco(e), so(colon), eo(e));
    }
}
