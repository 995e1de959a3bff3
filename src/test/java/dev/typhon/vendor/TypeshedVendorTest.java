package dev.typhon.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * typeshed-vendor/TypeshedVendor.java as the build runs it, with a fake npm: a missing npm and a
 * checksum mismatch stop it with a message saying what to do; the pin command rewrites the pin.
 */
class TypeshedVendorTest {

    @TempDir
    Path tmp;

    private Path vendor;

    private record Result(int status, String output) {}

    @BeforeEach
    void copyTheProgram() throws IOException {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"), "fake npm is a shell script");
        vendor = Files.createDirectories(tmp.resolve("typeshed-vendor"));
        Path source = Path.of("typeshed-vendor");
        Files.copy(source.resolve("TypeshedVendor.java"), vendor.resolve("TypeshedVendor.java"));
        Files.copy(source.resolve("pin.properties"), vendor.resolve("pin.properties"));
    }

    /** A folder holding an {@code npm} shell script with this body. */
    private Path fakeNpm(String body) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path npm = bin.resolve("npm");
        Files.writeString(npm, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Result run(Path pathDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                vendor.resolve("TypeshedVendor.java").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        pb.environment().put("PATH", pathDir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    @Test
    void missingNpmStopsWithAMessageSayingWhatToDo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty-path"));
        Result r = run(empty, "fetch", tmp.resolve("out").toString(), tmp.resolve("cache").toString());
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("cannot run npm"), r.output());
        assertTrue(r.output().contains("Install Node.js"), r.output());
        assertTrue(r.output().contains(tmp.resolve("cache").resolve("pyright-1.1.414.tgz").toString()), r.output());
        assertFalse(Files.exists(tmp.resolve("out/dev/typhon/typeshed/typeshed.properties")));
    }

    @Test
    void checksumMismatchStopsTheBuild() throws Exception {
        Path bin = fakeNpm("echo 'not the real tarball' > \"pyright-${2#*@}.tgz\""); // shell builtins only: PATH is just bin/
        Result r = run(bin, "fetch", tmp.resolve("out").toString(), tmp.resolve("cache").toString());
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("checksum mismatch for pyright@1.1.414"), r.output());
        assertTrue(r.output().contains("typeshed-vendor/update-pin"), r.output());
        assertTrue(Files.exists(tmp.resolve("cache/pyright-1.1.414.tgz.rejected")));
        assertFalse(Files.exists(tmp.resolve("cache/pyright-1.1.414.tgz")), "a bad tarball is never cached");
    }

    @Test
    void pinAsksNpmForTheIntegrityAndRewritesThePin() throws Exception {
        Path bin = fakeNpm("""
                if [ "$1 $2 $3" = "view pyright@9.9.9 dist.integrity" ]; then echo 'sha512-AAAA/BBB+CCC=='; exit 0; fi
                echo "unexpected: $*" >&2; exit 1""");
        Result r = run(bin, "pin", "9.9.9");
        assertEquals(0, r.status(), r.output());
        String pin = Files.readString(vendor.resolve("pin.properties"));
        assertTrue(pin.contains("\npyright.version=9.9.9\n"), pin);
        assertTrue(pin.contains("\npyright.integrity=sha512-AAAA/BBB+CCC==\n"), pin);
        assertTrue(pin.startsWith("#"), "the comments stay");
    }
}
