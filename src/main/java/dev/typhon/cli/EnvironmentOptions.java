package dev.typhon.cli;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.resolve.PythonEnvironment;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say where imports come from, shared by {@code resolve}, {@code debug infer} and
 * {@code check} (a picocli mixin): the target Python version, a Python environment for
 * site-packages, extra search paths, the project root and the typeshed. The option names and their
 * meaning are the same in every command; what the project root defaults to is the command's.
 */
public final class EnvironmentOptions {

    @Option(names = "--python-version", paramLabel = "X.Y", converter = PythonVersionConverter.class,
            description = "Target Python version (default: check's configuration file's, else the --python environment's, "
                    + "else 3.14).")
    @Nullable PythonVersion pythonVersion;

    @Option(names = "--python", paramLabel = "PATH",
            description = "A Python environment: a virtual environment's folder, or an interpreter; its site-packages are searched.")
    @Nullable Path python;

    @Option(names = "--extra-search-path", paramLabel = "DIR", description = "Searched before everything else; repeatable.")
    List<Path> extraSearchPaths = new ArrayList<>();

    @Option(names = "--project-root", paramLabel = "DIR",
            description = "The first-party root imports resolve against, with its src/ folder (default: see the command's description).")
    @Nullable Path projectRoot;

    @Option(names = "--typeshed", paramLabel = "DIR",
            description = "Use this typeshed (a folder with stdlib/ and stubs/) instead of the bundled one.")
    @Nullable Path typeshedDir;

    public @Nullable PythonVersion pythonVersion() {
        return pythonVersion;
    }

    public @Nullable Path python() {
        return python;
    }

    public List<Path> extraSearchPaths() {
        return extraSearchPaths;
    }

    public @Nullable Path projectRoot() {
        return projectRoot;
    }

    public @Nullable Path typeshedDir() {
        return typeshedDir;
    }

    /** The typeshed to use: {@code --typeshed}'s, else the bundled one. */
    public Typeshed typeshed() throws UsageException {
        return loadTypeshed(typeshedDir, "--typeshed");
    }

    /** Reads a typeshed folder ({@code null}: the bundled one); {@code origin} names where it was given. */
    public static Typeshed loadTypeshed(@Nullable Path dir, String origin) throws UsageException {
        try {
            return dir != null ? Typeshed.fromDirectory(dir) : Typeshed.bundled();
        } catch (IOException | IllegalStateException e) {
            throw new UsageException((dir != null ? origin + ": " : "") + e.getMessage());
        }
    }

    /** The {@code --python} environment, or null when none was given. */
    public @Nullable PythonEnvironment environment() throws UsageException {
        return discoverEnvironment(python, "--python");
    }

    /** Finds a Python environment ({@code null}: none); {@code origin} names where it was given. */
    public static @Nullable PythonEnvironment discoverEnvironment(@Nullable Path python, String origin) throws UsageException {
        if (python == null) {
            return null;
        }
        try {
            return PythonEnvironment.discover(python);
        } catch (IOException e) {
            throw new UsageException(origin + ": " + e.getMessage());
        }
    }

    /** Fails unless every {@code --extra-search-path} is a folder. */
    public void checkExtraSearchPaths() throws UsageException {
        checkFolders(extraSearchPaths, "--extra-search-path");
    }

    static void checkFolders(List<Path> dirs, String origin) throws UsageException {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException(origin + ": " + dir + " is not a folder");
            }
        }
    }

    /** The version to check for: {@code --python-version}, else the environment's, else {@code fallback}. */
    public PythonVersion versionOr(@Nullable PythonEnvironment environment, PythonVersion fallback) {
        if (pythonVersion != null) {
            return pythonVersion;
        }
        return environment != null && environment.version() != null ? environment.version() : fallback;
    }
}
