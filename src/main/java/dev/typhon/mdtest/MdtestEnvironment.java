package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.RuleSelection;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import java.nio.file.Path;
import java.util.List;

/**
 * What a checker needs to check one test's files (§5): its own fresh file system, already laid out,
 * and the settings from its configuration. Every path is absolute; all but a {@code --typeshed}
 * folder live in the test's file system ({@link #root()}), which may be an in-memory one, so use
 * {@link java.nio.file.Files} on these paths and never {@code Path.of} or {@code toFile()}.
 *
 * @param root the root of the test's file system; a label {@code /a/b} is {@code root.resolve("a/b")}
 * @param srcRoot {@code /src}: the project root and first-party search path
 * @param pythonVersion the test's Python version (3.10 unless configured; may be newer than the
 *     versions Typhon models)
 * @param pythonPlatform {@code linux} unless configured; {@code all} means no assumption
 * @param typeshed the typeshed to use instead of the bundled one: the test's custom typeshed, else
 *     the runner's {@code --typeshed} folder; null for the bundled one
 * @param extraPaths extra search paths, searched before everything else
 * @param sitePackages the site-packages folders of the test's Python environment ({@code environment.python})
 * @param python the environment {@code environment.python} names, or null
 * @param rules the rule selection
 * @param analysis the {@code [analysis]} settings
 * @param verbose {@code verbose = true}
 * @param checkedFiles the files that are checked, in the test's order: Python files, stubs and
 *     notebooks under {@code /src}
 */
public record MdtestEnvironment(Path root, Path srcRoot, PythonVersion pythonVersion, String pythonPlatform,
        @Nullable Path typeshed, List<Path> extraPaths, List<Path> sitePackages, @Nullable Path python,
        RuleSelection rules, AnalysisSettings analysis, boolean verbose, List<Path> checkedFiles) {

    public MdtestEnvironment {
        extraPaths = List.copyOf(extraPaths);
        sitePackages = List.copyOf(sitePackages);
        checkedFiles = List.copyOf(checkedFiles);
    }

    /** This environment with a script's own rules and analysis settings (a PEP 723 script is its own project). */
    public MdtestEnvironment withProjectSettings(RuleSelection newRules, AnalysisSettings newAnalysis) {
        return new MdtestEnvironment(root, srcRoot, pythonVersion, pythonPlatform, typeshed, extraPaths, sitePackages, python,
                newRules, newAnalysis, verbose, checkedFiles);
    }

    /**
     * How ty shows a file of the test: relative to the root, with forward slashes
     * ({@code src/mdtest_snippet.py}); other files (a {@code --typeshed} stub) as they are.
     */
    public String displayPath(Path file) {
        if (file.getFileSystem().equals(root.getFileSystem()) && file.startsWith(root)) {
            return root.relativize(file).toString().replace('\\', '/');
        }
        return file.toString();
    }
}
