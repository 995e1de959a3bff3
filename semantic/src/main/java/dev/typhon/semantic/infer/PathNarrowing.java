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
    private static final int BUDGET = 500;

    private final TypeInference ti;

    PathNarrowing(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * {@code type} narrowed by the paths of {@code formula}, or null when the formula is too large
     * to follow. Tests narrow it only when they start after the binding: a test before it spoke of
     * an earlier value (and in a loop, any test may have). Paths are pruned whatever the binding.
     */
    @Nullable Type narrow(SourceFile file, Type type, int formula, Narrowing.Target target,
                          dev.typhon.semantic.index.Definition binding) {
        if (formula == Reachability.ALWAYS_TRUE || type.isDynamic() || !hasAlternatives(file, formula)) {
            return type; // one path: the binding's own constraint list has narrowed it already
        }
        int boundAt = switch (binding.kind()) {
            case PARAMETER, VARIADIC_PARAMETER, KEYWORD_VARIADIC_PARAMETER -> -1;
            default -> inLoop(file, binding.node()) ? Integer.MAX_VALUE : binding.startOffset();
        };
        if (!(target instanceof Narrowing.NameTarget)) {
            return evaluate(file, type, formula, new Scope(target, boundAt));
        }
        // every use of a name after a binding narrows that binding by the same formula: do it once
        Key key = new Key(file.id(), type, formula, new Scope(target, boundAt));
        java.util.Optional<Type> known = memo.get(key);
        if (known == null) {
            known = java.util.Optional.ofNullable(evaluate(file, type, formula, key.scope()));
            java.util.Optional<Type> prior = memo.putIfAbsent(key, known);
            known = prior != null ? prior : known;
        }
        return known.orElse(null);
    }

    private record Key(int file, Type type, int formula, Scope scope) {
    }

    private final java.util.concurrent.ConcurrentHashMap<Key, java.util.Optional<Type>> memo =
            new java.util.concurrent.ConcurrentHashMap<>();

    private @Nullable Type evaluate(SourceFile file, Type type, int formula, Scope scope) {
        int[] budget = {BUDGET};
        Type t = eval(file, file.index().reachability(), type, formula, scope, budget, new java.util.HashMap<>());
        return budget[0] < 0 ? null : t;
    }

    /** Per file, per formula: 0 not known yet, 1 no {@code or} below it, 2 an {@code or} below it. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, byte[]> alternatives = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether a formula joins paths anywhere (an {@code or} node below it); formulas without are a single path. */
    private boolean hasAlternatives(SourceFile file, int formula) {
        Reachability dag = file.index().reachability();
        byte[] memo = alternatives.computeIfAbsent(file.id(), k -> new byte[dag.size()]);
        if (formula >= memo.length) {
            return true;
        }
        // iterative post-order: formulas can be long chains
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(formula);
        while (!stack.isEmpty()) {
            int f = stack.peek();
            if (memo[f] != 0) {
                stack.pop();
                continue;
            }
            Reachability.Kind k = dag.kind(f);
            if (k == Reachability.Kind.OR) {
                memo[f] = 2;
                stack.pop();
            } else if (k != Reachability.Kind.AND) {
                memo[f] = 1;
                stack.pop();
            } else {
                int l = dag.left(f);
                int r = dag.right(f);
                if (memo[l] == 0) {
                    stack.push(l);
                } else if (memo[r] == 0) {
                    stack.push(r);
                } else {
                    memo[f] = (byte) (memo[l] == 2 || memo[r] == 2 ? 2 : 1);
                    stack.pop();
                }
            }
        }
        return memo[formula] == 2;
    }

    /** What a walk narrows, and after which offset its tests speak of the value narrowed. */
    private record Scope(Narrowing.Target target, int boundAt) {
    }

    /**
     * Whether a definition may run more than once in its scope (in a loop body or a comprehension):
     * then a test after it in the source may have run before it, on an earlier iteration.
     */
    static boolean inLoop(SourceFile file, dev.typhon.ast.Node node) {
        for (dev.typhon.ast.Node n = file.nodeTable().parent(node); n != null; n = file.nodeTable().parent(n)) {
            switch (n) {
                case dev.typhon.ast.For f -> {
                    return true;
                }
                case dev.typhon.ast.AsyncFor f -> {
                    return true;
                }
                case dev.typhon.ast.While w -> {
                    return true;
                }
                case dev.typhon.ast.Comprehension c -> {
                    return true;
                }
                case dev.typhon.ast.FunctionDef f -> {
                    return false;
                }
                case dev.typhon.ast.AsyncFunctionDef f -> {
                    return false;
                }
                case dev.typhon.ast.ClassDef c -> {
                    return false;
                }
                case dev.typhon.ast.Lambda l -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** A formula evaluated on a type: formulas are a DAG, and the same node is reached from many paths. */
    private record Step(int formula, Type type) {
    }

    private Type eval(SourceFile file, Reachability dag, Type t, int f, Scope target, int[] budget, java.util.Map<Step, Type> done) {
        if (budget[0] < 0 || t.isNever()) {
            return t;
        }
        Step step = new Step(f, t);
        Type known = done.get(step);
        if (known != null) {
            return known;
        }
        // a step costs more on a wider type: narrowing a union of fifty classes by an isinstance test
        // relates each member to the test's classes
        budget[0] -= width(t);
        if (budget[0] < 0) {
            return t;
        }
        Type result = evalOnce(file, dag, t, f, target, budget, done);
        done.put(step, result);
        return result;
    }

    private Type evalOnce(SourceFile file, Reachability dag, Type t, int f, Scope target, int[] budget, java.util.Map<Step, Type> done) {
        return switch (dag.kind(f)) {
            case TRUE -> t;
            case FALSE -> Never.NEVER;
            case ATOM -> atom(file, t, dag.atomConstraint(f), dag.atomPositive(f), target);
            case AND -> eval(file, dag, eval(file, dag, t, dag.left(f), target, budget, done), dag.right(f), target, budget, done);
            case OR -> {
                Type a = eval(file, dag, t, dag.left(f), target, budget, done);
                Type b = eval(file, dag, t, dag.right(f), target, budget, done);
                if (a.equals(t) || b.equals(t)) {
                    yield t; // one alternative narrows nothing, so neither does their join (both lie within t)
                }
                if (a.isNever() || b.isNever()) {
                    yield a.isNever() ? b : a;
                }
                Type either = UnionBuilder.of(ti, b, a);
                // alternatives that together leave all of t (an if and its else) narrow nothing: keep t as written
                // (checked on narrow types only: relating two wide unions member by member costs more than
                // the display it keeps)
                yield either.equals(t) || (t.isFullyStatic() && simple(t) && simple(either) && t.isSubtypeOf(ti, either)) ? t : either;
            }
        };
    }

    /** How many atoms a type is made of: what relating it to another type costs, roughly. */
    private static int width(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.UnionType u -> u.members().stream().mapToInt(PathNarrowing::width).sum();
            case dev.typhon.semantic.types.IntersectionType x -> x.positive().size() + x.negative().size();
            default -> 1;
        };
    }

    /** A few members and no intersection: cheap to relate member by member. */
    private static boolean simple(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.UnionType u -> u.members().size() <= 8
                    && u.members().stream().noneMatch(m -> m instanceof dev.typhon.semantic.types.IntersectionType);
            case dev.typhon.semantic.types.IntersectionType x -> false;
            default -> true;
        };
    }

    private Type atom(SourceFile file, Type t, int constraint, boolean positive, Scope scope) {
        Narrowing.Target target = scope.target();
        Constraint c = file.index().constraints().get(constraint);
        Node test = c.test();
        switch (c.kind()) {
            case CALL_RETURNS -> {
                if (test instanceof Call call) {
                    boolean returns = !ti.statementCallType(file, call).isNever() || hasNeverArgument(file, call);
                    return returns == positive ? t : Never.NEVER;
                }
                return t;
            }
            case TEST -> {
                if (!(test instanceof Expr e)) {
                    return t;
                }
                Type n = e.startOffset() > scope.boundAt() ? ti.narrowing.applyTest(file, e, target, positive, t) : null;
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
                if (test instanceof MatchCase mc && c.subject() != null && target.matches(c.subject())
                        && mc.startOffset() > scope.boundAt()) {
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
