package dev.typhon.ast.parser;

import static dev.typhon.ast.parser.ParseChecks.assertSane;
import static dev.typhon.ast.parser.ParseChecks.javaBytes;
import static dev.typhon.ast.parser.ParseChecks.javaLiteral;

import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.unparse.RoundTrip;
import dev.typhon.testing.FuzzSeeds;
import dev.typhon.testing.FuzzTries;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The parser never fails on any input: random bytes, random token sequences, and valid files cut
 * short or mangled. "Never fails" means no internal error (the parser converts its own
 * exceptions into one), errors that point into the source, and node positions within it and
 * consistent with their offsets; see {@link ParseChecks}. A mangled file that still parses must
 * also survive the unparse round trip.
 *
 * <p>Each property runs {@code typhon.fuzz.tries} tries (see {@link FuzzTries}): 1000 by
 * default, 10,000 in {@code mvn verify}.
 */
@AddLifecycleHook(FuzzTries.class)
class ParserFuzzProperties {

    private static final List<PythonVersion> VERSIONS = List.of(PythonVersion.PY38, PythonVersion.PY39,
            PythonVersion.PY310, PythonVersion.PY311, PythonVersion.PY312, PythonVersion.PY313, PythonVersion.PY314);

    /** Prefixes that steer decoding: BOMs, coding cookies good and bad. */
    private static final List<byte[]> HEADERS = List.of(
            new byte[0],
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            ascii("# -*- coding: latin-1 -*-\n"),
            ascii("#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\n"),
            ascii("# coding: utf-16\n"),
            ascii("# coding=bogus-codec\n"),
            ascii("\n# coding: euc-jp\n"),
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', 'c', 'o', 'd', 'i', 'n', 'g', ':', ' ', 'l', 'a',
                    't', 'i', 'n', '-', '1', '\n'});

    @Property
    void arbitraryBytesNeverBreakTheParser(@ForAll("headers") byte[] header, @ForAll @Size(max = 2048) byte[] body) {
        byte[] bytes = concat(header, body);
        assertSane(PythonParser.parse(bytes), javaBytes(bytes));
    }

    @Property
    void tokenSoupNeverBreaksTheParser(@ForAll("tokenSoup") String source, @ForAll("options") ParseOptions options) {
        assertSane(PythonParser.parse(source, options), javaLiteral(source) + " with " + options);
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        assertSane(PythonParser.parse(bytes, options), javaBytes(bytes) + " with " + options);
    }

    @Property
    void truncatedFilesNeverBreakTheParser(@ForAll("seeds") FuzzSeeds.Seed seed,
            @ForAll @IntRange(min = 0, max = 1_000_000) int cut, @ForAll("options") ParseOptions options) {
        String text = seed.text();
        String prefix = text.substring(0, cut % (text.length() + 1));
        assertSane(PythonParser.parse(prefix, options), seed + " cut to " + javaLiteral(prefix) + " with " + options);
        // Cutting the bytes can also split a UTF-8 sequence.
        byte[] bytes = Arrays.copyOf(seed.bytes(), cut % (seed.bytes().length + 1));
        assertSane(PythonParser.parse(bytes, options), seed + " cut to " + bytes.length + " bytes with " + options);
    }

    @Property
    void mutatedFilesNeverBreakTheParser(@ForAll("seeds") FuzzSeeds.Seed seed, @ForAll long mutationSeed,
            @ForAll @IntRange(min = 1, max = 8) int mutations, @ForAll("options") ParseOptions options) {
        String mutated = PythonFragments.mutate(seed.text(), new Random(mutationSeed), mutations);
        String input = seed + " mutated to " + javaLiteral(mutated) + " with " + options;
        ParseResult result = PythonParser.parse(mutated, options);
        assertSane(result, input);
        if (!result.hasErrors()) {
            RoundTrip.assertRoundTrips(mutated, options, input);
        }
    }

    @Provide
    Arbitrary<byte[]> headers() {
        return Arbitraries.of(HEADERS);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of(PythonFragments.TOKENS);
        Arbitrary<String> separator = Arbitraries.of(" ", " ", "", "\n", "\n    ");
        return Combinators.combine(token, separator).as((t, s) -> t + s)
                .list().ofMaxSize(250)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<ParseOptions> options() {
        // Mostly the newest syntax, which has the most to break; sometimes an older target.
        Arbitrary<PythonVersion> version = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(PythonVersion.LATEST)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(VERSIONS)));
        return Combinators.combine(version, Arbitraries.of(false, false, true)).as(ParseOptions::new);
    }

    @Provide
    Arbitrary<FuzzSeeds.Seed> seeds() {
        return Arbitraries.of(FuzzSeeds.all());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
