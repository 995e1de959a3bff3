package dev.typhon.semantic.api;

import dev.typhon.semantic.diagnostics.SourceRange;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A reference to a syntax node (an expression, a name) of one version of a file: an immutable value,
 * safe to keep. It stays usable while its file keeps the content it had: {@link Workspace#typeOf(NodeRef)}
 * answers for the current snapshot as long as the file is unchanged since, and throws
 * {@link StaleSnapshotException} once it has changed; the {@link Snapshot} it came from answers for it
 * for as long as it is kept.
 *
 * @param file the file, absolute
 * @param revision the revision of the snapshot that handed it out
 * @param fileVersion the revision at which the file last changed before that snapshot
 * @param range where the node is
 * @param nodeKind the node's syntax kind ({@code Name}, {@code Attribute}, {@code Call}, ...)
 */
public record NodeRef(Path file, int revision, int fileVersion, SourceRange range, String nodeKind) {
    /** Checks that the file, range and kind are present. */
    public NodeRef {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(nodeKind, "nodeKind");
    }
}
