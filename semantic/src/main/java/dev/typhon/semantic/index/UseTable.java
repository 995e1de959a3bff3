package dev.typhon.semantic.index;

import dev.typhon.ast.Expr;
import java.util.Arrays;

/**
 * The uses of a module in columns rather than one object each: about 20 bytes a use instead of 48,
 * and a type checker touches them by index anyway. {@link Use} and {@link PlaceUse} are views of
 * one row. One table holds the name reads, another the member-place reads.
 */
final class UseTable {
    /** The scope id, complemented ({@code ~id}) for a use that static reachability rules out. */
    int[] scopes;
    /** The symbol id (name reads) or the place id (place reads) within the scope. */
    int[] symbols;
    Expr[] nodes;
    Bindings[] bindings;
    /** The {@link Reachability} formula of the point of the use. */
    int[] reach;
    /** The declarations of the symbol live at the use (name reads only; null for none, and the column null while all are). */
    private Bindings[] declarations;
    int size;

    UseTable(int capacity) {
        scopes = new int[capacity];
        symbols = new int[capacity];
        nodes = new Expr[capacity];
        bindings = new Bindings[capacity];
        reach = new int[capacity];
    }

    int add(int scope, int symbol, Expr node, boolean reachable, Bindings b, int reachability) {
        if (size == scopes.length) {
            int n = Math.max(8, size * 2);
            scopes = Arrays.copyOf(scopes, n);
            symbols = Arrays.copyOf(symbols, n);
            nodes = Arrays.copyOf(nodes, n);
            bindings = Arrays.copyOf(bindings, n);
            reach = Arrays.copyOf(reach, n);
            if (declarations != null) {
                declarations = Arrays.copyOf(declarations, n);
            }
        }
        scopes[size] = reachable ? scope : ~scope;
        symbols[size] = symbol;
        nodes[size] = node;
        bindings[size] = b;
        reach[size] = reachability;
        return size++;
    }

    void setDeclarations(int use, Bindings declared) {
        if (declarations == null) {
            declarations = new Bindings[scopes.length];
        }
        declarations[use] = declared;
    }

    Bindings declarations(int use) {
        return declarations == null ? null : declarations[use];
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
            reach = Arrays.copyOf(reach, size);
            if (declarations != null) {
                declarations = Arrays.copyOf(declarations, size);
            }
        }
    }
}
