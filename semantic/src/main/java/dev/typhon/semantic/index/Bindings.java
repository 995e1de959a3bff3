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
        int[] ad = a.defs;
        int[] bd = b.defs;
        int size = unionSize(ad, bd);
        // Often one side's definitions include the other's (a narrowed copy, a branch that bound
        // nothing new): then its arrays serve the result as far as the result agrees with them, and
        // only what differs is copied. The formulas are built in the same order either way.
        Bindings base = size == ad.length ? a : size == bd.length ? b : null;
        int[] out = base != null ? base.defs : new int[size];
        Cons[] cons = base != null ? null : new Cons[size];
        // Most merged bindings stay live unconditionally: their reach array is a shared one, made only when needed.
        int[] reach = null;
        boolean allTrue = true;
        boolean sameReach = base != null;
        int i = 0;
        int j = 0;
        for (int n = 0; n < size; n++) {
            int r;
            Cons c;
            int d;
            if (j >= bd.length || (i < ad.length && ad[i] < bd[j])) {
                c = a.constraints[i];
                r = dag.and(a.reach[i], ra);
                d = ad[i++];
            } else if (i >= ad.length || bd[j] < ad[i]) {
                c = b.constraints[j];
                r = dag.and(b.reach[j], rb);
                d = bd[j++];
            } else {
                c = commonTail(a.constraints[i], b.constraints[j]);
                r = both(a.reach[i], ra, b.reach[j], rb, dag);
                d = ad[i++];
                j++;
            }
            if (base == null) {
                out[n] = d;
                cons[n] = c;
            } else if (cons != null) {
                cons[n] = c;
            } else if (c != base.constraints[n]) {
                cons = Arrays.copyOf(base.constraints, size);  // the entries before n agree with base
                cons[n] = c;
            }
            if (reach != null) {
                reach[n] = r;
            } else {
                boolean same = sameReach && base.reach[n] == r;
                boolean isTrue = allTrue && r == Reachability.ALWAYS_TRUE;
                if (!same && !isTrue) {
                    // The entries before n were all true, or else all agreed with base.
                    reach = new int[size];
                    if (allTrue) {
                        Arrays.fill(reach, 0, n, Reachability.ALWAYS_TRUE);
                    } else {
                        System.arraycopy(base.reach, 0, reach, 0, n);
                    }
                    reach[n] = r;
                }
                sameReach = same;
                allTrue = isTrue;
            }
        }
        if (cons == null) {
            cons = base.constraints;
        }
        if (reach == null) {
            reach = allTrue ? alwaysTrue(size) : base.reach;
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
        if (base != null && cons == base.constraints && reach == base.reach && unboundCons == base.unboundConstraints
                && unboundReach == base.unboundReach) {
            return base;  // the merge changed nothing of it
        }
        return new Bindings(out, cons, reach, unboundCons, unboundReach);
    }

    /** How many distinct ids two ascending arrays hold together. */
    private static int unionSize(int[] a, int[] b) {
        if (a == b) {
            return a.length;
        }
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            int x = a[i];
            int y = b[j];
            if (x <= y) {
                i++;
            }
            if (y <= x) {
                j++;
            }
            n++;
        }
        return n + (a.length - i) + (b.length - j);
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
