package dev.typhon.ast.unparse;

import static dev.typhon.ast.parser.ParseChecks.javaLiteral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.typhon.ast.Module;
import dev.typhon.ast.dump.AstDump;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;

/**
 * The unparse round trip: for a tree parsed from some source, the unparsed text parses without
 * errors into an equal tree (positions aside), and unparsing is idempotent on it.
 */
public final class RoundTrip {

    private RoundTrip() {
    }

    /**
     * Asserts the round trip for {@code source}, which parsed cleanly with {@code options};
     * {@code input} describes it in failure messages.
     */
    public static void assertRoundTrips(String source, ParseOptions options, String input) {
        // Type comments do not survive unparsing (nor does CPython keep them), so compare trees
        // parsed without them. Older targets accept a subset of the newest syntax.
        ParseResult first = PythonParser.parse(source, ParseOptions.DEFAULT);
        if (first.hasErrors()) {
            fail("parses with " + options + " but not with the newest syntax: " + first.errors() + "\n  input: " + input);
        }
        assertRoundTrips(first.module(), input);
    }

    /** Asserts the round trip for a tree produced by the parser. */
    public static String assertRoundTrips(Module tree, String input) {
        String text = Unparser.unparse(tree);
        ParseResult second = PythonParser.parse(text, ParseOptions.DEFAULT);
        if (second.hasErrors()) {
            fail("unparsed text does not parse: " + second.errors() + "\n  unparsed: " + javaLiteral(text)
                    + "\n  input: " + input);
        }
        String expected = AstDump.dump(tree, false);
        String actual = AstDump.dump(second.module(), false);
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, "unparsed text parses into another tree\n  unparsed: " + javaLiteral(text)
                    + "\n  input: " + input);
        }
        assertEquals(text, Unparser.unparse(second.module()), () -> "unparse is not idempotent\n  input: " + input);
        return text;
    }
}
