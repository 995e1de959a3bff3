package dev.typhon.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The standard library of an interpreter found by {@link Interpreters}: the corpus of the parity tests. */
public final class Stdlib {

    private Stdlib() {
    }

    /** The interpreter's own standard-library folder. */
    public static Path of(Path python) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import sysconfig; print(sysconfig.get_paths()['stdlib'])").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), "python failed: " + out);
        return Path.of(out);
    }

    /** Every {@code .py} file under {@code stdlib}, site-packages left out, in a stable order. */
    public static List<Path> pythonFiles(Path stdlib) throws IOException {
        try (Stream<Path> walk = Files.walk(stdlib)) {
            return walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
                    .filter(p -> !stdlib.relativize(p).toString().contains("site-packages"))
                    .sorted()
                    .toList();
        }
    }
}
