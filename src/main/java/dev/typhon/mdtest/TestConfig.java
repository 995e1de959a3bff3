package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.RuleSelection;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import java.util.List;

/**
 * A section's configuration: its {@code toml} block, read strictly (§7). A block replaces the
 * inherited configuration wholesale, so what a block leaves out has the default, not the parent's.
 *
 * @param pythonVersion {@code environment.python-version}, null for the default ({@link #DEFAULT_PYTHON_VERSION})
 * @param pythonPlatform {@code environment.python-platform}, null for the default ({@link #DEFAULT_PLATFORM})
 * @param typeshed {@code environment.typeshed}: a custom typeshed's root in the test's file system
 * @param extraPaths {@code environment.extra-paths}, as written
 * @param python {@code environment.python}: a virtual environment's folder or an interpreter in it
 * @param rules the {@code [rules]} table
 * @param analysis the {@code [analysis]} table
 * @param verbose {@code verbose}
 * @param osFileSystem {@code system = "os"}: a real temporary folder instead of an in-memory file system
 * @param log {@code log}, as text ({@code "true"}, {@code "false"} or a filter); has no effect here
 * @param dependencies {@code [project] dependencies}, null when there is no {@code [project]} table
 */
public record TestConfig(@Nullable PythonVersion pythonVersion, @Nullable String pythonPlatform,
        @Nullable String typeshed, List<String> extraPaths, @Nullable String python, RuleSelection rules,
        AnalysisSettings analysis, boolean verbose, boolean osFileSystem, @Nullable String log,
        @Nullable List<String> dependencies) {

    /** The Python version of a test that does not configure one (ty's default). */
    public static final PythonVersion DEFAULT_PYTHON_VERSION = PythonVersion.PY310;
    /** The platform of a test that does not configure one. */
    public static final String DEFAULT_PLATFORM = "linux";

    public static final TestConfig DEFAULT = new TestConfig(null, null, null, List.of(), null, RuleSelection.DEFAULT,
            AnalysisSettings.DEFAULT, false, false, null, null);

    public TestConfig {
        extraPaths = List.copyOf(extraPaths);
        dependencies = dependencies == null ? null : List.copyOf(dependencies);
    }

    /** The configured version, else {@link #DEFAULT_PYTHON_VERSION}. */
    public PythonVersion effectivePythonVersion() {
        return pythonVersion != null ? pythonVersion : DEFAULT_PYTHON_VERSION;
    }

    /** The configured platform, else {@link #DEFAULT_PLATFORM}. */
    public String effectivePlatform() {
        return pythonPlatform != null ? pythonPlatform : DEFAULT_PLATFORM;
    }

    /** True when the test needs packages from PyPI ({@code [project] dependencies}, §7.4). */
    public boolean hasExternalDependencies() {
        return dependencies != null;
    }
}
