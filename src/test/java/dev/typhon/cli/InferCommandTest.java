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

/** {@code typhon debug infer}: every expression of every file inferred, broken files included, counts reported. */
class InferCommandTest {

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

    @Test
    void infersEveryFileCountsUnknownsAndSkipsExcludedFolders() throws IOException {
        Files.writeString(dir.resolve("good.py"), "x = 1\ny = x + 2\nz = undefined_name\n");
        Files.writeString(dir.resolve("broken.py"), "def f(:\n    return [1, 2\nq = f(\n");
        Files.createDirectories(dir.resolve("vendored"));
        Files.writeString(dir.resolve("vendored/skipped.py"), "a = 1\n");
        Run r = run("debug", "infer", "--threads", "2", "--exclude", "vendored", dir.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        String summary = r.out().lines().reduce((a, b) -> b).orElse("");
        assertTrue(summary.startsWith("2 files (0 failed), "), summary);
        // `undefined_name` is the one Unknown of good.py; the broken file adds its own
        assertTrue(summary.matches(".* expressions: [1-9][0-9]* Unknown .*"), summary);
        assertTrue(!r.out().contains("skipped.py"), r.out());
    }

    @Test
    void refusesAMissingPathAsBadUsage() {
        Run r = run("debug", "infer", dir.resolve("nowhere").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no such file or folder"), r.err());
    }
}
