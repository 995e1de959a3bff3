package dev.typhon.semantic.api;

import dev.typhon.semantic.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's front door: a set of Python files analysed together under one {@link WorkspaceSettings}.
 *
 * <p>A workspace holds its current {@link Snapshot}; the queries here ({@link #check()},
 * {@link #typeAt}, {@link #definitionsAt}, ...) ask it. Edits ({@link #setText}, {@link #addFile},
 * {@link #removeFile}, {@link #refresh}, {@link #apply}) make a new snapshot and make it current;
 * queries already running on the old one finish on it, undisturbed. An edit keeps what it can: the
 * parsed trees and indexes of unchanged files, the bundled typeshed's parsed stubs, and the
 * diagnostics of every file whose imports reach nothing the edit changed.
 *
 * <p>Thread-safe: any number of threads may query while one edits (edits are applied one at a time).
 */
public final class Workspace {
    private final Engine engine;
    private final Object editLock = new Object();
    private volatile Snapshot current;

    private Workspace(Engine engine, Snapshot first) {
        this.engine = engine;
        this.current = first;
    }

    /**
     * A workspace over the given files (each a {@code .py} or {@code .pyi} file), read from disk now. A
     * file that cannot be read is still part of it: checking it reports why.
     *
     * @throws IOException when the settings' typeshed folder cannot be read
     */
    public static Workspace create(WorkspaceSettings settings, Collection<Path> files) throws IOException {
        Engine engine = new Engine(settings);
        TreeMap<Path, FileState> states = new TreeMap<>();
        for (Path f : files) {
            Path p = Snapshot.normalize(f);
            states.put(p, FileState.fromDisk(p, 0));
        }
        return new Workspace(engine, new Snapshot(0, settings, states, Set.of(), new ConcurrentHashMap<>(), engine));
    }

    /** The current snapshot: keep it to go on asking about this revision while the workspace changes. */
    public Snapshot snapshot() {
        return current;
    }

    /** The current revision (see {@link Snapshot#revision()}). */
    public int revision() {
        return current.revision();
    }

    /** The current settings. */
    public WorkspaceSettings settings() {
        return current.settings();
    }

    /** The files of the workspace, absolute and sorted. */
    public List<Path> files() {
        return current.files();
    }

    /** How many workspace files were parsed so far (unchanged files are not parsed again): for tests of reuse. */
    long parses() {
        return engine.parses().parses();
    }

    // ---------------------------------------------------------------------------------- queries

    /** The diagnostics of one file in the current snapshot: see {@link Snapshot#check(Path)}. */
    public List<Diagnostic> check(Path file) {
        return current.check(file);
    }

    /** The diagnostics of every file in the current snapshot: see {@link Snapshot#check()}. */
    public List<Diagnostic> check() {
        return current.check();
    }

    /** The type at an offset in the current snapshot: see {@link Snapshot#typeAt}. */
    public Optional<TypeInfo> typeAt(Path file, int offset) {
        return current.typeAt(file, offset);
    }

    /** The definitions of what is at an offset in the current snapshot: see {@link Snapshot#definitionsAt}. */
    public List<DefinitionInfo> definitionsAt(Path file, int offset) {
        return current.definitionsAt(file, offset);
    }

    /** The hover text at an offset in the current snapshot: see {@link Snapshot#hoverAt}. */
    public Optional<HoverInfo> hoverAt(Path file, int offset) {
        return current.hoverAt(file, offset);
    }

    /**
     * The type of a node a query handed out earlier, in the current snapshot.
     *
     * @throws StaleSnapshotException when the node's file changed since the reference was made
     */
    public Optional<TypeInfo> typeOf(NodeRef ref) {
        return current.typeOf(ref);
    }

    // ------------------------------------------------------------------------------------ edits

    /** Sets a file's unsaved text (adding the file if needed): see {@link Edit.SetText}. */
    public Snapshot setText(Path file, String text) {
        return apply(List.of(new Edit.SetText(file, text)));
    }

    /** Adds a file with text that is not on disk: the same as {@link #setText}. */
    public Snapshot addFile(Path file, String text) {
        return setText(file, text);
    }

    /** Adds a file as it is on disk, or re-reads it (dropping its unsaved text): see {@link Edit.ReadFromDisk}. */
    public Snapshot addFile(Path file) {
        return apply(List.of(new Edit.ReadFromDisk(file)));
    }

    /** Removes a file: see {@link Edit.Remove}. */
    public Snapshot removeFile(Path file) {
        return apply(List.of(new Edit.Remove(file)));
    }

    /**
     * Applies edits, in order, as one new snapshot, makes it current and returns it. Diagnostics of
     * files that depend on nothing the edits changed are carried over to it.
     */
    public Snapshot apply(List<? extends Edit> edits) {
        synchronized (editLock) {
            Snapshot prev = current;
            int revision = prev.revision() + 1;
            TreeMap<Path, FileState> files = new TreeMap<>(prev.fileStates());
            Set<Path> removed = new java.util.HashSet<>(prev.removed());
            Set<Path> changed = new java.util.HashSet<>();
            boolean setChanged = false;
            for (Edit e : edits) {
                Path p = Snapshot.normalize(e.file());
                FileState before = files.get(p);
                FileState after = switch (e) {
                    case Edit.SetText t -> FileState.unsaved(t.text(), revision);
                    case Edit.ReadFromDisk r -> FileState.fromDisk(p, revision);
                    case Edit.Remove r -> null;
                };
                if (after == null) {
                    if (files.remove(p) != null) {
                        setChanged = true;
                        changed.add(p);
                    }
                    removed.add(p);
                    continue;
                }
                after = after.versionedAfter(before, revision);
                setChanged |= before == null;
                removed.remove(p);
                files.put(p, after);
                if (before == null || after.version() == revision) {
                    changed.add(p);
                }
            }
            // Listings of folders are read again when files come or go, so the new snapshot sees the
            // folders they made or emptied; a snapshot that only changes text shares the old ones.
            Map<Path, dev.typhon.semantic.resolve.DirectoryTree> disk = setChanged ? new ConcurrentHashMap<>()
                    : prev.diskTrees();
            Snapshot next = new Snapshot(revision, prev.settings(), files, removed, disk, engine);
            Map<Path, List<Diagnostic>> done = prev.finishedResults();
            done.keySet().removeIf(p -> !files.containsKey(p));
            if (!next.firstPartyRoots().equals(prev.firstPartyRoots())) {
                done.clear(); // a src/ folder came or went: every module name may have changed
            }
            if (!done.isEmpty()) {
                Set<Path> keep;
                try {
                    keep = Dependencies.unaffected(next, engine.typeshed(), done.keySet(), changed);
                } catch (RuntimeException e) {
                    keep = Set.of(); // reusing is an optimization: when unsure, recompute
                }
                for (Path p : keep) {
                    next.inherit(p, done.get(p));
                }
            }
            current = next;
            return next;
        }
    }

    /**
     * Reads every file again from disk (except those with unsaved text) and forgets the folder listings
     * read so far, as after files changed on disk behind the workspace's back. Nothing is carried over.
     */
    public Snapshot refresh() {
        synchronized (editLock) {
            Snapshot prev = current;
            int revision = prev.revision() + 1;
            TreeMap<Path, FileState> files = new TreeMap<>();
            prev.fileStates().forEach((p, f) -> files.put(p,
                    f.unsaved() ? f : FileState.fromDisk(p, revision).versionedAfter(f, revision)));
            current = new Snapshot(revision, prev.settings(), files, prev.removed(), new ConcurrentHashMap<>(), engine);
            return current;
        }
    }

    /**
     * Analyses with other settings from now on (a new snapshot; nothing is carried over).
     *
     * @throws IOException when the new settings' typeshed folder cannot be read
     */
    public Snapshot changeSettings(WorkspaceSettings settings) throws IOException {
        synchronized (editLock) {
            engine.useTypeshedOf(settings);
            Snapshot prev = current;
            current = new Snapshot(prev.revision() + 1, settings, new TreeMap<>(prev.fileStates()), prev.removed(),
                    new ConcurrentHashMap<>(), engine);
            return current;
        }
    }
}
