package dev.typhon.semantic.index;

import java.util.Arrays;

/**
 * The definitions of one symbol (or place) that can reach a point, each with the narrowing
 * constraints on its path and the reachability condition under which it is the live binding, and
 * the same two for the implicit start state ("unbound" for a name; "whatever the attribute is" for
 * a place) when some path keeps it. Immutable: flow states share them.
 *
 * <p>Reachability is stored relative to the flow state that holds the bindings: the condition a
 * binding is live under is {@code reach[i] and state.reach}. A fresh binding stores
 * {@link Reachability#ALWAYS_TRUE}, and only a merge, where the two sides' conditions differ, has
 * to write anything; branching costs nothing per symbol.
 */
final class Bindings {
    private static final int[] NONE = new int[0];
    private static final Cons[] NO_CONS = new Cons[0];
    /** Shared by every single unconstrained definition: these arrays are never written after creation. */
    private static final Cons[] NO_CONSTRAINT = new Cons[1];

    /** {@link #unboundReach} when the implicit start state does not reach (no formula id is negative). */
    private static final int NOT_UNBOUND = -1;

    static final Bindings UNBOUND = new Bindings(NONE, NO_CONS, NONE, null, Reachability.ALWAYS_TRUE);

    /** Definition ids, ascending. */
    final int[] defs;
    /** Per definition, its constraints (a shared persistent list, null for none). */
    final Cons[] constraints;
    /** Per definition, its stored reachability formula (see the class comment). */
    final int[] reach;
    /** The constraints of the path with the implicit start state, when {@link #mayBeUnbound()}. */
    final Cons unboundConstraints;
    /**
     * The stored reachability of the implicit start state (see the class comment), or
     * {@link #NOT_UNBOUND} when no path keeps it: the flag and the formula in one field.
     */
    final int unboundReach;

    private Bindings(int[] defs, Cons[] constraints, int[] reach, Cons unboundConstraints, int unboundReach) {
        this.defs = defs;
        this.constraints = constraints;
        this.reach = reach;
        this.unboundConstraints = unboundConstraints;
        this.unboundReach = unboundReach;
    }

    static Bindings of(int def) {
        return new Bindings(single(def), NO_CONSTRAINT, alwaysTrue(1), null, NOT_UNBOUND);
    }

    /** Shared one-element arrays of small ints (definition ids, formula ids): never written, like every array here. */
    private static final int[][] SINGLE = new int[4096][];

    static {
        for (int i = 0; i < SINGLE.length; i++) {
            SINGLE[i] = new int[] {i};
        }
    }

    private static int[] single(int def) {
        return def < SINGLE.length ? SINGLE[def] : new int[] {def};
    }

    /** Whether some path reaches with the implicit start state (no definition at all). */
    boolean mayBeUnbound() {
        return unboundReach != NOT_UNBOUND;
    }

    /**
     * A persistent list of constraint ids; the sign is the low bit (1 = negative). {@code depth}
     * is the length of the list from this node, so that two lists meet without being measured.
     */
    record Cons(int constraint, Cons next, int depth) {
        static Cons of(int constraint, Cons next) {
            return new Cons(constraint, next, next == null ? 1 : next.depth + 1);
        }
    }

    boolean isUnboundOnly() {
        return defs.length == 0;
    }

    Bindings constrain(int signedConstraint) {
        Cons[] out = constraints;
        if (defs.length > 0) {
            out = new Cons[defs.length];
            for (int i = 0; i < defs.length; i++) {
                out[i] = Cons.of(signedConstraint, constraints[i]);
            }
        }
        Cons unbound = mayBeUnbound() ? Cons.of(signedConstraint, unboundConstraints) : null;
        return new Bindings(defs, out, reach, unbound, unboundReach);
    }

    /**
     * The union of two paths' bindings, whose states are reachable under {@code ra} and {@code rb}:
     * a definition reaching along both keeps the constraints both paths share, and is live under
     * either path's condition.
     */
    static Bindings merge(Bindings a, int ra, Bindings b, int rb, Reachability dag) {
        if (a == b) {
            return a;
        }
        int[] out = new int[a.defs.length + b.defs.length];
        Cons[] cons = new Cons[out.length];
        // Most merged bindings stay live unconditionally: their reach array is a shared one, made only when needed.
        int[] reach = null;
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.defs.length || j < b.defs.length) {
            int r;
            if (j >= b.defs.length || (i < a.defs.length && a.defs[i] < b.defs[j])) {
                cons[n] = a.constraints[i];
                r = dag.and(a.reach[i], ra);
                out[n] = a.defs[i++];
            } else if (i >= a.defs.length || b.defs[j] < a.defs[i]) {
                cons[n] = b.constraints[j];
                r = dag.and(b.reach[j], rb);
                out[n] = b.defs[j++];
            } else {
                cons[n] = commonTail(a.constraints[i], b.constraints[j]);
                r = both(a.reach[i], ra, b.reach[j], rb, dag);
                out[n] = a.defs[i++];
                j++;
            }
            if (r != Reachability.ALWAYS_TRUE && reach == null) {
                reach = new int[out.length];
                Arrays.fill(reach, 0, n, Reachability.ALWAYS_TRUE);
            }
            if (reach != null) {
                reach[n] = r;
            }
            n++;
        }
        if (n < out.length) {
            out = Arrays.copyOf(out, n);
            cons = Arrays.copyOf(cons, n);
            if (reach != null) {
                reach = Arrays.copyOf(reach, n);
            }
        }
        if (reach == null) {
            reach = alwaysTrue(n);
        }
        Cons unboundCons = null;
        int unboundReach = NOT_UNBOUND;
        if (a.mayBeUnbound() && b.mayBeUnbound()) {
            unboundCons = commonTail(a.unboundConstraints, b.unboundConstraints);
            unboundReach = both(a.unboundReach, ra, b.unboundReach, rb, dag);
        } else if (a.mayBeUnbound()) {
            unboundCons = a.unboundConstraints;
            unboundReach = dag.and(a.unboundReach, ra);
        } else if (b.mayBeUnbound()) {
            unboundCons = b.unboundConstraints;
            unboundReach = dag.and(b.unboundReach, rb);
        }
        return new Bindings(out, cons, reach, unboundCons, unboundReach);
    }

    private static final int[][] ALWAYS_TRUE = new int[17][];

    static {
        for (int k = 0; k < ALWAYS_TRUE.length; k++) {
            ALWAYS_TRUE[k] = new int[k];
            Arrays.fill(ALWAYS_TRUE[k], Reachability.ALWAYS_TRUE);
        }
    }

    /** A never-written array of n {@link Reachability#ALWAYS_TRUE}s. */
    private static int[] alwaysTrue(int n) {
        if (n < ALWAYS_TRUE.length) {
            return ALWAYS_TRUE[n];
        }
        int[] r = new int[n];
        Arrays.fill(r, Reachability.ALWAYS_TRUE);
        return r;
    }

    /** The stored condition of a binding live on both sides: unchanged when both sides stored the same. */
    private static int both(int sa, int ra, int sb, int rb, Reachability dag) {
        return sa == sb ? sa : dag.or(dag.and(sa, ra), dag.and(sb, rb));
    }

    /** Adds definitions (without constraints, each live under its given condition), as an exception edge does. */
    Bindings plus(int[] extra, int[] extraReach, int count, Reachability dag) {
        Bindings result = this;
        for (int k = 0; k < count; k++) {
            if (Arrays.binarySearch(result.defs, extra[k]) < 0) {
                Bindings one = new Bindings(single(extra[k]), NO_CONSTRAINT, single(extraReach[k]), null,
                        NOT_UNBOUND);
                // Both sides in the same state: the existing bindings keep what they stored.
                result = merge(result, Reachability.ALWAYS_TRUE, one, Reachability.ALWAYS_TRUE, dag);
            }
        }
        return result;
    }

    private static Cons commonTail(Cons a, Cons b) {
        if (a == b) {
            return a;
        }
        int la = a == null ? 0 : a.depth;
        int lb = b == null ? 0 : b.depth;
        while (la > lb) {
            a = a.next;
            la--;
        }
        while (lb > la) {
            b = b.next;
            lb--;
        }
        while (a != b) {
            a = a.next;
            b = b.next;
        }
        return a;
    }
}
