package dev.typhon.semantic.api;

import dev.typhon.semantic.resolve.FileTree;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A search-path folder as one snapshot sees it: the workspace's files under it with the snapshot's
 * content (unsaved text included, files added but not saved present, removed files absent), and the
 * rest of the folder as it is on disk. What the resolver finds therefore follows the snapshot's edits.
 * Immutable apart from the disk tree's listing cache, which a snapshot shares only with snapshots
 * that have the same set of files.
 */
final class SnapshotTree implements FileTree {
    private final FileTree disk;
    private final Map<String, FileState> files;
    private final Set<String> removed;
    /** The folders that hold a workspace file (so an unsaved file's new folder exists). */
    private final Set<String> folders;

    SnapshotTree(FileTree disk, Map<String, FileState> files, Set<String> removed) {
        this.disk = disk;
        this.files = Map.copyOf(files);
        this.removed = Set.copyOf(removed);
        Set<String> dirs = new java.util.HashSet<>();
        for (String rel : files.keySet()) {
            for (int slash = rel.lastIndexOf('/'); slash > 0; slash = rel.lastIndexOf('/', slash - 1)) {
                dirs.add(rel.substring(0, slash));
            }
        }
        this.folders = Set.copyOf(dirs);
    }

    @Override
    public boolean isFile(String rel) {
        return files.containsKey(rel) || (!removed.contains(rel) && disk.isFile(rel));
    }

    @Override
    public boolean isDirectory(String rel) {
        return folders.contains(rel) || disk.isDirectory(rel);
    }

    @Override
    public List<String> list(String rel) {
        TreeSet<String> names = new TreeSet<>();
        String prefix = rel.isEmpty() ? "" : rel + "/";
        for (String name : disk.list(rel)) {
            if (!removed.contains(prefix + name)) {
                names.add(name);
            }
        }
        for (String f : files.keySet()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                int slash = rest.indexOf('/');
                names.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return List.copyOf(names);
    }

    @Override
    public byte[] read(String rel) throws IOException {
        FileState f = files.get(rel);
        if (f != null) {
            return f.read();
        }
        if (removed.contains(rel)) {
            throw new NoSuchFileException(displayPath(rel));
        }
        return disk.read(rel);
    }

    @Override
    public String displayPath(String rel) {
        return disk.displayPath(rel);
    }

    @Override
    public Optional<Path> toPath(String rel) {
        return disk.toPath(rel);
    }
}
