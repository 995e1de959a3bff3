package dev.typhon.mdtest;

/** Parses an {@link Assertion}'s body into a {@link ParsedAssertion} (§6.2–6.4). */
public final class AssertionParser {

    private AssertionParser() {
    }

    public static ParsedAssertion parse(Assertion assertion) throws InvalidAssertionException {
        return switch (assertion.kind()) {
            case REVEALED -> {
                if (assertion.body().isEmpty()) {
                    throw new InvalidAssertionException("Must specify which type should be revealed");
                }
                yield new ParsedAssertion.Revealed(assertion.body());
            }
            case ERROR -> parseError(assertion.body());
            case SNAPSHOT -> new ParsedAssertion.Snapshot(assertion.body().isEmpty() ? null : assertion.body());
        };
    }

    /**
     * The body of an {@code # error:} assertion: optional column, then optional {@code [rule]}, then
     * an optional {@code "message"} that runs to the final quote of the (trimmed) body; at least a
     * rule or a message.
     */
    static ParsedAssertion.Error parseError(String body) throws InvalidAssertionException {
        String source = body.strip();
        Integer column = null;
        String rule = null;
        int n = source.length();
        int i = skipWhitespace(source, 0);
        while (i < n) {
            char c = source.charAt(i);
            if (c >= '0' && c <= '9') {
                if (column != null) {
                    throw new InvalidAssertionException("multiple column numbers in one assertion");
                }
                if (rule != null) {
                    throw new InvalidAssertionException("column number must precede the rule code");
                }
                int start = i;
                while (i < n && !Character.isWhitespace(source.charAt(i))) {
                    i++;
                }
                String text = source.substring(start, i);
                int value;
                try {
                    value = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new InvalidAssertionException("bad column number `" + text + "`");
                }
                if (value < 1) {
                    throw new InvalidAssertionException("bad column number `" + text + "`: columns start at 1");
                }
                column = value;
            } else if (c == '[') {
                if (rule != null) {
                    throw new InvalidAssertionException("multiple rule codes in one assertion");
                }
                int close = source.indexOf(']', i + 1);
                if (close < 0) {
                    throw new InvalidAssertionException("expected `]` to close the rule code");
                }
                rule = source.substring(i + 1, close).strip();
                i = close + 1;
            } else if (c == '"') {
                if (n - i < 2 || source.charAt(n - 1) != '"') {
                    throw new InvalidAssertionException("expected `\"` to be the last character of an assertion with a message");
                }
                return new ParsedAssertion.Error(column, rule, source.substring(i + 1, n - 1));
            } else {
                throw new InvalidAssertionException("unexpected character `" + c + "` at offset " + i + " of `" + source + "`");
            }
            i = skipWhitespace(source, i);
        }
        if (rule == null) {
            throw new InvalidAssertionException("no rule or message text");
        }
        return new ParsedAssertion.Error(column, rule, null);
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
