package dev.typhon.mdtest;

import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.parser.SyntaxError;
import dev.typhon.ast.source.LineIndex;
import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.Severity;
import dev.typhon.semantic.diagnostics.SourceRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A checker that only parses: each syntax error (including syntax newer than the test's Python
 * version) becomes an {@code invalid-syntax} diagnostic. It stands in until type inference exists,
 * so the runner works end to end.
 */
public final class ParseOnlyChecker implements MdtestChecker {

    @Override
    public List<Diagnostic> check(MdtestEnvironment env, Path file) throws Exception {
        PythonVersion version = env.pythonVersion();
        // The parser knows syntax up to its newest version; a newer test version accepts all of it.
        ParseOptions options = ParseOptions.DEFAULT.withTargetVersion(
                PythonVersion.LATEST.atLeast(version) ? version : PythonVersion.LATEST);
        ParseResult result = PythonParser.parse(Files.readAllBytes(file), options);
        String text = result.source().text();
        LineIndex lines = LineIndex.of(text);
        String path = env.displayPath(file);
        List<Diagnostic> out = new ArrayList<>();
        for (SyntaxError e : result.errors()) {
            out.add(new Diagnostic("invalid-syntax", Severity.ERROR, e.message(), null, path, range(e, lines, text)));
        }
        return out;
    }

    static SourceRange range(SyntaxError e, LineIndex lines, String text) {
        if (e.lineno() <= 0) {
            return SourceRange.fileStart();
        }
        int start = Math.min(Math.max(0, e.startOffset()), text.length());
        int end = Math.min(Math.max(start, e.endOffset()), text.length());
        return new SourceRange(start, end, lines.lineOf(start), lines.charColOf(start) + 1, lines.lineOf(end),
                lines.charColOf(end) + 1);
    }
}
