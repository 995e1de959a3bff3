package dev.typhon.cli.check.output;

import dev.typhon.cli.check.FileResult;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report, which CI servers show as test results: one {@code <testcase>} per checked
 * file (named by its path), a {@code <failure>} per diagnostic in it, an {@code <error>} when the
 * checker failed on the file. Written with the JDK's StAX writer, which escapes the text.
 */
public final class JunitRenderer implements Renderer {

    @Override
    public void render(List<FileResult> results, PrintWriter out) {
        int failures = 0;
        int errors = 0;
        for (FileResult r : results) {
            failures += r.diagnostics().size();
            errors += r.failure() == null ? 0 : 1;
        }
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "typhon");
            w.writeAttribute("tests", Integer.toString(results.size()));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", Integer.toString(errors));
            w.writeCharacters("\n  ");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "typhon check");
            w.writeAttribute("tests", Integer.toString(results.size()));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", Integer.toString(errors));
            for (FileResult r : results) {
                w.writeCharacters("\n    ");
                w.writeStartElement("testcase");
                w.writeAttribute("name", r.shown());
                w.writeAttribute("classname", r.shown());
                for (Diagnostic d : r.diagnostics()) {
                    w.writeCharacters("\n      ");
                    w.writeStartElement("failure");
                    w.writeAttribute("type", d.rule());
                    w.writeAttribute("message", d.conciseMessage());
                    w.writeCharacters(ConciseRenderer.line(r.shown(), d));
                    w.writeEndElement();
                }
                if (r.failure() != null) {
                    w.writeCharacters("\n      ");
                    w.writeStartElement("error");
                    w.writeAttribute("type", "internal-error");
                    w.writeAttribute("message", "the checker failed on this file: " + r.failure());
                    w.writeEndElement();
                }
                if (!r.diagnostics().isEmpty() || r.failure() != null) {
                    w.writeCharacters("\n    ");
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.println();
    }
}
