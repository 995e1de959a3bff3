package dev.typhon.mdtest;

import dev.typhon.ast.Nullable;

/** A valid assertion (§6.2–6.4). */
public sealed interface ParsedAssertion {

    /** {@code # revealed: TYPE}: a reveal whose display is exactly {@code type}. */
    record Revealed(String type) implements ParsedAssertion {
        @Override
        public String toString() {
            return "revealed: " + type;
        }
    }

    /**
     * {@code # error: [COLUMN] [[RULE]] ["MESSAGE"]}: a diagnostic with all the given parts.
     *
     * @param column the 1-based code-point column of the diagnostic's start, or null
     * @param rule the rule name or diagnostic id, or null
     * @param message text the concise message must contain, or null
     */
    record Error(@Nullable Integer column, @Nullable String rule, @Nullable String message) implements ParsedAssertion {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("error:");
            if (column != null) {
                sb.append(' ').append(column);
            }
            if (rule != null) {
                sb.append(" [").append(rule).append(']');
            }
            if (message != null) {
                sb.append(" \"").append(message).append('"');
            }
            return sb.toString();
        }
    }

    /** {@code # snapshot[: CODE]}: a diagnostic (with that rule or id) that ty's inline snapshot shows. */
    record Snapshot(@Nullable String code) implements ParsedAssertion {
        @Override
        public String toString() {
            return code == null ? "snapshot" : "snapshot: " + code;
        }
    }
}
