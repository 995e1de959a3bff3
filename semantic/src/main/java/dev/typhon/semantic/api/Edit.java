package dev.typhon.semantic.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A change to a {@link Workspace}'s files. {@link Workspace#apply} applies a batch of them as one new
 * {@link Snapshot}; {@link Workspace#setText}, {@link Workspace#addFile(Path)} and the other edit
 * methods are shorthands for a batch of one.
 */
public sealed interface Edit {

    /** The file the edit is about. */
    Path file();

    /**
     * Sets a file's text as an editor holds it, not yet saved to disk; adds the file to the workspace
     * when it is not in it yet. Modules importing it see the new text.
     *
     * @param file the file
     * @param text its whole new text
     */
    record SetText(Path file, String text) implements Edit {
        /** Checks that both components are present. */
        public SetText {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Adds a file, or takes it again, as it is on disk now (dropping any unsaved text it had).
     *
     * @param file the file
     */
    record ReadFromDisk(Path file) implements Edit {
        /** Checks that the file is present. */
        public ReadFromDisk {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * Removes a file from the workspace: it is no longer checked, and imports no longer find it
     * (whether or not it is still on disk).
     *
     * @param file the file
     */
    record Remove(Path file) implements Edit {
        /** Checks that the file is present. */
        public Remove {
            Objects.requireNonNull(file, "file");
        }
    }
}
