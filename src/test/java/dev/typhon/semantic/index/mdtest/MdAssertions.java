package dev.typhon.semantic.index.mdtest;

import java.util.ArrayList;
import java.util.List;

/** The {@code # revealed:} and {@code # error:} assertions of an embedded file, with their target lines (§6). */
final class MdAssertions {

    record Assertion(int line, String kind, String body, int sourceLine) {
    }

    record Diagnostic(int line, int column, String rule, String message) {
    }

    static List<Assertion> extract(String code) {
        String[] lines = code.split("\n", -1);
        List<Assertion> out = new ArrayList<>();
        List<Assertion> stack = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = commentStart(line);
            Assertion a = null;
            boolean ownLine = false;
            if (hash >= 0) {
                ownLine = line.substring(0, hash).isBlank();
                String text = line.substring(hash + 1).strip();
                int inner = text.indexOf('#');
                if (inner >= 0) {
                    text = text.substring(0, inner);
                }
                int colon = text.indexOf(':');
                String keyword = (colon >= 0 ? text.substring(0, colon) : text).strip();
                String body = colon >= 0 ? text.substring(colon + 1).strip() : "";
                if (keyword.equals("revealed") || keyword.equals("error")) {
                    a = new Assertion(-1, keyword, body, i + 1);
                }
            }
            if (a == null) {
                if (!stack.isEmpty()) {
                    for (Assertion s : stack) {
                        out.add(new Assertion(i + 1, s.kind(), s.body(), s.sourceLine()));
                    }
                    stack.clear();
                }
                continue;
            }
            if (ownLine) {
                stack.add(a);
            } else {
                for (Assertion s : stack) {
                    out.add(new Assertion(i + 1, s.kind(), s.body(), s.sourceLine()));
                }
                stack.clear();
                out.add(new Assertion(i + 1, a.kind(), a.body(), a.sourceLine()));
            }
        }
        if (!stack.isEmpty()) {
            throw new IllegalArgumentException("trailing assertion comment not followed by any statement");
        }
        return out;
    }

    /** The column of a line's comment, skipping simple string literals; -1 if none. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#') {
                return i;
            }
        }
        return -1;
    }

    /** Whether a diagnostic satisfies an assertion (§6.2, §6.3); throws on a malformed assertion. */
    static boolean matches(Assertion a, Diagnostic d) {
        if (a.kind().equals("revealed")) {
            if (a.body().isEmpty()) {
                throw new IllegalArgumentException("line " + a.sourceLine() + ": empty revealed assertion");
            }
            return d.rule().equals("revealed-type") && d.message().equals(a.body());
        }
        String body = a.body();
        int column = -1;
        String rule = null;
        String message = null;
        int i = 0;
        if (i < body.length() && Character.isDigit(body.charAt(i))) {
            int end = body.indexOf(' ');
            end = end < 0 ? body.length() : end;
            column = Integer.parseInt(body.substring(0, end));
            i = end;
        }
        body = body.substring(i).strip();
        if (body.startsWith("[")) {
            int close = body.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("line " + a.sourceLine() + ": unclosed [");
            }
            rule = body.substring(1, close).strip();
            body = body.substring(close + 1).strip();
        }
        if (body.startsWith("\"")) {
            if (body.length() < 2 || !body.endsWith("\"")) {
                throw new IllegalArgumentException("line " + a.sourceLine() + ": unclosed message");
            }
            message = body.substring(1, body.length() - 1);
        } else if (!body.isEmpty()) {
            throw new IllegalArgumentException("line " + a.sourceLine() + ": invalid assertion: " + a.body());
        }
        if (rule == null && message == null) {
            throw new IllegalArgumentException("line " + a.sourceLine() + ": assertion needs a rule or a message");
        }
        return (rule == null || rule.equals(d.rule()))
                && (column < 0 || column == d.column())
                && (message == null || d.message().contains(message));
    }

    /** Greedy per-line matching (§10); returns the failures, empty when the file passes. */
    static List<String> match(List<Assertion> assertions, List<Diagnostic> diagnostics) {
        List<String> failures = new ArrayList<>();
        List<Diagnostic> remaining = new ArrayList<>(diagnostics);
        for (Assertion a : assertions) {
            Diagnostic found = null;
            for (Diagnostic d : remaining) {
                if (d.line() == a.line() && matches(a, d)) {
                    found = d;
                    break;
                }
            }
            if (found == null) {
                failures.add("line " + a.line() + ": unmatched assertion: " + a.kind() + ": " + a.body());
            } else {
                remaining.remove(found);
            }
        }
        for (Diagnostic d : remaining) {
            failures.add("line " + d.line() + ": unexpected diagnostic: [" + d.rule() + "] " + d.message());
        }
        return failures;
    }
}
