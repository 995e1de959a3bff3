package dev.typhon.semantic.diagnostics;

import dev.typhon.ast.Alias;
import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Arg;
import dev.typhon.ast.Call;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Import;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Located;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.Placeholders;
import dev.typhon.ast.parser.SyntaxError;
import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.index.Use;
import dev.typhon.semantic.infer.SourceFile;
import dev.typhon.semantic.infer.TypeInference;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.Truthiness;
import dev.typhon.semantic.types.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Checks one file: walks every node, asks inference for the types it needs, and reports what is
 * wrong (and what {@code reveal_type} asks to see) with ty's rule names and wording. Inference is
 * pure and memoized; diagnostics are made here, so a memoized answer never repeats or loses one.
 */
public final class FileChecker {
    private final TypeInference ti;
    private final SourceFile file;
    private final List<Diagnostic> out = new ArrayList<>();

    private FileChecker(TypeInference ti, SourceFile file) {
        this.ti = ti;
        this.file = file;
    }

    /** Every diagnostic of the file, in source order. */
    public static List<Diagnostic> check(TypeInference ti, SourceFile file) {
        FileChecker c = new FileChecker(ti, file);
        c.run();
        List<Diagnostic> all = new ArrayList<>(Suppressions.apply(file, c.out));
        all.sort(Comparator.comparingInt((Diagnostic d) -> d.range().startOffset()));
        return List.copyOf(all);
    }

    private void run() {
        if (file.readError() != null) {
            report("io", Severity.ERROR, "Failed to read file: " + file.readError(), null, 0, 0);
            return;
        }
        for (SyntaxError e : file.parse().errors()) {
            report("invalid-syntax", Severity.ERROR, e.message(), null, e.startOffset(), e.endOffset());
        }
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(file.parse().module());
        List<Node> children = new ArrayList<>();
        java.util.Set<Node> annotations = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<Node> insideAnnotation = new ArrayDeque<>();
        java.util.Set<Node> unreachableBodies = unreachableDefinitions();
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n == ANNOTATION_END) {
                insideAnnotation.pop();
                continue;
            }
            if (unreachableBodies.contains(n)) {
                continue; // a def or class the file's static conditions never run: nothing in it is checked
            }
            boolean annotationRoot = annotations.contains(n);
            if (annotationRoot) {
                insideAnnotation.push(n);
                stack.push(ANNOTATION_END);
            }
            if (insideAnnotation.isEmpty()) {
                visit(n);
            } else if (n instanceof Name name && name.ctx() == ExprContext.Load) {
                name(name);  // a type expression is not evaluated, but its names must exist
            }
            switch (n) {
                case AnnAssign a -> annotations.add(a.annotation());
                case Arg a when a.annotation() != null -> annotations.add(a.annotation());
                case FunctionDef f when f.returns() != null -> annotations.add(f.returns());
                case dev.typhon.ast.AsyncFunctionDef f when f.returns() != null -> annotations.add(f.returns());
                default -> {
                }
            }
            children.clear();
            n.forEachChildInSourceOrder(children::add);
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }

    /**
     * The {@code def} and {@code class} statements static reachability rules out (a branch for
     * another Python version or platform): ty reports nothing inside them, and their bodies'
     * own flow does not know that they never run.
     */
    private java.util.Set<Node> unreachableDefinitions() {
        java.util.Set<Node> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (dev.typhon.semantic.index.Definition d : file.index().definitions()) {
            if (!d.reachable() && (d.statement() instanceof FunctionDef || d.statement() instanceof dev.typhon.ast.AsyncFunctionDef
                    || d.statement() instanceof dev.typhon.ast.ClassDef)) {
                out.add(d.statement());
            }
        }
        return out;
    }

    /** Marks, on the walk's stack, where the subtree of an annotation ends. */
    private static final Node ANNOTATION_END = dev.typhon.ast.Placeholders.missingExpression(ExprContext.Load, 1, 0, 0);

    private void visit(Node n) {
        try {
            switch (n) {
                case Name name when name.ctx() == ExprContext.Load -> name(name);
                case Call call -> call(call);
                case Import imp -> imports(imp);
                case ImportFrom from -> fromImport(from);
                case AnnAssign ann -> {
                    annotated(ann);
                    ti.declarationProblems(file, ann).forEach(this::problem);
                }
                case dev.typhon.ast.Attribute attr -> ti.attributeProblems(file, attr).forEach(this::problem);
                case dev.typhon.ast.BinOp b -> ti.operatorProblems(file, b).forEach(this::problem);
                case dev.typhon.ast.UnaryOp u when u.op() == dev.typhon.ast.UnaryOperator.Not ->
                        problem(ti.boolConversionProblem(file, u.operand()));
                case dev.typhon.ast.UnaryOp u -> ti.operatorProblems(file, u).forEach(this::problem);
                case dev.typhon.ast.Compare c -> ti.operatorProblems(file, c).forEach(this::problem);
                case dev.typhon.ast.AugAssign a -> ti.augmentedProblems(file, a).forEach(this::problem);
                case dev.typhon.ast.Subscript sub when sub.ctx() == ExprContext.Load ->
                        ti.subscriptProblems(file, sub).forEach(this::problem);
                case dev.typhon.ast.For f -> {
                    problem(ti.iterationProblem(file, f.iter()));
                    ti.unpackingProblems(file, f).forEach(this::problem);
                }
                case dev.typhon.ast.Comprehension c -> {
                    if (c.isAsync() == 0) {
                        problem(ti.iterationProblem(file, c.iter()));
                    }
                    ti.unpackingProblems(file, c).forEach(this::problem);
                    c.ifs().forEach(t -> problem(ti.boolConversionProblem(file, t)));
                }
                case dev.typhon.ast.WithItem w -> {
                    problem(ti.contextManagerProblem(file, w));
                    ti.unpackingProblems(file, w).forEach(this::problem);
                }
                case dev.typhon.ast.ClassDef cd -> {
                    for (dev.typhon.semantic.index.Definition d : ti.definitionsAt(file, cd)) {
                        if (d.node() == cd) {
                            for (dev.typhon.semantic.infer.Problem p : ti.classProblems(file, d)) {
                                report(p.rule(), Severity.ERROR, p.headline(), p.annotation(), p.start(), p.end());
                            }
                        }
                    }
                }
                case dev.typhon.ast.Assign assign -> {
                    for (dev.typhon.semantic.infer.Problem p : ti.assignmentProblems(file, assign)) {
                        if (p.start() == assign.value().startOffset() && p.end() == assign.value().endOffset()) {
                            int[] r = valueRange(assign.value());
                            p = new dev.typhon.semantic.infer.Problem(p.rule(), p.headline(), p.annotation(), r[0], r[1]);
                        }
                        problem(p);
                    }
                    ti.unpackingProblems(file, assign).forEach(this::problem);
                }
                case dev.typhon.ast.If i -> problem(ti.boolConversionProblem(file, i.test()));
                case dev.typhon.ast.While w -> problem(ti.boolConversionProblem(file, w.test()));
                case dev.typhon.ast.Assert a -> problem(ti.boolConversionProblem(file, a.test()));
                case dev.typhon.ast.IfExp i -> problem(ti.boolConversionProblem(file, i.test()));
                case dev.typhon.ast.BoolOp b -> {
                    // the last operand is returned as it is, never converted
                    for (int k = 0; k < b.values().size() - 1; k++) {
                        problem(ti.boolConversionProblem(file, b.values().get(k)));
                    }
                }
                case Arg arg when arg.annotation() != null -> {
                    annotation(arg.annotation());
                    problem(ti.finalQualifierProblem(file, arg.annotation(), false));
                }
                case FunctionDef f when f.returns() != null -> {
                    annotation(f.returns());
                    problem(ti.finalQualifierProblem(file, f.returns(), true));
                    out.addAll(new ReturnTypes(ti, file).check(f));
                }
                case dev.typhon.ast.AsyncFunctionDef f when f.returns() != null -> out.addAll(new ReturnTypes(ti, file).check(f));
                default -> {
                }
            }
        } catch (StackOverflowError e) {
            report("internal-error", Severity.ERROR, "Inference ran out of stack here", null, start(n), end(n));
        }
    }

    private void problem(dev.typhon.semantic.infer.Problem p) {
        if (p != null) {
            report(p.rule(), Severity.ERROR, p.headline(), p.annotation(), p.start(), p.end());
        }
    }

    private void name(Name name) {
        if (Placeholders.isMissing(name)) {
            return;
        }
        Use use = file.index().useAt(name.startOffset());
        if (use == null || use.node() != name || !use.reachable()) {
            return;
        }
        Boundness b = ti.boundness(file, name);
        if (b == Boundness.UNBOUND) {
            report("unresolved-reference", Severity.ERROR, "Name `" + name.id() + "` used when not defined", null,
                    name.startOffset(), name.endOffset());
        } else if (b == Boundness.POSSIBLY_UNBOUND) {
            report("possibly-unresolved-reference", Severity.WARNING,
                    "Name `" + name.id() + "` used when possibly not defined", null, name.startOffset(), name.endOffset());
        }
    }

    /**
     * True when {@code reveal_type} is bound by no scope of the file nor by the builtins: ty lets
     * it resolve for debugging, and warns that it fails at run time.
     */
    private boolean revealedWithoutImport(Name n) {
        Use use = file.index().useAt(n.startOffset());
        if (use == null || file.isStub() || TypeCheckingBlocks.contains(file, n)) {
            return false;
        }
        var builtins = ti.program().module("builtins");
        if (builtins.isPresent() && ti.moduleMember(builtins.get(), n.id()) != null) {
            return false;
        }
        return file.index().boundness(use, x -> false) == Boundness.UNBOUND;
    }

    private void call(Call call) {
        for (dev.typhon.semantic.infer.Problem p : ti.callProblems(file, call)) {
            report(p.rule(), Severity.ERROR, p.headline(), p.annotation(), p.start(), p.end());
        }
        Type callee = ti.expressionType(file, call.func());
        if (!(callee instanceof FunctionLiteral f) || f.known() == null) {
            return;
        }
        List<Expr> args = call.args();
        switch (f.known()) {
            case REVEAL_TYPE -> {
                if (call.func() instanceof Name n && revealedWithoutImport(n)) {
                    report("undefined-reveal", Severity.WARNING, "`reveal_type` used without importing it", null,
                            n.startOffset(), n.endOffset());
                }
                if (args.size() == 1) {
                    Expr arg = args.get(0);
                    report("revealed-type", Severity.INFO, "Revealed type",
                            "`" + ti.expressionType(file, arg).display() + "`", arg.startOffset(), arg.endOffset());
                }
            }
            case STATIC_ASSERT -> {
                if (!args.isEmpty()) {
                    Expr arg = args.get(0);
                    Type t = ti.expressionType(file, arg);
                    Truthiness truth = Truthiness.of(t);
                    if (truth == Truthiness.ALWAYS_FALSE) {
                        report("static-assert-error", Severity.ERROR,
                                "Static assertion error: argument evaluates to `False`", null, arg.startOffset(), arg.endOffset());
                    } else if (truth == Truthiness.AMBIGUOUS) {
                        report("static-assert-error", Severity.ERROR, "Static assertion error: argument of type `"
                                + t.display() + "` has an ambiguous static truthiness", null, arg.startOffset(), arg.endOffset());
                    }
                }
            }
            case ASSERT_NEVER -> {
                if (args.size() == 1) {
                    Type actual = ti.expressionType(file, args.get(0));
                    if (!actual.isNever() && !actual.isDynamic()) {
                        report("type-assertion-failure", Severity.ERROR, "Type `" + actual.display()
                                + "` is not equivalent to `Never`", null, args.get(0).startOffset(), args.get(0).endOffset());
                    }
                }
            }
            case ASSERT_TYPE -> {
                if (args.size() == 2) {
                    Type actual = ti.expressionType(file, args.get(0));
                    Type asserted = ti.annotationType(file, args.get(1));
                    if (!actual.equals(asserted) && !actual.isEquivalentTo(ti, asserted)) {
                        report("type-assertion-failure", Severity.ERROR, "Argument does not have asserted type `"
                                + asserted.display() + "`", "Inferred type is `" + actual.display() + "`",
                                args.get(0).startOffset(), args.get(0).endOffset());
                    }
                }
            }
            case REVEAL_MRO -> {
                if (args.size() == 1 && ti.expressionType(file, args.get(0))
                        instanceof dev.typhon.semantic.types.ClassLiteralType c) {
                    report("revealed-type", Severity.INFO, "Revealed MRO", ti.revealedMro(c.classType()),
                            args.get(0).startOffset(), args.get(0).endOffset());
                }
            }
            default -> {
            }
        }
    }

    private void imports(Import imp) {
        for (Alias a : imp.names()) {
            if (ti.moduleLiteral(a.name()) == null) {
                report("unresolved-import", Severity.ERROR, "Cannot resolve imported module `" + a.name() + "`", null,
                        a.startOffset(), a.endOffset());
            }
        }
    }

    private void fromImport(ImportFrom from) {
        String module = ti.fromModuleName(file, from);
        String shown = ".".repeat(from.level()) + (from.module() == null ? "" : from.module());
        if (module == null || ti.moduleLiteral(module) == null) {
            int start = from.startOffset();
            report("unresolved-import", Severity.ERROR, "Cannot resolve imported module `" + shown + "`", null,
                    start, from.endOffset());
            return;
        }
        for (Alias a : from.names()) {
            if (a.name().equals("*")) {
                continue;
            }
            if (ti.fromMember(file, from, a.name()) == null) {
                report("unresolved-import", Severity.ERROR, "Module `" + shown + "` has no member `" + a.name() + "`",
                        null, a.startOffset(), a.endOffset());
            }
        }
    }

    private void annotated(AnnAssign ann) {
        annotation(ann.annotation());
        if (ann.value() == null) {
            return;
        }
        Type declared = ti.annotationType(file, ann.annotation());
        Type value = ti.annotatedValueType(file, ann.value(), declared);
        ti.contextProblems(file, ann.value(), declared).forEach(this::problem);
        if (!value.isAssignableTo(ti, declared)) {
            report("invalid-assignment", Severity.ERROR, "Object of type `" + value.display()
                    + "` is not assignable to `" + declared.display() + "`", null, valueRange(ann.value())[0],
                    valueRange(ann.value())[1]);
        }
    }

    private void annotation(Expr annotation) {
        ti.annotationDiagnostics(file, annotation).forEach(this::problem);
    }

    /** An assigned value's range with its grouping parentheses, where ty reports on the value. */
    private int[] valueRange(Expr value) {
        return Parentheses.around(file.lines().text(), file.parse().comments(), value);
    }

    private static int start(Node n) {
        return n instanceof Located l ? l.startOffset() : 0;
    }

    private static int end(Node n) {
        return n instanceof Located l ? l.endOffset() : 0;
    }

    private void report(String rule, Severity severity, String headline, String annotation, int start, int end) {
        out.add(new Diagnostic(rule, severity, headline, annotation, file.path(), SourceRange.of(file.lines(), start, end)));
    }
}
