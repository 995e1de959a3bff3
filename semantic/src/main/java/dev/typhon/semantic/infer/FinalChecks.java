package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Tuple;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.index.SymbolFlags;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.SpecialFormType;
import dev.typhon.semantic.types.Type;

/**
 * {@code typing.Final} (typing spec, "Final"): a name or attribute declared {@code Final} is bound
 * once. Finds the declarations that say so and the assignments that break it: a second binding of
 * a final name (in its scope, through {@code global} / {@code nonlocal}, or after importing it) and
 * an assignment to a final attribute through a class or an instance.
 */
final class FinalChecks {
    private final TypeInference ti;

    FinalChecks(TypeInference ti) {
        this.ti = ti;
    }

    /** {@code Final}, {@code Final[T]}, and those inside {@code Annotated[...]} or {@code ClassVar[...]}. */
    boolean isFinalAnnotation(SourceFile file, Expr annotation) {
        Expr head = annotation instanceof Subscript s ? s.value() : annotation;
        Type t = ti.expressions.infer(file, head);
        if (t == SpecialFormType.FINAL) {
            return true;
        }
        if (annotation instanceof Subscript s && (t == SpecialFormType.ANNOTATED || t == SpecialFormType.CLASS_VAR)) {
            Expr inner = s.slice() instanceof Tuple tuple && !tuple.elts().isEmpty() ? tuple.elts().get(0) : s.slice();
            return isFinalAnnotation(file, inner);
        }
        return false;
    }

    private boolean isFinalDeclaration(SourceFile file, Definition d) {
        return d.statement() instanceof AnnAssign a && a.target() == d.node() && isFinalAnnotation(file, a.annotation());
    }

    /**
     * The problem of a binding of a name (an assignment or augmented assignment) that rebinds a
     * name declared {@code Final}, or null.
     */
    @Nullable Problem reassignment(SourceFile file, Definition d) {
        String message = reassignmentMessage(file, d);
        if (message == null) {
            return null;
        }
        Scope scope = file.index().scope(d.scope());
        // through `nonlocal`, ty also labels the target itself
        String label = scope.kind() != ScopeKind.MODULE && scope.isNonlocal(d.symbol()) ? "Reassignment of `Final` symbol" : null;
        return new Problem("invalid-assignment", message, label, d.node().startOffset(), d.node().endOffset());
    }

    private @Nullable String reassignmentMessage(SourceFile file, Definition d) {
        if (d.kind() != DefinitionKind.ASSIGNMENT && d.kind() != DefinitionKind.AUGMENTED_ASSIGNMENT
                && d.kind() != DefinitionKind.ANNOTATED_ASSIGNMENT || d.isPlace()) {
            return null;
        }
        SemanticIndex index = file.index();
        Scope scope = index.scope(d.scope());
        String name = scope.symbolName(d.symbol());
        Scope target = bindingScope(index, scope, d.symbol(), name);
        if (target == null) {
            return null;
        }
        int sym = target.symbolId(name);
        if (sym < 0) {
            return null;
        }
        String message = "Reassignment of `Final` symbol `" + name + "` is not allowed";
        Definition finalDecl = null;
        for (Definition decl : index.declarationsOf(target, sym)) {
            if (isFinalDeclaration(file, decl)) {
                finalDecl = decl;
                break;
            }
        }
        if (finalDecl == null) {
            return importedFinal(file, target, sym) && target == scope && !isImport(d) ? message : null;
        }
        if (finalDecl.equals(d)) {
            return null;
        }
        if (((AnnAssign) finalDecl.statement()).value() != null || target != scope) {
            return message;
        }
        // `X: Final[int]` then `X = 1`: the first binding after the declaration is the one allowed
        for (Definition other : index.definitionsOf(target, sym)) {
            if (!other.equals(d) && !other.equals(finalDecl) && !other.kind().unbinds()
                    && other.startOffset() < d.startOffset() && other.kind() != DefinitionKind.DECLARATION
                    && !exclusive(file, other.node(), d.node())) {
                return message;
            }
        }
        return d.kind() == DefinitionKind.AUGMENTED_ASSIGNMENT ? message : null;
    }

    /** Whether two nodes are in different branches of one {@code if} statement: only one of them runs. */
    private static boolean exclusive(SourceFile file, dev.typhon.ast.Node a, dev.typhon.ast.Node b) {
        for (dev.typhon.ast.Node n = file.nodeTable().parent(a); n != null; n = file.nodeTable().parent(n)) {
            if (n instanceof dev.typhon.ast.If i && !i.orelse().isEmpty()) {
                boolean aInBody = within(i.body(), a);
                boolean bInBody = within(i.body(), b);
                boolean aInElse = within(i.orelse(), a);
                boolean bInElse = within(i.orelse(), b);
                if (aInBody && bInElse || aInElse && bInBody) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean within(java.util.List<dev.typhon.ast.Stmt> block, dev.typhon.ast.Node n) {
        return !block.isEmpty() && n.startOffset() >= block.get(0).startOffset()
                && n.endOffset() <= block.get(block.size() - 1).endOffset();
    }

    private static boolean isImport(Definition d) {
        return d.kind() == DefinitionKind.IMPORT || d.kind() == DefinitionKind.IMPORT_FROM;
    }

    /** The scope a binding of the symbol binds in: its own, the module's for {@code global}, an enclosing function's for {@code nonlocal}. */
    private static @Nullable Scope bindingScope(SemanticIndex index, Scope scope, int symbol, String name) {
        if (scope.kind() == ScopeKind.MODULE) {
            return scope;
        }
        if (scope.resolution(symbol) == SymbolFlags.GLOBAL_EXPLICIT) {
            return index.moduleScope();
        }
        if (scope.isNonlocal(symbol)) {
            for (Scope s = scope.parent() < 0 ? null : index.scope(scope.parent()); s != null;
                    s = s.parent() < 0 ? null : index.scope(s.parent())) {
                int sym = s.symbolId(name);
                if (s.kind() == ScopeKind.FUNCTION && sym >= 0 && s.isBound(sym) && !s.isNonlocal(sym)) {
                    return s;
                }
            }
            return null;
        }
        return scope;
    }

    /** Whether the symbol is bound by {@code from m import name} of a name {@code m} declares final. */
    private boolean importedFinal(SourceFile file, Scope scope, int sym) {
        for (Definition d : file.index().definitionsOf(scope, sym)) {
            if (d.kind() != DefinitionKind.IMPORT_FROM || !(d.statement() instanceof ImportFrom from)) {
                continue;
            }
            String module = ti.imports.fromModuleName(file, from);
            String original = null;
            for (dev.typhon.ast.Alias alias : from.names()) {
                String bound = alias.asname() != null ? alias.asname() : alias.name();
                if (bound.equals(scope.symbolName(sym))) {
                    original = alias.name();
                }
            }
            SourceFile m = module == null ? null : ti.program.module(module).orElse(null);
            if (m == null || original == null) {
                continue;
            }
            Scope global = m.index().moduleScope();
            int s = global.symbolId(original);
            if (s < 0) {
                continue;
            }
            for (Definition decl : m.index().declarationsOf(global, s)) {
                if (isFinalDeclaration(m, decl)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // attributes

    /** Whether {@code object.name = ...} assigns an attribute declared {@code Final}. */
    boolean isFinalAttribute(Type object, String name) {
        return switch (object) {
            case ClassLiteralType c -> finalInClassBodies(c.literal(), name)
                    || ti.metaclass(c.literal()) != null && finalInClassBodies(ti.metaclass(c.literal()).literal(), name);
            case InstanceType i -> finalInClassBodies(i.literal(), name) || finalInMethods(i.literal(), name);
            case dev.typhon.semantic.types.TypeVarType v when v.bound() != null -> isFinalAttribute(v.bound(), name);
            default -> false;
        };
    }

    private boolean finalInClassBodies(ClassLiteral cls, String name) {
        for (ClassType c : ti.mro(cls).classes()) {
            Scope body = ti.classes.bodyScope(c.literal());
            int sym = body == null ? -1 : body.symbolId(name);
            if (sym < 0) {
                continue;
            }
            SourceFile file = ti.classes.file(c.literal());
            for (Definition d : file.index().declarationsOf(body, sym)) {
                if (isFinalDeclaration(file, d)) {
                    return true;
                }
            }
            return false; // the nearest class that has it says
        }
        return false;
    }

    private boolean finalInMethods(ClassLiteral cls, String name) {
        for (ClassType c : ti.mro(cls).classes()) {
            InstanceAttributes.Implicit i = ti.members.implicitAttributes().of(c.literal(), name);
            if (i != null) {
                return i.isFinal();
            }
        }
        return false;
    }

    /** {@code ClassVar[Final[int]]} or {@code Final[ClassVar[int]]}: a final class attribute is a class variable already. */
    @Nullable Problem redundantClassVar(SourceFile file, AnnAssign ann) {
        if (!isFinalAnnotation(file, ann.annotation()) || !ti.members.isClassVarAnnotation(file, ann.annotation())) {
            return null;
        }
        return new Problem("redundant-final-classvar", "Combining `ClassVar` and `Final` is redundant", null,
                ann.annotation().startOffset(), ann.annotation().endOffset());
    }

    /** Whether the class body itself declares the name {@code Final}. */
    boolean declaresFinal(ClassLiteral cls, String name) {
        Scope body = ti.classes.bodyScope(cls);
        int sym = body == null ? -1 : body.symbolId(name);
        if (sym < 0) {
            return false;
        }
        SourceFile file = ti.classes.file(cls);
        for (Definition d : file.index().declarationsOf(body, sym)) {
            if (isFinalDeclaration(file, d)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class's {@code __init__} assigns {@code self.name}. */
    boolean assignedInInit(ClassLiteral cls, String name) {
        SourceFile file = ti.classes.file(cls);
        for (dev.typhon.ast.Stmt stmt : ti.classes.node(cls).body()) {
            if (stmt instanceof dev.typhon.ast.FunctionDef f && f.name().equals("__init__") && !f.args().args().isEmpty()
                    && !f.body().isEmpty()) {
                Scope scope = Classes.ownScope(file.index(), f.startOffset(), f.body().get(0).startOffset(), ScopeKind.FUNCTION);
                int place = scope == null ? -1 : scope.placeId(f.args().args().get(0).arg() + "." + name);
                if (place >= 0 && !file.index().definitionsOfPlace(scope, place).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    static Problem withoutValueProblem(String name, dev.typhon.ast.Node target) {
        return new Problem("final-without-value", "`Final` symbol `" + name + "` is not assigned a value", null,
                target.startOffset(), target.endOffset());
    }

    /**
     * {@code x: Final[int]} outside a class body and outside a stub, with no binding of the name in
     * its scope: a final name that is never given its value. Null when that is not so.
     */
    @Nullable Problem withoutValue(SourceFile file, AnnAssign ann) {
        if (ann.value() != null || file.isStub() || !(ann.target() instanceof dev.typhon.ast.Name n)
                || !isFinalAnnotation(file, ann.annotation())) {
            return null;
        }
        for (Definition d : ti.definitionsAt(file, ann)) {
            Scope scope = file.index().scope(d.scope());
            if (scope.kind() == ScopeKind.CLASS) {
                return null; // the class checks its own body (and `__init__`)
            }
            for (Definition other : file.index().definitionsOf(scope, d.symbol())) {
                if (!other.equals(d) && !other.kind().unbinds() && other.kind() != DefinitionKind.DECLARATION) {
                    return null;
                }
            }
            return withoutValueProblem(n.id(), n);
        }
        return null;
    }

    /** Whether the class body that declares an instance's final attribute also gives it its value there. */
    boolean hasClassLevelValue(Type object, String name) {
        Type t = object instanceof dev.typhon.semantic.types.TypeVarType v && v.bound() != null ? v.bound() : object;
        if (!(t instanceof InstanceType i)) {
            return true;
        }
        for (ClassType c : ti.mro(i.literal()).classes()) {
            if (declaresFinal(c.literal(), name)) {
                return hasClassLevelValue(c.literal(), name);
            }
        }
        return false;
    }

    /** Whether a class body binds the name (not only declares it). */
    boolean hasClassLevelValue(ClassLiteral cls, String name) {
        Scope body = ti.classes.bodyScope(cls);
        int sym = body == null ? -1 : body.symbolId(name);
        if (sym < 0) {
            return false;
        }
        SourceFile file = ti.classes.file(cls);
        for (Definition d : file.index().definitionsOf(body, sym)) {
            if (!d.kind().unbinds() && d.kind() != DefinitionKind.DECLARATION) {
                return true;
            }
        }
        return false;
    }
}
