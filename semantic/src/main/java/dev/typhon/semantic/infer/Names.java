package dev.typhon.semantic.infer;

import dev.typhon.ast.Name;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.ReachingBindings;
import dev.typhon.semantic.index.ReachingDefinition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.index.SymbolFlags;
import dev.typhon.semantic.index.Use;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The type of a name where it is read, searched as Python searches: the use's own scope by flow
 * (the union of the definitions that reach it), then for module and class scopes the enclosing
 * scopes, free names in the function that binds them (as they are where an eager scope runs, or
 * at the end of that function), globals at the end of the module, and the builtins.
 */
final class Names {
    private final TypeInference ti;

    Names(TypeInference ti) {
        this.ti = ti;
    }

    /** A name's type and whether it is bound where it is read. */
    record Lookup(Type type, Boundness boundness) {
        static final Lookup UNBOUND = new Lookup(Never.NEVER, Boundness.UNBOUND);

    }

    Type infer(SourceFile file, Name name) {
        Lookup l = lookup(file, name);
        // an unbound name reads as Unknown, unless it is declared: then it has the declared type
        return l.boundness == Boundness.UNBOUND && l.type == Never.NEVER ? DynamicType.UNKNOWN : l.type;
    }

    Lookup lookup(SourceFile file, Name name) {
        dev.typhon.semantic.types.KnownModule km = file.knownModule();
        if (km != null && file.isStub()) {
            // `Protocol: _SpecialForm` in typing's own stub means the special form there too, as it does for importers
            dev.typhon.semantic.types.SpecialFormType form = dev.typhon.semantic.types.SpecialFormType.lookup(km, name.id());
            if (form != null) {
                return new Lookup(form, Boundness.BOUND);
            }
        }
        Lookup l = flowLookup(file, name);
        if (l.boundness != Boundness.BOUND && file.isStub()) {
            // A stub has no run time: a name means what its scope (else the module) binds at the end.
            Use use = file.index().useAt(name.startOffset());
            if (use != null) {
                Scope s = file.index().scope(use.scope());
                Type t = ti.imports.scopeMember(file, s, name.id());
                if (t == null) {
                    t = ti.imports.scopeMember(file, file.index().moduleScope(), name.id());
                }
                if (t != null) {
                    return new Lookup(t, Boundness.BOUND);
                }
            }
        }
        return l;
    }

    private Lookup flowLookup(SourceFile file, Name name) {
        SemanticIndex index = file.index();
        Use use = index.useAt(name.startOffset());
        if (use == null || use.node() != name) {
            return new Lookup(DynamicType.UNKNOWN, Boundness.BOUND);
        }
        Scope s = index.scope(use.scope());
        int symbol = use.symbol();
        String id = s.symbolName(symbol);
        if (s.kind() == ScopeKind.ANNOTATION) {
            return outer(file, s, id);
        }
        int res = s.resolution(symbol);
        Type implicit = s.kind() == ScopeKind.CLASS ? implicitClassBodyName(id) : null;
        if (implicit != null) {
            // the class namespace starts with these: they hide globals, only class-body bindings replace them
            Lookup preset = new Lookup(implicit, Boundness.BOUND);
            if (res == SymbolFlags.LOCAL || res == SymbolFlags.CELL) {
                Lookup here = fromBindings(file, index.bindings(use), index.declarationsAt(use), id);
                return here.boundness == Boundness.BOUND ? here : combine(here, preset);
            }
            return preset;
        }
        if (id.equals("__class__") && res != SymbolFlags.LOCAL && res != SymbolFlags.GLOBAL_EXPLICIT) {
            Type cls = dunderClassCell(file, s);
            if (cls != null) {
                return new Lookup(cls, Boundness.BOUND);
            }
        }
        if (res == SymbolFlags.LOCAL || res == SymbolFlags.CELL || s.kind() == ScopeKind.MODULE) {
            Lookup here = fromBindings(file, index.bindings(use), index.declarationsAt(use), use.reachability(), id);
            if (here.boundness == Boundness.BOUND || s.kind().isFunctionLike()) {
                return here;
            }
            Lookup fallback = s.kind() == ScopeKind.MODULE ? moduleFallback(id) : outer(file, s, id);
            return combine(here, fallback);
        }
        if (res == SymbolFlags.FREE || (res == SymbolFlags.GLOBAL_IMPLICIT && s.isEager())) {
            return narrowedFromStart(file, use, id, outer(file, s, id));
        }
        if (res == SymbolFlags.GLOBAL_EXPLICIT && s.kind().isFunctionLike()) {
            // `global x` then `x = {}`: the function's own bindings, where they reach, say what x is;
            // on the paths without one, x is whatever the module holds
            Lookup here = fromBindings(file, index.bindings(use), List.of(), use.reachability(), id);
            return here.boundness == Boundness.BOUND ? here : combine(here, narrowedFromStart(file, use, id, global(file, id)));
        }
        return narrowedFromStart(file, use, id, global(file, id));
    }

    /**
     * A name this scope reads from outside (a global, an enclosing function's variable), narrowed by
     * the tests this scope made of it on the way to the read: {@code if _setmode: _setmode(fd)} calls
     * what is not None.
     */
    private Lookup narrowedFromStart(SourceFile file, Use use, String id, Lookup outside) {
        if (outside.boundness == Boundness.UNBOUND || outside.type.isDynamic()) {
            return outside;
        }
        ReachingBindings rb = file.index().bindings(use);
        if (!rb.mayBeUnbound() || rb.unboundConstraints().isEmpty()) {
            return outside;
        }
        Type t = ti.narrowing.narrow(file, outside.type, rb.unboundConstraints(), Narrowing.Target.name(id));
        return new Lookup(t, outside.boundness);
    }

    /** The names CPython puts in a class body's namespace before the body runs, or null for others. */
    private @Nullable Type implicitClassBodyName(String name) {
        return switch (name) {
            case "__qualname__", "__module__" -> ti.instance(dev.typhon.semantic.types.KnownClass.STR);
            case "__doc__" -> UnionBuilder.of(ti, ti.instance(dev.typhon.semantic.types.KnownClass.STR),
                    dev.typhon.semantic.types.NoneType.NONE);
            case "__firstlineno__" -> ti.pythonVersion().compareTo(dev.typhon.ast.PythonVersion.PY313) >= 0
                    ? ti.instance(dev.typhon.semantic.types.KnownClass.INT) : null;
            default -> null;
        };
    }

    /**
     * {@code __class__} read in a function defined in a class body (or nested in one): the implicit
     * closure cell CPython makes for that class; null outside classes.
     */
    private @Nullable Type dunderClassCell(SourceFile file, Scope s) {
        // only where ty models the cell so far: scopes defined directly in the class body that run later
        if (s.parent() < 0 || !(s.kind() == ScopeKind.FUNCTION || s.kind() == ScopeKind.LAMBDA
                || s.kind() == ScopeKind.GENERATOR_EXPRESSION)) {
            return null;
        }
        Scope body = file.index().scope(s.parent());
        dev.typhon.semantic.types.ClassLiteral cls = body.kind() == ScopeKind.CLASS ? ti.classes.classOfBody(file, body) : null;
        return cls == null ? null : new dev.typhon.semantic.types.ClassLiteralType(dev.typhon.semantic.types.ClassType.of(cls));
    }

    private Lookup combine(Lookup here, Lookup fallback) {
        if (here.boundness == Boundness.UNBOUND) {
            return fallback;
        }
        Type t = UnionBuilder.of(ti, here.type, fallback.type);
        Boundness b = fallback.boundness == Boundness.BOUND ? Boundness.BOUND : Boundness.POSSIBLY_UNBOUND;
        return new Lookup(t, b);
    }

    /**
     * The union of the reaching definitions' types; declared-only names take their declared type.
     * {@code name} is the name read: a star import among the definitions binds it only when its
     * module exports it.
     */
    Lookup fromBindings(SourceFile file, ReachingBindings rb, List<Definition> declarations, String name) {
        return fromBindings(file, rb, declarations, dev.typhon.semantic.index.Reachability.ALWAYS_TRUE, name);
    }

    /** The same, at a point reachable under {@code pointReach}: its paths narrow the parameters (see {@link PathNarrowing}). */
    Lookup fromBindings(SourceFile file, ReachingBindings rb, List<Definition> declarations, int pointReach, String name) {
        UnionBuilder u = new UnionBuilder(ti);
        boolean bound = false;
        boolean unbound = rb.mayBeUnbound();
        boolean starBinds = false;
        for (ReachingDefinition rd : rb.definitions()) {
            Definition d = rd.definition();
            if (!d.reachable()) {
                continue;
            }
            if (d.kind().unbinds()) {
                unbound = true;
                continue;
            }
            if (d.kind() == dev.typhon.semantic.index.DefinitionKind.STAR_IMPORT) {
                // `from m import *` binds the name only if m exports it; otherwise the name is as it was
                Type t = ti.imports.throughStarImport(file, d, name);
                if (t != null) {
                    u.add(t);
                    bound = true;
                    starBinds = true;
                }
                continue;
            }
            bound = true;
            Type t = ti.narrowing.narrow(file, ti.definitions.bindingType(file, d), rd.constraints(), d);
            if (d.symbol() >= 0 && !d.isPlace() && !file.isStub() && pointReach != dev.typhon.semantic.index.Reachability.ALWAYS_TRUE
                    && !t.isDynamic()) {
                // the tests after the binding on each path narrow it (a binding in a loop: none, it may be rebound)
                Narrowing.Target target = Narrowing.Target.name(file.index().scope(d.scope()).symbolName(d.symbol()));
                Type byPaths = ti.pathNarrowing.narrow(file, t, rd.reachability(), target, d);
                byPaths = byPaths == null ? null : ti.pathNarrowing.narrow(file, byPaths, pointReach, target, d);
                if (byPaths != null) {
                    t = byPaths;
                }
            }
            u.add(t);
        }
        if (!bound) {
            if (!declarations.isEmpty()) {
                UnionBuilder declared = new UnionBuilder(ti);
                for (Definition d : declarations) {
                    declared.add(ti.definitions.declaredType(file, d));
                }
                return new Lookup(declared.build(), Boundness.UNBOUND);
            }
            return Lookup.UNBOUND;
        }
        // a star import that exports the name binds it on the paths that had it unbound
        return new Lookup(u.build(), unbound && !starBinds ? Boundness.POSSIBLY_UNBOUND : Boundness.BOUND);
    }

    /** A name a scope reads from the scopes around it. */
    private Lookup outer(SourceFile file, Scope scope, String name) {
        SemanticIndex index = file.index();
        ReachingBindings eager = index.eagerLookup(scope, name);
        if (eager != null) {
            Lookup l = fromBindings(file, eager, List.of(), name);
            if (l.boundness != Boundness.UNBOUND) {
                // a name possibly unbound in an enclosing scope is not reported where it is read
                return new Lookup(l.type, Boundness.BOUND);
            }
            // the enclosing scope binds the name only after this scope runs: only an implicit module
            // global or a builtin can be read instead
            return moduleFallback(name);
        }
        for (int p = scope.parent(); p >= 0; p = index.scope(p).parent()) {
            Scope e = index.scope(p);
            if (e.kind() == ScopeKind.CLASS) {
                continue;
            }
            if (e.kind() == ScopeKind.MODULE) {
                return global(file, name);
            }
            int sym = e.symbolId(name);
            if (sym >= 0 && (e.resolution(sym) == SymbolFlags.LOCAL || e.resolution(sym) == SymbolFlags.CELL)) {
                Type t = lazyMember(file, e, name);
                return t == null ? global(file, name) : new Lookup(t, Boundness.BOUND);
            }
        }
        return global(file, name);
    }

    /**
     * A global read from another scope: the module symbol's public type (its declared type, else the
     * union of its bindings at the end of the module), then the builtins.
     */
    private Lookup global(SourceFile file, String name) {
        Type t = lazyMember(file, file.index().moduleScope(), name);
        // `from m import *` binds names the module's own symbol table does not list, and may bind one
        // it lists too (`try: from _speedups import *` / `except ImportError: helper = None`)
        Type star = file.index().starImports().isEmpty() ? null : ti.imports.throughStarImports(file, name);
        if (star != null) {
            t = t == null ? star : UnionBuilder.of(ti, star, t);
        }
        if (t != null) {
            return new Lookup(t, Boundness.BOUND);
        }
        return moduleFallback(name);
    }

    /** What a global name the module does not bind means: an implicit module global, else a builtin. */
    private Lookup moduleFallback(String name) {
        Type implicit = implicitModuleGlobal(name);
        return implicit != null ? new Lookup(implicit, Boundness.BOUND) : builtin(name);
    }

    /**
     * The globals every module has without binding them ({@code __name__}, {@code __file__},
     * {@code __spec__}, ...): the attributes of {@code types.ModuleType} instances, as ty reads them,
     * except the three that are no globals ({@code __dict__}, {@code __getattr__}, {@code __init__}).
     * {@code __file__} is a {@code str}: the code being checked runs from a file. Null for other names.
     */
    private @Nullable Type implicitModuleGlobal(String name) {
        if (!name.startsWith("__") || !name.endsWith("__") || name.equals("__dict__") || name.equals("__getattr__")
                || name.equals("__init__")) {
            return null;
        }
        if (name.equals("__file__")) {
            return ti.instance(dev.typhon.semantic.types.KnownClass.STR);
        }
        if (name.equals("__builtins__")) {
            return DynamicType.ANY;  // CPython sets it on every module; no stub declares it
        }
        Type moduleType = ti.instance(dev.typhon.semantic.types.KnownClass.MODULE_TYPE);
        if (!(moduleType instanceof dev.typhon.semantic.types.InstanceType it)) {
            return null;
        }
        // only what ModuleType's own body declares: object's attributes are no module globals
        Members.ClassAttribute ca = ti.members.classAttribute(it.classType(), name);
        return ca == null || !it.classType().literal().equals(ca.owner()) ? null : ca.type();
    }

    /**
     * A symbol of an enclosing scope read from a lazily run scope (a function body): it may run
     * after any of the scope's bindings, so it sees the declared type, else the union of every
     * reachable binding, not only those that reach the end of the scope.
     */
    @Nullable Type lazyMember(SourceFile file, Scope scope, String name) {
        int sym = scope.symbolId(name);
        if (sym < 0) {
            return null;
        }
        SemanticIndex index = file.index();
        UnionBuilder declared = new UnionBuilder(ti);
        List<Type> bound = new java.util.ArrayList<>();
        boolean isDeclared = false;
        boolean isBound = false;
        for (Definition d : index.definitionsOf(scope, sym)) {
            if (!d.reachable() || d.kind().unbinds()) {
                continue;
            }
            if (d.kind() == dev.typhon.semantic.index.DefinitionKind.DECLARATION
                    || d.kind() == dev.typhon.semantic.index.DefinitionKind.ANNOTATED_ASSIGNMENT) {
                declared.add(ti.definitions.declaredType(file, d));
                isDeclared = true;
            } else if (d.kind().flows()) {
                Type t = ti.definitions.bindingType(file, d);
                if (t instanceof dev.typhon.semantic.types.OverloadedFunction o) {
                    // the @overload definitions before it are parts of this one, not separate values
                    bound.removeIf(prev -> prev instanceof dev.typhon.semantic.types.FunctionLiteral f && o.overloads().contains(f)
                            || prev instanceof dev.typhon.semantic.types.OverloadedFunction po
                            && o.overloads().containsAll(po.overloads()));
                }
                bound.add(t);
                isBound = true;
            }
        }
        if (isDeclared) {
            return declared.build();
        }
        if (scope.kind() == ScopeKind.MODULE) {
            // `global x` then `x = ...` in a function binds the module's x too
            for (Definition d : index.bindingsThroughGlobal(name)) {
                bound.add(ti.definitions.bindingType(file, d));
                isBound = true;
            }
        }
        return isBound ? UnionBuilder.of(ti, bound) : null;
    }

    /** A builtin; {@code reveal_type} resolves even without an import, as in ty. */
    Lookup builtin(String name) {
        Optional<SourceFile> builtins = ti.program.module("builtins");
        if (builtins.isPresent()) {
            Type t = ti.imports.member(builtins.get(), name);
            if (t != null) {
                return new Lookup(t, Boundness.BOUND);
            }
        }
        if (name.equals("__debug__")) {
            // a constant of the interpreter that no stub declares
            return new Lookup(ti.instance(dev.typhon.semantic.types.KnownClass.BOOL), Boundness.BOUND);
        }
        if (name.equals("reveal_type")) {
            Type t = ti.knownFunction(KnownFunction.REVEAL_TYPE);
            if (t != null) {
                return new Lookup(t, Boundness.BOUND);
            }
        }
        return Lookup.UNBOUND;
    }

    static @Nullable Type orNull(Lookup l) {
        return l.boundness == Boundness.UNBOUND ? null : l.type;
    }
}
