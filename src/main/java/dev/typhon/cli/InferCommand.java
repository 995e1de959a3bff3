package dev.typhon.cli;

import dev.typhon.ast.Expr;
import dev.typhon.ast.NodeTable;
import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.infer.Program;
import dev.typhon.semantic.infer.SourceFile;
import dev.typhon.semantic.infer.TypeInference;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.PythonEnvironment;
import dev.typhon.semantic.resolve.Typeshed;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.TodoType;
import dev.typhon.semantic.types.Type;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code typhon debug infer PATH...}: infers the type of every expression of every Python file
 * (.py and .pyi) below the paths, in parallel on one shared program, and reports how it went: the
 * files inference failed on (with the reason; the others go on), how many expressions were typed
 * {@code Unknown} or {@code @Todo}, the time taken and the slowest files. A robustness and coverage
 * probe over real code, not a checker: no diagnostics are made.
 */
@Command(name = "infer",
        description = {"Infer the type of every expression of every .py/.pyi file below the paths and report failures,",
                "the share of expressions typed Unknown or @Todo, the time taken and the slowest files.",
                "--project-root defaults to the first PATH that is a folder.",
                "Exit status: 0 if inference succeeded on every file, 1 if it failed on some, 2 on bad usage."},
        mixinStandardHelpOptions = true)
final class InferCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders to search for .py and .pyi files.")
    List<Path> paths;

    @Mixin
    EnvironmentOptions environment;

    @Mixin
    PlatformOption platform;

    @Option(names = "--exclude", paramLabel = "NAME",
            description = "Skip files and folders with this name below the paths (e.g. site-packages); repeatable.")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Files inferred at once (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** What inference of one file gave. */
    private record FileResult(Path path, long expressions, long unknown, long todo, long nanos, String failure) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            err.println("typhon: --threads must be at least 1");
            return 2;
        }
        Typeshed typeshed;
        PythonEnvironment env;
        try {
            typeshed = environment.typeshed();
            env = environment.environment();
            environment.checkExtraSearchPaths();
        } catch (UsageException e) {
            err.println("typhon: " + e.getMessage());
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("typhon: " + p + ": no such file or folder");
                return 2;
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f) && (f.toString().endsWith(".py") || f.toString().endsWith(".pyi")))
                            .filter(f -> excluded.stream().noneMatch(x -> {
                                for (Path part : p.relativize(f)) {
                                    if (part.toString().equals(x)) {
                                        return true;
                                    }
                                }
                                return false;
                            }))
                            .sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        Path root = environment.projectRoot() != null ? environment.projectRoot()
                : paths.stream().filter(Files::isDirectory).findFirst().orElse(Path.of(""));
        PythonVersion version = environment.versionOr(env, PythonVersion.LATEST);
        ModuleResolver resolver = new ModuleResolver(new ModuleResolver.Settings(version, environment.extraSearchPaths(),
                List.of(root.toAbsolutePath().normalize()), typeshed, env == null ? List.of() : env.sitePackages()));
        Program program = new Program(resolver, platform.platformOr("linux"));

        long start = System.nanoTime();
        List<FileResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            // Deeply nested code recurses deeply; give inference the stack ./typhon gives the main thread.
            Thread t = new Thread(null, r, "typhon-infer", 64L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> inferFile(program, f)));
            }
            for (Future<FileResult> future : futures) {
                FileResult r = future.get();
                results.add(r);
                if (r.failure() != null) {
                    out.println(r.path() + ": inference failed: " + r.failure());
                    out.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;

        long expressions = 0;
        long unknown = 0;
        long todo = 0;
        int failed = 0;
        for (FileResult r : results) {
            expressions += r.expressions();
            unknown += r.unknown();
            todo += r.todo();
            if (r.failure() != null) {
                failed++;
            }
        }
        out.println("slowest files:");
        results.stream().sorted(Comparator.comparingLong(FileResult::nanos).reversed()).limit(5)
                .forEach(r -> out.printf("  %8.1f ms  %s%n", r.nanos() / 1e6, r.path()));
        out.printf("%d files (%d failed), %d expressions: %d Unknown (%.1f%%), %d @Todo (%.1f%%), in %.1f s on %d threads%n",
                files.size(), failed, expressions, unknown, percent(unknown, expressions), todo, percent(todo, expressions),
                elapsed / 1e9, threads);
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** Infers every expression of one file; a failure is the file's result, never the run's end. */
    private static FileResult inferFile(Program program, Path path) {
        long t0 = System.nanoTime();
        long expressions = 0;
        long unknown = 0;
        long todo = 0;
        try {
            SourceFile file = program.fileAt(path);
            if (file.readError() != null) {
                return new FileResult(path, 0, 0, 0, System.nanoTime() - t0, "cannot read: " + file.readError());
            }
            TypeInference ti = program.inference();
            NodeTable nodes = file.nodeTable();
            for (int id = 0; id < nodes.size(); id++) {
                if (nodes.node(id) instanceof Expr e) {
                    Type t = ti.expressionType(file, e);
                    expressions++;
                    if (t == DynamicType.UNKNOWN) {
                        unknown++;
                    } else if (t instanceof TodoType) {
                        todo++;
                    }
                }
            }
            return new FileResult(path, expressions, unknown, todo, System.nanoTime() - t0, null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            StackTraceElement[] trace = e.getStackTrace();
            String where = trace.length > 0 ? " at " + trace[0] : "";
            return new FileResult(path, expressions, unknown, todo, System.nanoTime() - t0,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + where);
        }
    }
}
