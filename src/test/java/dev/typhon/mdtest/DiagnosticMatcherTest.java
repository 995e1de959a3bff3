package dev.typhon.mdtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.source.LineIndex;
import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.Severity;
import dev.typhon.semantic.diagnostics.SourceRange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching (§10) with chosen diagnostics. */
class DiagnosticMatcherTest {

    /** A diagnostic starting at 1-based {@code line} and code-point {@code column} of {@code text}. */
    static Diagnostic at(String text, int line, int column, String rule, String headline, String annotation) {
        LineIndex lines = LineIndex.of(text);
        int offset = lines.offsetOfCharCol(line, column - 1);
        return new Diagnostic(rule, Severity.ERROR, headline, annotation, "src/mdtest_snippet.py",
                new SourceRange(offset, offset + 1, line, column, line, column + 1));
    }

    static Diagnostic reveal(String text, int line, int column, String display) {
        return at(text, line, column, "revealed-type", "Revealed type", "`" + display + "`");
    }

    static Diagnostic undefinedReveal(String text, int line, int column) {
        return at(text, line, column, "undefined-reveal", "`reveal_type` used without importing it", null);
    }

    private static List<String> match(String text, Diagnostic... diagnostics) {
        AssertionExtractor.FileAssertions fa = AssertionExtractor.extract(PythonParser.parse(text.getBytes(StandardCharsets.UTF_8)));
        return DiagnosticMatcher.match(text, fa, List.of(diagnostics)).stream().map(f -> f.line() + " " + f.message()).toList();
    }

    @Test
    void everythingAccountedForIsNoFailure() {
        String text = "x: str = 1  # error: [invalid-assignment]\nreveal_type(x)  # revealed: str\n";
        assertEquals(List.of(), match(text, at(text, 1, 10, "invalid-assignment", "Object of type ...", null),
                reveal(text, 2, 13, "str"), undefinedReveal(text, 2, 1)));
    }

    @Test
    void anAssertionWithoutDiagnosticIsUnmatched() {
        String text = "x = 1  # error: [unresolved-reference]\ny = 2  # revealed: int\nz = 3  # error: 0\n";
        assertEquals(List.of("1 unmatched assertion: error: [unresolved-reference]", "2 unmatched assertion: revealed: int",
                "3 unmatched assertion: error: 0"), match(text));
    }

    @Test
    void aDiagnosticWithoutAssertionIsUnexpected() {
        String text = "x = y\n";
        assertEquals(List.of("1 unexpected error: 5 [unresolved-reference] \"Name `y` used when not defined\""),
                match(text, at(text, 1, 5, "unresolved-reference", "Name `y` used when not defined", null)));
    }

    @Test
    void theConciseMessageJoinsHeadlineAndAnnotation() {
        String text = "f(1)  # error: [invalid-argument-type] \"Expected `str`, found `Literal[1]`\"\n";
        assertEquals(List.of(), match(text, at(text, 1, 3, "invalid-argument-type", "Argument to function `f` is incorrect",
                "Expected `str`, found `Literal[1]`")));
        assertEquals(List.of("1 unmatched assertion: error: [invalid-argument-type] \"Expected `str`, found `Literal[1]`\"",
                "1 unexpected error: 3 [invalid-argument-type] \"Argument to function `f` is incorrect\""),
                match(text, at(text, 1, 3, "invalid-argument-type", "Argument to function `f` is incorrect", null)));
    }

    @Test
    void aMessageAloneMatchesAnyRule() {
        String text = "x = y  # error: \"used when not defined\"\n";
        assertEquals(List.of(), match(text, at(text, 1, 5, "unresolved-reference", "Name `y` used when not defined", null)));
    }

    @Test
    void columnsAreCodePoints() {
        // 'é' is one code point (two UTF-8 bytes), the emoji one code point (two UTF-16 units)
        String text = "s = 'é😀' + y  # error: 12 [unresolved-reference]\n";
        assertEquals(List.of(), match(text, at(text, 1, 12, "unresolved-reference", "Name `y` used when not defined", null)));
        assertEquals(List.of("1 unmatched assertion: error: 12 [unresolved-reference]",
                "1 unexpected error: 13 [unresolved-reference] \"m\""),
                match(text, at(text, 1, 13, "unresolved-reference", "m", null)));
    }

    @Test
    void aRevealAbsorbsOneUndefinedReveal() {
        String text = "reveal_type(1)  # revealed: Literal[1]\n";
        assertEquals(List.of(), match(text, undefinedReveal(text, 1, 1), reveal(text, 1, 13, "Literal[1]")));
        // without a matching reveal, nothing is absorbed and the lone undefined-reveal gets ty's hint
        assertEquals(List.of("1 unmatched assertion: revealed: Literal[1]",
                "1 used built-in `reveal_type`: add a `# revealed` assertion on this line (original diagnostic: 1 "
                        + "[undefined-reveal] \"`reveal_type` used without importing it\")",
                "1 unexpected error: 13 [revealed-type] \"Revealed type: `int`\""),
                match(text, undefinedReveal(text, 1, 1), reveal(text, 1, 13, "int")));
    }

    @Test
    void anUndefinedRevealWithoutAssertionGetsAHint() {
        String text = "reveal_type(1)\n";
        assertEquals(List.of("1 used built-in `reveal_type`: add a `# revealed` assertion on this line (original diagnostic: 1 "
                + "[undefined-reveal] \"`reveal_type` used without importing it\")",
                "1 unexpected error: 13 [revealed-type] \"Revealed type: `Literal[1]`\""),
                match(text, undefinedReveal(text, 1, 1), reveal(text, 1, 13, "Literal[1]")));
    }

    @Test
    void revealsCompareVerbatimAfterTodoNormalisation() {
        String text = "reveal_type(x)  # revealed: list[@Todo(generics)]\nreveal_type(y)  # revealed: int | str\n";
        assertEquals(List.of("2 unmatched assertion: revealed: int | str"), match(text, reveal(text, 1, 13, "list[@Todo(other reason)]")));
        assertEquals(List.of("2 unmatched assertion: revealed: int | str", "2 unexpected error: 13 [revealed-type] \"Revealed type: `str | int`\""),
                match(text, reveal(text, 1, 13, "list[@Todo]"), reveal(text, 2, 13, "str | int")));
    }

    @Test
    void bareRevealHeadlinesCompareWithoutBackticks() {
        String text = "reveal_mro(C)  # revealed: (<class 'C'>, <class 'object'>)\n";
        assertEquals(List.of(), match(text, at(text, 1, 12, "revealed-type", "Revealed MRO", "(<class 'C'>, <class 'object'>)")));
        assertEquals(List.of(), match("x  # revealed: Foo\n",
                at("x  # revealed: Foo\n", 1, 1, "revealed-type", "Revealed protocol interface", "`Foo`")));
    }

    @Test
    void matchingIsGreedyInAssertionOrder() {
        String text = "x = 1  # error: [a]\n";
        // two diagnostics, one assertion: the first is consumed, the second is unexpected
        assertEquals(List.of("1 unexpected error: 7 [a] \"second\""),
                match(text, at(text, 1, 5, "a", "first", null), at(text, 1, 7, "a", "second", null)));
        // the first assertion takes the first diagnostic it accepts even when a later assertion needed it
        String greedy = "# error: [a]\n# error: 5 [a]\nx = 1 + y\n";
        assertEquals(List.of("3 unmatched assertion: error: 5 [a]", "3 unexpected error: 9 [a] \"other\""),
                match(greedy, at(greedy, 3, 5, "a", "at5", null), at(greedy, 3, 9, "a", "other", null)));
        String ordered = "# error: 5 [a]\n# error: [a]\nx = 1 + y\n";
        assertEquals(List.of(), match(ordered, at(ordered, 3, 5, "a", "at5", null), at(ordered, 3, 9, "a", "other", null)));
    }

    @Test
    void anInvalidAssertionFailsOnALineWithDiagnostics() {
        String text = "x = y  # error: [a] 5\n";
        assertEquals(List.of("1 invalid assertion `error: [a] 5`: column number must precede the rule code",
                "1 unexpected error: 5 [a] \"m\""), match(text, at(text, 1, 5, "a", "m", null)));
    }

    @Test
    void snapshotAssertionsConsumeAnyOrTheNamedDiagnostic() {
        String text = "x: int = 'a'  # snapshot\ny: int = 'b'  # snapshot: invalid-assignment\nreveal_type(1)  # snapshot: revealed-type\n";
        assertEquals(List.of(), match(text, at(text, 1, 10, "whatever", "m", null), at(text, 2, 10, "invalid-assignment", "m", null),
                reveal(text, 3, 13, "Literal[1]"), undefinedReveal(text, 3, 1)));
        assertEquals(List.of("2 unmatched assertion: snapshot: invalid-assignment", "2 unexpected error: 10 [other] \"m\""),
                match("x  # snapshot\ny: int = 'b'  # snapshot: invalid-assignment\n", at(text, 1, 1, "a", "m", null),
                        at(text, 2, 10, "other", "m", null)));
    }

    @Test
    void aDiagnosticInAMultiLineStringBelongsToTheStringsFirstLine() {
        String text = "x: \"\"\"\n  int |\n  strr\n\"\"\"  # no assertion here\n";
        Diagnostic inside = at(text, 3, 3, "unresolved-reference", "Name `strr` used when not defined", null);
        assertEquals(List.of("1 unexpected error: 3 [unresolved-reference] \"Name `strr` used when not defined\""), match(text, inside));
        String asserted = "# error: [unresolved-reference]\nx: \"\"\"\n  int |\n  strr\n\"\"\"\n";
        assertEquals(List.of(), match(asserted, at(asserted, 4, 3, "unresolved-reference", "m", null)));
    }

    @Test
    void diagnosticsAreMatchedPerLineInOrderOfTheirStart() {
        String text = "a = b + c  # error: [x] \"b\"\n";
        // given out of order, the one starting first is the first candidate
        assertEquals(List.of("1 unexpected error: 9 [x] \"c\""),
                match(text, at(text, 1, 9, "x", "c", null), at(text, 1, 5, "x", "b", null)));
    }
}
