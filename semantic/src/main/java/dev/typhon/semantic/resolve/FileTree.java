package dev.typhon.semantic.resolve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the files under one search-path root, whether a folder on disk
 * ({@link DirectoryTree}) or a tree of class-path resources such as the bundled typeshed
 * ({@link ResourceTree}). The resolver sees files only through this interface.
 *
 * <p>Paths are relative to the root, separated by {@code /}; the root itself is {@code ""}. Names
 * match exactly (case-sensitively), as Python's import system requires, whatever the file system.
 */
public interface FileTree {

    /** True if {@code rel} names a regular file. */
    boolean isFile(String rel);

    /** True if {@code rel} names a folder ({@code ""}: whether the root exists at all). */
    boolean isDirectory(String rel);

    /** The names directly inside folder {@code rel}, sorted; empty when it is not a folder. */
    List<String> list(String rel);

    /** The bytes of file {@code rel}. */
    byte[] read(String rel) throws IOException;

    /** How to show {@code rel} to a user: a file-system path, or a {@code vendored://} name. */
    String displayPath(String rel);

    /** The file-system path of {@code rel}, when the tree is on disk. */
    Optional<Path> toPath(String rel);

    /**
     * Forgets what the tree cached about {@code rel}, what is under it, and its ancestor folders
     * (a file was added, removed or changed there). Trees that cache nothing ignore it.
     */
    default void invalidate(String rel) {
    }

    /** The tree rooted at folder {@code rel} of this one. */
    default FileTree subtree(String rel) {
        return rel.isEmpty() ? this : new SubTree(this, rel);
    }

    /** Joins a folder and a name with {@code /}, treating {@code ""} as the root. */
    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    /** A view of a folder of another tree as a tree of its own. */
    record SubTree(FileTree parent, String prefix) implements FileTree {
        private String full(String rel) {
            return join(prefix, rel);
        }

        @Override
        public boolean isFile(String rel) {
            return parent.isFile(full(rel));
        }

        @Override
        public boolean isDirectory(String rel) {
            return parent.isDirectory(rel.isEmpty() ? prefix : full(rel));
        }

        @Override
        public List<String> list(String rel) {
            return parent.list(rel.isEmpty() ? prefix : full(rel));
        }

        @Override
        public byte[] read(String rel) throws IOException {
            return parent.read(full(rel));
        }

        @Override
        public String displayPath(String rel) {
            return parent.displayPath(rel.isEmpty() ? prefix : full(rel));
        }

        @Override
        public Optional<Path> toPath(String rel) {
            return parent.toPath(rel.isEmpty() ? prefix : full(rel));
        }

        @Override
        public void invalidate(String rel) {
            parent.invalidate(rel.isEmpty() ? prefix : full(rel));
        }

        @Override
        public FileTree subtree(String rel) {
            return rel.isEmpty() ? this : new SubTree(parent, full(rel));
        }
    }
}
