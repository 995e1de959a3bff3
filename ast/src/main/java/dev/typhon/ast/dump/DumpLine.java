package dev.typhon.ast.dump;

import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.parser.SyntaxError;
import java.io.IOException;

/**
 * The one-line result of {@code dump-ast} for one file: CPython's
 * {@code ast.dump(ast.parse(source_bytes), include_attributes=True, show_empty=True)}, or
 * {@code !SyntaxError <line>:<col> <message>} for the first error when the file does not parse.
 * The CLI and the parity tests both print through here, so they cannot drift apart.
 */
public final class DumpLine {

    private DumpLine() {
    }

    /** Appends the line (without a line break) for the given file bytes; returns whether it parsed. */
    public static boolean append(byte[] source, ParseOptions options, boolean includeAttributes, StringBuilder out) {
        ParseResult result = PythonParser.parse(source, options);
        if (result.hasErrors()) {
            syntaxError(result.errors().get(0), out);
            return false;
        }
        AstDump.dump(result.module(), includeAttributes, out);
        return true;
    }

    /**
     * Writes the line (without a line break) for an already parsed file to {@code out} piece by
     * piece, never holding the whole dump in memory; returns whether the file parsed.
     */
    public static boolean write(ParseResult result, boolean includeAttributes, Appendable out) throws IOException {
        if (result.hasErrors()) {
            StringBuilder line = new StringBuilder(128);
            syntaxError(result.errors().get(0), line);
            out.append(line);
            return false;
        }
        AstDump.dump(result.module(), includeAttributes, out);
        return true;
    }

    private static void syntaxError(SyntaxError first, StringBuilder out) {
        out.append("!SyntaxError ").append(first.lineno()).append(':').append(first.column()).append(' ');
        String message = first.message();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            out.append(c == '\n' ? ' ' : c);
        }
    }

    /** The line for the given file bytes, positions included. */
    public static String of(byte[] source) {
        StringBuilder sb = new StringBuilder(source.length * 8 + 16);
        append(source, ParseOptions.DEFAULT, true, sb);
        return sb.toString();
    }
}
