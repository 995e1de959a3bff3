package dev.typhon.ast.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.typhon.ast.dump.DumpLine;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.testing.Interpreters;
import dev.typhon.testing.Stdlib;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The parity contract: on every {@code .py} file of a CPython 3.13+ standard library, our
 * {@code dump-ast} line equals that interpreter's {@code ast.dump(ast.parse(bytes),
 * include_attributes=True, show_empty=True)}, and every file it rejects we reject too.
 * Skips cleanly where no such interpreter exists.
 */
class StdlibParityTest {

    private static final int DETAILS_SHOWN = 25;

    @Test
    void everyStdlibFileDumpsAsCPythonDumpsIt() throws Exception {
        Path python = Interpreters.cpython(13).orElse(null);
        assumeTrue(python != null, "no CPython 3.13+ found: set TYPHON_PYTHON to run the stdlib parity test");
        Path stdlib = Stdlib.of(python);
        List<Path> files = Stdlib.pythonFiles(stdlib);
        assertTrue(files.size() > 500, "suspiciously few files under " + stdlib + ": " + files.size());

        Process oracle = new ProcessBuilder(python.toString(), oracleScript().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread feeder = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedWriter w = new BufferedWriter(
                    new OutputStreamWriter(oracle.getOutputStream(), StandardCharsets.UTF_8))) {
                for (Path f : files) {
                    w.write(f.toString());
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        UnicodeVersionGap gap = UnicodeVersionGap.of(python);
        int identical = 0;
        int identicalUpToUnicodeVersion = 0;
        int rejectedByBoth = 0;
        List<String> differences = new ArrayList<>();
        StringBuilder ours = new StringBuilder(1 << 20);
        try (BufferedReader expectedLines = new BufferedReader(
                new InputStreamReader(oracle.getInputStream(), StandardCharsets.UTF_8), 1 << 20)) {
            for (Path file : files) {
                String expected = expectedLines.readLine();
                assertTrue(expected != null, "the oracle stopped early, before " + file);
                ours.setLength(0);
                DumpLine.append(Files.readAllBytes(file), ParseOptions.DEFAULT, true, ours);
                String rel = stdlib.relativize(file).toString();
                boolean expectedError = expected.startsWith("!SyntaxError");
                boolean ourError = startsWith(ours, "!SyntaxError");
                if (expectedError && ourError) {
                    rejectedByBoth++;
                } else if (!expectedError && !ourError && contentEquals(ours, expected)) {
                    identical++;
                } else if (!expectedError && !ourError && gap.escapeUnassigned(ours).equals(expected)) {
                    identicalUpToUnicodeVersion++;
                } else {
                    differences.add(rel + ": " + firstDifference(expected, ours.toString()));
                }
            }
        }
        feeder.join();
        assertTrue(oracle.waitFor(60, TimeUnit.SECONDS), "the oracle did not exit");
        assertEquals(0, oracle.exitValue(), "the oracle failed");

        String summary = String.format("stdlib parity with %s (%s): %d files, %d identical, "
                        + "%d identical but for characters new in Unicode %s (unassigned in the oracle's %s), "
                        + "%d rejected by both, %d differing",
                python, stdlib, files.size(), identical, identicalUpToUnicodeVersion, gap.ourVersion(),
                gap.oracleVersion(), rejectedByBoth, differences.size());
        System.out.println(summary);
        if (!differences.isEmpty()) {
            StringBuilder report = new StringBuilder(summary).append('\n');
            differences.stream().limit(DETAILS_SHOWN).forEach(d -> report.append("  ").append(d).append('\n'));
            if (differences.size() > DETAILS_SHOWN) {
                report.append("  ... and ").append(differences.size() - DETAILS_SHOWN).append(" more\n");
            }
            throw new AssertionError(report.toString());
        }
    }


    static Path oracleScript() throws URISyntaxException {
        return Path.of(StdlibParityTest.class.getResource("/oracle/dump_ast.py").toURI());
    }


    private static boolean startsWith(CharSequence s, String prefix) {
        return s.length() >= prefix.length() && s.subSequence(0, prefix.length()).toString().equals(prefix);
    }

    private static boolean contentEquals(StringBuilder ours, String expected) {
        return expected.contentEquals(ours);
    }

    /** Where two dump lines first part, with some context of each. */
    static String firstDifference(String expected, String actual) {
        int n = Math.min(expected.length(), actual.length());
        int i = 0;
        while (i < n && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "at char " + i + "\n      cpython: ..." + expected.substring(from, Math.min(expected.length(), i + 80))
                + "\n      typhon:  ..." + actual.substring(from, Math.min(actual.length(), i + 80));
    }
}
