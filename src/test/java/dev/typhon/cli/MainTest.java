package dev.typhon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionNamesTheBuiltVersion() {
        Run r = run("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().matches("(?s)typhon \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("dump-ast"), r.out());
    }

    @Test
    void unknownOptionIsAClearErrorNotACrash() {
        Run r = run("dump-ast", "--no-such-option", "x.py");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
    }

    @Test
    void dumpAstPrintsOneLinePerFileInArgumentOrder(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.py"), "x = 1\n");
        Path bad = Files.writeString(dir.resolve("bad.py"), "def f(:\n    pass\n");
        Path missing = dir.resolve("missing.py");
        Run r = run("dump-ast", good.toString(), bad.toString(), missing.toString(), good.toString());
        String[] lines = r.out().split("\n", -1);
        assertEquals(5, lines.length, r.out()); // four lines and the empty rest after the last break
        String goodLine = "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
                + "end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, "
                + "end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[])";
        assertEquals(goodLine, lines[0]);
        assertTrue(lines[1].startsWith("!SyntaxError 1:"), lines[1]);
        assertTrue(lines[2].startsWith("!Error cannot read " + missing), lines[2]);
        assertEquals(goodLine, lines[3]);
        assertEquals(1, r.status());
        assertTrue(r.err().contains("missing.py"), r.err());
    }

    @Test
    void dumpAstExitsZeroWhenEveryFileParses(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.py"), "pass\n");
        Run r = run("dump-ast", "--no-attributes", good.toString());
        assertEquals(0, r.status());
        assertEquals("Module(body=[Pass()], type_ignores=[])\n", r.out());
    }

    @Test
    void dumpAstRejectsABadPythonVersion(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.py"), "pass\n");
        Run r = run("dump-ast", "--python-version", "three", good.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("invalid Python version 'three'"), r.err());
    }

    @Test
    void targetVersionReportsNewerSyntax(@TempDir Path dir) throws IOException {
        Path match = Files.writeString(dir.resolve("m.py"), "match x:\n    case 1:\n        pass\n");
        assertEquals(0, run("dump-ast", match.toString()).status());
        Run old = run("dump-ast", "--python-version", "3.9", match.toString());
        assertEquals(1, old.status());
        assertTrue(old.out().startsWith("!SyntaxError 1:"), old.out());
    }
}
