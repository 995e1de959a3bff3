package dev.typhon.semantic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** While someone types, the statement being typed still binds what it binds, and placeholders bind and read nothing. */
class RecoveredTreeIndexTest {

    private static SemanticIndex index(String source) {
        ParseResult parsed = PythonParser.parse(source, ParseOptions.DEFAULT);
        assertTrue(parsed.hasErrors(), "the snippet should be broken");
        return SemanticIndex.of(parsed.module());
    }

    @Test
    void aHalfTypedAssignmentStillBinds() {
        SemanticIndex ix = index("import foo\nx = foo.\nprint(x)\n");
        Use x = ix.uses().stream().filter(u -> u.node().id().equals("x")).findFirst().orElseThrow();
        List<ReachingDefinition> defs = ix.reachingDefinitions(x);
        assertEquals(1, defs.size());
        assertEquals(2, defs.get(0).definition().node() instanceof dev.typhon.ast.Name n ? n.lineno() : -1);
        assertEquals(Boundness.BOUND, ix.boundness(x, name -> name.equals("print")));
    }

    @Test
    void placeholdersAreNeitherSymbolsNorUses() {
        SemanticIndex ix = index("x = \ndef (a, b=\nimport os as\nfor in y:\n    pass\n");
        for (Scope s : ix.scopes()) {
            assertTrue(s.symbolNames().stream().noneMatch(String::isEmpty), () -> s + " has a symbol for a placeholder: " + s.symbolNames());
        }
        assertTrue(ix.uses().stream().noneMatch(u -> u.node().id().isEmpty()));
        assertTrue(ix.moduleScope().symbolId("x") >= 0);
    }
}
