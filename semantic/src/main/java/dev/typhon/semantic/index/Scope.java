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
    /** Pairs of (return statement's node id, reachability formula of its point); null while there are none. */
    org.eclipse.collections.impl.list.mutable.primitive.IntArrayList returns;
    /** Whether static reachability lets control fall off the end of the scope's code. */
    boolean endReachable = true;
    /** The condition, left for inference, under which control falls off the end (see {@link Reachability}). */
    int endReach = Reachability.ALWAYS_TRUE;
    /** The member places ({@code self.x}, ...) and what is kept of them; null while there are none (most scopes). */
    Places places;

    /** A place's prefix (a place id, or {@code ~symbol} for a bare name) and its last segment. */
    record PlaceKey(int prefix, Place.SegmentKind kind, String segment) {
    }

    /**
     * A scope's member places, kept apart from the scope since most scopes have none, in columns
     * by place id. Their {@link Place} values, and the path texts in them, are made on the first
     * {@link #places()} (or {@link #placeId}) call: the index itself never needs the texts.
     */
    static final class Places {
        private int size;
        private int[] rootSymbols = new int[4];
        /** The place one segment shorter, or -1 when the prefix is the root name. */
        private int[] parents = new int[4];
        private Place.SegmentKind[] kinds = new Place.SegmentKind[4];
        private String[] segments = new String[4];
        /** Place ids by their prefix and last segment, once there are more than {@link #SMALL_PLACES}. */
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
        long segmentFilter;
        /** The Place values, made on first use and published like the index's other lazy tables. */
        private volatile List<Place> list;

        int size() {
            return size;
        }

        int rootSymbol(int place) {
            return rootSymbols[place];
        }

        int parent(int place) {
            return parents[place];
        }

        private int add(int rootSymbol, int parent, Place.SegmentKind kind, String segment) {
            if (size == parents.length) {
                int n = size * 2;
                rootSymbols = java.util.Arrays.copyOf(rootSymbols, n);
                parents = java.util.Arrays.copyOf(parents, n);
                kinds = java.util.Arrays.copyOf(kinds, n);
                segments = java.util.Arrays.copyOf(segments, n);
            }
            rootSymbols[size] = rootSymbol;
            parents[size] = parent;
            kinds[size] = kind;
            segments[size] = segment;
            return size++;
        }

        private boolean matches(int place, int prefix, Place.SegmentKind kind, String segment) {
            String seg = segments[place];
            return (seg == segment || seg.equals(segment)) && kinds[place] == kind
                    && (parents[place] >= 0 ? parents[place] : ~rootSymbols[place]) == prefix;
        }

        List<Place> list(Scope scope) {
            List<Place> l = list;
            if (l == null) {
                Place[] out = new Place[size];
                for (int i = 0; i < size; i++) {
                    // A prefix always has a smaller id than the places it starts.
                    String head = parents[i] < 0 ? scope.symbolName(rootSymbols[i]) : out[parents[i]].text();
                    out[i] = new Place(i, rootSymbols[i], parents[i], kinds[i], segments[i], head + written(kinds[i], segments[i]));
                }
                l = java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
                list = l;
            }
            return l;
        }
    }

    /** A path's last segment as ty writes it: {@code .x}, {@code ["k"]}, {@code [0]}. */
    static String written(Place.SegmentKind kind, String segment) {
        return switch (kind) {
            case ATTRIBUTE -> "." + segment;
            case STR_SUBSCRIPT -> "[" + quoted(segment) + "]";
            case INT_SUBSCRIPT -> "[" + segment + "]";
        };
    }

    /** A string key as ty writes it: in double quotes, or Python's repr when it holds a quote, a backslash or a control character. */
    static String quoted(String key) {
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch == '"' || ch == '\\' || ch < 0x20 || ch == 0x7f) {
                return dev.typhon.ast.dump.PyRepr.str(key);
            }
        }
        return '"' + key + '"';
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
    /**
     * Whether control may fall off the end of the scope's code as far as static reachability
     * ({@code sys.version_info}, {@code TYPE_CHECKING}, ...) tells: false when every path returns
     * or raises. For a function, whether it may return {@code None} implicitly.
     */
    public boolean endReachable() {
        return endReachable;
    }

    /** The reachability formula (in {@link SemanticIndex#reachability()}) of the scope's end, for inference to decide. */
    public int endReachability() {
        return endReach;
    }

    /**
     * The reachability formula of the point of a {@code return} statement of this scope:
     * {@link Reachability#ALWAYS_FALSE} when static reachability rules it out (code after a
     * {@code return}, under {@code if sys.version_info < ...}, ...), else the condition left for
     * inference. {@link Reachability#ALWAYS_TRUE} for a statement the scope did not record.
     */
    public int returnReachability(dev.typhon.ast.Return statement) {
        if (returns != null) {
            int id = statement.nodeId();
            for (int i = 0; i < returns.size(); i += 2) {
                if (returns.get(i) == id) {
                    return returns.get(i + 1);
                }
            }
        }
        return Reachability.ALWAYS_TRUE;
    }

    void addReturn(int nodeId, int reachability) {
        if (returns == null) {
            returns = new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList(4);
        }
        returns.add(nodeId);
        returns.add(reachability);
    }

    public boolean isEager() {
        return kind == ScopeKind.CLASS || kind.isComprehension() || kind == ScopeKind.TYPE_PARAMETERS;
    }

    /** The member places of this scope, by id. */
    public List<Place> places() {
        return places == null ? List.of() : places.list(this);
    }

    /** The id of the place written as {@code text} ({@code self.x}, {@code d["k"]}, {@code t[0]}), or -1. */
    public int placeId(String text) {
        if (places != null) {
            for (Place p : places.list(this)) {
                if (p.text().equals(text)) {
                    return p.id();
                }
            }
        }
        return -1;
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
        for (int i = 0, n = places.size(); i < n; i++) {
            if (places.matches(i, prefix, kind, segment)) {
                return i;
            }
        }
        return -1;
    }

    /** The id of the place of {@code prefix} (a place id, or {@code ~rootSymbol}) and one segment, made if new. */
    int intern(int prefix, Place.SegmentKind kind, String segment, int rootSymbol) {
        int found = findPlace(prefix, kind, segment);
        if (found >= 0) {
            return found;
        }
        if (places == null) {
            places = new Places();
        }
        int id = places.add(rootSymbol, prefix < 0 ? -1 : prefix, kind, segment);
        places.roots |= 1L << Math.min(rootSymbol, 63);
        places.segmentFilter |= segmentBits(segment);
        if (prefix >= 0) {
            places.prefixes |= 1L << Math.min(prefix, 63);
        }
        if (places.ids != null) {
            places.ids.put(new PlaceKey(prefix, kind, segment), id);
        } else if (places.size() > SMALL_PLACES) {
            places.ids = new java.util.HashMap<>();
            for (int p = 0; p < places.size(); p++) {
                places.ids.put(new PlaceKey(places.parents[p] >= 0 ? places.parents[p] : ~places.rootSymbols[p],
                        places.kinds[p], places.segments[p]), p);
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
        return (places.segmentFilter & bits) == bits;
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
