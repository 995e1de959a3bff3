package dev.typhon.semantic.index;

import dev.typhon.ast.Expr;
import dev.typhon.ast.Node;

/**
 * A predicate the index records for inference to evaluate later: a test that narrows the names it
 * mentions on each branch ({@code if isinstance(x, int):}, {@code while x:}, {@code assert x}, a
 * match case), or a condition of reachability (a call statement that may not return, a
 * {@code with} block that may swallow exceptions).
 *
 * @param kind     what is asked
 * @param test     the test expression, MatchCase, Call, or With / AsyncWith statement
 * @param subject  a match case's subject; null for other kinds
 * @param positive whether the path took the predicate as true
 */
public record Constraint(ConstraintKind kind, Node test, Expr subject, boolean positive) {

    public Constraint negated() {
        return new Constraint(kind, test, subject, !positive);
    }

    /** Identity of the nodes, never a structural comparison of trees. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Constraint c && c.kind == kind && c.test == test && c.subject == subject
                && c.positive == positive;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(test) * 2 + (positive ? 1 : 0);
    }
}
