package dev.typhon.semantic.infer;

import dev.typhon.ast.Alias;
import dev.typhon.ast.Import;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.ReachingBindings;
import dev.typhon.semantic.index.ReachingDefinition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.resolve.Resolution;
import dev.typhon.semantic.resolve.ResolvedModule;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.KnownModule;
import dev.typhon.semantic.types.ModuleLiteral;
import dev.typhon.semantic.types.SpecialFormType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Modules and what they export: the module literal of an import, the member a {@code from} import
 * binds, and a scope's symbols as seen from outside it (declared type first, else the union of the
 * bindings live at its end).
 */
final class Imports {
    private final TypeInference ti;

    Imports(TypeInference ti) {
        this.ti = ti;
    }

    /** A module's global symbol as an importer sees it; null when the module has none of that name. */
    @Nullable Type member(SourceFile module, String name) {
        Type t = ti.moduleMembers.get(module.id() + ":" + name, k -> computeMember(module, name), DynamicType.UNKNOWN);
        return t == NO_MEMBER ? null : t;
    }

    /** Stored for "no such member" (the memo cannot hold null). */
    private static final Type NO_MEMBER = new dev.typhon.semantic.types.TodoType("no member");

    private Type computeMember(SourceFile module, String name) {
        KnownModule km = module.knownModule();
        SpecialFormType form = km == null ? null : SpecialFormType.lookup(km, name);
        java.util.Set<String> all = module.isStub() ? dunderAll(module) : null;
        Type t = module.isStub() && (all == null || !all.contains(name)) ? exportedMember(module, name)
                : scopeMember(module, module.index().moduleScope(), name);
        if (form != null) {
            // the form, where the module has it for the configured version (`typing.Never` from 3.11)
            return t != null || module.index().moduleScope().symbolId(name) < 0 && throughStarImports(module, name) != null
                    ? form : NO_MEMBER;
        }
        if (t == null) {
            t = throughStarImports(module, name);
        }
        return t == null ? NO_MEMBER : t;
    }

    /**
     * A stub's global as importers see it: an import binds an exported name only in the re-export
     * forms ({@code import m as m}, {@code from m import x as x}, {@code from . import x}); other
     * imports are the stub's private business. Null when nothing else binds or declares the name.
     */
    private @Nullable Type exportedMember(SourceFile module, String name) {
        Scope scope = module.index().moduleScope();
        int sym = scope.symbolId(name);
        if (sym < 0) {
            return null;
        }
        UnionBuilder declared = new UnionBuilder(ti);
        for (Definition d : module.index().endOfScopeDeclarations(scope, sym)) {
            if (reexports(d)) {
                declared.add(ti.definitions.declaredType(module, d));
            }
        }
        if (!declared.isEmpty()) {
            return declared.build();
        }
        UnionBuilder u = new UnionBuilder(ti);
        for (ReachingDefinition rd : module.index().endOfScopeBindings(scope, sym).definitions()) {
            Definition d = rd.definition();
            if (!d.kind().unbinds() && d.reachable() && reexports(d)) {
                u.add(ti.definitions.bindingType(module, d));
            }
        }
        return u.isEmpty() ? null : u.build();
    }

    /** Whether a stub's definition makes its name part of the stub's interface (every non-import does). */
    private static boolean reexports(Definition d) {
        return switch (d.kind()) {
            case IMPORT -> d.node() instanceof dev.typhon.ast.Alias a && a.asname() != null && a.asname().equals(a.name());
            case IMPORT_FROM -> d.node() instanceof dev.typhon.ast.Alias a
                    && ((a.asname() != null && a.asname().equals(a.name()))
                    || (d.statement() instanceof ImportFrom f && f.level() > 0 && f.module() == null));
            default -> true;
        };
    }

    /** A name a module gets from {@code from m import *}: one that {@code m} exports. */
    @Nullable Type throughStarImports(SourceFile module, String name) {
        for (Definition d : module.index().starImports()) {
            Type t = throughStarImport(module, d, name);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * What one {@code from m import *} (the definition {@code star}) binds {@code name} to, or null when
     * {@code m} does not export it (the import then leaves the name as it was).
     */
    @Nullable Type throughStarImport(SourceFile module, Definition star, String name) {
        if (!star.reachable() || !(star.statement() instanceof ImportFrom from)) {
            return null;
        }
        String source = fromModuleName(module, from);
        Optional<SourceFile> m = source == null ? Optional.empty() : ti.program.module(source);
        if (m.isEmpty()) {
            // the module is not found (reported at the import): what it would bind is unknown, not
            // absent; a builtin is taken to stay itself (`print`, `reveal_type` after the import)
            return ti.names.builtin(name).boundness() != dev.typhon.semantic.index.Boundness.UNBOUND ? null
                    : DynamicType.UNKNOWN;
        }
        if (m.get() == module || !exports(m.get(), name)) {
            return null;
        }
        return member(m.get(), name);
    }

    /** Whether {@code from module import *} binds {@code name}: listed in {@code __all__}, else public. */
    boolean exports(SourceFile module, String name) {
        java.util.Set<String> all = dunderAll(module);
        if (all != null) {
            return all.contains(name);
        }
        return !name.startsWith("_");
    }

    /** The names a module's {@code __all__} lists (assignments, {@code +=}, in reachable code), or null without one. */
    @Nullable java.util.Set<String> dunderAll(SourceFile module) {
        dev.typhon.semantic.index.Scope scope = module.index().moduleScope();
        int sym = scope.symbolId("__all__");
        if (sym < 0) {
            return null;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        boolean any = false;
        for (Definition d : module.index().definitionsOf(scope, sym)) {
            if (!d.reachable()) {
                continue;
            }
            dev.typhon.ast.Expr value = switch (d.statement()) {
                case dev.typhon.ast.Assign a -> a.value();
                case dev.typhon.ast.AugAssign a -> a.value();
                case dev.typhon.ast.AnnAssign a -> a.value();
                default -> null;
            };
            if (value == null) {
                continue;
            }
            any = true;
            java.util.List<dev.typhon.ast.Expr> elts = switch (value) {
                case dev.typhon.ast.List l -> l.elts();
                case dev.typhon.ast.Tuple t -> t.elts();
                default -> java.util.List.of();
            };
            for (dev.typhon.ast.Expr e : elts) {
                if (e instanceof dev.typhon.ast.Constant c && c.value() instanceof dev.typhon.ast.ConstantValue.Str str) {
                    names.add(str.value());
                }
            }
        }
        return any ? names : null;
    }

    /** A symbol of a scope as seen from outside it, at the scope's end; null when it is never bound or declared. */
    @Nullable Type scopeMember(SourceFile file, Scope scope, String name) {
        int sym = scope.symbolId(name);
        if (sym < 0) {
            return null;
        }
        List<Definition> declarations = file.index().endOfScopeDeclarations(scope, sym);
        if (!declarations.isEmpty()) {
            UnionBuilder u = new UnionBuilder(ti);
            for (Definition d : declarations) {
                u.add(ti.definitions.declaredType(file, d));
            }
            return u.build();
        }
        ReachingBindings rb = file.index().endOfScopeBindings(scope, sym);
        UnionBuilder u = new UnionBuilder(ti);
        boolean any = false;
        for (ReachingDefinition rd : rb.definitions()) {
            Definition d = rd.definition();
            if (d.kind().unbinds() || !d.reachable()) {
                continue;
            }
            any = true;
            u.add(ti.definitions.bindingType(file, d));
        }
        return any ? u.build() : null;
    }

    /** The module literal of a resolved dotted name, or null when it does not resolve. */
    @Nullable Type moduleLiteral(String name) {
        ResolvedModule m = ti.program.resolveModule(name);
        if (m == null) {
            return null;
        }
        Optional<SourceFile> f = ti.program.module(name);
        return new ModuleLiteral(name, f.map(SourceFile::id).orElse(-1));
    }

    /** The type an {@code import a.b [as c]} alias binds. */
    Type importBinding(Alias alias) {
        String full = alias.name();
        if (alias.asname() == null) {
            int dot = full.indexOf('.');
            String first = dot < 0 ? full : full.substring(0, dot);
            Type t = moduleLiteral(first);
            return t == null ? DynamicType.UNKNOWN : t;
        }
        Type t = moduleLiteral(full);
        return t == null ? DynamicType.UNKNOWN : t;
    }

    /** The dotted name a {@code from} import reads from, resolved against the importing file; null if it does not resolve. */
    @Nullable String fromModuleName(SourceFile file, ImportFrom stmt) {
        if (stmt.level() == 0) {
            return stmt.module();
        }
        Resolution r;
        try {
            r = file.moduleName() != null
                    ? ti.program.resolver().resolveRelative(file.moduleName(), file.isPackage(), stmt.level(), stmt.module())
                    : ti.program.resolver().resolveRelative(Path.of(file.path()), stmt.level(), stmt.module());
        } catch (RuntimeException e) {
            return null;
        }
        return r instanceof Resolution.Found(ResolvedModule m) ? m.name() : null;
    }

    /** The type a {@code from m import x [as y]} alias binds; Unknown when it does not resolve. */
    Type fromBinding(SourceFile file, ImportFrom stmt, Alias alias) {
        Type t = fromMember(file, stmt, alias.name());
        return t == null ? DynamicType.UNKNOWN : t;
    }

    /** The member {@code name} of the module a {@code from} import reads, or null. */
    @Nullable Type fromMember(SourceFile file, ImportFrom stmt, String name) {
        String moduleName = fromModuleName(file, stmt);
        if (moduleName == null) {
            return null;
        }
        Optional<SourceFile> mod = ti.program.module(moduleName);
        if (mod.isPresent()) {
            if (mod.get() == file) {
                // a package importing from itself (`from . import path` in os/__init__): its submodule
                Type sub = moduleLiteral(moduleName + "." + name);
                if (sub != null || stmt.level() == 0) {
                    return sub;
                }
            }
            Type t = member(mod.get(), name);
            if (t != null) {
                return t;
            }
        }
        return moduleLiteral(moduleName + "." + name);
    }

    static @Nullable ImportFrom fromStatement(Definition d) {
        Node s = d.statement();
        return s instanceof ImportFrom f ? f : null;
    }

    static @Nullable Import importStatement(Definition d) {
        Node s = d.statement();
        return s instanceof Import i ? i : null;
    }
}
