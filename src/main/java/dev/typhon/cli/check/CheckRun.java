package dev.typhon.cli.check;

import dev.typhon.semantic.api.Workspace;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * Checks the files of a workspace on a pool of threads. The results come back in the files' order
 * (sorted paths) and each file's diagnostics by position, so the output is the same whatever the
 * number of threads. A failure of the checker on one file is that file's result; the others go on.
 */
final class CheckRun {

    /** Orders one file's diagnostics by position, then by rule and text for ties. */
    static final Comparator<Diagnostic> BY_POSITION = Comparator
            .comparingInt((Diagnostic d) -> d.range().startLine())
            .thenComparingInt(d -> d.range().startColumn())
            .thenComparingInt(d -> d.range().endLine())
            .thenComparingInt(d -> d.range().endColumn())
            .thenComparing(Diagnostic::rule)
            .thenComparing(Diagnostic::conciseMessage);

    private CheckRun() {
    }

    /**
     * Checks every file of the workspace with {@code checker} (the workspace's own check, or a
     * stand-in in tests).
     */
    static List<FileResult> run(Workspace workspace, BiFunction<Workspace, Path, List<Diagnostic>> checker, int threads,
            Progress progress) throws InterruptedException {
        List<Path> files = workspace.files();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            // Deeply nested code recurses deeply: the stack ./typhon gives the main thread, and more.
            Thread t = new Thread(null, r, "typhon-check", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    FileResult r = checkOne(workspace, checker, f);
                    progress.fileDone();
                    return r;
                }));
            }
            List<FileResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    results.add(failed(files.get(i), e.getCause()));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileResult checkOne(Workspace workspace, BiFunction<Workspace, Path, List<Diagnostic>> checker, Path file) {
        try {
            List<Diagnostic> diagnostics = new ArrayList<>(checker.apply(workspace, file));
            diagnostics.sort(BY_POSITION);
            return new FileResult(file, Paths.shown(file), diagnostics, null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(file, e);
        }
    }

    private static FileResult failed(Path file, Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length > 0 ? " at " + trace[0] : "";
        return new FileResult(file, Paths.shown(file), List.of(),
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + where);
    }
}
