package dev.typhon.ast.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.typhon.ast.Alias;
import dev.typhon.ast.Arguments;
import dev.typhon.ast.Comprehension;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.MatchCase;
import dev.typhon.ast.Module;
import dev.typhon.ast.Node;
import dev.typhon.ast.TypeIgnore;
import dev.typhon.ast.WithItem;
import dev.typhon.ast.dump.AstDump;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every node has a source range, including the four CPython gives no position. */
class NodeRangesTest {

    private static <T extends Node> List<String> texts(String source, Class<T> type, ParseOptions options) {
        ParseResult result = PythonParser.parse(source, options);
        assertFalse(result.hasErrors(), () -> result.errors().toString());
        return NodeIdsTest.preOrder(result.module()).stream()
                .filter(type::isInstance)
                .map(n -> source.substring(n.startOffset(), n.endOffset()))
                .toList();
    }

    private static <T extends Node> List<String> texts(String source, Class<T> type) {
        return texts(source, type, ParseOptions.DEFAULT);
    }

    @Test
    void argumentsSpanTheParameters() {
        String source = """
                def f(a, /, b: int = 1, *args, c, d=2, **kw,): pass
                def g(): pass
                lambda: 0
                lambda x, *y: 0
                def h(
                    a,  # comment
                ): pass
                """;
        assertEquals(List.of("a, /, b: int = 1, *args, c, d=2, **kw", "", "", "x, *y", "a"),
                texts(source, Arguments.class));
        Module module = PythonParser.parse(source, ParseOptions.DEFAULT).module();
        // Empty parameters sit where they would be: before ')' and before ':'.
        Arguments g = ((dev.typhon.ast.FunctionDef) module.body().get(1)).args();
        assertEquals(source.indexOf("def g(") + "def g(".length(), g.startOffset());
        Arguments lambda = ((dev.typhon.ast.Lambda) ((dev.typhon.ast.ExprStmt) module.body().get(2)).value()).args();
        assertEquals(source.indexOf("lambda:") + "lambda".length(), lambda.startOffset());
    }

    @Test
    void comprehensionsSpanTheirClauses() {
        String source = "r = [x async for x in (await y) if x if not x for z in x]\nq = {k: v for k, v in d.items()}\n";
        assertEquals(List.of("async for x in (await y) if x if not x", "for z in x", "for k, v in d.items()"),
                texts(source, Comprehension.class));
    }

    @Test
    void withItemsSpanExpressionAndTarget() {
        String source = "with open(p) as f, (lock):\n    pass\nwith (a as b, c):\n    pass\n";
        assertEquals(List.of("open(p) as f", "(lock)", "a as b", "c"), texts(source, WithItem.class));
    }

    @Test
    void matchCasesSpanPatternGuardAndBody() {
        String source = """
                match x:
                    case [a, *rest] if a > 0:
                        print(a)
                        print(rest)
                    case _: pass
                """;
        assertEquals(List.of("case [a, *rest] if a > 0:\n        print(a)\n        print(rest)", "case _: pass"),
                texts(source, MatchCase.class));
    }

    @Test
    void keywordsAliasesAndTypeIgnoresHaveRanges() {
        assertEquals(List.of("k=1", "**kw"), texts("f(k=1, **kw)\n", Keyword.class));
        assertEquals(List.of("a.b as c", "d", "e as f"), texts("import a.b as c, d\nfrom g import (e as f)\n", Alias.class));
        assertEquals(List.of("# type: ignore[x]"),
                texts("import x  # type: ignore[x]\n", TypeIgnore.class, ParseOptions.DEFAULT.withTypeComments(true)));
    }

    @Test
    void theModuleSpansTheWholeText() {
        String source = "# leading comment\n\nx = 1\n\n# trailing\n";
        Module module = PythonParser.parse(source, ParseOptions.DEFAULT).module();
        assertEquals(0, module.startOffset());
        assertEquals(source.length(), module.endOffset());
    }

    @Test
    void theDumpStillPrintsNoPositionForTheNewRanges() {
        String source = "def f(a): return [x for x in a]\nwith c as d: pass\n";
        String dump = AstDump.dump(PythonParser.parse(source, ParseOptions.DEFAULT).module(), true);
        // CPython's exact text for these: no position attributes inside arguments(...) or comprehension(...).
        assertEquals(true, dump.contains("args=arguments(posonlyargs=[], args=[arg(arg='a', lineno=1, col_offset=6, "
                + "end_lineno=1, end_col_offset=7)], kwonlyargs=[], kw_defaults=[], defaults=[])"), dump);
        assertEquals(true, dump.contains("is_async=0)]"), dump);
        assertEquals(true, dump.contains("items=[withitem(context_expr=Name(id='c', ctx=Load(), lineno=2, "
                + "col_offset=5, end_lineno=2, end_col_offset=6), optional_vars=Name(id='d', ctx=Store(), lineno=2, "
                + "col_offset=10, end_lineno=2, end_col_offset=11))]"), dump);
    }
}
