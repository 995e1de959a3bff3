package dev.typhon.ast.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.AstEquality;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Module;
import dev.typhon.ast.Node;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.PythonParser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nodes compare by identity; {@link AstEquality} compares trees. */
class NodeIdentityTest {

    private static String hugeClass() {
        StringBuilder sb = new StringBuilder("class Huge:\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("    def m").append(i).append("(self, a, b=1):\n        return a + b * ").append(i).append('\n');
        }
        return sb.toString();
    }

    private static ClassDef parseClass(String source) {
        Module module = PythonParser.parse(source, ParseOptions.DEFAULT).module();
        return (ClassDef) module.body().get(0);
    }

    @Test
    void aMapKeyedByAHugeClassUsesIdentityNotTheSubtree() {
        String source = hugeClass();
        ClassDef first = parseClass(source);
        ClassDef second = parseClass(source);

        // Same program, distinct nodes: structurally equal, yet not equal as objects.
        assertTrue(AstEquality.equal(first, second, true));
        assertNotEquals(first, second);
        // hashCode is the identity hash: nothing of the 20,000 methods goes into it.
        assertEquals(System.identityHashCode(first), first.hashCode());
        assertEquals(System.identityHashCode(second), second.hashCode());

        Map<Node, String> byNode = new HashMap<>();
        byNode.put(first, "first");
        assertEquals("first", byNode.get(first));
        assertFalse(byNode.containsKey(second));
        byNode.put(second, "second");
        assertEquals(2, byNode.size());
        assertEquals("first", byNode.get(first));
    }

    @Test
    void handBuiltEqualNodesAreDistinctKeys() {
        Constant a = Constant.of(new ConstantValue.Int(java.math.BigInteger.ONE), null, 1, 0, 1, 1, 0, 1);
        Constant b = Constant.of(new ConstantValue.Int(java.math.BigInteger.ONE), null, 1, 0, 1, 1, 0, 1);
        assertNotEquals(a, b);
        assertEquals(a, a);
        assertTrue(AstEquality.equal(a, b, true));
        Map<Node, Integer> map = new HashMap<>();
        map.put(a, 1);
        map.put(b, 2);
        assertEquals(1, map.get(a));
        assertEquals(2, map.get(b));
    }

    @Test
    void structuralEqualityLooksAtFieldsAndOptionallyPositions() {
        Module spaced = PythonParser.parse("x = f(a,  b)\n", ParseOptions.DEFAULT).module();
        Module tight = PythonParser.parse("x = f(a, b)\n", ParseOptions.DEFAULT).module();
        Module other = PythonParser.parse("x = f(a, c)\n", ParseOptions.DEFAULT).module();
        assertTrue(AstEquality.equal(spaced, tight, false));
        assertFalse(AstEquality.equal(spaced, tight, true));
        assertFalse(AstEquality.equal(tight, other, false));
        assertTrue(AstEquality.equal(null, null, true));
        assertFalse(AstEquality.equal(tight, null, false));
        // A module compared with itself short-circuits on identity.
        assertTrue(AstEquality.equal(tight, tight, true));
        assertSame(tight.body().get(0), tight.body().get(0));
    }

    @Test
    void structuralEqualityComparesEveryRangeIncludingTheNewOnes() {
        // The two differ only in where the comprehension's clause and the parameters sit.
        Module a = PythonParser.parse("f = lambda  x: [y for y in x]\n", ParseOptions.DEFAULT).module();
        Module b = PythonParser.parse("f = lambda x:  [y for y in x]\n", ParseOptions.DEFAULT).module();
        assertTrue(AstEquality.equal(a, b, false));
        assertFalse(AstEquality.equal(a, b, true));
    }
}
