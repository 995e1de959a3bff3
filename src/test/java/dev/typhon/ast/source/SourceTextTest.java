package dev.typhon.ast.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.parser.SyntaxError;
import dev.typhon.testing.FuzzTries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Source decoding against CPython 3.13's {@code ast.parse(bytes)}: which cookie counts, which
 * codec it names, and the exact message (with lineno 0 and offset -1) when decoding fails.
 */
class SourceTextTest {

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String error(SourceText s) {
        return s.errors().isEmpty() ? "none" : s.errors().get(0).message();
    }

    @Test
    void utf8ByDefaultAndTheBomIsDropped() {
        SourceText plain = SourceText.decode(bytes("x = 'caf\u00c3\u00a9'\n"));
        assertEquals("x = 'café'\n", plain.text());
        assertEquals("utf-8", plain.encoding());
        assertTrue(plain.errors().isEmpty());
        assertFalse(plain.hasBom());

        SourceText bom = SourceText.decode(bytes("\u00ef\u00bb\u00bfx=1\r\n"));
        assertEquals("x=1\r\n", bom.text());
        assertTrue(bom.hasBom());
        assertTrue(bom.errors().isEmpty());
        assertTrue(SourceText.decode(bytes("\u00ef\u00bb\u00bf# coding: utf-8-sig\n")).errors().isEmpty());
        assertTrue(SourceText.decode(bytes("\u00ef\u00bb\u00bf# coding: UTF_8\n")).errors().isEmpty());
        assertEquals("", SourceText.decode(new byte[0]).text());
        assertEquals("", SourceText.decode(null).text());
    }

    static Stream<Arguments> cookies() {
        return Stream.of(
                Arguments.of("# coding: latin-1\nx='\u00e9'\n", "iso-8859-1", "x='é'"),
                Arguments.of("#!/usr/bin/python\n# -*- coding: latin-1 -*-\nx='\u00e9'\n", "iso-8859-1", "x='é'"),
                Arguments.of("# vim: set fileencoding=latin-1 :\nx='\u00e9'\n", "iso-8859-1", "x='é'"),
                Arguments.of("# coding: latin-1-foo\nx='\u00e9'\n", "iso-8859-1", "x='é'"),
                Arguments.of("# coding: ISO_8859_1\nx='\u00e9'\n", "iso-8859-1", "x='é'"),
                Arguments.of("# coding: iso8859-15\nx='\u00a4'\n", "iso8859-15", "x='€'"),
                Arguments.of("# coding: koi8_t\nx='\u0080'\n", "koi8_t", "x='қ'"),
                Arguments.of("# coding: euc-jp\nx='\u00a4\u00a2'\n", "euc-jp", "x='あ'"),
                Arguments.of("# coding: UTF-8\nx='\u00c3\u00a9'\n", "utf-8", "x='é'"),
                // Only lines 1 and 2 count, line 2 only after a blank or comment line, and only
                // lines a newline ends.
                Arguments.of("x=1\n# -*- coding: latin-1 -*-\nx='\u00e9'\n", "utf-8", "x='\udce9'"),
                Arguments.of("\n\n# -*- coding: latin-1 -*-\nx='\u00e9'\n", "utf-8", "x='\udce9'"),
                Arguments.of("\\\n# coding: ascii\ny='\u00f6'", "utf-8", "y='\udcf6'"),
                Arguments.of("# coding: latin-1", "utf-8", "# coding: latin-1"));
    }

    @ParameterizedTest
    @MethodSource("cookies")
    void codingCookies(String latin1, String encoding, String expectedLine) {
        SourceText s = SourceText.decode(bytes(latin1));
        assertEquals("none", error(s));
        assertEquals(encoding, s.encoding());
        assertTrue(s.text().contains(expectedLine), s.text());
    }

    static Stream<Arguments> decodingErrors() {
        return Stream.of(
                Arguments.of("# -*- coding: uft-8 -*-\nx=1\n", "unknown encoding: uft-8"),
                Arguments.of("\u00ef\u00bb\u00bf# coding: utf8\nprint('\u00e6\u0088\u0091')\n",
                        "encoding problem: utf8 with BOM"),
                Arguments.of("\u00ef\u00bb\u00bf# coding: latin-1\nx=1\n", "encoding problem: iso-8859-1 with BOM"),
                Arguments.of("\n# coding: ascii\nx=\"\u00f6\"\n",
                        "'ascii' codec can't decode byte 0xf6 in position 20: ordinal not in range(128)"),
                // Positions count a \r\n as one byte, as CPython translates newlines first.
                Arguments.of("\r\n# coding: ascii\r\nx='\u00f6'",
                        "'ascii' codec can't decode byte 0xf6 in position 20: ordinal not in range(128)"),
                Arguments.of("# coding: utf8\nx='\u00f6'\n",
                        "'utf-8' codec can't decode byte 0xf6 in position 18: invalid start byte"),
                Arguments.of("# coding: rot13\nx=1\n",
                        "'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs"),
                Arguments.of("# coding: hex\nx=1\n",
                        "'hex' is not a text encoding; use codecs.decode() to handle arbitrary codecs"),
                Arguments.of("# coding: cp1252\nx='\u0081'\n",
                        "'charmap' codec can't decode byte 0x81 in position 20: character maps to <undefined>"),
                Arguments.of("# coding: shift_jis\nx='\u0081'\n",
                        "'shift_jis' codec can't decode byte 0x81 in position 23: illegal multibyte sequence"),
                Arguments.of("x=1\u0000\n", "source code string cannot contain null bytes"),
                Arguments.of("# coding: uft-8\nx=1\u0000\n", "source code string cannot contain null bytes"));
    }

    @ParameterizedTest
    @MethodSource("decodingErrors")
    void decodingErrors(String latin1, String message) {
        SourceText s = SourceText.decode(bytes(latin1));
        assertEquals(List.of(message), s.errors().stream().map(SyntaxError::message).toList());
        assertEquals(0, s.errors().get(0).lineno());
        assertEquals(-1, s.errors().get(0).column());
    }

    @Test
    void invalidUtf8IsKeptForTheTokensThatUseIt() {
        // CPython accepts bad bytes in a comment and reports them only where a token uses them.
        SourceText s = SourceText.decode(bytes("x = 1 # \u00f6\u00ff\nprint(\"b\u00f6se\")\n"));
        assertTrue(s.errors().isEmpty());
        assertTrue(s.hasUndecodableBytes());
        assertEquals("x = 1 # \udcf6\udcff\nprint(\"b\udcf6se\")\n", s.text());
        // A truncated sequence keeps every byte; a valid one after it decodes normally.
        assertEquals("\udce4\udcb8x\u4e2d", SourceText.decode(bytes("\u00e4\u00b8x\u00e4\u00b8\u00ad")).text());
        assertEquals("\udced\udca0\udc80", SourceText.decode(bytes("\u00ed\u00a0\u0080")).text());
    }

    @Test
    void alreadyDecodedText() {
        SourceText s = SourceText.of("\ufeffx = 1\r\n");
        assertEquals("\ufeffx = 1\r\n", s.text());
        assertTrue(s.errors().isEmpty());
        assertEquals("'utf-8' codec can't encode character '\\udcf6' in position 3: surrogates not allowed",
                error(SourceText.of("x='\udcf6\u0000'")));
        assertEquals("'utf-8' codec can't encode character '\\udcf6' in position 4: surrogates not allowed",
                error(SourceText.of("x='😀\udcf6'")));
        assertEquals("source code string cannot contain null bytes", error(SourceText.of("x=1\u0000")));
        assertEquals("none", error(SourceText.of("# coding: uft-8\nx = '😀'")));
    }

    @Test
    void encodingNames() {
        assertEquals("utf-8", PythonEncodings.normalName("UTF_8"));
        assertEquals("utf-8", PythonEncodings.normalName("utf-8-sig"));
        assertEquals("utf8", PythonEncodings.normalName("utf8"));
        assertEquals("iso-8859-1", PythonEncodings.normalName("Latin_1"));
        assertEquals("iso-8859-1", PythonEncodings.normalName("iso-latin-1-unix"));
        assertEquals("latin1", PythonEncodings.normalName("latin1"));
        assertEquals("latin_1", PythonEncodings.codecModule("latin1"));
        assertEquals("utf_8", PythonEncodings.codecModule("u8"));
        assertEquals("cp932", PythonEncodings.codecModule("MS-Kanji"));
        assertEquals("iso8859_15", PythonEncodings.codecModule("ISO-8859-15"));
        assertEquals(null, PythonEncodings.codecModule("uft-8"));
        assertTrue(PythonEncodings.isSupported("cp1252"));
        // Where Java's charsets differ from CPython's codecs, CPython's mapping wins.
        assertEquals("\u0085", PythonEncodings.decode(new byte[] {0x15}, 0, 1, "cp037", at -> at).text());
        assertEquals("\u20ac", PythonEncodings.decode(new byte[] {(byte) 0xDB}, 0, 1, "mac_iceland", at -> at).text());
        assertEquals("\u001a", PythonEncodings.decode(new byte[] {(byte) 0xDC}, 0, 1, "cp875", at -> at).text());
        assertEquals("'charmap' codec can't decode byte 0x81 in position 2: character maps to <undefined>",
                PythonEncodings.decode(new byte[] {'a', 'b', (byte) 0x81}, 0, 3, "cp1252", at -> at).error());
        assertFalse(PythonEncodings.isSupported("rot13"));
    }

    @Test
    void lineIndex() {
        LineIndex li = LineIndex.of("ab\r\ncé\rx😀y\n");
        assertEquals(4, li.lineCount());
        assertEquals(List.of(0, 4, 7, 12), List.of(li.lineStart(1), li.lineStart(2), li.lineStart(3), li.lineStart(4)));
        assertEquals(1, li.lineOf(3));
        assertEquals(2, li.lineOf(4));
        assertEquals(3, li.colOf(6));
        assertEquals(5, li.colOf(10));
        assertEquals(6, li.colOf(11));
        assertEquals(2, li.charColOf(10));
        assertEquals(2, li.lineEnd(1));
        assertEquals(10, li.offsetOfCharCol(3, 2));
        assertTrue(LineIndex.of("plain\n").isAscii());
    }

    @Property
    @AddLifecycleHook(FuzzTries.class)
    void decodingNeverThrows(@ForAll byte[] data) {
        SourceText s = SourceText.decode(data);
        assertTrue(s.errors().size() <= 1);
        // Without an error, UTF-8 text goes back to the same bytes.
        if (s.errors().isEmpty() && s.encoding().equals("utf-8") && !s.hasBom()) {
            assertEquals(List.of(java.util.HexFormat.of().formatHex(data)),
                    List.of(java.util.HexFormat.of().formatHex(Utf8.encode(s.text(), 0, s.text().length()))));
        }
    }
}
