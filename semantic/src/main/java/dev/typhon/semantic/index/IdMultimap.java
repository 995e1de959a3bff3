package dev.typhon.semantic.index;

import java.util.Arrays;

/**
 * An immutable multimap from dense int keys to int values, in compressed rows: one offsets array
 * and one values array, so a lookup is two array reads and the whole map costs 4 bytes a value
 * plus 4 a key. Values keep the order they were added in.
 */
final class IdMultimap {
    private final int[] offsets;
    private final int[] values;

    private IdMultimap(int[] offsets, int[] values) {
        this.offsets = offsets;
        this.values = values;
    }

    /**
     * Builds the map of values {@code 0 .. n-1} by their key ({@code keyOf(v)} in [0, keyCount), or
     * negative to leave {@code v} out), in two passes and without a temporary array of keys.
     */
    static IdMultimap of(int keyCount, int n, java.util.function.IntUnaryOperator keyOf) {
        int[] offsets = new int[keyCount + 1];
        int total = 0;
        for (int v = 0; v < n; v++) {
            int k = keyOf.applyAsInt(v);
            if (k >= 0) {
                offsets[k + 1]++;
                total++;
            }
        }
        for (int k = 0; k < keyCount; k++) {
            offsets[k + 1] += offsets[k];
        }
        int[] values = new int[total];
        int[] fill = Arrays.copyOf(offsets, keyCount);
        for (int v = 0; v < n; v++) {
            int k = keyOf.applyAsInt(v);
            if (k >= 0) {
                values[fill[k]++] = v;
            }
        }
        return new IdMultimap(offsets, values);
    }

    int size(int key) {
        return key < 0 || key + 1 >= offsets.length ? 0 : offsets[key + 1] - offsets[key];
    }

    int get(int key, int i) {
        return values[offsets[key] + i];
    }
}
