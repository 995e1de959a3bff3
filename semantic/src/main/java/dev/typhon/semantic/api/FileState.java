package dev.typhon.semantic.api;

import dev.typhon.ast.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One file of a snapshot: its bytes as the snapshot sees them (read from disk when the snapshot was
 * made, or an editor's unsaved text), and the revision at which they last changed. Never mutated:
 * the byte array never leaves the package.
 *
 * @param bytes the content; empty when it could not be read
 * @param readError why it could not be read, or null
 * @param unsaved true when the text came from an edit, not from disk
 * @param version the revision at which this file's content last changed (or it was added)
 */
record FileState(byte[] bytes, @Nullable String readError, boolean unsaved, int version) {

    static FileState fromDisk(Path file, int version) {
        try {
            return new FileState(Files.readAllBytes(file), null, false, version);
        } catch (NoSuchFileException e) {
            return new FileState(new byte[0], "no such file", false, version);
        } catch (IOException | SecurityException e) {
            return new FileState(new byte[0], e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    false, version);
        }
    }

    static FileState unsaved(String text, int version) {
        return new FileState(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, true, version);
    }

    /**
     * The bytes, or the read error as an exception (what the program's readers expect). Not a copy:
     * they go only to the parser, which decodes without writing, and to the parse cache, which keeps
     * them to compare (one copy of each file's bytes, however many snapshots share it).
     */
    byte[] read() throws IOException {
        if (readError != null) {
            throw new IOException(readError);
        }
        return bytes;
    }

    /** Whether the snapshot sees the same content (and the same failure to read) as {@code other}. */
    boolean sameContent(FileState other) {
        return Arrays.equals(bytes, other.bytes) && java.util.Objects.equals(readError, other.readError);
    }

    /** This content, marked as changed at {@code revision} unless it equals {@code before}'s. */
    FileState versionedAfter(@Nullable FileState before, int revision) {
        int v = before != null && before.sameContent(this) ? before.version() : revision;
        return new FileState(bytes, readError, unsaved, v);
    }
}
