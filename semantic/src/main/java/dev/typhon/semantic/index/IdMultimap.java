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

    /** Builds the map from parallel arrays of keys (each in [0, keyCount), or negative to skip) and values. */
    static IdMultimap of(int keyCount, int[] keys, int[] vals, int n) {
        int[] offsets = new int[keyCount + 1];
        for (int i = 0; i < n; i++) {
            if (keys[i] >= 0) {
                offsets[keys[i] + 1]++;
            }
        }
        for (int k = 0; k < keyCount; k++) {
            offsets[k + 1] += offsets[k];
        }
        int[] fill = Arrays.copyOf(offsets, keyCount);
        int[] values = new int[offsets[keyCount]];
        for (int i = 0; i < n; i++) {
            if (keys[i] >= 0) {
                values[fill[keys[i]]++] = vals[i];
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
