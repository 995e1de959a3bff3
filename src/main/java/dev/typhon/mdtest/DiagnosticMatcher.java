package dev.typhon.mdtest;

import dev.typhon.ast.parser.TokenBuffer;
import dev.typhon.ast.parser.TokenKind;
import dev.typhon.ast.parser.Tokenizer;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Matches one file's diagnostics against its assertions (§10): both are grouped by line and walked
 * in ascending order; on a line with both, each assertion in source order consumes the first
 * still-unconsumed diagnostic that satisfies it (greedy, no backtracking), and whatever is left on
 * either side is a failure. Every diagnostic counts, whatever its severity.
 */
public final class DiagnosticMatcher {

    /** The id of reveal diagnostics. */
    public static final String REVEALED_TYPE = "revealed-type";
    /** The lint for {@code reveal_type} used without importing it; a matching reveal absorbs one. */
    public static final String UNDEFINED_REVEAL = "undefined-reveal";
    /** Reveal headlines whose annotation is the bare text, not backticked (§6.2). */
    private static final Set<String> BARE_REVEALS = Set.of("Assignability holds", "Subtyping holds", "Revealed MRO");
    private static final Pattern TODO = Pattern.compile("@Todo\\([^)]*\\)");

    /**
     * A mismatch on a line of the file.
     *
     * @param line the 1-based line of the file
     * @param message what differed, in ty's words ({@code unmatched assertion: revealed: int})
     */
    public record LineFailure(int line, String message) {
    }

    private DiagnosticMatcher() {
    }

    /**
     * Matches {@code diagnostics}, all of the file whose text is {@code text}, against its assertions.
     * Returns the failures in line order; empty when everything is accounted for.
     */
    public static List<LineFailure> match(String text, AssertionExtractor.FileAssertions assertions,
            List<Diagnostic> diagnostics) {
        TokenLines tokens = new TokenLines(text);
        TreeMap<Integer, List<Diagnostic>> byLine = new TreeMap<>();
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.range().startOffset()));
        for (Diagnostic d : sorted) {
            byLine.computeIfAbsent(tokens.attributedLine(d), l -> new ArrayList<>()).add(d);
        }
        TreeMap<Integer, List<Assertion>> assertionsByLine = new TreeMap<>();
        for (LineAssertions la : assertions.lines()) {
            assertionsByLine.computeIfAbsent(la.line(), l -> new ArrayList<>()).addAll(la.assertions());
        }
        List<LineFailure> failures = new ArrayList<>();
        for (int line : assertions.trailingStacks()) {
            failures.add(new LineFailure(line, "trailing assertion comment not followed by any statement"));
        }
        TreeMap<Integer, Boolean> lines = new TreeMap<>();
        byLine.keySet().forEach(l -> lines.put(l, true));
        assertionsByLine.keySet().forEach(l -> lines.put(l, true));
        for (int line : lines.keySet()) {
            List<Assertion> lineAssertions = assertionsByLine.getOrDefault(line, List.of());
            List<Diagnostic> lineDiagnostics = byLine.getOrDefault(line, List.of());
            if (lineDiagnostics.isEmpty()) {
                for (Assertion a : lineAssertions) {
                    failures.add(new LineFailure(line, "unmatched assertion: " + a));
                }
                continue;
            }
            List<Diagnostic> unmatched = new ArrayList<>(lineDiagnostics);
            for (Assertion a : lineAssertions) {
                ParsedAssertion parsed;
                try {
                    parsed = AssertionParser.parse(a);
                } catch (InvalidAssertionException e) {
                    failures.add(new LineFailure(line, "invalid assertion `" + a + "`: " + e.getMessage()));
                    continue;
                }
                if (!consume(parsed, unmatched)) {
                    failures.add(new LineFailure(line, "unmatched assertion: " + parsed));
                }
            }
            for (Diagnostic d : unmatched) {
                failures.add(new LineFailure(line, unexpected(d)));
            }
        }
        failures.sort(Comparator.comparingInt(LineFailure::line));
        return failures;
    }

    /** Removes the diagnostics {@code assertion} consumes from {@code unmatched}; false when it matches none. */
    static boolean consume(ParsedAssertion assertion, List<Diagnostic> unmatched) {
        switch (assertion) {
            case ParsedAssertion.Error error -> {
                for (int i = 0; i < unmatched.size(); i++) {
                    if (satisfies(error, unmatched.get(i))) {
                        unmatched.remove(i);
                        return true;
                    }
                }
                return false;
            }
            case ParsedAssertion.Revealed revealed -> {
                String expected = normaliseTodo(revealed.type());
                return consumeReveal(unmatched, d -> revealMatches(d, expected));
            }
            case ParsedAssertion.Snapshot snapshot -> {
                String code = snapshot.code();
                if (code == null) {
                    if (unmatched.isEmpty()) {
                        return false;
                    }
                    unmatched.remove(0);
                    return true;
                }
                if (code.equals(REVEALED_TYPE)) {
                    return consumeReveal(unmatched, d -> d.rule().equals(REVEALED_TYPE));
                }
                for (int i = 0; i < unmatched.size(); i++) {
                    if (unmatched.get(i).rule().equals(code)) {
                        unmatched.remove(i);
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /** Consumes the first reveal that {@code accepts} and, when there is one, the first {@code undefined-reveal}. */
    private static boolean consumeReveal(List<Diagnostic> unmatched, java.util.function.Predicate<Diagnostic> accepts) {
        int reveal = -1;
        int undefined = -1;
        for (int i = 0; i < unmatched.size(); i++) {
            Diagnostic d = unmatched.get(i);
            if (reveal < 0 && d.rule().equals(REVEALED_TYPE) && accepts.test(d)) {
                reveal = i;
            } else if (undefined < 0 && d.rule().equals(UNDEFINED_REVEAL)) {
                undefined = i;
            }
        }
        if (reveal < 0) {
            return false;
        }
        Diagnostic r = unmatched.get(reveal);
        Diagnostic u = undefined < 0 ? null : unmatched.get(undefined);
        unmatched.remove(r);
        if (u != null) {
            unmatched.remove(u);
        }
        return true;
    }

    /** Whether a diagnostic has every part the error assertion gives (§6.3). */
    static boolean satisfies(ParsedAssertion.Error error, Diagnostic d) {
        return (error.rule() == null || d.rule().equals(error.rule()))
                && (error.column() == null || error.column() == d.range().startColumn())
                && (error.message() == null || d.conciseMessage().contains(error.message()));
    }

    /** Whether a reveal diagnostic shows {@code expected} (already {@code @Todo}-normalised), §6.2. */
    static boolean revealMatches(Diagnostic d, String expected) {
        if (!d.rule().equals(REVEALED_TYPE)) {
            return false;
        }
        String shown = normaliseTodo(d.annotation() == null ? "" : d.annotation());
        return BARE_REVEALS.contains(d.headline()) ? shown.equals(expected) : shown.equals("`" + expected + "`");
    }

    /** Reduces every {@code @Todo(...)} to {@code @Todo}, as ty's release builds print it. */
    public static String normaliseTodo(String display) {
        return display.contains("@Todo(") ? TODO.matcher(display).replaceAll("@Todo") : display;
    }

    /** ty's report of a diagnostic no assertion accounts for. */
    static String unexpected(Diagnostic d) {
        String original = d.range().startColumn() + " [" + d.rule() + "] \"" + d.conciseMessage() + "\"";
        if (d.rule().equals(UNDEFINED_REVEAL)) {
            return "used built-in `reveal_type`: add a `# revealed` assertion on this line (original diagnostic: "
                    + original + ")";
        }
        return "unexpected error: " + original;
    }

    /**
     * The line a diagnostic belongs to (§6.6): that of the token containing its start, which differs
     * from the start's own line inside a multi-line string.
     */
    static final class TokenLines {
        private final String text;
        /** Three ints per multi-line string token: start, end, line. */
        private int[] multiLine;
        private int count;

        TokenLines(String text) {
            this.text = text;
        }

        int attributedLine(Diagnostic d) {
            int line = d.range().startLine();
            int offset = d.range().startOffset();
            if (line <= 1 || offset <= 0 || offset > text.length()) {
                return line;
            }
            if (multiLine == null) {
                tokenize();
            }
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int start = multiLine[mid * 3];
                int end = multiLine[mid * 3 + 1];
                if (offset < start) {
                    hi = mid - 1;
                } else if (offset >= end) {
                    lo = mid + 1;
                } else {
                    return Math.min(line, multiLine[mid * 3 + 2]);
                }
            }
            return line;
        }

        private void tokenize() {
            TokenBuffer tokens = Tokenizer.tokenize(text);
            int[] table = new int[24];
            int n = 0;
            for (int i = 0; i < tokens.size(); i++) {
                TokenKind kind = tokens.kind(i);
                boolean stringy = kind == TokenKind.STRING || kind == TokenKind.FSTRING_MIDDLE
                        || kind == TokenKind.TSTRING_MIDDLE || kind == TokenKind.ERRORTOKEN;
                if (stringy && tokens.endLine(i) > tokens.line(i) && tokens.end(i) > tokens.start(i)) {
                    if (n * 3 == table.length) {
                        table = java.util.Arrays.copyOf(table, table.length * 2);
                    }
                    table[n * 3] = tokens.start(i);
                    table[n * 3 + 1] = tokens.end(i);
                    table[n * 3 + 2] = tokens.line(i);
                    n++;
                }
            }
            multiLine = table;
            count = n;
        }
    }
}
