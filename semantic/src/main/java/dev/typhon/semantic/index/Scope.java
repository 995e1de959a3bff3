package dev.typhon.semantic.index;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * A scope and its symbol table. Symbols are numbered from 0 in order of first appearance; names
 * are stored mangled as CPython stores them ({@code __x} in class {@code A} is {@code _A__x}).
 */
public final class Scope {
    final int id;
    final ScopeKind kind;
    final String name;
    final int lineno;
    final int startOffset;
    final int endOffset;
    final int parent;
    final IntArrayList children = new IntArrayList(2);
    /** Name to symbol id, built only once a scope has more than {@link #SMALL} symbols (most have fewer). */
    ObjectIntHashMap<String> symbolIds;
    private static final int SMALL = 8;
    final ArrayList<String> names = new ArrayList<>(8);
    final IntArrayList flags = new IntArrayList(8);
    /** Resolution kind per symbol ({@link SymbolFlags#LOCAL} ... {@link SymbolFlags#CELL}), set by the analysis. */
    byte[] resolution = new byte[0];
    /** Pairs of [start, end) offsets inside this scope's range that run in the enclosing scope (decorators, defaults, ...). */
    IntArrayList holes;
    /** The bindings live at the end of the scope, by symbol id. */
    Bindings[] endState = new Bindings[0];
    /** The declarations live at the end of the scope, by symbol id (null entries: none). */
    Bindings[] endDeclarations = new Bindings[0];
    /** The member places ({@code self.x}, ...) in order of first appearance; null while there are none. */
    ArrayList<Place> places;
    /** Place ids by their prefix and last segment: found without building the path's text. */
    java.util.HashMap<PlaceKey, Integer> placeIds;

    /** A place's prefix (a place id, or {@code ~symbol} for a bare name) and its last segment. */
    record PlaceKey(int prefix, Place.SegmentKind kind, String segment) {
    }
    /** The bindings of each place live at the end of the scope. */
    Bindings[] placeEndState = new Bindings[0];
    /**
     * For an eagerly run scope (class body, comprehension, PEP 695 type parameters): the enclosing
     * scope's symbols this scope may read, and their bindings at the point where this scope runs.
     */
    int[] snapshotSymbols;
    Bindings[] snapshotBindings;
    /** Whether CPython's symtable lists this scope as a child (its 3.11 annotation blocks it does not). */
    final boolean listed;

    Scope(int id, ScopeKind kind, String name, int lineno, int startOffset, int endOffset, int parent, boolean listed) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.lineno = lineno;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.parent = parent;
        this.listed = listed;
    }

    int symbol(String symbolName) {
        int found = symbolId(symbolName);
        if (found >= 0) {
            return found;
        }
        int created = names.size();
        names.add(symbolName);
        flags.add(0);
        if (symbolIds != null) {
            symbolIds.put(symbolName, created);
        } else if (created >= SMALL) {
            symbolIds = new ObjectIntHashMap<>(32);
            for (int i = 0; i < names.size(); i++) {
                symbolIds.put(names.get(i), i);
            }
        }
        return created;
    }

    void addHole(int start, int end) {
        if (holes == null) {
            holes = new IntArrayList(4);
        }
        holes.add(start);
        holes.add(end);
    }

    public int id() {
        return id;
    }

    public ScopeKind kind() {
        return kind;
    }

    /** CPython's block name: the function or class name, {@code lambda}, {@code listcomp}, ..., {@code top}. */
    public String name() {
        return name;
    }

    public int lineno() {
        return lineno;
    }

    public int startOffset() {
        return startOffset;
    }

    public int endOffset() {
        return endOffset;
    }

    /** The enclosing scope's id, or -1 for the module. */
    public int parent() {
        return parent;
    }

    /** The ids of the scopes nested directly in this one that CPython's symtable lists, in source order. */
    public List<Integer> children() {
        List<Integer> out = new ArrayList<>(children.size());
        children.forEach(out::add);
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * Whether the scope's code runs at the point where it appears (class bodies, comprehensions,
     * PEP 695 type-parameter scopes) rather than later (functions, lambdas, deferred annotations,
     * type-alias values): what decides whether it reads an enclosing name as bound at that point
     * or at the end of the enclosing scope.
     */
    public boolean isEager() {
        return kind == ScopeKind.CLASS || kind.isComprehension() || kind == ScopeKind.TYPE_PARAMETERS;
    }

    /** The member places of this scope, by id. */
    public List<Place> places() {
        return places == null ? List.of() : java.util.Collections.unmodifiableList(places);
    }

    /** The id of the place written as {@code text} ({@code self.x}, {@code d["k"]}, {@code t[0]}), or -1. */
    public int placeId(String text) {
        if (places != null) {
            for (Place p : places) {
                if (p.text().equals(text)) {
                    return p.id();
                }
            }
        }
        return -1;
    }

    /** The id of a place, or -1 when the scope has not met it. */
    int findPlace(PlaceKey key) {
        Integer id = placeIds == null ? null : placeIds.get(key);
        return id == null ? -1 : id;
    }

    int intern(PlaceKey key, int rootSymbol, String text) {
        if (places == null) {
            places = new ArrayList<>(4);
            placeIds = new java.util.HashMap<>();
        }
        Integer found = placeIds.get(key);
        if (found != null) {
            return found;
        }
        int id = places.size();
        places.add(new Place(id, rootSymbol, key.prefix() < 0 ? -1 : key.prefix(), key.kind(), key.segment(), text));
        placeIds.put(key, id);
        return id;
    }

    public boolean listedInSymtable() {
        return listed;
    }

    public int symbolCount() {
        return names.size();
    }

    /** The symbol id of a (mangled) name, or -1. */
    public int symbolId(String symbolName) {
        if (symbolIds != null) {
            return symbolIds.getIfAbsent(symbolName, -1);
        }
        for (int i = 0, n = names.size(); i < n; i++) {
            if (names.get(i).equals(symbolName)) {
                return i;
            }
        }
        return -1;
    }

    public String symbolName(int symbol) {
        return names.get(symbol);
    }

    public List<String> symbolNames() {
        return java.util.Collections.unmodifiableList(names);
    }

    /** The {@link SymbolFlags} bits of a symbol. */
    public int flags(int symbol) {
        return flags.get(symbol);
    }

    /** {@link SymbolFlags#LOCAL}, {@code GLOBAL_EXPLICIT}, {@code GLOBAL_IMPLICIT}, {@code FREE} or {@code CELL}. */
    public int resolution(int symbol) {
        return symbol < resolution.length ? resolution[symbol] : 0;
    }

    public boolean isBound(int symbol) {
        return (flags(symbol) & SymbolFlags.BOUND) != 0;
    }

    public boolean isUsed(int symbol) {
        return (flags(symbol) & SymbolFlags.USED) != 0;
    }

    public boolean isDeclared(int symbol) {
        return (flags(symbol) & SymbolFlags.DECLARED) != 0;
    }

    public boolean isParameter(int symbol) {
        return (flags(symbol) & SymbolFlags.PARAMETER) != 0;
    }

    public boolean isImported(int symbol) {
        return (flags(symbol) & SymbolFlags.IMPORTED) != 0;
    }

    public boolean isGlobal(int symbol) {
        int r = resolution(symbol);
        return r == SymbolFlags.GLOBAL_EXPLICIT || r == SymbolFlags.GLOBAL_IMPLICIT;
    }

    public boolean isNonlocal(int symbol) {
        return (flags(symbol) & SymbolFlags.NONLOCAL) != 0;
    }

    public boolean isFree(int symbol) {
        return resolution(symbol) == SymbolFlags.FREE;
    }

    public boolean isCell(int symbol) {
        return resolution(symbol) == SymbolFlags.CELL;
    }

    /** Whether the offset lies in the scope but in a part evaluated by the enclosing scope. */
    boolean inHole(int offset) {
        if (holes == null) {
            return false;
        }
        for (int i = 0; i < holes.size(); i += 2) {
            if (offset >= holes.get(i) && offset < holes.get(i + 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return kind + " " + name + " " + lineno;
    }
}
