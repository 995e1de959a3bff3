package dev.typhon.mdtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The list of tests that pass, the conformance ratchet's memory: one line per test, the suite's
 * path below the corpus folder (with {@code /} separators), {@code " :: "}, and the test's full
 * name. Sorted, so a change to it reads as a diff of added and removed tests. Lines starting with
 * {@code #} are comments.
 */
public final class PassingList {
    static final String SEPARATOR = " :: ";

    private PassingList() {
    }

    /** The key of test {@code testName} of {@code suite}, relative to the first folder of {@code roots} holding it. */
    public static String key(List<Path> roots, Path suite, String testName) {
        Path abs = suite.toAbsolutePath().normalize();
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (Files.isDirectory(r) && abs.startsWith(r)) {
                return slashes(r.relativize(abs)) + SEPARATOR + testName;
            }
        }
        Path name = abs.getFileName();
        return (name == null ? abs.toString() : name.toString()) + SEPARATOR + testName;
    }

    /** Writes the keys sorted, without duplicates. */
    public static void write(Path file, List<String> keys) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Tests of the shared mdtest corpus that pass: ./typhon mdtest --write-passing FILE CORPUS");
        lines.addAll(new TreeSet<>(keys));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** The keys of a list written by {@link #write}. */
    public static List<String> read(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line);
            }
        }
        return keys;
    }

    private static String slashes(Path p) {
        StringBuilder b = new StringBuilder();
        for (Path part : p) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }
}
