package dev.typhon.mdtest;

/**
 * An assertion comment as found, not yet parsed (§6.1): ty parses assertions lazily, so a
 * malformed one on a line without diagnostics is merely unmatched.
 *
 * @param kind which keyword
 * @param body the text after the first colon, trimmed (empty when there is no colon)
 * @param line the 1-based line of the comment in its file
 * @param ownLine true when only whitespace precedes the comment on its line
 */
public record Assertion(Kind kind, String body, int line, boolean ownLine) {

    /** The three assertion keywords. */
    public enum Kind {
        REVEALED("revealed"), ERROR("error"), SNAPSHOT("snapshot");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /**
     * The assertion a comment holds, or null for an ordinary comment (§6.1): strip the {@code #} and
     * whitespace, cut at a second {@code #}, split at the first colon; the keyword must be exactly
     * {@code revealed}, {@code error} or {@code snapshot}.
     */
    public static Assertion fromComment(String comment, int line, boolean ownLine) {
        String text = comment.strip();
        if (!text.startsWith("#")) {
            return null;
        }
        text = text.substring(1).strip();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(0, hash);
        }
        int colon = text.indexOf(':');
        String keyword = (colon < 0 ? text : text.substring(0, colon)).strip();
        String body = colon < 0 ? "" : text.substring(colon + 1).strip();
        for (Kind kind : Kind.values()) {
            if (kind.keyword.equals(keyword)) {
                return new Assertion(kind, body, line, ownLine);
            }
        }
        return null;
    }

    /** As written: {@code revealed: int}, {@code error: [x]}, {@code snapshot}. */
    @Override
    public String toString() {
        return body.isEmpty() ? kind.keyword : kind.keyword + ": " + body;
    }
}
