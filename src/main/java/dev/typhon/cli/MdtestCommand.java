package dev.typhon.cli;

import dev.typhon.mdtest.Checkers;
import dev.typhon.mdtest.MdtestRunner;
import dev.typhon.mdtest.PassingList;
import dev.typhon.mdtest.SuiteFinder;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code typhon mdtest PATH...}: runs test suites in ty's Markdown format and prints each failure as
 * {@code <suite>:<line> <test name>: <what differed>}, then {@code N passed, M failed}.
 */
@Command(name = "mdtest",
        description = {
            "Run test suites in ty's Markdown test format (mdtest): every *.md below each folder, and each file given.",
            "Prints each failing assertion as '<suite>:<line> <test name>: <what differed>' and closes with 'N passed, M failed' (tests).",
            "Python version and platform come from each test's configuration (default 3.10, linux).",
            "Exit status: 0 if every test passed, 1 if some failed, 2 on bad usage."},
        mixinStandardHelpOptions = true)
final class MdtestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Suite files, or folders to search for *.md suites.")
    List<Path> paths;

    @Option(names = "--typeshed", paramLabel = "DIR",
            description = "Use this typeshed (a folder with stdlib/) instead of the bundled one, for tests without their own.")
    Path typeshedDir;

    @Option(names = "--filter", paramLabel = "SUBSTRING",
            description = "Run only the tests whose full name ('suite.md - Section - Test') contains this text.")
    String filter;

    @Option(names = "--write-passing", paramLabel = "FILE",
            description = "Also write the passing tests to FILE, one per line: the suite's path below the folder given "
                    + "as PATH, ' :: ', and the test's full name (the list the conformance ratchet reads).")
    Path passingList;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (typeshedDir != null) {
            try {
                Typeshed.fromDirectory(typeshedDir);
            } catch (IOException | IllegalStateException e) {
                err.println("typhon: --typeshed: " + e.getMessage());
                return 2;
            }
        }
        List<Path> suites;
        try {
            suites = SuiteFinder.find(paths);
        } catch (NoSuchFileException e) {
            err.println("typhon: " + e.getFile() + ": no such file or folder");
            return 2;
        } catch (IOException e) {
            err.println("typhon: " + e.getMessage());
            return 2;
        }
        List<String> passing = new java.util.ArrayList<>();
        MdtestRunner runner = new MdtestRunner(Checkers.defaultChecker(),
                typeshedDir == null ? null : typeshedDir.toAbsolutePath().normalize(), filter,
                new MdtestRunner.Reporter() {
                    @Override
                    public void failure(String line) {
                        out.println(line);
                        out.flush();
                    }

                    @Override
                    public void note(String line) {
                        err.println(line);
                        err.flush();
                    }

                    @Override
                    public void passed(String suite, String testName) {
                        passing.add(PassingList.key(paths, Path.of(suite), testName));
                    }
                });
        MdtestRunner.Summary summary = runner.run(suites);
        if (passingList != null) {
            try {
                PassingList.write(passingList, passing);
            } catch (IOException e) {
                err.println("typhon: --write-passing: cannot write " + passingList + ": " + e.getMessage());
                return 2;
            }
        }
        out.println(summary.closingLine());
        out.flush();
        return summary.failed() == 0 ? 0 : 1;
    }
}
