package dev.typhon.semantic.api;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.diagnostics.RuleSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Workspace} analyses against: the target Python, where imports are found, and which
 * rules report at what severity. An immutable value; the {@code with*} methods return changed copies.
 *
 * @param pythonVersion the Python version code is checked for ({@code sys.version_info})
 * @param pythonPlatform the {@code sys.platform} assumed ({@code linux}, {@code win32}, {@code darwin}, ...)
 * @param projectRoot the first-party root: imports resolve against it (and its {@code src/} folder)
 * @param extraPaths searched before everything else
 * @param sitePackages the environment's site-packages folders, searched after the standard library
 * @param typeshed a typeshed folder (with {@code stdlib/}) to use instead of the bundled one, or null
 * @param rules the severity of each rule, or that it is off
 */
public record WorkspaceSettings(PythonVersion pythonVersion, String pythonPlatform, Path projectRoot,
        List<Path> extraPaths, List<Path> sitePackages, @Nullable Path typeshed, RuleSelection rules) {

    /** Checks the values and normalizes the paths (the project root absolute, the lists copied). */
    public WorkspaceSettings {
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(pythonPlatform, "pythonPlatform");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        extraPaths = List.copyOf(extraPaths);
        sitePackages = List.copyOf(sitePackages);
        Objects.requireNonNull(rules, "rules");
    }

    /** The defaults for a project at {@code root}: the newest Python, Linux, the bundled typeshed, default rules. */
    public static WorkspaceSettings forProject(Path root) {
        return new WorkspaceSettings(PythonVersion.LATEST, "linux", root, List.of(), List.of(), null,
                RuleSelection.DEFAULT);
    }

    /** These settings for another Python version. */
    public WorkspaceSettings withPythonVersion(PythonVersion version) {
        return new WorkspaceSettings(version, pythonPlatform, projectRoot, extraPaths, sitePackages, typeshed, rules);
    }

    /** These settings for another {@code sys.platform}. */
    public WorkspaceSettings withPythonPlatform(String platform) {
        return new WorkspaceSettings(pythonVersion, platform, projectRoot, extraPaths, sitePackages, typeshed, rules);
    }

    /** These settings with other extra search paths (searched first, in order). */
    public WorkspaceSettings withExtraPaths(List<Path> paths) {
        return new WorkspaceSettings(pythonVersion, pythonPlatform, projectRoot, paths, sitePackages, typeshed, rules);
    }

    /** These settings with other site-packages folders (an environment's, in order). */
    public WorkspaceSettings withSitePackages(List<Path> paths) {
        return new WorkspaceSettings(pythonVersion, pythonPlatform, projectRoot, extraPaths, paths, typeshed, rules);
    }

    /** These settings with a typeshed folder instead of the bundled typeshed (null: the bundled one). */
    public WorkspaceSettings withTypeshed(@Nullable Path folder) {
        return new WorkspaceSettings(pythonVersion, pythonPlatform, projectRoot, extraPaths, sitePackages, folder, rules);
    }

    /** These settings with other rule levels. */
    public WorkspaceSettings withRules(RuleSelection selection) {
        return new WorkspaceSettings(pythonVersion, pythonPlatform, projectRoot, extraPaths, sitePackages, typeshed,
                selection);
    }
}
