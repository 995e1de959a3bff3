package dev.typhon.mdtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.parser.PythonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Assertion comments: recognition (§6.1), the grammar (§6.2–6.4) and which line they apply to (§6.5). */
class AssertionTest {

    private static Assertion comment(String text) {
        return Assertion.fromComment(text, 1, false);
    }

    private static ParsedAssertion.Error error(String body) throws InvalidAssertionException {
        return assertInstanceOf(ParsedAssertion.Error.class, AssertionParser.parse(new Assertion(Assertion.Kind.ERROR, body, 1, false)));
    }

    private static String invalid(String body) {
        return assertThrows(InvalidAssertionException.class,
                () -> AssertionParser.parse(new Assertion(Assertion.Kind.ERROR, body, 1, false))).getMessage();
    }

    /** The assertions of {@code code} as "target line: assertion" strings. */
    private static List<String> targets(String code) {
        AssertionExtractor.FileAssertions fa = AssertionExtractor.extract(PythonParser.parse(code.getBytes(StandardCharsets.UTF_8)));
        return fa.lines().stream().flatMap(la -> la.assertions().stream().map(a -> la.line() + ": " + a)).toList();
    }

    @Test
    void recognisesTheThreeKeywords() {
        assertEquals(new Assertion(Assertion.Kind.REVEALED, "int", 1, false), comment("#revealed: int"));
        assertEquals(new Assertion(Assertion.Kind.ERROR, "[x]", 1, false), comment("#  error :[x]"));
        assertEquals(new Assertion(Assertion.Kind.SNAPSHOT, "", 1, false), comment("# snapshot"));
        assertEquals(new Assertion(Assertion.Kind.SNAPSHOT, "invalid-assignment", 1, false), comment("# snapshot: invalid-assignment"));
        assertEquals(new Assertion(Assertion.Kind.ERROR, "", 1, false), comment("# error"));
        assertEquals(new Assertion(Assertion.Kind.REVEALED, "", 1, false), comment("# revealed"));
        assertNull(comment("# revealed int"));
        assertNull(comment("# Error: [x]"));
        assertNull(comment("# error handling below"));
        assertNull(comment("# type: ignore"));
    }

    @Test
    void aSecondHashEndsTheAssertion() {
        assertEquals("[x]", comment("# error: [x]  # type: ignore").body());
        assertEquals("Literal[\"a", comment("# revealed: Literal[\"a#b\"]").body());
    }

    @Test
    void revealedNeedsABody() throws Exception {
        assertEquals(new ParsedAssertion.Revealed("tuple[int, str]"),
                AssertionParser.parse(new Assertion(Assertion.Kind.REVEALED, "tuple[int, str]", 1, false)));
        assertEquals("Must specify which type should be revealed", assertThrows(InvalidAssertionException.class,
                () -> AssertionParser.parse(new Assertion(Assertion.Kind.REVEALED, "", 1, false))).getMessage());
    }

    @Test
    void snapshotTakesAnOptionalCode() throws Exception {
        assertEquals(new ParsedAssertion.Snapshot(null), AssertionParser.parse(new Assertion(Assertion.Kind.SNAPSHOT, "", 1, false)));
        assertEquals(new ParsedAssertion.Snapshot("revealed-type"),
                AssertionParser.parse(new Assertion(Assertion.Kind.SNAPSHOT, "revealed-type", 1, false)));
    }

    @Test
    void errorGrammarParts() throws Exception {
        assertEquals(new ParsedAssertion.Error(null, "invalid-assignment", null), error("[invalid-assignment]"));
        assertEquals(new ParsedAssertion.Error(null, "x", null), error("[  x ]"));
        assertEquals(new ParsedAssertion.Error(13, "missing-argument", "No argument provided"),
                error("13 [missing-argument] \"No argument provided\""));
        assertEquals(new ParsedAssertion.Error(null, null, "Name `x` used"), error("\"Name `x` used\""));
        assertEquals(new ParsedAssertion.Error(5, null, "m"), error("5 \"m\""));
        assertEquals(new ParsedAssertion.Error(5, "r", null), error("5   [r]"));
        assertEquals(new ParsedAssertion.Error(null, "invalid-syntax", "Duplicate parameter \"x\""),
                error("[invalid-syntax] \"Duplicate parameter \"x\"\""));
        assertEquals(new ParsedAssertion.Error(null, "r", ""), error("[r] \"\""));
        assertEquals("error: 13 [r] \"m\"", error("13 [r] \"m\"").toString());
    }

    @Test
    void errorGrammarViolations() {
        assertEquals("no rule or message text", invalid(""));
        assertEquals("no rule or message text", invalid("5"));
        assertTrue(invalid("0 [r]").startsWith("bad column number `0`"));
        assertTrue(invalid("5a [r]").startsWith("bad column number `5a`"));
        assertEquals("column number must precede the rule code", invalid("[r] 5"));
        assertEquals("multiple column numbers in one assertion", invalid("5 6 [r]"));
        assertEquals("multiple rule codes in one assertion", invalid("[r] [s]"));
        assertEquals("expected `]` to close the rule code", invalid("[r"));
        assertTrue(invalid("[r] \"m").startsWith("expected `\"`"));
        assertTrue(invalid("\"").startsWith("expected `\"`"));
        assertTrue(invalid("r").startsWith("unexpected character `r`"));
        assertTrue(invalid("[r] x").startsWith("unexpected character `x`"));
    }

    @Test
    void hashesInStringsAreNotComments() {
        assertEquals(List.of("2: error: [b]"), targets("x = \"# error: [a]\"\ny = 1  # error: [b]\ns = '''\n# revealed: int\n'''\n"));
    }

    @Test
    void trailingCommentsApplyToTheirOwnLine() {
        assertEquals(List.of("1: error: [a]", "2: error: [b]", "3: error: [c]"),
                targets("foo  # error: [a]\nbar  # error: [b]\nbaz  # error: [c]\n"));
    }

    @Test
    void ownLineCommentsStackOntoTheNextLine() {
        assertEquals(List.of("3: error: [a]", "3: revealed: int"), targets("# error: [a]\n# revealed: int\ny = reveal_type(1)\n"));
        assertEquals(List.of("2: error: [a]", "2: revealed: int"), targets("    # error: [a]\n    reveal_type(z)  # revealed: int\n"));
        // a trailing assertion ends the stack; the next line's is its own
        assertEquals(List.of("2: error: [a]", "2: error: [b]", "3: error: [c]"),
                targets("# error: [a]\nfoo  # error: [b]\nbar  # error: [c]\n"));
    }

    @Test
    void aStackTargetsWhateverLineFollowsIt() {
        // a blank line or an ordinary comment is not skipped
        assertEquals(List.of("2: error: [a]"), targets("# error: [a]\n\nx = 1\n"));
        assertEquals(List.of("2: error: [a]"), targets("# error: [a]\n# just a comment\nx = 1\n"));
    }

    @Test
    void aStackAtTheEndOfTheFileIsReported() {
        AssertionExtractor.FileAssertions fa = AssertionExtractor.extract(
                PythonParser.parse("x = 1\n# error: [a]\n# error: [b]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), fa.lines());
        assertEquals(List.of(3), fa.trailingStacks());
    }
}
