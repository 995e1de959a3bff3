package dev.typhon.semantic.resolve;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * typeshed's {@code stdlib/VERSIONS}: which Python versions have which standard-library module.
 * Lines read {@code module: X.Y-} (since X.Y) or {@code module: X.Y-A.B} (X.Y up to and including
 * A.B); {@code #} starts a comment. A submodule not listed lives as long as its parent; one that is
 * listed must also satisfy every listed ancestor (it cannot outlive its package).
 *
 * <p>Parsing never throws: malformed lines are skipped and reported by {@link #problems()}.
 */
public final class TypeshedVersions {

    /** The versions a module exists in: from {@code first} up to {@code last} (null: still there). */
    public record Range(PythonVersion first, @Nullable PythonVersion last) {
        public boolean contains(PythonVersion version) {
            return version.atLeast(first) && (last == null || last.atLeast(version));
        }

        @Override
        public String toString() {
            return first + "-" + (last == null ? "" : last.toString());
        }
    }

    /** Whether a module exists in a given version, and if not, why. */
    public sealed interface Availability {
        /** The module is listed (itself or through a parent) and exists in that version. */
        record Available(Range range) implements Availability {}

        /** Neither the module nor any parent is listed: not a standard-library module. */
        record NotListed() implements Availability {}

        /** {@code module} (the module or a parent) first appeared in {@code version}. */
        record AddedIn(String module, PythonVersion version) implements Availability {}

        /** {@code module} (the module or a parent) was gone from {@code version} on. */
        record RemovedIn(String module, PythonVersion version) implements Availability {}

        default boolean isAvailable() {
            return this instanceof Available;
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*:\\s*(\\d+)\\.(\\d+)\\s*-\\s*(?:(\\d+)\\.(\\d+))?");

    private final Map<String, Range> ranges;
    private final List<String> problems;

    private TypeshedVersions(Map<String, Range> ranges, List<String> problems) {
        this.ranges = ranges;
        this.problems = problems;
    }

    public static TypeshedVersions parse(String text) {
        Map<String, Range> ranges = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add("VERSIONS line " + (i + 1) + ": expected 'module: X.Y-' or 'module: X.Y-A.B', found '" + line + "'");
                continue;
            }
            try {
                PythonVersion first = new PythonVersion(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                PythonVersion last = m.group(4) == null ? null
                        : new PythonVersion(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
                if (last != null && first.compareTo(last) > 0) {
                    problems.add("VERSIONS line " + (i + 1) + ": empty range " + first + "-" + last);
                    continue;
                }
                if (ranges.putIfAbsent(m.group(1), new Range(first, last)) != null) {
                    problems.add("VERSIONS line " + (i + 1) + ": " + m.group(1) + " listed twice; the first entry counts");
                }
            } catch (NumberFormatException e) {
                problems.add("VERSIONS line " + (i + 1) + ": version number too large");
            }
        }
        return new TypeshedVersions(Map.copyOf(ranges), List.copyOf(problems));
    }

    /** Malformed lines that parsing skipped. */
    public List<String> problems() {
        return problems;
    }

    /** The module's own entry, if it has one (submodules without one inherit their parent's). */
    public Optional<Range> explicitRange(String module) {
        return Optional.ofNullable(ranges.get(module));
    }

    /** The range that applies to the module: its own entry or its nearest listed parent's. */
    public Optional<Range> range(String module) {
        for (String m = module; ; m = m.substring(0, m.lastIndexOf('.'))) {
            Range r = ranges.get(m);
            if (r != null) {
                return Optional.of(r);
            }
            if (m.indexOf('.') < 0) {
                return Optional.empty();
            }
        }
    }

    /** Does {@code module} exist in the standard library of Python {@code version}? */
    public boolean exists(String module, PythonVersion version) {
        return availability(module, version).isAvailable();
    }

    /** Whether {@code module} exists in {@code version}; checks every listed ancestor, outermost first. */
    public Availability availability(String module, PythonVersion version) {
        Range applying = null;
        int end = 0;
        while (end >= 0) {
            end = module.indexOf('.', end + 1);
            String prefix = end < 0 ? module : module.substring(0, end);
            Range r = ranges.get(prefix);
            if (r == null) {
                continue;
            }
            applying = r;
            if (version.compareTo(r.first()) < 0) {
                return new Availability.AddedIn(prefix, r.first());
            }
            if (r.last() != null && version.compareTo(r.last()) > 0) {
                return new Availability.RemovedIn(prefix, new PythonVersion(r.last().major(), r.last().minor() + 1));
            }
        }
        return applying == null ? new Availability.NotListed() : new Availability.Available(applying);
    }

    /** Every listed module name. */
    public java.util.Set<String> modules() {
        return ranges.keySet();
    }
}
