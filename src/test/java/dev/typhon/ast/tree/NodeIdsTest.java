package dev.typhon.ast.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.ExprContext;
import dev.typhon.ast.ExprStmt;
import dev.typhon.ast.Module;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.NodeIds;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node ids: dense, pre-order of the source-order walk, set by the parser. */
class NodeIdsTest {

    static final String SOURCE = """
            import os
            @decorate(1)
            def f(a, b=2, *args, c, d=3, **kw) -> int:
                return {a: b, **kw, c: [x for x in args if x]}
            class C(Base, metaclass=M):
                y = f(1, k=2, *rest) if cond else None
            """;

    /** Every node in pre-order of the source-order walk. */
    static List<Node> preOrder(Node root) {
        List<Node> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node node, List<Node> out) {
        out.add(node);
        node.forEachChildInSourceOrder(child -> walk(child, out));
    }

    @Test
    void parsedModulesAreNumberedDenselyInPreOrder() {
        ParseResult result = PythonParser.parse(SOURCE, ParseOptions.DEFAULT);
        List<Node> nodes = preOrder(result.module());
        assertEquals(nodes.size(), result.nodeCount());
        for (int i = 0; i < nodes.size(); i++) {
            assertEquals(i, nodes.get(i).nodeId(), nodes.get(i).pythonName());
        }
    }

    @Test
    void aSubtreeIsAContiguousRangeOfIds() {
        ParseResult result = PythonParser.parse(SOURCE, ParseOptions.DEFAULT);
        for (Node node : preOrder(result.module())) {
            List<Node> subtree = preOrder(node);
            for (int i = 0; i < subtree.size(); i++) {
                assertEquals(node.nodeId() + i, subtree.get(i).nodeId());
            }
        }
    }

    @Test
    void siblingIdsGrowWithTheirStartOffsets() {
        ParseResult result = PythonParser.parse(SOURCE, ParseOptions.DEFAULT);
        for (Node node : preOrder(result.module())) {
            List<Node> children = new ArrayList<>();
            node.forEachChildInSourceOrder(children::add);
            for (int i = 1; i < children.size(); i++) {
                assertTrue(children.get(i - 1).nodeId() < children.get(i).nodeId());
                assertTrue(children.get(i - 1).startOffset() <= children.get(i).startOffset(),
                        () -> node.pythonName() + " children out of source order");
            }
        }
    }

    @Test
    void handBuiltTreesAreUnnumberedUntilAssigned() {
        Name a = Name.of("a", ExprContext.Load, 1, 0, 1, 1, 0, 1);
        Name b = Name.of("b", ExprContext.Load, 1, 3, 1, 4, 3, 4);
        Tuple t = Tuple.of(List.of(a, b), ExprContext.Load, 1, 0, 1, 4, 0, 4);
        ExprStmt stmt = ExprStmt.of(t, 1, 0, 1, 4, 0, 4);
        Module module = Module.of(List.of(stmt), List.of());
        assertEquals(-1, module.nodeId());
        assertEquals(-1, b.nodeId());

        assertEquals(5, NodeIds.assign(module));
        assertEquals(List.of(0, 1, 2, 3, 4), List.of(module.nodeId(), stmt.nodeId(), t.nodeId(), a.nodeId(), b.nodeId()));
        // Numbering again gives the same ids.
        assertEquals(5, NodeIds.assign(module));
        assertEquals(4, b.nodeId());
    }

    @Test
    void aNodeCannotSitTwiceInANumberedTree() {
        Name shared = Name.of("x", ExprContext.Load, 1, 0, 1, 1, 0, 1);
        Module module = Module.of(List.of(ExprStmt.of(shared, 1, 0, 1, 1, 0, 1), ExprStmt.of(shared, 1, 0, 1, 1, 0, 1)),
                List.of());
        assertThrows(IllegalStateException.class, () -> NodeIds.assign(module));
    }

    @Test
    void aDeepTreeIsNumberedWithoutRecursion() {
        // A left-deep chain of 50,000 additions: a recursive numbering would overflow the stack.
        String source = "x = 1" + " + 1".repeat(50_000) + "\n";
        ParseResult result = PythonParser.parse(source, ParseOptions.DEFAULT);
        if (result.hasErrors()) {
            return; // the parser may refuse such nesting, as CPython does; then there is nothing to number
        }
        assertEquals(1 + 1 + 1 + 50_000 + 50_001, result.nodeCount());
    }
}
