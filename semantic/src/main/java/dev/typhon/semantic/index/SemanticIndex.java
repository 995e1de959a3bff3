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
    private final List<Constraint> constraints;
    private final List<SemanticError> errors;
    /** Built on the first {@link #useAt} query: most indexes are only walked, never queried by offset. */
    private IntIntHashMap useByOffset;

    SemanticIndex(List<Scope> scopes, List<Definition> definitions, UseTable uses, List<Constraint> constraints,
                  List<SemanticError> errors) {
        this.scopes = scopes;
        this.definitions = definitions;
        this.uses = uses;
        this.constraints = constraints;
        this.errors = errors;
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

    public List<Constraint> constraints() {
        return Collections.unmodifiableList(constraints);
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
            for (int i = 0; i < s.children.size(); i++) {
                Scope c = scopes.get(s.children.get(i));
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
            map = new IntIntHashMap(uses.size);
            for (int u = 0; u < uses.size; u++) {
                // A deleted or augmented name is read and written at one offset; the read is what a use query wants.
                int start = uses.nodes[u].startOffset();
                if (!map.containsKey(start)) {
                    map.put(start, u);
                }
            }
            useByOffset = map;
        }
        int id = map.getIfAbsent(startOffset, -1);
        return id < 0 ? null : new Use(uses, id);
    }

    /** The definitions that reach a use within its own scope, with their narrowing constraints. */
    public List<ReachingDefinition> reachingDefinitions(Use use) {
        return expand(use.bindings());
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

    /** Whether the symbol may be unbound at the end of the scope. */
    public boolean possiblyUnboundAtEnd(Scope scope, int symbol) {
        return symbol < 0 || symbol >= scope.endState.length || isPossiblyUnbound(scope.endState[symbol]);
    }

    /** Every definition of a symbol, reachable or not, in source order. */
    public List<Definition> definitionsOf(Scope scope, int symbol) {
        List<Definition> out = new ArrayList<>();
        for (Definition d : definitions) {
            if (d.scope() == scope.id && d.symbol() == symbol) {
                out.add(d);
            }
        }
        return out;
    }

    /** The module's public names: bound at the end of the module and not starting with an underscore. */
    public List<String> publicSymbols() {
        Scope m = scopes.get(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.names.size(); i++) {
            String name = m.names.get(i);
            if (!name.startsWith("_") && i < m.endState.length && m.endState[i].defs.length > 0
                    && !unbindsOnly(m.endState[i])) {
                out.add(name);
            }
        }
        return out;
    }

    /** The star imports of a scope: their names are resolved later, against the imported module. */
    public List<Definition> starImports() {
        List<Definition> out = new ArrayList<>();
        for (Definition d : definitions) {
            if (d.kind() == DefinitionKind.STAR_IMPORT) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Whether the name of a use is bound there, searching as Python does: the use's own scope by
     * flow; for module and class scopes then the enclosing function scopes and the module; free
     * names in the enclosing function that binds them; globals at the end of the module (functions
     * run later); finally the builtins, as the caller's predicate says. Names a star import may
     * provide count as bound. Unreachable uses count as bound.
     */
    public Boundness boundness(Use use, java.util.function.Predicate<String> isBuiltin) {
        if (!use.reachable()) {
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
            boolean unbound = unboundInScope(use);
            boolean possibly = possiblyUnboundInScope(use);
            if (!possibly) {
                return Boundness.BOUND;
            }
            if (s.kind.isFunctionLike()) {
                return unbound ? Boundness.UNBOUND : Boundness.POSSIBLY_UNBOUND;
            }
            Boundness fallback = s.kind == ScopeKind.MODULE ? builtin(name, isBuiltin) : outer(s, name, isBuiltin);
            if (unbound || fallback == Boundness.BOUND) {
                return fallback;
            }
            return Boundness.POSSIBLY_UNBOUND;
        }
        if (res == SymbolFlags.FREE) {
            return outer(s, name, isBuiltin);
        }
        return global(name, isBuiltin);
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

    /** Looks a name up in the scopes enclosing {@code s}, skipping class bodies. */
    private Boundness outer(Scope s, String name, java.util.function.Predicate<String> isBuiltin) {
        for (int p = s.parent; p >= 0; p = scopes.get(p).parent) {
            Scope e = scopes.get(p);
            if (e.kind == ScopeKind.MODULE) {
                return global(name, isBuiltin);
            }
            if (e.kind == ScopeKind.CLASS) {
                continue;
            }
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

    private Boundness global(String name, java.util.function.Predicate<String> isBuiltin) {
        Scope m = scopes.get(0);
        int sym = m.symbolId(name);
        boolean bound = false;
        if (sym >= 0) {
            for (Definition d : definitions) {
                if (d.symbol() == sym && d.scope() == 0 && d.reachable() && !d.kind().unbinds()
                        && d.kind() != DefinitionKind.DECLARATION) {
                    bound = true;
                    break;
                }
            }
            // Functions that declare the name global and bind it also bind the module's name.
            for (Definition d : definitions) {
                if (bound) {
                    break;
                }
                Scope ds = scopes.get(d.scope());
                if (d.scope() != 0 && d.symbol() >= 0 && d.reachable() && !d.kind().unbinds()
                        && ds.symbolName(d.symbol()).equals(name) && ds.resolution(d.symbol()) == SymbolFlags.GLOBAL_EXPLICIT) {
                    bound = true;
                }
            }
        }
        if (bound) {
            return Boundness.BOUND;
        }
        return builtin(name, isBuiltin);
    }

    private Boundness builtin(String name, java.util.function.Predicate<String> isBuiltin) {
        if (isBuiltin.test(name) || !starImports().isEmpty()) {
            return Boundness.BOUND;
        }
        return Boundness.UNBOUND;
    }

    private boolean unbindsOnly(Bindings b) {
        for (int d : b.defs) {
            if (!definitions.get(d).kind().unbinds()) {
                return false;
            }
        }
        return true;
    }

    private boolean isPossiblyUnbound(Bindings b) {
        if (b.mayBeUnbound) {
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
            List<Constraint> cs = new ArrayList<>(2);
            for (Bindings.Cons c = b.constraints[i]; c != null; c = c.next()) {
                Constraint base = constraints.get(c.constraint() >> 1);
                cs.add((c.constraint() & 1) == 0 ? base : new Constraint(base.test(), false));
            }
            out.add(new ReachingDefinition(d, cs));
        }
        return out;
    }
}
