package dev.typhon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.dump.AstDump;
import dev.typhon.ast.dump.DumpLine;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.cli.MainTest.Run;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing lost, nothing raw: every command handles each file on its own, says in words why one
 * failed, streams what it prints, and refuses a Python version it does not model.
 */
class CliFailuresTest {

    private static final String A_LINE = "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], "
            + "value=Constant(value=1))], type_ignores=[])";
    private static final String C_LINE = "Module(body=[Assign(targets=[Name(id='c', ctx=Store())], "
            + "value=Constant(value=3))], type_ignores=[])";

    @ParameterizedTest
    @ValueSource(strings = {"2.7", "4.0", "3.7", "3.15", "abc"})
    void everyCommandRefusesAVersionOutsideTheSupportedRange(String version, @TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.py"), "pass\n");
        List<Run> runs = List.of(
                MainTest.run("dump-ast", "--python-version", version, good.toString()),
                MainTest.run("debug", "symtable", "--python-version", version, good.toString()),
                MainTest.run("resolve", "--python-version", version, "os"));
        for (Run r : runs) {
            assertEquals(2, r.status(), r.err());
            assertEquals("", r.out());
            assertTrue(r.err().contains("Invalid value for option '--python-version'"), r.err());
            String expected = version.equals("abc")
                    ? "invalid Python version 'abc': expected MAJOR.MINOR"
                    : "unsupported Python version '" + version + "': Typhon supports 3.8 to 3.14";
            assertTrue(r.err().contains(expected), r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.8", "3.11", "3.14"})
    void everyCommandAcceptsTheSupportedRangesEnds(String version, @TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.py"), "pass\n");
        assertEquals(0, MainTest.run("dump-ast", "--python-version", version, good.toString()).status());
        assertEquals(0, MainTest.run("debug", "symtable", "--python-version", version, good.toString()).status());
        assertEquals(0, MainTest.run("resolve", "--python-version", version, "os").status());
    }

    @Test
    void symtableSaysInWordsWhyAFileCannotBeRead(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.py"), "x = 1\n");
        Path missing = dir.resolve("missing.py");
        Path folder = Files.createDirectory(dir.resolve("pkg.py"));
        Run r = MainTest.run("debug", "symtable", missing.toString(), folder.toString(), good.toString());
        assertEquals(1, r.status());
        assertEquals("# " + missing + "\n!Error cannot read " + missing + ": no such file\n"
                + "# " + folder + "\n!Error cannot read " + folder + ": is a folder, not a file\n"
                + "# " + good + "\nmodule top 0\n  x: global local assigned\n", r.out());
        assertFalse(r.out().contains("Exception"), r.out());
        assertTrue(r.err().contains(missing + ": cannot read: no such file"), r.err());
    }

    @Test
    void dumpAstAndSymtableDescribeAFailureAlike(@TempDir Path dir) {
        Path missing = dir.resolve("missing.py");
        Run dump = MainTest.run("dump-ast", missing.toString());
        Run symtable = MainTest.run("debug", "symtable", missing.toString());
        String line = "!Error cannot read " + missing + ": no such file";
        assertEquals(line + "\n", dump.out());
        assertEquals("# " + missing + "\n" + line + "\n", symtable.out());
    }

    @Test
    void symtableReportsPermissionDeniedInWords(@TempDir Path dir) throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.py"), "x = 1\n");
        if (!locked.toFile().setReadable(false) || Files.isReadable(locked)) {
            return; // running as root, or a file system without permissions: nothing to check
        }
        Run r = MainTest.run("debug", "symtable", locked.toString());
        assertEquals("# " + locked + "\n!Error cannot read " + locked + ": permission denied\n", r.out());
    }

    @Test
    void streamedDumpEqualsTheOneLineDump() throws IOException {
        // Enough statements, nested lists and strings that the streamed dump drains many times.
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            source.append("def f").append(i).append("(a, *b, c=[1, 'x\\u00e9', (2, 3)]):\n")
                    .append("    return {k: [a for a in b] for k in 'ab\\n'}\n");
        }
        ParseResult result = PythonParser.parse(source.toString().getBytes(StandardCharsets.UTF_8),
                ParseOptions.DEFAULT);
        assertFalse(result.hasErrors());
        String whole = AstDump.dump(result.module(), true);
        assertTrue(whole.length() > 10 * (1 << 16), "the dump must be long enough to drain: " + whole.length());
        StringWriter streamed = new StringWriter();
        try (BufferedWriter w = new BufferedWriter(streamed)) {
            assertTrue(DumpLine.write(result, true, w));
        }
        assertEquals(whole, streamed.toString());
    }

    /**
     * A file several times larger than the heap: run the CLI in a child JVM with a small heap. The
     * files around it are printed, and it gets an {@code !Error} line of its own, no stack trace.
     */
    @Test
    void aFileTooLargeForTheHeapGetsItsOwnErrorLineAndTheOthersArePrinted(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.py"), "a = 1\n");
        Path c = Files.writeString(dir.resolve("c.py"), "c = 3\n");
        Path big = dir.resolve("big.py");
        byte[] chunk = "x = 1\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        try (var stream = Files.newOutputStream(big)) {
            for (int i = 0; i < 40; i++) { // 24 MB against a 32 MB heap
                stream.write(chunk);
            }
        }
        Path missing = dir.resolve("missing.py");
        for (String command : List.of("dump-ast", "symtable")) {
            List<String> args = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx32m", "-Xss16m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            args.addAll(command.equals("dump-ast") ? List.of("dump-ast", "--no-attributes") : List.of("debug", "symtable"));
            args.addAll(List.of(a.toString(), big.toString(), missing.toString(), c.toString()));
            Path out = dir.resolve(command + ".out");
            Path err = dir.resolve(command + ".err");
            Process p = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), stdout + stderr);
            assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("\tat "), stderr);
            String tooLarge = "!Error " + big + ": file too large to parse with the available memory (22 MB file, ";
            String raise = " max heap); raise the heap with TYPHON_JAVA_OPTS=-Xmx<size> (or JAVA_OPTS), e.g. -Xmx8g";
            String[] lines = stdout.split("\n", -1);
            if (command.equals("dump-ast")) {
                assertEquals(5, lines.length, stdout);
                assertEquals(A_LINE, lines[0]);
                assertTrue(lines[1].startsWith(tooLarge) && lines[1].endsWith(raise), lines[1]);
                assertEquals("!Error cannot read " + missing + ": no such file", lines[2]);
                assertEquals(C_LINE, lines[3]);
            } else {
                assertEquals(11, lines.length, stdout);
                assertEquals("# " + a, lines[0]);
                assertEquals("# " + big, lines[3]);
                assertTrue(lines[4].startsWith(tooLarge) && lines[4].endsWith(raise), lines[4]);
                assertEquals("# " + missing, lines[5]);
                assertEquals("# " + c, lines[7]);
                assertEquals("  c: global local assigned", lines[9]);
            }
            assertTrue(stderr.contains("typhon: " + big + ": file too large"), stderr);
        }
    }
}
