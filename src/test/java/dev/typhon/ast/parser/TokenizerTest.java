package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.source.LineIndex;
import dev.typhon.ast.source.SourceText;
import dev.typhon.ast.source.Utf8;
import dev.typhon.testing.FuzzTries;
import dev.typhon.testing.Interpreters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tokenizer against CPython. Token streams and positions were printed by CPython's own
 * tokenizer in parser mode ({@code _tokenize.TokenizerIter(..., extra_tokens=False)}, 3.13.0 and
 * 3.14.2); coordinates only the parser sees (NEWLINE and ENDMARKER columns, the end of a middle with
 * a doubled brace) and error locations were read from {@code ast.parse} results and SyntaxErrors.
 */
class TokenizerTest {

    /** One token per line: {@code KIND 'text' line:col-endLine:endCol} (CPython coordinates). */
    static String dump(String source) {
        return dump(Tokenizer.tokenize(source, false));
    }

    static String dump(TokenBuffer tb) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tb.size(); i++) {
            b.append(tb.kind(i)).append(' ').append(quote(tb.text(i))).append(' ')
                    .append(tb.line(i)).append(':').append(tb.col(i)).append('-')
                    .append(tb.endLine(i)).append(':').append(tb.endCol(i)).append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    static List<TokenKind> kinds(String source) {
        TokenBuffer tb = Tokenizer.tokenize(source, false);
        List<TokenKind> out = new ArrayList<>();
        for (int i = 0; i < tb.size(); i++) {
            out.add(tb.kind(i));
        }
        return out;
    }

    /** The first error, as {@code message @line:column} (CPython's lineno and offset). */
    static String firstError(String source) {
        TokenBuffer tb = Tokenizer.tokenize(source, false);
        if (tb.errors().isEmpty()) {
            return "none";
        }
        SyntaxError e = tb.errors().get(0);
        return e.message() + " @" + e.lineno() + ":" + e.column();
    }

    @Test
    void indentationNewlinesAndEndOfFile() {
        assertEquals("""
                IF 'if' 1:0-1:2
                NAME 'x' 1:3-1:4
                COLON ':' 1:4-1:5
                NEWLINE '' 1:5-1:6
                INDENT '' 2:4-2:4
                NAME 'y' 2:4-2:5
                EQUAL '=' 2:6-2:7
                NUMBER '1' 2:8-2:9
                NEWLINE '# c' 2:11-2:15
                DEDENT '' 4:0-4:0
                NAME 'w' 4:0-4:1
                EQUAL '=' 4:1-4:2
                NUMBER '1' 4:2-4:3
                NEWLINE '' 4:3-4:4
                ENDMARKER '' 4:4-4:4
                """, dump("if x:\n    y = 1  # c\n\nw=1"));
    }

    @Test
    void noNewlinesInsideBracketsOrAfterContinuation() {
        assertEquals("""
                NAME 'x' 1:0-1:1
                EQUAL '=' 1:2-1:3
                LPAR '(' 1:4-1:5
                NUMBER '1' 1:5-1:6
                COMMA ',' 1:6-1:7
                NUMBER '2' 2:2-2:3
                RPAR ')' 2:3-2:4
                NEWLINE '' 2:4-2:5
                ENDMARKER '' 2:5-2:5
                """, dump("x = (1,\n  2)\n"));
        assertEquals("""
                NAME 'x' 1:0-1:1
                EQUAL '=' 1:2-1:3
                NUMBER '1' 1:4-1:5
                PLUS '+' 1:6-1:7
                NUMBER '2' 2:2-2:3
                NEWLINE '' 2:3-2:4
                ENDMARKER '' 2:4-2:4
                """, dump("x = 1 + \\\n  2\n"));
    }

    @Test
    void dedentsAtEndOfFileSitOnTheLastLineRead() {
        // CPython: DEDENT and ENDMARKER on line 3 (the comment line), at its end.
        assertEquals(List.of(TokenKind.IF, TokenKind.NAME, TokenKind.COLON, TokenKind.NEWLINE, TokenKind.INDENT,
                TokenKind.NAME, TokenKind.NEWLINE, TokenKind.DEDENT, TokenKind.ENDMARKER), kinds("if x:\n    y\n# c\n"));
        TokenBuffer tb = Tokenizer.tokenize("if x:\n    y\n# c\n", false);
        assertEquals(3, tb.line(tb.size() - 1));
        assertEquals(4, tb.col(tb.size() - 1));
        // "expected an indented block" is reported at (1, 6) for "if x:\n": the ENDMARKER position.
        TokenBuffer open = Tokenizer.tokenize("if x:\n", false);
        assertEquals(1, open.line(open.size() - 1));
        assertEquals(6, open.col(open.size() - 1));
        TokenBuffer empty = Tokenizer.tokenize("", false);
        assertEquals(List.of(TokenKind.ENDMARKER), kinds(""));
        assertEquals(1, empty.line(0));
    }

    @Test
    void carriageReturnsEndLinesLikeNewlines() {
        assertEquals("""
                NAME 'x' 1:0-1:1
                NEWLINE '' 1:1-1:2
                NAME 'y' 2:0-2:1
                NEWLINE '' 2:1-2:2
                NAME 'z' 3:0-3:1
                NEWLINE '' 3:1-3:2
                ENDMARKER '' 3:2-3:2
                """, dump("x\r\ny\rz"));
        assertEquals("""
                NAME 's' 1:0-1:1
                EQUAL '=' 1:2-1:3
                STRING '\"\"\"a\\r\\nb\"\"\"' 1:4-2:4
                NEWLINE '' 2:4-2:5
                NAME 'z' 3:0-3:1
                NEWLINE '' 3:1-3:2
                ENDMARKER '' 3:2-3:2
                """, dump("s = \"\"\"a\r\nb\"\"\"\r\nz"));
    }

    @Test
    void columnsCountUtf8Bytes() {
        assertEquals("""
                NAME 'é' 1:0-1:2
                EQUAL '=' 1:3-1:4
                STRING '"ü"' 1:5-1:9
                NEWLINE '# ö' 1:11-1:16
                NAME 'x' 2:0-2:1
                NEWLINE '' 2:1-2:2
                ENDMARKER '' 2:2-2:2
                """, dump("é = \"ü\"  # ö\nx"));
        TokenBuffer tb = Tokenizer.tokenize("s = '𝔘' + 名前\n", false);
        assertEquals(4, tb.col(2));
        assertEquals(10, tb.endCol(2));
        assertEquals(13, tb.col(4));
        assertEquals(19, tb.endCol(4));
        int offset = tb.start(4);
        assertEquals(1, tb.lineOf(offset));
        assertEquals(13, tb.colOf(offset));
    }

    @Test
    void keywordsHaveKindsSoftKeywordsStayNames() {
        assertEquals(List.of(TokenKind.FALSE, TokenKind.NONE, TokenKind.TRUE, TokenKind.AND, TokenKind.AS,
                TokenKind.ASSERT, TokenKind.ASYNC, TokenKind.AWAIT, TokenKind.BREAK, TokenKind.CLASS,
                TokenKind.CONTINUE, TokenKind.DEF, TokenKind.DEL, TokenKind.ELIF, TokenKind.ELSE, TokenKind.EXCEPT,
                TokenKind.FINALLY, TokenKind.FOR, TokenKind.FROM, TokenKind.GLOBAL, TokenKind.IF, TokenKind.IMPORT,
                TokenKind.IN, TokenKind.IS, TokenKind.LAMBDA, TokenKind.NONLOCAL, TokenKind.NOT, TokenKind.OR,
                TokenKind.PASS, TokenKind.RAISE, TokenKind.RETURN, TokenKind.TRY, TokenKind.WHILE, TokenKind.WITH,
                TokenKind.YIELD, TokenKind.NAME, TokenKind.NAME, TokenKind.NAME, TokenKind.NAME, TokenKind.NAME,
                TokenKind.NAME, TokenKind.NEWLINE, TokenKind.ENDMARKER),
                kinds("False None True and as assert async await break class continue def del elif else except "
                        + "finally for from global if import in is lambda nonlocal not or pass raise return try "
                        + "while with yield match case type _ print true"));
    }

    @Test
    void everyOperator() {
        String ops = "** **= // //= << <<= >> >>= -> := != <> @ @= ... ~ ^ ^= | |= & &= % %= + += - -= * *= "
                + "/ /= < <= > >= == = ; , . ! ( ) [ ] { } :";
        List<TokenKind> expected = List.of(TokenKind.DOUBLESTAR, TokenKind.DOUBLESTAREQUAL, TokenKind.DOUBLESLASH,
                TokenKind.DOUBLESLASHEQUAL, TokenKind.LEFTSHIFT, TokenKind.LEFTSHIFTEQUAL, TokenKind.RIGHTSHIFT,
                TokenKind.RIGHTSHIFTEQUAL, TokenKind.RARROW, TokenKind.COLONEQUAL, TokenKind.NOTEQUAL,
                TokenKind.NOTEQUAL, TokenKind.AT, TokenKind.ATEQUAL, TokenKind.ELLIPSIS, TokenKind.TILDE,
                TokenKind.CIRCUMFLEX, TokenKind.CIRCUMFLEXEQUAL, TokenKind.VBAR, TokenKind.VBAREQUAL, TokenKind.AMPER,
                TokenKind.AMPEREQUAL, TokenKind.PERCENT, TokenKind.PERCENTEQUAL, TokenKind.PLUS, TokenKind.PLUSEQUAL,
                TokenKind.MINUS, TokenKind.MINEQUAL, TokenKind.STAR, TokenKind.STAREQUAL, TokenKind.SLASH,
                TokenKind.SLASHEQUAL, TokenKind.LESS, TokenKind.LESSEQUAL, TokenKind.GREATER, TokenKind.GREATEREQUAL,
                TokenKind.EQEQUAL, TokenKind.EQUAL, TokenKind.SEMI, TokenKind.COMMA, TokenKind.DOT,
                TokenKind.EXCLAMATION, TokenKind.LPAR, TokenKind.RPAR, TokenKind.LSQB, TokenKind.RSQB, TokenKind.LBRACE,
                TokenKind.RBRACE, TokenKind.COLON, TokenKind.NEWLINE, TokenKind.ENDMARKER);
        assertEquals(expected, kinds(ops));
        assertEquals(List.of(TokenKind.DOT, TokenKind.DOT, TokenKind.NEWLINE, TokenKind.ENDMARKER), kinds(".."));
    }

    @Test
    void numbers() {
        TokenBuffer tb = Tokenizer.tokenize(
                "0 00 0_0 7 1_000 0x_fF 0o17 0B1_0 1. .5 1.5e-3 1E+9 1e5j 1_0j 09.5 0e1 0j 1.e5j", false);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < tb.size(); i++) {
            if (tb.kind(i) == TokenKind.NUMBER) {
                texts.add(tb.text(i));
            }
        }
        assertEquals(List.of("0", "00", "0_0", "7", "1_000", "0x_fF", "0o17", "0B1_0", "1.", ".5", "1.5e-3", "1E+9",
                "1e5j", "1_0j", "09.5", "0e1", "0j", "1.e5j"), texts);
        assertTrue(tb.errors().isEmpty());
    }

    @Test
    void keywordRightAfterANumberIsAcceptedLikeCPython() {
        // CPython 3.12+ only warns for these.
        assertEquals(List.of(TokenKind.NUMBER, TokenKind.IF, TokenKind.NUMBER, TokenKind.ELSE, TokenKind.NUMBER,
                TokenKind.NEWLINE, TokenKind.ENDMARKER), kinds("1if 1else 2"));
        // "0x1for" is the hex number 0x1f followed by "or".
        assertEquals(List.of(TokenKind.LSQB, TokenKind.NUMBER, TokenKind.OR, TokenKind.NAME, TokenKind.IN,
                TokenKind.NAME, TokenKind.RSQB, TokenKind.NEWLINE, TokenKind.ENDMARKER), kinds("[0x1for x in y]"));
        assertEquals(List.of(TokenKind.LSQB, TokenKind.NUMBER, TokenKind.FOR, TokenKind.NAME, TokenKind.IN,
                TokenKind.NAME, TokenKind.RSQB, TokenKind.NEWLINE, TokenKind.ENDMARKER), kinds("[0o7for x in y]"));
        assertEquals(List.of(TokenKind.NUMBER, TokenKind.NAME, TokenKind.NEWLINE, TokenKind.ENDMARKER), kinds("1ifx"));
        assertEquals("none", firstError("0b1and 1 or 0o7or 1jif 1 else 1e5else 1in x"));
    }

    @Test
    void strings() {
        TokenBuffer tb = Tokenizer.tokenize(
                "u'x' b\"y\" Rb'z' bR'w' rb'v' BR'q' U'u' R'r' '''a\n''' 'a\\'b' \"\"\"a\"\"\" 'a\\\nb'", false);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < tb.size(); i++) {
            assertTrue(tb.kind(i) == TokenKind.STRING || tb.kind(i) == TokenKind.NEWLINE
                    || tb.kind(i) == TokenKind.ENDMARKER, tb.kind(i).toString());
            if (tb.kind(i) == TokenKind.STRING) {
                texts.add(tb.text(i));
            }
        }
        assertEquals(List.of("u'x'", "b\"y\"", "Rb'z'", "bR'w'", "rb'v'", "BR'q'", "U'u'", "R'r'", "'''a\n'''",
                "'a\\'b'", "\"\"\"a\"\"\"", "'a\\\nb'"), texts);
        assertEquals(2, tb.line(tb.size() - 3));
        assertEquals(3, tb.endLine(tb.size() - 3));
    }

    @Test
    void fstringPieces() {
        assertEquals("""
                FSTRING_START 'f"' 1:0-1:2
                FSTRING_MIDDLE 'a' 1:2-1:3
                LBRACE '{' 1:3-1:4
                NAME 'b' 1:4-1:5
                EXCLAMATION '!' 1:5-1:6
                NAME 'r' 1:6-1:7
                COLON ':' 1:7-1:8
                FSTRING_MIDDLE '>' 1:8-1:9
                LBRACE '{' 1:9-1:10
                NAME 'w' 1:10-1:11
                RBRACE '}' 1:11-1:12
                FSTRING_MIDDLE '' 1:12-1:12
                RBRACE '}' 1:12-1:13
                FSTRING_MIDDLE 'c' 1:13-1:14
                FSTRING_END '"' 1:14-1:15
                NEWLINE '' 1:15-1:16
                ENDMARKER '' 1:16-1:16
                """, dump("f\"a{b!r:>{w}}c\""));
    }

    @Test
    void fstringMiddlesKeepOneBraceButEndAfterBoth() {
        // ast: Constant('a{') has end_col_offset 5 though the token text is "a{".
        assertEquals("""
                FSTRING_START 'f"' 1:0-1:2
                FSTRING_MIDDLE 'a{' 1:2-1:5
                FSTRING_END '"' 1:5-1:6
                FSTRING_START 'f"' 1:7-1:9
                FSTRING_MIDDLE 'a}' 1:9-1:12
                FSTRING_MIDDLE 'b' 1:12-1:13
                FSTRING_END '"' 1:13-1:14
                FSTRING_START 'f"' 1:15-1:17
                FSTRING_MIDDLE '\\\\N{BULLET}' 1:17-1:27
                FSTRING_MIDDLE ' x' 1:27-1:29
                LBRACE '{' 1:29-1:30
                NAME 'y' 1:30-1:31
                RBRACE '}' 1:31-1:32
                FSTRING_END '"' 1:32-1:33
                NEWLINE '' 1:33-1:34
                ENDMARKER '' 1:34-1:34
                """, dump("f\"a{{\" f\"a}}b\" f\"\\N{BULLET} x{y}\""));
    }

    @Test
    void fstringExpressionDetails() {
        // "=" is EQUAL (debug), "!=" stays NOTEQUAL, ":=" at the top level starts the format spec.
        assertEquals(List.of(TokenKind.FSTRING_START, TokenKind.LBRACE, TokenKind.NAME, TokenKind.EQUAL,
                TokenKind.RBRACE, TokenKind.FSTRING_END, TokenKind.FSTRING_START, TokenKind.LBRACE, TokenKind.NAME,
                TokenKind.NOTEQUAL, TokenKind.NAME, TokenKind.RBRACE, TokenKind.FSTRING_END, TokenKind.FSTRING_START,
                TokenKind.LBRACE, TokenKind.NAME, TokenKind.COLON, TokenKind.FSTRING_MIDDLE, TokenKind.RBRACE,
                TokenKind.FSTRING_END, TokenKind.NEWLINE, TokenKind.ENDMARKER),
                kinds("f\"{x=}\" f\"{x!=y}\" f\"{x:=5}\""));
        // A colon inside brackets is an ordinary COLON; quotes may be reused inside a field.
        assertEquals(List.of(TokenKind.FSTRING_START, TokenKind.LBRACE, TokenKind.NAME, TokenKind.LSQB,
                TokenKind.NUMBER, TokenKind.COLON, TokenKind.NUMBER, TokenKind.RSQB, TokenKind.RBRACE,
                TokenKind.FSTRING_END, TokenKind.FSTRING_START, TokenKind.LBRACE, TokenKind.FSTRING_START,
                TokenKind.LBRACE, TokenKind.STRING, TokenKind.RBRACE, TokenKind.FSTRING_END, TokenKind.RBRACE,
                TokenKind.FSTRING_END, TokenKind.NEWLINE, TokenKind.ENDMARKER),
                kinds("f\"{a[1:2]}\" f\"{f\"{\"x\"}\"}\""));
        // Comments and newlines in a field of a triple-quoted f-string; a newline in a field of a
        // single-quoted one.
        assertEquals(List.of(TokenKind.FSTRING_START, TokenKind.LBRACE, TokenKind.NAME, TokenKind.RBRACE,
                TokenKind.FSTRING_END, TokenKind.NEWLINE, TokenKind.ENDMARKER), kinds("f\"\"\"{x # c\n}\"\"\""));
        assertEquals("none", firstError("f\"{x\n}\""));
        // Multi-line middles.
        assertEquals("""
                FSTRING_START 'f\"\"\"' 1:0-1:4
                FSTRING_MIDDLE 'a\\nb' 1:4-2:1
                LBRACE '{' 2:1-2:2
                NAME 'x' 2:2-2:3
                RBRACE '}' 2:3-2:4
                FSTRING_MIDDLE '\\nc' 2:4-3:1
                FSTRING_END '\"\"\"' 3:1-3:4
                NEWLINE '' 3:4-3:5
                ENDMARKER '' 3:5-3:5
                """, dump("f\"\"\"a\nb{x}\nc\"\"\""));
    }

    @Test
    void tstringsMirrorFstrings() {
        assertEquals("""
                TSTRING_START 't"' 1:0-1:2
                TSTRING_MIDDLE 'a' 1:2-1:3
                LBRACE '{' 1:3-1:4
                NAME 'b' 1:4-1:5
                RBRACE '}' 1:5-1:6
                TSTRING_END '"' 1:6-1:7
                NEWLINE '' 1:7-1:8
                ENDMARKER '' 1:8-1:8
                """, dump("t\"a{b}\""));
        assertEquals(List.of(TokenKind.TSTRING_START, TokenKind.TSTRING_END, TokenKind.TSTRING_START,
                TokenKind.TSTRING_END, TokenKind.TSTRING_START, TokenKind.TSTRING_END, TokenKind.NEWLINE,
                TokenKind.ENDMARKER), kinds("T'' rt'' tR''"));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // indentation
                Arguments.of("if x:\n\ty\n        z\n", "inconsistent use of tabs and spaces in indentation @3:1"),
                Arguments.of("if 1:\n  x\n\ty\n", "inconsistent use of tabs and spaces in indentation @3:1"),
                Arguments.of("if x:\n  pass\n z\n", "unindent does not match any outer indentation level @3:3"),
                Arguments.of("if x:\n  y\n else:\n", "unindent does not match any outer indentation level @3:7"),
                Arguments.of("if x:\r\n  y\r\n z\r\n", "unindent does not match any outer indentation level @3:3"),
                // line continuation and end of file
                Arguments.of("x = 1 \\", "unexpected EOF while parsing @1:8"),
                Arguments.of("x = 1 \\ y", "unexpected character after line continuation character @1:8"),
                Arguments.of("\\\n", "unexpected EOF while parsing @1:2"),
                Arguments.of("x=(1 \\\n", "'(' was never closed @1:3"),
                Arguments.of("def f():\n  x = (\n", "'(' was never closed @2:7"),
                Arguments.of("f'abc{x", "'{' was never closed @1:6"),
                // brackets
                Arguments.of("(]", "closing parenthesis ']' does not match opening parenthesis '(' @1:2"),
                Arguments.of("(\n]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:1"),
                Arguments.of(")", "unmatched ')' @1:1"),
                // characters
                Arguments.of("x = €", "invalid character '€' (U+20AC) @1:5"),
                Arguments.of("x = a\u00a0b", "invalid non-printable character U+00A0 @1:6"),
                Arguments.of("x = \u0001", "invalid non-printable character U+0001 @1:5"),
                Arguments.of("x = \u000b", "invalid non-printable character U+000B @1:5"),
                Arguments.of("\ufeffx=1", "invalid non-printable character U+FEFF @1:1"),
                Arguments.of("\u2e2f = 1", "invalid character 'ⸯ' (U+2E2F) @1:1"),
                Arguments.of("a\u037a = 1", "invalid character 'ͺ' (U+037A) @1:2"),
                Arguments.of("x\u200b = 1", "invalid non-printable character U+200B @1:2"),
                Arguments.of("x = 1\0", "source code string cannot contain null bytes @0:-1"),
                // numbers
                Arguments.of("0777", "leading zeros in decimal integer literals are not permitted; "
                        + "use an 0o prefix for octal integers @1:1"),
                Arguments.of("0x", "invalid hexadecimal literal @1:2"),
                Arguments.of("0xg", "invalid hexadecimal literal @1:2"),
                Arguments.of("0o8", "invalid digit '8' in octal literal @1:3"),
                Arguments.of("0o1_", "invalid octal literal @1:4"),
                Arguments.of("0b1_2", "invalid digit '2' in binary literal @1:5"),
                Arguments.of("0b", "invalid binary literal @1:2"),
                Arguments.of("1__0", "invalid decimal literal @1:2"),
                Arguments.of("1e", "invalid decimal literal @1:1"),
                Arguments.of("1e+", "invalid decimal literal @1:3"),
                Arguments.of("1a", "invalid decimal literal @1:1"),
                Arguments.of("1.x", "invalid decimal literal @1:2"),
                Arguments.of("1.5j_", "invalid imaginary literal @1:4"),
                // strings
                Arguments.of("x = 'abc", "unterminated string literal (detected at line 1) @1:5"),
                Arguments.of("x = '''abc\ndef", "unterminated triple-quoted string literal (detected at line 2) @1:5"),
                Arguments.of("x = 'a\\'",
                        "unterminated string literal (detected at line 1); perhaps you escaped the end quote? @1:5"),
                Arguments.of("x = \"\"\"a\"\"\"\"", "unterminated string literal (detected at line 1) @1:12"),
                Arguments.of("x = \"abc\r\n", "unterminated string literal (detected at line 1) @1:5"),
                // string prefixes: CPython 3.14's messages
                Arguments.of("ur'x'", "'u' and 'r' prefixes are incompatible @1:1"),
                Arguments.of("bu'x'", "'u' and 'b' prefixes are incompatible @1:1"),
                Arguments.of("tf''", "'f' and 't' prefixes are incompatible @1:1"),
                Arguments.of("bt''", "'b' and 't' prefixes are incompatible @1:1"),
                // f-strings and t-strings
                Arguments.of("f'abc", "unterminated f-string literal (detected at line 1) @1:1"),
                Arguments.of("f\"\"\"abc\n", "unterminated triple-quoted f-string literal (detected at line 1) @1:1"),
                Arguments.of("f'abc{x'", "f-string: expecting '}' @1:8"),
                Arguments.of("f'{'", "f-string: expecting '}' @1:4"),
                Arguments.of("f\"{x\n\"", "f-string: expecting '}' @2:1"),
                Arguments.of("f'}'", "f-string: single '}' is not allowed @1:3"),
                Arguments.of("f\"{x:}}\"", "f-string: single '}' is not allowed @1:7"),
                Arguments.of("f\"{1:{2:{3:{4}}}}\"", "f-string: expressions nested too deeply @1:11"),
                Arguments.of("f\"{x)}\"", "f-string: unmatched ')' @1:5"),
                Arguments.of("f\"{(x}\"", "closing parenthesis '}' does not match opening parenthesis '(' @1:6"),
                Arguments.of("f'{x:\n}'",
                        "f-string: newlines are not allowed in format specifiers for single quoted f-strings @1:6"),
                Arguments.of("t'{x'", "t-string: expecting '}' @1:5"),
                Arguments.of("t'}'", "t-string: single '}' is not allowed @1:3"),
                Arguments.of("t'abc", "unterminated t-string literal (detected at line 1) @1:1"),
                Arguments.of("t'{x)}'", "t-string: unmatched ')' @1:5"),
                Arguments.of("t'{x:abc\n}'",
                        "t-string: newlines are not allowed in format specifiers for single quoted t-strings @1:9"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorsAsCPythonReportsThem(String source, String expected) {
        assertEquals(expected, firstError(source));
    }

    @Test
    void errorsBecomeLinkedErrorTokensAndTokenizingGoesOn() {
        TokenBuffer tb = Tokenizer.tokenize("x = $ + 0x\ny = 'abc\nz = 1\n", false);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < tb.size(); i++) {
            if (tb.kind(i) == TokenKind.ERRORTOKEN) {
                int e = tb.errorIndex(i);
                found.add(tb.text(i) + "=" + (e < 0 ? "-" : tb.errors().get(e).message()));
            }
        }
        // "$" is no token at all: CPython's parser reports "invalid syntax" there, the tokenizer nothing.
        assertEquals(List.of("$=-", "0x=invalid hexadecimal literal",
                "'abc=unterminated string literal (detected at line 2)"), found);
        assertEquals(TokenKind.ENDMARKER, tb.kind(tb.size() - 1));
        assertTrue(tb.textEquals(tb.size() - 5, "z"));
    }

    @Test
    void typeComments() {
        TokenBuffer tb = Tokenizer.tokenize("x = 1 # type: int\n", true);
        assertEquals("""
                NAME 'x' 1:0-1:1
                EQUAL '=' 1:2-1:3
                NUMBER '1' 1:4-1:5
                TYPE_COMMENT 'int' 1:14-1:17
                NEWLINE '' 1:17-1:18
                ENDMARKER '' 1:18-1:18
                """, dump(tb));
        assertEquals(List.of(TokenKind.NAME, TokenKind.EQUAL, TokenKind.NUMBER, TokenKind.NEWLINE,
                TokenKind.ENDMARKER), kinds("x = 1 # type: int\n"));
        // Spaces in "# type: " stand for any run of blanks, even none.
        TokenBuffer loose = Tokenizer.tokenize("x=1 #   type:   int  \n#type:int\n", true);
        assertEquals("int  ", loose.text(3));
        assertEquals(TokenKind.TYPE_COMMENT, loose.kind(5));
        // type: ignore comments leave the stream; the tag on a comment-only line keeps its line break.
        TokenBuffer ignores = Tokenizer.tokenize(
                "if x:\n  # type: ignore\n  pass  # type: ignore[foo]\ny = 2 # type: ignored\n", true);
        // Each also keeps the comment's range, which becomes its node's range.
        assertEquals(List.of(new TokenBuffer.TypeIgnore(2, "\n", 8, 22), new TokenBuffer.TypeIgnore(3, "[foo]", 31, 50)),
                ignores.typeIgnores());
        assertTrue(Stream.iterate(0, i -> i + 1).limit(ignores.size())
                .anyMatch(i -> ignores.kind(i) == TokenKind.TYPE_COMMENT && ignores.textEquals(i, "ignored")));
    }

    @Test
    void deepNestingDoesNotOverflow() {
        String deep = "(".repeat(100_000) + ")".repeat(100_000);
        TokenBuffer tb = Tokenizer.tokenize(deep, false);
        assertEquals("too many nested parentheses @1:201", firstError(deep));
        assertEquals(TokenKind.ENDMARKER, tb.kind(tb.size() - 1));
        String fstrings = "f'{".repeat(300) + "}'".repeat(300);
        TokenBuffer fs = Tokenizer.tokenize(fstrings, false);
        assertEquals(TokenKind.ENDMARKER, fs.kind(fs.size() - 1));
        assertEquals("too many nested f-strings", fs.errors().get(0).message());
        String indents = Stream.iterate(0, i -> i + 1).limit(150)
                .map(i -> " ".repeat(i) + "if x:\n").collect(Collectors.joining());
        assertEquals("too many levels of indentation @101:1", firstError(indents));
    }

    @Test
    void largeInputIsLinear() {
        String line = "result = compute(alpha, 'text', 3.5) + values[index]  # a comment é\n";
        String big = line.repeat(20 * 1024 * 1024 / line.length());
        long t0 = System.nanoTime();
        TokenBuffer tb = Tokenizer.tokenize(big, false);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(TokenKind.ENDMARKER, tb.kind(tb.size() - 1));
        assertTrue(tb.errors().isEmpty());
        assertEquals(big.length() / line.length(), tb.line(tb.size() - 2));
        assertTrue(millis < 30_000, "20 MB took " + millis + " ms");
    }

    /** Prints CPython's parser-mode tokens for each snippet: kind, UTF-8 hex of the text, char columns. */
    private static final String CPYTHON_DUMP = """
            import sys, io, tokenize, _tokenize, warnings
            warnings.simplefilter("ignore")
            print(sys.version_info[1])
            for raw in open(sys.argv[1], encoding='utf-8'):
                raw = raw.rstrip('\\n')
                if not raw or raw.startswith('#'):
                    continue
                only314 = raw.startswith('314 ')
                if only314 and sys.version_info < (3, 14):
                    continue
                src = eval(raw[4:] if only314 else raw)
                print('===', src.encode('utf-8').hex())
                try:
                    for tp, s, (l, c), (el, ec), _ in _tokenize.TokenizerIter(
                            io.StringIO(src).readline, extra_tokens=False):
                        name = tokenize.tok_name[tp]
                        if name in ('INDENT', 'DEDENT', 'ENDMARKER'):
                            print(f'{name}|{l}')
                        else:
                            print(f'{name}|{s.encode("utf-8").hex()}|{l},{c}-{el},{ec}')
                except SyntaxError as e:
                    print('ERR|' + e.msg)
            """;

    /**
     * Every snippet of src/test/resources/tokenizer/cpython_snippets.txt through a live CPython
     * 3.13+ tokenizer (3.14 also runs the 3.14-only ones): the same tokens with the same text and
     * positions, and the same first error where the tokenizer itself raises one.
     */
    @Test
    void matchesCPythonTokenizer() throws IOException, InterruptedException {
        Path python = Interpreters.cpython(13).orElse(null);
        Assumptions.assumeTrue(python != null, "no CPython 3.13+ found");
        Path snippets = Path.of("src/test/resources/tokenizer/cpython_snippets.txt");
        Assumptions.assumeTrue(Files.exists(snippets), "run from the project root");
        Path script = Files.createTempFile("tokdump", ".py");
        try {
            Files.writeString(script, CPYTHON_DUMP);
            Process process = new ProcessBuilder(python.toString(), script.toString(), snippets.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            List<String> lines = output.lines().toList();
            List<String> failures = new ArrayList<>();
            int compared = 0;
            for (int i = 1; i < lines.size(); ) {
                String source = new String(HexFormat.of().parseHex(lines.get(i).substring(4)), StandardCharsets.UTF_8);
                List<String> expected = new ArrayList<>();
                String expectedError = null;
                for (i++; i < lines.size() && !lines.get(i).startsWith("=== "); i++) {
                    if (lines.get(i).startsWith("ERR|")) {
                        expectedError = lines.get(i).substring(4);
                    } else {
                        expected.add(lines.get(i));
                    }
                }
                compared++;
                String problem = compareWithCPython(source, expected, expectedError);
                if (problem != null) {
                    failures.add(source.replace("\n", "\\n") + ": " + problem);
                }
            }
            assertTrue(compared > 150, "only " + compared + " snippets compared:\n" + output);
            assertEquals(List.of(), failures);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String compareWithCPython(String source, List<String> expected, String expectedError) {
        TokenBuffer tb = Tokenizer.tokenize(source, false);
        LineIndex li = tb.lineIndex();
        List<String> actual = new ArrayList<>();
        String actualError = null;
        for (int i = 0; i < tb.size(); i++) {
            TokenKind k = tb.kind(i);
            if (k == TokenKind.ERRORTOKEN && tb.errorIndex(i) >= 0) {
                actualError = tb.errors().get(tb.errorIndex(i)).message();
                break;
            }
            String name = k.isKeyword() ? "NAME" : k == TokenKind.ERRORTOKEN ? "OP" : k.name();
            if (k == TokenKind.INDENT || k == TokenKind.DEDENT || k == TokenKind.ENDMARKER) {
                actual.add(name + "|" + tb.line(i));
            } else {
                int s = tb.start(i);
                int e = tb.end(i);
                actual.add(name + "|" + HexFormat.of().formatHex(Utf8.encode(source, s, e)) + "|" + li.lineOf(s) + ","
                        + li.charColOf(s) + "-" + li.lineOf(e) + "," + li.charColOf(e));
            }
        }
        if (expected.isEmpty() && expectedError == null) {
            return actual.equals(List.of("ENDMARKER|1")) ? null : "expected no tokens, got " + actual;
        }
        if (expectedError == null) {
            if (actualError != null) {
                return "unexpected error " + actualError;
            }
            return actual.equals(expected) ? null : "tokens " + actual + " expected " + expected;
        }
        if (actual.size() < expected.size() || !actual.subList(0, expected.size()).equals(expected)) {
            return "tokens " + actual + " expected " + expected + " before " + expectedError;
        }
        // TokenizerIter words end of file inside brackets its own way; the parser says "was never closed".
        if (!expectedError.equals("unexpected EOF in multi-line statement") && !expectedError.equals(actualError)) {
            return "error " + actualError + " expected " + expectedError;
        }
        return null;
    }

    @Property
    @AddLifecycleHook(FuzzTries.class)
    void neverThrowsOnArbitraryText(@ForAll("pythonish") String text) {
        checkInvariants(text, Tokenizer.tokenize(text, false));
        checkInvariants(text, Tokenizer.tokenize(text, true));
    }

    @Property
    @AddLifecycleHook(FuzzTries.class)
    void neverThrowsOnArbitraryBytes(@ForAll byte[] bytes) {
        SourceText source = SourceText.decode(bytes);
        checkInvariants(source.text(), Tokenizer.tokenize(source.text(), false));
    }

    @Provide
    Arbitrary<String> pythonish() {
        Arbitrary<Character> chars = Arbitraries.of('a', 'b', 'f', 'r', 't', 'u', 'x', '_', '1', '0', 'e', 'j', '.',
                ' ', ' ', '\t', '\n', '\n', '\r', '\f', '\\', '\'', '"', '#', '{', '}', '(', ')', '[', ']', ':', '=', '!',
                '\u00e9', '\u20ac', '\ud83d', '\ude00', '\udcf6', '\0', '\u000b', '\ufeff');
        return Arbitraries.oneOf(
                chars.list().ofMaxSize(60).map(l -> l.stream().map(String::valueOf).collect(Collectors.joining())),
                Arbitraries.strings().ofMaxLength(60));
    }

    /** Tokens cover the text in order, positions agree with a fresh line index, ENDMARKER ends. */
    static void checkInvariants(String text, TokenBuffer tb) {
        assertTrue(tb.size() > 0);
        assertEquals(TokenKind.ENDMARKER, tb.kind(tb.size() - 1));
        LineIndex fresh = LineIndex.of(text);
        LineIndex recorded = tb.lineIndex();
        assertEquals(fresh.lineCount(), recorded.lineCount());
        for (int line = 1; line <= fresh.lineCount(); line++) {
            assertEquals(fresh.lineStart(line), recorded.lineStart(line));
            assertEquals(fresh.firstNonAscii(line), recorded.firstNonAscii(line));
        }
        int previous = 0;
        for (int i = 0; i < tb.size(); i++) {
            int s = tb.start(i);
            int e = tb.end(i);
            assertTrue(0 <= s && s <= e && e <= text.length(), "token " + i + " at " + s + "-" + e);
            assertTrue(tb.line(i) >= 1 && tb.endLine(i) >= tb.line(i));
            TokenKind k = tb.kind(i);
            if (k != TokenKind.ERRORTOKEN) {
                assertTrue(s >= previous, "token " + i + " starts before the previous one");
                previous = s;
            }
            if (k == TokenKind.NAME || k == TokenKind.NUMBER || k == TokenKind.STRING || k.isOperator()
                    || k.isKeyword()) {
                assertEquals(fresh.lineOf(s), tb.line(i));
                assertEquals(fresh.colOf(s), tb.col(i));
                assertEquals(fresh.colOf(e), tb.endCol(i));
            }
        }
        for (SyntaxError error : tb.errors()) {
            assertTrue(0 <= error.startOffset() && error.startOffset() <= error.endOffset()
                    && error.endOffset() <= text.length(), error.toString());
            assertTrue(!error.message().isEmpty());
            assertTrue(!error.message().startsWith("internal"), error.message());
        }
    }
}
