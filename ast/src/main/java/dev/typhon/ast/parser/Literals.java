package dev.typhon.ast.parser;

import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.source.Utf8;
import java.math.BigInteger;

/**
 * Decodes literal token text into values with CPython's semantics and error messages: numbers,
 * string and bytes literals, and the literal pieces of f-strings and t-strings.
 */
public final class Literals {

    private Literals() {
    }

    /** CPython's limit on decimal digits of an int literal ({@code sys.int_info.default_max_str_digits}). */
    public static final int MAX_STR_DIGITS = 4300;

    /**
     * A decoded string or bytes literal: {@code str} for a str (else null), {@code bytes} for bytes
     * (else null), whether a {@code u} prefix was given (CPython's {@code Constant.kind == 'u'}), or
     * CPython's error message, in which case the value fields are null.
     */
    public record DecodedString(String str, byte[] bytes, boolean isBytes, boolean uPrefix, String error,
            int[] splitPairs) {

        static DecodedString ofStr(String s, boolean u) {
            return new DecodedString(s, null, false, u, null, null);
        }

        static DecodedString ofStr(String s, boolean u, int[] splitPairs) {
            return new DecodedString(s, null, false, u, null, splitPairs);
        }

        static DecodedString ofBytes(byte[] b) {
            return new DecodedString(null, b, true, false, null, null);
        }

        static DecodedString failure(String message, boolean isBytes, boolean u) {
            return new DecodedString(null, null, isBytes, u, message, null);
        }

        /** The str value as a constant, with any surrogate pairs that escapes wrote as two code points. */
        public dev.typhon.ast.ConstantValue.Str strValue() {
            return new dev.typhon.ast.ConstantValue.Str(str == null ? "" : str, splitPairs);
        }
    }

    // ------------------------------------------------------------------------------- numbers

    /**
     * NUMBER token text to {@code Int}, {@code Float} or {@code Complex}: underscores, {@code 0x/0o/0b},
     * exponents, the {@code j} suffix, ints of any size, overflowing floats as infinity. Returns null
     * for text that is no valid literal, or a decimal int longer than CPython accepts (see
     * {@link #numberError}).
     */
    public static ConstantValue number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String t = text.indexOf('_') >= 0 ? withoutUnderscores(text) : text;
        if (t == null || t.isEmpty()) {
            return null;
        }
        char last = t.charAt(t.length() - 1);
        if (last == 'j' || last == 'J') {
            String body = t.substring(0, t.length() - 1);
            if (!isDecimalFloat(body)) {
                return null;
            }
            return new ConstantValue.Complex(0.0, Double.parseDouble(body));
        }
        if (t.length() > 2 && t.charAt(0) == '0') {
            char k = Character.toLowerCase(t.charAt(1));
            int radix = k == 'x' ? 16 : k == 'o' ? 8 : k == 'b' ? 2 : 0;
            if (radix != 0) {
                String digits = t.substring(2);
                for (int i = 0; i < digits.length(); i++) {
                    if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) >= 0x80) {
                        return null;
                    }
                }
                return new ConstantValue.Int(new BigInteger(digits, radix));
            }
        }
        if (isDigits(t)) {
            if (t.charAt(0) == '0') {
                // Only zeros may lead: "00" is 0, "01" is no literal.
                for (int i = 1; i < t.length(); i++) {
                    if (t.charAt(i) != '0') {
                        return null;
                    }
                }
                return ConstantValue.Int.of(0);
            }
            if (t.length() <= 18) {
                return ConstantValue.Int.of(Long.parseLong(t));
            }
            if (t.length() > MAX_STR_DIGITS) {
                return null;
            }
            return new ConstantValue.Int(new BigInteger(t));
        }
        if (!isDecimalFloat(t)) {
            return null;
        }
        return new ConstantValue.Float(Double.parseDouble(t));
    }

    /**
     * The error CPython's parser raises for a NUMBER token the tokenizer accepted, or null: a decimal
     * int with more than {@value #MAX_STR_DIGITS} digits.
     */
    public static String numberError(String text) {
        if (text == null) {
            return null;
        }
        String t = text.indexOf('_') >= 0 ? withoutUnderscores(text) : text;
        if (t == null || t.length() <= MAX_STR_DIGITS || !isDigits(t) || t.charAt(0) == '0') {
            return null;
        }
        return "Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion: value has "
                + t.length() + " digits; use sys.set_int_max_str_digits() to increase the limit"
                + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.";
    }

    /** Drops underscores, which must each sit between two digits; null if one does not. */
    private static String withoutUnderscores(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (i == 0 || i + 1 >= s.length() || !isHexDigit(s.charAt(i - 1)) || !isHexDigit(s.charAt(i + 1))) {
                    // "0x_1" is fine: the underscore may follow the base prefix.
                    boolean afterPrefix = i == 2 && s.charAt(0) == '0' && "xXoObB".indexOf(s.charAt(1)) >= 0
                            && i + 1 < s.length() && isHexDigit(s.charAt(i + 1));
                    if (!afterPrefix) {
                        return null;
                    }
                }
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** digits [. digits] [e [+-] digits], with digits on at least one side of the dot. */
    private static boolean isDecimalFloat(String s) {
        int i = 0;
        int n = s.length();
        int intDigits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    // ------------------------------------------------------------------------------- strings

    /**
     * STRING token text (prefix and quotes included) to its value. Handles {@code r}, {@code b},
     * {@code u} prefixes in any case and order, triple quotes, every escape, line continuations,
     * and {@code \r\n}/{@code \r} in the literal read as {@code \n}. Errors carry CPython's message,
     * e.g. {@code (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated
     * \xXX escape}.
     */
    public static DecodedString string(String tokenText) {
        if (tokenText == null) {
            return DecodedString.failure("invalid string literal", false, false);
        }
        int i = 0;
        int len = tokenText.length();
        boolean raw = false;
        boolean bytes = false;
        boolean u = false;
        while (i < len) {
            char c = tokenText.charAt(i);
            if (c == 'r' || c == 'R') {
                raw = true;
            } else if (c == 'b' || c == 'B') {
                bytes = true;
            } else if (c == 'u' || c == 'U') {
                u = true;
            } else if (c == '\'' || c == '"') {
                break;
            } else {
                return DecodedString.failure("invalid string prefix", bytes, u);
            }
            i++;
        }
        if (i >= len) {
            return DecodedString.failure("invalid string literal", bytes, u);
        }
        char quote = tokenText.charAt(i);
        int quoteSize = len - i >= 6 && tokenText.charAt(i + 1) == quote && tokenText.charAt(i + 2) == quote ? 3 : 1;
        int bodyStart = i + quoteSize;
        int bodyEnd = len - quoteSize;
        if (bodyEnd < bodyStart) {
            return DecodedString.failure("unterminated string literal", bytes, u);
        }
        for (int k = bodyEnd; k < len; k++) {
            if (tokenText.charAt(k) != quote) {
                return DecodedString.failure("unterminated string literal", bytes, u);
            }
        }
        String body = translateNewlines(tokenText.substring(bodyStart, bodyEnd));
        boolean escapes = !raw && body.indexOf('\\') >= 0;
        if (bytes) {
            for (int k = 0; k < body.length(); k++) {
                if (body.charAt(k) >= 0x80) {
                    return DecodedString.failure("bytes can only contain ASCII literal characters", true, u);
                }
            }
            if (!escapes) {
                return DecodedString.ofBytes(latin1(body));
            }
            return decodeBytesEscapes(body);
        }
        if (!escapes) {
            String error = utf8Error(body, 0, body.length());
            return error == null ? DecodedString.ofStr(body, u) : DecodedString.failure("(unicode error) " + error, false, u);
        }
        String error = utf8RunError(body);
        if (error != null) {
            return DecodedString.failure("(unicode error) " + error, false, u);
        }
        return decodeUnicodeEscapes(body, u);
    }

    /**
     * The text of an FSTRING_MIDDLE/TSTRING_MIDDLE token to its value: doubled braces become one
     * (the tokenizer's middles already hold single ones), escapes are decoded unless {@code raw}.
     */
    public static DecodedString fstringMiddle(String text, boolean raw) {
        if (text == null) {
            return DecodedString.ofStr("", false);
        }
        String body = translateNewlines(undoubleBraces(text));
        String utf8 = utf8Error(body, 0, body.length());
        if (utf8 != null) {
            // CPython lets this UnicodeDecodeError through without the "(unicode error)" prefix.
            return DecodedString.failure(utf8, false, false);
        }
        if (raw || body.indexOf('\\') < 0) {
            return DecodedString.ofStr(body, false);
        }
        return decodeUnicodeEscapes(body, false);
    }

    private static String undoubleBraces(String s) {
        if (s.indexOf("{{") < 0 && s.indexOf("}}") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c);
            if ((c == '{' || c == '}') && i + 1 < s.length() && s.charAt(i + 1) == c) {
                i++;
            }
        }
        return b.toString();
    }

    /** CPython reads the source with {@code \r\n} and {@code \r} already turned into {@code \n}. */
    private static String translateNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                b.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static byte[] latin1(String s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) s.charAt(i);
        }
        return out;
    }

    /** The UTF-8 decode error for {@code s[from, to)} (undecodable bytes kept as surrogates), or null. */
    private static String utf8Error(String s, int from, int to) {
        if (!Utf8.hasLoneSurrogate(s, from, to)) {
            return null;
        }
        byte[] b = Utf8.encode(s, from, to);
        Utf8.DecodeError e = Utf8.firstError(b, 0, b.length);
        return e == null ? null : Utf8.describe("utf-8", b, 0, e);
    }

    /** CPython decodes each run of non-ASCII bytes separately before it decodes escapes. */
    private static String utf8RunError(String s) {
        if (!Utf8.hasLoneSurrogate(s, 0, s.length())) {
            return null;
        }
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) < 0x80) {
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && s.charAt(j) >= 0x80) {
                j++;
            }
            String e = utf8Error(s, i, j);
            if (e != null) {
                return e;
            }
            i = j;
        }
        return null;
    }

    private static DecodedString decodeBytesEscapes(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        int i = 0;
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            if (c != '\\') {
                out[n++] = (byte) c;
                i++;
                continue;
            }
            int bs = i;
            i++;
            if (i >= len) {
                return DecodedString.failure("(value error) Trailing \\ in string", true, false);
            }
            c = s.charAt(i++);
            switch (c) {
                case '\n' -> {
                }
                case '\\' -> out[n++] = '\\';
                case '\'' -> out[n++] = '\'';
                case '"' -> out[n++] = '"';
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 't' -> out[n++] = '\t';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 'v' -> out[n++] = 0x0B;
                case 'a' -> out[n++] = 0x07;
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = c - '0';
                    if (i < len && isOctal(s.charAt(i))) {
                        v = (v << 3) + s.charAt(i++) - '0';
                        if (i < len && isOctal(s.charAt(i))) {
                            v = (v << 3) + s.charAt(i++) - '0';
                        }
                    }
                    out[n++] = (byte) v;
                }
                case 'x' -> {
                    if (i + 1 < len && isHexDigit(s.charAt(i)) && isHexDigit(s.charAt(i + 1))) {
                        out[n++] = (byte) Integer.parseInt(s.substring(i, i + 2), 16);
                        i += 2;
                    } else {
                        return DecodedString.failure("(value error) invalid \\x escape at position " + bs, true, false);
                    }
                }
                default -> {
                    out[n++] = '\\';
                    i--;
                }
            }
        }
        return DecodedString.ofBytes(java.util.Arrays.copyOf(out, n));
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    /** Unicode escape decoding; errors give positions as CPython counts them (see {@link #position}). */
    private static DecodedString decodeUnicodeEscapes(String s, boolean u) {
        StringBuilder out = new StringBuilder(s.length());
        // Escapes such as \\ud800\\udc00 write a high and a low surrogate as two code points.
        int[] splits = null;
        int splitCount = 0;
        int i = 0;
        int len = s.length();
        while (i < len) {
            char c = s.charAt(i);
            if (c != '\\') {
                int next = s.indexOf('\\', i);
                if (next < 0) {
                    next = len;
                }
                out.append(s, i, next);
                i = next;
                continue;
            }
            int bs = i;
            i++;
            if (i >= len) {
                // CPython turns a trailing backslash into a literal one.
                out.append('\\');
                break;
            }
            c = s.charAt(i);
            if (c >= 0x80) {
                // A backslash before a non-ASCII character stays a backslash.
                out.append('\\');
                continue;
            }
            i++;
            switch (c) {
                case '\n' -> {
                }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'v' -> out.append('\u000B');
                case 'a' -> out.append('\u0007');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = c - '0';
                    if (i < len && isOctal(s.charAt(i))) {
                        v = (v << 3) + s.charAt(i++) - '0';
                        if (i < len && isOctal(s.charAt(i))) {
                            v = (v << 3) + s.charAt(i++) - '0';
                        }
                    }
                    out.append((char) v);
                }
                case 'x', 'u', 'U' -> {
                    int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                    String message = c == 'x' ? "truncated \\xXX escape"
                            : c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                    int v = 0;
                    for (int k = 0; k < count; k++) {
                        if (i >= len || !isHexDigit(s.charAt(i))) {
                            return escapeError(s, bs, i, message, u);
                        }
                        v = (v << 4) + Character.digit(s.charAt(i++), 16);
                    }
                    if (v < 0 || v > Character.MAX_CODE_POINT) {
                        return escapeError(s, bs, i, "illegal Unicode character", u);
                    }
                    int before = out.length();
                    out.appendCodePoint(v);
                    if (Character.isLowSurrogate(out.charAt(before)) && before > 0
                            && Character.isHighSurrogate(out.charAt(before - 1))) {
                        splits = splits == null ? new int[4]
                                : splitCount == splits.length ? java.util.Arrays.copyOf(splits, splitCount * 2) : splits;
                        splits[splitCount++] = before - 1;
                    }
                }
                case 'N' -> {
                    String malformed = "malformed \\N character escape";
                    if (i >= len || s.charAt(i) != '{') {
                        return escapeError(s, bs, i, malformed, u);
                    }
                    int nameStart = ++i;
                    int close = s.indexOf('}', nameStart);
                    if (close < 0) {
                        return escapeError(s, bs, len, malformed, u);
                    }
                    if (close == nameStart) {
                        return escapeError(s, bs, close, malformed, u);
                    }
                    int cp = UnicodeNames.lookup(s.substring(nameStart, close));
                    if (cp < 0) {
                        return escapeError(s, bs, close + 1, "unknown Unicode character name", u);
                    }
                    out.appendCodePoint(cp);
                    i = close + 1;
                }
                default -> {
                    out.append('\\').append(c);
                }
            }
        }
        return DecodedString.ofStr(out.toString(), u,
                splits == null ? null : java.util.Arrays.copyOf(splits, splitCount));
    }

    private static DecodedString escapeError(String s, int start, int end, String reason, boolean u) {
        int from = position(s, start);
        int to = position(s, end);
        String where = to - from == 1 ? "byte 0x5c in position " + from : "bytes in position " + from + "-" + (to - 1);
        return DecodedString.failure("(unicode error) 'unicodeescape' codec can't decode " + where + ": " + reason,
                false, u);
    }

    /**
     * Where CPython's unicode-escape decoder sees {@code s[index]}: before decoding escapes it spells
     * each non-ASCII character as a 10-byte {@code \UXXXXXXXX} escape and a backslash before one as
     * the 6-byte {@code \u005c}.
     */
    private static int position(String s, int index) {
        int pos = 0;
        for (int k = 0; k < index && k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                pos += c == '\\' && k + 1 < s.length() && s.charAt(k + 1) >= 0x80 ? 6 : 1;
            } else {
                if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                    k++;
                }
                pos += 10;
            }
        }
        return pos + Math.max(0, index - s.length());
    }
}
