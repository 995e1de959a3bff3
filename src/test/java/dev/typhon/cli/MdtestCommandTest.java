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

/** {@code typhon mdtest}: output format, closing line, exit status, folders, filter, usage errors. */
class MdtestCommandTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void writePassingListsThePassingTestsByPathBelowTheFolderSorted() throws IOException {
        write("c/z.md", "# Zed\n\n```py\nx = 1\n```\n");
        write("c/sub/a.md", "# Alpha\n\n## Good\n\n```py\nx = 1\n```\n\n## Bad\n\n```py\nx = 1  # revealed: str\n```\n");
        Path list = dir.resolve("passing.txt");
        Run r = run("mdtest", "--write-passing", list.toString(), dir.resolve("c").toString());
        assertEquals(1, r.status());
        assertTrue(r.out().endsWith("2 passed, 1 failed\n"), r.out());
        assertEquals(java.util.List.of("sub/a.md :: a.md - Alpha - Good", "z.md :: z.md - Zed"),
                dev.typhon.mdtest.PassingList.read(list));
    }

    @Test
    void passingSuitesPrintOnlyTheClosingLineAndExitZero() throws IOException {
        Path suite = write("ok.md", "# Syntax\n\n```py\nx = 1 +  # error: [invalid-syntax]\n```\n\n# Fine\n\n```py\ny = 2\n```\n");
        Run r = run("mdtest", suite.toString());
        assertEquals("2 passed, 0 failed\n", r.out());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void failuresArePrintedWithSuiteLineAndTestNameAndExitOne() throws IOException {
        write("a/one.md", "# Fails\n\n```py\nx = 1  # revealed: int\n```\n");
        write("a/b/two.md", "# Passes\n\n```py\nx = 1\n```\n");
        write("a/notes.txt", "not a suite\n");
        write("a/broken.md", "```py\nx = 1\n```\n");
        Run r = run("mdtest", dir.resolve("a").toString());
        String root = dir.resolve("a").toString();
        assertEquals(root + "/broken.md:1 broken.md: invalid suite: Code blocks must start on a new line "
                + "and be preceded by at least one blank line.\n"
                + root + "/one.md:4 one.md - Fails: unmatched assertion: revealed: int\n"
                + "1 passed, 2 failed\n", r.out());
        assertEquals(1, r.status());
    }

    @Test
    void theFilterSelectsTests() throws IOException {
        Path suite = write("s.md", "# Fails\n\n```py\nx = 1  # revealed: int\n```\n\n# Passes\n\n```py\nx = 1\n```\n");
        Run r = run("mdtest", "--filter", "s.md - Pass", suite.toString());
        assertEquals("1 passed, 0 failed\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void usageErrorsExitTwo() {
        Run none = run("mdtest");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("Missing required parameter"), none.err());
        Run missing = run("mdtest", dir.resolve("nope.md").toString());
        assertEquals(2, missing.status());
        assertEquals("typhon: " + dir.resolve("nope.md") + ": no such file or folder\n", missing.err());
        Run badTypeshed = run("mdtest", "--typeshed", dir.resolve("nope").toString(), dir.toString());
        assertEquals(2, badTypeshed.status());
        assertTrue(badTypeshed.err().startsWith("typhon: --typeshed: "), badTypeshed.err());
        Run badOption = run("mdtest", "--python-version", "3.12", dir.toString());
        assertEquals(2, badOption.status());
    }

    @Test
    void anEmptyFolderRunsNothing() {
        Run r = run("mdtest", dir.toString());
        assertEquals("0 passed, 0 failed\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void helpDescribesTheCommand() {
        Run r = run("mdtest", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("--filter=SUBSTRING"), r.out());
        assertTrue(run("--help").out().contains("mdtest"));
    }
}
