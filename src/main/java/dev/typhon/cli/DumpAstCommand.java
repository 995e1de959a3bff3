package dev.typhon.cli;

import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.dump.DumpLine;
import dev.typhon.ast.parser.ParseOptions;
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
 * {@code typhon dump-ast FILE...}: one line per file, in argument order, equal to CPython's
 * {@code ast.dump(ast.parse(source_bytes), include_attributes=True, show_empty=True)}; a file with a
 * syntax error prints {@code !SyntaxError <line>:<col> <message>}.
 */
@Command(name = "dump-ast",
        description = {
            "Print each file's syntax tree as CPython's ast.dump(ast.parse(source), include_attributes=True, show_empty=True), one line per file.",
            "A file with a syntax error prints '!SyntaxError <line>:<col> <message>'; one that cannot be read prints '!Error <message>'.",
            "Exit status: 0 if every file parsed, 1 otherwise."},
        mixinStandardHelpOptions = true)
final class DumpAstCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Python source files.")
    List<Path> files;

    @Option(names = "--python-version", paramLabel = "X.Y",
            description = "Report syntax newer than this Python version (default: ${DEFAULT-VALUE}).",
            defaultValue = "3.14", converter = PythonVersionConverter.class)
    PythonVersion pythonVersion;

    @Option(names = "--no-attributes", description = "Leave out positions (include_attributes=False).")
    boolean noAttributes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseOptions options = new ParseOptions(pythonVersion, false);
        boolean allParsed = true;
        StringBuilder line = new StringBuilder(1 << 16);
        for (Path file : files) {
            line.setLength(0);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | OutOfMemoryError e) {
                allParsed = false;
                String reason = describe(e);
                out.println("!Error cannot read " + file + ": " + reason);
                err.println("typhon: " + file + ": cannot read: " + reason);
                continue;
            }
            if (!DumpLine.append(bytes, options, !noAttributes, line)) {
                allParsed = false;
            }
            out.append(line).append('\n');
        }
        out.flush();
        return allParsed ? 0 : 1;
    }

    private static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof OutOfMemoryError) {
            return "file too large to hold in memory";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
