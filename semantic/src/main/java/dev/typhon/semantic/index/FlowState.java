package dev.typhon.semantic.index;

import java.util.Arrays;

/**
 * One scope's state at one point of the control flow: the bindings of every symbol and of every
 * member place, the declarations of every symbol, and the conditions to get here. A copy shares
 * its arrays with the original until either writes (most branches change a few symbols and no
 * declarations), and a merge of two states still sharing an array has nothing to do for it; the
 * {@link Bindings} in the arrays are immutable and shared freely. Read the arrays directly; write
 * only through the setters.
 */
final class FlowState {
    private static final Bindings[] NONE = new Bindings[0];

    Bindings[] symbols;
    /** Bindings of the scope's member places ({@code self.x}, {@code d["k"]}), by place id. */
    Bindings[] places;
    /** Declarations of each symbol ({@code x: int}, {@code def}, imports, ...); only definition ids are used. */
    Bindings[] declarations;
    /** Which arrays this state shares with another and must copy before writing: bits SYMBOLS, PLACES, DECLARATIONS. */
    private int shared;
    private static final int SYMBOLS = 1;
    private static final int PLACES = 2;
    private static final int DECLARATIONS = 4;
    /** What a symbol with no entry holds: unbound, or after {@code from m import *} whatever the import may bind. */
    Bindings unset = Bindings.UNBOUND;
    /** Whether static reachability ({@code sys.version_info}, {@code TYPE_CHECKING}, ...) lets control get here. */
    boolean reachable;
    /** The condition, left for inference to decide, under which control gets here (see {@link Reachability}). */
    int reach = Reachability.ALWAYS_TRUE;

    private FlowState(Bindings[] symbols, Bindings[] places, Bindings[] declarations, boolean reachable) {
        this.symbols = symbols;
        this.places = places;
        this.declarations = declarations;
        this.reachable = reachable;
    }

    static FlowState start() {
        // Shared empty arrays: the first write gives the state its own (many scopes bind a few names, some none).
        FlowState s = new FlowState(NONE, NONE, NONE, true);
        s.shared = SYMBOLS | PLACES | DECLARATIONS;
        return s;
    }

    static FlowState unreachable() {
        FlowState s = new FlowState(NONE, NONE, NONE, false);
        s.reach = Reachability.ALWAYS_FALSE;
        return s;
    }

    FlowState copy() {
        FlowState s = new FlowState(symbols, places, declarations, reachable);
        s.unset = unset;
        s.reach = reach;
        s.shared = SYMBOLS | PLACES | DECLARATIONS;
        shared = SYMBOLS | PLACES | DECLARATIONS;
        return s;
    }

    /** Which of this state's arrays are shared now: pass it to {@link #reclaim} after a {@link #copy}. */
    int sharedBits() {
        return shared;
    }

    /**
     * Takes back sole ownership of the arrays that {@code copy} (made by {@link #copy} when this
     * state's {@link #sharedBits} were {@code before}, and not copied since) has replaced by
     * writing: they were this state's alone before the copy, so they are again. A branch writes
     * both of its sides; without this the second one copied arrays nobody else held any more.
     */
    void reclaim(FlowState copy, int before) {
        if ((before & SYMBOLS) == 0 && copy.symbols != symbols) {
            shared &= ~SYMBOLS;
        }
        if ((before & PLACES) == 0 && copy.places != places) {
            shared &= ~PLACES;
        }
        if ((before & DECLARATIONS) == 0 && copy.declarations != declarations) {
            shared &= ~DECLARATIONS;
        }
    }

    /** Marks the symbol array shared (someone else holds it), so that the next write copies it first; returns it. */
    Bindings[] shareSymbols() {
        shared |= SYMBOLS;
        return symbols;
    }

    Bindings get(int symbol) {
        Bindings b = symbol < symbols.length ? symbols[symbol] : null;
        return b == null ? unset : b;
    }

    void set(int symbol, Bindings bindings) {
        symbols = writable(symbols, symbol, SYMBOLS);
        symbols[symbol] = bindings;
    }

    Bindings place(int place) {
        Bindings b = place < places.length ? places[place] : null;
        return b == null ? Bindings.UNBOUND : b;
    }

    void setPlace(int place, Bindings bindings) {
        places = writable(places, place, PLACES);
        places[place] = bindings;
    }

    Bindings declarations(int symbol) {
        Bindings b = symbol < declarations.length ? declarations[symbol] : null;
        return b == null ? Bindings.UNBOUND : b;
    }

    void declare(int symbol, Bindings bindings) {
        declarations = writable(declarations, symbol, DECLARATIONS);
        declarations[symbol] = bindings;
    }

    /** The array, made this state's own (copied if shared) and long enough to write at {@code index}. */
    private Bindings[] writable(Bindings[] array, int index, int bit) {
        boolean mine = (shared & bit) == 0;
        if (index < array.length && mine) {
            return array;
        }
        shared &= ~bit;
        int n = index < array.length ? array.length : Math.max(index + 1, Math.max(8, array.length * 2));
        return Arrays.copyOf(array, n);
    }

    /** Merges another path into this one; a statically unreachable path contributes nothing. */
    void mergeFrom(FlowState other, Reachability dag) {
        if (!other.reachable) {
            return;
        }
        if (!reachable) {
            symbols = other.symbols;
            places = other.places;
            declarations = other.declarations;
            shared = SYMBOLS | PLACES | DECLARATIONS;
            other.shared = SYMBOLS | PLACES | DECLARATIONS;
            unset = other.unset;
            reachable = true;
            reach = other.reach;
            return;
        }
        Bindings unsetA = unset;
        Bindings unsetB = other.unset;
        if (symbols != other.symbols || unsetA != unsetB) {
            symbols = merge(symbols, (shared & SYMBOLS) == 0, unsetA, reach, other.symbols, unsetB, other.reach, dag);
            shared &= ~SYMBOLS;
        }
        if (places != other.places) {
            places = merge(places, (shared & PLACES) == 0, Bindings.UNBOUND, reach, other.places, Bindings.UNBOUND,
                    other.reach, dag);
            shared &= ~PLACES;
        }
        if (declarations != other.declarations) {
            declarations = merge(declarations, (shared & DECLARATIONS) == 0, Bindings.UNBOUND, reach,
                    other.declarations, Bindings.UNBOUND, other.reach, dag);
            shared &= ~DECLARATIONS;
        }
        if (unsetA != unsetB) {
            unset = Bindings.merge(unsetA, reach, unsetB, other.reach, dag);
        }
        reach = dag.or(reach, other.reach);
    }

    private static Bindings[] merge(Bindings[] mine, boolean own, Bindings mineUnset, int ra, Bindings[] theirs,
                                    Bindings theirUnset, int rb, Reachability dag) {
        int n = Math.max(mine.length, theirs.length);
        // In place when this state holds `mine` alone and it is long enough; else a fresh array.
        Bindings[] out = own && mine.length >= n ? mine : Arrays.copyOf(mine, n);
        for (int i = 0; i < n; i++) {
            Bindings a = out[i];
            Bindings b = i < theirs.length ? theirs[i] : null;
            if (a == b) {
                continue;
            }
            out[i] = Bindings.merge(a == null ? mineUnset : a, ra, b == null ? theirUnset : b, rb, dag);
        }
        return out;
    }
}
