package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.RuleSelection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PEP 723 script blocks: a valid one replaces the test's rules and analysis settings for its file. */
class ScriptMetadataTest {

    @Test
    void aValidBlockGivesItsToolTyTables() {
        Optional<ScriptMetadata.Settings> s = ScriptMetadata.read("""
                # /// script
                # [tool.ty.rules]
                # all = "ignore"
                # unresolved-reference = "error"
                #
                # [tool.ty.analysis]
                # respect-type-ignore-comments = false
                # ///

                print(missing)
                """);
        assertTrue(s.isPresent());
        assertEquals(List.of("all", "unresolved-reference"), List.copyOf(s.get().rules().levels().keySet()));
        assertEquals(false, s.get().analysis().respectTypeIgnoreComments());
    }

    @Test
    void aBlockWithoutToolTyStillMakesItsOwnProjectWithDefaults() {
        assertEquals(Optional.of(new ScriptMetadata.Settings(RuleSelection.DEFAULT, AnalysisSettings.DEFAULT)),
                ScriptMetadata.read("# /// script\n# dependencies = []\n# ///\n\nx = 1\n"));
    }

    @Test
    void invalidBlocksEstablishNothing() {
        // indented, trailing, unclosed, invalid TOML, another block type, a bad rule level
        assertEquals(Optional.empty(), ScriptMetadata.read("if True:\n    # /// script\n    # dependencies = []\n    # ///\n    pass\n"));
        assertEquals(Optional.empty(), ScriptMetadata.read("value = 1  # /// script\n# dependencies = []\n# ///\n"));
        assertEquals(Optional.empty(), ScriptMetadata.read("# /// script\n# dependencies = []\n\nx = 1\n"));
        assertEquals(Optional.empty(), ScriptMetadata.read("# /// script\n# [tool.ty.rules\n# ///\n"));
        assertEquals(Optional.empty(), ScriptMetadata.read("# /// pyproject\n# dependencies = []\n# ///\n"));
        assertEquals(Optional.empty(), ScriptMetadata.read("# /// script\n# [tool.ty.rules]\n# x = \"off\"\n# ///\n"));
        assertEquals(Optional.empty(), ScriptMetadata.read("x = 1\n"));
    }

    @Test
    void theRunnerGivesAScriptItsOwnSettings() {
        java.util.List<MdtestEnvironment> seen = new java.util.ArrayList<>();
        MdtestRunnerTest.Lines lines = new MdtestRunnerTest.Lines();
        new MdtestRunner((env, file) -> {
            seen.add(env);
            return List.of();
        }, null, null, lines).runSuite("s.md", "s.md", """

                ```toml
                [rules]
                unresolved-reference = "warn"
                ```

                # Script

                `a.py`:

                ```py
                # /// script
                # [tool.ty.rules]
                # all = "ignore"
                # ///
                ```

                `b.py`:

                ```py
                x = 1
                ```
                """);
        assertEquals(2, seen.size(), lines.failures.toString());
        assertEquals(List.of("all"), List.copyOf(seen.get(0).rules().levels().keySet()));
        assertEquals(List.of("unresolved-reference"), List.copyOf(seen.get(1).rules().levels().keySet()));
    }
}
