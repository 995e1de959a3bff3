package dev.typhon.cli;

import dev.typhon.cli.check.CheckCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code typhon} command line: one subcommand per job, all running the library's engine. */
@Command(name = "typhon",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Symbols and types for Python code, on the JVM.",
        subcommands = {CheckCommand.class, DumpAstCommand.class, ResolveCommand.class, DebugCommand.class, MdtestCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI with the given streams and returns the exit status (for tests and embedding). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        int status = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return status;
    }

    @Override
    public void run() {
        // `typhon` alone: show what it can do rather than doing nothing.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
