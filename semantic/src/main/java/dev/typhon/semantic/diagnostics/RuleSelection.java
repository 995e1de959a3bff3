package dev.typhon.semantic.diagnostics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules a test enables and at what severity (§5): every rule is on, those that are off by
 * default at severity info, except {@link #DISABLED_BY_DEFAULT}; then the test's {@code [rules]}
 * table applies, its {@code all} key first, then each named rule.
 *
 * <p>The checker owns the rule registry: it asks {@link #severityOf} per rule and rejects the names
 * in {@link #namedRules()} it does not know (ty aborts such a test).
 */
public final class RuleSelection {

    /** The rules that stay off in tests unless {@code [rules]} turns them on. */
    public static final Set<String> DISABLED_BY_DEFAULT = Set.of("missing-override-decorator", "experimental-syntax",
            "unsound-assignment", "unsound-return-statement", "unsound-yield");

    /** The key that applies to every rule. */
    public static final String ALL = "all";

    public static final RuleSelection DEFAULT = new RuleSelection(Map.of());

    private final Map<String, RuleLevel> levels;

    /** The {@code [rules]} table as written (key order kept). */
    public RuleSelection(Map<String, RuleLevel> levels) {
        this.levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    /** The {@code [rules]} table as written, {@code all} included. */
    public Map<String, RuleLevel> levels() {
        return levels;
    }

    /** The rule names the table names, {@code all} excluded, sorted. */
    public Set<String> namedRules() {
        Set<String> names = new TreeSet<>(levels.keySet());
        names.remove(ALL);
        return names;
    }

    /**
     * The severity {@code rule} reports with in this test, or empty when it is off.
     *
     * @param defaultSeverity the rule's own default severity
     * @param enabledByDefault whether the rule is on outside tests
     */
    public Optional<Severity> severityOf(String rule, Severity defaultSeverity, boolean enabledByDefault) {
        Severity severity;
        if (DISABLED_BY_DEFAULT.contains(rule)) {
            severity = null;
        } else {
            severity = enabledByDefault ? defaultSeverity : Severity.INFO;
        }
        RuleLevel all = levels.get(ALL);
        if (all != null) {
            severity = all.severity();
        }
        RuleLevel own = rule.equals(ALL) ? null : levels.get(rule);
        if (own != null) {
            severity = own.severity();
        }
        return Optional.ofNullable(severity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSelection other && levels.equals(other.levels);
    }

    @Override
    public int hashCode() {
        return levels.hashCode();
    }

    @Override
    public String toString() {
        return "RuleSelection" + levels;
    }
}
