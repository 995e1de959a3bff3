package dev.typhon.cli.check.output;

import dev.typhon.cli.check.FileResult;
import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.Rules;
import dev.typhon.semantic.diagnostics.SourceRange;
import java.io.PrintWriter;
import java.util.List;

/**
 * ty's (and rustc's) full format: the headline with severity and rule, where it is, and the source
 * line with the range underlined and the annotation beside the carets:
 * <pre>
 * error[unresolved-reference]: Name `x` used when not defined
 *  --&gt; app.py:3:7
 *   |
 * 3 | print(x)
 *   |       ^
 *   |
 * </pre>
 * A range over several lines is underlined to the end of its first line. Tabs are shown as four
 * spaces, and the carets follow them.
 */
public final class FullRenderer implements Renderer {
    private static final int TAB = 4;

    @Override
    public void render(List<FileResult> results, PrintWriter out) {
        for (FileResult r : results) {
            if (r.diagnostics().isEmpty()) {
                continue;
            }
            List<String> lines = SourceLines.read(r.file());
            for (Diagnostic d : r.diagnostics()) {
                render(r.shown(), d, lines, out);
                out.println();
            }
        }
    }

    static void render(String path, Diagnostic d, List<String> lines, PrintWriter out) {
        SourceRange range = d.range();
        out.println(d.severity().label() + "[" + d.rule() + "]: " + d.headline());
        int lineNo = range.startLine();
        String gutter = " ".repeat(Integer.toString(lineNo).length());
        out.println(gutter + "--> " + path + ":" + lineNo + ":" + range.startColumn());
        if (lineNo - 1 < lines.size()) {
            String source = lines.get(lineNo - 1);
            int[] cps = source.codePoints().toArray();
            int startCp = Math.min(range.startColumn() - 1, cps.length);
            int endCp = range.endLine() == lineNo ? Math.min(range.endColumn() - 1, cps.length) : cps.length;
            int startWidth = width(cps, 0, startCp);
            int underline = Math.max(1, width(cps, startCp, Math.max(startCp, endCp)));
            out.println(gutter + " |");
            out.println(lineNo + " | " + expandTabs(cps));
            String annotation = d.annotation() == null || d.annotation().isEmpty() ? "" : " " + d.annotation();
            out.println(gutter + " | " + " ".repeat(startWidth) + "^".repeat(underline) + annotation);
            out.println(gutter + " |");
        } else if (d.annotation() != null && !d.annotation().isEmpty()) {
            out.println(gutter + " = " + d.annotation());
        }
        Rules.Rule rule = Rules.lookup(d.rule());
        if (rule != null) {
            out.println("info: rule `" + d.rule() + "` " + (rule.enabledByDefault() ? "is enabled by default" : "was selected"));
        }
    }

    /** The columns code points {@code from..to} of a line take on screen, a tab counting as four. */
    private static int width(int[] cps, int from, int to) {
        int w = 0;
        for (int i = from; i < to; i++) {
            w += cps[i] == '\t' ? TAB : 1;
        }
        return w;
    }

    private static String expandTabs(int[] cps) {
        StringBuilder b = new StringBuilder();
        for (int cp : cps) {
            if (cp == '\t') {
                b.append(" ".repeat(TAB));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }
}
