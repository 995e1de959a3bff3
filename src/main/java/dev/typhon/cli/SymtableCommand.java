package dev.typhon.cli;

import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.parser.SyntaxError;
import dev.typhon.semantic.index.IndexOptions;
import dev.typhon.semantic.index.SemanticError;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.index.SymtableDump;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code typhon debug symtable FILE...}: for each file a {@code # FILE} line, then its scope tree
 * and symbol flags in the layout of the reference program over CPython 3.11's {@code symtable}
 * module, or {@code !SyntaxError <line>:<col> <message>} where the file is rejected.
 */
@Command(name = "symtable",
        description = {
            "Print each file's scopes and symbol flags as the reference program over CPython 3.11's symtable module does.",
            "A file with a syntax or scoping error prints '!SyntaxError <line>:<col> <message>'; one that cannot be read, or is too large for the available memory, prints '!Error <message>'.",
            "Exit status: 0 if every file was accepted, 1 otherwise."},
        mixinStandardHelpOptions = true)
final class SymtableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Python source files.")
    List<Path> files;

    @Option(names = "--python-version", paramLabel = "X.Y",
            description = "Python version for syntax and static conditions (default: ${DEFAULT-VALUE}, the symtable oracle's).",
            defaultValue = "3.11", converter = PythonVersionConverter.class)
    PythonVersion pythonVersion;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allAccepted = true;
        for (Path file : files) {
            allAccepted &= renderFile(file, out, err);
            out.flush();
        }
        return allAccepted ? 0 : 1;
    }

    /**
     * Prints one file's block; returns whether it was accepted. A file that cannot be read, or is
     * too large for the heap, gets an {@code !Error} line and the next file is handled as usual.
     */
    private boolean renderFile(Path file, PrintWriter out, PrintWriter err) {
        StringBuilder text = new StringBuilder(1 << 14);
        String error;
        try {
            boolean accepted = render(file.toString(), Files.readAllBytes(file), pythonVersion, text);
            out.append(text);
            return accepted;
        } catch (IOException e) {
            String reason = FileFailures.describe(e, file);
            error = "!Error cannot read " + file + ": " + reason;
            err.println("typhon: " + file + ": cannot read: " + reason);
        } catch (OutOfMemoryError e) {
            text = null;
            String reason = FileFailures.tooLarge(file);
            error = "!Error " + file + ": " + reason;
            err.println("typhon: " + file + ": " + reason);
        }
        out.println("# " + file);
        out.println(error);
        return false;
    }

    /** Appends one file's block; returns whether the file was accepted. Shared with the tests. */
    static boolean render(String path, byte[] bytes, PythonVersion version, StringBuilder text) {
        text.append("# ").append(path).append('\n');
        ParseResult result = PythonParser.parse(bytes, new ParseOptions(version, false));
        if (result.hasErrors()) {
            SyntaxError first = result.errors().get(0);
            text.append("!SyntaxError ").append(first.lineno()).append(':').append(first.column())
                    .append(' ').append(first.message().replace('\n', ' ')).append('\n');
            return false;
        }
        SemanticIndex index = SemanticIndex.of(result.module(), new IndexOptions(version, "linux"));
        if (!index.errors().isEmpty()) {
            SemanticError first = index.errors().get(0);
            text.append("!SyntaxError ").append(first.lineno()).append(':').append(first.column())
                    .append(' ').append(first.message()).append('\n');
            return false;
        }
        SymtableDump.dump(index, text);
        return true;
    }
}
