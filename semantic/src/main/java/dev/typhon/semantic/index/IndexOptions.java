package dev.typhon.semantic.index;

import dev.typhon.ast.PythonVersion;

/**
 * What static reachability assumes: the Python version {@code sys.version_info} compares against,
 * and the platform {@code sys.platform} is ({@code null} for "any platform": such tests stay undecided).
 */
public record IndexOptions(PythonVersion pythonVersion, String platform) {
    public static final IndexOptions DEFAULT = new IndexOptions(PythonVersion.LATEST, "linux");
}
