package dev.typhon.mdtest;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A test's fresh file system (§5): in memory and case-sensitive by default, a real temporary folder
 * for {@code system = "os"}. Virtual absolute paths ({@code /src/a.py}, {@code /typeshed/stdlib/...})
 * map below {@link #root()}. Closing it deletes everything.
 */
public final class TestFileSystem implements AutoCloseable {

    private final FileSystem memory;
    private final Path root;

    private TestFileSystem(FileSystem memory, Path root) {
        this.memory = memory;
        this.root = root;
    }

    /** A new, empty, case-sensitive in-memory file system. */
    public static TestFileSystem inMemory() {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setWorkingDirectory("/").build());
        return new TestFileSystem(fs, fs.getPath("/"));
    }

    /** A new, empty temporary folder on the real file system. */
    public static TestFileSystem temporary() throws IOException {
        return new TestFileSystem(null, Files.createTempDirectory("typhon-mdtest-").toRealPath());
    }

    /** The root the virtual {@code /} stands for. */
    public Path root() {
        return root;
    }

    /** True for a real temporary folder, false for the in-memory file system. */
    public boolean isOs() {
        return memory == null;
    }

    /**
     * The path of a virtual absolute path ({@code /src/a.py}); a relative one is taken from the root.
     *
     * @throws IllegalArgumentException when the path leaves the root ({@code /../x})
     */
    public Path path(String virtual) {
        String relative = virtual;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        Path p = relative.isEmpty() ? root : root.resolve(relative).normalize();
        if (!p.startsWith(root) || relative.startsWith("..")) {
            throw new IllegalArgumentException("`" + virtual + "` is outside the test's file system");
        }
        return p;
    }

    /** The text of a virtual path as the checker's file system spells it: itself in memory, under the root on disk. */
    public String hostPath(String virtual) {
        return isOs() ? path(virtual).toString() : virtual;
    }

    @Override
    public void close() throws IOException {
        if (memory != null) {
            memory.close();
            return;
        }
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
