package dev.typhon.semantic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.PythonParser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records of the index are keyed by ids, never by a structural walk of the tree they point to:
 * a definition of a class with 20,000 methods hashes in constant time, and two indexes of one
 * source do not mistake each other's definitions for their own.
 */
class DefinitionIdentityTest {

    private static SemanticIndex index(String source) {
        return SemanticIndex.of(PythonParser.parse(source, ParseOptions.DEFAULT).module());
    }

    @Test
    void definitionsHashByIdNotBySubtree() {
        StringBuilder src = new StringBuilder("class Big:\n");
        for (int i = 0; i < 20_000; i++) {
            src.append("    def m").append(i).append("(self, a, b):\n        return a + b * ").append(i).append('\n');
        }
        SemanticIndex ix = index(src.toString());
        Definition big = ix.definitionsOf(ix.moduleScope(), ix.moduleScope().symbolId("Big")).get(0);
        // The hash is a function of the id and kind alone: what keeps a map of definitions cheap.
        assertEquals(big.id() * 31 + big.kind().ordinal(), big.hashCode());
        Map<Definition, String> map = new HashMap<>();
        map.put(big, "class");
        assertEquals("class", map.get(big));
    }

    @Test
    void equalSourcesGiveDistinctDefinitions() {
        String source = "x = 1\nif x:\n    x = 2\n";
        SemanticIndex a = index(source);
        SemanticIndex b = index(source);
        Definition first = a.definitions().get(0);
        assertSame(first, a.definition(0));
        assertEquals(first, a.definitions().get(0));
        assertNotEquals(first, b.definitions().get(0), "a definition of another tree is another definition");
        Constraint test = a.constraints().get(0);
        assertNotEquals(test, b.constraints().get(0), "constraints compare their nodes by identity");
        assertEquals(test, test.negated().negated());
    }
}
