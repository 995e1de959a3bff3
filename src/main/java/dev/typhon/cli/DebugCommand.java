package dev.typhon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code typhon debug ...}: views of the library's internal models, for comparison with CPython. */
@Command(name = "debug",
        description = "Print internal models (symbol tables, ...) of Python files.",
        mixinStandardHelpOptions = true,
        subcommands = {SymtableCommand.class, InferCommand.class})
final class DebugCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
