package dev.typhon.semantic.api;

import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.FileChecker;
import dev.typhon.semantic.diagnostics.Severity;
import dev.typhon.semantic.infer.Program;
import dev.typhon.semantic.infer.SourceFile;
import dev.typhon.semantic.infer.StubCache;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The library's front door: a set of Python files analysed together under one {@link WorkspaceSettings}.
 * Thread-safe: files may be checked from many threads at once.
 *
 * <p>(First cut: one snapshot, no edits yet.)
 */
public final class Workspace {
    private final WorkspaceSettings settings;
    private final List<Path> files;
    private final Program program;

    private Workspace(WorkspaceSettings settings, List<Path> files, Program program) {
        this.settings = settings;
        this.files = files;
        this.program = program;
    }

    /**
     * A workspace over the given files (each a {@code .py} or {@code .pyi} file).
     *
     * @throws IOException when the settings' typeshed folder cannot be read
     */
    public static Workspace create(WorkspaceSettings settings, Collection<Path> files) throws IOException {
        Typeshed typeshed = settings.typeshed() == null ? Typeshed.bundled() : Typeshed.fromDirectory(settings.typeshed());
        ModuleResolver resolver = new ModuleResolver(new ModuleResolver.Settings(settings.pythonVersion(),
                settings.extraPaths(), ModuleResolver.firstPartyRoots(settings.projectRoot()), typeshed, settings.sitePackages()));
        TreeSet<Path> sorted = new TreeSet<>();
        for (Path f : files) {
            sorted.add(f.toAbsolutePath().normalize());
        }
        return new Workspace(settings, List.copyOf(sorted), new Program(resolver, settings.pythonPlatform(), new StubCache()));
    }

    public WorkspaceSettings settings() {
        return settings;
    }

    /** The files of the workspace, absolute and sorted. */
    public List<Path> files() {
        return files;
    }

    /** The diagnostics of one file, in source order, with the settings' rule levels applied. */
    public List<Diagnostic> check(Path file) {
        SourceFile source = program.fileAt(file);
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

    /** The diagnostics of every file, by file (in {@link #files()} order), then in source order. */
    public List<Diagnostic> check() {
        List<Diagnostic> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(check(f));
        }
        return List.copyOf(all);
    }
}
