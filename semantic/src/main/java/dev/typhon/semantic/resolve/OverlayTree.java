package dev.typhon.semantic.resolve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A tree with a few files added on top of another: Typhon's own stubs ({@code ty_extensions}) over the
 * bundled typeshed. A file of the overlay wins over one of the base, except {@code stdlib/VERSIONS},
 * whose lines are the base's followed by the overlay's.
 */
final class OverlayTree implements FileTree {
    private static final String VERSIONS = "stdlib/VERSIONS";
    private final FileTree base;
    private final FileTree overlay;

    OverlayTree(FileTree base, FileTree overlay) {
        this.base = base;
        this.overlay = overlay;
    }

    @Override
    public boolean isFile(String rel) {
        return overlay.isFile(rel) || base.isFile(rel);
    }

    @Override
    public boolean isDirectory(String rel) {
        return overlay.isDirectory(rel) || base.isDirectory(rel);
    }

    @Override
    public List<String> list(String rel) {
        TreeSet<String> names = new TreeSet<>(base.list(rel));
        names.addAll(overlay.list(rel));
        return List.copyOf(names);
    }

    @Override
    public byte[] read(String rel) throws IOException {
        if (rel.equals(VERSIONS) && overlay.isFile(rel) && base.isFile(rel)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(base.read(rel));
            out.write('\n');
            out.write(overlay.read(rel));
            return out.toByteArray();
        }
        return overlay.isFile(rel) ? overlay.read(rel) : base.read(rel);
    }

    @Override
    public String displayPath(String rel) {
        return overlay.isFile(rel) ? overlay.displayPath(rel) : base.displayPath(rel);
    }

    @Override
    public Optional<Path> toPath(String rel) {
        return overlay.isFile(rel) ? overlay.toPath(rel) : base.toPath(rel);
    }
}
