package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.typhon.ast.Located;
import dev.typhon.ast.Node;
import dev.typhon.ast.dump.AstDump;
import dev.typhon.ast.source.LineIndex;
import dev.typhon.ast.unparse.Unparser;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What every parse result must satisfy, whatever the input: no internal error (the parser turns
 * its own exceptions into one, so "no exception" means "no such error"), errors that point into
 * the source, node positions inside the source and consistent with their offsets, and a tree
 * that can be dumped and unparsed. Used by the fuzz properties.
 */
public final class ParseChecks {

    private static final String INTERNAL = "internal parser error";

    private ParseChecks() {
    }

    /**
     * Asserts the invariants of {@code result}, and that its tree dumps and unparses without
     * throwing; {@code input} describes the input in messages.
     */
    public static void assertSane(ParseResult result, String input) {
        assertErrorsAndPositions(result, input);
        // Every tree, even one cut short by errors, dumps and unparses without throwing.
        AstDump.dump(result.module(), true);
        Unparser.unparse(result.module());
    }

    /** Asserts that errors point into the source and that node positions are sane. */
    public static void assertErrorsAndPositions(ParseResult result, String input) {
        assertNotNull(result, "no result for " + input);
        assertNotNull(result.module(), "no module for " + input);
        assertNotNull(result.source(), "no source for " + input);
        String text = result.source().text();
        LineIndex lines = LineIndex.of(text);
        for (SyntaxError e : result.errors()) {
            if (e.message().startsWith(INTERNAL)) {
                fail(e.message() + "\n  input: " + input);
            }
            assertFalse(e.message().isBlank(), () -> "blank error message: " + e + "\n  input: " + input);
            assertTrue(0 <= e.startOffset() && e.startOffset() <= e.endOffset() && e.endOffset() <= text.length(),
                    () -> "error range outside the source (length " + text.length() + "): " + e + "\n  input: " + input);
            if (e.lineno() == 0) {
                assertEquals(-1, e.column(), () -> "whole-source error with a column: " + e + "\n  input: " + input);
            } else {
                assertTrue(e.lineno() >= 1 && e.lineno() <= lines.lineCount() + 1,
                        () -> "error line outside the source (" + lines.lineCount() + " lines): " + e + "\n  input: " + input);
                assertTrue(e.column() >= 0, () -> "negative error column: " + e + "\n  input: " + input);
            }
        }
        assertPositions(result.module(), text, lines, input);
    }

    private static void assertPositions(Node root, String text, LineIndex lines, String input) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (node instanceof Located at) {
                assertLocated(node, at, text, lines, input);
            }
            node.forEachChild(todo::push);
        }
    }

    private static void assertLocated(Node node, Located at, String text, LineIndex lines, String input) {
        int start = at.startOffset();
        int end = at.endOffset();
        if (!(0 <= start && start <= end && end <= text.length())) {
            fail(node.pythonName() + " offsets " + start + ".." + end + " outside the source (length "
                    + text.length() + ")\n  input: " + input);
        }
        if (at.lineno() < 1 || at.endLineno() < at.lineno() || at.endLineno() > lines.lineCount()
                || at.colOffset() < 0 || at.endColOffset() < 0
                || (at.lineno() == at.endLineno() && at.colOffset() > at.endColOffset())) {
            fail(node.pythonName() + " position " + at.lineno() + ":" + at.colOffset() + "-" + at.endLineno() + ":"
                    + at.endColOffset() + " is not a range in the source (" + lines.lineCount() + " lines)\n  input: " + input);
        }
        if (lines.lineOf(start) != at.lineno() || lines.colOf(start) != at.colOffset()
                || lines.lineOf(end) != at.endLineno() || lines.colOf(end) != at.endColOffset()) {
            fail(node.pythonName() + " position " + at.lineno() + ":" + at.colOffset() + "-" + at.endLineno() + ":"
                    + at.endColOffset() + " disagrees with its offsets " + start + ".." + end + " (which are "
                    + lines.lineOf(start) + ":" + lines.colOf(start) + "-" + lines.lineOf(end) + ":" + lines.colOf(end)
                    + ")\n  input: " + input);
        }
    }

    /** A Java string literal for {@code s}, to paste a failing input into a test. */
    public static String javaLiteral(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A Java byte-array expression for {@code bytes}. */
    public static String javaBytes(byte[] bytes) {
        StringBuilder sb = new StringBuilder("new byte[] {");
        for (int i = 0; i < bytes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(bytes[i]);
        }
        return sb.append('}').toString();
    }
}
