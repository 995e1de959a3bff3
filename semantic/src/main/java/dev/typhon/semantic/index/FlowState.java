package dev.typhon.semantic.index;

import java.util.Arrays;

/**
 * One scope's state at one point of the control flow: the bindings of every symbol and of every
 * member place, the declarations of every symbol, and the conditions to get here. Arrays are
 * copied on write at branches; the {@link Bindings} in them are immutable and shared.
 */
final class FlowState {
    private static final Bindings[] NONE = new Bindings[0];

    Bindings[] symbols;
    /** Bindings of the scope's member places ({@code self.x}, {@code d["k"]}), by place id. */
    Bindings[] places;
    /** Declarations of each symbol ({@code x: int}, {@code def}, imports, ...); only definition ids are used. */
    Bindings[] declarations;
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
        return new FlowState(new Bindings[8], NONE, NONE, true);
    }

    static FlowState unreachable() {
        FlowState s = new FlowState(NONE, NONE, NONE, false);
        s.reach = Reachability.ALWAYS_FALSE;
        return s;
    }

    FlowState copy() {
        FlowState s = new FlowState(symbols.clone(), places.length == 0 ? NONE : places.clone(),
                declarations.length == 0 ? NONE : declarations.clone(), reachable);
        s.unset = unset;
        s.reach = reach;
        return s;
    }

    Bindings get(int symbol) {
        Bindings b = symbol < symbols.length ? symbols[symbol] : null;
        return b == null ? unset : b;
    }

    void set(int symbol, Bindings bindings) {
        symbols = grow(symbols, symbol);
        symbols[symbol] = bindings;
    }

    Bindings place(int place) {
        Bindings b = place < places.length ? places[place] : null;
        return b == null ? Bindings.UNBOUND : b;
    }

    void setPlace(int place, Bindings bindings) {
        places = grow(places, place);
        places[place] = bindings;
    }

    Bindings declarations(int symbol) {
        Bindings b = symbol < declarations.length ? declarations[symbol] : null;
        return b == null ? Bindings.UNBOUND : b;
    }

    void declare(int symbol, Bindings bindings) {
        declarations = grow(declarations, symbol);
        declarations[symbol] = bindings;
    }

    private static Bindings[] grow(Bindings[] array, int index) {
        if (index < array.length) {
            return array;
        }
        return Arrays.copyOf(array, Math.max(index + 1, Math.max(8, array.length * 2)));
    }

    /** Merges another path into this one; a statically unreachable path contributes nothing. */
    void mergeFrom(FlowState other, Reachability dag) {
        if (!other.reachable) {
            return;
        }
        if (!reachable) {
            symbols = other.symbols.clone();
            places = other.places.length == 0 ? NONE : other.places.clone();
            declarations = other.declarations.length == 0 ? NONE : other.declarations.clone();
            unset = other.unset;
            reachable = true;
            reach = other.reach;
            return;
        }
        Bindings unsetA = unset;
        Bindings unsetB = other.unset;
        symbols = merge(symbols, unsetA, reach, other.symbols, unsetB, other.reach, dag);
        if (places.length > 0 || other.places.length > 0) {
            places = merge(places, Bindings.UNBOUND, reach, other.places, Bindings.UNBOUND, other.reach, dag);
        }
        if (declarations.length > 0 || other.declarations.length > 0) {
            declarations = merge(declarations, Bindings.UNBOUND, reach, other.declarations, Bindings.UNBOUND,
                    other.reach, dag);
        }
        if (unsetA != unsetB) {
            unset = Bindings.merge(unsetA, reach, unsetB, other.reach, dag);
        }
        reach = dag.or(reach, other.reach);
    }

    private static Bindings[] merge(Bindings[] mine, Bindings mineUnset, int ra, Bindings[] theirs, Bindings theirUnset,
                                    int rb, Reachability dag) {
        int n = Math.max(mine.length, theirs.length);
        Bindings[] out = mine.length < n ? Arrays.copyOf(mine, n) : mine;
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
