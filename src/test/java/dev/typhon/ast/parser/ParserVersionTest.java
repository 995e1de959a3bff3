package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax newer than the target version is an error; at the version that added it, it is not. */
class ParserVersionTest {

    static Stream<Arguments> features() {
        return Stream.of(
                Arguments.of("(x := 1)", "3.8", "assignment expressions"),
                Arguments.of("def f(a, /): pass", "3.8", "positional-only parameters"),
                Arguments.of("with (open(a) as b, open(c) as d):\n    pass\n", "3.9", "parenthesized context managers"),
                Arguments.of("@buttons[0].clicked.connect\ndef f(): pass\n", "3.9", "arbitrary expressions as decorators"),
                Arguments.of("match x:\n    case 1:\n        pass\n", "3.10", "`match` statement"),
                Arguments.of("a[x := 1]", "3.10", "unparenthesized assignment expressions in subscripts"),
                Arguments.of("try:\n    pass\nexcept* E:\n    pass\n", "3.11", "`except*`"),
                Arguments.of("a[*b]", "3.11", "starred expressions in subscripts"),
                Arguments.of("def f(*a: *Ts): pass", "3.11", "starred annotations"),
                Arguments.of("def f[T](x: T): pass", "3.12", "type parameter lists"),
                Arguments.of("type X = int", "3.12", "`type` statement"),
                Arguments.of("f'{'a'}'", "3.12", "the enclosing quote inside an f-string replacement field"),
                Arguments.of("f'''{'''a'''}'''", "3.12", "the enclosing quote inside an f-string replacement field"),
                Arguments.of("f'{\"\\n\".join(x)}'", "3.12", "backslashes in f-string replacement fields"),
                Arguments.of("f'''{x # comment\n}'''", "3.12", "comments in f-string replacement fields"),
                Arguments.of("class C[T = int]: pass", "3.13", "type parameter defaults"),
                Arguments.of("t'{x}'", "3.14", "template strings"),
                Arguments.of("try:\n    pass\nexcept A, B:\n    pass\n", "3.14", "unparenthesized exception types"));
    }

    @ParameterizedTest(name = "{2} needs {1}")
    @MethodSource("features")
    void newerSyntaxIsReported(String source, String since, String what) {
        PythonVersion version = PythonVersion.parse(since);
        ParseResult ok = PythonParser.parse(source, ParseOptions.DEFAULT.withTargetVersion(version));
        assertEquals(List.of(), ok.errors(), "at " + since);
        PythonVersion older = new PythonVersion(3, version.minor() - 1);
        ParseResult old = PythonParser.parse(source, ParseOptions.DEFAULT.withTargetVersion(older));
        assertEquals(1, old.errors().size(), () -> "at " + older + ": " + old.errors());
        assertEquals("Cannot use " + what + " on Python " + older + " (syntax was added in Python " + since + ")",
                old.errors().get(0).message());
        // The tree is still built: the version error does not hide the statement.
        assertTrue(!old.module().body().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void theLatestVersionAcceptsEverything(String source) {
        assertEquals(List.of(), PythonParser.parse(source, ParseOptions.DEFAULT).errors());
    }

    @org.junit.jupiter.api.Test
    void oldStyleDecoratorsAndTupleWithItemsNeedNothingNew() {
        ParseOptions py38 = ParseOptions.DEFAULT.withTargetVersion(PythonVersion.PY38);
        assertEquals(List.of(), PythonParser.parse("@a.b(c)\ndef f(): pass\n", py38).errors());
        // In 3.8 '(a, b)' is one context manager, a tuple: valid, if useless.
        assertEquals(List.of(), PythonParser.parse("with (a, b):\n    pass\n", py38).errors());
        assertEquals(List.of(), PythonParser.parse("f'{x!r:>{width}}'", py38).errors());
        assertEquals(List.of(), PythonParser.parse("a[(x := 1)]", py38).errors());
    }

    @org.junit.jupiter.api.Test
    void beforePep701OnlyTheClosingDelimiterEndsAField() {
        // All accepted by CPython 3.11: a triple-quoted f-string ends only at its triple quote.
        ParseOptions py311 = ParseOptions.DEFAULT.withTargetVersion(PythonVersion.PY311);
        for (String source : List.of("f'''{d[\"'\"]}'''", "f\"\"\"{\"a\"}\"\"\"", "f'''{'a'}'''",
                "f'{\"a\"}'", "f\"\"\"{f\"{x}\"}\"\"\"")) {
            assertEquals(List.of(), PythonParser.parse(source, py311).errors(), source);
        }
    }
}
