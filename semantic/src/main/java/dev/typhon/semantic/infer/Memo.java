package dev.typhon.semantic.infer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A memo table for one query, safe for many threads and for cycles. A query's answer is a pure
 * function of its key and of the program snapshot, so when two threads compute the same key at
 * once the first answer stored wins and both return it. A key that is asked for again while it is
 * being computed on the same thread is a cycle ({@code class A(B)} / {@code class B(A)},
 * {@code x = x + 1} in a loop): the inner request gets the query's cycle value instead of recursing,
 * and nothing computed from that provisional value is memoized, so the answer does not depend on
 * which key a query started from. A query asked through {@link #getFixpoint} instead iterates its
 * cycle to a (widened) fixpoint.
 */
final class Memo<K, V> {
    /** The keys being computed on this thread, across every memo table (cycles cross queries). */
    private static final ThreadLocal<Deque<Object>> STACK = ThreadLocal.withInitial(ArrayDeque::new);
    /** How many times each key is on {@link #STACK} (a query re-entered under a fixpoint is there twice). */
    private static final ThreadLocal<java.util.Map<Object, Integer>> ACTIVE = ThreadLocal.withInitial(java.util.HashMap::new);
    /** How deep the stack may grow before a query gives up with its cycle value (deep import chains). */
    private static final int MAX_DEPTH = 400;
    /** Set while the thread computes a value that depended on a cycle's provisional answer. */
    private static final ThreadLocal<int[]> TAINT = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * Values that depended on a provisional answer, kept until the outermost query of the thread
     * finishes: within it they stay valid, and computing each once keeps a cycle's cost polynomial.
     */
    private static final ThreadLocal<java.util.HashMap<Object, Object>> SCRATCH =
            ThreadLocal.withInitial(java.util.HashMap::new);

    /** The provisional answers of the fixpoint queries running on this thread ({@link #getFixpoint}). */
    private static final ThreadLocal<java.util.Map<Object, Object>> PROVISIONAL = ThreadLocal.withInitial(java.util.HashMap::new);
    /** Extra rounds all fixpoint queries under one outermost query may take together. */
    private static final int ROUND_BUDGET = 64;
    private static final ThreadLocal<int[]> ROUNDS = ThreadLocal.withInitial(() -> new int[] {ROUND_BUDGET});
    /** How often each running fixpoint query was asked for itself in the current round. */
    private static final ThreadLocal<java.util.Map<Object, Integer>> HITS = ThreadLocal.withInitial(java.util.HashMap::new);

    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final String name;

    Memo(String name) {
        this.name = name;
    }

    V get(K key, Function<? super K, ? extends V> compute, V cycleValue) {
        V v = values.get(key);
        if (v != null) {
            return v; // the hot path: a memo hit allocates nothing
        }
        Object token = new Token(this, key);
        V scratched = scratched(token);
        if (scratched != null) {
            return scratched;
        }
        java.util.Map<Object, Integer> active = ACTIVE.get();
        Deque<Object> stack = STACK.get();
        if ((active.containsKey(token) && !fixpointSince(token, stack)) || stack.size() >= MAX_DEPTH) {
            TAINT.get()[0]++;
            return cycleValue;
        }
        int taintBefore = TAINT.get()[0];
        enter(token, active, stack);
        V computed;
        try {
            computed = compute.apply(key);
        } finally {
            leave(token, active, stack);
        }
        return store(key, token, computed, taintBefore, stack);
    }

    /**
     * Like {@link #get}, for a query whose cycles have a meaningful least solution ({@code x = x + 1}
     * in a loop, a binding that reads itself along the back edge): the inner request gets a
     * provisional answer, starting from {@code initial}, and the query is recomputed until its answer
     * stops changing. From the second round on the provisional answer is widened ({@code widen}:
     * literals to their classes, growing tuples to variable ones), so the rounds are few; after
     * {@code maxRounds} the last widened answer stands. Values computed from a provisional answer are
     * dropped between rounds.
     */
    V getFixpoint(K key, Function<? super K, ? extends V> compute, V initial, java.util.function.BinaryOperator<V> joinAndWiden,
            int maxRounds, V cycleValue) {
        V v = values.get(key);
        if (v != null) {
            return v; // the hot path: a memo hit allocates nothing
        }
        Object token = new Token(this, key);
        V scratched = scratched(token);
        if (scratched != null) {
            return scratched;
        }
        java.util.Map<Object, Object> provisional = PROVISIONAL.get();
        java.util.Map<Object, Integer> active = ACTIVE.get();
        Deque<Object> stack = STACK.get();
        if (active.containsKey(token)) {
            @SuppressWarnings("unchecked")
            V p = (V) provisional.get(token);
            TAINT.get()[0]++;
            if (p != null) {
                HITS.get().merge(token, 1, Integer::sum);
                return p;
            }
            return cycleValue;
        }
        if (stack.size() >= MAX_DEPTH) {
            TAINT.get()[0]++;
            return cycleValue;
        }
        int taintBefore = TAINT.get()[0];
        // what a retry must keep; usually nothing is scratched, and copying nothing is free
        java.util.Set<Object> scratchBefore = SCRATCH.get().isEmpty() ? Set.of() : new HashSet<>(SCRATCH.get().keySet());
        int[] budget = ROUNDS.get();
        if (stack.isEmpty()) {
            budget[0] = ROUND_BUDGET;
        }
        V assumed = initial;
        V computed = null;
        boolean everHit = false;
        enter(token, active, stack);
        try {
            for (int round = 0; round < maxRounds; round++) {
                provisional.put(token, assumed);
                HITS.get().remove(token);
                computed = compute.apply(key);
                everHit |= HITS.get().containsKey(token);
                if (!HITS.get().containsKey(token) || computed.equals(assumed)) {
                    break;
                }
                if (--budget[0] <= 0) {
                    // nested cycles would multiply their rounds: past the budget, one answer stands
                    computed = joinAndWiden.apply(assumed, computed);
                    break;
                }
                V next = round == 0 ? computed : joinAndWiden.apply(assumed, computed);
                if (next.equals(assumed)) {
                    // the widened assumption already covers the answer it leads to: it is the fixpoint
                    computed = assumed;
                    break;
                }
                // the answer leaned on an assumption that did not hold: drop what was built on it, widen, retry
                SCRATCH.get().keySet().retainAll(scratchBefore);
                if (round == maxRounds - 1) {
                    computed = joinAndWiden.apply(assumed, computed);
                    break;
                }
                assumed = next;
            }
        } finally {
            leave(token, active, stack);
            provisional.remove(token);
            HITS.get().remove(token);
        }
        if (everHit && computed.equals(initial)) {
            // a cycle with nothing entering it (an import cycle, x = x): no least solution worth the name
            computed = cycleValue;
        }
        return store(key, token, computed, taintBefore, stack);
    }

    /**
     * Keeps a computed answer: memoized when it did not depend on a provisional answer (or when the
     * outermost query of the thread ends, which also drops the scratch values), else kept only
     * until the query it depended on ends.
     */
    private V store(K key, Object token, V computed, int taintBefore, Deque<Object> stack) {
        if (TAINT.get()[0] != taintBefore && !stack.isEmpty()) {
            SCRATCH.get().put(token, computed);
            return computed;
        }
        if (stack.isEmpty()) {
            TAINT.get()[0] = 0;
            SCRATCH.get().clear();
        }
        V prior = values.putIfAbsent(key, computed);
        return prior != null ? prior : computed;
    }

    /** A value computed from a provisional answer earlier under the running outermost query, or null. */
    @SuppressWarnings("unchecked")
    private V scratched(Object token) {
        return (V) SCRATCH.get().get(token);
    }

    private static void enter(Object token, java.util.Map<Object, Integer> active, Deque<Object> stack) {
        active.merge(token, 1, Integer::sum);
        stack.push(token);
    }

    private static void leave(Object token, java.util.Map<Object, Integer> active, Deque<Object> stack) {
        stack.pop();
        active.computeIfPresent(token, (t, n) -> n == 1 ? null : n - 1);
    }

    /**
     * Whether a fixpoint query started after the latest entry of {@code token}: then asking for
     * {@code token} again is not a cycle of its own but a round of that fixpoint (the expression
     * {@code x + 1} read while the loop's binding {@code x = x + 1} iterates), and it is computed
     * anew; the fixpoint query answers its own re-entry provisionally, so this recursion ends.
     */
    private static boolean fixpointSince(Object token, Deque<Object> stack) {
        java.util.Map<Object, Object> provisional = PROVISIONAL.get();
        if (provisional.isEmpty()) {
            return false;
        }
        for (Object o : stack) {
            if (o.equals(token)) {
                return false;
            }
            if (provisional.containsKey(o)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return values.size();
    }

    @Override
    public String toString() {
        return "Memo(" + name + ", " + values.size() + ")";
    }

    private record Token(Memo<?, ?> memo, Object key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Token t && t.memo == memo && t.key.equals(key);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(memo) * 31 + key.hashCode();
        }
    }
}
