package dev.typhon.semantic.api;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.infer.ParseCache;
import dev.typhon.semantic.infer.Program;
import dev.typhon.semantic.infer.StubCache;
import dev.typhon.semantic.resolve.DirectoryTree;
import dev.typhon.semantic.resolve.FileTree;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * What the snapshots of one workspace share, and how each gets its program: the typeshed and its
 * parsed stubs (the bundled typeshed's stubs are shared by every workspace of the JVM), and the
 * parsed trees and indexes of the workspace's files, kept while their bytes do not change.
 */
final class Engine {
    /** The bundled typeshed never changes: its parsed stubs serve every workspace. */
    private static final StubCache BUNDLED_STUBS = new StubCache();

    private final ParseCache parses = new ParseCache();
    private @Nullable Path typeshedFolder;
    private Typeshed typeshed;
    private StubCache stubs;

    Engine(WorkspaceSettings settings) throws IOException {
        useTypeshedOf(settings);
    }

    /** Loads the settings' typeshed when it is not the one in use. */
    synchronized void useTypeshedOf(WorkspaceSettings settings) throws IOException {
        if (typeshed != null && Objects.equals(typeshedFolder, settings.typeshed())) {
            return;
        }
        typeshedFolder = settings.typeshed();
        typeshed = typeshedFolder == null ? Typeshed.bundled() : Typeshed.fromDirectory(typeshedFolder);
        stubs = typeshedFolder == null ? BUNDLED_STUBS : new StubCache();
    }

    synchronized Typeshed typeshed() {
        return typeshed;
    }

    ParseCache parses() {
        return parses;
    }

    /**
     * The program of a snapshot: its resolver sees the snapshot's files through a {@link SnapshotTree}
     * per folder on disk, and files given by path are read from the snapshot.
     */
    synchronized Program program(WorkspaceSettings settings, java.util.List<Path> firstPartyRoots,
            SortedMap<Path, FileState> files, Set<Path> removed, Map<Path, DirectoryTree> diskTrees) {
        ModuleResolver resolver = new ModuleResolver(new ModuleResolver.Settings(settings.pythonVersion(),
                settings.extraPaths(), firstPartyRoots, typeshed, settings.sitePackages()),
                root -> treeOf(root, files, removed, diskTrees));
        return new Program(resolver, settings.pythonPlatform(), stubs, parses, path -> {
            FileState f = files.get(path);
            if (f != null) {
                return f.read();
            }
            if (removed.contains(path)) {
                throw new NoSuchFileException(path.toString());
            }
            return java.nio.file.Files.readAllBytes(path);
        });
    }

    private static FileTree treeOf(Path root, SortedMap<Path, FileState> files, Set<Path> removed,
            Map<Path, DirectoryTree> diskTrees) {
        Path r = root.toAbsolutePath().normalize();
        DirectoryTree disk;
        synchronized (diskTrees) {
            disk = diskTrees.computeIfAbsent(r, DirectoryTree::new);
        }
        Map<String, FileState> under = new HashMap<>();
        for (Map.Entry<Path, FileState> e : files.entrySet()) {
            String rel = relative(r, e.getKey());
            if (rel != null) {
                under.put(rel, e.getValue());
            }
        }
        Set<String> hidden = new HashSet<>();
        for (Path p : removed) {
            String rel = relative(r, p);
            if (rel != null) {
                hidden.add(rel);
            }
        }
        return new SnapshotTree(disk, under, hidden);
    }

    /** {@code file} relative to {@code root} with {@code /} separators, or null when it is not below it. */
    static @Nullable String relative(Path root, Path file) {
        if (!file.startsWith(root) || file.equals(root) || !file.getFileSystem().equals(root.getFileSystem())) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
