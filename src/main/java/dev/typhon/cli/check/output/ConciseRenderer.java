package dev.typhon.cli.check.output;

import dev.typhon.cli.check.FileResult;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** One line per diagnostic: {@code path:line:col: severity[rule] message}. */
public final class ConciseRenderer implements Renderer {

    @Override
    public void render(List<FileResult> results, PrintWriter out) {
        for (FileResult r : results) {
            for (Diagnostic d : r.diagnostics()) {
                out.println(line(r.shown(), d));
            }
        }
    }

    static String line(String path, Diagnostic d) {
        return path + ":" + d.range().startLine() + ":" + d.range().startColumn() + ": " + d.severity().label() + "["
                + d.rule() + "] " + d.conciseMessage();
    }
}
