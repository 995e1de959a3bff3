package dev.typhon.semantic.api;

import java.nio.file.Path;

/**
 * A {@link NodeRef} was used after its file changed: the node it names may no longer be where it
 * was, or no longer exist. Ask the {@link Snapshot} it came from, or ask again at an offset of the
 * current text.
 */
public final class StaleSnapshotException extends RuntimeException {
    private final Path file;
    private final int refRevision;
    private final int currentRevision;

    StaleSnapshotException(Path file, int refRevision, int changedAt, int currentRevision) {
        super(file + " changed at revision " + changedAt + ", after revision " + refRevision
                + " that the reference came from; the workspace is at revision " + currentRevision);
        this.file = file;
        this.refRevision = refRevision;
        this.currentRevision = currentRevision;
    }

    /** The file whose reference is stale. */
    public Path file() {
        return file;
    }

    /** The revision the reference came from. */
    public int refRevision() {
        return refRevision;
    }

    /** The revision of the snapshot that was asked. */
    public int currentRevision() {
        return currentRevision;
    }
}
