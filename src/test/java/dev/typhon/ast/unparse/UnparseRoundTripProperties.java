package dev.typhon.ast.unparse;

import static dev.typhon.ast.parser.ParseChecks.javaLiteral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.typhon.ast.Module;
import dev.typhon.ast.dump.AstDump;
import dev.typhon.ast.parser.ParseChecks;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.testing.FuzzSeeds;
import dev.typhon.testing.FuzzTries;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * {@code parse(unparse(parse(x)))} equals {@code parse(x)}: for random valid programs and for
 * the hand-written seed files. The random programs come from {@link RandomAst}, which builds trees
 * in the exact shape the parser produces, so the first parse must also give back the generated
 * tree itself: that checks the unparser's parentheses and quoting against the parser directly.
 * The parsed trees must also pass {@link ParseChecks} (positions inside the source and
 * consistent with their offsets).
 *
 * <p>Runs {@code typhon.fuzz.tries} tries (see {@link FuzzTries}): 1000 by default, 10,000 in
 * {@code mvn verify}.
 */
@AddLifecycleHook(FuzzTries.class)
class UnparseRoundTripProperties {

    @Property
    void generatedProgramsRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int size) {
        Module tree = new RandomAst(seed, size).module();
        String source = Unparser.unparse(tree);
        String input = "RandomAst(" + seed + "L, " + size + "): " + javaLiteral(source);
        ParseResult parsed = PythonParser.parse(source, ParseOptions.DEFAULT);
        if (parsed.hasErrors()) {
            fail("generated program does not parse: " + parsed.errors() + "\n  input: " + input);
        }
        String expected = AstDump.dump(tree, false);
        String actual = AstDump.dump(parsed.module(), false);
        if (!expected.equals(actual)) {
            assertEquals(expected, actual, "generated program parses into another tree\n  input: " + input);
        }
        ParseChecks.assertErrorsAndPositions(parsed, input);
        // The parsed tree equals the generated one, so parse(unparse(parse(x))) == parse(x)
        // follows from unparsing it giving x back.
        assertEquals(source, Unparser.unparse(parsed.module()), () -> "unparse is not idempotent\n  input: " + input);
    }

    @Example
    void seedFilesRoundTrip() {
        assertFalse(FuzzSeeds.all().isEmpty());
        for (FuzzSeeds.Seed seed : FuzzSeeds.all()) {
            ParseResult parsed = PythonParser.parse(seed.bytes());
            if (parsed.hasErrors()) {
                fail("seed " + seed + " does not parse: " + parsed.errors());
            }
            ParseChecks.assertSane(parsed, seed.name());
            RoundTrip.assertRoundTrips(parsed.module(), seed.name());
        }
    }
}
