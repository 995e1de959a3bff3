package dev.typhon.ast.source;

import dev.typhon.ast.parser.SyntaxError;
import java.util.List;

/**
 * Python source text, decoded from file bytes the way CPython's tokenizer does for
 * {@code ast.parse(bytes)}: a UTF-8 BOM, a PEP 263 coding cookie on line 1 or 2 (line 2 only when
 * line 1 is blank or a comment), UTF-8 otherwise.
 *
 * <p>UTF-8 is not validated here, because CPython does not validate it either: a bad byte in a
 * comment is accepted and one in a string or name is reported by that token, with the byte's
 * position inside it. Undecodable bytes are therefore kept in {@link #text()} as lone surrogates
 * U+DC80..U+DCFF (Python's "surrogateescape"), which the tokenizer and {@code Literals} turn into
 * CPython's messages where CPython raises them. Newlines are not translated.
 */
public final class SourceText {

    private static final String NUL_MESSAGE = "source code string cannot contain null bytes";

    private final String text;
    private final List<SyntaxError> errors;
    private final String encoding;
    private final boolean bom;

    private SourceText(String text, List<SyntaxError> errors, String encoding, boolean bom) {
        this.text = text;
        this.errors = errors;
        this.encoding = encoding;
        this.bom = bom;
    }

    /** Decodes file bytes like CPython. Never throws; problems become {@link #errors()}. */
    public static SourceText decode(byte[] bytes) {
        if (bytes == null) {
            bytes = new byte[0];
        }
        int n = bytes.length;
        boolean bom = n >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        int start = bom ? 3 : 0;
        String spec = findCodingSpec(bytes, start);
        String error = null;
        String encoding = "utf-8";
        String text;
        if (spec != null && bom && !spec.equals("utf-8")) {
            error = "encoding problem: " + spec + " with BOM";
            text = Utf8.decodeSurrogateEscape(bytes, start, n);
        } else if (spec != null && !spec.equals("utf-8")) {
            encoding = spec;
            final byte[] source = bytes;
            final int from = start;
            PythonEncodings.Decoded decoded = PythonEncodings.decode(bytes, start, n, spec,
                    at -> at - crlfPairsBefore(source, from, from + at));
            text = decoded.text();
            error = decoded.error();
        } else {
            text = Utf8.decodeSurrogateEscape(bytes, start, n);
        }
        // CPython refuses null bytes before it even looks at the encoding.
        for (byte b : bytes) {
            if (b == 0) {
                int at = Math.max(0, text.indexOf('\0'));
                return new SourceText(text, List.of(SyntaxError.global(NUL_MESSAGE, at, at + 1)), encoding, bom);
            }
        }
        List<SyntaxError> errors = error == null ? List.of() : List.of(SyntaxError.global(error, 0, 0));
        return new SourceText(text, errors, encoding, bom);
    }

    /**
     * Already-decoded text, as {@code ast.parse(str)} receives it: no BOM handling and no coding
     * cookie. A lone surrogate is an error, as CPython cannot encode it to UTF-8.
     */
    public static SourceText of(String text) {
        if (text == null) {
            text = "";
        }
        int cp = 0;
        for (int i = 0; i < text.length(); i++, cp++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                String message = String.format(
                        "'utf-8' codec can't encode character '\\u%04x' in position %d: surrogates not allowed", (int) c, cp);
                return new SourceText(text, List.of(SyntaxError.global(message, i, i + 1)), "utf-8", false);
            }
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return new SourceText(text, List.of(SyntaxError.global(NUL_MESSAGE, nul, nul + 1)), "utf-8", false);
        }
        return new SourceText(text, List.of(), "utf-8", false);
    }

    /** The decoded text, without a BOM, with newlines as they were. */
    public String text() {
        return text;
    }

    /** Decoding errors, CPython's first one (empty when decoding succeeded). */
    public List<SyntaxError> errors() {
        return errors;
    }

    /** The encoding used: {@code utf-8}, or the cookie's name as CPython normalises it. */
    public String encoding() {
        return encoding;
    }

    /** True when the bytes started with a UTF-8 byte order mark. */
    public boolean hasBom() {
        return bom;
    }

    /** True when the text keeps undecodable UTF-8 bytes as surrogate escapes. */
    public boolean hasUndecodableBytes() {
        return Utf8.hasLoneSurrogate(text, 0, text.length());
    }

    private static int crlfPairsBefore(byte[] b, int from, int to) {
        int pairs = 0;
        for (int i = from; i + 1 < to + 1 && i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && i + 1 < to) {
                pairs++;
            }
        }
        return pairs;
    }

    /**
     * The coding cookie CPython finds: on line 1, or on line 2 when line 1 holds only whitespace
     * and maybe a comment. A line is only examined when a newline ends it. Returns the name after
     * {@link PythonEncodings#normalName}, or null.
     */
    static String findCodingSpec(byte[] b, int start) {
        int end1 = newlineAt(b, start);
        if (end1 < 0) {
            return null;
        }
        String spec = codingSpec(b, start, end1 - start);
        if (spec != null) {
            return spec;
        }
        if (!blankOrComment(b, start, end1)) {
            return null;
        }
        int line2 = end1 + newlineLength(b, end1);
        int end2 = newlineAt(b, line2);
        if (end2 < 0) {
            return null;
        }
        // CPython passes line 2 with its newline, which only moves the search bound by one.
        return codingSpec(b, line2, end2 - line2 + 1);
    }

    private static int newlineAt(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static int newlineLength(byte[] b, int at) {
        return b[at] == '\r' && at + 1 < b.length && b[at + 1] == '\n' ? 2 : 1;
    }

    private static boolean blankOrComment(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '#') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /** CPython's {@code get_coding_spec} on a line of {@code size} bytes starting at {@code s}. */
    private static String codingSpec(byte[] b, int s, int size) {
        int i = 0;
        for (; i < size - 6; i++) {
            byte c = b[s + i];
            if (c == '#') {
                break;
            }
            if (c != ' ' && c != '\t' && c != '\f') {
                return null;
            }
        }
        for (; i < size - 6; i++) {
            int t = s + i;
            if (b[t] != 'c' || b[t + 1] != 'o' || b[t + 2] != 'd' || b[t + 3] != 'i' || b[t + 4] != 'n' || b[t + 5] != 'g') {
                continue;
            }
            t += 6;
            if (t >= b.length || (b[t] != ':' && b[t] != '=')) {
                continue;
            }
            do {
                t++;
            } while (t < b.length && (b[t] == ' ' || b[t] == '\t'));
            int begin = t;
            while (t < b.length && isSpecChar(b[t])) {
                t++;
            }
            if (begin < t) {
                return PythonEncodings.normalName(new String(b, begin, t - begin, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        return null;
    }

    private static boolean isSpecChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    }
}
