package dev.typhon.semantic.index;

import java.util.Arrays;

/**
 * The reachability constraints of one module: formulas over its {@link Constraint predicates},
 * recorded while the index is built and evaluated later by whoever knows what the predicates mean
 * (inference: does this call return {@code Never}? does this context manager swallow exceptions?).
 *
 * <p>A formula is a small int id into this table. {@link #ALWAYS_TRUE} and {@link #ALWAYS_FALSE}
 * are fixed; every other id is an atom (a predicate taken as true or as false) or an {@code and} /
 * {@code or} of two earlier ids. Recent nodes are found
 * again rather than rebuilt, and the obvious laws ({@code x and true = x},
 * {@code p or not p = true}, ...) are applied as formulas are built. Immutable once the index is built; safe to read from many threads.
 *
 * <p>Where the index records them: every flow state has one (the condition under which control
 * reaches that point), every definition and use keeps the one of its point, and every binding that
 * reaches a use keeps the condition under which it is the live binding there; see
 * {@link SemanticIndex#reachingDefinitions(Use)}.
 */
public final class Reachability {
    public static final int ALWAYS_FALSE = 0;
    public static final int ALWAYS_TRUE = 1;

    /** The kind of a formula node. */
    public enum Kind { FALSE, TRUE, ATOM, AND, OR }

    /** Three-valued truth: what an oracle says of a predicate, and what a formula evaluates to. */
    public enum Truth {
        ALWAYS_TRUE, ALWAYS_FALSE, AMBIGUOUS;

        Truth not() {
            return this == ALWAYS_TRUE ? ALWAYS_FALSE : this == ALWAYS_FALSE ? ALWAYS_TRUE : AMBIGUOUS;
        }
    }

    /** Decides a predicate of the index (by its id in {@link SemanticIndex#constraints()}), as true when it holds. */
    @FunctionalInterface
    public interface Oracle {
        Truth evaluate(int constraint);
    }

    // Node i: kinds[i], and for ATOM a = signed constraint (id * 2 + (negative ? 1 : 0)), for AND / OR the operands.
    private byte[] kinds;
    private int[] left;
    private int[] right;
    private int size = 2;
    /**
     * Recent {@code and} / {@code or} nodes by (kind, a, b), direct-mapped: a merge builds the same
     * node for every symbol that changed on one side, and this finds it again without a full hash
     * table. A miss only costs a duplicate node (equal formulas may have different ids).
     */
    private long[] recentKeys;
    private int[] recentIds;
    private static final int RECENT = 1 << 8;

    Reachability() {
        this(16);
    }

    Reachability(int capacity) {
        kinds = new byte[Math.max(capacity, 2)];
        left = new int[kinds.length];
        right = new int[kinds.length];
        kinds[ALWAYS_FALSE] = (byte) Kind.FALSE.ordinal();
        kinds[ALWAYS_TRUE] = (byte) Kind.TRUE.ordinal();
    }

    // ---------------------------------------------------------------- building

    /** The atom "constraint holds" ({@code positive}) or "constraint does not hold". */
    int atom(int constraint, boolean positive) {
        // Each branch asks once for each sign of its fresh predicate: nothing to find again.
        return add(Kind.ATOM, constraint * 2 + (positive ? 0 : 1), 0);
    }

    int and(int a, int b) {
        if (a == b || b == ALWAYS_TRUE) {
            return a;
        }
        if (a == ALWAYS_TRUE) {
            return b;
        }
        if (a == ALWAYS_FALSE || b == ALWAYS_FALSE || complementary(a, b)) {
            return ALWAYS_FALSE;
        }
        return node(Kind.AND, Math.min(a, b), Math.max(a, b));
    }

    int or(int a, int b) {
        if (a == b || b == ALWAYS_FALSE) {
            return a;
        }
        if (a == ALWAYS_FALSE) {
            return b;
        }
        if (a == ALWAYS_TRUE || b == ALWAYS_TRUE || complementary(a, b)) {
            return ALWAYS_TRUE;
        }
        // The two arms of a branch meeting again: (r and p) or (r and not p) is r, so the state
        // after an if/else keeps the condition it had before it instead of growing with each branch.
        if (kinds[a] == Kind.AND.ordinal() && kinds[b] == Kind.AND.ordinal()) {
            if (left[a] == left[b] && complementary(right[a], right[b])) {
                return left[a];
            }
            if (right[a] == right[b] && complementary(left[a], left[b])) {
                return right[a];
            }
        }
        return node(Kind.OR, Math.min(a, b), Math.max(a, b));
    }

    private boolean complementary(int a, int b) {
        return kinds[a] == Kind.ATOM.ordinal() && kinds[b] == Kind.ATOM.ordinal() && (left[a] ^ left[b]) == 1;
    }

    private int node(Kind kind, int a, int b) {
        // AND and OR are ordinals 3 and 4: minus two fits the top two bits, never zero (an empty slot).
        long key = ((long) (kind.ordinal() - 2) << 62) | ((long) a << 31) | b;
        if (recentKeys == null) {
            recentKeys = new long[RECENT];
            recentIds = new int[RECENT];
        }
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 52) & (RECENT - 1);
        if (recentKeys[slot] == key) {
            return recentIds[slot];
        }
        int id = add(kind, a, b);
        recentKeys[slot] = key;
        recentIds[slot] = id;
        return id;
    }

    private int add(Kind kind, int a, int b) {
        if (size == kinds.length) {
            int n = size * 2;
            kinds = Arrays.copyOf(kinds, n);
            left = Arrays.copyOf(left, n);
            right = Arrays.copyOf(right, n);
        }
        kinds[size] = (byte) kind.ordinal();
        left[size] = a;
        right[size] = b;
        return size++;
    }

    /** Ends the build: the table is read-only from here on. */
    void freeze() {
        recentKeys = null;
        recentIds = null;
        if (kinds.length > size + (size >> 2) + 16) {
            kinds = Arrays.copyOf(kinds, size);
            left = Arrays.copyOf(left, size);
            right = Arrays.copyOf(right, size);
        }
    }

    // ---------------------------------------------------------------- reading

    public int size() {
        return size;
    }

    private static final Kind[] KINDS = Kind.values();

    public Kind kind(int formula) {
        return KINDS[kinds[formula]];
    }

    /** The predicate of an atom (an index into {@link SemanticIndex#constraints()}). */
    public int atomConstraint(int formula) {
        return left[formula] >> 1;
    }

    /** Whether an atom asks for its predicate to hold (true) or to fail (false). */
    public boolean atomPositive(int formula) {
        return (left[formula] & 1) == 0;
    }

    /** The first operand of an {@code and} / {@code or}. */
    public int left(int formula) {
        return left[formula];
    }

    /** The second operand of an {@code and} / {@code or}. */
    public int right(int formula) {
        return right[formula];
    }

    /** Evaluates a formula in three-valued (Kleene) logic, asking the oracle about each predicate. */
    public Truth evaluate(int formula, Oracle oracle) {
        return new Evaluation(this, oracle).truth(formula);
    }

    /**
     * The formulas of one index under one oracle, each evaluated at most once: a use's formula
     * shares most of its nodes with the formulas before it in its scope (a chain grows by one node
     * per call statement), so a checker asking about every use pays for each node once. Safe to
     * share between threads: a memo entry is written only with the one value it can have.
     */
    public static final class Evaluation {
        private static final byte UNKNOWN = 0;
        private static final Truth[] DECODE = {null, Truth.ALWAYS_TRUE, Truth.ALWAYS_FALSE, Truth.AMBIGUOUS};

        private final Reachability formulas;
        private final Oracle oracle;
        private final byte[] memo;

        public Evaluation(Reachability formulas, Oracle oracle) {
            this.formulas = formulas;
            this.oracle = oracle;
            this.memo = new byte[formulas.size];
        }

        public Truth truth(int formula) {
            byte known = memo[formula];
            if (known != UNKNOWN) {
                return DECODE[known];
            }
            // Iterative: a chain may be as long as a module has statements. Operands have smaller ids.
            int[] stack = new int[16];
            int top = 0;
            stack[top++] = formula;
            while (top > 0) {
                int f = stack[top - 1];
                if (memo[f] != UNKNOWN) {
                    top--;
                    continue;
                }
                Truth result;
                switch (formulas.kind(f)) {
                    case TRUE -> result = Truth.ALWAYS_TRUE;
                    case FALSE -> result = Truth.ALWAYS_FALSE;
                    case ATOM -> {
                        Truth t = oracle.evaluate(formulas.atomConstraint(f));
                        result = formulas.atomPositive(f) ? t : t.not();
                    }
                    default -> {
                        boolean and = formulas.kind(f) == Kind.AND;
                        int a = formulas.left[f];
                        int b = formulas.right[f];
                        if (memo[a] == UNKNOWN) {
                            stack = push(stack, top++, a);
                            continue;
                        }
                        Truth ta = DECODE[memo[a]];
                        if (ta == (and ? Truth.ALWAYS_FALSE : Truth.ALWAYS_TRUE)) {
                            result = ta;
                        } else if (memo[b] == UNKNOWN) {
                            stack = push(stack, top++, b);
                            continue;
                        } else {
                            Truth tb = DECODE[memo[b]];
                            result = and ? combineAnd(ta, tb) : combineOr(ta, tb);
                        }
                    }
                }
                memo[f] = (byte) (result.ordinal() + 1);
                top--;
            }
            return DECODE[memo[formula]];
        }

        private static int[] push(int[] stack, int at, int value) {
            if (at == stack.length) {
                stack = Arrays.copyOf(stack, at * 2);
            }
            stack[at] = value;
            return stack;
        }
    }

    private static Truth combineAnd(Truth a, Truth b) {
        if (a == Truth.ALWAYS_FALSE || b == Truth.ALWAYS_FALSE) {
            return Truth.ALWAYS_FALSE;
        }
        return a == Truth.ALWAYS_TRUE && b == Truth.ALWAYS_TRUE ? Truth.ALWAYS_TRUE : Truth.AMBIGUOUS;
    }

    private static Truth combineOr(Truth a, Truth b) {
        if (a == Truth.ALWAYS_TRUE || b == Truth.ALWAYS_TRUE) {
            return Truth.ALWAYS_TRUE;
        }
        return a == Truth.ALWAYS_FALSE && b == Truth.ALWAYS_FALSE ? Truth.ALWAYS_FALSE : Truth.AMBIGUOUS;
    }
}
