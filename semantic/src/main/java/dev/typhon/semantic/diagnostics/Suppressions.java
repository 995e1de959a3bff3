package dev.typhon.semantic.diagnostics;

import dev.typhon.ast.Constant;
import dev.typhon.ast.Located;
import dev.typhon.ast.Node;
import dev.typhon.ast.NodeTable;
import dev.typhon.ast.source.CommentDirectives;
import dev.typhon.ast.source.CommentDirectives.Suppression;
import dev.typhon.ast.source.CommentDirectives.Tool;
import dev.typhon.ast.source.Comments;
import dev.typhon.ast.source.LineIndex;
import dev.typhon.semantic.infer.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a file's suppression comments to its diagnostics, as ty does, and reports the
 * suppressions that suppressed nothing.
 *
 * <ul>
 *   <li>{@code # type: ignore} suppresses every rule (its codes are other tools' names);
 *       {@code # ty: ignore[rule, ...]} and {@code # typhon: ignore[rule, ...]} the rules named,
 *       or every rule when no list is given. {@code ty: ignore[]} names none and suppresses nothing.
 *   <li>A comment at the end of a line covers that line, and the lines before it that the line
 *       continues (a backslash continuation, a multi-line string ending on it). It suppresses a
 *       diagnostic whose range starts or ends on a covered line: a comment inside a parenthesized
 *       expression does not suppress the whole statement, nor one after it the inner lines.
 *   <li>An own-line suppression before the file's first statement covers the whole file.
 *   <li>Syntax errors and revealed types are never suppressed.
 *   <li>A suppression that suppressed nothing is reported: {@code unused-type-ignore-comment} for
 *       {@code type: ignore}, {@code unused-ignore-comment} for the others, naming the unused rules
 *       when only some were used (adjacent ones together). Those reports can themselves be
 *       suppressed by a code naming their rule.
 * </ul>
 */
final class Suppressions {
    static final String UNUSED_IGNORE = "unused-ignore-comment";
    static final String UNUSED_TYPE_IGNORE = "unused-type-ignore-comment";

    /** One suppression of the file, with the lines it covers and what it suppressed. */
    private static final class Entry {
        final Suppression s;
        final boolean fileLevel;
        final int firstLine;
        final int lastLine;
        final boolean[] codeUsed;
        boolean used;

        Entry(Suppression s, boolean fileLevel, int firstLine, int lastLine) {
            this.s = s;
            this.fileLevel = fileLevel;
            this.firstLine = firstLine;
            this.lastLine = lastLine;
            this.codeUsed = new boolean[s.codes().size()];
        }

        /** True for a {@code ty:}/{@code typhon:} suppression written with an empty code list. */
        boolean namesNothing(String text) {
            return s.tool() != Tool.TYPE && s.codes().isEmpty() && text.charAt(s.end() - 1) == ']';
        }

        boolean covers(Diagnostic d) {
            if (fileLevel) {
                return true;
            }
            int a = d.range().startLine();
            int b = d.range().endLine();
            return (a >= firstLine && a <= lastLine) || (b >= firstLine && b <= lastLine);
        }

        /** Marks the codes matching {@code rule} used; true when this suppression suppresses it. */
        boolean suppress(String rule, String text) {
            if (s.tool() == Tool.TYPE || (s.codes().isEmpty() && !namesNothing(text))) {
                return true;
            }
            boolean hit = false;
            for (int i = 0; i < codeUsed.length; i++) {
                if (s.codes().get(i).equals(rule)) {
                    codeUsed[i] = true;
                    hit = true;
                }
            }
            return hit;
        }
    }

    private Suppressions() {
    }

    /** The diagnostics that survive the file's suppressions, plus the unused-suppression reports. */
    static List<Diagnostic> apply(SourceFile file, List<Diagnostic> diagnostics) {
        Comments comments = file.parse().comments();
        if (comments.isEmpty()) {
            return diagnostics;
        }
        List<Entry> entries = entries(file, comments);
        if (entries.isEmpty()) {
            return diagnostics;
        }
        String text = file.lines().text();
        List<Diagnostic> kept = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            if (!suppressible(d) || !suppressedBy(entries, d, text)) {
                kept.add(d);
            }
        }
        // Reports of unused suppressions, themselves subject to suppression by a code naming them.
        // A comment's own unused codes are never silenced by itself: its unused-ignore-comment code
        // was already counted as used or unused when its report was made.
        for (Entry reporter : entries) {
            for (Diagnostic d : unusedReports(file, reporter, text)) {
                boolean hidden = false;
                for (Entry e : entries) {
                    if (e != reporter && e.s.tool() != Tool.TYPE && e.covers(d) && e.s.codes().contains(d.rule())) {
                        e.suppress(d.rule(), text);
                        hidden = true;
                    }
                }
                if (!hidden) {
                    kept.add(d);
                }
            }
        }
        return kept;
    }

    private static boolean suppressible(Diagnostic d) {
        return !d.rule().equals("invalid-syntax") && !d.rule().equals("revealed-type") && !d.rule().equals("io");
    }

    private static boolean suppressedBy(List<Entry> entries, Diagnostic d, String text) {
        boolean suppressed = false;
        for (Entry e : entries) {
            if (e.covers(d) && e.suppress(d.rule(), text)) {
                e.used = true;
                suppressed = true;
            }
        }
        return suppressed;
    }

    private static List<Diagnostic> unusedReports(SourceFile file, Entry e, String text) {
        Suppression s = e.s;
        List<Diagnostic> out = new ArrayList<>(1);
        String directive = s.tool().prefix() + ": ignore";
        if (s.tool() == Tool.TYPE) {
            if (!e.used) {
                out.add(report(file, UNUSED_TYPE_IGNORE, "Unused blanket `" + directive + "` directive", s.start(), s.end()));
            }
            return out;
        }
        if (e.namesNothing(text)) {
            out.add(report(file, UNUSED_IGNORE, "Unused `" + directive + "` without a code", s.start(), s.end()));
            return out;
        }
        if (s.codes().isEmpty()) {
            if (!e.used) {
                out.add(report(file, UNUSED_IGNORE, "Unused blanket `" + directive + "` directive", s.start(), s.end()));
            }
            return out;
        }
        // A code naming the unused-suppression rule is used when another code of the comment is not.
        boolean otherUnused = false;
        for (int i = 0; i < e.codeUsed.length; i++) {
            if (!e.codeUsed[i] && !s.codes().get(i).equals(UNUSED_IGNORE)) {
                otherUnused = true;
            }
        }
        boolean anyUsed = false;
        for (int i = 0; i < e.codeUsed.length; i++) {
            if (s.codes().get(i).equals(UNUSED_IGNORE) && otherUnused) {
                e.codeUsed[i] = true;
            }
            anyUsed |= e.codeUsed[i] && !s.codes().get(i).equals(UNUSED_IGNORE);
        }
        if (otherUnused && !anyUsed) {
            if (!s.codes().contains(UNUSED_IGNORE)) {
                out.add(report(file, UNUSED_IGNORE, "Unused `" + directive + "` directive", s.start(), s.end()));
            }
            return out;
        }
        if (otherUnused && s.codes().contains(UNUSED_IGNORE)) {
            return out;  // the unused codes' report is suppressed by the comment itself
        }
        // Some codes were used: name the unused ones, adjacent ones in one report.
        int i = 0;
        while (i < e.codeUsed.length) {
            if (e.codeUsed[i]) {
                i++;
                continue;
            }
            StringBuilder names = new StringBuilder();
            while (i < e.codeUsed.length && !e.codeUsed[i]) {
                if (!names.isEmpty()) {
                    names.append(", ");
                }
                names.append('\'').append(s.codes().get(i)).append('\'');
                i++;
            }
            out.add(report(file, UNUSED_IGNORE, "Unused `" + directive + "` directive: " + names, s.start(), s.end()));
        }
        return out;
    }

    private static Diagnostic report(SourceFile file, String rule, String message, int start, int end) {
        return new Diagnostic(rule, Severity.WARNING, message, null, file.path(), SourceRange.of(file.lines(), start, end));
    }

    /** Every suppression comment of the file, with the lines it covers. */
    private static List<Entry> entries(SourceFile file, Comments comments) {
        LineIndex lines = file.lines();
        String text = lines.text();
        int firstStatement = firstStatementStart(file);
        List<Entry> entries = new ArrayList<>();
        int[] stringStartLine = null;
        for (int i = 0; i < comments.size(); i++) {
            for (CommentDirectives.Directive d : CommentDirectives.in(comments, i)) {
                if (!(d instanceof Suppression s)) {
                    continue;
                }
                boolean ownLine = text.substring(lines.lineStart(s.line()), comments.start(i)).isBlank();
                if (ownLine && s.start() < firstStatement) {
                    entries.add(new Entry(s, true, s.line(), s.line()));
                    continue;
                }
                if (stringStartLine == null) {
                    stringStartLine = multiLineStrings(file);
                }
                entries.add(new Entry(s, false, firstCoveredLine(lines, stringStartLine, s.line()), s.line()));
            }
        }
        return entries;
    }

    /** The first line a comment on {@code line} covers: back over continuations and multi-line strings. */
    private static int firstCoveredLine(LineIndex lines, int[] stringStartLine, int line) {
        String text = lines.text();
        int first = line;
        while (true) {
            int stringStart = first < stringStartLine.length ? stringStartLine[first] : 0;
            if (stringStart > 0 && stringStart < first) {
                first = stringStart;
                continue;
            }
            if (first > 1 && endsWithBackslash(text, lines, first - 1)) {
                first--;
                continue;
            }
            return first;
        }
    }

    private static boolean endsWithBackslash(String text, LineIndex lines, int line) {
        int end = lines.lineEnd(line);
        int p = end;
        while (p > lines.lineStart(line) && (text.charAt(p - 1) == '\n' || text.charAt(p - 1) == '\r')) {
            p--;
        }
        return p > lines.lineStart(line) && text.charAt(p - 1) == '\\';
    }

    /** For each line a multi-line string constant ends on, the line it starts on (else 0). */
    private static int[] multiLineStrings(SourceFile file) {
        LineIndex lines = file.lines();
        int[] starts = new int[lines.lineCount() + 2];
        NodeTable table = file.nodeTable();
        for (int id = 0; id < table.size(); id++) {
            Node n = table.node(id);
            if (n instanceof Constant c) {
                int sl = c.lineno();
                int el = c.endLineno();
                if (el > sl && el < starts.length && (starts[el] == 0 || starts[el] > sl)) {
                    starts[el] = sl;
                }
            }
        }
        return starts;
    }

    private static int firstStatementStart(SourceFile file) {
        var body = file.parse().module().body();
        if (body.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        return body.get(0) instanceof Located loc ? loc.startOffset() : Integer.MAX_VALUE;
    }
}
