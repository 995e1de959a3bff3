package dev.typhon.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds CPython interpreters for oracle tests at run time, never from hard-coded paths. Looks in
 * order at the TYPHON_PYTHON environment variable, {@code python3.14} and {@code python3.13} (or
 * {@code python3.N} for an exact version) on the PATH, then pyenv's versions under
 * {@code $(pyenv root)/versions}. Every candidate is run once to read its real version.
 *
 * <p>Tests skip when none is found:
 * <pre>{@code
 * Path python = Interpreters.cpython(13).orElse(null);
 * Assumptions.assumeTrue(python != null, "no CPython 3.13+ found");
 * }</pre>
 */
public final class Interpreters {

    /** A CPython and the (major, minor) it reported. */
    public record Interpreter(Path path, int major, int minor) {
    }

    private static final Map<Path, Optional<Interpreter>> PROBED = new ConcurrentHashMap<>();
    private static volatile List<Path> pyenvVersions;

    private Interpreters() {
    }

    /** A CPython 3.x with x &gt;= minMinor, preferring TYPHON_PYTHON, then the newest found. */
    public static Optional<Path> cpython(int minMinor) {
        return find(candidates(List.of("python3.14", "python3.13"), null), minMinor, Integer.MAX_VALUE);
    }

    /** A CPython 3.minor exactly. */
    public static Optional<Path> cpythonExactly(int minor) {
        return find(candidates(List.of("python3." + minor), "3." + minor), minor, minor);
    }

    /** CPython 3.11 exactly: the symtable oracle needs that version's scoping rules. */
    public static Optional<Path> cpython311() {
        return cpythonExactly(11);
    }

    /** Runs the interpreter to read its version; empty when it does not run or is no CPython 3. */
    public static Optional<Interpreter> probe(Path python) {
        return PROBED.computeIfAbsent(python.toAbsolutePath().normalize(), Interpreters::runProbe);
    }

    private static Optional<Path> find(List<Path> candidates, int minMinor, int maxMinor) {
        for (Path candidate : candidates) {
            Optional<Interpreter> found = probe(candidate);
            if (found.isPresent() && found.get().major() == 3
                    && found.get().minor() >= minMinor && found.get().minor() <= maxMinor) {
                return Optional.of(found.get().path());
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates(List<String> pathNames, String pyenvPrefix) {
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        String env = System.getenv("TYPHON_PYTHON");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env.strip()));
        }
        for (String name : pathNames) {
            onPath(name).ifPresent(out::add);
        }
        for (Path version : pyenvVersions()) {
            String name = version.getFileName().toString();
            boolean wanted = pyenvPrefix == null
                    ? name.startsWith("3.1")
                    : name.equals(pyenvPrefix) || name.startsWith(pyenvPrefix + ".");
            Path python = version.resolve("bin").resolve("python3");
            if (wanted && Files.isExecutable(python)) {
                out.add(python);
            }
        }
        return new ArrayList<>(out);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** pyenv's installed versions, newest first ("3.13.0" before "3.9.18"). */
    private static List<Path> pyenvVersions() {
        List<Path> cached = pyenvVersions;
        if (cached != null) {
            return cached;
        }
        List<Path> versions = new ArrayList<>();
        run(List.of("pyenv", "root")).ifPresent(root -> {
            Path dir = Path.of(root.strip(), "versions");
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    entries.forEach(versions::add);
                } catch (IOException e) {
                    // No readable versions directory: simply no pyenv interpreters.
                }
            }
        });
        versions.sort(Comparator.comparing((Path p) -> versionKey(p.getFileName().toString())).reversed());
        pyenvVersions = List.copyOf(versions);
        return pyenvVersions;
    }

    /** "3.13.0" → comparable numbers; names that are not versions sort first (lowest). */
    private static VersionKey versionKey(String name) {
        String[] parts = name.split("\\.");
        int[] numbers = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            int n = 0;
            String p = parts[i];
            int j = 0;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                n = n * 10 + (p.charAt(j++) - '0');
            }
            if (j == 0) {
                return new VersionKey(-1, 0, 0);
            }
            numbers[i] = n;
        }
        return new VersionKey(numbers[0], numbers[1], numbers[2]);
    }

    private record VersionKey(int major, int minor, int micro) implements Comparable<VersionKey> {
        @Override
        public int compareTo(VersionKey o) {
            return Comparator.comparingInt(VersionKey::major)
                    .thenComparingInt(VersionKey::minor)
                    .thenComparingInt(VersionKey::micro)
                    .compare(this, o);
        }
    }

    private static Optional<Interpreter> runProbe(Path python) {
        return run(List.of(python.toString(), "-c", "import sys; print(sys.version_info[:2])"))
                .flatMap(out -> parseVersionTuple(out.strip()))
                .map(v -> new Interpreter(python, v[0], v[1]));
    }

    /** "(3, 13)" → {3, 13}. */
    static Optional<int[]> parseVersionTuple(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return Optional.empty();
        }
        String[] parts = text.substring(1, text.length() - 1).split(",");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The stdout of a command that exits 0 within 30 s, else empty. */
    private static Optional<String> run(List<String> command) {
        Path out = null;
        try {
            // Output goes to a file so that a hung child cannot block us past the timeout.
            out = Files.createTempFile("typhon-probe", ".txt");
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(out.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0
                    ? Optional.of(Files.readString(out, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // A leftover temp file is harmless.
                }
            }
        }
    }
}
