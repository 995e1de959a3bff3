package dev.typhon.cli;

import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.dump.DumpLine;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
 * syntax error prints {@code !SyntaxError <line>:<col> <message>}, one that cannot be read or is
 * too large for the heap {@code !Error <reason>}. Each line is written as it is produced and flushed
 * once the file is done.
 */
@Command(name = "dump-ast",
        description = {
            "Print each file's syntax tree as CPython's ast.dump(ast.parse(source), include_attributes=True, show_empty=True), one line per file.",
            "A file with a syntax error prints '!SyntaxError <line>:<col> <message>'; one that cannot be read, or is too large for the available memory, prints '!Error <message>'.",
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
        for (Path file : files) {
            allParsed &= dumpFile(file, options, out, err);
            out.flush();
        }
        return allParsed ? 0 : 1;
    }

    /**
     * Prints one file's line, streaming the dump rather than building it whole; returns whether the
     * file parsed. A file that cannot be read, or is too large for the heap, gets an {@code !Error}
     * line and the next file is handled as if nothing happened.
     */
    private boolean dumpFile(Path file, ParseOptions options, PrintWriter out, PrintWriter err) {
        ParseResult result;
        try {
            result = parse(file, options);
        } catch (IOException e) {
            String reason = FileFailures.describe(e, file);
            out.println("!Error cannot read " + file + ": " + reason);
            err.println("typhon: " + file + ": cannot read: " + reason);
            return false;
        } catch (OutOfMemoryError e) {
            tooLarge(file, out, err);
            return false;
        }
        try {
            boolean parsed = DumpLine.write(result, !noAttributes, out);
            out.append('\n');
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a PrintWriter does not throw; kept for the signature
        } catch (OutOfMemoryError e) {
            result = null;
            // Part of the line may be out already: end it so the error stands on a line of its own.
            out.append('\n');
            tooLarge(file, out, err);
            return false;
        }
    }

    /** Reads and parses in a frame of its own, so the file's bytes are garbage once it returns. */
    private static ParseResult parse(Path file, ParseOptions options) throws IOException {
        return PythonParser.parse(Files.readAllBytes(file), options);
    }

    private static void tooLarge(Path file, PrintWriter out, PrintWriter err) {
        String reason = FileFailures.tooLarge(file);
        out.println("!Error " + file + ": " + reason);
        err.println("typhon: " + file + ": " + reason);
    }
}
