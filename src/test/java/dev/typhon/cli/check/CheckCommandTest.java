package dev.typhon.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** {@code typhon check}: formats, configuration, discovery, exit statuses and stable parallel output. */
class CheckCommandTest {

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    /** Runs check with the project root set, so the repository's own files never count as the project. */
    Run check(Path root, String... args) {
        List<String> all = new ArrayList<>(List.of("--project-root", root.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    static Run run(String... args) {
        return run(new CheckCommand(), args);
    }

    static Run run(CheckCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.progressEnabled = false;
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** A project with one file of errors and one clean file. */
    private Path project() throws IOException {
        Path root = tmp.resolve("proj");
        write(root.resolve("app/bad.py"), "print(undefined_name)\ny: int = \"s\"\n");
        write(root.resolve("app/good.py"), "x: int = 1\n");
        return root;
    }

    private static String shown(Path p) {
        return Paths.shown(p);
    }

    @Test
    void conciseIsOneLinePerDiagnosticThenTheSummary() throws IOException {
        Path root = project();
        Run r = check(root, "--output-format", "concise");
        String bad = shown(root.resolve("app/bad.py"));
        assertEquals(bad + ":1:7: error[unresolved-reference] Name `undefined_name` used when not defined\n"
                + bad + ":2:10: error[invalid-assignment] Object of type `Literal[\"s\"]` is not assignable to `int`\n"
                + "Found 2 diagnostics\n", r.out());
        assertEquals(1, r.status());
        assertEquals("", r.err());
    }

    @Test
    void fullShowsTheSourceLineUnderlined() throws IOException {
        Path root = project();
        Run r = check(root);
        String bad = shown(root.resolve("app/bad.py"));
        assertTrue(r.out().contains("error[unresolved-reference]: Name `undefined_name` used when not defined\n"
                + " --> " + bad + ":1:7\n"
                + "  |\n"
                + "1 | print(undefined_name)\n"
                + "  |       ^^^^^^^^^^^^^^\n"
                + "  |\n"), r.out());
        assertTrue(r.out().endsWith("Found 2 diagnostics\n"), r.out());
        assertEquals(1, r.status());
    }

    @Test
    void jsonIsAnArrayWithTheDocumentedFieldsAndTheSummaryGoesToStderr() throws IOException {
        Path root = project();
        Run r = check(root, "--output-format", "json");
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertTrue(array.isArray());
        assertEquals(2, array.size());
        JsonNode first = array.get(0);
        assertEquals("unresolved-reference", first.get("rule").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals("Name `undefined_name` used when not defined", first.get("message").asText());
        assertEquals(shown(root.resolve("app/bad.py")), first.get("path").asText());
        assertEquals(1, first.get("start").get("line").asInt());
        assertEquals(7, first.get("start").get("column").asInt());
        assertEquals(1, first.get("end").get("line").asInt());
        assertEquals(21, first.get("end").get("column").asInt());
        assertEquals("Found 2 diagnostics\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void githubPrintsWorkflowCommands() throws IOException {
        Path root = project();
        Run r = check(root, "--output-format", "github", "--warn", "invalid-assignment");
        String bad = shown(root.resolve("app/bad.py")).replace(":", "%3A");
        List<String> lines = r.out().lines().toList();
        assertEquals("::error file=" + bad + ",line=1,col=7,endLine=1,endColumn=21,title=typhon (unresolved-reference)::"
                + shown(root.resolve("app/bad.py")) + ":1:7: Name `undefined_name` used when not defined", lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=" + bad + ",line=2,col=10,"), lines.get(1));
        assertEquals("Found 2 diagnostics", lines.get(2));
    }

    @Test
    void junitIsXmlWithATestcasePerFileAndAFailurePerDiagnostic() throws Exception {
        Path root = project();
        Run r = check(root, "--output-format", "junit");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element badCase = (Element) cases.item(0);
        assertEquals(shown(root.resolve("app/bad.py")), badCase.getAttribute("name"));
        assertEquals(2, badCase.getElementsByTagName("failure").getLength());
        assertEquals("unresolved-reference", ((Element) badCase.getElementsByTagName("failure").item(0)).getAttribute("type"));
        assertEquals(0, ((Element) cases.item(1)).getElementsByTagName("failure").getLength());
        assertEquals("Found 2 diagnostics\n", r.err());
    }

    @Test
    void exitStatuses() throws IOException {
        Path clean = tmp.resolve("clean");
        write(clean.resolve("ok.py"), "x = 1\n");
        Run ok = check(clean);
        assertEquals(0, ok.status());
        assertEquals("All checks passed!\n", ok.out());

        Path root = project();
        assertEquals(1, check(root).status());
        Run zero = check(root, "--exit-zero");
        assertEquals(0, zero.status());
        assertTrue(zero.out().endsWith("Found 2 diagnostics\n"));

        Run unknown = check(root, "--ignore", "unresolved-refrence");
        assertEquals(2, unknown.status());
        assertEquals("typhon: --ignore: unknown rule `unresolved-refrence` (did you mean `unresolved-reference`?)"
                + " (the README lists the rules)\n", unknown.err());
        assertEquals("", unknown.out());

        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty.resolve("docs"));
        Run nothing = check(empty);
        assertEquals(0, nothing.status());
        assertEquals("All checks passed!\n", nothing.out());
        assertEquals("typhon: warning: no Python files found under the given paths\n", nothing.err());

        assertEquals(2, check(root, "--output-format", "xml").status());
        assertEquals(2, check(root, "--threads", "0").status());
        assertEquals(2, check(root, tmp.resolve("missing.py").toString()).status());
    }

    @Test
    void onlyWarningsExitZeroAndSingularSummary() throws IOException {
        Path root = tmp.resolve("w");
        write(root.resolve("a.py"), "print(nope)\n");
        Run r = check(root, "--warn", "unresolved-reference", "--output-format", "concise");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("warning[unresolved-reference]"), r.out());
        assertTrue(r.out().endsWith("Found 1 diagnostic\n"), r.out());
    }

    @Test
    void laterRuleOptionWins() throws IOException {
        Path root = tmp.resolve("w");
        write(root.resolve("a.py"), "print(nope)\n");
        assertEquals(0, check(root, "--error", "unresolved-reference", "--ignore", "unresolved-reference").status());
        assertEquals(1, check(root, "--ignore", "unresolved-reference", "--error", "unresolved-reference").status());
    }

    @Test
    void ruleOffByDefaultIsOffUntilSelected() throws IOException {
        Path root = tmp.resolve("d");
        write(root.resolve("a.py"), "x = 1 / 0\n");
        assertEquals("All checks passed!\n", check(root).out());
        Run on = check(root, "--error", "division-by-zero", "--output-format", "concise");
        assertTrue(on.out().contains("error[division-by-zero]"), on.out());
    }

    @Test
    void configRulesApplyAndTheCommandLineWins() throws IOException {
        Path root = project();
        write(root.resolve("pyproject.toml"), "[project]\nname = \"p\"\n\n[tool.typhon.rules]\nunresolved-reference = \"ignore\"\n"
                + "invalid-assignment = \"warn\"\n");
        Run fromFile = check(root, "--output-format", "concise");
        assertEquals(0, fromFile.status());
        assertFalse(fromFile.out().contains("unresolved-reference"), fromFile.out());
        assertTrue(fromFile.out().contains("warning[invalid-assignment]"), fromFile.out());

        Run cli = check(root, "--output-format", "concise", "--error", "invalid-assignment");
        assertEquals(1, cli.status());
        assertTrue(cli.out().contains("error[invalid-assignment]"), cli.out());
    }

    @Test
    void typhonTomlWinsOverPyproject() throws IOException {
        Path root = project();
        write(root.resolve("pyproject.toml"), "[tool.typhon.rules]\ninvalid-assignment = \"warn\"\n");
        write(root.resolve("typhon.toml"), "[rules]\ninvalid-assignment = \"ignore\"\n");
        Run r = check(root, "--output-format", "concise");
        assertFalse(r.out().contains("invalid-assignment"), r.out());
    }

    @Test
    void configPathsAreRelativeToTheFileAndSrcExcludeApplies() throws IOException {
        Path root = tmp.resolve("paths");
        write(root.resolve("main.py"), "import mylib\n");
        write(root.resolve("vendor/libs/mylib.py"), "VALUE = 1\n");
        write(root.resolve("generated/gen.py"), "print(nope)\n");
        write(root.resolve("typhon.toml"), "[environment]\nextra-paths = [\"vendor/libs\"]\n\n[src]\nexclude = [\"generated\", \"vendor\"]\n");
        Run r = check(root, "--output-format", "concise");
        assertEquals("All checks passed!\n", r.out(), r.err());
    }

    @Test
    void badConfigurationNamesTheFileAndLine() throws IOException {
        Path root = project();
        Path pyproject = write(root.resolve("pyproject.toml"), "[project]\nname = \"p\"\n\n[tool.typhon.environment]\n"
                + "python-version = \"3.12\"\npyton = \"/usr/bin/python3\"\n");
        Run r = check(root);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("typhon: " + shown(pyproject) + ":6: unknown key `tool.typhon.environment.pyton`"),
                r.err());

        write(pyproject, "[tool.typhon.rules]\n# a comment\ninvalid-assignment = \"warn\"\nunresolved-refrence = \"error\"\n");
        r = check(root);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("typhon: " + shown(pyproject) + ":4: unknown rule `unresolved-refrence`"), r.err());

        write(pyproject, "[tool.typhon.rules]\ninvalid-assignment = [\n  \"warn\",\n]\nunresolved-import = \"loud\"\n");
        r = check(root);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("typhon: " + shown(pyproject) + ":2: `tool.typhon.rules.invalid-assignment` must be"),
                r.err());

        write(pyproject, "[tool.typhon.environment]\npython-version = \"2.7\"\n");
        r = check(root);
        assertTrue(r.err().startsWith("typhon: " + shown(pyproject) + ":2: invalid python-version"), r.err());

        write(pyproject, "[tool.typhon]\nenvironment = { python-version = 3 }\n");
        r = check(root);
        assertTrue(r.err().startsWith("typhon: " + shown(pyproject) + ":2: `tool.typhon.environment.python-version` must be a string"),
                r.err());

        write(pyproject, "[tool.typhon.src]\nexclude = [\"a\"\n");
        r = check(root);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("typhon: " + shown(pyproject) + ":"), r.err());
        assertTrue(r.err().contains("invalid TOML"), r.err());
    }

    @Test
    void gitignoredHiddenAndDefaultExcludedFilesAreSkipped() throws IOException {
        Path root = tmp.resolve("ign");
        Files.createDirectories(root.resolve(".git"));
        write(root.resolve(".gitignore"), "build/\n*_gen.py\n");
        write(root.resolve("pkg/.gitignore"), "local.py\n");
        String bad = "print(nope)\n";
        write(root.resolve("main.py"), bad);
        write(root.resolve("build/out.py"), bad);
        write(root.resolve("pkg/thing_gen.py"), bad);
        write(root.resolve("pkg/local.py"), bad);
        write(root.resolve("pkg/kept.py"), bad);
        write(root.resolve(".venv/lib/site.py"), bad);
        write(root.resolve("pkg/.hidden.py"), bad);
        write(root.resolve("node_modules/x.py"), bad);
        write(root.resolve("tests/t.py"), bad);
        Run r = check(root, "--output-format", "concise", "--exclude", "tests");
        List<String> files = r.out().lines().filter(l -> l.contains(":1:7:")).map(l -> l.substring(0, l.indexOf(":1:7:"))).toList();
        assertEquals(List.of(shown(root.resolve("main.py")), shown(root.resolve("pkg/kept.py"))), files, r.out());

        // a file named on the command line is checked whatever ignores it
        Run explicit = check(root, "--output-format", "concise", root.resolve("build/out.py").toString());
        assertTrue(explicit.out().contains(shown(root.resolve("build/out.py")) + ":1:7:"), explicit.out());
    }

    @Test
    void srcIncludeLimitsTheWalkOfTheProjectRoot() throws IOException {
        Path root = tmp.resolve("inc");
        write(root.resolve("src/a.py"), "print(nope)\n");
        write(root.resolve("scripts/b.py"), "print(nope)\n");
        write(root.resolve("typhon.toml"), "[src]\ninclude = [\"src\"]\n");
        Run r = check(root, "--output-format", "concise");
        assertTrue(r.out().contains("src/a.py:1:7"), r.out());
        assertFalse(r.out().contains("b.py"), r.out());
    }

    @Test
    void outputIsTheSameWhateverTheThreadCount() throws IOException {
        Path root = tmp.resolve("many");
        for (int i = 0; i < 24; i++) {
            write(root.resolve("m" + (i % 3) + "/f" + i + ".py"), "import os\n" + ("print(n" + i + ")\n").repeat(1 + i % 4)
                    + "x: str = " + i + "\n");
        }
        Run one = check(root, "--threads", "1", "--output-format", "concise", "--statistics");
        Run four = check(root, "--threads", "4", "--output-format", "concise", "--statistics");
        assertEquals(one.out(), four.out());
        assertEquals(1, one.status());
        assertTrue(one.out().contains("    60  unresolved-reference\n    24  invalid-assignment\nFound 84 diagnostics\n"),
                one.out());
    }

    @Test
    void badEncodingAndSyntaxErrorsAreDiagnosticsAndOtherFilesAreStillChecked() throws IOException {
        Path root = tmp.resolve("broken");
        Files.createDirectories(root);
        Files.write(root.resolve("a_encoding.py"), new byte[] {'x', ' ', '=', ' ', '"', (byte) 0xff, (byte) 0xfe, '"', '\n'});
        write(root.resolve("b_syntax.py"), "def f(:\n    pass\n");
        write(root.resolve("c_fine.py"), "print(nope)\n");
        Run r = check(root, "--output-format", "concise");
        assertEquals(1, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith(shown(root.resolve("a_encoding.py")) + ":1:5: error[invalid-syntax]"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(shown(root.resolve("b_syntax.py")) + ":1:") && l.contains("invalid-syntax")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(shown(root.resolve("c_fine.py")) + ":1:7: error[unresolved-reference]")),
                r.out());
        assertEquals("", r.err());
    }

    @Test
    void helpDocumentsEveryOption() {
        Run r = run("--help");
        assertEquals(0, r.status());
        for (String option : List.of("--python-version", "--python-platform", "--python", "--typeshed", "--extra-search-path",
                "--project-root", "--exclude", "--output-format", "--exit-zero", "--error", "--warn", "--ignore", "--threads",
                "--statistics")) {
            assertTrue(java.util.regex.Pattern.compile("(?m)^\\s+" + option + "[= ]").matcher(r.out()).find(),
                    option + " missing from:\n" + r.out());
        }
    }

    @Test
    void anInternalFailureOnAFileNamesItExitsTwoAndTheOtherFilesAreStillReported() throws IOException {
        Path root = tmp.resolve("crash");
        Path boom = write(root.resolve("a_boom.py"), "x = 1\n");
        write(root.resolve("b_other.py"), "print(nope)\n");
        CheckCommand command = new CheckCommand();
        command.fileChecker = (workspace, file) -> {
            if (file.getFileName().toString().equals("a_boom.py")) {
                throw new IllegalStateException("simulated checker bug");
            }
            return workspace.check(file);
        };
        List<String> args = List.of("--project-root", root.toString(), "--output-format", "concise", "--exit-zero");
        Run r = run(command, args.toArray(String[]::new));
        assertEquals(2, r.status());
        assertTrue(r.out().contains(shown(root.resolve("b_other.py")) + ":1:7: error[unresolved-reference]"), r.out());
        assertTrue(r.err().startsWith("typhon: internal error while checking " + shown(boom)
                + ": IllegalStateException: simulated checker bug"), r.err());
        assertTrue(r.out().contains("the checker failed on 1 file"), r.out());
    }

    @Test
    void theProgressBarErasesItself() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stream = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.open(stream, 3, true)) {
            p.fileDone();
            p.fileDone();
            p.fileDone();
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("3/3 files"), drawn);
        assertTrue(drawn.endsWith("\r\033[2K"), drawn);
        assertFalse(drawn.contains("\n"), drawn);

        java.io.ByteArrayOutputStream none = new java.io.ByteArrayOutputStream();
        try (Progress p = Progress.open(new java.io.PrintStream(none), 3, false)) {
            p.fileDone();
        }
        assertEquals(0, none.size());
    }

    @Test
    void aPathsProjectIsFoundFromThePathWithItsSettingsAndSrcLayout() throws IOException {
        Path root = tmp.resolve("layout");
        write(root.resolve("pyproject.toml"), "[project]\nname = \"pkg\"\n\n[tool.typhon.rules]\nunresolved-reference = \"warn\"\n");
        write(root.resolve("src/pkg/__init__.py"), "from pkg.util import helper\n");
        write(root.resolve("src/pkg/util.py"), "def helper() -> int:\n    return missing\n");
        Run r = run("--output-format", "concise", root.toString());
        assertEquals(shown(root.resolve("src/pkg/util.py")) + ":2:12: warning[unresolved-reference] Name `missing` used when not defined\n"
                + "Found 1 diagnostic\n", r.out(), r.err());
        assertEquals(0, r.status());
    }
}
