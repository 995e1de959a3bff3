package dev.typhon.semantic.infer;

import dev.typhon.ast.Alias;
import dev.typhon.ast.Arg;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Name;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Stmt;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.index.ReachingDefinition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.index.SymbolFlags;
import dev.typhon.semantic.index.Use;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.ModuleLiteral;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a name or attribute is defined, for go-to-definition: the definitions a read reaches (through
 * enclosing scopes, globals and the builtins), an attribute's definitions in the classes of its
 * object's MRO (class body first, then {@code self.x = ...} in methods) or in a module, and what an
 * import binds. Imports are followed to what they import, so a name bound by {@code from m import x}
 * leads to {@code x}'s definition in {@code m}. Answers never throw for names that lead nowhere: they
 * are empty.
 */
public final class Navigation {
    /** How many imports a chain is followed through (re-exports of re-exports), and a guard against cycles. */
    private static final int MAX_DEPTH = 16;

    /**
     * One place a name is defined.
     *
     * @param file the file it is in
     * @param definition the definition there, or null when the target is the module (its file) itself
     */
    public record Target(SourceFile file, @Nullable Definition definition) {
    }

    private final TypeInference ti;
    private final Set<Target> out = new LinkedHashSet<>();
    private final Set<Object> visited = new java.util.HashSet<>();

    private Navigation(TypeInference ti) {
        this.ti = ti;
    }

    /** The definitions a name (read or written) resolves to. */
    public static List<Target> ofName(TypeInference ti, SourceFile file, Name name) {
        Navigation n = new Navigation(ti);
        n.name(file, name, 0);
        return List.copyOf(n.out);
    }

    /** The definitions of an attribute's member, found from the type of its object. */
    public static List<Target> ofAttribute(TypeInference ti, SourceFile file, Attribute attribute) {
        Navigation n = new Navigation(ti);
        n.member(ti.expressionType(file, attribute.value()), attribute.attr(), 0);
        return List.copyOf(n.out);
    }

    /** The file of a module by dotted name (empty when it does not resolve to a file). */
    public static List<Target> ofModule(TypeInference ti, String moduleName) {
        Navigation n = new Navigation(ti);
        n.module(moduleName);
        return List.copyOf(n.out);
    }

    /** What {@code from m import name} (the statement {@code stmt} of {@code file}) imports. */
    public static List<Target> ofImportedName(TypeInference ti, SourceFile file, ImportFrom stmt, String name) {
        Navigation n = new Navigation(ti);
        n.imported(file, stmt, name, 0);
        return List.copyOf(n.out);
    }

    /** The definitions a binding node (a name target, a {@code def}, a parameter, an alias) makes. */
    public static List<Target> ofBinding(TypeInference ti, SourceFile file, dev.typhon.ast.Node node) {
        List<Target> out = new ArrayList<>();
        for (Definition d : ti.definitionsAt(file, node)) {
            if (d.node() == node) {
                out.add(new Target(file, d));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------- names

    private void name(SourceFile file, Name name, int depth) {
        SemanticIndex index = file.index();
        Use use = index.useAt(name.startOffset());
        if (use == null || use.node() != name) {
            for (Target t : ofBinding(ti, file, name)) {
                add(t, depth);
            }
            return;
        }
        Scope s = index.scope(use.scope());
        String id = s.symbolName(use.symbol());
        int res = s.resolution(use.symbol());
        if (res == SymbolFlags.LOCAL || res == SymbolFlags.CELL || s.kind() == ScopeKind.MODULE) {
            List<Definition> here = new ArrayList<>();
            for (ReachingDefinition rd : index.bindings(use).definitions()) {
                here.add(rd.definition());
            }
            here.addAll(index.declarationsAt(use));
            if (addAll(file, here, depth) || s.kind().isFunctionLike()) {
                return;
            }
            if (s.kind() == ScopeKind.MODULE) {
                builtin(id, depth);
                return;
            }
        } else if (res != SymbolFlags.FREE && !(res == SymbolFlags.GLOBAL_IMPLICIT && s.isEager())) {
            global(file, id, depth);
            return;
        }
        outer(file, s, id, depth);
    }

    /** A name an inner scope reads from the scopes around it (class bodies are skipped, as Python skips them). */
    private void outer(SourceFile file, Scope from, String id, int depth) {
        SemanticIndex index = file.index();
        for (Scope s = from.parent() < 0 ? null : index.scope(from.parent()); s != null;
                s = s.parent() < 0 ? null : index.scope(s.parent())) {
            if (s.kind() == ScopeKind.MODULE) {
                global(file, id, depth);
                return;
            }
            if (s.kind() == ScopeKind.CLASS) {
                continue;
            }
            int sym = s.symbolId(id);
            if (sym >= 0 && addAll(file, endOfScope(index, s, sym), depth)) {
                return;
            }
        }
        global(file, id, depth);
    }

    private void global(SourceFile file, String id, int depth) {
        SemanticIndex index = file.index();
        Scope module = index.moduleScope();
        int sym = module.symbolId(id);
        if (sym < 0 || !addAll(file, endOfScope(index, module, sym), depth)) {
            builtin(id, depth);
        }
    }

    private void builtin(String id, int depth) {
        ti.program.module("builtins").ifPresent(b -> moduleMember(b, id, depth));
    }

    private static List<Definition> endOfScope(SemanticIndex index, Scope s, int sym) {
        List<Definition> defs = new ArrayList<>(index.endOfScopeDeclarations(s, sym));
        for (ReachingDefinition rd : index.endOfScopeBindings(s, sym).definitions()) {
            defs.add(rd.definition());
        }
        return defs;
    }

    /** Adds the definitions (imports followed); true when some was added. */
    private boolean addAll(SourceFile file, List<Definition> defs, int depth) {
        boolean any = false;
        for (Definition d : defs) {
            if (d.kind().unbinds()) {
                continue;
            }
            any = true;
            add(new Target(file, d), depth);
        }
        return any;
    }

    /** Adds a target, or what it imports when it is an import. */
    private void add(Target t, int depth) {
        Definition d = t.definition();
        if (d == null || depth >= MAX_DEPTH) {
            out.add(t);
            return;
        }
        if (!visited.add(t)) {
            return; // met again (a binding that is also a declaration, an import cycle)
        }
        switch (d.kind()) {
            case IMPORT -> {
                Alias alias = (Alias) d.node();
                String full = alias.name();
                int dot = full.indexOf('.');
                // `import a.b` binds `a`; `import a.b as c` binds `a.b`
                module(alias.asname() == null && dot >= 0 ? full.substring(0, dot) : full);
            }
            case IMPORT_FROM -> {
                if (d.statement() instanceof ImportFrom from && d.node() instanceof Alias alias) {
                    int before = out.size();
                    imported(t.file(), from, alias.name(), depth + 1);
                    if (out.size() == before) {
                        out.add(t); // leads nowhere: the import itself is the definition
                    }
                }
            }
            case STAR_IMPORT -> out.add(t);
            default -> out.add(t);
        }
    }

    private void imported(SourceFile file, ImportFrom stmt, String name, int depth) {
        String moduleName = ti.imports.fromModuleName(file, stmt);
        if (moduleName == null) {
            return;
        }
        Optional<SourceFile> mod = ti.program.module(moduleName);
        if (mod.isPresent() && mod.get() != file && moduleMember(mod.get(), name, depth)) {
            return;
        }
        module(moduleName + "." + name);
    }

    /** A module's global {@code name} (through its star imports); true when found. */
    private boolean moduleMember(SourceFile module, String name, int depth) {
        if (!visited.add(module.path() + ":" + name)) {
            return false;
        }
        SemanticIndex index = module.index();
        Scope scope = index.moduleScope();
        int sym = scope.symbolId(name);
        if (sym >= 0 && addAll(module, endOfScope(index, scope, sym), depth)) {
            return true;
        }
        for (Definition d : index.starImports()) {
            if (d.reachable() && d.statement() instanceof ImportFrom from) {
                String source = ti.imports.fromModuleName(module, from);
                Optional<SourceFile> m = source == null ? Optional.empty() : ti.program.module(source);
                if (m.isPresent() && m.get() != module && ti.imports.exports(m.get(), name)
                        && moduleMember(m.get(), name, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void module(String moduleName) {
        ti.program.module(moduleName).ifPresent(f -> out.add(new Target(f, null)));
    }

    // -------------------------------------------------------------------------------- members

    private void member(Type owner, String name, int depth) {
        switch (owner) {
            case UnionType u -> u.members().forEach(m -> member(m, name, depth));
            case ModuleLiteral m -> {
                if (m.file() < 0 || !moduleMember(ti.program.file(m.file()), name, depth)) {
                    module(m.name() + "." + name);
                }
            }
            case ClassLiteralType c -> classMember(c.literal(), name, depth, false);
            case InstanceType i -> classMember(i.classType().literal(), name, depth, true);
            case SubclassOfType s when s.subclassOf() instanceof InstanceType i ->
                    classMember(i.classType().literal(), name, depth, false);
            default -> {
            }
        }
    }

    /** The first class of the MRO whose body defines the name; else, for instances, assignments to {@code self.name}. */
    private void classMember(ClassLiteral cls, String name, int depth, boolean instance) {
        List<ClassLiteral> mro = new ArrayList<>();
        for (Type entry : ti.mro(cls).entries()) {
            if (entry instanceof ClassLiteralType c) {
                mro.add(c.literal());
            }
        }
        for (ClassLiteral c : mro) {
            Scope body = ti.classes.bodyScope(c);
            int sym = body == null ? -1 : body.symbolId(name);
            SourceFile file = ti.classes.file(c);
            if (sym >= 0 && addAll(file, endOfScope(file.index(), body, sym), depth)) {
                return;
            }
        }
        for (ClassLiteral c : mro) {
            if (selfAssignments(c, name, depth)) {
                return;
            }
        }
    }

    private boolean selfAssignments(ClassLiteral cls, String name, int depth) {
        SourceFile file = ti.classes.file(cls);
        SemanticIndex index = file.index();
        List<Stmt> methods = new ArrayList<>();
        InstanceAttributes.collectFunctions(ti.classes.node(cls).body(), methods);
        boolean any = false;
        for (Stmt stmt : methods) {
            dev.typhon.ast.Arguments args = stmt instanceof FunctionDef f ? f.args() : ((AsyncFunctionDef) stmt).args();
            List<Stmt> body = stmt instanceof FunctionDef f ? f.body() : ((AsyncFunctionDef) stmt).body();
            List<Arg> positional = new ArrayList<>(args.posonlyargs());
            positional.addAll(args.args());
            if (positional.isEmpty() || body.isEmpty()) {
                continue;
            }
            Scope scope = Classes.ownScope(index, ((dev.typhon.ast.Located) stmt).startOffset(), body.get(0).startOffset(),
                    ScopeKind.FUNCTION);
            int place = scope == null ? -1 : scope.placeId(positional.get(0).arg() + "." + name);
            if (place < 0) {
                continue;
            }
            for (Definition d : index.definitionsOfPlace(scope, place)) {
                if (d.reachable() && !d.kind().unbinds() && d.kind() != DefinitionKind.AUGMENTED_ASSIGNMENT) {
                    any = true;
                    add(new Target(file, d), depth);
                }
            }
        }
        return any;
    }
}
