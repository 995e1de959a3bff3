package dev.typhon.cli;

import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.PythonEnvironment;
import dev.typhon.semantic.resolve.Resolution;
import dev.typhon.semantic.resolve.ResolvedModule;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code typhon resolve MODULE...}: where each module comes from, one line per module:
 * {@code MODULE -> PATH (KIND, SEARCH-PATH-KIND)} or {@code MODULE -> not found (REASON)}.
 */
@Command(name = "resolve",
        description = {
            "Show where each module name resolves to, as an import would (file, kind, search path).",
            "One line per module: 'MODULE -> PATH (KIND, SEARCH-PATH-KIND)' or 'MODULE -> not found (REASON)'.",
            "KIND is module, package or namespace-package; SEARCH-PATH-KIND is extra, first-party, stdlib, site-packages or typeshed-stubs.",
            "Search order: extra search paths, the project root (and its src/), typeshed's stdlib (by VERSIONS), the Python environment's site-packages, typeshed's third-party stubs.",
            "Exit status: 0 if every module was found, 1 otherwise."},
        mixinStandardHelpOptions = true)
final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Dotted module names, e.g. os.path.")
    List<String> modules;

    @Option(names = "--python-version", paramLabel = "X.Y", converter = PythonVersionConverter.class,
            description = "Target Python version (default: the --python environment's, else " + "3.14" + ").")
    PythonVersion pythonVersion;

    @Option(names = "--python", paramLabel = "PATH",
            description = "A Python environment: a virtual environment's folder, or an interpreter; its site-packages are searched.")
    Path python;

    @Option(names = "--extra-search-path", paramLabel = "DIR", description = "Searched before everything else; repeatable.")
    List<Path> extraSearchPaths = new ArrayList<>();

    @Option(names = "--project-root", paramLabel = "DIR",
            description = "The first-party root (default: the current folder); its src/ is searched too.")
    Path projectRoot;

    @Option(names = "--typeshed", paramLabel = "DIR",
            description = "Use this typeshed (a folder with stdlib/ and stubs/) instead of the bundled one.")
    Path typeshedDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Typeshed typeshed;
        try {
            typeshed = typeshedDir != null ? Typeshed.fromDirectory(typeshedDir) : Typeshed.bundled();
        } catch (IOException | IllegalStateException e) {
            err.println("typhon: " + (typeshedDir != null ? "--typeshed: " : "") + e.getMessage());
            return 2;
        }
        PythonEnvironment environment = null;
        if (python != null) {
            try {
                environment = PythonEnvironment.discover(python);
            } catch (IOException e) {
                err.println("typhon: --python: " + e.getMessage());
                return 2;
            }
        }
        for (Path dir : extraSearchPaths) {
            if (!Files.isDirectory(dir)) {
                err.println("typhon: --extra-search-path: " + dir + " is not a folder");
                return 2;
            }
        }
        PythonVersion version = pythonVersion != null ? pythonVersion
                : environment != null && environment.version() != null ? environment.version()
                : PythonVersion.LATEST;
        Path root = (projectRoot != null ? projectRoot : Path.of("")).toAbsolutePath().normalize();
        ModuleResolver resolver = new ModuleResolver(new ModuleResolver.Settings(version, extraSearchPaths,
                ModuleResolver.firstPartyRoots(root), typeshed, environment == null ? List.of() : environment.sitePackages()));
        boolean allFound = true;
        for (String module : modules) {
            switch (resolver.resolve(module)) {
                case Resolution.Found found -> {
                    ResolvedModule m = found.module();
                    out.println(module + " -> " + m.display() + " (" + m.kind().label() + ", " + m.searchPath().kind().label() + ")");
                }
                case Resolution.NotFound notFound -> {
                    allFound = false;
                    out.println(module + " -> not found (" + notFound.reason() + ")");
                }
            }
        }
        out.flush();
        return allFound ? 0 : 1;
    }

    /** The project root, then its {@code src/} when that is a folder of modules rather than a package. */
}
