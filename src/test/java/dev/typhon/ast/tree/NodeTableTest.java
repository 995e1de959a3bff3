package dev.typhon.ast.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.typhon.ast.ExprContext;
import dev.typhon.ast.Module;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.NodeTable;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTableTest {

    private static ParseResult parse(String source) {
        return PythonParser.parse(source, ParseOptions.DEFAULT);
    }

    private static List<String> names(List<Node> nodes) {
        return nodes.stream().map(Node::pythonName).toList();
    }

    @Test
    void theNodeAtAnOffsetAndItsAncestors() {
        String source = "import os\nx = foo.bar(1)\n";
        ParseResult result = parse(source);
        NodeTable table = NodeTable.of(result.module());
        Node foo = table.nodeAt(source.indexOf("foo") + 1);
        assertEquals("Name", foo.pythonName());
        assertEquals("foo", ((Name) foo).id());
        assertEquals(List.of("Attribute", "Call", "Assign", "Module"), names(table.ancestors(foo)));
        assertEquals("Attribute", table.parent(foo).pythonName());

        assertEquals("Attribute", table.nodeAt(source.indexOf(".bar") + 2).pythonName());
        assertEquals("Constant", table.nodeAt(source.indexOf("1)")).pythonName());
        assertEquals("Call", table.nodeAt(source.indexOf("1)") + 1).pythonName()); // the ')'
        assertEquals("Assign", table.nodeAt(source.indexOf(" = ")).pythonName());
        // Between statements and at the end of the file: the module.
        assertSame(result.module(), table.nodeAt(source.indexOf('\n')));
        assertSame(result.module(), table.nodeAt(source.length()));
        assertNull(table.nodeAt(source.length() + 1));
        assertNull(table.nodeAt(-1));
    }

    @Test
    void idsParentsAndSubtrees() {
        ParseResult result = parse("def f(a, b=1):\n    return a\n");
        NodeTable table = NodeTable.of(result.module());
        assertEquals(result.nodeCount(), table.size());
        assertSame(result.module(), table.root());
        assertEquals(-1, table.parentId(0));
        for (int id = 0; id < table.size(); id++) {
            assertEquals(id, table.node(id).nodeId());
            int parent = table.parentId(id);
            if (parent >= 0) {
                // A node lies in its parent's subtree id range.
                assertEquals(true, id > parent && id < parent + table.subtreeSize(parent));
            }
        }
        assertEquals(table.size(), table.subtreeSize(0));
        assertEquals(List.of(), table.ancestors(result.module()));
    }

    @Test
    void decoratorsAndParametersAreFoundThroughTheirDefinition() {
        String source = "@cache\ndef f(x, y=2):\n    pass\n";
        NodeTable table = NodeTable.of(parse(source).module());
        Node decorator = table.nodeAt(source.indexOf("cache"));
        assertEquals("cache", ((Name) decorator).id());
        assertEquals(List.of("FunctionDef", "Module"), names(table.ancestors(decorator)));
        Node y = table.nodeAt(source.indexOf("y="));
        assertEquals("arg", y.pythonName());
        assertEquals(List.of("arguments", "FunctionDef", "Module"), names(table.ancestors(y)));
        // The ',' between parameters is inside the arguments' range but no parameter's.
        assertEquals("arguments", table.nodeAt(source.indexOf(", y")).pythonName());
    }

    @Test
    void comprehensionsWithItemsAndCasesAreFound() {
        String source = "r = [a for a in b if a]\nwith c as d:\n    match d:\n        case 1: pass\n";
        NodeTable table = NodeTable.of(parse(source).module());
        assertEquals("comprehension", table.nodeAt(source.indexOf(" in b")).pythonName());
        assertEquals("withitem", table.nodeAt(source.indexOf(" as d")).pythonName());
        assertEquals("match_case", table.nodeAt(source.indexOf("case 1") + 1).pythonName());
    }

    @Test
    void aTreeMustBeNumbered() {
        Module unnumbered = Module.of(List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> NodeTable.of(unnumbered));
        NodeTable table = NodeTable.of(parse("x\n").module());
        Name stranger = Name.of("x", ExprContext.Load, 1, 0, 1, 1, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> table.ancestors(stranger));
    }
}
