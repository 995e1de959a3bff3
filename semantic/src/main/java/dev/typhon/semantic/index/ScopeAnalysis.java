package dev.typhon.semantic.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves every symbol to local, global (explicit or implicit), free or cell, with the rules of
 * CPython's symtable analysis: class bodies are invisible to nested functions, free variables
 * pass through the scopes between use and binding, {@code nonlocal} needs an enclosing binding.
 */
final class ScopeAnalysis {
    private final List<Scope> scopes;
    private final List<SemanticIndexBuilder.Directive> directives;
    private final List<SemanticError> errors;

    private ScopeAnalysis(List<Scope> scopes, List<SemanticIndexBuilder.Directive> directives, List<SemanticError> errors) {
        this.scopes = scopes;
        this.directives = directives;
        this.errors = errors;
    }

    static void analyze(List<Scope> scopes, List<SemanticIndexBuilder.Directive> directives, List<SemanticError> errors) {
        ScopeAnalysis a = new ScopeAnalysis(scopes, directives, errors);
        a.block(scopes.get(0), null, new HashSet<>(), new HashSet<>());
        // Scopes CPython never analyses (3.11's annotation blocks): resolve against nothing.
        for (Scope s : scopes) {
            if (s.resolution.length < s.names.size()) {
                byte[] r = new byte[s.names.size()];
                for (int i = 0; i < r.length; i++) {
                    int f = s.flags.get(i);
                    r[i] = (byte) ((f & SymbolFlags.BOUND) != 0 ? SymbolFlags.LOCAL : SymbolFlags.GLOBAL_IMPLICIT);
                }
                s.resolution = r;
            }
        }
    }

    private void block(Scope ste, Set<String> bound, Set<String> free, Set<String> global) {
        boolean isClass = ste.kind == ScopeKind.CLASS;
        boolean isFunction = ste.kind.isFunctionLike();
        Set<String> local = new HashSet<>();
        int count = ste.names.size();
        byte[] resolution = new byte[count];
        Set<String> newGlobal = new HashSet<>();
        Set<String> newFree = new HashSet<>();
        Set<String> newBound = new HashSet<>();
        if (isClass) {
            newGlobal.addAll(global);
            if (bound != null) {
                newBound.addAll(bound);
            }
        }
        for (int i = 0; i < count; i++) {
            resolution[i] = (byte) name(ste, ste.names.get(i), ste.flags.get(i), bound, local, free, global);
        }
        if (!isClass) {
            if (isFunction) {
                newBound.addAll(local);
            }
            if (bound != null) {
                newBound.addAll(bound);
            }
            newGlobal.addAll(global);
        } else {
            newBound.add("__class__");
        }
        Set<String> allFree = new HashSet<>();
        for (int i = 0; i < ste.children.size(); i++) {
            Scope child = scopes.get(ste.children.get(i));
            Set<String> childFree = new HashSet<>(newFree);
            block(child, new HashSet<>(newBound), childFree, new HashSet<>(newGlobal));
            allFree.addAll(childFree);
        }
        newFree.addAll(allFree);
        if (isFunction) {
            for (int i = 0; i < count; i++) {
                if (resolution[i] == SymbolFlags.LOCAL && newFree.remove(ste.names.get(i))) {
                    resolution[i] = SymbolFlags.CELL;
                }
            }
        } else if (isClass) {
            newFree.remove("__class__");
        }
        // Record free variables of children: they pass through this scope when bound further out.
        int added = 0;
        for (String name : newFree) {
            int sym = ste.symbolId(name);
            if (sym >= 0) {
                if (isClass && (ste.flags.get(sym) & (SymbolFlags.BOUND | SymbolFlags.GLOBAL)) != 0) {
                    ste.flags.set(sym, ste.flags.get(sym) | SymbolFlags.FREE_CLASS);
                }
                continue;
            }
            if (bound != null && !bound.contains(name)) {
                continue;
            }
            ste.symbol(name);
            added++;
        }
        if (added > 0) {
            resolution = java.util.Arrays.copyOf(resolution, ste.names.size());
            for (int i = count; i < resolution.length; i++) {
                resolution[i] = SymbolFlags.FREE;
            }
        }
        ste.resolution = resolution;
        free.addAll(newFree);
    }

    private int name(Scope ste, String name, int flags, Set<String> bound, Set<String> local, Set<String> free,
                     Set<String> global) {
        if ((flags & SymbolFlags.GLOBAL) != 0) {
            if ((flags & SymbolFlags.NONLOCAL) != 0) {
                errorAtDirective(ste, name, "name '" + name + "' is nonlocal and global");
            }
            global.add(name);
            if (bound != null) {
                bound.remove(name);
            }
            return SymbolFlags.GLOBAL_EXPLICIT;
        }
        if ((flags & SymbolFlags.NONLOCAL) != 0) {
            if (bound == null) {
                errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
                return SymbolFlags.GLOBAL_IMPLICIT;
            }
            if (!bound.contains(name)) {
                errorAtDirective(ste, name, "no binding for nonlocal '" + name + "' found");
            }
            free.add(name);
            return SymbolFlags.FREE;
        }
        if ((flags & SymbolFlags.BOUND) != 0) {
            local.add(name);
            global.remove(name);
            return SymbolFlags.LOCAL;
        }
        if (bound != null && bound.contains(name)) {
            free.add(name);
            return SymbolFlags.FREE;
        }
        return SymbolFlags.GLOBAL_IMPLICIT;
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
