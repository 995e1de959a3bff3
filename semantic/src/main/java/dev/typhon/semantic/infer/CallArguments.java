package dev.typhon.semantic.infer;

import dev.typhon.ast.Call;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Starred;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of one call, numbered (positional ones first, then keywords), with their types, and
 * how they fall on a signature's parameters: positional arguments on positional parameters then
 * {@code *args}, keywords by name or on {@code **kwargs}. Unpacked arguments ({@code *xs},
 * {@code **kw}) fall on nothing: what they hold is not known here.
 *
 * @param types the type of each argument, by number
 * @param exprs each argument's expression, by number (null for an argument given as a type only)
 * @param names each argument's keyword, or null for a positional one
 * @param starred which arguments are unpacked
 */
record CallArguments(List<Type> types, List<Expr> exprs, List<String> names, List<Boolean> starred) {

    /** An argument on the parameter it binds. */
    record Match(Parameter parameter, Type type, int argument) {
    }

    static CallArguments of(TypeInference ti, SourceFile file, Call call) {
        List<Type> types = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> starred = new ArrayList<>();
        for (Expr a : call.args()) {
            boolean star = a instanceof Starred;
            types.add(star ? DynamicType.UNKNOWN : ti.expressions.infer(file, a));
            exprs.add(a);
            names.add(null);
            starred.add(star);
        }
        for (Keyword k : call.keywords()) {
            types.add(ti.expressions.infer(file, k.value()));
            exprs.add(k.value());
            names.add(k.arg());
            starred.add(k.arg() == null);
        }
        return new CallArguments(types, exprs, names, starred);
    }

    /** Positional arguments known by their types only (a dunder call). */
    static CallArguments positional(List<Type> types) {
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> starred = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            exprs.add(null);
            names.add(null);
            starred.add(false);
        }
        return new CallArguments(types, exprs, names, starred);
    }

    /** The arguments on the parameters of {@code s} after the first {@code skip} (a bound receiver). */
    List<Match> match(Signature s, int skip) {
        List<Match> out = new ArrayList<>();
        if (s.gradual()) {
            return out;
        }
        List<Parameter> ps = s.parameters().subList(Math.min(skip, s.parameters().size()), s.parameters().size());
        List<Parameter> positional = new ArrayList<>();
        Parameter variadic = null;
        Parameter kwVariadic = null;
        for (Parameter p : ps) {
            switch (p.kind()) {
                case POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD -> positional.add(p);
                case VARIADIC -> variadic = p;
                case KEYWORD_VARIADIC -> kwVariadic = p;
                default -> {
                }
            }
        }
        int next = 0;
        boolean unpacked = false;
        for (int i = 0; i < types.size(); i++) {
            if (names.get(i) != null || starred.get(i)) {
                if (names.get(i) == null) {
                    unpacked = true; // a *xs: the positions after it are not known
                }
                if (starred.get(i) || names.get(i) == null) {
                    continue;
                }
                Parameter byName = null;
                for (Parameter p : ps) {
                    if (names.get(i).equals(p.name()) && (p.kind() == Parameter.Kind.POSITIONAL_OR_KEYWORD
                            || p.kind() == Parameter.Kind.KEYWORD_ONLY)) {
                        byName = p;
                    }
                }
                if (byName == null) {
                    byName = kwVariadic;
                }
                if (byName != null) {
                    out.add(new Match(byName, types.get(i), i));
                }
                continue;
            }
            if (unpacked) {
                continue;
            }
            if (next < positional.size()) {
                out.add(new Match(positional.get(next++), types.get(i), i));
            } else if (variadic != null) {
                out.add(new Match(variadic, types.get(i), i));
            }
        }
        return out;
    }

    /**
     * Solves the type variables {@code s} binds from these arguments ({@code receiver}, when not null,
     * is matched against the first parameter).
     */
    TypeVarSolver.Solution solve(TypeInference ti, Signature s, int skip, @Nullable Type receiver) {
        List<TypeVarType> vars = s.typeParameters();
        TypeVarSolver solver = new TypeVarSolver(ti, vars);
        if (!solver.isEmpty()) {
            if (receiver != null && skip > 0 && !s.parameters().isEmpty() && s.parameters().get(0).annotatedType() != null) {
                solver.infer(s.parameters().get(0).annotatedType(), receiver, -1);
            }
            // an unannotated receiver of a method that speaks of `Self` is its `Self`
            TypeVarType self = SelfTypes.implicitSelf(s);
            if (self != null && receiver != null && skip > 0) {
                solver.infer(ti.selfTypes.receiverFormal(self, receiver), receiver, -1);
            }
            for (Match m : match(s, skip)) {
                if (m.parameter().annotatedType() != null) {
                    solver.infer(m.parameter().annotatedType(), m.type(), m.argument());
                } else if (self != null && m.parameter() == s.parameters().get(0)) {
                    solver.infer(ti.selfTypes.receiverFormal(self, m.type()), m.type(), m.argument());
                }
            }
        }
        return solver.solve(types);
    }
}
