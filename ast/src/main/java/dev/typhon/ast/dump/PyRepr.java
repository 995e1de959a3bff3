package dev.typhon.ast.dump;

import dev.typhon.ast.ConstantValue;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's {@code repr()} of the constant values an AST holds, exactly as CPython 3.13/3.14 print
 * them inside {@code ast.dump}. Everything appends to a caller's {@link StringBuilder}: the dump of
 * a whole standard library goes through here, so there is no regex and no String.format.
 *
 * <p>Known differences from CPython, all outside what real source code produces:
 * <ul>
 *   <li>Printability of non-ASCII characters comes from the running JDK's Unicode tables
 *       ({@link Character#getType(int)}). JDK 24+ has Unicode 16.0, as CPython 3.14 has; CPython
 *       3.13 has 15.1, so characters first assigned in 16.0 print as themselves here and as
 *       {@code \\uXXXX} there (JDK 21-23 have 15.0: then the 627 characters new in 15.1, mostly
 *       CJK Extension I, differ the other way).
 *   <li>A Java string cannot tell a surrogate pair from a high surrogate followed by a low one, so
 *       Python's two-code-point {@code '\ud83d\ude00'} prints as the one character it pairs into.
 *   <li>CPython refuses {@code repr()} of an int over 4300 decimal digits, so its ast.dump raises
 *       ValueError for a huge hex, octal or binary literal (a decimal literal that long is already
 *       a SyntaxError in ast.parse); the digits are printed here all the same.
 * </ul>
 */
public final class PyRepr {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PyRepr() {
    }

    /** Appends the repr of any constant. */
    public static void constant(StringBuilder sb, ConstantValue value) {
        switch (value) {
            case ConstantValue.Str s -> str(sb, s);
            case ConstantValue.Bytes b -> bytes(sb, b);
            case ConstantValue.Int i -> integer(sb, i.value());
            case ConstantValue.Float f -> floatRepr(sb, f.value());
            case ConstantValue.Complex c -> complex(sb, c.real(), c.imag());
            case ConstantValue.Bool b -> sb.append(b.value() ? "True" : "False");
            case ConstantValue.None n -> sb.append("None");
            case ConstantValue.Ellipsis e -> sb.append("Ellipsis");
        }
    }

    /** The repr of any constant as a new string. */
    public static String constant(ConstantValue value) {
        StringBuilder sb = new StringBuilder();
        constant(sb, value);
        return sb.toString();
    }

    // ---------------------------------------------------------------- str

    /** Appends the repr of a {@code str}; lone surrogates are escaped as CPython does. */
    public static void str(StringBuilder sb, String s) {
        str(sb, s, null);
    }

    /** Appends the repr of a {@code str} constant, keeping its split surrogate pairs apart. */
    public static void str(StringBuilder sb, ConstantValue.Str s) {
        str(sb, s.value(), s.splitPairs().length == 0 ? null : s);
    }

    private static void str(StringBuilder sb, String s, ConstantValue.Str splits) {
        // CPython's choice: single quotes unless that needs escaping and double quotes do not.
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(quote);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i++);
            if (c < 0x7f) {
                if (c >= ' ') {
                    if (c == quote || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                } else {
                    asciiControl(sb, c);
                }
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(s.charAt(i))
                    && (splits == null || !splits.isSplitAt(i - 1))) {
                cp = Character.toCodePoint(c, s.charAt(i++));
            }
            if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hexEscape(sb, 'x', cp, 2);
            } else if (cp <= 0xffff) {
                hexEscape(sb, 'u', cp, 4);
            } else {
                hexEscape(sb, 'U', cp, 8);
            }
        }
        sb.append(quote);
    }

    /** The repr of a {@code str} as a new string. */
    public static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        str(sb, s);
        return sb.toString();
    }

    /**
     * Python's {@code str.isprintable()} for one code point of U+007F or above: every character
     * except those in categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (the space, the only printable
     * separator, is ASCII).
     */
    static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> cp == ' ';
            default -> true;
        };
    }

    private static void asciiControl(StringBuilder sb, char c) {
        switch (c) {
            case '\t' -> sb.append("\\t");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            default -> hexEscape(sb, 'x', c, 2);
        }
    }

    private static void hexEscape(StringBuilder sb, char kind, int value, int digits) {
        sb.append('\\').append(kind);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(value >>> shift) & 0xf]);
        }
    }

    // ---------------------------------------------------------------- bytes

    /** Appends the repr of a {@code bytes}. */
    public static void bytes(StringBuilder sb, ConstantValue.Bytes b) {
        int n = b.length();
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int i = 0; i < n; i++) {
            byte x = b.byteAt(i);
            hasSingle |= x == '\'';
            hasDouble |= x == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        sb.append('b').append(quote);
        for (int i = 0; i < n; i++) {
            int x = b.byteAt(i) & 0xff;
            if (x == quote || x == '\\') {
                sb.append('\\').append((char) x);
            } else if (x >= ' ' && x < 0x7f) {
                sb.append((char) x);
            } else if (x < ' ') {
                asciiControl(sb, (char) x);
            } else {
                hexEscape(sb, 'x', x, 2);
            }
        }
        sb.append(quote);
    }

    // ---------------------------------------------------------------- int

    /** Appends the decimal digits of an {@code int}. */
    public static void integer(StringBuilder sb, BigInteger value) {
        if (value.bitLength() < 64) {
            sb.append(value.longValue());
        } else {
            sb.append(value);
        }
    }

    // ---------------------------------------------------------------- float and complex

    /** Appends the repr of a {@code float}: {@code '1.0'}, {@code '1e+16'}, {@code 'inf'}. */
    public static void floatRepr(StringBuilder sb, double d) {
        formatDouble(sb, d, true);
    }

    /**
     * Appends the repr of a {@code complex}. CPython prints the parts with repr's digits but
     * without the {@code .0} of integral values, and drops the real part only when it is +0.0.
     */
    public static void complex(StringBuilder sb, double real, double imag) {
        if (real == 0.0 && Double.doubleToRawLongBits(real) == 0L) {
            formatDouble(sb, imag, false);
            sb.append('j');
            return;
        }
        sb.append('(');
        formatDouble(sb, real, false);
        // The imaginary part always carries its sign; a NaN's sign bit is not shown, as in CPython.
        if (Double.isNaN(imag) || !(imag < 0.0 || (imag == 0.0 && 1.0 / imag < 0.0))) {
            sb.append('+');
        }
        formatDouble(sb, imag, false);
        sb.append("j)");
    }

    /**
     * CPython's {@code float_repr_style == 'short'} rendering: the shortest digits that read back
     * to the same double, positional when the decimal point falls within 16 digits of them
     * (-4 &lt; decpt &lt;= 16), else {@code d.ddde+XX} with at least two exponent digits.
     */
    private static void formatDouble(StringBuilder sb, double d, boolean addDotZero) {
        if (Double.isNaN(d)) {
            sb.append("nan");
            return;
        }
        if (Double.isInfinite(d)) {
            sb.append(d > 0 ? "inf" : "-inf");
            return;
        }
        if (d == 0.0) {
            if (Double.doubleToRawLongBits(d) != 0L) {
                sb.append('-');
            }
            sb.append(addDotZero ? "0.0" : "0");
            return;
        }
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        Digits digits = shortestDigits(d);
        String ds = digits.digits;
        int decpt = digits.decpt;
        int nd = ds.length();
        if (decpt <= -4 || decpt > 16) {
            sb.append(ds.charAt(0));
            if (nd > 1) {
                sb.append('.').append(ds, 1, nd);
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        } else if (decpt <= 0) {
            sb.append("0.");
            for (int i = decpt; i < 0; i++) {
                sb.append('0');
            }
            sb.append(ds);
        } else if (decpt >= nd) {
            sb.append(ds);
            for (int i = nd; i < decpt; i++) {
                sb.append('0');
            }
            if (addDotZero) {
                sb.append(".0");
            }
        } else {
            sb.append(ds, 0, decpt).append('.').append(ds, decpt, nd);
        }
    }

    /** Significant digits (no leading or trailing zeros) and the point's place: 0.DIGITS × 10^decpt. */
    private record Digits(String digits, int decpt) {
    }

    /**
     * The shortest round-tripping digits of a positive finite double. Java's Double.toString
     * (JDK 19+) picks the shortest digits too, with one difference: when a single digit would do,
     * it may print two if those are closer (4.9E-324 for Python's 5e-324). That can only happen
     * where doubles are far apart relative to their size, among subnormals, so only there is a
     * one-digit alternative looked for.
     */
    private static Digits shortestDigits(double d) {
        Digits digits = parseJavaDigits(Double.toString(d));
        if (digits.digits.length() == 2 && d < Double.MIN_NORMAL) {
            Digits one = oneDigitAlternative(d, digits);
            if (one != null) {
                return one;
            }
        }
        return digits;
    }

    private static Digits oneDigitAlternative(double d, Digits two) {
        int first = two.digits.charAt(0) - '0';
        BigDecimal exact = new BigDecimal(d);
        Digits best = null;
        BigDecimal bestDistance = null;
        for (int candidate = first; candidate <= first + 1; candidate++) {
            // candidate 10 is the one-digit "1" a place higher.
            String digit = candidate == 10 ? "1" : Integer.toString(candidate);
            int decpt = candidate == 10 ? two.decpt + 1 : two.decpt;
            BigDecimal value = new BigDecimal(new BigInteger(digit), 1 - decpt);
            if (value.signum() == 0 || value.doubleValue() != d) {
                continue;
            }
            BigDecimal distance = value.subtract(exact).abs();
            int cmp = bestDistance == null ? -1 : distance.compareTo(bestDistance);
            // A tie between two one-digit decimals goes to the even digit, as in David Gay's dtoa.
            if (cmp < 0 || (cmp == 0 && (digit.charAt(0) - '0') % 2 == 0)) {
                best = new Digits(digit, decpt);
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Reads Java's "123.45" or "1.2345E-7" into significant digits and decpt. */
    private static Digits parseJavaDigits(String s) {
        int e = s.indexOf('E');
        int exp = 0;
        int mantissaEnd = s.length();
        if (e >= 0) {
            exp = Integer.parseInt(s, e + 1, s.length(), 10);
            mantissaEnd = e;
        }
        StringBuilder digits = new StringBuilder(20);
        int decpt = 0;
        boolean seenPoint = false;
        for (int i = 0; i < mantissaEnd; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                seenPoint = true;
                continue;
            }
            if (digits.isEmpty() && c == '0') {
                // A leading zero: before the point it means nothing, after it moves the point left.
                if (seenPoint) {
                    decpt--;
                }
                continue;
            }
            digits.append(c);
            if (!seenPoint) {
                decpt++;
            }
        }
        int len = digits.length();
        while (len > 1 && digits.charAt(len - 1) == '0') {
            len--;
        }
        digits.setLength(len);
        return new Digits(digits.toString(), decpt + exp);
    }
}
