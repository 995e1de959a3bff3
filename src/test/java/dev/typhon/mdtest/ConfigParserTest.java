package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.RuleSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.diagnostics.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code toml} blocks (§7): the whole schema, strictly. */
class ConfigParserTest {

    private static String message(String toml) {
        return assertThrows(ConfigParser.ConfigException.class, () -> ConfigParser.parse(toml)).getMessage();
    }

    @Test
    void readsTheWholeSchema() throws Exception {
        TestConfig c = ConfigParser.parse("""
                log = "ty=debug"
                verbose = true
                system = "os"

                [environment]
                python-version = "3.15"
                python-platform = "all"
                typeshed = "/typeshed"
                extra-paths = ["/other", "rel"]
                python = "/.venv"

                [rules]
                all = "ignore"
                unresolved-reference = "warn"
                invalid-assignment = "error"

                [analysis]
                strict-generic-narrowing = true
                strict-literal-narrowing = true
                respect-type-ignore-comments = false
                allowed-unresolved-imports = ["foo.*"]
                replace-imports-with-any = ["bar"]

                [project]
                dependencies = ["pydantic==2.12.2"]
                """);
        assertEquals(new PythonVersion(3, 15), c.pythonVersion());
        assertEquals("all", c.pythonPlatform());
        assertEquals("/typeshed", c.typeshed());
        assertEquals(List.of("/other", "rel"), c.extraPaths());
        assertEquals("/.venv", c.python());
        assertEquals(List.of("all", "unresolved-reference", "invalid-assignment"), List.copyOf(c.rules().levels().keySet()));
        assertEquals(new AnalysisSettings(true, true, false, List.of("foo.*"), List.of("bar")), c.analysis());
        assertTrue(c.verbose());
        assertTrue(c.osFileSystem());
        assertEquals("ty=debug", c.log());
        assertEquals(List.of("pydantic==2.12.2"), c.dependencies());
        assertTrue(c.hasExternalDependencies());
    }

    @Test
    void anEmptyBlockIsTheDefault() throws Exception {
        TestConfig c = ConfigParser.parse("");
        assertEquals(TestConfig.DEFAULT, c);
        assertEquals(PythonVersion.PY310, c.effectivePythonVersion());
        assertEquals("linux", c.effectivePlatform());
        assertFalse(c.osFileSystem());
        assertFalse(c.hasExternalDependencies());
        assertNull(ConfigParser.parse("system = \"in-memory\"").dependencies());
    }

    @Test
    void unknownKeysAndTablesAreErrors() {
        assertTrue(message("pyhton-version = \"3.12\"").contains("unknown field `pyhton-version`"));
        assertTrue(message("[environment]\nversion = \"3.12\"").contains("unknown field `environment.version`"));
        assertTrue(message("[tests]\nx = 1").contains("unknown field `tests`"));
        assertTrue(message("[analysis]\nstrict = true").contains("unknown field `analysis.strict`"));
        assertTrue(message("[project]\nname = \"x\"").contains("unknown field `project.name`"));
    }

    @Test
    void wrongTypesAndValuesAreErrors() {
        assertTrue(message("[environment]\npython-version = 3.12").contains("expected a string"));
        assertTrue(message("[environment]\npython-version = \"3\"").contains("invalid Python version"));
        assertTrue(message("[environment]\nextra-paths = \"/x\"").contains("expected an array of strings"));
        assertTrue(message("[environment]\nextra-paths = [1]").contains("expected an array of strings"));
        assertTrue(message("[rules]\nfoo = \"off\"").contains("unknown rule level `off`"));
        assertTrue(message("[rules]\nfoo = true").contains("expected a string"));
        assertTrue(message("system = \"disk\"").contains("unknown variant `disk`"));
        assertTrue(message("verbose = \"yes\"").contains("expected a boolean"));
        assertTrue(message("log = 1").contains("expected a boolean or a string"));
        assertTrue(message("environment = 1").contains("expected a table"));
        assertTrue(message("[analysis]\nstrict-literal-narrowing = true\nstrict-equality-semantics = true").contains("duplicate field"));
    }

    @Test
    void tomlSyntaxErrorsGiveTheirLine() {
        ConfigParser.ConfigException e = assertThrows(ConfigParser.ConfigException.class,
                () -> ConfigParser.parse("[environment]\npython-version = \"3.12\"\npython-version = \"3.13\""));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid TOML"), e.getMessage());
    }

    @Test
    void ruleSelectionFollowsTysBaseline() throws Exception {
        RuleSelection none = RuleSelection.DEFAULT;
        assertEquals(Optional.of(Severity.ERROR), none.severityOf("invalid-assignment", Severity.ERROR, true));
        assertEquals(Optional.of(Severity.INFO), none.severityOf("possibly-unresolved-reference", Severity.WARNING, false));
        assertEquals(Optional.empty(), none.severityOf("unsound-return-statement", Severity.ERROR, false));

        RuleSelection rules = ConfigParser.parse("""
                [rules]
                unsound-return-statement = "error"
                all = "warn"
                invalid-assignment = "ignore"
                """).rules();
        assertEquals(Optional.of(Severity.ERROR), rules.severityOf("unsound-return-statement", Severity.ERROR, false));
        assertEquals(Optional.of(Severity.WARNING), rules.severityOf("unresolved-reference", Severity.ERROR, true));
        assertEquals(Optional.of(Severity.WARNING), rules.severityOf("unsound-yield", Severity.ERROR, false));
        assertEquals(Optional.empty(), rules.severityOf("invalid-assignment", Severity.ERROR, true));
        assertEquals(List.of("invalid-assignment", "unsound-return-statement"), List.copyOf(rules.namedRules()));
    }
}
