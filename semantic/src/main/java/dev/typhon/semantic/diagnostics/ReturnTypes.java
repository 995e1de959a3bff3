package dev.typhon.semantic.diagnostics;

import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.If;
import dev.typhon.ast.Lambda;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.Pass;
import dev.typhon.ast.Return;
import dev.typhon.ast.Stmt;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Yield;
import dev.typhon.ast.YieldFrom;
import dev.typhon.semantic.index.Constraint;
import dev.typhon.semantic.index.ConstraintKind;
import dev.typhon.semantic.index.Reachability;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.infer.SourceFile;
import dev.typhon.semantic.infer.TypeInference;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.SpecialFormType;
import dev.typhon.semantic.types.TodoType;
import dev.typhon.semantic.types.Truthiness;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code invalid-return-type}: a function's return statements against its annotated return type,
 * and the {@code None} it returns when control can fall off its end.
 *
 * <p>As ty does: {@code NotImplemented} may be returned from any function (binary dunders return
 * it to hand over to the other operand); a "stub" body (an optional docstring, then {@code ...} or
 * {@code pass}) is the body left out, not an implicit {@code None}, in a stub file, a protocol, an
 * abstract method, an overload and under {@code if TYPE_CHECKING:}; generators return their
 * generator object, so only their {@code return} values are left to later work.
 */
final class ReturnTypes {
    private final TypeInference ti;
    private final SourceFile file;
    private Reachability.Evaluation evaluation;

    ReturnTypes(TypeInference ti, SourceFile file) {
        this.ti = ti;
        this.file = file;
    }

    /** The problems of one function definition ({@code def} or {@code async def}). */
    List<Diagnostic> check(Stmt function) {
        Expr returns;
        List<Stmt> body;
        List<Expr> decorators;
        if (function instanceof FunctionDef f) {
            returns = f.returns();
            body = f.body();
            decorators = f.decoratorList();
        } else if (function instanceof AsyncFunctionDef f) {
            returns = f.returns();
            body = f.body();
            decorators = f.decoratorList();
        } else {
            return List.of();
        }
        if (returns == null || body.isEmpty()) {
            return List.of();
        }
        Type declared = declaredReturn(function, returns);
        if (declared instanceof DynamicType || declared instanceof TodoType) {
            return List.of();
        }
        List<Return> returnStatements = new ArrayList<>();
        boolean generator = collect(body, returnStatements);
        List<Diagnostic> out = new ArrayList<>();
        if (generator) {
            return out;  // returns a generator object; what its return statements give is its StopIteration value
        }
        Scope scope = file.index().scopeAt(body.get(0) instanceof dev.typhon.ast.Located l ? l.startOffset() : 0);
        // Values are checked against the function's own unconstrained type variables; a constrained
        // one is checked per constraint (values narrowed along with it), and one of an enclosing class
        // through the class's binding: not yet, so not at all rather than wrongly.
        String name = function instanceof FunctionDef f ? f.name() : ((AsyncFunctionDef) function).name();
        boolean checkValues = !dev.typhon.semantic.types.TypeVariables.any(declared,
                v -> !v.constraints().isEmpty() || !v.binder().equals(name));
        for (Return r : returnStatements) {
            if (!checkValues || !mayHold(scope.returnReachability(r))) {
                continue;  // no diagnostics in unreachable code, as in ty
            }
            Type value = r.value() == null ? NoneType.NONE : withoutNotImplemented(ti.typeInContext(file, r.value(), declared));
            if (value != null && !dev.typhon.semantic.types.TypeVariables.any(value, v -> !v.binder().equals(name))
                    && !value.isAssignableTo(ti, declared) && !ti.needsStructuralMatch(value, declared)) {
                Node at = r.value() == null ? r : r.value();
                out.add(diagnostic("Return type does not match returned value: expected `" + declared.display()
                        + "`, found `" + value.display() + "`", at));
            }
        }
        if (NoneType.NONE.isAssignableTo(ti, declared) || bodyLeftOut(function, body, decorators)
                || !mayFallOffTheEnd(scope)) {
            return out;
        }
        boolean returnsValues = returnStatements.stream().anyMatch(r -> r.value() != null);
        out.add(diagnostic("Function " + (returnsValues ? "can implicitly return" : "always implicitly returns")
                + " `None`, which is not assignable to return type `" + declared.display() + "`", returns));
        return out;
    }

    /** The return type of the function's own signature, where its type variables are bound to it. */
    private Type declaredReturn(Stmt function, Expr returns) {
        for (dev.typhon.semantic.index.Definition d : ti.definitionsAt(file, function)) {
            if (d.node() == function) {
                dev.typhon.semantic.types.FunctionLiteral f = ti.functionLiteral(file, d);
                if (f != null && f.signature().returnType() != null) {
                    Type r = f.signature().returnType();
                    // an `async def` returns its coroutine: its `return` statements give what it awaits to
                    if (function instanceof AsyncFunctionDef && r instanceof dev.typhon.semantic.types.InstanceType i
                            && i.isKnown(dev.typhon.semantic.types.KnownClass.COROUTINE_TYPE)
                            && i.classType().arguments().size() == 3) {
                        return i.classType().arguments().get(2);
                    }
                    return r;
                }
            }
        }
        return ti.annotationType(file, returns);
    }

    private Diagnostic diagnostic(String message, Node at) {
        int start = at instanceof dev.typhon.ast.Located l ? l.startOffset() : 0;
        int end = at instanceof dev.typhon.ast.Located l ? l.endOffset() : 0;
        return new Diagnostic("invalid-return-type", Severity.ERROR, message, null, file.path(),
                SourceRange.of(file.lines(), start, end));
    }

    /** The value type without {@code NotImplemented}; null when nothing else is left. */
    private Type withoutNotImplemented(Type t) {
        if (isNotImplemented(t)) {
            return null;
        }
        if (t instanceof UnionType u) {
            List<Type> kept = new ArrayList<>();
            for (Type m : u.members()) {
                if (!isNotImplemented(m)) {
                    kept.add(m);
                }
            }
            if (kept.size() != u.members().size()) {
                return kept.isEmpty() ? null : dev.typhon.semantic.types.UnionBuilder.of(ti, kept);
            }
        }
        return t;
    }

    private static boolean isNotImplemented(Type t) {
        return t instanceof InstanceType i && i.isKnown(KnownClass.NOT_IMPLEMENTED_TYPE);
    }

    /**
     * Gathers the function's own return statements (not those of functions and classes nested in
     * it); true when it is a generator (a {@code yield} of its own).
     */
    private static boolean collect(List<Stmt> body, List<Return> returns) {
        boolean[] generator = new boolean[1];
        Deque<Node> stack = new ArrayDeque<>(body);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            switch (n) {
                case FunctionDef f -> {
                    continue;
                }
                case AsyncFunctionDef f -> {
                    continue;
                }
                case ClassDef c -> {
                    continue;
                }
                case Lambda l -> {
                    continue;
                }
                case Return r -> returns.add(r);
                case Yield y -> generator[0] = true;
                case YieldFrom y -> generator[0] = true;
                default -> {
                }
            }
            n.forEachChild(stack::push);
        }
        return generator[0];
    }

    /** Whether control may reach the end of the body, deciding tests by their types. */
    private boolean mayFallOffTheEnd(Scope scope) {
        return scope.endReachable() && mayHold(scope.endReachability());
    }

    private boolean mayHold(int formula) {
        if (formula == Reachability.ALWAYS_TRUE) {
            return true;
        }
        if (formula == Reachability.ALWAYS_FALSE) {
            return false;
        }
        if (evaluation == null) {
            evaluation = file.index().evaluation(this::decide);
        }
        return file.index().mayHold(formula, evaluation);
    }


    /** Decides a predicate of the index from the types inference gives. */
    private Reachability.Truth decide(int id) {
        Constraint c = file.index().constraints().get(id);
        try {
            if (c.kind() == ConstraintKind.TEST && c.test() instanceof Expr test) {
                return switch (Truthiness.of(ti.expressionType(file, test))) {
                    case ALWAYS_TRUE -> Reachability.Truth.ALWAYS_TRUE;
                    case ALWAYS_FALSE -> Reachability.Truth.ALWAYS_FALSE;
                    case AMBIGUOUS -> Reachability.Truth.AMBIGUOUS;
                };
            }
            if (c.kind() == ConstraintKind.CALL_RETURNS && c.test() instanceof Expr call) {
                return ti.statementCallType(file, call) instanceof Never ? Reachability.Truth.ALWAYS_FALSE
                        : Reachability.Truth.ALWAYS_TRUE;
            }
        } catch (RuntimeException e) {
            return Reachability.Truth.AMBIGUOUS;
        }
        return c.kind() == ConstraintKind.WITH_SWALLOWS ? Reachability.Truth.ALWAYS_FALSE : Reachability.Truth.AMBIGUOUS;
    }

    /**
     * Whether the body is one left out (a docstring, then {@code ...} or {@code pass}) where that is
     * allowed: stubs, protocols, abstract methods, overloads, {@code if TYPE_CHECKING:} blocks.
     */
    private boolean bodyLeftOut(Stmt function, List<Stmt> body, List<Expr> decorators) {
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            boolean docstring = i == 0 && s instanceof dev.typhon.ast.ExprStmt e && e.value() instanceof Constant c
                    && c.value() instanceof ConstantValue.Str;
            boolean ellipsis = s instanceof dev.typhon.ast.ExprStmt e && e.value() instanceof Constant c
                    && c.value() instanceof ConstantValue.Ellipsis;
            if (!docstring && !ellipsis && !(s instanceof Pass)) {
                return false;
            }
        }
        if (file.isStub()) {
            return true;
        }
        for (Expr d : decorators) {
            String name = d instanceof Name n ? n.id() : d instanceof Attribute a ? a.attr() : "";
            if (name.equals("abstractmethod") || name.equals("overload")) {
                return true;
            }
        }
        if (TypeCheckingBlocks.contains(file, function)) {
            return true;
        }
        for (Node ancestor : file.nodeTable().ancestors(function)) {
            if (ancestor instanceof ClassDef cls) {
                return isProtocolClass(cls);
            }
            if (!(ancestor instanceof If)) {
                return false;
            }
        }
        return false;
    }

    private boolean isProtocolClass(ClassDef cls) {
        for (Expr base : cls.bases()) {
            // `Protocol`, `Protocol[T]`, or anything else whose value is the special form
            if (ti.expressionType(file, base) == SpecialFormType.PROTOCOL
                    || base instanceof Subscript s && ti.expressionType(file, s.value()) == SpecialFormType.PROTOCOL) {
                return true;
            }
        }
        return false;
    }
}
