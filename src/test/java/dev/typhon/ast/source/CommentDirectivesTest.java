package dev.typhon.ast.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.source.CommentDirectives.Directive;
import dev.typhon.ast.source.CommentDirectives.Suppression;
import dev.typhon.ast.source.CommentDirectives.Tool;
import dev.typhon.ast.source.CommentDirectives.TypeComment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Suppression and type comments, found by line in real snippets. */
class CommentDirectivesTest {

    private static Comments comments(String source) {
        return PythonParser.parse(source.getBytes(StandardCharsets.UTF_8)).comments();
    }

    private static List<Directive> directives(String comment) {
        return CommentDirectives.parse(comment, 0, comment.length(), 1);
    }

    @Test
    void typeIgnoreWithAndWithoutCodes() {
        String src = "import a  # type: ignore\nimport b  # type: ignore[import-untyped, attr-defined ]\nimport c #type:ignore\n";
        Comments c = comments(src);
        Suppression s1 = CommentDirectives.suppressions(c, 1).get(0);
        assertEquals(Tool.TYPE, s1.tool());
        assertTrue(s1.suppressesAll());
        assertEquals(src.indexOf("# type"), s1.start());
        assertEquals(src.indexOf("\n"), s1.end());
        assertEquals(List.of("import-untyped", "attr-defined"), CommentDirectives.suppressions(c, 2).get(0).codes());
        assertEquals(1, CommentDirectives.suppressions(c, 3).size());
    }

    @Test
    void tyAndTyphonSuppressionsWithTheirRules() {
        Comments c = comments("a = f()  # ty: ignore[unresolved-reference, invalid-argument-type,]\n"
                + "b = g()  # typhon: ignore[division-by-zero]\n"
                + "d = h()  # ty: ignore\n");
        Suppression ty = CommentDirectives.suppressions(c, 1).get(0);
        assertEquals(Tool.TY, ty.tool());
        assertEquals(List.of("unresolved-reference", "invalid-argument-type"), ty.codes());
        Suppression typhon = CommentDirectives.suppressions(c, 2).get(0);
        assertEquals(new Suppression(Tool.TYPHON, List.of("division-by-zero"), typhon.start(), typhon.end(), 2), typhon);
        assertTrue(CommentDirectives.suppressions(c, 3).get(0).suppressesAll());
    }

    @Test
    void aSuppressionMayFollowOtherCommentsOnTheLine() {
        Comments c = comments("x = 10 / 0  # noqa: E501  # fmt: skip # ty: ignore[division-by-zero]\n"
                + "y = 1  # ty: ignore[unused-ignore-comment] # type: ignore\n"
                + "z = 2  # type: ignore # ty: ignore[unused-ignore-comment]\n");
        List<Suppression> first = CommentDirectives.suppressions(c, 1);
        assertEquals(1, first.size());
        assertEquals(List.of("division-by-zero"), first.get(0).codes());
        assertEquals(List.of(Tool.TY, Tool.TYPE), CommentDirectives.suppressions(c, 2).stream().map(Suppression::tool).toList());
        assertEquals(List.of(Tool.TYPE, Tool.TY), CommentDirectives.suppressions(c, 3).stream().map(Suppression::tool).toList());
    }

    @Test
    void typeCommentsAtTheStartOfTheCommentOnly() {
        String src = "x = []  # type: List[int]  # a note\n"
                + "def f(a, b):\n    # type: (int, str) -> None\n    pass\n"
                + "y = 1  # note # type: int\n"
                + "z = 1  # type: int  # type: ignore[assignment]\n";
        Comments c = comments(src);
        TypeComment t = CommentDirectives.typeComment(c, 1).orElseThrow();
        assertEquals("List[int]", t.type());
        assertEquals(src.indexOf("# type"), t.start());
        assertEquals("(int, str) -> None", CommentDirectives.typeComment(c, 3).orElseThrow().type());
        assertEquals(Optional.empty(), CommentDirectives.typeComment(c, 5));
        assertEquals(Optional.empty(), CommentDirectives.typeComment(c, 4));
        assertEquals("int", CommentDirectives.typeComment(c, 6).orElseThrow().type());
        assertEquals(List.of("assignment"), CommentDirectives.suppressions(c, 6).get(0).codes());
        assertEquals(3, CommentDirectives.all(c).stream().filter(d -> d instanceof TypeComment).count());
    }

    @Test
    void directivesInsideStringsAreIgnored() {
        Comments c = comments("s = '# type: ignore'\nt = \"\"\"\n# ty: ignore[x]\n\"\"\"\n");
        assertEquals(0, c.size());
        assertEquals(List.of(), CommentDirectives.all(c));
    }

    @Test
    void directivesOnCrlfLinesAndContinuationLines() {
        Comments c = comments("a = (1,  # type: ignore[misc]\r\n     2)  # ty: ignore[rule]\r\nb = 1 + \\\r\n    2  # typhon: ignore\r\n");
        assertEquals(List.of("misc"), CommentDirectives.suppressions(c, 1).get(0).codes());
        assertEquals(List.of("rule"), CommentDirectives.suppressions(c, 2).get(0).codes());
        Suppression last = CommentDirectives.suppressions(c, 4).get(0);
        assertEquals(Tool.TYPHON, last.tool());
        assertTrue(last.suppressesAll());
    }

    @Test
    void lookalikesAreNotDirectives() {
        assertEquals(List.of(), directives("# ty: ignored"));
        assertEquals(List.of(), directives("# ty: ignore[unclosed"));
        assertEquals(List.of(), directives("# ty: ignore[bad code]"));
        assertEquals(List.of(), directives("# Type: ignore"));
        assertEquals(List.of(), directives("# type : ignore"));
        assertEquals(List.of(), directives("# mypy: ignore"));
        assertEquals(List.of(), directives("# tyx: ignore"));
        assertEquals(List.of(), directives("# type:"));
        // `type: ignored` is a type comment naming a type `ignored`, as in CPython.
        assertEquals(List.of(new TypeComment("ignored", 0, 15, 1)), directives("# type: ignored"));
        // A malformed code list on `type: ignore` still suppresses everything, as CPython keeps a TypeIgnore.
        assertEquals(List.of(new Suppression(Tool.TYPE, List.of(), 0, 14, 1)), directives("# type: ignore[oops"));
        assertEquals(List.of(new Suppression(Tool.TYPE, List.of(), 0, 16, 1)), directives("# type: ignore[]"));
    }
}
