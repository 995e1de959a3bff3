package dev.typhon.semantic.index;

import dev.typhon.ast.Module;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;

/**
 * The semantic index of one module: its scopes and symbol tables, every definition, and for every
 * name use the definitions that can reach it. Nodes are identified by their start offsets.
 * Build one with {@link #of(Module, IndexOptions)}.
 */
public final class SemanticIndex {
    private final List<Scope> scopes;
    private final List<Definition> definitions;
    private final UseTable uses;
    private final UseTable placeUses;
    private final ConstraintTable constraints;
    private final Reachability reachability;
    private final Bindings[] declarationsAtBinding;
    private final List<SemanticError> errors;
    /**
     * Definitions and uses by (scope, symbol) and definitions by (scope, place): built on the first
     * lookup that needs them (a checker asks for them on a fraction of the modules it indexes) and
     * published through a volatile field like {@link #useByOffset}; constant time from then on.
     */
    private volatile Lookups lookups;

    /**
     * @param symbolBase first (scope, symbol) key of each scope in the maps; the last entry is the total
     * @param placeBase  the same for (scope, place) keys
     */
    private record Lookups(int[] symbolBase, int[] placeBase, IdMultimap definitionsBySymbol,
                           IdMultimap definitionsByPlace, IdMultimap usesBySymbol) {
    }
    /** Module symbols that a function binds through a {@code global} declaration. */
    private final boolean[] boundThroughGlobal;
    private final boolean hasStarImport;
    /**
     * Built on the first {@link #useAt} query (most indexes are only walked, never queried by
     * offset) and published through a volatile field: two threads may both build it, each an
     * equal, never-mutated map, and either is fine to keep.
     */
    private volatile IntIntHashMap useByOffset;
    private volatile IntIntHashMap placeUseByOffset;

    /**
     * @param scopeDefinitions for each scope s, at [2s] and [2s + 1], the range of definition ids
     *                         within which all its own definitions lie (those made while it was walked)
     * @param starImport       whether a reachable star import was met
     * @param globalExplicit   (scope, symbol) pairs whose resolution is {@link SymbolFlags#GLOBAL_EXPLICIT}
     */
    SemanticIndex(List<Scope> scopes, List<Definition> definitions, UseTable uses, UseTable placeUses,
                  ConstraintTable constraints, Reachability reachability, Bindings[] declarationsAtBinding,
                  List<SemanticError> errors, int[] scopeDefinitions, boolean starImport,
                  org.eclipse.collections.impl.list.mutable.primitive.IntArrayList globalExplicit) {
        this.scopes = scopes;
        this.definitions = definitions;
        this.uses = uses;
        this.placeUses = placeUses;
        this.constraints = constraints;
        this.reachability = reachability;
        this.declarationsAtBinding = declarationsAtBinding;
        this.errors = errors;
        Scope module = scopes.get(0);
        boundThroughGlobal = new boolean[module.symbolCount()];
        // Module symbols bound by a function through `global`: only the few symbols declared so need looking at.
        for (int k = 0; k < globalExplicit.size(); k += 2) {
            int i = globalExplicit.get(k);
            int sym = globalExplicit.get(k + 1);
            if (i == 0) {
                continue;
            }
            int g = module.symbolId(scopes.get(i).names[sym]);
            if (g < 0 || boundThroughGlobal[g]) {
                continue;
            }
            for (int id = scopeDefinitions[2 * i], end = scopeDefinitions[2 * i + 1]; id < end; id++) {
                Definition d = definitions.get(id);
                if (d.scope() == i && d.symbol() == sym && d.reachable() && !d.kind().unbinds()
                        && d.kind() != DefinitionKind.DECLARATION) {
                    boundThroughGlobal[g] = true;
                    break;
                }
            }
        }
        boolean star = starImport;
        hasStarImport = star;
    }

    private Lookups lookups() {
        Lookups l = lookups;
        if (l == null) {
            int scopeCount = scopes.size();
            int[] symbolBase = new int[scopeCount + 1];
            int[] placeBase = new int[scopeCount + 1];
            for (int i = 0; i < scopeCount; i++) {
                Scope s = scopes.get(i);
                symbolBase[i + 1] = symbolBase[i] + s.symbolCount;
                placeBase[i + 1] = placeBase[i] + (s.places == null ? 0 : s.places.size());
            }
            int n = definitions.size();
            IdMultimap bySymbol = IdMultimap.of(symbolBase[scopeCount], n, i -> {
                Definition d = definitions.get(i);
                return d.symbol() >= 0 ? symbolBase[d.scope()] + d.symbol() : -1;
            });
            IdMultimap byPlace = IdMultimap.of(placeBase[scopeCount], n, i -> {
                Definition d = definitions.get(i);
                return d.place() >= 0 ? placeBase[d.scope()] + d.place() : -1;
            });
            IdMultimap uses = IdMultimap.of(symbolBase[scopeCount], this.uses.size,
                    u -> symbolBase[this.uses.scope(u)] + this.uses.symbols[u]);
            l = new Lookups(symbolBase, placeBase, bySymbol, byPlace, uses);
            lookups = l;
        }
        return l;
    }

    public static SemanticIndex of(Module module, IndexOptions options) {
        return SemanticIndexBuilder.build(module, options);
    }

    public static SemanticIndex of(Module module) {
        return SemanticIndexBuilder.build(module, IndexOptions.DEFAULT);
    }

    public List<Scope> scopes() {
        return Collections.unmodifiableList(scopes);
    }

    public Scope scope(int id) {
        return scopes.get(id);
    }

    public Scope moduleScope() {
        return scopes.get(0);
    }

    public List<Definition> definitions() {
        return Collections.unmodifiableList(definitions);
    }

    public Definition definition(int id) {
        return definitions.get(id);
    }

    /** Every name read, in walk order (a view: each element is made on access). */
    public List<Use> uses() {
        return new java.util.AbstractList<>() {
            @Override
            public Use get(int index) {
                java.util.Objects.checkIndex(index, uses.size);
                return new Use(uses, index);
            }

            @Override
            public int size() {
                return uses.size;
            }
        };
    }

    public int useCount() {
        return uses.size;
    }

    public Use use(int id) {
        java.util.Objects.checkIndex(id, uses.size);
        return new Use(uses, id);
    }

    /** Every read of a member place ({@code self.x}, {@code d["k"]}) the index tracks, in walk order. */
    public List<PlaceUse> placeUses() {
        return new java.util.AbstractList<>() {
            @Override
            public PlaceUse get(int index) {
                java.util.Objects.checkIndex(index, placeUses.size);
                return new PlaceUse(placeUses, index);
            }

            @Override
            public int size() {
                return placeUses.size;
            }
        };
    }

    /** The predicates of the module's narrowing and reachability constraints, by id. */
    public List<Constraint> constraints() {
        return constraints.asList();
    }

    /** The reachability formulas that definitions, uses and reaching definitions refer to. */
    public Reachability reachability() {
        return reachability;
    }

    /** Scoping errors, in the order CPython would meet them (it reports only the first). */
    public List<SemanticError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** The innermost scope whose code contains the offset (decorators, defaults and the like belong outside). */
    public Scope scopeAt(int offset) {
        Scope s = scopes.get(0);
        outer:
        while (true) {
            for (int i = 0; i < s.childCount; i++) {
                Scope c = scopes.get(s.children[i]);
                if (offset >= c.startOffset && offset < c.endOffset && !c.inHole(offset)) {
                    s = c;
                    continue outer;
                }
            }
            return s;
        }
    }

    /** The use of the name starting at this offset, or null. */
    public Use useAt(int startOffset) {
        IntIntHashMap map = useByOffset;
        if (map == null) {
            map = offsets(uses);
            useByOffset = map;
        }
        int id = map.getIfAbsent(startOffset, -1);
        return id < 0 ? null : new Use(uses, id);
    }

    /** The read of the place ({@code self.x}, ...) whose expression starts at this offset and is the longest there, or null. */
    public PlaceUse placeUseAt(int startOffset) {
        IntIntHashMap map = placeUseByOffset;
        if (map == null) {
            map = offsets(placeUses);
            placeUseByOffset = map;
        }
        int id = map.getIfAbsent(startOffset, -1);
        return id < 0 ? null : new PlaceUse(placeUses, id);
    }

    private static IntIntHashMap offsets(UseTable table) {
        IntIntHashMap map = new IntIntHashMap(table.size);
        for (int u = 0; u < table.size; u++) {
            // A deleted or augmented name is read and written at one offset; the read (first) is what a use query wants.
            // Of nested places at one offset (a.b.c, a.b) the outer one is recorded first: the longest path wins.
            int start = table.nodes[u].startOffset();
            if (!map.containsKey(start)) {
                map.put(start, u);
            }
        }
        return map;
    }

    /** The definitions that reach a use within its own scope, with their narrowing constraints. */
    public List<ReachingDefinition> reachingDefinitions(Use use) {
        return expand(use.bindings());
    }

    /** Everything live for a name where it is read, the implicit unbound state included. */
    public ReachingBindings bindings(Use use) {
        return full(use.bindings());
    }

    /** Everything live for a member place where it is read: its assignments, and its implicit value with the tests that narrow it. */
    public ReachingBindings bindings(PlaceUse use) {
        return full(use.bindings());
    }

    /** Whether some path reaches the use with the name not bound in the use's own scope. */
    public boolean possiblyUnboundInScope(Use use) {
        return isPossiblyUnbound(use.bindings());
    }

    /** Whether no path binds the name in the use's own scope before the use. */
    public boolean unboundInScope(Use use) {
        for (int d : use.bindings().defs) {
            if (!definitions.get(d).kind().unbinds()) {
                return false;
            }
        }
        return true;
    }

    /** The bindings visible at the end of a scope (what an importer sees of a module). */
    public List<ReachingDefinition> endOfScopeDefinitions(Scope scope, int symbol) {
        if (symbol < 0 || symbol >= scope.endState.length) {
            return List.of();
        }
        return expand(scope.endState[symbol]);
    }

    /** Everything live for a symbol at the end of its scope. */
    public ReachingBindings endOfScopeBindings(Scope scope, int symbol) {
        if (symbol < 0 || symbol >= scope.endState.length) {
            return full(Bindings.UNBOUND);
        }
        return full(scope.endState[symbol]);
    }

    /** Everything live for a member place at the end of its scope. */
    public ReachingBindings endOfScopePlaceBindings(Scope scope, int place) {
        Bindings[] ends = scope.placeEndState();
        Bindings b = place >= 0 && place < ends.length ? ends[place] : Bindings.UNBOUND;
        return full(b);
    }

    /** Whether the symbol may be unbound at the end of the scope. */
    public boolean possiblyUnboundAtEnd(Scope scope, int symbol) {
        return symbol < 0 || symbol >= scope.endState.length || isPossiblyUnbound(scope.endState[symbol]);
    }

    /**
     * The declarations of a symbol live where a binding of it happens ({@code x: int} before
     * {@code x = 1}; an annotated assignment is its own): what the bound value is checked against.
     */
    public List<Definition> declarationsAt(Definition binding) {
        Bindings b = binding.kind() != DefinitionKind.DECLARATION && binding.id() < declarationsAtBinding.length
                ? declarationsAtBinding[binding.id()] : null;
        return b == null ? List.of() : ids(b.defs);
    }

    /**
     * The bindings of a symbol live where a pure declaration of it is made ({@code x = 1} before
     * {@code x: str}, or bound in the previous iteration of a loop around it): what the declared type
     * must accept. Empty of definitions, and possibly unbound, when nothing binds it before.
     */
    public ReachingBindings bindingsAtDeclaration(Definition declaration) {
        Bindings b = declaration.kind() == DefinitionKind.DECLARATION && declaration.id() < declarationsAtBinding.length
                ? declarationsAtBinding[declaration.id()] : null;
        return full(b == null ? Bindings.UNBOUND : b);
    }

    /** The declarations of a name live where it is read ({@code x: int} before {@code print(x)}), in its own scope. */
    public List<Definition> declarationsAt(Use use) {
        Bindings b = uses.declarations(use.id());
        return b == null ? List.of() : ids(b.defs);
    }

    /** The declarations of a symbol live at the end of its scope: its declared type as seen from outside. */
    public List<Definition> endOfScopeDeclarations(Scope scope, int symbol) {
        Bindings b = symbol >= 0 && symbol < scope.endDeclarations.length ? scope.endDeclarations[symbol] : null;
        return b == null ? List.of() : ids(b.defs);
    }

    private List<Definition> ids(int[] defs) {
        List<Definition> out = new ArrayList<>(defs.length);
        for (int d : defs) {
            out.add(definitions.get(d));
        }
        return out;
    }

    /**
     * For a scope that runs where it appears (class body, comprehension, type parameters): the
     * bindings of {@code name} in the enclosing scope at that point, or null when this scope keeps
     * none for the name (a lazy scope, a name it binds itself, a name the enclosing scope had not
     * met yet there, or an enclosing class body, which name lookup skips).
     */
    public ReachingBindings eagerSnapshot(Scope scope, String name) {
        if (scope.snapshotSymbols == null || scope.parent < 0) {
            return null;
        }
        int sym = scopes.get(scope.parent).symbolId(name);
        for (int i = 0; i < scope.snapshotSymbols.length; i++) {
            if (scope.snapshotSymbols[i] == sym) {
                return full(scope.snapshotBindings[i]);
            }
        }
        return null;
    }

    /**
     * What a name that {@code scope} reads but does not bind is, seen from where the scope runs:
     * for an eagerly run scope (and a chain of them, class bodies skipped) the bindings in the
     * enclosing scope that binds it at that point, unbound if that scope binds it only later;
     * null when a lazy scope lies on the way (it reads the enclosing scope as it ends) or no
     * enclosing scope binds the name.
     */
    public ReachingBindings eagerLookup(Scope scope, String name) {
        if (!scope.isEager()) {
            return null;
        }
        Scope child = scope;
        for (int p = scope.parent; p >= 0; child = scopes.get(p), p = scopes.get(p).parent) {
            Scope e = scopes.get(p);
            if (e.kind == ScopeKind.CLASS) {
                continue;
            }
            int sym = e.symbolId(name);
            // only a scope that binds the name itself says what it is; one that reads it from
            // further out (a function reading a global) is looked through, its snapshot is empty
            boolean local = sym >= 0 && (e.kind == ScopeKind.MODULE || e.resolution(sym) == SymbolFlags.LOCAL
                    || e.resolution(sym) == SymbolFlags.CELL);
            ReachingBindings snap = local ? eagerSnapshot(child, name) : null;
            if (snap != null) {
                return snap;
            }
            if (sym >= 0 && e.resolution(sym) == SymbolFlags.GLOBAL_EXPLICIT) {
                // `global x` then `x = ...` in the enclosing function: what it bound so far, if anything
                ReachingBindings bound = eagerSnapshot(child, name);
                return bound != null && !bound.definitions().isEmpty() ? bound : null;
            }
            if (local) {
                return full(Bindings.UNBOUND);  // bound there, but only after this scope ran
            }
            if (!e.isEager()) {
                return null;
            }
        }
        return null;
    }

    /**
     * The bindings of a module global made in functions through {@code global name}: a name read
     * from other scopes sees them as well as the module's own.
     */
    public List<Definition> bindingsThroughGlobal(String name) {
        Scope m = scopes.get(0);
        int g = m.symbolId(name);
        if (g < 0 || !boundThroughGlobal[g]) {
            return List.of();
        }
        List<Definition> out = new ArrayList<>();
        for (Scope s : scopes) {
            int sym = s.symbolId(name);
            if (s.id == 0 || sym < 0 || s.resolution(sym) != SymbolFlags.GLOBAL_EXPLICIT) {
                continue;
            }
            for (Definition d : definitionsOf(s, sym)) {
                if (d.reachable() && !d.kind().unbinds() && d.kind() != DefinitionKind.DECLARATION) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** Every definition of a symbol, reachable or not, in source order. Constant time to find. */
    public List<Definition> definitionsOf(Scope scope, int symbol) {
        if (symbol < 0 || symbol >= scope.symbolCount()) {
            return List.of();
        }
        Lookups l = lookups();
        return slice(l.definitionsBySymbol(), l.symbolBase()[scope.id] + symbol);
    }

    /** Every declaration of a symbol ({@code x: int}, annotated parameters, def, class, import, ...), in source order. */
    public List<Definition> declarationsOf(Scope scope, int symbol) {
        List<Definition> out = new ArrayList<>(2);
        for (Definition d : definitionsOf(scope, symbol)) {
            if (SemanticIndexBuilder.declares(d.kind(), d.node())) {
                out.add(d);
            }
        }
        return out;
    }

    /** Every definition of a member place ({@code self.x = ...}, ...), in source order. */
    public List<Definition> definitionsOfPlace(Scope scope, int place) {
        if (place < 0 || place >= scope.places().size()) {
            return List.of();
        }
        Lookups l = lookups();
        return slice(l.definitionsByPlace(), l.placeBase()[scope.id] + place);
    }

    /** Every read of a symbol in its scope, in source order. */
    public List<Use> usesOf(Scope scope, int symbol) {
        if (symbol < 0 || symbol >= scope.symbolCount()) {
            return List.of();
        }
        Lookups l = lookups();
        int key = l.symbolBase()[scope.id] + symbol;
        IdMultimap usesBySymbol = l.usesBySymbol();
        List<Use> out = new ArrayList<>(usesBySymbol.size(key));
        for (int i = 0; i < usesBySymbol.size(key); i++) {
            out.add(new Use(uses, usesBySymbol.get(key, i)));
        }
        return out;
    }

    private List<Definition> slice(IdMultimap map, int key) {
        int n = map.size(key);
        List<Definition> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(definitions.get(map.get(key, i)));
        }
        return out;
    }

    /** The module's public names: bound at the end of the module and not starting with an underscore. */
    public List<String> publicSymbols() {
        Scope m = scopes.get(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.symbolCount; i++) {
            String name = m.names[i];
            if (!name.startsWith("_") && i < m.endState.length && bindsHere(m.endState[i])) {
                out.add(name);
            }
        }
        return out;
    }

    /** The star imports of the module: their names are resolved later, against the imported module. */
    public List<Definition> starImports() {
        if (!hasStarImport) {
            return List.of();
        }
        List<Definition> out = new ArrayList<>();
        for (Definition d : definitions) {
            if (d.kind() == DefinitionKind.STAR_IMPORT) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * What an index alone can say of its predicates, before any type is known: a call made as a
     * statement returns, a context manager does not swallow exceptions, and every test or pattern
     * may go either way.
     */
    public static final Reachability.Oracle DEFAULT_ORACLE = c -> Reachability.Truth.AMBIGUOUS;

    private Reachability.Truth defaultTruth(int constraint, Reachability.Oracle oracle) {
        Reachability.Truth t = oracle.evaluate(constraint);
        if (t != Reachability.Truth.AMBIGUOUS || oracle != DEFAULT_ORACLE) {
            return t;
        }
        return switch (constraints.kind(constraint)) {
            case CALL_RETURNS -> Reachability.Truth.ALWAYS_TRUE;
            case WITH_SWALLOWS -> Reachability.Truth.ALWAYS_FALSE;
            default -> Reachability.Truth.AMBIGUOUS;
        };
    }

    private volatile Reachability.Evaluation defaultEvaluation;

    /**
     * This index's formulas under an oracle, each evaluated once however many queries ask
     * (predicates the oracle leaves ambiguous are decided as {@link #DEFAULT_ORACLE} decides them
     * when it is that oracle). Keep one per oracle for a batch of queries.
     */
    public Reachability.Evaluation evaluation(Reachability.Oracle oracle) {
        if (oracle == DEFAULT_ORACLE) {
            Reachability.Evaluation e = defaultEvaluation;
            if (e == null) {
                e = new Reachability.Evaluation(reachability, c -> defaultTruth(c, oracle));
                defaultEvaluation = e;
            }
            return e;
        }
        return new Reachability.Evaluation(reachability, oracle);
    }

    /** Whether a formula may hold: not ruled out by the oracle. */
    public boolean mayHold(int formula, Reachability.Oracle oracle) {
        return formula == Reachability.ALWAYS_TRUE || mayHold(formula, evaluation(oracle));
    }

    public boolean mayHold(int formula, Reachability.Evaluation evaluation) {
        return formula == Reachability.ALWAYS_TRUE || evaluation.truth(formula) != Reachability.Truth.ALWAYS_FALSE;
    }

    /** Whether the name of a use is bound there (see the other overload), deciding predicates as {@link #DEFAULT_ORACLE} does. */
    public Boundness boundness(Use use, java.util.function.Predicate<String> isBuiltin) {
        return boundness(use, isBuiltin, evaluation(DEFAULT_ORACLE));
    }

    /**
     * Whether the name of a use is bound there, searching as Python does: the use's own scope by
     * flow; for module and class scopes then the enclosing function scopes and the module; free
     * names in the enclosing function that binds them, as they are where an eager scope runs
     * (its snapshot) or at the end of that function; globals at the end of the module (functions
     * run later); finally the builtins, as the caller's predicate says. Names a star import may
     * provide count as bound. Bindings and uses the oracle rules out do not count; uses it rules
     * out (and statically unreachable ones) count as bound.
     */
    public Boundness boundness(Use use, java.util.function.Predicate<String> isBuiltin, Reachability.Evaluation oracle) {
        if (!use.reachable() || !mayHold(use.reachability(), oracle)) {
            return Boundness.BOUND;
        }
        Scope s = scopes.get(use.scope());
        int symbol = use.symbol();
        String name = s.symbolName(symbol);
        if (s.kind == ScopeKind.ANNOTATION) {
            return deferred(s, name, isBuiltin);
        }
        int res = s.resolution(symbol);
        // At module level the flow is the truth whatever the name's resolution (global declarations included).
        if (res == SymbolFlags.LOCAL || res == SymbolFlags.CELL || s.kind == ScopeKind.MODULE) {
            Boundness here = local(use.bindings(), use.reachability(), oracle);
            if (here == Boundness.BOUND) {
                return here;
            }
            if (s.kind.isFunctionLike()) {
                return here;
            }
            Boundness fallback = s.kind == ScopeKind.MODULE ? builtin(name, isBuiltin) : outer(s, name, isBuiltin, oracle);
            if (here == Boundness.UNBOUND || fallback == Boundness.BOUND) {
                return fallback;
            }
            return Boundness.POSSIBLY_UNBOUND;
        }
        if (res == SymbolFlags.FREE || (res == SymbolFlags.GLOBAL_IMPLICIT && s.isEager())) {
            return outer(s, name, isBuiltin, oracle);
        }
        return global(name, isBuiltin);
    }

    /** Boundness within one scope's flow: which of the live bindings (and the unbound state) the oracle lets through. */
    private Boundness local(Bindings b, int at, Reachability.Evaluation oracle) {
        boolean bound = false;
        boolean unbound = b.mayBeUnbound() && mayHoldBoth(b.unboundReach, at, oracle);
        for (int i = 0; i < b.defs.length; i++) {
            if (!mayHoldBoth(b.reach[i], at, oracle)) {
                continue;
            }
            if (definitions.get(b.defs[i]).kind().unbinds()) {
                unbound = true;
            } else {
                bound = true;
            }
        }
        return !unbound ? Boundness.BOUND : bound ? Boundness.POSSIBLY_UNBOUND : Boundness.UNBOUND;
    }

    private boolean mayHoldBoth(int stored, int at, Reachability.Evaluation oracle) {
        return stored == Reachability.ALWAYS_TRUE ? mayHold(at, oracle) : mayHold(stored, oracle) && mayHold(at, oracle);
    }

    /**
     * A deferred annotation runs after its enclosing scopes are complete and sees the class body
     * it sits in (PEP 649): any binding in an enclosing scope will do.
     */
    private Boundness deferred(Scope s, String name, java.util.function.Predicate<String> isBuiltin) {
        boolean first = true;
        for (int p = s.parent; p >= 0; p = scopes.get(p).parent) {
            Scope e = scopes.get(p);
            if (e.kind == ScopeKind.MODULE) {
                return global(name, isBuiltin);
            }
            if (e.kind == ScopeKind.ANNOTATION || (e.kind == ScopeKind.CLASS && !first)) {
                continue;
            }
            first = false;
            int sym = e.symbolId(name);
            if (sym >= 0) {
                for (Definition d : definitionsOf(e, sym)) {
                    if (!d.kind().unbinds() && d.kind() != DefinitionKind.DECLARATION && d.reachable()) {
                        return Boundness.BOUND;
                    }
                }
            }
        }
        return global(name, isBuiltin);
    }

    /**
     * Looks a name up in the scopes enclosing {@code s}, skipping class bodies. While every scope
     * on the way runs eagerly, the name is read as it is where they run (their snapshot);
     * past a lazy scope, any binding in the enclosing function will do.
     */
    private Boundness outer(Scope s, String name, java.util.function.Predicate<String> isBuiltin,
                            Reachability.Evaluation oracle) {
        boolean eager = s.isEager();
        Scope child = s;
        for (int p = s.parent; p >= 0; child = scopes.get(p), p = scopes.get(p).parent) {
            Scope e = scopes.get(p);
            if (e.kind == ScopeKind.CLASS) {
                eager &= e.isEager();
                continue;
            }
            if (eager && e.kind != ScopeKind.ANNOTATION) {
                ReachingBindings snap = eagerSnapshot(child, name);
                int sym = e.symbolId(name);
                boolean local = sym >= 0 && (e.kind == ScopeKind.MODULE || e.resolution(sym) == SymbolFlags.LOCAL
                        || e.resolution(sym) == SymbolFlags.CELL);
                if (local) {
                    Boundness here = snap == null ? Boundness.UNBOUND
                            : local(snapshotBindings(child, sym), Reachability.ALWAYS_TRUE, oracle);
                    if (here == Boundness.BOUND || e.kind.isFunctionLike()) {
                        return here;
                    }
                    // A module-level name not bound yet where the scope runs falls back to the builtins.
                    Boundness fallback = builtin(name, isBuiltin);
                    return here == Boundness.UNBOUND || fallback == Boundness.BOUND ? fallback : Boundness.POSSIBLY_UNBOUND;
                }
            }
            if (e.kind == ScopeKind.MODULE) {
                return global(name, isBuiltin);
            }
            eager &= e.isEager();
            int sym = e.symbolId(name);
            if (sym >= 0 && (e.resolution(sym) == SymbolFlags.LOCAL || e.resolution(sym) == SymbolFlags.CELL)) {
                for (Definition d : definitionsOf(e, sym)) {
                    if (!d.kind().unbinds() && d.kind() != DefinitionKind.DECLARATION) {
                        return Boundness.BOUND;
                    }
                }
                return Boundness.UNBOUND;
            }
            if (sym >= 0 && (e.resolution(sym) == SymbolFlags.GLOBAL_EXPLICIT)) {
                return global(name, isBuiltin);
            }
        }
        return global(name, isBuiltin);
    }

    private Bindings snapshotBindings(Scope child, int sym) {
        for (int i = 0; i < child.snapshotSymbols.length; i++) {
            if (child.snapshotSymbols[i] == sym) {
                return child.snapshotBindings[i];
            }
        }
        return Bindings.UNBOUND;
    }

    /** A name read where its module-level binding is looked up late (from a function): any binding will do. */
    private Boundness global(String name, java.util.function.Predicate<String> isBuiltin) {
        Scope m = scopes.get(0);
        int sym = m.symbolId(name);
        if (sym >= 0) {
            if (boundThroughGlobal[sym]) {
                return Boundness.BOUND;
            }
            // A declared module name counts too: read late, it has its declared type (`x: int` in a stub, say).
            for (Definition d : definitionsOf(m, sym)) {
                if (d.reachable() && !d.kind().unbinds()) {
                    return Boundness.BOUND;
                }
            }
        }
        return builtin(name, isBuiltin);
    }

    private Boundness builtin(String name, java.util.function.Predicate<String> isBuiltin) {
        if (isBuiltin.test(name) || hasStarImport) {
            return Boundness.BOUND;
        }
        return Boundness.UNBOUND;
    }

    /** Whether a definition of this module binds (a star import's names belong to the module it imports). */
    private boolean bindsHere(Bindings b) {
        for (int d : b.defs) {
            DefinitionKind k = definitions.get(d).kind();
            if (!k.unbinds() && k != DefinitionKind.STAR_IMPORT) {
                return true;
            }
        }
        return false;
    }

    private boolean isPossiblyUnbound(Bindings b) {
        if (b.mayBeUnbound()) {
            return true;
        }
        for (int d : b.defs) {
            if (definitions.get(d).kind().unbinds()) {
                return true;
            }
        }
        return false;
    }

    private List<ReachingDefinition> expand(Bindings b) {
        List<ReachingDefinition> out = new ArrayList<>(b.defs.length);
        for (int i = 0; i < b.defs.length; i++) {
            Definition d = definitions.get(b.defs[i]);
            if (d.kind().unbinds()) {
                continue;
            }
            out.add(new ReachingDefinition(d, constraints(b.constraints[i]), b.reach[i]));
        }
        return out;
    }

    private ReachingBindings full(Bindings b) {
        List<Constraint> unbound = b.mayBeUnbound() ? constraints(b.unboundConstraints) : List.of();
        int unboundReach = b.mayBeUnbound() ? b.unboundReach : Reachability.ALWAYS_FALSE;
        for (int i = 0; i < b.defs.length; i++) {
            if (definitions.get(b.defs[i]).kind().unbinds()) {
                // A deletion leaves the name unbound under its own condition; with more than one path, any.
                unboundReach = unboundReach == Reachability.ALWAYS_FALSE ? b.reach[i] : Reachability.ALWAYS_TRUE;
            }
        }
        return new ReachingBindings(expand(b), isPossiblyUnbound(b), unbound, unboundReach);
    }

    private List<Constraint> constraints(Bindings.Cons c) {
        if (c == null) {
            return List.of();
        }
        List<Constraint> cs = new ArrayList<>(2);
        for (; c != null; c = c.next()) {
            cs.add(constraints.get(c.constraint() >> 1, (c.constraint() & 1) == 0));
        }
        return cs;
    }
}
