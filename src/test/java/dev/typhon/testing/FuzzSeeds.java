package dev.typhon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hand-written Python files under {@code src/test/resources/fuzz-seeds}: together they use
 * every piece of Python 3.14 syntax, and fuzzers truncate and mutate them.
 */
public final class FuzzSeeds {

    /** One seed file. */
    public record Seed(String name, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static volatile List<Seed> all;

    private FuzzSeeds() {
    }

    /** All seed files, sorted by name. */
    public static List<Seed> all() {
        List<Seed> seeds = all;
        if (seeds == null) {
            seeds = load();
            all = seeds;
        }
        return seeds;
    }

    private static List<Seed> load() {
        URL dir = FuzzSeeds.class.getClassLoader().getResource("fuzz-seeds");
        if (dir == null) {
            throw new IllegalStateException("fuzz-seeds not on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".py"))
                    .sorted()
                    .map(p -> new Seed(p.getFileName().toString(), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
