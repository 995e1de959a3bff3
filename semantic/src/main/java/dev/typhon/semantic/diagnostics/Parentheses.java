package dev.typhon.semantic.diagnostics;

import dev.typhon.ast.Expr;
import dev.typhon.ast.source.Comments;

/**
 * The range of an expression with the grouping parentheses around it, as ty reports some
 * diagnostics on it: in {@code x: str = (\n    1 + 2\n)} the assigned value spans all three lines,
 * so a suppression comment on the first or the last line reaches it. CPython's ranges (ours) leave
 * the parentheses out.
 *
 * <p>Only for an expression that is a statement's whole child (an assigned value): there, a
 * parenthesis right before and right after it can only group it, never belong to a call.
 */
final class Parentheses {
    private Parentheses() {
    }

    /** {@code {start, end}} of {@code e} widened over every pair of parentheses enclosing exactly it. */
    static int[] around(String text, Comments comments, Expr e) {
        int start = e.startOffset();
        int end = e.endOffset();
        while (true) {
            int before = skipBackward(text, comments, start);
            int after = skipForward(text, comments, end);
            if (before > 0 && text.charAt(before - 1) == '(' && after < text.length() && text.charAt(after) == ')') {
                start = before - 1;
                end = after + 1;
            } else {
                return new int[] {start, end};
            }
        }
    }

    /** The offset after the last character before {@code p} that is not blank, a newline or in a comment. */
    private static int skipBackward(String text, Comments comments, int p) {
        while (p > 0) {
            char c = text.charAt(p - 1);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\') {
                p--;
            } else {
                int comment = comments.indexAt(p - 1);
                if (comment < 0) {
                    return p;
                }
                p = comments.start(comment);
            }
        }
        return p;
    }

    /** The offset of the first character at or after {@code p} that is not blank, a newline or in a comment. */
    private static int skipForward(String text, Comments comments, int p) {
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\') {
                p++;
            } else if (c == '#') {
                int comment = comments.indexAt(p);
                p = comment < 0 ? p + 1 : comments.end(comment);
            } else {
                return p;
            }
        }
        return p;
    }
}
