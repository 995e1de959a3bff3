package dev.typhon.cli.check.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.typhon.cli.check.FileResult;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A JSON array with one object per diagnostic; the schema is documented in the README and is
 * stable (fields may be added, never renamed or removed):
 * <pre>
 * {"rule": "unresolved-reference", "severity": "error", "message": "Name `x` used when not defined",
 *  "headline": "...", "annotation": null, "path": "src/app.py",
 *  "start": {"line": 3, "column": 7}, "end": {"line": 3, "column": 8}}
 * </pre>
 * Lines and columns are 1-based, columns in Unicode code points, the end exclusive.
 */
public final class JsonRenderer implements Renderer {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public void render(List<FileResult> results, PrintWriter out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartArray();
            for (FileResult r : results) {
                for (Diagnostic d : r.diagnostics()) {
                    g.writeStartObject();
                    g.writeStringField("rule", d.rule());
                    g.writeStringField("severity", d.severity().label());
                    g.writeStringField("message", d.conciseMessage());
                    g.writeStringField("headline", d.headline());
                    g.writeStringField("annotation", d.annotation());
                    g.writeStringField("path", r.shown());
                    position(g, "start", d.range().startLine(), d.range().startColumn());
                    position(g, "end", d.range().endLine(), d.range().endColumn());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void position(JsonGenerator g, String name, int line, int column) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("line", line);
        g.writeNumberField("column", column);
        g.writeEndObject();
    }
}
