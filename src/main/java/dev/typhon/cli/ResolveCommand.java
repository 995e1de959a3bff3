package dev.typhon.cli;

import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.PythonEnvironment;
import dev.typhon.semantic.resolve.Resolution;
import dev.typhon.semantic.resolve.ResolvedModule;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code typhon resolve MODULE...}: where each module comes from, one line per module:
 * {@code MODULE -> PATH (KIND, SEARCH-PATH-KIND)} or {@code MODULE -> not found (REASON)}. The project root
 * defaults to the current folder.
 */
@Command(name = "resolve",
        description = {
            "Show where each module name resolves to, as an import would (file, kind, search path).",
            "One line per module: 'MODULE -> PATH (KIND, SEARCH-PATH-KIND)' or 'MODULE -> not found (REASON)'.",
            "KIND is module, package or namespace-package; SEARCH-PATH-KIND is extra, first-party, stdlib, site-packages or typeshed-stubs.",
            "Search order: extra search paths, the project root (and its src/), typeshed's stdlib (by VERSIONS), the Python environment's site-packages, typeshed's third-party stubs.",
            "--project-root defaults to the current folder.",
            "Exit status: 0 if every module was found, 1 otherwise."},
        mixinStandardHelpOptions = true)
final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Dotted module names, e.g. os.path.")
    List<String> modules;

    @Mixin
    EnvironmentOptions environment;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        PythonVersion version = environment.versionOr(env, PythonVersion.LATEST);
        Path root = (environment.projectRoot() != null ? environment.projectRoot() : Path.of("")).toAbsolutePath().normalize();
        ModuleResolver resolver = new ModuleResolver(new ModuleResolver.Settings(version, environment.extraSearchPaths(),
                ModuleResolver.firstPartyRoots(root), typeshed, env == null ? List.of() : env.sitePackages()));
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
