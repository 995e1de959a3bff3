package dev.typhon.ast;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Python language version such as 3.9: what syntax is accepted and which stdlib modules exist. */
public record PythonVersion(int major, int minor) implements Comparable<PythonVersion> {

    public static final PythonVersion PY38 = new PythonVersion(3, 8);
    public static final PythonVersion PY39 = new PythonVersion(3, 9);
    public static final PythonVersion PY310 = new PythonVersion(3, 10);
    public static final PythonVersion PY311 = new PythonVersion(3, 11);
    public static final PythonVersion PY312 = new PythonVersion(3, 12);
    public static final PythonVersion PY313 = new PythonVersion(3, 13);
    public static final PythonVersion PY314 = new PythonVersion(3, 14);
    /** The newest version whose syntax Typhon knows. */
    public static final PythonVersion LATEST = PY314;
    /** The oldest version Typhon models (syntax gates, typeshed's {@code VERSIONS}). */
    public static final PythonVersion OLDEST = PY38;

    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)");

    public PythonVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative version component: " + major + "." + minor);
        }
    }

    /**
     * Parses {@code "3.9"}.
     *
     * @throws IllegalArgumentException with a message fit for a user when the text is not X.Y
     */
    public static PythonVersion parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "invalid Python version '" + text + "': expected MAJOR.MINOR, for example 3.12");
        }
        try {
            return new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid Python version '" + text + "': number too large");
        }
    }

    /**
     * Parses {@code "3.9"} and requires a version between {@link #OLDEST} and {@link #LATEST}.
     *
     * @throws IllegalArgumentException with a message fit for a user when the text is not X.Y or
     *     the version is outside that range
     */
    public static PythonVersion parseSupported(String text) {
        PythonVersion version = parse(text);
        if (!version.isSupported()) {
            throw new IllegalArgumentException("unsupported Python version '" + text.strip() + "': Typhon supports "
                    + OLDEST + " to " + LATEST);
        }
        return version;
    }

    /** True for {@link #OLDEST} to {@link #LATEST}, the versions Typhon models. */
    public boolean isSupported() {
        return atLeast(OLDEST) && LATEST.atLeast(this);
    }

    public boolean atLeast(PythonVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(PythonVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
