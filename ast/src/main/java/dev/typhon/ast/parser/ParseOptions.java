package dev.typhon.ast.parser;

import dev.typhon.ast.PythonVersion;
import java.util.Objects;

/**
 * How to parse: the Python version whose syntax is accepted (newer syntax is reported as an error,
 * so code meant for an older interpreter is checked against it), and whether {@code # type:}
 * comments become part of the tree as with CPython's {@code ast.parse(..., type_comments=True)}.
 */
public record ParseOptions(PythonVersion targetVersion, boolean typeComments) {

    /** The newest syntax Typhon knows, type comments ignored. */
    public static final ParseOptions DEFAULT = new ParseOptions(PythonVersion.LATEST, false);

    public ParseOptions {
        Objects.requireNonNull(targetVersion, "targetVersion");
    }

    public ParseOptions withTargetVersion(PythonVersion version) {
        return new ParseOptions(version, typeComments);
    }

    public ParseOptions withTypeComments(boolean on) {
        return new ParseOptions(targetVersion, on);
    }
}
