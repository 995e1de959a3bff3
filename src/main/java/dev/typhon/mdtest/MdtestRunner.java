package dev.typhon.mdtest;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs suites: parses each, sets up each test's files, has the {@link MdtestChecker} check every
 * checked file, matches its diagnostics against the assertions and reports each failure as
 * {@code <suite>:<line> <test name>: <what differed>}. A malformed suite counts as one failed test,
 * reported on the line of the problem; a checker that throws fails its test, and the run goes on.
 */
public final class MdtestRunner {

    /** Where the runner's lines go. */
    public interface Reporter {
        /** A failure line: {@code <suite>:<line> <test name>: <what differed>}. */
        void failure(String line);

        /** Something worth knowing that is no failure (a skipped test). */
        void note(String line);

        /** Test {@code testName} of the suite shown as {@code suite} passed. */
        default void passed(String suite, String testName) {
        }
    }

    /**
     * What the run counted.
     *
     * @param passed tests that passed
     * @param failed tests that failed, a malformed or unreadable suite counting as one
     * @param skipped tests that were not run (see {@link TestResult#skipped()})
     */
    public record Summary(int passed, int failed, int skipped) {

        public Summary plus(Summary o) {
            return new Summary(passed + o.passed, failed + o.failed, skipped + o.skipped);
        }

        /** The closing line: {@code N passed, M failed}. */
        public String closingLine() {
            return passed + " passed, " + failed + " failed";
        }
    }

    private final MdtestChecker checker;
    private final @Nullable Path typeshed;
    private final @Nullable String filter;
    private final Reporter reporter;

    /**
     * @param checker the engine under test
     * @param typeshed the typeshed folder for tests without a custom one, or null for the bundled one
     * @param filter run only the tests whose full name contains this, or null for all
     * @param reporter where failures and notes go
     */
    public MdtestRunner(MdtestChecker checker, @Nullable Path typeshed, @Nullable String filter, Reporter reporter) {
        this.checker = checker;
        this.typeshed = typeshed;
        this.filter = filter;
        this.reporter = reporter;
    }

    /** Runs each suite file in order. */
    public Summary run(List<Path> suites) {
        Summary total = new Summary(0, 0, 0);
        for (Path suite : suites) {
            total = total.plus(runSuite(suite));
        }
        return total;
    }

    /** Runs one suite file, reported under its path as given. */
    public Summary runSuite(Path file) {
        String display = file.toString();
        Path name = file.getFileName();
        String title = name == null ? display : name.toString();
        String source;
        try {
            source = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            reporter.failure(display + ":1 " + title + ": cannot read suite: not UTF-8");
            return new Summary(0, 1, 0);
        } catch (IOException e) {
            reporter.failure(display + ":1 " + title + ": cannot read suite: " + e);
            return new Summary(0, 1, 0);
        }
        return runSuite(display, title, source);
    }

    /** Runs the suite {@code source}, whose root title is {@code title}, reported as {@code display}. */
    public Summary runSuite(String display, String title, String source) {
        MarkdownSuite suite;
        try {
            suite = SuiteParser.parse(title, source);
        } catch (SuiteParseException e) {
            reporter.failure(display + ":" + e.line() + " " + title + ": invalid suite: " + e.getMessage());
            return new Summary(0, 1, 0);
        } catch (RuntimeException | StackOverflowError e) {
            reporter.failure(display + ":1 " + title + ": internal error in the mdtest runner: " + describe(e));
            return new Summary(0, 1, 0);
        }
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (MarkdownTest test : suite.tests()) {
            if (filter != null && !test.name().contains(filter)) {
                continue;
            }
            TestResult result = runTest(test);
            if (result.skipped() != null) {
                skipped++;
                reporter.note(display + ":" + test.line() + " " + test.name() + ": skipped: " + result.skipped());
            } else if (result.passed()) {
                passed++;
                reporter.passed(display, test.name());
            } else {
                failed++;
                for (TestResult.Failure f : result.failures()) {
                    reporter.failure(display + ":" + f.line() + " " + test.name() + ": " + f.message());
                }
            }
        }
        return new Summary(passed, failed, skipped);
    }

    /** Runs one test in a fresh file system. Never throws: every problem is a failure of the test. */
    public TestResult runTest(MarkdownTest test) {
        if (test.config().hasExternalDependencies()) {
            return new TestResult(test, List.of(), "needs packages from PyPI ([project] dependencies)");
        }
        try (TestSetup setup = TestSetup.create(test, typeshed)) {
            if (setup.checkedFiles().stream().anyMatch(f -> f.source().isNotebook())) {
                return new TestResult(test, List.of(), "notebooks (ipynb) are not supported");
            }
            return check(test, setup);
        } catch (TestSetup.SetupException e) {
            return new TestResult(test, List.of(new TestResult.Failure(e.line(), e.getMessage())), null);
        } catch (IOException e) {
            return new TestResult(test, List.of(new TestResult.Failure(test.line(), "cannot set up the test's files: " + e)), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new TestResult(test, List.of(new TestResult.Failure(test.line(),
                    "internal error in the mdtest runner: " + describe(e))), null);
        }
    }

    private TestResult check(MarkdownTest test, TestSetup setup) {
        MdtestEnvironment env = setup.environment();
        String expectPanic = test.directives().expectPanic();
        boolean panicked = false;
        List<TestResult.Failure> failures = new ArrayList<>();
        for (TestSetup.CheckedFile file : setup.checkedFiles()) {
            EmbeddedFile source = file.source();
            ParseResult parsed = PythonParser.parse(source.code().getBytes(StandardCharsets.UTF_8));
            AssertionExtractor.FileAssertions assertions = AssertionExtractor.extract(parsed);
            MdtestEnvironment fileEnv = ScriptMetadata.read(parsed.source().text())
                    .map(script -> env.withProjectSettings(script.rules(), script.analysis()))
                    .orElse(env);
            List<Diagnostic> diagnostics;
            try {
                diagnostics = checker.check(fileEnv, file.path());
            } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError | AssertionError e) {
                if (expectPanic != null && describe(e).contains(expectPanic)) {
                    panicked = true;
                } else {
                    failures.add(new TestResult.Failure(source.markdownLine(1), "panicked: " + describe(e)));
                }
                continue;
            }
            List<TestResult.Failure> fileFailures = new ArrayList<>();
            for (DiagnosticMatcher.LineFailure f : DiagnosticMatcher.match(parsed.source().text(), assertions,
                    diagnostics == null ? List.of() : diagnostics)) {
                fileFailures.add(new TestResult.Failure(source.markdownLine(f.line()), f.message()));
            }
            fileFailures.addAll(snapshotFailures(source, assertions));
            fileFailures.sort(Comparator.comparingInt(TestResult.Failure::line));
            failures.addAll(fileFailures);
        }
        if (expectPanic != null) {
            if (panicked) {
                return new TestResult(test, List.of(), null);
            }
            failures.add(new TestResult.Failure(test.line(), "expected the checker to panic"
                    + (expectPanic.isEmpty() ? "" : " with a message containing `" + expectPanic + "`") + ", but it did not"));
        }
        return new TestResult(test, failures, null);
    }

    /**
     * The inline-snapshot structure (§9.1): each {@code # snapshot} assertion needs a {@code snapshot}
     * block after its code block, and each {@code snapshot} block a {@code # snapshot} assertion in
     * the code block it follows. The rendered text is not compared.
     */
    static List<TestResult.Failure> snapshotFailures(EmbeddedFile file, AssertionExtractor.FileAssertions assertions) {
        List<TestResult.Failure> out = new ArrayList<>();
        boolean[] asserted = new boolean[file.blocks().size()];
        for (LineAssertions la : assertions.lines()) {
            for (Assertion a : la.assertions()) {
                if (a.kind() != Assertion.Kind.SNAPSHOT) {
                    continue;
                }
                int block = file.blockOfLine(a.line());
                if (block < 0) {
                    continue;
                }
                asserted[block] = true;
                if (!file.blocks().get(block).hasSnapshot()) {
                    out.add(new TestResult.Failure(file.markdownLine(a.line()),
                            "`# snapshot` assertion without a `snapshot` block after its code block"));
                }
            }
        }
        for (int i = 0; i < asserted.length; i++) {
            CodeBlock block = file.blocks().get(i);
            if (block.hasSnapshot() && !asserted[i]) {
                out.add(new TestResult.Failure(block.snapshotLine(),
                        "`snapshot` block without a `# snapshot` assertion in the code block before it"));
            }
        }
        return out;
    }

    /** An exception and where it was thrown: {@code java.lang.IllegalStateException: msg (at a.B.c(B.java:12))}. */
    static String describe(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        String text = String.valueOf(t).replace('\n', ' ');
        return frames.length == 0 ? text : text + " (at " + frames[0] + ")";
    }
}
