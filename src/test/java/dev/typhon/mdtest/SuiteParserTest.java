package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.RuleLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown scanner (§2–4, 8): sections, fences, labels, merging, configuration, directives, errors. */
class SuiteParserTest {

    private static MarkdownSuite parse(String markdown) throws SuiteParseException {
        return SuiteParser.parse("suite.md", markdown);
    }

    private static SuiteParseException error(String markdown) {
        return assertThrows(SuiteParseException.class, () -> parse(markdown));
    }

    private static List<String> names(MarkdownSuite suite) {
        return suite.tests().stream().map(MarkdownTest::name).toList();
    }

    @Test
    void headersBuildTheSectionTreeAndOnlySectionsWithFilesAreTests() throws Exception {
        MarkdownSuite suite = parse("""
                # Unpacking

                Prose.

                ## Tuple

                ### Multiple assignment

                ```py
                a, b = 1, 2
                ```

                ### Starred

                ```py
                a, *b = 1, 2
                ```

                ## Only a config

                ```toml
                [environment]
                python-version = "3.12"
                ```

                #No space after the hashes

                ```py
                x = 1
                ```

                #\s\s\s
                """);
        assertEquals(List.of("suite.md - Unpacking - Tuple - Multiple assignment", "suite.md - Unpacking - Tuple - Starred",
                "suite.md - No space after the hashes"), names(suite));
        MarkdownTest first = suite.tests().get(0);
        assertEquals(List.of("suite.md", "Unpacking", "Tuple", "Multiple assignment"), first.titles());
        assertEquals(7, first.line());
        assertEquals(1, first.files().size());
        assertEquals("mdtest_snippet.py", first.files().get(0).path());
        assertEquals("a, b = 1, 2", first.files().get(0).code());
    }

    @Test
    void aLowerLevelHeaderClosesDeeperSections() throws Exception {
        MarkdownSuite suite = parse("""
                # A

                ### Deep

                ```py
                x = 1
                ```

                ## B

                ```py
                y = 1
                ```
                """);
        assertEquals(List.of("suite.md - A - Deep", "suite.md - A - B"), names(suite));
    }

    @Test
    void codeBeforeAnyHeaderIsTheRootTestAndForbidsLaterHeaders() throws Exception {
        assertEquals(List.of("suite.md"), names(parse("\n```py\nx = 1\n```\n")));
        SuiteParseException e = error("\n```py\nx = 1\n```\n\n# Later\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("not valid inside a test case"), e.getMessage());
    }

    @Test
    void aHeaderInsideATestSectionIsAnError() {
        SuiteParseException e = error("# T\n\n```py\nx = 1\n```\n\n## Child\n");
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("parent 'T' has code files"), e.getMessage());
    }

    @Test
    void indentedHeadersAreProse() throws Exception {
        assertEquals(List.of("suite.md - A"), names(parse("# A\n\n  # not a header\n\n```py\nx = 1\n```\n")));
    }

    @Test
    void aFenceNeedsABlankLineOrALabelBeforeIt() throws Exception {
        assertEquals(1, error("```py\nx = 1\n```\n").line());
        assertEquals(3, error("# A\nProse.\n```py\nx = 1\n```\n").line());
        assertEquals(2, error("# A\n```py\nx = 1\n```\n").line());
        // a label directly above the fence is enough
        MarkdownSuite suite = parse("# A\n\n`b.py`:\n```py\nx = 1\n```\n");
        assertEquals("b.py", suite.tests().get(0).files().get(0).path());
    }

    @Test
    void indentedFencesAreErrors() {
        SuiteParseException e = error("# A\n\n  ```py\nx = 1\n  ```\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("Indented code blocks"), e.getMessage());
    }

    @Test
    void fenceMetadataOtherThanTheIgnoreAttributeIsAnError() throws Exception {
        SuiteParseException e = error("# A\n\n```py title=\"a.py\"\nx = 1\n```\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("Trailing code-block metadata"), e.getMessage());
        assertTrue(parse("# A\n\n```py {data-mdtest=\"ignore\"}\nx = 1\n```\n").tests().isEmpty());
        assertEquals(1, parse("# A\n\n```py   \nx = 1\n```\n").tests().size());
    }

    @Test
    void anUnterminatedBlockIsAnErrorOnItsFenceLine() {
        SuiteParseException e = error("# A\n\n```py\nx = 1\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("Unterminated code block"), e.getMessage());
    }

    @Test
    void aBlockEndsAtTheNextTripleBacktickAnywhere() throws Exception {
        MarkdownSuite suite = parse("# A\n\n```py\nx = 1\ny = 2 ``` rest is dropped\n\n```py\nz = 3\n```\n");
        EmbeddedFile f = suite.tests().get(0).files().get(0);
        assertEquals("x = 1\ny = 2 \nz = 3", f.code());
    }

    @Test
    void theLanguageIsTheFirstWordAndOneTrailingNewlineIsRemoved() throws Exception {
        EmbeddedFile f = parse("# A\n\n```pyi\ndef f() -> int: ...\n\n```\n").tests().get(0).files().get(0);
        assertEquals("pyi", f.lang());
        assertEquals("mdtest_snippet.pyi", f.path());
        assertEquals("def f() -> int: ...\n", f.code());
    }

    @Test
    void pathLabelsNameTheNextBlock() throws Exception {
        MarkdownSuite suite = parse("""
                # A

                `pkg/mod.py`:

                ```py
                x = 1
                ```

                `foo bar.py` :  the rest is ignored

                ```py
                y = 1
                ```

                `/typeshed/stdlib/VERSIONS`:

                ```text
                builtins: 3.8-
                ```
                """);
        List<EmbeddedFile> files = suite.tests().get(0).files();
        assertEquals(List.of("pkg/mod.py", "foo bar.py", "/typeshed/stdlib/VERSIONS"), files.stream().map(EmbeddedFile::path).toList());
        assertEquals("/src/pkg/mod.py", files.get(0).virtualPath());
        assertEquals("/typeshed/stdlib/VERSIONS", files.get(2).virtualPath());
        assertTrue(files.get(0).explicitPath());
    }

    @Test
    void aLabelWithoutColonOrInterruptedByProseIsVoid() throws Exception {
        assertEquals("mdtest_snippet.py", parse("# A\n\n`b.py`\n\n```py\nx = 1\n```\n").tests().get(0).files().get(0).path());
        assertEquals("mdtest_snippet.py",
                parse("# A\n\n`b.py`:\n\nSome prose.\n\n```py\nx = 1\n```\n").tests().get(0).files().get(0).path());
        // blank lines between label and fence are fine
        assertEquals("b.py", parse("# A\n\n`b.py`:\n\n\n```py\nx = 1\n```\n").tests().get(0).files().get(0).path());
        // a label must itself follow a blank line
        assertEquals("mdtest_snippet.py",
                parse("# A\n\nProse\n`b.py`:\n\n```py\nx = 1\n```\n").tests().get(0).files().get(0).path());
    }

    @Test
    void theLabelsExtensionMustMatchTheLanguage() throws Exception {
        SuiteParseException e = error("# A\n\n`b.pyi`:\n\n```py\nx = 1\n```\n");
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("does not match language"), e.getMessage());
        // `python` counts as `py`, case does not matter, no extension is fine, `text` takes anything
        assertEquals(4, parse("""
                # A

                `a.PY`:

                ```python
                x = 1
                ```

                `pkg/py.typed`:

                ```text
                ```

                `noext`:

                ```py
                y = 1
                ```

                `/.venv/pyvenv.cfg`:

                ```cfg
                home = /usr/bin
                ```
                """).tests().get(0).files().size());
    }

    @Test
    void generatedNamesCannotBeUsedAsLabels() {
        assertTrue(error("# A\n\n`mdtest_snippet.py`:\n\n```py\nx = 1\n```\n").getMessage().contains("must not be used explicitly"));
    }

    @Test
    void languagesThatNeedALabel() throws Exception {
        assertTrue(error("# A\n\n```text\nx\n```\n").getMessage().contains("language `text`"));
        assertTrue(error("# A\n\n```\nx\n```\n").getMessage().contains("empty language"));
        assertTrue(error("# A\n\n```rust\nx\n```\n").getMessage().contains("language `rust`"));
        // skipped languages make no test
        assertTrue(parse("# A\n\n```ignore\nx\n```\n\n```pycon\n>>> 1\n```\n").tests().isEmpty());
    }

    @Test
    void unlabelledBlocksMergeIntoOneFileWithTheirLineMap() throws Exception {
        MarkdownSuite suite = parse("""
                # A

                ```py
                a = 1
                b = 2
                ```

                Then:

                ```py
                ```

                ```python
                c = 3
                ```
                """);
        EmbeddedFile f = suite.tests().get(0).files().get(0);
        assertEquals("a = 1\nb = 2\nc = 3", f.code());
        assertEquals(2, f.blocks().size());
        assertEquals(4, f.markdownLine(1));
        assertEquals(5, f.markdownLine(2));
        assertEquals(14, f.markdownLine(3));
        assertEquals(0, f.blockOfLine(2));
        assertEquals(1, f.blockOfLine(3));
    }

    @Test
    void mergingRules() throws Exception {
        // a merged snippet next to another file
        assertTrue(error("# A\n\n```py\nx = 1\n```\n\n```py\ny = 1\n```\n\n`b.py`:\n\n```py\nz = 1\n```\n")
                .getMessage().contains("Merged snippets"));
        // a second unlabelled block after a labelled file
        assertTrue(error("# A\n\n`b.py`:\n\n```py\nz = 1\n```\n\n```py\nx = 1\n```\n\n```py\ny = 1\n```\n")
                .getMessage().contains("Merged snippets"));
        // the same label twice
        SuiteParseException dup = error("# A\n\n`b.py`:\n\n```py\nz = 1\n```\n\n`b.py`:\n\n```py\nz = 2\n```\n");
        assertEquals(11, dup.line());
        assertTrue(dup.getMessage().contains("duplicate files named `b.py`"), dup.getMessage());
        // one unlabelled py and one unlabelled pyi coexist
        assertEquals(List.of("mdtest_snippet.py", "mdtest_snippet.pyi"), parse("# A\n\n```py\nx = 1\n```\n\n```pyi\ny: int\n```\n")
                .tests().get(0).files().stream().map(EmbeddedFile::path).toList());
    }

    @Test
    void configurationIsCopiedWhenASectionOpensAndReplacedWholesale() throws Exception {
        MarkdownSuite suite = parse("""

                ```toml
                [environment]
                python-version = "3.12"
                python-platform = "darwin"
                ```

                # Inherits

                ```py
                x = 1
                ```

                # Replaces

                ```toml
                [rules]
                unresolved-reference = "ignore"
                ```

                ## Child of the replaced one

                ```py
                x = 1
                ```

                # Sibling keeps the root's

                ```py
                x = 1
                ```
                """);
        List<MarkdownTest> tests = suite.tests();
        assertEquals(PythonVersion.PY312, tests.get(0).config().pythonVersion());
        assertEquals("darwin", tests.get(0).config().effectivePlatform());
        assertEquals(2, tests.get(0).configLine());
        TestConfig replaced = tests.get(1).config();
        assertNull(replaced.pythonVersion());
        assertEquals(PythonVersion.PY310, replaced.effectivePythonVersion());
        assertEquals("linux", replaced.effectivePlatform());
        assertEquals(RuleLevel.IGNORE, replaced.rules().levels().get("unresolved-reference"));
        assertEquals(16, tests.get(1).configLine());
        assertEquals(PythonVersion.PY312, tests.get(2).config().pythonVersion());
    }

    @Test
    void aSectionsBlockMayFollowItsCode() throws Exception {
        MarkdownSuite suite = parse("""
                # A

                ```py
                x = 1
                ```

                ```toml
                [environment]
                python-version = "3.11"
                ```
                """);
        assertEquals(PythonVersion.PY311, suite.tests().get(0).config().pythonVersion());
    }

    @Test
    void configurationErrors() {
        SuiteParseException two = error("# A\n\n```toml\n```\n\n```toml\n```\n");
        assertEquals(6, two.line());
        assertTrue(two.getMessage().contains("Multiple TOML configuration blocks"), two.getMessage());
        SuiteParseException unknown = error("# A\n\n```toml\n[environment]\npython-versoin = \"3.12\"\n```\n");
        assertTrue(unknown.getMessage().contains("unknown field `environment.python-versoin`"), unknown.getMessage());
        assertEquals(3, unknown.line());
        SuiteParseException syntax = error("# A\n\n```toml\n[environment]\npython-version = \n```\n");
        assertEquals(5, syntax.line(), syntax.getMessage());
    }

    @Test
    void directivesAreInheritedAndChecked() throws Exception {
        MarkdownSuite suite = parse("""
                # A

                <!-- snapshot-diagnostics -->

                ## B

                <!-- fmt:off -->

                ```py
                x = 1
                ```

                <!-- fmt:on -->

                # C

                <!--
                expect-panic: boom
                -->

                <!-- pull-types:skip -->

                ```py
                x = 1
                ```
                """);
        assertTrue(suite.tests().get(0).directives().snapshotDiagnostics());
        assertNull(suite.tests().get(0).directives().expectPanic());
        Directives c = suite.tests().get(1).directives();
        assertFalse(c.snapshotDiagnostics());
        assertEquals("boom", c.expectPanic());
        assertTrue(c.pullTypesSkip());
        assertEquals("", parse("# A\n\n<!-- expect-panic -->\n\n```py\nx = 1\n```\n").tests().get(0).directives().expectPanic());
    }

    @Test
    void directiveErrors() {
        SuiteParseException typo = error("# A\n\n<!-- snapshot-diagnostic -->\n");
        assertEquals(3, typo.line());
        assertTrue(typo.getMessage().contains("Unknown HTML comment"), typo.getMessage());
        assertTrue(error("# A\n\n```py\nx = 1\n```\n\n<!-- snapshot-diagnostics -->\n").getMessage().contains("embedded files"));
        assertTrue(error("# A\n\n```toml\n```\n\n<!-- snapshot-diagnostics -->\n").getMessage().contains("TOML configuration"));
        assertTrue(error("# A\n\n<!-- snapshot-diagnostics -->\n<!-- snapshot-diagnostics -->\n").getMessage().contains("at most once"));
        assertTrue(error("# A\n\n<!-- snapshot-diagnostics: yes -->\n").getMessage().contains("takes no value"));
        assertEquals(3, error("# A\n\n<!-- snapshot-diagnostics \n").line());
    }

    @Test
    void snapshotBlocksAttachToTheLastCodeBlock() throws Exception {
        MarkdownSuite suite = parse("""
                # A

                ```py
                x: int = "a"  # snapshot
                ```

                ```snapshot
                error[invalid-assignment]: ...
                ```

                ```py
                y = 1
                ```
                """);
        EmbeddedFile f = suite.tests().get(0).files().get(0);
        assertEquals(7, f.blocks().get(0).snapshotLine());
        assertFalse(f.blocks().get(1).hasSnapshot());
        assertTrue(error("# A\n\n```snapshot\nx\n```\n").getMessage().contains("must follow the code block"));
        assertTrue(error("# A\n\n```py\nx = 1\n```\n\n```snapshot\nx\n```\n\n```snapshot\nx\n```\n").getMessage()
                .contains("at most one `snapshot` block"));
        assertTrue(error("# A\n\n`a.txt`:\n\n```text\nx\n```\n\n```snapshot\nx\n```\n").getMessage().contains("cannot follow a `text` file"));
    }

    @Test
    void aLabelledTomlBlockIsAFileNotConfiguration() throws Exception {
        MarkdownTest test = parse("# A\n\n`pyproject.toml`:\n\n```toml\n[project]\nname = \"x\"\n```\n").tests().get(0);
        assertEquals("toml", test.files().get(0).lang());
        assertEquals(TestConfig.DEFAULT, test.config());
    }
}
