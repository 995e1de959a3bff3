package dev.typhon.semantic.index;

import dev.typhon.ast.Name;
import java.util.Arrays;

/**
 * The uses of a module in columns rather than one object each: about 16 bytes a use instead of 40,
 * and a type checker touches them by index anyway. {@link Use} is a view of one row.
 */
final class UseTable {
    /** The scope id, complemented ({@code ~id}) for a use that static reachability rules out. */
    int[] scopes = new int[64];
    int[] symbols = new int[64];
    Name[] nodes = new Name[64];
    Bindings[] bindings = new Bindings[64];
    int size;

    int add(int scope, int symbol, Name node, boolean reachable, Bindings b) {
        if (size == scopes.length) {
            int n = size * 2;
            scopes = Arrays.copyOf(scopes, n);
            symbols = Arrays.copyOf(symbols, n);
            nodes = Arrays.copyOf(nodes, n);
            bindings = Arrays.copyOf(bindings, n);
        }
        scopes[size] = reachable ? scope : ~scope;
        symbols[size] = symbol;
        nodes[size] = node;
        bindings[size] = b;
        return size++;
    }

    int scope(int use) {
        int s = scopes[use];
        return s < 0 ? ~s : s;
    }

    boolean reachable(int use) {
        return scopes[use] >= 0;
    }

    /** Drops the spare capacity once the walk is over. */
    void trim() {
        if (size < scopes.length) {
            scopes = Arrays.copyOf(scopes, size);
            symbols = Arrays.copyOf(symbols, size);
            nodes = Arrays.copyOf(nodes, size);
            bindings = Arrays.copyOf(bindings, size);
        }
    }
}
