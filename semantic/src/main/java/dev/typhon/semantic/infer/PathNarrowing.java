package dev.typhon.semantic.infer;

import dev.typhon.ast.Call;
import dev.typhon.ast.Expr;
import dev.typhon.ast.MatchCase;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Constraint;
import dev.typhon.semantic.index.Reachability;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.Truthiness;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;

/**
 * Narrowing along every path to a point, read from the point's reachability formula: where the
 * flow merged ({@code if isinstance(x, A): ... elif isinstance(x, B): ... else: return}) the
 * paths' tests are alternatives, each narrowing the value its own way, and a path through a call
 * that never returns ({@code sys.exit()}) or a test that is statically false contributes nothing.
 * The narrowed type is the union over the paths ({@code B | A}: a later alternative first, as ty
 * shows it). The per-binding constraint lists keep only what all paths share; this recovers the rest.
 *
 * <p>Only sound for a value bound before every test of the formula; callers make sure of that.
 * Large formulas are given up on (a budget of nodes), leaving the type as it was.
 */
final class PathNarrowing {
    private static final int BUDGET = 4000;

    private final TypeInference ti;

    PathNarrowing(TypeInference ti) {
        this.ti = ti;
    }

    /** {@code type} narrowed by the paths of {@code formula}, or null when the formula is too large to follow. */
    @Nullable Type narrow(SourceFile file, Type type, int formula, Narrowing.Target target) {
        if (formula == Reachability.ALWAYS_TRUE || type.isDynamic()) {
            return type;
        }
        int[] budget = {BUDGET};
        Type t = eval(file, file.index().reachability(), type, formula, target, budget);
        return budget[0] < 0 ? null : t;
    }

    private Type eval(SourceFile file, Reachability dag, Type t, int f, Narrowing.Target target, int[] budget) {
        if (--budget[0] < 0 || t.isNever()) {
            return t;
        }
        return switch (dag.kind(f)) {
            case TRUE -> t;
            case FALSE -> Never.NEVER;
            case ATOM -> atom(file, t, dag.atomConstraint(f), dag.atomPositive(f), target);
            case AND -> eval(file, dag, eval(file, dag, t, dag.left(f), target, budget), dag.right(f), target, budget);
            case OR -> {
                Type a = eval(file, dag, t, dag.left(f), target, budget);
                Type b = eval(file, dag, t, dag.right(f), target, budget);
                Type either = UnionBuilder.of(ti, b, a);
                // alternatives that together leave all of t (an if and its else) narrow nothing: keep t as written
                yield either.equals(t) || (t.isFullyStatic() && t.isSubtypeOf(ti, either)) ? t : either;
            }
        };
    }

    private Type atom(SourceFile file, Type t, int constraint, boolean positive, Narrowing.Target target) {
        Constraint c = file.index().constraints().get(constraint);
        Node test = c.test();
        switch (c.kind()) {
            case CALL_RETURNS -> {
                if (test instanceof Call call) {
                    boolean returns = !ti.expressions.infer(file, call).isNever() || hasNeverArgument(file, call);
                    return returns == positive ? t : Never.NEVER;
                }
                return t;
            }
            case TEST -> {
                if (!(test instanceof Expr e)) {
                    return t;
                }
                Type n = ti.narrowing.applyTest(file, e, target, positive, t);
                if (n != null) {
                    return n;
                }
                if (isNameFree(e)) {
                    Truthiness truth = ti.operators.truthiness(ti.expressions.infer(file, e));
                    if ((truth == Truthiness.ALWAYS_TRUE && !positive) || (truth == Truthiness.ALWAYS_FALSE && positive)) {
                        return Never.NEVER;
                    }
                }
                return t;
            }
            case PATTERN -> {
                if (test instanceof MatchCase mc && c.subject() != null && target.matches(c.subject())) {
                    Type n = ti.narrowing.pattern(file, mc.pattern(), positive, t);
                    return n == null ? t : n;
                }
                return t;
            }
            default -> {
                return t;
            }
        }
    }

    /**
     * A call given a {@code Never} argument returns {@code Never} when its return type is solved
     * from it ({@code reveal_type(x)} of an empty type): that does not make it a call that never returns.
     */
    private boolean hasNeverArgument(SourceFile file, Call call) {
        for (Expr a : call.args()) {
            if (ti.expressions.infer(file, a).isNever()) {
                return true;
            }
        }
        for (dev.typhon.ast.Keyword k : call.keywords()) {
            if (ti.expressions.infer(file, k.value()).isNever()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A test that reads no name ({@code 1 + 1 == 2}): its value can be known without the flow, so
     * inferring it here cannot come back to the value being narrowed.
     */
    private static boolean isNameFree(Expr e) {
        boolean[] found = {false};
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(e);
        while (!stack.isEmpty() && !found[0]) {
            Node n = stack.pop();
            if (n instanceof Name || n instanceof Call) {
                found[0] = true;
            }
            n.forEachChildInSourceOrder(stack::push);
        }
        return !found[0];
    }
}
