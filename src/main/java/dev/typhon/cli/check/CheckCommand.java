package dev.typhon.cli.check;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import dev.typhon.cli.EnvironmentOptions;
import dev.typhon.cli.PlatformOption;
import dev.typhon.cli.UsageException;
import dev.typhon.cli.check.output.OutputFormat;
import dev.typhon.semantic.api.Workspace;
import dev.typhon.semantic.api.WorkspaceSettings;
import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.RuleLevel;
import dev.typhon.semantic.diagnostics.RuleSelection;
import dev.typhon.semantic.diagnostics.Rules;
import dev.typhon.semantic.diagnostics.Severity;
import dev.typhon.semantic.resolve.PythonEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code typhon check [PATH...]}: type-checks a project's Python files and reports what is wrong,
 * as ty's {@code check} does. Settings come from the command line, then the project's
 * {@code typhon.toml} or {@code pyproject.toml [tool.typhon]}, then the defaults.
 */
@Command(name = "check",
        description = {
            "Type-check the .py and .pyi files below each PATH (default: the project root) and report the problems found.",
            "",
            "Settings come from the command line, else from the project's typhon.toml, or the [tool.typhon] table of its "
                    + "pyproject.toml (typhon.toml wins), found in --project-root, else in the first PATH's folder or its "
                    + "nearest ancestor that has one, else in the current folder or its nearest ancestor that has one. "
                    + "The project root is that folder (or the nearest with a pyproject.toml), else the current folder.",
            "Hidden files and folders, what .gitignore/.ignore files ignore, and node_modules, venv, dist, _build, buck-out "
                    + "and __pypackages__ folders are skipped; a file named as a PATH is always checked.",
            "",
            "Exit status: 0 no error-severity diagnostic (or --exit-zero), 1 some, 2 bad usage, bad configuration or an "
                    + "internal failure on a file (the other files are still checked)."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files, or folders to search for .py and .pyi files.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    EnvironmentOptions environment;

    @Mixin
    PlatformOption platform;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files and folders matching this gitignore-style pattern, relative to the project root "
                    + "(`tests` is <root>/tests only, `**/tests` any tests folder); added to the configuration's; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "full (default: source with the range underlined), concise (one line each), json, github "
                    + "(workflow annotations) or junit (an XML report).")
    String outputFormat = "full";

    @Option(names = "--exit-zero", description = "Exit with status 0 even when errors are reported (still 2 on bad usage "
            + "or an internal failure).")
    boolean exitZero;

    /** --error/--warn/--ignore in the order given: a later one for the same rule wins. */
    private final Map<String, RuleLevel> cliRules = new LinkedHashMap<>();

    @Option(names = "--error", paramLabel = "RULE", description = "Report RULE as an error; repeatable.")
    void error(String rule) {
        level(rule, RuleLevel.ERROR, "--error");
    }

    @Option(names = "--warn", paramLabel = "RULE", description = "Report RULE as a warning; repeatable.")
    void warn(String rule) {
        level(rule, RuleLevel.WARN, "--warn");
    }

    @Option(names = "--ignore", paramLabel = "RULE", description = "Do not report RULE; repeatable.")
    void ignore(String rule) {
        level(rule, RuleLevel.IGNORE, "--ignore");
    }

    @Option(names = "--threads", paramLabel = "N", description = "Files checked at once (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--statistics", description = "Before the summary, print how many diagnostics each rule reported "
            + "(`COUNT  RULE` lines, most first).")
    boolean statistics;

    /** Where the progress bar goes; a field so tests run without one. */
    PrintStream progressStream = System.err;
    boolean progressEnabled = Progress.isTerminal();
    /** How one file is checked; tests replace it to make the checker fail. */
    BiFunction<Workspace, Path, List<Diagnostic>> fileChecker = Workspace::check;

    /** The first --error/--warn/--ignore naming no rule: reported by call() in one line, not with the whole usage. */
    private @Nullable String unknownRule;

    private void level(String rule, RuleLevel level, String option) {
        if (!Rules.isRule(rule)) {
            if (unknownRule == null) {
                unknownRule = option + ": " + Rules.unknownRuleMessage(rule);
            }
            return;
        }
        cliRules.remove(rule); // so the map's order stays the order given
        cliRules.put(rule, level);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat format;
        try {
            format = OutputFormat.valueOf(outputFormat.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("typhon: --output-format: unknown format `" + outputFormat
                    + "`, expected one of full, concise, json, github, junit");
            return 2;
        }
        if (unknownRule != null) {
            err.println("typhon: " + unknownRule + " (the README lists the rules)");
            return 2;
        }
        if (threads < 1) {
            err.println("typhon: --threads must be at least 1");
            return 2;
        }
        Workspace workspace;
        try {
            workspace = workspace();
        } catch (UsageException | IOException e) {
            err.println("typhon: " + e.getMessage());
            return 2;
        }
        if (workspace.files().isEmpty()) {
            err.println("typhon: warning: no Python files found under the given paths");
        }
        List<FileResult> results;
        try (Progress progress = Progress.open(progressStream, workspace.files().size(), progressEnabled)) {
            results = CheckRun.run(workspace, fileChecker, threads, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("typhon: interrupted");
            return 2;
        }
        return report(results, format, out, err);
    }

    private int report(List<FileResult> results, OutputFormat format, PrintWriter out, PrintWriter err) {
        int count = 0;
        boolean errors = false;
        int failed = 0;
        Map<String, Integer> byRule = new TreeMap<>();
        for (FileResult r : results) {
            count += r.diagnostics().size();
            for (Diagnostic d : r.diagnostics()) {
                errors |= d.severity() == Severity.ERROR;
                byRule.merge(d.rule(), 1, Integer::sum);
            }
            if (r.failure() != null) {
                failed++;
            }
        }
        format.renderer().render(results, out);
        out.flush();
        for (FileResult r : results) {
            if (r.failure() != null) {
                err.println("typhon: internal error while checking " + r.shown() + ": " + r.failure());
            }
        }
        PrintWriter summary = format.isDocument() ? err : out;
        if (statistics) {
            byRule.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> summary.printf("%6d  %s%n", e.getValue(), e.getKey()));
        }
        summary.println(count == 0 ? "All checks passed!" : "Found " + count + " diagnostic" + (count == 1 ? "" : "s"));
        if (failed > 0) {
            summary.println("typhon: the checker failed on " + failed + " file" + (failed == 1 ? "" : "s")
                    + " (see the messages above); their diagnostics are missing");
        }
        summary.flush();
        err.flush();
        if (failed > 0) {
            return 2;
        }
        return errors && !exitZero ? 1 : 0;
    }

    /** The workspace the options and the project's configuration describe. */
    private Workspace workspace() throws UsageException, IOException {
        Path cwd = Path.of("").toAbsolutePath();
        ProjectConfig config;
        Path root;
        if (environment.projectRoot() != null) {
            root = environment.projectRoot().toAbsolutePath().normalize();
            ProjectConfig found = ProjectConfig.readFolder(root);
            config = found != null ? found : ProjectConfig.none(root);
        } else {
            config = discoverProject(cwd);
            root = config.folder();
        }
        Path python = environment.python() != null ? environment.python() : config.python();
        PythonEnvironment env = EnvironmentOptions.discoverEnvironment(python,
                environment.python() != null ? "--python" : configOrigin(config, "environment.python"));
        PythonVersion version = environment.pythonVersion() != null ? environment.pythonVersion()
                : config.pythonVersion() != null ? config.pythonVersion()
                : environment.versionOr(env, PythonVersion.LATEST);
        String platformName = platform.platform() != null ? platform.platform()
                : config.pythonPlatform() != null ? config.pythonPlatform() : "linux";
        List<Path> extraPaths;
        if (!environment.extraSearchPaths().isEmpty()) {
            environment.checkExtraSearchPaths();
            extraPaths = environment.extraSearchPaths().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        } else {
            extraPaths = config.extraPaths();
            for (Path p : extraPaths) {
                if (!java.nio.file.Files.isDirectory(p)) {
                    throw new UsageException(configOrigin(config, "environment.extra-paths") + ": " + p + " is not a folder");
                }
            }
        }
        @Nullable Path typeshed = environment.typeshedDir() != null ? environment.typeshedDir() : config.typeshed();
        if (typeshed != null) {
            // read it here so a bad folder is a usage error naming where it was given
            EnvironmentOptions.loadTypeshed(typeshed, environment.typeshedDir() != null ? "--typeshed"
                    : configOrigin(config, "environment.typeshed"));
        }
        Map<String, RuleLevel> levels = new LinkedHashMap<>(config.rules());
        levels.putAll(cliRules);
        RuleSelection rules = Rules.selection(levels);

        List<String> allExcludes = new ArrayList<>(config.exclude());
        allExcludes.addAll(excludes);
        FileDiscovery discovery = new FileDiscovery(root, allExcludes, config.include(), config.respectIgnoreFiles());
        List<Path> files = discovery.discover(paths);

        WorkspaceSettings settings = new WorkspaceSettings(version, platformName, root, extraPaths,
                env == null ? List.of() : env.sitePackages(), typeshed == null ? null : typeshed.toAbsolutePath().normalize(),
                rules);
        return Workspace.create(settings, files);
    }

    /**
     * The project of the first PATH (the nearest folder above it with settings or a pyproject.toml),
     * so {@code typhon check some/project} checks that project as it is configured; else the
     * project around the current folder, as ty finds it.
     */
    private ProjectConfig discoverProject(Path cwd) throws UsageException {
        if (!paths.isEmpty()) {
            Path first = paths.get(0).toAbsolutePath().normalize();
            Path start = java.nio.file.Files.isDirectory(first) ? first : first.getParent();
            if (start != null) {
                ProjectConfig near = ProjectConfig.discover(start);
                if (near.file() != null || !near.folder().equals(start)
                        || java.nio.file.Files.isRegularFile(start.resolve(ProjectConfig.PYPROJECT))) {
                    return near;
                }
            }
        }
        return ProjectConfig.discover(cwd);
    }

    private static String configOrigin(ProjectConfig config, String key) {
        return config.file() == null ? key : Paths.shown(config.file()) + ": " + key;
    }
}
