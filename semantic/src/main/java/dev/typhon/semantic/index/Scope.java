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
    private static final byte[] NO_BYTES = new byte[0];
    private static final Bindings[] NO_BINDINGS = new Bindings[0];
    private static final int[] NO_INTS = new int[0];
    private static final String[] NO_NAMES = new String[0];
    final int id;
    final ScopeKind kind;
    final String name;
    final int lineno;
    final int startOffset;
    final int endOffset;
    final int parent;
    /**
     * The ids of the listed child scopes, in the first {@code childCount} slots. Arrays rather than
     * collections, shared empty ones until the first entry: about half of all scopes (PEP 649
     * annotation scopes) have neither children nor symbols.
     */
    int[] children = NO_INTS;
    int childCount;
    /** Name to symbol id, built only once a scope has more than {@link #SMALL} symbols (most have fewer). */
    ObjectIntHashMap<String> symbolIds;
    private static final int SMALL = 8;
    /** Symbol names and their {@link SymbolFlags}, by symbol id, in the first {@code symbolCount} slots. */
    String[] names = NO_NAMES;
    int[] flags = NO_INTS;
    int symbolCount;
    /** Resolution kind per symbol ({@link SymbolFlags#LOCAL} ... {@link SymbolFlags#CELL}), set by the analysis. */
    byte[] resolution = NO_BYTES;
    /** Pairs of [start, end) offsets inside this scope's range that run in the enclosing scope (decorators, defaults, ...). */
    IntArrayList holes;
    /** The bindings live at the end of the scope, by symbol id. */
    Bindings[] endState = NO_BINDINGS;
    /** The declarations live at the end of the scope, by symbol id (null entries: none). */
    Bindings[] endDeclarations = NO_BINDINGS;
    /** The member places ({@code self.x}, ...) and what is kept of them; null while there are none (most scopes). */
    Places places;

    /** A place's prefix (a place id, or {@code ~symbol} for a bare name) and its last segment. */
    record PlaceKey(int prefix, Place.SegmentKind kind, String segment) {
    }

    /** A scope's member places: kept apart from the scope, since most scopes have none. */
    static final class Places {
        /** In order of first appearance. */
        final ArrayList<Place> list = new ArrayList<>(4);
        /** Place ids by their prefix and last segment: found without building the path's text. */
        java.util.HashMap<PlaceKey, Integer> ids;
        /** The bindings of each place live at the end of the scope. */
        Bindings[] endState = NO_BINDINGS;
        /**
         * Bit i: symbol (place) i starts (prefixes) some place; bit 63 stands for every id from 63 on,
         * where a yes only means "look".
         */
        long roots;
        long prefixes;
        /** A Bloom filter of the places' last segments (two bits of each one's hash): a miss is a place this scope never met. */
        long segments;

        Place get(int place) {
            return list.get(place);
        }

        int size() {
            return list.size();
        }
    }

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
        int created = symbolCount;
        if (created == names.length) {
            int n = created == 0 ? 4 : created * 2;
            names = java.util.Arrays.copyOf(names, n);
            flags = java.util.Arrays.copyOf(flags, n);
        }
        names[created] = symbolName;
        symbolCount = created + 1;
        if (symbolIds != null) {
            symbolIds.put(symbolName, created);
        } else if (created >= SMALL) {
            symbolIds = new ObjectIntHashMap<>(32);
            for (int i = 0; i <= created; i++) {
                symbolIds.put(names[i], i);
            }
        }
        return created;
    }

    int flag(int symbol) {
        return flags[symbol];
    }

    void setFlag(int symbol, int value) {
        flags[symbol] = value;
    }

    void addChild(int child) {
        if (childCount == children.length) {
            children = java.util.Arrays.copyOf(children, childCount == 0 ? 2 : childCount * 2);
        }
        children[childCount++] = child;
    }

    int child(int i) {
        return children[i];
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
        List<Integer> out = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            out.add(children[i]);
        }
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
        return places == null ? List.of() : java.util.Collections.unmodifiableList(places.list);
    }

    /** The id of the place written as {@code text} ({@code self.x}, {@code d["k"]}, {@code t[0]}), or -1. */
    public int placeId(String text) {
        if (places != null) {
            for (Place p : places.list) {
                if (p.text().equals(text)) {
                    return p.id();
                }
            }
        }
        return -1;
    }

    /** The id of a place, or -1 when the scope has not met it. */
    int findPlace(PlaceKey key) {
        return findPlace(key.prefix(), key.kind(), key.segment());
    }

    /** The id of the place of {@code prefix} (a place id, or {@code ~symbol}) and one segment, or -1. */
    int findPlace(int prefix, Place.SegmentKind kind, String segment) {
        if (places == null) {
            return -1;
        }
        if (places.ids != null) {
            Integer id = places.ids.get(new PlaceKey(prefix, kind, segment));
            return id == null ? -1 : id;
        }
        // Few places (most scopes): a scan; attribute names come from the parser's identifier cache, so == mostly decides.
        ArrayList<Place> list = places.list;
        for (int i = 0, n = list.size(); i < n; i++) {
            Place p = list.get(i);
            String seg = p.segment();
            if ((seg == segment || seg.equals(segment)) && p.kind() == kind
                    && (p.parent() >= 0 ? p.parent() : ~p.rootSymbol()) == prefix) {
                return i;
            }
        }
        return -1;
    }

    int intern(PlaceKey key, int rootSymbol, String text) {
        int found = findPlace(key);
        if (found >= 0) {
            return found;
        }
        if (places == null) {
            places = new Places();
        }
        ArrayList<Place> list = places.list;
        int id = list.size();
        list.add(new Place(id, rootSymbol, key.prefix() < 0 ? -1 : key.prefix(), key.kind(), key.segment(), text));
        places.roots |= 1L << Math.min(rootSymbol, 63);
        places.segments |= segmentBits(key.segment());
        if (key.prefix() >= 0) {
            places.prefixes |= 1L << Math.min(key.prefix(), 63);
        }
        if (places.ids != null) {
            places.ids.put(key, id);
        } else if (list.size() > SMALL_PLACES) {
            places.ids = new java.util.HashMap<>();
            for (Place p : list) {
                places.ids.put(new PlaceKey(p.parent() >= 0 ? p.parent() : ~p.rootSymbol(), p.kind(), p.segment()), p.id());
            }
        }
        return id;
    }

    private static final int SMALL_PLACES = 16;

    private static long segmentBits(String segment) {
        int h = segment.hashCode();
        return (1L << h) | (1L << (h >>> 6));  // a long shift uses the low six bits of its count
    }

    /** False when no place of this scope ends with {@code segment} (true may be a false alarm). */
    boolean mayHavePlaceSegment(String segment) {
        if (places == null) {
            return false;
        }
        long bits = segmentBits(segment);
        return (places.segments & bits) == bits;
    }

    /** Whether a symbol starts some place: only then does rebinding it have places to forget. */
    boolean rootsPlaces(int symbol) {
        return places != null && (places.roots & (1L << Math.min(symbol, 63))) != 0;
    }

    /** Whether a place is the prefix of a longer one. */
    boolean prefixesPlaces(int place) {
        return places != null && (places.prefixes & (1L << Math.min(place, 63))) != 0;
    }

    /** The bindings of each place live at the end of the scope. */
    Bindings[] placeEndState() {
        return places == null ? NO_BINDINGS : places.endState;
    }

    public boolean listedInSymtable() {
        return listed;
    }

    public int symbolCount() {
        return symbolCount;
    }

    /** The symbol id of a (mangled) name, or -1. */
    public int symbolId(String symbolName) {
        if (symbolIds != null) {
            return symbolIds.getIfAbsent(symbolName, -1);
        }
        String[] names = this.names;
        for (int i = 0, n = symbolCount; i < n; i++) {
            if (names[i].equals(symbolName)) {
                return i;
            }
        }
        return -1;
    }

    public String symbolName(int symbol) {
        java.util.Objects.checkIndex(symbol, symbolCount);
        return names[symbol];
    }

    public List<String> symbolNames() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(names).subList(0, symbolCount));
    }

    /** The {@link SymbolFlags} bits of a symbol. */
    public int flags(int symbol) {
        java.util.Objects.checkIndex(symbol, symbolCount);
        return flags[symbol];
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
