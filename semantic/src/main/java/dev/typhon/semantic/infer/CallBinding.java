package dev.typhon.semantic.infer;

import dev.typhon.ast.Call;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Starred;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Binding a call's arguments to a function's parameters as Python does (positional first, then
 * keywords by name, defaults for the rest) and checking each argument against its parameter's type,
 * with ty's rules: {@code too-many-positional-arguments}, {@code unknown-argument},
 * {@code parameter-already-assigned}, {@code missing-argument}, {@code invalid-argument-type}.
 * Calls with {@code *args} or {@code **kwargs} arguments, overloads and generic parameters are not
 * checked yet (they are not reported rather than reported wrongly).
 */
final class CallBinding {
    private final TypeInference ti;

    CallBinding(TypeInference ti) {
        this.ti = ti;
    }

    List<Problem> problems(SourceFile file, Call call) {
        List<Problem> out = new ArrayList<>();
        Type callee = ti.expressions.infer(file, call.func());
        FunctionLiteral f;
        int skip;
        String kind;
        switch (callee) {
            case FunctionLiteral fl -> {
                f = fl;
                skip = 0;
                kind = "function";
            }
            case BoundMethodType b -> {
                f = b.function();
                skip = 1;
                kind = "bound method";
            }
            default -> {
                return out;
            }
        }
        if (f.known() != null || f.signature().gradual() || f.name().equals("__new__") || f.name().equals("__init__")) {
            return out;
        }
        for (Expr a : call.args()) {
            if (a instanceof Starred) {
                return out;
            }
        }
        for (Keyword k : call.keywords()) {
            if (k.arg() == null) {
                return out;
            }
        }
        Signature s = f.signature();
        List<Parameter> ps = s.parameters().subList(Math.min(skip, s.parameters().size()), s.parameters().size());
        String name = kind + " `" + f.name() + "`";
        TypeVarSolver.Solution solution = null;
        java.util.Set<Expr> violating = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (!s.typeParameters().isEmpty()) {
            CallArguments arguments = CallArguments.of(ti, file, call);
            solution = arguments.solve(ti, s, skip, callee instanceof BoundMethodType b ? b.self() : null);
            for (TypeVarSolver.Violation v : solution.violations()) {
                Expr at = v.argument() >= 0 && v.argument() < arguments.exprs().size() ? arguments.exprs().get(v.argument()) : null;
                if (at != null && violating.add(at)) {
                    out.add(new Problem("invalid-argument-type", "Argument to " + name + " is incorrect", v.message(),
                            at.startOffset(), at.endOffset()));
                }
            }
        }
        Checker check = new Checker(file, name, out, solution, violating);
        boolean[] bound = new boolean[ps.size()];
        List<Parameter> positional = new ArrayList<>();
        int variadic = -1;
        int kwVariadic = -1;
        for (int i = 0; i < ps.size(); i++) {
            switch (ps.get(i).kind()) {
                case POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD -> positional.add(ps.get(i));
                case VARIADIC -> variadic = i;
                case KEYWORD_VARIADIC -> kwVariadic = i;
                default -> {
                }
            }
        }
        List<Expr> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            if (i < positional.size()) {
                bound[ps.indexOf(positional.get(i))] = true;
                check.check(args.get(i), positional.get(i));
            } else if (variadic >= 0) {
                check.check(args.get(i), ps.get(variadic));
            } else {
                out.add(new Problem("too-many-positional-arguments", "Too many positional arguments to " + name
                        + ": expected " + positional.size() + ", got " + args.size(), null, args.get(i).startOffset(),
                        args.get(i).endOffset()));
                break;
            }
        }
        for (Keyword k : call.keywords()) {
            int at = -1;
            for (int i = 0; i < ps.size(); i++) {
                Parameter p = ps.get(i);
                if (k.arg().equals(p.name()) && (p.kind() == Parameter.Kind.POSITIONAL_OR_KEYWORD
                        || p.kind() == Parameter.Kind.KEYWORD_ONLY)) {
                    at = i;
                }
            }
            if (at < 0) {
                if (kwVariadic >= 0) {
                    check.check(k.value(), ps.get(kwVariadic));
                } else {
                    out.add(new Problem("unknown-argument", "Argument `" + k.arg() + "` does not match any known parameter of "
                            + name, null, k.startOffset(), k.endOffset()));
                }
                continue;
            }
            if (bound[at]) {
                out.add(new Problem("parameter-already-assigned", "Multiple values provided for parameter `" + k.arg()
                        + "` of " + name, null, k.startOffset(), k.endOffset()));
                continue;
            }
            bound[at] = true;
            check.check(k.value(), ps.get(at));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            boolean required = !p.hasDefault() && p.kind() != Parameter.Kind.VARIADIC
                    && p.kind() != Parameter.Kind.KEYWORD_VARIADIC;
            if (required && !bound[i]) {
                missing.add("`" + p.name() + "`");
            }
        }
        if (!missing.isEmpty()) {
            String what = missing.size() == 1 ? "No argument provided for required parameter " + missing.get(0)
                    : "No arguments provided for required parameters " + String.join(", ", missing);
            out.add(new Problem("missing-argument", what + " of " + name, null, call.startOffset(), call.endOffset()));
        }
        return out;
    }

    /**
     * Checks arguments against their parameters' types, with the call's solution of the signature's
     * type variables applied (an argument already reported for violating a bound is not checked again).
     */
    private final class Checker {
        private final SourceFile file;
        private final String name;
        private final List<Problem> out;
        private final TypeVarSolver.@dev.typhon.ast.Nullable Solution solution;
        private final java.util.Set<Expr> violating;

        Checker(SourceFile file, String name, List<Problem> out, TypeVarSolver.@dev.typhon.ast.Nullable Solution solution,
                java.util.Set<Expr> violating) {
            this.file = file;
            this.name = name;
            this.out = out;
            this.solution = solution;
            this.violating = violating;
        }

        void check(Expr arg, Parameter p) {
            Type want = p.annotatedType();
            if (want == null || violating.contains(arg)) {
                return;
            }
            if (solution != null) {
                if (!want.isFullyStatic()) {
                    return; // an Any in the declaration itself: not checked (only the solution's Unknowns are)
                }
                want = solution.apply(want);
            } else if (mentionsTypeVariable(want)) {
                return;
            }
            // a solution's Unknowns are checked gradually (nothing is assignable to P[Unknown] but a P)
            if ((solution == null && !want.isFullyStatic()) || mentionsProtocol(want)
                    || want instanceof dev.typhon.semantic.types.CallableType || mentionsCallable(want)) {
                return;
            }
            if (p.kind() == Parameter.Kind.VARIADIC && want instanceof dev.typhon.semantic.types.TupleType t && !t.isFixed()) {
                want = t.variable();
            }
            Type have = ti.expressions.infer(file, arg);
            if (!have.isAssignableTo(ti, want)) {
                out.add(new Problem("invalid-argument-type", "Argument to " + name + " is incorrect",
                        "Expected `" + want.display() + "`, found `" + have.display() + "`", arg.startOffset(), arg.endOffset()));
            }
        }
    }

    private static boolean mentionsCallable(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.CallableType c -> true;
            case dev.typhon.semantic.types.InstanceType i -> i.classType().arguments().stream().anyMatch(CallBinding::mentionsCallable);
            case dev.typhon.semantic.types.UnionType u -> u.members().stream().anyMatch(CallBinding::mentionsCallable);
            case dev.typhon.semantic.types.TupleType tt -> tt.allElements().stream().anyMatch(CallBinding::mentionsCallable);
            default -> false;
        };
    }

    /** Protocols are structural; until Typhon checks them so, arguments for them are not checked. */
    boolean mentionsProtocol(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.InstanceType i -> ti.classes.info(i.literal()).isProtocol()
                    || i.classType().arguments().stream().anyMatch(this::mentionsProtocol);
            case dev.typhon.semantic.types.UnionType u -> u.members().stream().anyMatch(this::mentionsProtocol);
            case dev.typhon.semantic.types.IntersectionType x -> x.positive().stream().anyMatch(this::mentionsProtocol);
            case dev.typhon.semantic.types.TupleType tt -> tt.allElements().stream().anyMatch(this::mentionsProtocol);
            default -> false;
        };
    }

    private static boolean mentionsTypeVariable(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.TypeVarType v -> true;
            case dev.typhon.semantic.types.InstanceType i -> i.classType().arguments().stream().anyMatch(CallBinding::mentionsTypeVariable);
            case dev.typhon.semantic.types.UnionType u -> u.members().stream().anyMatch(CallBinding::mentionsTypeVariable);
            case dev.typhon.semantic.types.TupleType tt -> tt.allElements().stream().anyMatch(CallBinding::mentionsTypeVariable);
            case dev.typhon.semantic.types.SubclassOfType s -> mentionsTypeVariable(s.subclassOf());
            default -> false;
        };
    }
}
