package dev.typhon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.typhon.ast.PythonVersion;
import dev.typhon.testing.Interpreters;
import dev.typhon.testing.Stdlib;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code typhon debug symtable} against the issue's reference program run by CPython 3.11 over
 * every {@code .py} file of that interpreter's standard library, compared file by file as the
 * oracle's output streams in. Skips cleanly where no CPython 3.11 exists.
 */
class SymtableParityTest {

    private static final int DETAILS_SHOWN = 30;
    private static final int BATCH = 150;

    @Test
    void everyStdlibFileMatchesCPython311Symtable() throws Exception {
        Path python = Interpreters.cpython311().orElse(null);
        assumeTrue(python != null, "no CPython 3.11 found: set TYPHON_PYTHON or install one to run the symtable parity test");
        Path stdlib = Stdlib.of(python);
        List<Path> files = Stdlib.pythonFiles(stdlib);
        assertTrue(files.size() > 500, "suspiciously few files under " + stdlib + ": " + files.size());
        Set<String> known = knownDifferences();

        int identical = 0;
        int rejectedByBoth = 0;
        List<String> unexpected = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        int knownDiffering = 0;
        StringBuilder ours = new StringBuilder(1 << 16);
        StringBuilder theirs = new StringBuilder(1 << 16);
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<String> command = new ArrayList<>();
            command.add(python.toString());
            command.add("-W");
            command.add("ignore");
            command.add(oracleScript().toString());
            batch.forEach(p -> command.add(p.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            Process oracle = pb.start();
            oracle.getOutputStream().close();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(oracle.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                String line = lines.readLine();
                for (Path file : batch) {
                    assertEquals("# " + file, line, "the oracle's output is out of step");
                    theirs.setLength(0);
                    theirs.append(line).append('\n');
                    while ((line = lines.readLine()) != null && !line.startsWith("# ")) {
                        theirs.append(line).append('\n');
                    }
                    ours.setLength(0);
                    boolean accepted = SymtableCommand.render(file.toString(), Files.readAllBytes(file), PythonVersion.PY311, ours);
                    boolean theyAccepted = theirs.indexOf("\n!SyntaxError ") < 0;
                    String rel = stdlib.relativize(file).toString();
                    boolean same;
                    if (!accepted && !theyAccepted) {
                        rejectedByBoth++;
                        same = true;
                    } else {
                        same = theirs.toString().contentEquals(ours);
                        if (same) {
                            identical++;
                        }
                    }
                    if (same && known.contains(rel)) {
                        fixed.add(rel);
                    } else if (!same && known.contains(rel)) {
                        knownDiffering++;
                    } else if (!same) {
                        unexpected.add(rel + ": " + firstDifference(theirs.toString(), ours.toString()));
                    }
                }
            }
            assertTrue(oracle.waitFor(120, TimeUnit.SECONDS), "the oracle did not exit");
            assertEquals(0, oracle.exitValue(), "the oracle failed");
        }

        String summary = String.format(
                "symtable parity with %s: %d files, %d identical, %d rejected by both, %d known to differ, %d differing unexpectedly",
                python, files.size(), identical, rejectedByBoth, knownDiffering, unexpected.size());
        System.out.println(summary);
        StringBuilder report = new StringBuilder();
        if (!unexpected.isEmpty()) {
            report.append(summary).append('\n');
            unexpected.stream().limit(DETAILS_SHOWN).forEach(d -> report.append("  ").append(d).append('\n'));
            if (unexpected.size() > DETAILS_SHOWN) {
                report.append("  ... and ").append(unexpected.size() - DETAILS_SHOWN).append(" more\n");
            }
        }
        if (!fixed.isEmpty()) {
            report.append("now matching, remove from symtable/known-differences.txt: ").append(fixed).append('\n');
        }
        if (!report.isEmpty()) {
            throw new AssertionError(report.toString());
        }
    }

    private static Set<String> knownDifferences() throws IOException {
        Set<String> out = new HashSet<>();
        try (var in = SymtableParityTest.class.getResourceAsStream("/symtable/known-differences.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        }
        return out;
    }


    static Path oracleScript() throws URISyntaxException {
        return Path.of(SymtableParityTest.class.getResource("/oracle/symtable_311.py").toURI());
    }


    /** The first line where two outputs part, with its line number. */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int n = Math.min(e.length, a.length);
        for (int i = 0; i < n; i++) {
            if (!e[i].equals(a[i])) {
                return "line " + (i + 1) + "\n      cpython: " + e[i] + "\n      typhon:  " + a[i];
            }
        }
        return "line " + (n + 1) + "\n      cpython: " + (e.length > n ? e[n] : "<end>")
                + "\n      typhon:  " + (a.length > n ? a[n] : "<end>");
    }
}
