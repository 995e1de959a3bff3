import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Brings the pinned typeshed into the build. Run by Maven (generate-resources) as a single-file
 * Java program, so it needs nothing but the JDK that runs Maven and npm:
 *
 * <pre>
 *   java typeshed-vendor/TypeshedVendor.java fetch OUT_DIR [CACHE_DIR [CLASSES_DIR]]   (the build does this)
 *   java typeshed-vendor/TypeshedVendor.java pin [VERSION]               (typeshed-vendor/update-pin)
 * </pre>
 *
 * {@code fetch} gets {@code pyright-VERSION.tgz} with {@code npm pack} into the cache (once),
 * checks its sha512 against pin.properties, and unpacks {@code package/dist/typeshed-fallback/}
 * to {@code OUT_DIR/dev/typhon/typeshed/<typeshed commit>/}, with an index of its files and a
 * {@code typeshed.properties} pointer that the library reads at run time.
 */
public final class TypeshedVendor {

    static final String PACKAGE = "pyright";
    static final String TARBALL_PREFIX = "package/dist/typeshed-fallback/";
    static final String RESOURCE_BASE = "dev/typhon/typeshed/";
    static final String INDEX = "files.txt";

    public static void main(String[] args) {
        try {
            if (args.length >= 2 && args[0].equals("fetch")) {
                Path vendorDir = vendorDir();
                Path cache = args.length >= 3 ? Path.of(args[2]) : vendorDir.resolve(".cache");
                fetch(vendorDir.resolve("pin.properties"), Path.of(args[1]), cache);
                if (args.length >= 4) {
                    pruneStaleCopies(Path.of(args[1]), Path.of(args[3]));
                }
            } else if (args.length >= 1 && args[0].equals("pin")) {
                pin(vendorDir().resolve("pin.properties"), args.length >= 2 ? args[1] : null);
            } else {
                System.err.println("usage: TypeshedVendor fetch OUT_DIR [CACHE_DIR [CLASSES_DIR]] | pin [VERSION]");
                System.exit(2);
            }
        } catch (Failure f) {
            System.err.println();
            System.err.println("typeshed-vendor: " + f.getMessage());
            System.err.println();
            System.exit(1);
        } catch (IOException e) {
            System.err.println("typeshed-vendor: I/O error: " + e);
            System.exit(1);
        }
    }

    /** A failure with a message telling the user what to do; the build stops with it. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** typeshed-vendor/, wherever the program is run from (its source file's folder). */
    static Path vendorDir() {
        String source = System.getProperty("jdk.launcher.sourcefile");
        if (source == null) {
            // Older source launchers: "…SourceLauncher /path/TypeshedVendor.java args…".
            String[] command = System.getProperty("sun.java.command", "").split(" ");
            if (command.length >= 2 && command[1].endsWith(".java")) {
                source = command[1];
            }
        }
        if (source != null) {
            return Path.of(source).toAbsolutePath().getParent();
        }
        return Path.of("typeshed-vendor").toAbsolutePath();
    }

    // ---------------------------------------------------------------------------------- fetch

    static void fetch(Path pinFile, Path outDir, Path cacheDir) throws IOException, Failure {
        Properties pin = load(pinFile);
        String version = required(pin, "pyright.version", pinFile);
        String integrity = required(pin, "pyright.integrity", pinFile);

        Path pointer = outDir.resolve(RESOURCE_BASE + "typeshed.properties");
        if (Files.isRegularFile(pointer)) {
            Properties current = load(pointer);
            if (integrity.equals(current.getProperty("pyright.integrity"))
                    && Files.isRegularFile(outDir.resolve(current.getProperty("root", "-") + INDEX))) {
                return; // already unpacked from this very tarball
            }
        }

        Path tarball = cacheDir.resolve(PACKAGE + "-" + version + ".tgz");
        byte[] bytes = null;
        if (Files.isRegularFile(tarball)) {
            bytes = Files.readAllBytes(tarball);
            if (!integrity.equals(sri(bytes))) {
                System.err.println("typeshed-vendor: cached " + tarball + " does not match the pin; fetching it again");
                bytes = null;
            }
        }
        if (bytes == null) {
            bytes = npmPack(version, cacheDir, tarball);
            String actual = sri(bytes);
            if (!integrity.equals(actual)) {
                Files.move(tarball, tarball.resolveSibling(tarball.getFileName() + ".rejected"), StandardCopyOption.REPLACE_EXISTING);
                throw new Failure("checksum mismatch for " + PACKAGE + "@" + version + ":\n"
                        + "  pinned in " + pinFile + ": " + integrity + "\n"
                        + "  npm pack delivered:   " + actual + " (kept at " + tarball + ".rejected)\n"
                        + "The tarball is not the one the pin was made from. If you meant to move the pin, run\n"
                        + "  typeshed-vendor/update-pin " + version + "\n"
                        + "Otherwise check which registry npm uses (`npm config get registry`): it serves a different file.");
            }
        }
        unpack(bytes, version, integrity, outDir);
    }

    /**
     * Deletes typeshed copies in the class output folder ({@code target/classes}) that the current
     * unpack no longer has: Maven copies resources but never removes them.
     */
    static void pruneStaleCopies(Path outDir, Path classesDir) throws IOException {
        Path copies = classesDir.resolve(RESOURCE_BASE);
        if (!Files.isDirectory(copies)) {
            return;
        }
        try (Stream<Path> children = Files.list(copies)) {
            for (Path child : children.toList()) {
                if (Files.isDirectory(child) && !Files.isDirectory(outDir.resolve(RESOURCE_BASE).resolve(child.getFileName().toString()))) {
                    System.err.println("typeshed-vendor: removing the stale " + child);
                    deleteTree(child);
                }
            }
        }
    }

    /** Runs {@code npm pack PACKAGE@VERSION} in a scratch folder and moves the tarball into the cache. */
    static byte[] npmPack(String version, Path cacheDir, Path tarball) throws IOException, Failure {
        Files.createDirectories(cacheDir);
        Path scratch = Files.createTempDirectory(cacheDir, "npm-pack-");
        try {
            String npm = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
            List<String> command = List.of(npm, "pack", PACKAGE + "@" + version, "--silent");
            System.err.println("typeshed-vendor: fetching " + PACKAGE + "@" + version + " with `npm pack` into " + cacheDir);
            Process process;
            try {
                process = new ProcessBuilder(command).directory(scratch.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
            } catch (IOException e) {
                throw new Failure("cannot run npm (" + e.getMessage() + ").\n"
                        + "The build gets typeshed from the npm package " + PACKAGE + "@" + version + " and needs npm for that once.\n"
                        + "Install Node.js (it brings npm) and build again, or put the tarball there yourself:\n"
                        + "  " + tarball + "\n"
                        + "(for example `npm pack " + PACKAGE + "@" + version + "` on a machine with npm, then copy the .tgz).");
            }
            boolean done;
            try {
                done = process.waitFor(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new Failure("interrupted while running npm pack");
            }
            if (!done) {
                process.destroyForcibly();
                throw new Failure("`npm pack " + PACKAGE + "@" + version + "` did not finish in 10 minutes: check the network and npm's registry settings, then build again.");
            }
            Path produced = scratch.resolve(PACKAGE + "-" + version + ".tgz");
            if (process.exitValue() != 0 || !Files.isRegularFile(produced)) {
                throw new Failure("`npm pack " + PACKAGE + "@" + version + "` failed (exit status " + process.exitValue() + ", see npm's messages above).\n"
                        + "Check the network and npm's registry settings, then build again; or put the tarball at\n  " + tarball);
            }
            byte[] bytes = Files.readAllBytes(produced);
            return moveIntoCache(produced, tarball, bytes);
        } finally {
            deleteTree(scratch);
        }
    }

    private static byte[] moveIntoCache(Path produced, Path tarball, byte[] bytes) throws IOException {
        try {
            Files.move(produced, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(produced, tarball, StandardCopyOption.REPLACE_EXISTING);
        }
        return bytes;
    }

    /** The npm "integrity" string (Subresource Integrity form) of some bytes. */
    static String sri(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }

    /** Writes the typeshed part of the tarball under OUT_DIR, replacing whatever was there. */
    static void unpack(byte[] tgz, String version, String integrity, Path outDir) throws IOException, Failure {
        Path base = outDir.resolve(RESOURCE_BASE);
        deleteTree(base);
        Path staging = outDir.resolve(RESOURCE_BASE + ".staging");
        List<String> files = new ArrayList<>();
        String commit = null;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
            for (TarEntry entry : TarReader.entries(in)) {
                if (!entry.isFile() || !entry.name().startsWith(TARBALL_PREFIX)) {
                    continue;
                }
                String relative = entry.name().substring(TARBALL_PREFIX.length());
                if (relative.isEmpty() || relative.contains("..") || relative.startsWith("/")) {
                    continue;
                }
                Path target = staging.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.write(target, entry.content());
                files.add(relative);
                if (relative.equals("commit.txt")) {
                    commit = new String(entry.content(), StandardCharsets.UTF_8).strip();
                }
            }
        }
        if (commit == null || !commit.matches("[0-9a-f]{40}") || files.stream().noneMatch(f -> f.equals("stdlib/VERSIONS"))) {
            deleteTree(staging);
            throw new Failure(PACKAGE + "@" + version + " has no typeshed under " + TARBALL_PREFIX
                    + " (commit.txt or stdlib/VERSIONS missing). Pin a release that ships typeshed-fallback.");
        }
        files.sort(Comparator.naturalOrder());
        Files.write(staging.resolve(INDEX), files, StandardCharsets.UTF_8);
        Path root = base.resolve(commit);
        Files.createDirectories(base);
        Files.move(staging, root);
        // Written by hand rather than with Properties.store, which adds a timestamp: the jar stays reproducible.
        String pointer = "# typeshed bundled from " + PACKAGE + "@" + version + " (written by typeshed-vendor/TypeshedVendor.java)\n"
                + "pyright.version=" + version + "\n"
                + "pyright.integrity=" + integrity + "\n"
                + "commit=" + commit + "\n"
                + "root=" + RESOURCE_BASE + commit + "/\n"
                + "files=" + files.size() + "\n";
        Files.writeString(base.resolve("typeshed.properties"), pointer, StandardCharsets.UTF_8);
        System.err.println("typeshed-vendor: typeshed " + commit + " from " + PACKAGE + "@" + version + ": " + files.size() + " files");
    }

    // ------------------------------------------------------------------------------------ pin

    /** Moves the pin to VERSION (or the newest release): asks npm for its integrity. */
    static void pin(Path pinFile, String requested) throws IOException, Failure {
        String version = requested != null ? requested : npmView(PACKAGE + "@latest", "version");
        if (!version.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            throw new Failure("'" + version + "' is not a release version like 1.1.414");
        }
        String integrity = npmView(PACKAGE + "@" + version, "dist.integrity");
        if (!integrity.startsWith("sha512-")) {
            throw new Failure("npm returned no sha512 integrity for " + PACKAGE + "@" + version + ": '" + integrity + "'");
        }
        String text = Files.readString(pinFile, StandardCharsets.UTF_8)
                .replaceAll("(?m)^pyright\\.version=.*$", "pyright.version=" + version)
                .replaceAll("(?m)^pyright\\.integrity=.*$", "pyright.integrity=" + integrity.replace("$", "\\$"));
        Files.writeString(pinFile, text, StandardCharsets.UTF_8);
        System.out.println("typeshed-vendor: pinned " + PACKAGE + "@" + version + " (" + integrity + ") in " + pinFile);
        System.out.println("typeshed-vendor: the next build fetches it; run the tests (mvn verify) and commit " + pinFile.getFileName());
    }

    static String npmView(String spec, String field) throws IOException, Failure {
        String npm = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
        Process process;
        try {
            process = new ProcessBuilder(npm, "view", spec, field).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new Failure("cannot run npm (" + e.getMessage() + "): install Node.js (it brings npm) and try again.");
        }
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        try {
            if (process.waitFor() != 0 || out.isEmpty()) {
                throw new Failure("`npm view " + spec + " " + field + "` failed: does that version exist?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        return out;
    }

    // ---------------------------------------------------------------------------------- helpers

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static String required(Properties p, String key, Path file) throws Failure {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new Failure(file + " has no " + key + "; restore it with typeshed-vendor/update-pin");
        }
        return v.strip();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    record TarEntry(String name, char type, byte[] content) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    /** A minimal reader for the ustar/pax tarballs npm produces (long names: prefix field, pax, GNU). */
    static final class TarReader {
        static List<TarEntry> entries(InputStream in) throws IOException {
            List<TarEntry> result = new ArrayList<>();
            byte[] header = new byte[512];
            String longName = null;
            while (readFully(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = string(header, 0, 100);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                if (string(header, 257, 6).startsWith("ustar")) {
                    String prefix = string(header, 345, 155);
                    if (!prefix.isEmpty()) {
                        name = prefix + "/" + name;
                    }
                }
                byte[] content = readContent(in, size);
                switch (type) {
                    case 'x' -> longName = paxPath(content, longName);
                    case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                    case 'g' -> { /* global pax header: nothing we need */ }
                    default -> {
                        result.add(new TarEntry(longName != null ? longName : name, type, content));
                        longName = null;
                    }
                }
            }
            return result;
        }

        private static String paxPath(byte[] content, String fallback) {
            String text = new String(content, StandardCharsets.UTF_8);
            for (String record : text.split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    return record.substring(space + 1 + "path=".length());
                }
            }
            return fallback;
        }

        private static byte[] readContent(InputStream in, long size) throws IOException {
            if (size > Integer.MAX_VALUE - 1024) {
                throw new IOException("tar entry too large: " + size);
            }
            byte[] content = new byte[(int) size];
            if (!readFully(in, content)) {
                throw new IOException("truncated tarball");
            }
            long padding = (512 - size % 512) % 512;
            in.skipNBytes(padding);
            return content;
        }

        private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n == 0 && buffer.length > 0) {
                return false;
            }
            if (n < buffer.length) {
                throw new IOException("truncated tarball");
            }
            return true;
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private static String string(byte[] b, int offset, int length) {
            int end = offset;
            while (end < offset + length && b[end] != 0) {
                end++;
            }
            return new String(b, offset, end - offset, StandardCharsets.UTF_8);
        }

        private static long octal(byte[] b, int offset, int length) {
            String s = string(b, offset, length).strip();
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        }
    }
}
