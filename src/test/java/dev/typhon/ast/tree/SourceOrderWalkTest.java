package dev.typhon.ast.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.JoinedStr;
import dev.typhon.ast.Module;
import dev.typhon.ast.Node;
import dev.typhon.ast.NodeTable;
import dev.typhon.ast.TemplateStr;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.testing.Interpreters;
import dev.typhon.testing.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link Node#forEachChildInSourceOrder} visits children in source order, and they lie inside
 * their parent's range, but for one exception CPython's positions make: a decorator comes before
 * the {@code def} or {@code class} it decorates, whose range starts at the keyword. (A debug
 * f-string field, {@code f"{x=}"}, holds its text constant inside its range: the walk orders
 * JoinedStr's values by start offset for it.)
 */
class SourceOrderWalkTest {

    private static List<String> childTexts(String source, Function<Module, Node> pick) {
        Module module = PythonParser.parse(source, ParseOptions.DEFAULT).module();
        List<String> out = new ArrayList<>();
        pick.apply(module).forEachChildInSourceOrder(c -> out.add(source.substring(c.startOffset(), c.endOffset())));
        return out;
    }

    private static Node firstValue(Module m) {
        return ((dev.typhon.ast.ExprStmt) m.body().get(0)).value();
    }

    @Test
    void interleavedFieldsComeOutInSourceOrder() {
        assertEquals(List.of("f", "a", "k=1", "*b", "**c"), childTexts("f(a, k=1, *b, **c)\n", SourceOrderWalkTest::firstValue));
        // `**m` has no key: only its value is a child.
        assertEquals(List.of("k", "v", "m", "j", "w"), childTexts("{k: v, **m, j: w}\n", SourceOrderWalkTest::firstValue));
        assertEquals(List.of("a", "t", "b"), childTexts("a if t else b\n", SourceOrderWalkTest::firstValue));
        assertEquals(List.of("d", "T", "x, y=1", "R", "pass"),
                childTexts("@d\ndef f[T](x, y=1) -> R: pass\n", m -> m.body().get(0)));
        assertEquals(List.of("d", "A", "metaclass=M", "*B", "pass"),
                childTexts("@d\nclass C(A, metaclass=M, *B): pass\n", m -> m.body().get(0)));
        assertEquals(List.of("a", "b", "1", "c", "d", "2", "e"),
                childTexts("def f(a, /, b=1, *c, d=2, **e): pass\n", m -> ((FunctionDef) m.body().get(0)).args()));
        // `**rest` is a name (a string field), not a child.
        assertEquals(List.of("1", "a", "'k'", "b"),
                childTexts("match x:\n    case {1: a, 'k': b, **rest}: pass\n",
                        m -> ((dev.typhon.ast.Match) m.body().get(0)).cases().get(0).pattern()));
    }

    @Test
    void everyStdlibNodeWalksInSourceOrderInsideItsParent() throws Exception {
        Path python = Interpreters.cpython(13).orElse(null);
        assumeTrue(python != null, "no CPython 3.13+ found: set TYPHON_PYTHON to run the stdlib walk test");
        List<Path> files = Stdlib.pythonFiles(Stdlib.of(python));
        Map<String, Integer> outOfOrder = new TreeMap<>();
        Map<String, Integer> outside = new TreeMap<>();
        Map<String, Integer> lookupElsewhere = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        int nodes = 0;
        int lookups = 0;
        for (Path file : files) {
            ParseResult result = PythonParser.parse(Files.readAllBytes(file));
            if (result.hasErrors()) {
                continue; // the stdlib's deliberately broken test inputs
            }
            NodeTable table = NodeTable.of(result.module());
            assertEquals(result.nodeCount(), table.size());
            ArrayDeque<Node> work = new ArrayDeque<>();
            work.push(result.module());
            while (!work.isEmpty()) {
                Node parent = work.pop();
                nodes++;
                List<Node> children = new ArrayList<>();
                parent.forEachChildInSourceOrder(children::add);
                for (int i = 0; i < children.size(); i++) {
                    Node child = children.get(i);
                    work.push(child);
                    String where = file.getFileName() + " " + parent.pythonName() + ">" + child.pythonName()
                            + " at " + child.startOffset();
                    if (i > 0 && children.get(i - 1).startOffset() > child.startOffset()) {
                        String kind = parent.pythonName() + ">" + child.pythonName();
                        outOfOrder.merge(kind, 1, Integer::sum);
                        examples.putIfAbsent("order " + kind, where);
                    }
                    boolean inside = parent.startOffset() <= child.startOffset() && child.endOffset() <= parent.endOffset();
                    if (!inside && !isDecorator(parent, child)) {
                        String kind = parent.pythonName() + ">" + child.pythonName();
                        outside.merge(kind, 1, Integer::sum);
                        examples.putIfAbsent("outside " + kind, where);
                    }
                }
                // The lookup finds, at a node's first character, a node no larger that contains it:
                // the node itself or one inside it, but for f-strings' debug text (see NodeTable).
                if (parent.endOffset() > parent.startOffset()) {
                    int offset = parent.startOffset();
                    Node found = table.nodeAt(offset);
                    int id = parent.nodeId();
                    assertTrue(found.startOffset() <= offset && offset < found.endOffset()
                            && found.endOffset() - found.startOffset() <= parent.endOffset() - parent.startOffset(),
                            () -> file + ": nodeAt(" + offset + ") gave " + found.pythonName() + " for " + parent.pythonName());
                    boolean inSubtree = found.nodeId() >= id && found.nodeId() < id + table.subtreeSize(id);
                    Node fString = table.parent(parent);
                    boolean debugOverlap = (fString instanceof JoinedStr || fString instanceof TemplateStr)
                            && table.ancestors(found).contains(fString);
                    if (!inSubtree && !debugOverlap) {
                        String kind = parent.pythonName() + " in " + fString.pythonName();
                        lookupElsewhere.merge(kind, 1, Integer::sum);
                        examples.putIfAbsent("lookup " + kind, file.getFileName() + " at " + offset);
                    }
                    lookups++;
                }
            }
        }
        assertTrue(nodes > 1_000_000, "suspiciously few nodes: " + nodes);
        assertTrue(lookups > 1_000_000, "suspiciously few lookups: " + lookups);
        assertEquals(Map.of(), outOfOrder, () -> "children out of source order; examples: " + examples);
        assertEquals(Map.of(), outside, () -> "children outside their parent; examples: " + examples);
        // Only an f-string's debug text (`x=` in f"{x=}") overlaps a neighbouring field, so there
        // the lookup may return a smaller node of the same f-string; nowhere else.
        assertEquals(Map.of(), lookupElsewhere, () -> "lookups outside the node; examples: " + examples);
    }

    /** CPython starts a decorated definition at its keyword, so its decorators lie before it. */
    private static boolean isDecorator(Node parent, Node child) {
        return switch (parent) {
            case FunctionDef f -> f.decoratorList().contains(child);
            case AsyncFunctionDef f -> f.decoratorList().contains(child);
            case ClassDef c -> c.decoratorList().contains(child);
            default -> false;
        };
    }
}
