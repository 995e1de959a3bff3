package dev.typhon.semantic.diagnostics;

import java.util.Locale;

/** A level in a {@code [rules]} table: {@code "ignore"}, {@code "warn"} or {@code "error"}. */
public enum RuleLevel {
    IGNORE, WARN, ERROR;

    /** The severity a rule at this level reports with, or null for {@link #IGNORE}. */
    public Severity severity() {
        return switch (this) {
            case IGNORE -> null;
            case WARN -> Severity.WARNING;
            case ERROR -> Severity.ERROR;
        };
    }

    /** Reads {@code ignore}, {@code warn}, {@code error}; anything else is an IllegalArgumentException. */
    public static RuleLevel parse(String text) {
        return switch (text) {
            case "ignore" -> IGNORE;
            case "warn" -> WARN;
            case "error" -> ERROR;
            default -> throw new IllegalArgumentException("unknown rule level `" + text + "`, expected one of `ignore`, `warn`, `error`");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
