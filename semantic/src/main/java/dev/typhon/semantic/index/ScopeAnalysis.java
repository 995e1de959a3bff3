package dev.typhon.semantic.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Resolves every symbol to local, global (explicit or implicit), free or cell, with the rules of
 * CPython's symtable analysis: class bodies are invisible to nested functions, free variables
 * pass through the scopes between use and binding, {@code nonlocal} needs an enclosing binding.
 *
 * <p>Unlike CPython it never copies the visible-name sets for each child: a scope builds new sets
 * only when it changes what its children see (it binds names or declares globals), and empty sets
 * are {@code null}. The results are the same.
 */
final class ScopeAnalysis {
    private final List<Scope> scopes;
    private final List<SemanticIndexBuilder.Directive> directives;
    private final List<SemanticError> errors;
    /** (scope, symbol) pairs resolved as {@link SymbolFlags#GLOBAL_EXPLICIT}, for the index to find without a search. */
    private final IntArrayList globalExplicit = new IntArrayList(0);

    private ScopeAnalysis(List<Scope> scopes, List<SemanticIndexBuilder.Directive> directives, List<SemanticError> errors) {
        this.scopes = scopes;
        this.directives = directives;
        this.errors = errors;
    }

    /** Resolves every scope's symbols; returns the (scope, symbol) pairs resolved as explicitly global. */
    static IntArrayList analyze(List<Scope> scopes, List<SemanticIndexBuilder.Directive> directives, List<SemanticError> errors,
                                IntArrayList unanalysed) {
        ScopeAnalysis a = new ScopeAnalysis(scopes, directives, errors);
        a.block(scopes.get(0), null, null, true);
        // Scopes CPython never analyses (3.11's annotation blocks, and what they hold): bound names
        // are local, others global. (Empty annotation scopes, never entered, need nothing.)
        for (int k = 0; k < unanalysed.size(); k++) {
            Scope s = scopes.get(unanalysed.get(k));
            if (s.resolution.length < s.symbolCount) {
                byte[] r = new byte[s.symbolCount];
                for (int i = 0; i < r.length; i++) {
                    int f = s.flags[i];
                    r[i] = (byte) ((f & SymbolFlags.BOUND) != 0 ? SymbolFlags.LOCAL : SymbolFlags.GLOBAL_IMPLICIT);
                }
                s.resolution = r;
            }
        }
        return a.globalExplicit;
    }

    /**
     * Analyses a scope and its children.
     *
     * @param bound  names bound in enclosing function scopes (read only; null when empty)
     * @param global names known to be global (read only; null when empty)
     * @param module whether this is the module (where {@code nonlocal} has no binding to find)
     * @return the free names this scope and its children need from further out (null when none)
     */
    private Set<String> block(Scope ste, Set<String> bound, Set<String> global, boolean module) {
        boolean isClass = ste.kind == ScopeKind.CLASS;
        boolean isFunction = ste.kind.isFunctionLike();
        int count = ste.symbolCount;
        byte[] resolution = count == 0 ? ste.resolution : new byte[count];
        Set<String> local = null;
        Set<String> declaredGlobal = null;
        Set<String> free = null;
        // Locals and global declarations matter only to children; most scopes have none.
        boolean hasChildren = ste.childCount != 0;
        // A class passes on what it got; a module's locals only shadow globals declared further in.
        boolean collectLocals = hasChildren && !isClass && (isFunction || global != null);
        boolean collectGlobals = hasChildren && !isClass;
        for (int i = 0; i < count; i++) {
            String name = ste.names[i];
            int flags = ste.flags[i];
            int res;
            if ((flags & SymbolFlags.GLOBAL) != 0) {
                if ((flags & SymbolFlags.NONLOCAL) != 0) {
                    errorAtDirective(ste, name, "name '" + name + "' is nonlocal and global");
                }
                if (collectGlobals) {
                    declaredGlobal = add(declaredGlobal, name);
                }
                res = SymbolFlags.GLOBAL_EXPLICIT;
                globalExplicit.add(ste.id);
                globalExplicit.add(i);
            } else if ((flags & SymbolFlags.NONLOCAL) != 0) {
                if (module) {
                    errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
                    res = SymbolFlags.GLOBAL_IMPLICIT;
                } else {
                    if (bound == null || !bound.contains(name)) {
                        errorAtDirective(ste, name, "no binding for nonlocal '" + name + "' found");
                    }
                    free = add(free, name);
                    res = SymbolFlags.FREE;
                }
            } else if ((flags & SymbolFlags.BOUND) != 0) {
                if (collectLocals) {
                    local = add(local, name);
                }
                res = SymbolFlags.LOCAL;
            } else if (bound != null && bound.contains(name)) {
                free = add(free, name);
                res = SymbolFlags.FREE;
            } else {
                res = SymbolFlags.GLOBAL_IMPLICIT;
            }
            resolution[i] = (byte) res;
        }

        // What the children see. Class bindings are invisible to them; a class passes on what it got.
        Set<String> childBound;
        Set<String> childGlobal;
        if (!hasChildren) {
            childBound = null;
            childGlobal = null;
        } else if (isClass) {
            // Children only read the set (they copy it to change it): an immutable one when it holds just __class__,
            // which every method of a top-level class asks about each name it does not bind.
            if (bound == null) {
                childBound = CLASS_CELL;
            } else {
                childBound = new HashSet<>(bound);
                childBound.add("__class__");
            }
            childGlobal = global;
        } else {
            childBound = bound;
            if (declaredGlobal != null && childBound != null) {
                childBound = new HashSet<>(childBound);
                childBound.removeAll(declaredGlobal);
            }
            if (isFunction && local != null) {
                if (childBound == bound) {
                    childBound = bound == null ? new HashSet<>() : new HashSet<>(bound);
                }
                childBound.addAll(local);
            }
            childGlobal = global;
            if (declaredGlobal != null || (local != null && global != null)) {
                childGlobal = global == null ? new HashSet<>() : new HashSet<>(global);
                if (declaredGlobal != null) {
                    childGlobal.addAll(declaredGlobal);
                }
                if (local != null) {
                    childGlobal.removeAll(local);
                }
            }
        }
        if (childBound != null && childBound.isEmpty()) {
            childBound = null;
        }
        if (childGlobal != null && childGlobal.isEmpty()) {
            childGlobal = null;
        }

        Set<String> childFree = null;
        for (int i = 0; i < ste.childCount; i++) {
            Set<String> f = block(scopes.get(ste.children[i]), childBound, childGlobal, false);
            if (f != null) {
                if (childFree == null) {
                    childFree = new HashSet<>(f);
                } else {
                    childFree.addAll(f);
                }
            }
        }
        if (childFree != null) {
            if (isFunction) {
                for (int i = 0; i < count; i++) {
                    if (resolution[i] == SymbolFlags.LOCAL && childFree.remove(ste.names[i])) {
                        resolution[i] = SymbolFlags.CELL;
                    }
                }
            } else if (isClass) {
                childFree.remove("__class__");
            }
            // Free variables of children pass through this scope when they are bound further out.
            int added = 0;
            for (String name : childFree) {
                int sym = ste.symbolId(name);
                if (sym >= 0) {
                    if (isClass && (ste.flags[sym] & (SymbolFlags.BOUND | SymbolFlags.GLOBAL)) != 0) {
                        ste.flags[sym] |= SymbolFlags.FREE_CLASS;
                    }
                    continue;
                }
                if (!module && (bound == null || !bound.contains(name))) {
                    continue;
                }
                ste.symbol(name);
                added++;
            }
            if (added > 0) {
                resolution = java.util.Arrays.copyOf(resolution, ste.symbolCount);
                for (int i = count; i < resolution.length; i++) {
                    resolution[i] = SymbolFlags.FREE;
                }
            }
            if (free == null) {
                free = childFree;
            } else {
                free.addAll(childFree);
            }
        }
        ste.resolution = resolution;
        return free == null || free.isEmpty() ? null : free;
    }

    private static final Set<String> CLASS_CELL = Set.of("__class__");

    private static Set<String> add(Set<String> set, String name) {
        Set<String> s = set == null ? new HashSet<>() : set;
        s.add(name);
        return s;
    }

    private void errorAtDirective(Scope ste, String name, String message) {
        for (SemanticIndexBuilder.Directive d : directives) {
            if (d.scope() == ste.id && d.name().equals(name)) {
                errors.add(new SemanticError(message, d.lineno(), d.column(), d.startOffset()));
                return;
            }
        }
        errors.add(new SemanticError(message, ste.lineno, 1, ste.startOffset));
    }
}
