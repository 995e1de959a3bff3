package dev.typhon.semantic.api;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.FileChecker;
import dev.typhon.semantic.diagnostics.Severity;
import dev.typhon.semantic.infer.Program;
import dev.typhon.semantic.infer.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One immutable state of a {@link Workspace}: its settings, its files with their content (unsaved
 * text included), and the program that analyses them. Edits never change a snapshot; they make the
 * workspace's next one. A snapshot keeps answering for its own revision for as long as it is kept,
 * from any number of threads at once; what it computes it computes once.
 */
public final class Snapshot {
    private final int revision;
    private final WorkspaceSettings settings;
    private final SortedMap<Path, FileState> files;
    private final Set<Path> removed;
    private final Program program;
    private final Map<Path, dev.typhon.semantic.resolve.DirectoryTree> diskTrees;
    private final List<Path> firstPartyRoots;
    private final ConcurrentHashMap<Path, FutureTask<List<Diagnostic>>> results = new ConcurrentHashMap<>();
    private final AtomicInteger checks = new AtomicInteger();
    private final Queries queries;

    Snapshot(int revision, WorkspaceSettings settings, SortedMap<Path, FileState> files, Set<Path> removed,
            Map<Path, dev.typhon.semantic.resolve.DirectoryTree> diskTrees, Engine engine) {
        this.revision = revision;
        this.settings = settings;
        this.files = Collections.unmodifiableSortedMap(files);
        this.removed = Set.copyOf(removed);
        this.diskTrees = diskTrees;
        // the project root, and its src/ folder when there is one (read now: a snapshot does not change)
        this.firstPartyRoots = dev.typhon.semantic.resolve.ModuleResolver.firstPartyRoots(settings.projectRoot());
        this.program = engine.program(settings, firstPartyRoots, this.files, this.removed, diskTrees);
        this.queries = new Queries(this);
    }

    /** The revision: 0 for a new workspace, one more for each snapshot an edit makes. */
    public int revision() {
        return revision;
    }

    /** The settings the snapshot analyses with. */
    public WorkspaceSettings settings() {
        return settings;
    }

    /** The files of the snapshot, absolute and sorted. */
    public List<Path> files() {
        return List.copyOf(files.keySet());
    }

    /** Whether the file is one of the snapshot's. */
    public boolean contains(Path file) {
        return files.containsKey(normalize(file));
    }

    /**
     * A file's text as this snapshot analyses it (decoded as the parser decodes: UTF-8, or the
     * encoding its coding comment declares); empty for a file that is not in the snapshot.
     */
    public Optional<String> text(Path file) {
        Path p = normalize(file);
        return files.containsKey(p) ? Optional.of(sourceFile(p).parse().source().text()) : Optional.empty();
    }

    /** Whether the file's text is unsaved (it came from {@link Edit.SetText}, not from disk). */
    public boolean isUnsaved(Path file) {
        FileState f = files.get(normalize(file));
        return f != null && f.unsaved();
    }

    /**
     * The diagnostics of one file, in source order, with the settings' rule levels applied. Computed
     * once per snapshot (or carried over from the previous one when nothing the file imports changed).
     * A file outside the snapshot is read from disk.
     */
    public List<Diagnostic> check(Path file) {
        Path p = normalize(file);
        FutureTask<List<Diagnostic>> task = results.get(p);
        if (task == null) {
            FutureTask<List<Diagnostic>> mine = new FutureTask<>(() -> compute(p));
            task = results.putIfAbsent(p, mine);
            if (task == null) {
                task = mine;
                mine.run();
            }
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + p, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The diagnostics of every file, by file (in {@link #files()} order), then in source order. */
    public List<Diagnostic> check() {
        List<Diagnostic> all = new ArrayList<>();
        for (Path f : files.keySet()) {
            all.addAll(check(f));
        }
        return List.copyOf(all);
    }

    private List<Diagnostic> compute(Path file) {
        checks.incrementAndGet();
        SourceFile source = sourceFile(file);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : FileChecker.check(program.inference(), source)) {
            if (d.rule().equals("revealed-type") || d.rule().equals("invalid-syntax")) {
                out.add(d);
                continue;
            }
            Optional<Severity> severity = settings.rules().severityOf(d.rule(), d.severity(), true);
            severity.ifPresent(s -> out.add(s == d.severity() ? d
                    : new Diagnostic(d.rule(), s, d.headline(), d.annotation(), d.path(), d.range())));
        }
        return List.copyOf(out);
    }

    /**
     * The type of the innermost expression containing {@code offset} (a UTF-16 offset into the file's
     * {@link #text}), or of the definition whose name is there ({@code def f}, a parameter, an import
     * alias); empty when the offset is in neither (a keyword, a comment, blank space).
     */
    public Optional<TypeInfo> typeAt(Path file, int offset) {
        return queries.typeAt(normalize(file), offset);
    }

    /**
     * Where what is at {@code offset} is defined: the definitions that reach a name (imports followed to
     * what they import), an attribute's definitions in its object's classes or module, the module of an
     * import. Across files and into typeshed; empty when the offset is on nothing that names something.
     */
    public List<DefinitionInfo> definitionsAt(Path file, int offset) {
        return queries.definitionsAt(normalize(file), offset);
    }

    /** What an editor shows on hover at {@code offset}: see {@link HoverInfo}; empty where {@link #typeAt} is. */
    public Optional<HoverInfo> hoverAt(Path file, int offset) {
        return queries.hoverAt(normalize(file), offset);
    }

    /**
     * The type of the node a reference names, in this snapshot. Empty when the node is no longer
     * found there.
     *
     * @throws StaleSnapshotException when the reference's file has different content in this snapshot
     *     than in the one the reference came from
     */
    public Optional<TypeInfo> typeOf(NodeRef ref) {
        Path p = normalize(ref.file());
        FileState f = files.get(p);
        int version = f == null ? -1 : f.version();
        if (f == null || version != ref.fileVersion()) {
            throw new StaleSnapshotException(p, ref.revision(), f == null ? revision : version, revision);
        }
        return queries.typeOf(ref);
    }

    // ------------------------------------------------------------------------------- internals

    Program program() {
        return program;
    }

    SortedMap<Path, FileState> fileStates() {
        return files;
    }

    Set<Path> removed() {
        return removed;
    }

    Map<Path, dev.typhon.semantic.resolve.DirectoryTree> diskTrees() {
        return diskTrees;
    }

    /** The first-party search roots the snapshot resolves with. */
    List<Path> firstPartyRoots() {
        return firstPartyRoots;
    }

    /** The revision at which a file's content last changed; -1 for a file outside the snapshot. */
    int fileVersion(Path file) {
        FileState f = files.get(file);
        return f == null ? -1 : f.version();
    }

    SourceFile sourceFile(Path file) {
        return program.fileAt(file);
    }

    /** How many files this snapshot checked itself (not carried over): what tests of incrementality count. */
    int checkedCount() {
        return checks.get();
    }

    /** The check results this snapshot has finished (computed or carried over). */
    Map<Path, List<Diagnostic>> finishedResults() {
        Map<Path, List<Diagnostic>> out = new java.util.HashMap<>();
        results.forEach((p, task) -> {
            if (task.state() == java.util.concurrent.Future.State.SUCCESS) {
                out.put(p, task.resultNow());
            }
        });
        return out;
    }

    /** Takes a result over from an earlier snapshot (it depends on nothing that changed). */
    void inherit(Path file, List<Diagnostic> diagnostics) {
        FutureTask<List<Diagnostic>> done = new FutureTask<>(() -> diagnostics);
        done.run();
        results.putIfAbsent(file, done);
    }

    /** The path of a program file's shown path: a workspace file's own path object, else one on the project's file system. */
    @Nullable Path pathOf(String shown) {
        if (shown.contains("://")) {
            return null;
        }
        Path p = settings.projectRoot().getFileSystem().getPath(shown);
        return p;
    }

    static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "Snapshot " + revision + " (" + files.size() + " files)";
    }
}
