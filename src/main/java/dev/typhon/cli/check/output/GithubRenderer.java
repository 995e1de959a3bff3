package dev.typhon.cli.check.output;

import dev.typhon.cli.check.FileResult;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub Actions workflow commands, one per diagnostic, which the Actions runner turns into
 * annotations on the pull request:
 * {@code ::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=typhon (RULE)::MESSAGE}
 * (warnings as {@code ::warning}, infos as {@code ::notice}).
 */
public final class GithubRenderer implements Renderer {

    @Override
    public void render(List<FileResult> results, PrintWriter out) {
        for (FileResult r : results) {
            for (Diagnostic d : r.diagnostics()) {
                String command = switch (d.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "notice";
                };
                var range = d.range();
                out.println("::" + command + " file=" + property(r.shown()) + ",line=" + range.startLine() + ",col="
                        + range.startColumn() + ",endLine=" + range.endLine() + ",endColumn=" + range.endColumn()
                        + ",title=" + property("typhon (" + d.rule() + ")") + "::"
                        + data(r.shown() + ":" + range.startLine() + ":" + range.startColumn() + ": " + d.conciseMessage()));
            }
        }
    }

    /** The escaping the runner undoes in a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The escaping the runner undoes in a command's property values. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
