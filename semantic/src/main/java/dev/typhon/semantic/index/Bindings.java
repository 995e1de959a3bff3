package dev.typhon.semantic.index;

import java.util.Arrays;

/**
 * The definitions of one symbol that can reach a point, each with the narrowing constraints on its
 * path, and whether some path reaches with the symbol never bound. Immutable: flow states share them.
 */
final class Bindings {
    static final Bindings UNBOUND = new Bindings(new int[0], new Cons[0], true);

    /** Definition ids, ascending. */
    final int[] defs;
    /** Per definition, its constraints (a shared persistent list, null for none). */
    final Cons[] constraints;
    final boolean mayBeUnbound;

    Bindings(int[] defs, Cons[] constraints, boolean mayBeUnbound) {
        this.defs = defs;
        this.constraints = constraints;
        this.mayBeUnbound = mayBeUnbound;
    }

    /** Shared by every single unconstrained definition: constraint arrays are never written after creation. */
    private static final Cons[] NO_CONSTRAINT = new Cons[1];

    static Bindings of(int def) {
        return new Bindings(new int[] {def}, NO_CONSTRAINT, false);
    }

    /** A persistent list of constraint ids; the sign is the low bit (1 = negative). */
    record Cons(int constraint, Cons next) {
    }

    Bindings constrain(int signedConstraint) {
        if (defs.length == 0) {
            return this;
        }
        Cons[] out = new Cons[defs.length];
        for (int i = 0; i < defs.length; i++) {
            out[i] = new Cons(signedConstraint, constraints[i]);
        }
        return new Bindings(defs, out, mayBeUnbound);
    }

    /** The union of two path states; a definition reaching along both keeps the constraints both paths share. */
    static Bindings merge(Bindings a, Bindings b) {
        if (a == b) {
            return a;
        }
        int[] out = new int[a.defs.length + b.defs.length];
        Cons[] cons = new Cons[out.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.defs.length || j < b.defs.length) {
            if (j >= b.defs.length || (i < a.defs.length && a.defs[i] < b.defs[j])) {
                cons[n] = a.constraints[i];
                out[n++] = a.defs[i++];
            } else if (i >= a.defs.length || b.defs[j] < a.defs[i]) {
                cons[n] = b.constraints[j];
                out[n++] = b.defs[j++];
            } else {
                cons[n] = commonTail(a.constraints[i], b.constraints[j]);
                out[n++] = a.defs[i++];
                j++;
            }
        }
        if (n < out.length) {
            out = Arrays.copyOf(out, n);
            cons = Arrays.copyOf(cons, n);
        }
        return new Bindings(out, cons, a.mayBeUnbound || b.mayBeUnbound);
    }

    /** Adds definitions (without constraints) to this state, as an exception edge does. */
    Bindings plus(int[] extra, int count) {
        Bindings result = this;
        for (int k = 0; k < count; k++) {
            if (Arrays.binarySearch(result.defs, extra[k]) < 0) {
                result = merge(result, Bindings.of(extra[k]));
            }
        }
        return result;
    }

    private static Cons commonTail(Cons a, Cons b) {
        if (a == b) {
            return a;
        }
        int la = length(a);
        int lb = length(b);
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

    private static int length(Cons c) {
        int n = 0;
        for (; c != null; c = c.next) {
            n++;
        }
        return n;
    }
}
