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
            "A file with a syntax or scoping error prints '!SyntaxError <line>:<col> <message>'.",
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
        boolean allAccepted = true;
        StringBuilder text = new StringBuilder(1 << 14);
        for (Path file : files) {
            text.setLength(0);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | OutOfMemoryError e) {
                allAccepted = false;
                out.println("# " + file);
                out.println("!Error cannot read " + file + ": " + e.getClass().getSimpleName());
                continue;
            }
            allAccepted &= render(file.toString(), bytes, pythonVersion, text);
            out.append(text);
        }
        out.flush();
        return allAccepted ? 0 : 1;
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
