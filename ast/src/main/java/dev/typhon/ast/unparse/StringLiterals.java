package dev.typhon.ast.unparse;

import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.dump.PyRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * Quote choice for the string literals the unparser writes itself: docstrings (kept readable in
 * triple quotes) and the literal parts of f-strings and t-strings. Mirrors the helpers of
 * CPython 3.14's {@code ast.unparse}, so that output text matches it; ordinary string constants
 * use plain {@code repr()} instead (see {@link PyRepr}).
 */
final class StringLiterals {

    static final String SINGLE = "'";
    static final String DOUBLE = "\"";
    static final String TRIPLE_DOUBLE = "\"\"\"";
    static final String TRIPLE_SINGLE = "'''";

    /** CPython's {@code _ALL_QUOTES}, in its order of preference. */
    static final List<String> ALL_QUOTES = List.of(SINGLE, DOUBLE, TRIPLE_DOUBLE, TRIPLE_SINGLE);
    /** CPython's {@code _MULTI_QUOTES}. */
    static final List<String> MULTI_QUOTES = List.of(TRIPLE_DOUBLE, TRIPLE_SINGLE);

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ConstantValue.Str QUOTE = new ConstantValue.Str("\"");

    private StringLiterals() {
    }

    /** The body of a literal (without its quotes) and the quotes that may enclose it, best first. */
    record Literal(String body, List<String> quotes) {
    }

    /**
     * CPython's {@code _str_literal_helper}: escapes backslashes and unprintable characters (and
     * newlines and tabs too when {@code escapeSpecialWhitespace}), then keeps the quotes from
     * {@code quoteTypes} that do not occur in the text. When none is left, falls back to the
     * body of {@code repr()} with the quote it chose.
     */
    static Literal literal(ConstantValue.Str string, List<String> quoteTypes, boolean escapeSpecialWhitespace) {
        String escaped = escape(string, escapeSpecialWhitespace);
        List<String> possible = new ArrayList<>(quoteTypes.size());
        boolean multiline = escaped.indexOf('\n') >= 0;
        for (String q : quoteTypes) {
            if ((!multiline || q.length() == 3) && !escaped.contains(q)) {
                possible.add(q);
            }
        }
        if (possible.isEmpty()) {
            StringBuilder reprText = new StringBuilder();
            PyRepr.str(reprText, string);
            String repr = reprText.toString();
            char reprQuote = repr.charAt(0);
            String quote = String.valueOf(reprQuote);
            for (String q : quoteTypes) {
                if (q.indexOf(reprQuote) >= 0) {
                    quote = q;
                    break;
                }
            }
            return new Literal(repr.substring(1, repr.length() - 1), List.of(quote));
        }
        if (!escaped.isEmpty()) {
            char last = escaped.charAt(escaped.length() - 1);
            // A stable sort that moves quotes starting with the text's last character to the end,
            // so '''"''' is preferred over """\"""".
            List<String> sorted = new ArrayList<>(possible.size());
            for (String q : possible) {
                if (q.charAt(0) != last) {
                    sorted.add(q);
                }
            }
            for (String q : possible) {
                if (q.charAt(0) == last) {
                    sorted.add(q);
                }
            }
            possible = sorted;
            if (possible.get(0).charAt(0) == last) {
                // Only a triple quote can get here: escape the final quote so it cannot close early.
                escaped = escaped.substring(0, escaped.length() - 1) + "\\" + last;
            }
        }
        return new Literal(escaped, possible);
    }

    /**
     * The code point at {@code index}: as {@link String#codePointAt}, except that a surrogate pair
     * the constant holds as two code points yields its high surrogate alone.
     */
    static int codePointAt(ConstantValue.Str str, int index) {
        int cp = str.value().codePointAt(index);
        return cp > 0xffff && str.isSplitAt(index) ? str.value().charAt(index) : cp;
    }

    /** Backslashes and unprintable characters as Python's {@code unicode_escape} codec writes them. */
    static String escape(ConstantValue.Str str, boolean escapeSpecialWhitespace) {
        String string = str.value();
        StringBuilder sb = null;
        int n = string.length();
        for (int i = 0; i < n; ) {
            int cp = codePointAt(str, i);
            int width = Character.charCount(cp);
            boolean keep = cp != '\\' && (isPrintable(cp)
                    || (!escapeSpecialWhitespace && (cp == '\n' || cp == '\t')));
            if (!keep && sb == null) {
                sb = new StringBuilder(n + 16);
                sb.append(string, 0, i);
            }
            if (sb != null) {
                if (keep) {
                    sb.appendCodePoint(cp);
                } else {
                    unicodeEscape(sb, cp);
                }
            }
            i += width;
        }
        return sb == null ? string : sb.toString();
    }

    /** One code point as the {@code unicode_escape} codec writes it. */
    static void unicodeEscape(StringBuilder sb, int cp) {
        switch (cp) {
            case '\\' -> sb.append("\\\\");
            case '\t' -> sb.append("\\t");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            default -> {
                if (cp >= 0x20 && cp < 0x7f) {
                    sb.append((char) cp);
                } else if (cp < 0x100) {
                    hex(sb, 'x', cp, 2);
                } else if (cp < 0x10000) {
                    hex(sb, 'u', cp, 4);
                } else {
                    hex(sb, 'U', cp, 8);
                }
            }
        }
    }

    private static void hex(StringBuilder sb, char kind, int value, int digits) {
        sb.append('\\').append(kind);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(value >>> shift) & 0xf]);
        }
    }

    /**
     * Python's {@code str.isprintable()} for one code point: everything but categories Cc, Cf,
     * Cs, Co, Cn, Zl, Zp and the Zs separators other than the ASCII space.
     */
    static boolean isPrintable(int cp) {
        if (cp < 0x7f) {
            return cp >= ' ';
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** One piece of an f-string or t-string body: literal text, or a whole replacement field. */
    record Part(ConstantValue.Str text, boolean constant) {
    }

    /**
     * Writes the quoted body of an f-string or t-string (after its prefix): CPython 3.14's
     * {@code _ftstring_helper}. Literal parts are escaped and narrow the usable quotes; a
     * replacement field prefers quotes that do not occur in it (PEP 701 would allow them, but
     * older Pythons would not) and needs triple quotes when it spans lines. When no quote suits
     * every literal part, all literal parts are written as {@code repr()} bodies inside
     * {@code '''}.
     */
    static void writeFtString(StringBuilder sb, List<Part> parts) {
        List<String> quoteTypes = ALL_QUOTES;
        StringBuilder body = new StringBuilder();
        boolean fallback = false;
        for (Part part : parts) {
            String value = part.text().value();
            if (part.constant()) {
                Literal literal = literal(part.text(), quoteTypes, true);
                if (java.util.Collections.disjoint(literal.quotes(), quoteTypes)) {
                    fallback = true;
                    break;
                }
                quoteTypes = literal.quotes();
                value = literal.body();
            } else {
                if (value.indexOf('\n') >= 0) {
                    List<String> multi = new ArrayList<>(2);
                    for (String q : quoteTypes) {
                        if (q.length() == 3) {
                            multi.add(q);
                        }
                    }
                    if (multi.isEmpty()) {
                        // CPython asserts here; the repr fallback below always works.
                        fallback = true;
                        break;
                    }
                    quoteTypes = multi;
                }
                List<String> unused = new ArrayList<>(quoteTypes.size());
                for (String q : quoteTypes) {
                    if (!value.contains(q)) {
                        unused.add(q);
                    }
                }
                if (!unused.isEmpty()) {
                    quoteTypes = unused;
                }
            }
            body.append(value);
        }
        if (fallback) {
            body.setLength(0);
            for (Part part : parts) {
                if (part.constant()) {
                    // repr of '"' + text is always in single quotes; drop the "'\"" and the "'".
                    StringBuilder repr = new StringBuilder();
                    PyRepr.str(repr, ConstantValue.Str.concat(List.of(QUOTE, part.text())));
                    body.append(repr, 2, repr.length() - 1);
                } else {
                    body.append(part.text().value());
                }
            }
            quoteTypes = List.of(TRIPLE_SINGLE);
        }
        String quote = quoteTypes.get(0);
        sb.append(quote).append(body).append(quote);
    }
}
