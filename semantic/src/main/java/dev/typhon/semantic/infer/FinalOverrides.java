package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.KnownFunction;
import java.util.List;

/**
 * What a class body may not do to what its bases made final: override a {@code @final} method
 * ({@code override-of-final-method}) or a variable declared {@code Final}
 * ({@code override-of-final-variable}); and a {@code Final} declaration of its own that nothing
 * assigns ({@code final-without-value}).
 */
final class FinalOverrides {
    private final TypeInference ti;

    FinalOverrides(TypeInference ti) {
        this.ti = ti;
    }

    void check(SourceFile file, ClassDef node, ClassLiteral cls, List<Problem> out) {
        Scope body = ti.classes.bodyScope(cls);
        if (body == null) {
            return;
        }
        List<ClassType> mro = ti.mro(cls).classes();
        for (String name : body.symbolNames()) {
            int sym = body.symbolId(name);
            Definition first = firstDefinition(file, body, sym);
            if (first == null) {
                continue;
            }
            if (!(name.startsWith("__") && !name.endsWith("__"))) { // a mangled private name is the class's own
                Problem p = override(file, cls, mro, name, first);
                if (p != null) {
                    out.add(p);
                }
            }
            if (!file.isStub()) {
                withoutValue(file, cls, body, sym, name, out);
            }
        }
    }

    private @Nullable Problem override(SourceFile file, ClassLiteral cls, List<ClassType> mro, String name, Definition at) {
        for (ClassType base : mro) {
            if (base.literal().equals(cls)) {
                continue;
            }
            if (ti.finals.declaresFinal(base.literal(), name)) {
                return problem("override-of-final-variable", "Cannot override final variable `" + name
                        + "` from superclass `" + base.literal().name() + "`", at);
            }
        }
        for (ClassType base : mro) {
            if (base.literal().equals(cls)) {
                continue;
            }
            Scope s = ti.classes.bodyScope(base.literal());
            int sym = s == null ? -1 : s.symbolId(name);
            if (sym < 0) {
                continue;
            }
            SourceFile f = ti.classes.file(base.literal());
            boolean binds = false;
            for (Definition d : f.index().definitionsOf(s, sym)) {
                if (!d.reachable() || d.kind().unbinds()) {
                    continue;
                }
                binds = true;
                if (isFinalFunction(f, d)) {
                    return problem("override-of-final-method", "Cannot override final member `" + name
                            + "` from superclass `" + base.literal().name() + "`", at);
                }
            }
            if (binds) {
                return null; // the nearest class that defines it decides
            }
        }
        return null;
    }

    private boolean isFinalFunction(SourceFile file, Definition d) {
        List<Expr> decorators = switch (d.node()) {
            case FunctionDef f -> f.decoratorList();
            case AsyncFunctionDef f -> f.decoratorList();
            default -> List.of();
        };
        for (Expr dec : decorators) {
            if (ti.expressions.infer(file, dec) instanceof FunctionLiteral f && f.isKnown(KnownFunction.FINAL)) {
                return true;
            }
        }
        return false;
    }

    /** {@code x: Final[int]} in a class body: it needs a value there or an assignment in {@code __init__}. */
    private void withoutValue(SourceFile file, ClassLiteral cls, Scope body, int sym, String name, List<Problem> out) {
        Definition decl = null;
        for (Definition d : file.index().declarationsOf(body, sym)) {
            if (d.statement() instanceof AnnAssign a && a.target() == d.node() && a.value() == null
                    && ti.finals.isFinalAnnotation(file, a.annotation())) {
                decl = d;
            }
        }
        if (decl == null) {
            return;
        }
        for (Definition d : file.index().definitionsOf(body, sym)) {
            if (!d.equals(decl) && !d.kind().unbinds() && d.kind() != dev.typhon.semantic.index.DefinitionKind.DECLARATION) {
                return;
            }
        }
        if (ti.finals.assignedInInit(cls, name) || isDataclass(file, cls)) {
            return;
        }
        out.add(FinalChecks.withoutValueProblem(name, (Node) decl.node()));
    }

    /** A class under {@code @dataclass} (or a call of it): its synthesized {@code __init__} assigns every field. */
    private boolean isDataclass(SourceFile file, ClassLiteral cls) {
        for (Expr dec : ti.classes.node(cls).decoratorList()) {
            Expr callee = dec instanceof dev.typhon.ast.Call c ? c.func() : dec;
            String name = callee instanceof dev.typhon.ast.Name n ? n.id()
                    : callee instanceof dev.typhon.ast.Attribute a ? a.attr() : "";
            if (name.equals("dataclass") || name.equals("define") || name.equals("frozen")) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Definition firstDefinition(SourceFile file, Scope body, int sym) {
        Definition first = null;
        for (Definition d : file.index().definitionsOf(body, sym)) {
            if (d.reachable() && !d.kind().unbinds() && (first == null || d.startOffset() < first.startOffset())) {
                first = d;
            }
        }
        return first;
    }

    private static Problem problem(String rule, String message, Definition at) {
        Node n = at.node();
        String defined = switch (n) {
            case FunctionDef f -> "def " + f.name();
            case AsyncFunctionDef f -> "async def " + f.name();
            case ClassDef c -> "class " + c.name();
            default -> null;
        };
        if (defined != null) {
            return new Problem(rule, message, null, n.startOffset(), n.startOffset() + defined.length()); // the `def` line
        }
        return new Problem(rule, message, null, n.startOffset(), n.endOffset());
    }
}
