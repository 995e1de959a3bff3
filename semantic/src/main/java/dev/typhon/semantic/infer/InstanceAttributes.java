package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Arg;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Stmt;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attributes a class's methods give its instances through their first parameter
 * ({@code self.x = ...}, {@code self.x: int}), whichever method does it and however conditionally.
 * Static methods and class methods have no instance to assign through, so they are skipped.
 */
final class InstanceAttributes {
    private final TypeInference ti;
    private final Memo<String, Optional<Implicit>> memo = new Memo<>("implicit-attribute");

    InstanceAttributes(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * @param type     the declared type if some method declares it, else the union of the assigned
     *                 values with literals widened after the union ({@code None | int})
     * @param declared whether a method declares it
     */
    record Implicit(Type type, boolean declared) {
    }

    /** The attribute the class's own methods define on instances, or null when none does. */
    @Nullable Implicit of(ClassLiteral cls, String name) {
        String key = cls.ref().file() + ":" + cls.ref().definition() + ":" + name;
        return memo.get(key, k -> Optional.ofNullable(compute(cls, name, false)), Optional.empty()).orElse(null);
    }

    /** The attribute the class's own class methods define on the class ({@code cls.x = ...}), or null. */
    @Nullable Implicit ofClass(ClassLiteral cls, String name) {
        String key = cls.ref().file() + ":" + cls.ref().definition() + ":cls:" + name;
        return memo.get(key, k -> Optional.ofNullable(compute(cls, name, true)), Optional.empty()).orElse(null);
    }

    private @Nullable Implicit compute(ClassLiteral cls, String name, boolean classMethods) {
        SourceFile file = ti.classes.file(cls);
        SemanticIndex index = file.index();
        UnionBuilder declared = new UnionBuilder(ti);
        UnionBuilder inferred = new UnionBuilder(ti);
        List<Stmt> methods = new ArrayList<>();
        collectFunctions(ti.classes.node(cls).body(), methods);
        for (Stmt stmt : methods) {
            List<Arg> positional = new ArrayList<>();
            List<Stmt> body;
            List<Expr> decorators;
            if (stmt instanceof FunctionDef fd) {
                positional.addAll(fd.args().posonlyargs());
                positional.addAll(fd.args().args());
                body = fd.body();
                decorators = fd.decoratorList();
            } else {
                AsyncFunctionDef fd = (AsyncFunctionDef) stmt;
                positional.addAll(fd.args().posonlyargs());
                positional.addAll(fd.args().args());
                body = fd.body();
                decorators = fd.decoratorList();
            }
            if (positional.isEmpty() || body.isEmpty() || receiver(file, stmt, decorators) != (classMethods ? 2 : 1)) {
                continue;
            }
            Scope scope = Classes.ownScope(index, ((dev.typhon.ast.Located) stmt).startOffset(), body.get(0).startOffset(),
                    ScopeKind.FUNCTION);
            if (scope == null) {
                continue;
            }
            String path = positional.get(0).arg() + "." + name;
            for (Scope s : withComprehensions(index, scope)) {
                int place = s.placeId(path);
                if (place < 0) {
                    continue;
                }
                for (Definition d : index.definitionsOfPlace(s, place)) {
                    if (!d.reachable() || d.kind().unbinds()) {
                        continue;
                    }
                    if (d.statement() instanceof AnnAssign a && a.target() == d.node()) {
                        declared.add(ti.typeExpressions.annotation(file, a.annotation(), null));
                    } else if (d.kind() == dev.typhon.semantic.index.DefinitionKind.AUGMENTED_ASSIGNMENT) {
                        // `self.x += v` updates what other bindings gave: it adds their results, not the
                        // Unknown a read of the attribute being inferred meets on its way round
                        addKnown(inferred, ti.definitions.bindingType(file, d));
                    } else {
                        inferred.add(ti.definitions.bindingType(file, d));
                    }
                }
            }
        }
        if (!declared.isEmpty()) {
            return new Implicit(declared.build(), true);
        }
        return inferred.isEmpty() ? null : new Implicit(ti.expressions.promote(inferred.build()), false);
    }

    /** A method's scope and the comprehensions in it ({@code [... for self.x in xs]} assigns through {@code self} too). */
    private static List<Scope> withComprehensions(SemanticIndex index, Scope method) {
        List<Scope> out = new ArrayList<>();
        out.add(method);
        for (int i = 0; i < out.size(); i++) {
            for (int child : out.get(i).children()) {
                Scope c = index.scope(child);
                if (c.kind() != ScopeKind.FUNCTION && c.kind() != ScopeKind.CLASS && c.kind() != ScopeKind.LAMBDA
                        && c.kind() != ScopeKind.ANNOTATION && c.kind() != ScopeKind.MODULE
                        && c.kind() != ScopeKind.TYPE_PARAMETERS) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static void addKnown(UnionBuilder out, Type t) {
        if (t instanceof dev.typhon.semantic.types.UnionType u) {
            for (Type m : u.members()) {
                if (m != dev.typhon.semantic.types.DynamicType.UNKNOWN) {
                    out.add(m);
                }
            }
        } else if (t != dev.typhon.semantic.types.DynamicType.UNKNOWN) {
            out.add(t);
        }
    }

    /** What a method's first parameter is: 1 the instance, 2 the class (class methods), 0 nothing (static methods). */
    private int receiver(SourceFile file, Stmt method, List<Expr> decorators) {
        String name = method instanceof FunctionDef fd ? fd.name() : ((AsyncFunctionDef) method).name();
        if (name.equals("__new__")) {
            return 0;
        }
        if (name.equals("__init_subclass__") || name.equals("__class_getitem__")) {
            return 2;
        }
        for (Expr d : decorators) {
            Type t = ti.expressions.infer(file, d);
            if (t instanceof ClassLiteralType c && c.literal().isKnown(KnownClass.STATICMETHOD)) {
                return 0;
            }
            if (t instanceof ClassLiteralType c && c.literal().isKnown(KnownClass.CLASSMETHOD)) {
                return 2;
            }
        }
        return 1;
    }

    /** The functions of a class body, also those defined under {@code if}, {@code try}, {@code with}. */
    static void collectFunctions(List<Stmt> body, List<Stmt> out) {
        for (Stmt s : body) {
            switch (s) {
                case FunctionDef f -> out.add(f);
                case AsyncFunctionDef f -> out.add(f);
                case dev.typhon.ast.If i -> {
                    collectFunctions(i.body(), out);
                    collectFunctions(i.orelse(), out);
                }
                case dev.typhon.ast.Try t -> {
                    collectFunctions(t.body(), out);
                    collectFunctions(t.orelse(), out);
                    collectFunctions(t.finalbody(), out);
                }
                case dev.typhon.ast.With w -> collectFunctions(w.body(), out);
                default -> {
                }
            }
        }
    }
}
