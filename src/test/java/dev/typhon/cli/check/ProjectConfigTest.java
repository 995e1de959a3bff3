package dev.typhon.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.diagnostics.RuleLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and reading a project's settings file, and the key locations its errors cite. */
class ProjectConfigTest {

    @TempDir
    Path tmp;

    @Test
    void discoveryWalksUpToTheNearestFolderWithSettings() throws Exception {
        Path top = tmp.resolve("top");
        Path inner = top.resolve("pkg/sub");
        Files.createDirectories(inner);
        Files.writeString(top.resolve("typhon.toml"), "[environment]\npython-version = \"3.11\"\npython-platform = \"win32\"\n"
                + "extra-paths = [\"stubs\"]\n[rules]\ninvalid-assignment = \"warn\"\n");
        // a pyproject.toml without [tool.typhon] does not stop the search
        Files.writeString(top.resolve("pkg/pyproject.toml"), "[project]\nname = \"x\"\n");
        ProjectConfig c = ProjectConfig.discover(inner);
        assertEquals(top.resolve("typhon.toml"), c.file());
        assertEquals(top, c.folder());
        assertEquals(PythonVersion.parseSupported("3.11"), c.pythonVersion());
        assertEquals("win32", c.pythonPlatform());
        assertEquals(List.of(top.resolve("stubs")), c.extraPaths());
        assertEquals(Map.of("invalid-assignment", RuleLevel.WARN), c.rules());
    }

    @Test
    void withoutSettingsTheNearestPyprojectIsTheRoot() throws Exception {
        Path proj = tmp.resolve("proj");
        Path inner = proj.resolve("a/b");
        Files.createDirectories(inner);
        Files.writeString(proj.resolve("pyproject.toml"), "[project]\nname = \"x\"\n");
        ProjectConfig c = ProjectConfig.discover(inner);
        assertNull(c.file());
        assertEquals(proj, c.folder());
    }

    @Test
    void keysAreFoundOnTheirLines() {
        TomlLines lines = TomlLines.of("""
                # settings
                [tool.typhon]
                environment.python-version = "3.12"
                text = \"\"\"
                [not.a.table]
                \"\"\"
                list = [
                  "a", # ]
                  "b",
                ]
                "quoted.key" = 1
                [tool.typhon.rules]
                invalid-assignment = "warn"
                [[tool.typhon.items]]
                name = "x"
                """);
        assertEquals(2, lines.lineOf(List.of("tool", "typhon")));
        assertEquals(3, lines.lineOf(List.of("tool", "typhon", "environment", "python-version")));
        assertEquals(3, lines.lineOf(List.of("tool", "typhon", "environment")));
        assertEquals(4, lines.lineOf(List.of("tool", "typhon", "text")));
        assertEquals(7, lines.lineOf(List.of("tool", "typhon", "list")));
        assertEquals(11, lines.lineOf(List.of("tool", "typhon", "quoted.key")));
        assertEquals(13, lines.lineOf(List.of("tool", "typhon", "rules", "invalid-assignment")));
        assertEquals(15, lines.lineOf(List.of("tool", "typhon", "items", "name")));
        assertEquals(0, lines.lineOf(List.of("elsewhere")));
        assertEquals(2, lines.lineOf(List.of("tool", "typhon", "nope")));
    }
}
