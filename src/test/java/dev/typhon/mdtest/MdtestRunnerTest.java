package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.RuleLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running suites with a fake checker: reporting, crashes, the per-test file system and environment. */
class MdtestRunnerTest {

    /** Collects what the runner reports. */
    static final class Lines implements MdtestRunner.Reporter {
        final List<String> failures = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        @Override
        public void failure(String line) {
            failures.add(line);
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }
    }

    /** Reveals `reveal_type(NAME)` calls as the type named in a `# fake: TYPE` comment on the same line. */
    static final MdtestChecker FAKE_REVEALS = (env, file) -> {
        String text = Files.readString(file);
        List<Diagnostic> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int call = lines[i].indexOf("reveal_type(");
            int fake = lines[i].indexOf("# fake: ");
            if (call >= 0 && fake >= 0) {
                String type = lines[i].substring(fake + "# fake: ".length()).strip();
                int hash = type.indexOf('#');
                type = (hash >= 0 ? type.substring(0, hash) : type).strip();
                String upTo = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, i + 1));
                out.add(DiagnosticMatcherTest.reveal(upTo, i + 1, call + "reveal_type(".length() + 1, type));
            }
        }
        return out;
    };

    private static MdtestRunner.Summary run(MdtestChecker checker, String suite, Lines lines) {
        return new MdtestRunner(checker, null, null, lines).runSuite("dir/suite.md", "suite.md", suite);
    }

    @Test
    void failuresAreReportedOnTheirMarkdownLines() {
        Lines lines = new Lines();
        MdtestRunner.Summary summary = run(FAKE_REVEALS, """
                # Reveals

                ## Passes

                ```py
                reveal_type(x)  # revealed: int  # fake: int
                ```

                ## Fails in the second block

                ```py
                a = 1
                ```

                Then:

                ```py
                reveal_type(a)  # revealed: int  # fake: str
                reveal_type(a)  # fake: int
                ```
                """, lines);
        assertEquals(new MdtestRunner.Summary(1, 1, 0), summary);
        assertEquals(List.of(
                "dir/suite.md:18 suite.md - Reveals - Fails in the second block: unmatched assertion: revealed: int",
                "dir/suite.md:18 suite.md - Reveals - Fails in the second block: unexpected error: 13 [revealed-type] \"Revealed type: `str`\"",
                "dir/suite.md:19 suite.md - Reveals - Fails in the second block: unexpected error: 13 [revealed-type] \"Revealed type: `int`\""),
                lines.failures);
        assertEquals("1 passed, 1 failed", summary.closingLine());
    }

    @Test
    void aCrashFailsItsTestWithTheFirstFrameAndTheRunGoesOn() {
        Lines lines = new Lines();
        MdtestChecker crashing = (env, file) -> {
            if (Files.readString(file).contains("boom")) {
                throw new IllegalStateException("boom");
            }
            return List.of();
        };
        MdtestRunner.Summary summary = run(crashing, """
                # Crashes

                ```py
                x = 1
                boom = 2
                ```

                # Runs anyway

                ```py
                y = 1
                ```
                """, lines);
        assertEquals(new MdtestRunner.Summary(1, 1, 0), summary);
        assertEquals(1, lines.failures.size());
        String failure = lines.failures.get(0);
        assertTrue(failure.startsWith("dir/suite.md:4 suite.md - Crashes: panicked: java.lang.IllegalStateException: boom (at dev.typhon.mdtest.MdtestRunnerTest."),
                failure);
    }

    @Test
    void expectPanicPassesOnlyWhenTheCheckerCrashesWithTheText() {
        MdtestChecker crashing = (env, file) -> {
            throw new UnsupportedOperationException("not yet: " + Files.readString(file).strip());
        };
        String suite = """
                # Panics as expected

                <!-- expect-panic: not yet -->

                ```py
                x = 1
                ```

                # Panics otherwise

                <!-- expect-panic: something else -->

                ```py
                x = 1
                ```
                """;
        Lines lines = new Lines();
        assertEquals(new MdtestRunner.Summary(1, 1, 0), run(crashing, suite, lines));
        assertEquals(2, lines.failures.size(), lines.failures.toString());
        assertTrue(lines.failures.get(0).startsWith("dir/suite.md:14 suite.md - Panics otherwise: panicked: java.lang.UnsupportedOperationException: not yet: x = 1"));
        assertEquals("dir/suite.md:9 suite.md - Panics otherwise: expected the checker to panic with a message containing `something else`, but it did not",
                lines.failures.get(1));
        Lines calm = new Lines();
        assertEquals(new MdtestRunner.Summary(0, 2, 0), run((env, file) -> List.of(), suite, calm));
    }

    @Test
    void aMalformedSuiteIsOneFailureOnItsLine() {
        Lines lines = new Lines();
        assertEquals(new MdtestRunner.Summary(0, 1, 0), run(FAKE_REVEALS, "# A\n\n```py title=\"x.py\"\nx = 1\n```\n", lines));
        assertEquals(List.of("dir/suite.md:3 suite.md: invalid suite: Trailing code-block metadata is not supported. Only the code "
                + "block language and a `{data-mdtest=\"ignore\"}` attribute can be given; name files with a path label."), lines.failures);
    }

    @Test
    void theFilterSelectsTestsByFullName() {
        Lines lines = new Lines();
        MdtestRunner runner = new MdtestRunner(FAKE_REVEALS, null, "B - Inner", lines);
        MdtestRunner.Summary summary = runner.runSuite("suite.md", "suite.md",
                "# A\n\n```py\nreveal_type(1)  # fake: int\n```\n\n# B\n\n## Inner\n\n```py\nx = 1\n```\n");
        assertEquals(new MdtestRunner.Summary(1, 0, 0), summary);
        assertEquals(List.of(), lines.failures);
    }

    @Test
    void testsWithExternalDependenciesAndNotebooksAreSkipped() {
        Lines lines = new Lines();
        MdtestRunner.Summary summary = run(FAKE_REVEALS, """
                # External

                ```toml
                [environment]
                python-platform = "linux"

                [project]
                dependencies = ["attrs==25.1.0"]
                ```

                ```py
                import attrs
                ```

                # Notebook

                ```ipynb
                {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                ```
                """, lines);
        assertEquals(new MdtestRunner.Summary(0, 0, 2), summary);
        assertEquals(List.of("dir/suite.md:1 suite.md - External: skipped: needs packages from PyPI ([project] dependencies)",
                "dir/suite.md:15 suite.md - Notebook: skipped: notebooks (ipynb) are not supported"), lines.notes);
    }

    @Test
    void snapshotBlocksAndAssertionsMustPairUp() {
        Lines lines = new Lines();
        MdtestChecker oneDiagnosticPerFile = (env, file) -> List.of(DiagnosticMatcherTest.at(Files.readString(file), 1, 1, "x", "m", null));
        MdtestRunner.Summary summary = run(oneDiagnosticPerFile, """
                # Paired

                ```py
                a = 1  # snapshot
                ```

                ```snapshot
                error[x]: m
                ```

                # Assertion without block

                ```py
                a = 1  # snapshot: x
                ```

                # Block without assertion

                ```py
                a = 1  # error: [x]
                ```

                ```snapshot
                error[x]: m
                ```
                """, lines);
        assertEquals(new MdtestRunner.Summary(1, 2, 0), summary);
        assertEquals(List.of(
                "dir/suite.md:14 suite.md - Assertion without block: `# snapshot` assertion without a `snapshot` block after its code block",
                "dir/suite.md:23 suite.md - Block without assertion: `snapshot` block without a `# snapshot` assertion in the code block before it"),
                lines.failures);
    }

    @Test
    void eachTestGetsAFreshFileSystemAndItsEnvironment() throws Exception {
        List<MdtestEnvironment> seen = new ArrayList<>();
        Map<String, String> contents = new HashMap<>();
        MdtestChecker recording = (env, file) -> {
            seen.add(env);
            contents.put(env.displayPath(file), Files.readString(file));
            try (var walk = Files.walk(env.root())) {
                walk.filter(Files::isRegularFile).forEach(p -> {
                    try {
                        contents.put(env.displayPath(p), Files.readString(p));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            return List.of();
        };
        Lines lines = new Lines();
        MdtestRunner.Summary summary = run(recording, """
                # Defaults

                ```py
                x = 1
                ```

                # Everything

                ```toml
                [environment]
                python-version = "3.13"
                python-platform = "win32"
                typeshed = "/typeshed"
                python = "/.venv"
                extra-paths = ["extra", "/.venv/<path-to-site-packages>/more"]

                [rules]
                all = "ignore"
                ```

                `/typeshed/stdlib/builtins.pyi`:

                ```pyi
                class int: ...
                ```

                `/typeshed/stdlib/os/__init__.pyi`:

                ```pyi
                sep: str
                ```

                `/.venv/pyvenv.cfg`:

                ```cfg
                home = /do/not/care
                ```

                `/.venv/<path-to-site-packages>/foo/__init__.py`:

                ```py
                X = 1
                ```

                `/.venv/<path-to-site-packages>/_foo.pth`:

                ```pth
                pkgs
                ```

                `pkg/__init__.pyi`:

                ```pyi
                ```

                `pkg/data.txt`:

                ```text
                not checked
                ```

                `pkgs/README`:

                ```text
                the .pth file's folder
                ```

                `main.py`:

                ```py
                import foo
                ```
                """, lines);
        assertEquals(new MdtestRunner.Summary(2, 0, 0), summary, lines.failures.toString());

        MdtestEnvironment defaults = seen.get(0);
        assertEquals(PythonVersion.PY310, defaults.pythonVersion());
        assertEquals("linux", defaults.pythonPlatform());
        assertNull(defaults.typeshed());
        assertEquals(List.of(), defaults.sitePackages());
        assertEquals("/src", defaults.srcRoot().toString());
        assertEquals(List.of(defaults.srcRoot().resolve("mdtest_snippet.py")), defaults.checkedFiles());
        // closed with its test
        assertThrows(ClosedFileSystemException.class, () -> Files.readString(defaults.srcRoot().resolve("mdtest_snippet.py")));

        MdtestEnvironment env = seen.get(1);
        assertEquals(3, seen.size(), "two checked files in the second test");
        assertTrue(seen.get(1) == seen.get(2), "one environment for the files of a test");
        assertTrue(seen.get(1) != seen.get(0));
        assertEquals(new PythonVersion(3, 13), env.pythonVersion());
        assertEquals("win32", env.pythonPlatform());
        assertEquals("/typeshed", env.typeshed().toString());
        assertEquals("/.venv", env.python().toString());
        assertEquals(List.of("/.venv/lib/python3.13/site-packages", "/src/pkgs"),
                env.sitePackages().stream().map(Path::toString).toList());
        assertEquals(List.of("/src/extra", "/.venv/lib/python3.13/site-packages/more"), env.extraPaths().stream().map(Path::toString).toList());
        assertEquals(RuleLevel.IGNORE, env.rules().levels().get("all"));
        assertEquals(List.of("/src/pkg/__init__.pyi", "/src/main.py"), env.checkedFiles().stream().map(Path::toString).toList());
        assertEquals("builtins: 3.8-\nos: 3.8-\n", contents.get("typeshed/stdlib/VERSIONS"));
        assertEquals("/src/pkgs", contents.get(".venv/lib/python3.13/site-packages/_foo.pth"));
        assertEquals("X = 1", contents.get(".venv/lib/python3.13/site-packages/foo/__init__.py"));
        assertEquals("not checked", contents.get("src/pkg/data.txt"));
        assertEquals("", contents.get("src/pkg/__init__.pyi"));
    }

    @Test
    void aSuppliedVersionsFileIsKept() throws Exception {
        List<String> versions = new ArrayList<>();
        MdtestChecker reading = (env, file) -> {
            versions.add(Files.readString(env.typeshed().resolve("stdlib/VERSIONS")));
            return List.of();
        };
        Lines lines = new Lines();
        run(reading, """
                # Custom typeshed

                ```toml
                [environment]
                typeshed = "/typeshed"
                ```

                `/typeshed/stdlib/VERSIONS`:

                ```text
                builtins: 3.9-
                ```

                `/typeshed/stdlib/builtins.pyi`:

                ```pyi
                ```

                ```py
                x = 1
                ```
                """, lines);
        assertEquals(List.of("builtins: 3.9-"), versions, lines.failures.toString());
    }

    @Test
    void theOsFileSystemIsARealFolderDeletedAfterwards() {
        List<Path> roots = new ArrayList<>();
        MdtestChecker recording = (env, file) -> {
            roots.add(env.root());
            assertTrue(Files.isRegularFile(env.root().resolve("src/pkg/mod.py")));
            assertEquals(env.root().toString() + "/src/lib", Files.readString(env.root().resolve("site/x.pth")));
            assertEquals("src/pkg/mod.py", env.displayPath(file));
            return List.of();
        };
        Lines lines = new Lines();
        MdtestRunner.Summary summary = run(recording, """
                # On disk

                ```toml
                system = "os"
                ```

                `/site/x.pth`:

                ```pth
                lib
                ```

                `pkg/mod.py`:

                ```py
                x = 1
                ```
                """, lines);
        assertEquals(new MdtestRunner.Summary(1, 0, 0), summary, lines.failures.toString());
        assertEquals(1, roots.size());
        assertEquals(roots.get(0).getFileSystem(), java.nio.file.FileSystems.getDefault());
        assertFalse(Files.exists(roots.get(0)));
    }

    @Test
    void setupProblemsFailTheTestOnTheirLine() {
        Lines lines = new Lines();
        MdtestRunner.Summary summary = run((env, file) -> List.of(), """
                # Labelled toml file

                `pyproject.toml`:

                ```toml
                [project]
                ```

                # Missing environment

                ```toml
                [environment]
                python = "/.venv"
                ```

                ```py
                x = 1
                ```
                """, lines);
        assertEquals(new MdtestRunner.Summary(0, 2, 0), summary);
        assertEquals(2, lines.failures.size());
        assertTrue(lines.failures.get(0).startsWith("dir/suite.md:5 suite.md - Labelled toml file: cannot write `pyproject.toml`: "
                + "files of language `toml` are not supported"), lines.failures.get(0));
        assertTrue(lines.failures.get(1).startsWith("dir/suite.md:11 suite.md - Missing environment: environment.python: "),
                lines.failures.get(1));
    }

    @Test
    void theRunnersTypeshedIsUsedWhenTheTestHasNone(@TempDir Path dir) throws Exception {
        List<Path> typesheds = new ArrayList<>();
        MdtestChecker recording = (env, file) -> {
            typesheds.add(env.typeshed());
            return List.of();
        };
        Path suite = Files.writeString(dir.resolve("s.md"), "# T\n\n```py\nx = 1\n```\n", StandardCharsets.UTF_8);
        MdtestRunner.Summary summary = new MdtestRunner(recording, dir, null, new Lines()).run(List.of(suite));
        assertEquals(new MdtestRunner.Summary(1, 0, 0), summary);
        assertEquals(List.of(dir), typesheds);
    }

    @Test
    void theParseOnlyCheckerReportsSyntaxErrorsAsInvalidSyntax() {
        Lines lines = new Lines();
        MdtestRunner.Summary summary = run(new ParseOnlyChecker(), """
                # Asserted error

                ```py
                x = 1 +  # error: [invalid-syntax]
                ```

                # Syntax newer than the test's version

                ```toml
                [environment]
                python-version = "3.11"
                ```

                ```py
                type X = int  # error: [invalid-syntax]
                ```

                # The same under 3.12

                ```toml
                [environment]
                python-version = "3.12"
                ```

                ```py
                type X = int
                ```

                # Unasserted error

                ```py
                y = 1
                x = (
                ```
                """, lines);
        assertEquals(new MdtestRunner.Summary(3, 1, 0), summary, lines.failures.toString());
        assertEquals(1, lines.failures.size());
        assertTrue(lines.failures.get(0).startsWith("dir/suite.md:33 suite.md - Unasserted error: unexpected error: 5 [invalid-syntax] "),
                lines.failures.toString());
    }
}
