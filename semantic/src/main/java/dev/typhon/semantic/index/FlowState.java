package dev.typhon.semantic.index;

import java.util.Arrays;

/** The bindings of every symbol of one scope at one point of the control flow. */
final class FlowState {
    Bindings[] symbols;
    boolean reachable;

    FlowState(Bindings[] symbols, boolean reachable) {
        this.symbols = symbols;
        this.reachable = reachable;
    }

    static FlowState start() {
        return new FlowState(new Bindings[8], true);
    }

    FlowState copy() {
        return new FlowState(symbols.clone(), reachable);
    }

    static FlowState unreachable() {
        return new FlowState(new Bindings[0], false);
    }

    Bindings get(int symbol) {
        Bindings b = symbol < symbols.length ? symbols[symbol] : null;
        return b == null ? Bindings.UNBOUND : b;
    }

    void set(int symbol, Bindings bindings) {
        if (symbol >= symbols.length) {
            symbols = Arrays.copyOf(symbols, Math.max(symbol + 1, symbols.length * 2));
        }
        symbols[symbol] = bindings;
    }

    /** Merges another path into this one; an unreachable path contributes nothing. */
    void mergeFrom(FlowState other) {
        if (!other.reachable) {
            return;
        }
        if (!reachable) {
            symbols = other.symbols.clone();
            reachable = true;
            return;
        }
        int n = Math.max(symbols.length, other.symbols.length);
        if (symbols.length < n) {
            symbols = Arrays.copyOf(symbols, n);
        }
        for (int i = 0; i < n; i++) {
            Bindings a = symbols[i];
            Bindings b = i < other.symbols.length ? other.symbols[i] : null;
            if (a == b) {
                continue;
            }
            symbols[i] = Bindings.merge(a == null ? Bindings.UNBOUND : a, b == null ? Bindings.UNBOUND : b);
        }
    }
}
