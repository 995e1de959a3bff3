package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.ConstantValue;
import dev.typhon.testing.FuzzTries;
import java.math.BigInteger;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Literal decoding against CPython 3.13: values are what {@code ast.literal_eval} returns, errors
 * the messages {@code ast.parse} raises. Every STRING, NUMBER and FSTRING_MIDDLE token of the 3.13
 * standard library was also compared with CPython's value while this was written.
 */
class LiteralsTest {

    @Test
    void integers() {
        assertEquals(ConstantValue.Int.of(0), Literals.number("0"));
        assertEquals(ConstantValue.Int.of(0), Literals.number("00"));
        assertEquals(ConstantValue.Int.of(0), Literals.number("0_0"));
        assertEquals(ConstantValue.Int.of(1000), Literals.number("1_000"));
        assertEquals(ConstantValue.Int.of(255), Literals.number("0x_fF"));
        assertEquals(ConstantValue.Int.of(15), Literals.number("0o17"));
        assertEquals(ConstantValue.Int.of(2), Literals.number("0B1_0"));
        assertEquals(ConstantValue.Int.of(9007199254740993L), Literals.number("9007199254740993"));
        assertEquals(new ConstantValue.Int(new BigInteger("123456789012345678901234567890")),
                Literals.number("123456789012345678901234567890"));
        assertEquals(new ConstantValue.Int(BigInteger.TWO.pow(160).subtract(BigInteger.ONE)),
                Literals.number("0x" + "f".repeat(40)));
    }

    @Test
    void floatsAndImaginaries() {
        assertEquals(new ConstantValue.Float(1.0), Literals.number("1."));
        assertEquals(new ConstantValue.Float(0.5), Literals.number(".5"));
        assertEquals(new ConstantValue.Float(0.0015), Literals.number("1.5e-3"));
        assertEquals(new ConstantValue.Float(1e9), Literals.number("1E+9"));
        assertEquals(new ConstantValue.Float(9.5), Literals.number("09.5"));
        assertEquals(new ConstantValue.Float(0.0), Literals.number("0e1"));
        assertEquals(new ConstantValue.Float(100100000000.0), Literals.number("1_0.0_1e1_0"));
        assertEquals(new ConstantValue.Float(Double.POSITIVE_INFINITY), Literals.number("1e400"));
        assertEquals(new ConstantValue.Float(Double.POSITIVE_INFINITY), Literals.number("1.7976931348623159e308"));
        assertEquals(new ConstantValue.Float(0.0), Literals.number("1e-400"));
        assertEquals(new ConstantValue.Float(Double.MIN_VALUE), Literals.number("2.5e-324"));
        assertEquals(new ConstantValue.Complex(0.0, 1e5), Literals.number("1e5j"));
        assertEquals(new ConstantValue.Complex(0.0, 10.0), Literals.number("1_0J"));
        assertEquals(new ConstantValue.Complex(0.0, 0.0), Literals.number("0j"));
        assertEquals(new ConstantValue.Complex(0.0, 100000.0), Literals.number("1.e5j"));
    }

    @Test
    void invalidNumbersAndTheDigitLimit() {
        assertNull(Literals.number("1__0"));
        assertNull(Literals.number("0777"));
        assertNull(Literals.number("0x"));
        assertNull(Literals.number("1e"));
        assertNull(Literals.number(""));
        assertNull(Literals.number(null));
        String limit = "1".repeat(4300);
        assertEquals(new ConstantValue.Int(new BigInteger(limit)), Literals.number(limit));
        assertNull(Literals.numberError(limit));
        String over = "1".repeat(4301);
        assertNull(Literals.number(over));
        assertEquals("Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; "
                + "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer "
                + "literals to avoid decimal conversion limits.", Literals.numberError(over));
        // Only decimal ints are limited.
        assertNull(Literals.numberError("0x" + "1".repeat(5000)));
        assertNull(Literals.numberError("1".repeat(5000) + ".0"));
        assertEquals(new ConstantValue.Int(BigInteger.ZERO), Literals.number("0".repeat(5000)));
    }

    @Test
    void stringsAndPrefixes() {
        assertEquals(Literals.DecodedString.ofStr("abc", false), plain("'abc'"));
        Literals.DecodedString u = Literals.string("u'x'");
        assertTrue(u.uPrefix());
        assertEquals("x", u.str());
        assertFalse(Literals.string("'x'").uPrefix());
        assertEquals("\\n", Literals.string("r'\\n'").str());
        assertEquals("\\n", Literals.string("R\"\\n\"").str());
        assertEquals("a\n", Literals.string("'''a\n'''").str());
        assertEquals("a\nb\nc", Literals.string("\"\"\"a\r\nb\rc\"\"\"").str());
        assertEquals("ab", Literals.string("'a\\\nb'").str());
        assertEquals("ab", Literals.string("'a\\\r\nb'").str());
        assertEquals("", Literals.string("''").str());
        assertEquals("", Literals.string("''''''").str());
    }

    private static Literals.DecodedString plain(String token) {
        Literals.DecodedString d = Literals.string(token);
        return new Literals.DecodedString(d.str(), d.bytes(), d.isBytes(), d.uPrefix(), d.error(), d.splitPairs());
    }

    @Test
    void escapes() {
        assertEquals("\u0007\b\f\n\r\t\u000b\\'\"", Literals.string("'\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"'").str());
        assertEquals("A\u01ff\u0000", Literals.string("'\\101\\777\\0'").str());
        assertEquals("Aé😀", Literals.string("'\\x41\\u00e9\\U0001F600'").str());
        // Unknown escapes keep their backslash, also before a non-ASCII character.
        assertEquals("\\d\\é\\N", Literals.string("r'\\d\\é\\N'").str());
        assertEquals("\\d\\é", Literals.string("'\\d\\é'").str());
        assertEquals("•a\ufeff一가\u01a2\n\u0085", Literals.string("'\\N{BULLET}\\N{latin small letter a}"
                + "\\N{byte order mark}\\N{CJK UNIFIED IDEOGRAPH-4E00}\\N{HANGUL SYLLABLE GA}"
                + "\\N{LATIN CAPITAL LETTER GHA}\\N{LF}\\N{NEL}'").str());
    }

    @Test
    void bytes() {
        Literals.DecodedString b = Literals.string("b'x\\x00\\n\\777\\101\\d\\N{x}'");
        assertTrue(b.isBytes());
        assertNull(b.str());
        assertArrayEquals(new byte[] {'x', 0, '\n', (byte) 0xFF, 'A', '\\', 'd', '\\', 'N', '{', 'x', '}'}, b.bytes());
        assertArrayEquals("\\x41".getBytes(), Literals.string("Rb'\\x41'").bytes());
        assertArrayEquals("ab".getBytes(), Literals.string("BR\"ab\"").bytes());
        assertArrayEquals(new byte[0], Literals.string("b''").bytes());
    }

    static Stream<Arguments> stringErrors() {
        String ue = "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
        return Stream.of(
                Arguments.of("'\\x1'", ue + "0-2: truncated \\xXX escape"),
                Arguments.of("'\\x1g'", ue + "0-2: truncated \\xXX escape"),
                // ö counts as the ten bytes of \U000000f6, as CPython rewrites it before decoding.
                Arguments.of("'ö\\x1'", ue + "10-12: truncated \\xXX escape"),
                Arguments.of("'\\u12'", ue + "0-3: truncated \\uXXXX escape"),
                Arguments.of("'\\U0011ffff'", ue + "0-9: illegal Unicode character"),
                Arguments.of("'\\U001'", ue + "0-4: truncated \\UXXXXXXXX escape"),
                Arguments.of("'\\N{}'", ue + "0-2: malformed \\N character escape"),
                Arguments.of("'\\N'", ue + "0-1: malformed \\N character escape"),
                Arguments.of("'\\N{abc'", ue + "0-5: malformed \\N character escape"),
                Arguments.of("'\\N{ LATIN SMALL LETTER A}'", ue + "0-24: unknown Unicode character name"),
                Arguments.of("'\\N{BASIC LATIN 41}'", ue + "0-17: unknown Unicode character name"),
                Arguments.of("'\\N{cjk unified ideograph-4e00}'", ue + "0-29: unknown Unicode character name"),
                Arguments.of("'\\N{EMPTY SET}\\x'", ue + "13-14: truncated \\xXX escape"),
                Arguments.of("b'\\x1'", "(value error) invalid \\x escape at position 0"),
                Arguments.of("b'ab\\xzz'", "(value error) invalid \\x escape at position 2"),
                Arguments.of("b'é'", "bytes can only contain ASCII literal characters"),
                // Undecodable UTF-8 bytes, kept by SourceText as U+DC80..U+DCFF.
                Arguments.of("\"b\udcf6se\"", "(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: "
                        + "invalid start byte"),
                Arguments.of("r\"a\udcf6\"", "(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: "
                        + "invalid start byte"),
                Arguments.of("\"a\\\\xff\udcf6\"", "(unicode error) 'utf-8' codec can't decode byte 0xf6 in position "
                        + "0: invalid start byte"),
                Arguments.of("\"ab\udcc3\"", "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 2: "
                        + "unexpected end of data"),
                Arguments.of("\"\udcf0\udc9f\udc98\"", "(unicode error) 'utf-8' codec can't decode bytes in position "
                        + "0-2: unexpected end of data"),
                Arguments.of("\"\udced\udca0\udc80\"", "(unicode error) 'utf-8' codec can't decode byte 0xed in "
                        + "position 0: invalid continuation byte"),
                Arguments.of("\"\"\"\nab\udcf6\"\"\"", "(unicode error) 'utf-8' codec can't decode byte 0xf6 in "
                        + "position 3: invalid start byte"));
    }

    @ParameterizedTest
    @MethodSource("stringErrors")
    void stringErrorsAsCPythonReportsThem(String token, String message) {
        Literals.DecodedString d = Literals.string(token);
        assertEquals(message, d.error());
        assertNull(d.str());
        assertNull(d.bytes());
    }

    @Test
    void fstringMiddles() {
        assertEquals("a{", Literals.fstringMiddle("a{", false).str());
        assertEquals("a{b}", Literals.fstringMiddle("a{{b}}", false).str());
        assertEquals("•", Literals.fstringMiddle("\\N{BULLET}", false).str());
        assertEquals("\n", Literals.fstringMiddle("\\n", false).str());
        assertEquals("\\n", Literals.fstringMiddle("\\n", true).str());
        // f"\{x}" leaves a lone backslash in its middle: a backslash it stays.
        assertEquals("\\", Literals.fstringMiddle("\\", false).str());
        assertEquals("a\nb", Literals.fstringMiddle("a\r\nb", false).str());
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
                Literals.fstringMiddle("\\x1", false).error());
        // CPython lets this one through as a bare UnicodeDecodeError.
        assertEquals("'utf-8' codec can't decode byte 0xf6 in position 0: invalid start byte",
                Literals.fstringMiddle("\udcf6", false).error());
    }

    @Property
    @AddLifecycleHook(FuzzTries.class)
    void decodingNeverThrows(@ForAll String text) {
        Literals.string(text);
        Literals.string("'" + text + "'");
        Literals.string("b'''" + text + "'''");
        Literals.fstringMiddle(text, false);
        Literals.fstringMiddle(text, true);
        Literals.number(text);
        Literals.numberError(text);
    }
}
