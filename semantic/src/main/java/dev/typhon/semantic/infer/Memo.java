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
 * which key a query started from.
 */
final class Memo<K, V> {
    /** The keys being computed on this thread, across every memo table (cycles cross queries). */
    private static final ThreadLocal<Deque<Object>> STACK = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<Set<Object>> ACTIVE = ThreadLocal.withInitial(HashSet::new);
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

    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final String name;

    Memo(String name) {
        this.name = name;
    }

    V get(K key, Function<? super K, ? extends V> compute, V cycleValue) {
        V v = values.get(key);
        if (v != null) {
            return v;
        }
        Object token = new Token(this, key);
        @SuppressWarnings("unchecked")
        V scratched = (V) SCRATCH.get().get(token);
        if (scratched != null) {
            return scratched;
        }
        Set<Object> active = ACTIVE.get();
        Deque<Object> stack = STACK.get();
        if (active.contains(token) || stack.size() >= MAX_DEPTH) {
            TAINT.get()[0]++;
            return cycleValue;
        }
        int taintBefore = TAINT.get()[0];
        active.add(token);
        stack.push(token);
        V computed;
        try {
            computed = compute.apply(key);
        } finally {
            stack.pop();
            active.remove(token);
        }
        if (TAINT.get()[0] != taintBefore && !stack.isEmpty()) {
            // Depended on a provisional answer of a query still running: keep it only until that query ends.
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
