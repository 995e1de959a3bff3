package dev.typhon.ast.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comment table the tokenizer fills: what is a comment, where, on which line. */
class CommentsTest {

    private static Comments comments(String source) {
        ParseResult result = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8));
        return result.comments();
    }

    private static List<String> texts(Comments c) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            texts.add(c.line(i) + ":" + c.text(i));
        }
        return texts;
    }

    @Test
    void commentsOnTheirOwnLinesAndAfterCode() {
        String src = "# head\nimport os  # why\n\ndef f():\n    # inside\n    return 1 # one\n";
        Comments c = comments(src);
        assertEquals(List.of("1:# head", "2:# why", "5:# inside", "6:# one"), texts(c));
        assertEquals(src.indexOf("# why"), c.start(1));
        assertEquals(src.indexOf("# why") + 5, c.end(1));
    }

    @Test
    void hashesInsideStringsAreNotComments() {
        String src = "s = '# not'\nt = \"\"\"\n# not either\n\"\"\"  # real\nu = f'{x}#no' + f\"{'#'}\"\nv = b'#'  # yes # and more\n";
        Comments c = comments(src);
        assertEquals(List.of("4:# real", "6:# yes # and more"), texts(c));
        assertFalse(c.isInComment(src.indexOf("# not")));
        assertTrue(c.isInComment(src.indexOf("# real") + 2));
    }

    @Test
    void commentsOnContinuationLinesAndInsideBrackets() {
        String src = "x = [1,  # first\n     2,\n# own line in brackets\n     3]\ny = 1 + \\\n    2  # after a backslash\nz = (  # open\n)\n";
        Comments c = comments(src);
        assertEquals(List.of("1:# first", "3:# own line in brackets", "6:# after a backslash", "7:# open"), texts(c));
    }

    @Test
    void crlfLineEndsStayOutOfTheComment() {
        String src = "a = 1  # one\r\n# two\r\nb = 2\r\n  # three\r\n";
        Comments c = comments(src);
        assertEquals(List.of("1:# one", "2:# two", "4:# three"), texts(c));
        assertEquals('\r', src.charAt(c.end(0)));
        assertEquals(2, c.onLine(4));
        assertEquals(-1, c.onLine(3));
    }

    @Test
    void aCommentAtTheEndOfAFileWithoutALineBreak() {
        Comments c = comments("x = 1  # last");
        assertEquals(List.of("1:# last"), texts(c));
        assertEquals("x = 1  # last".length(), c.end(0));
    }

    @Test
    void lookupsByOffsetAndLine() {
        String src = "a = 1  # a\nb = 2\nc = 3  # c\n";
        Comments c = comments(src);
        int a = src.indexOf("# a");
        assertEquals(0, c.indexAt(a));
        assertEquals(0, c.indexAt(a + 2));
        assertEquals(-1, c.indexAt(a + 3)); // the line break
        assertEquals(-1, c.indexAt(0));
        assertEquals(0, c.firstAtOrAfter(0));
        assertEquals(1, c.firstAtOrAfter(a + 1));
        assertEquals(2, c.firstAtOrAfter(src.length()));
        assertEquals(0, c.onLine(1));
        assertEquals(-1, c.onLine(2));
        assertEquals(1, c.onLine(3));
        assertEquals(1, c.firstFromLine(2));
        assertEquals(2, c.firstFromLine(4));
    }

    @Test
    void aFileWithSyntaxErrorsStillHasItsComments() {
        Comments c = comments("def f(:  # broken\n    pass  # ok\n");
        assertEquals(List.of("1:# broken", "2:# ok"), texts(c));
    }

    @Test
    void nonAsciiCommentsAndCodingCookies() {
        Comments c = comments("# -*- coding: utf-8 -*-\nx = 'é'  # café ☕\n");
        assertEquals(List.of("1:# -*- coding: utf-8 -*-", "2:# café ☕"), texts(c));
    }

    @Test
    void theBuilderKeepsTheTableSorted() {
        Comments.Builder b = new Comments.Builder("# a\n# b\n");
        b.add(0, 3, 1);
        b.add(0, 3, 1); // read again: skipped
        b.add(4, 7, 2);
        Comments c = b.build();
        assertEquals(2, c.size());
        assertEquals("# b", c.text(1));
        assertEquals(0, comments("x = 1\n").size());
    }
}
