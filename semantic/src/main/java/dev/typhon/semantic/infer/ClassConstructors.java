package dev.typhon.semantic.infer;

import dev.typhon.ast.Call;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Starred;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import dev.typhon.semantic.types.Variance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calling a generic class without type arguments ({@code C(1)}): its type parameters are solved
 * from the arguments given to its {@code __new__} and {@code __init__} (inherited ones seen through
 * the specialized base that defines them), else taken from the type the result is assigned to
 * ({@code c: C[int] = C()}), else their defaults (Unknown). A literal solution is widened to its
 * class for a parameter the class uses invariantly ({@code C(1)} is {@code C[int]}), kept for a
 * covariant one.
 */
final class ClassConstructors {
    private final TypeInference ti;

    ClassConstructors(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * The type of a value assigned to a declared name: a call of a generic class is solved in the
     * context of the declared type ({@code c: C[int] = C()} makes a {@code C[int]}).
     */
    Type inContext(SourceFile file, Expr value, Type declared) {
        if (value instanceof Call call && declared instanceof InstanceType d
                && ti.expressions.infer(file, call.func()) instanceof ClassLiteralType c && c.literal().equals(d.literal())) {
            return construct(file, call, c.classType(), declared);
        }
        return ti.displayContext.infer(file, value, declared);
    }

    /** The instance {@code cls(...)} makes; {@code context} is the declared type it is assigned to, or null. */
    Type construct(SourceFile file, Call call, ClassType cls, @Nullable Type context) {
        if (!cls.arguments().isEmpty() || !ti.genericClasses.isGeneric(cls.literal())
                || ti.classes.info(cls.literal()).opaqueParameters()) {
            return cls.toInstance();
        }
        List<Type> positional = new ArrayList<>();
        for (Expr a : call.args()) {
            if (a instanceof Starred) {
                break;
            }
            positional.add(ti.expressions.infer(file, a));
        }
        Map<String, Type> keywords = new HashMap<>();
        for (Keyword k : call.keywords()) {
            if (k.arg() != null) {
                keywords.put(k.arg(), ti.expressions.infer(file, k.value()));
            }
        }
        return construct(cls, positional, keywords, context);
    }

    /** The instance {@code cls(*positional, **keywords)} makes, its type parameters solved from the arguments. */
    Type construct(ClassType cls, List<Type> positional, Map<String, Type> keywords, @Nullable Type context) {
        Type made = constructInstance(cls, positional, keywords, context);
        if (cls.literal().isKnown(dev.typhon.semantic.types.KnownClass.TUPLE) && made instanceof InstanceType i
                && i.literal().isKnown(dev.typhon.semantic.types.KnownClass.TUPLE) && i.classType().arguments().size() == 1) {
            // `tuple(xs)` has the elements of xs, of any number: `tuple[int, ...]`, not a 1-tuple;
            // `tuple()` and a tuple of what has no elements (`list[Never]`) are empty
            Type element = i.classType().arguments().get(0);
            return (positional.isEmpty() && keywords.isEmpty()) || element.isNever()
                    ? dev.typhon.semantic.types.TupleType.fixed(List.of())
                    : dev.typhon.semantic.types.TupleType.homogeneous(element);
        }
        return made;
    }

    private Type constructInstance(ClassType cls, List<Type> positional, Map<String, Type> keywords, @Nullable Type context) {
        if (!cls.arguments().isEmpty() || !ti.genericClasses.isGeneric(cls.literal())
                || ti.classes.info(cls.literal()).opaqueParameters()) {
            return cls.toInstance();
        }
        List<TypeVarType> params = ti.typeParameters(cls.literal());
        List<Type> contextArgs = context instanceof InstanceType i && i.literal().equals(cls.literal())
                && i.classType().arguments().size() == params.size() ? i.classType().arguments() : null;
        Type[] solved = new Type[params.size()];
        Type foreign = foreignNew(cls, positional, keywords, params);
        if (foreign != null) {
            return foreign;
        }
        ClassType tuple = tupleBase(cls);
        if (tuple != null && positional.size() == 1 && keywords.isEmpty()
                && positional.get(0) instanceof TupleType given && given.isFixed()
                && given.elements().size() == tuple.arguments().size()) {
            // tuple's constructor copies its argument: `class P(tuple[A, B])`, `P((1, "a"))` solves A and B
            for (int k = 0; k < given.elements().size(); k++) {
                solve(tuple.arguments().get(k), given.elements().get(k), params, solved);
            }
        }
        for (String name : List.of("__new__", "__init__")) {
            Type method = constructorMethod(cls, name);
            if (method instanceof dev.typhon.semantic.types.OverloadedFunction o) {
                // the first overload the arguments fit, which may say what the class is specialized as
                // through its receiver's annotation (`def __init__(self: dict[str, _VT], **kwargs: _VT)`)
                method = null;
                for (FunctionLiteral candidate : o.overloads()) {
                    if (fits(candidate.signature(), positional, keywords)) {
                        method = candidate;
                        break;
                    }
                }
            }
            if (!(method instanceof FunctionLiteral f)) {
                continue;
            }
            // each constructor solves the variables on its own; one that leaves a variable open takes
            // it from the context, and the solutions of both are joined (`C[int | str]`)
            Type[] own = new Type[params.size()];
            if (!f.signature().gradual()) {
                bind(f.signature(), positional, keywords, params, own);
                receiverAnnotation(cls, f.signature(), params, own);
            }
            for (int k = 0; k < own.length; k++) {
                Type t = own[k] != null ? own[k] : contextArgs != null ? contextArgs.get(k) : null;
                if (t != null) {
                    solved[k] = solved[k] == null ? t : UnionBuilder.of(ti, solved[k], t);
                }
            }
        }
        List<Type> given = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            Type t = solved[k];
            if (t == null) {
                if (contextArgs != null) {
                    given.add(contextArgs.get(k));
                    continue;
                }
                break; // the rest take their defaults
            }
            if (contextArgs != null && t.isAssignableTo(ti, contextArgs.get(k))) {
                // the declared type's argument accepts what the arguments say: it is the solution
                given.add(contextArgs.get(k));
                continue;
            }
            Variance v = ti.variance(cls.literal(), k);
            if (v == Variance.INVARIANT || v == Variance.CONTRAVARIANT) {
                t = ti.expressions.promote(t);
            }
            given.add(t);
        }
        List<Type> args = ti.genericClasses.completed(cls.literal(), given);
        for (int k = given.size(); k < params.size(); k++) {
            if (solved[k] != null) {
                Variance v = ti.variance(cls.literal(), k);
                args.set(k, v == Variance.INVARIANT || v == Variance.CONTRAVARIANT ? ti.expressions.promote(solved[k])
                        : solved[k]);
            }
        }
        return new ClassType(cls.literal(), args).toInstance();
    }

    /**
     * A {@code __new__} declared to return an instance of another class than the one called (an
     * inherited {@code def __new__(cls) -> "Base[T]"}): the call makes what it returns, specialized
     * by what its own arguments solve (the rest Unknown), and {@code __init__} is not run. Null otherwise.
     */
    private @Nullable Type foreignNew(ClassType cls, List<Type> positional, Map<String, Type> keywords,
            List<TypeVarType> params) {
        if (!(constructorMethod(cls, "__new__") instanceof FunctionLiteral f) || f.signature().gradual()
                || !(f.signature().returnType() instanceof InstanceType r)
                || ti.mro(r.literal()).find(cls.literal()) != null) {
            return null;
        }
        Type[] solved = new Type[params.size()];
        bind(f.signature(), positional, keywords, params, solved);
        List<Type> args = new ArrayList<>();
        for (Type t : solved) {
            args.add(t == null ? dev.typhon.semantic.types.DynamicType.UNKNOWN : t);
        }
        return dev.typhon.semantic.types.Specialization.of(params, args).apply(r);
    }

    /**
     * A call of a class whose {@code __init__} overloads all reject the arguments or the instance
     * ({@code def __init__(self: "C[str]", x: str)} does not apply to a {@code C[int]}): ty's
     * {@code no-matching-overload}. Only classes of checked (non-stub) files, whose overloads Typhon
     * can bind faithfully; null when some overload applies.
     */
    @Nullable Problem overloadProblem(SourceFile file, Call call) {
        if (!(ti.expressions.infer(file, call.func()) instanceof ClassLiteralType c) || ti.classes.file(c.literal()).isStub()
                || (c.classType().arguments().isEmpty() && ti.genericClasses.isGeneric(c.literal()))) {
            return null;
        }
        if (!(constructorMethod(c.classType(), "__init__") instanceof dev.typhon.semantic.types.OverloadedFunction o)) {
            return null;
        }
        List<Type> positional = new ArrayList<>();
        for (Expr a : call.args()) {
            if (a instanceof Starred) {
                return null;
            }
            positional.add(ti.expressions.infer(file, a));
        }
        Map<String, Type> keywords = new HashMap<>();
        for (Keyword k : call.keywords()) {
            if (k.arg() == null) {
                return null;
            }
            keywords.put(k.arg(), ti.expressions.infer(file, k.value()));
        }
        Type receiver = c.classType().toInstance();
        for (FunctionLiteral f : o.overloads()) {
            Signature s = f.signature();
            Type self = s.parameters().isEmpty() ? null : s.parameters().get(0).annotatedType();
            if (fits(s, positional, keywords) && (self == null || receiver.isAssignableTo(ti, self))) {
                return null;
            }
        }
        return new Problem("no-matching-overload", "No overload of bound method `__init__` matches arguments", null,
                call.startOffset(), call.endOffset());
    }

    /** Whether the arguments can be bound to the parameters after the receiver (their number and names, and the types of non-generic ones). */
    private boolean fits(Signature s, List<Type> positional, Map<String, Type> keywords) {
        List<Parameter> ps = s.parameters();
        boolean[] bound = new boolean[ps.size()];
        int at = 1;
        for (Type arg : positional) {
            while (at < ps.size() && (ps.get(at).kind() == Parameter.Kind.KEYWORD_ONLY
                    || ps.get(at).kind() == Parameter.Kind.KEYWORD_VARIADIC)) {
                at++;
            }
            if (at >= ps.size()) {
                return false;
            }
            Parameter p = ps.get(at);
            if (!accepts(p, arg)) {
                return false;
            }
            bound[at] = true;
            if (p.kind() != Parameter.Kind.VARIADIC) {
                at++;
            }
        }
        for (Map.Entry<String, Type> k : keywords.entrySet()) {
            int target = -1;
            for (int i = 1; i < ps.size(); i++) {
                Parameter p = ps.get(i);
                if (k.getKey().equals(p.name()) && p.kind() != Parameter.Kind.POSITIONAL_ONLY
                        && p.kind() != Parameter.Kind.VARIADIC && p.kind() != Parameter.Kind.KEYWORD_VARIADIC) {
                    target = i;
                }
            }
            if (target < 0) {
                for (int i = 1; i < ps.size(); i++) {
                    if (ps.get(i).kind() == Parameter.Kind.KEYWORD_VARIADIC) {
                        target = i;
                    }
                }
            }
            if (target < 0 || !accepts(ps.get(target), k.getValue())) {
                return false;
            }
            bound[target] = true;
        }
        for (int i = 1; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            if (!bound[i] && !p.hasDefault() && p.kind() != Parameter.Kind.VARIADIC
                    && p.kind() != Parameter.Kind.KEYWORD_VARIADIC) {
                return false;
            }
        }
        return true;
    }

    private boolean accepts(Parameter p, Type arg) {
        Type want = p.annotatedType();
        return want == null || GenericClasses.mentionsTypeVar(want) || arg.isAssignableTo(ti, want);
    }

    /**
     * A receiver annotated with a specialization of the class or of one of its bases
     * ({@code self: dict[str, _VT]}) solves the class's variables that specialization fixes.
     */
    private void receiverAnnotation(ClassType cls, Signature s, List<TypeVarType> params, Type[] solved) {
        if (s.parameters().isEmpty() || !(s.parameters().get(0).annotatedType() instanceof InstanceType self)
                || self.classType().arguments().isEmpty()) {
            return;
        }
        ClassType entry = ti.mro(cls.literal()).find(self.literal());
        if (entry == null) {
            return;
        }
        if (entry.literal().equals(cls.literal())) {
            entry = new ClassType(cls.literal(), new ArrayList<>(params));
        }
        for (int k = 0; k < entry.arguments().size() && k < self.classType().arguments().size(); k++) {
            if (!(entry.arguments().get(k) instanceof TypeVarType v)) {
                continue;
            }
            Type fixed = self.classType().arguments().get(k);
            for (int j = 0; j < params.size(); j++) {
                if (params.get(j).ref().equals(v.ref())
                        && !(fixed instanceof TypeVarType w && w.ref().equals(v.ref()))) {
                    solved[j] = solved[j] == null ? fixed : UnionBuilder.of(ti, solved[j], fixed);
                }
            }
        }
    }

    /** The {@code tuple[...]} a class inherits its constructor from (no class before it defines one), or null. */
    private @Nullable ClassType tupleBase(ClassType cls) {
        for (ClassType c : ti.mro(cls.literal()).classes()) {
            if (c.isKnown(KnownClass.TUPLE)) {
                return c.arguments().isEmpty() ? null : c;
            }
            if (ti.classes.ownMember(c.literal(), "__new__") != null || ti.classes.ownMember(c.literal(), "__init__") != null) {
                return null;
            }
        }
        return null;
    }

    /** The class's own or inherited {@code __new__}/{@code __init__}, seen through its base's specialization; null when only object's. */
    private @Nullable Type constructorMethod(ClassType cls, String name) {
        for (ClassType c : ti.mro(cls.literal()).classes()) {
            if (c.isKnown(KnownClass.OBJECT) || (c.isKnown(KnownClass.NAMED_TUPLE) && name.equals("__init__"))) {
                return null; // NamedTuple's `__init__` describes the functional form, not its subclasses' calls
            }
            Type t = ti.classes.ownMember(c.literal(), name);
            if (t != null) {
                return GenericClasses.applyToMember(ti.genericClasses.specializationOf(c), t);
            }
        }
        return null;
    }

    /** Matches the arguments to the parameters (after the receiver) and solves the class's variables from each pair. */
    private void bind(Signature s, List<Type> positional, Map<String, Type> keywords, List<TypeVarType> params,
            Type[] solved) {
        List<Parameter> ps = s.parameters();
        int at = 1;
        for (Type arg : positional) {
            while (at < ps.size() && (ps.get(at).kind() == Parameter.Kind.KEYWORD_ONLY
                    || ps.get(at).kind() == Parameter.Kind.KEYWORD_VARIADIC)) {
                at++;
            }
            if (at >= ps.size()) {
                break;
            }
            Parameter p = ps.get(at);
            if (p.annotatedType() != null) {
                solve(p.annotatedType(), arg, params, solved);
            }
            if (p.kind() != Parameter.Kind.VARIADIC) {
                at++;
            }
        }
        for (Map.Entry<String, Type> k : keywords.entrySet()) {
            Parameter target = null;
            for (int i = 1; i < ps.size(); i++) {
                Parameter p = ps.get(i);
                if (k.getKey().equals(p.name()) && p.kind() != Parameter.Kind.POSITIONAL_ONLY
                        && p.kind() != Parameter.Kind.VARIADIC && p.kind() != Parameter.Kind.KEYWORD_VARIADIC) {
                    target = p;
                }
            }
            if (target == null) {
                for (Parameter p : ps) {
                    if (p.kind() == Parameter.Kind.KEYWORD_VARIADIC) {
                        target = p;
                    }
                }
            }
            if (target != null && target.annotatedType() != null) {
                solve(target.annotatedType(), k.getValue(), params, solved);
            }
        }
    }

    /** Solves the variables of {@code params} that {@code formal} mentions so that {@code actual} fits it. */
    private static @Nullable Type callableReturn(Type t) {
        return switch (t) {
            case FunctionLiteral f -> f.signature().returnType();
            case dev.typhon.semantic.types.CallableType c -> c.signature().returnType();
            case dev.typhon.semantic.types.BoundMethodType b -> b.withoutReceiver().returnType();
            default -> null;
        };
    }

    private void solve(Type formal, Type actual, List<TypeVarType> params, Type[] solved) {
        switch (formal) {
            case TypeVarType v -> {
                for (int k = 0; k < params.size(); k++) {
                    if (params.get(k).ref().equals(v.ref())) {
                        solved[k] = solved[k] == null ? actual : UnionBuilder.of(ti, solved[k], actual);
                    }
                }
            }
            case UnionType u -> {
                // the part of the argument no fixed member of the union accepts is the variables' share
                List<Type> variable = new ArrayList<>();
                List<Type> fixed = new ArrayList<>();
                for (Type m : u.members()) {
                    (GenericClasses.mentionsTypeVar(m) ? variable : fixed).add(m);
                }
                if (variable.isEmpty()) {
                    return;
                }
                List<Type> pieces = actual instanceof UnionType au ? au.members() : List.of(actual);
                for (Type piece : pieces) {
                    if (fixed.stream().anyMatch(f -> piece.isAssignableTo(ti, f)) && !piece.isDynamic()) {
                        continue;
                    }
                    if (variable.size() == 1) {
                        solve(variable.get(0), piece, params, solved);
                    }
                }
            }
            case InstanceType i when !i.classType().arguments().isEmpty() -> {
                ClassType have = switch (actual) {
                    case InstanceType a -> a.classType();
                    default -> null;
                };
                if (have == null) {
                    return;
                }
                ClassType inMro = ti.mro(have.literal()).find(i.literal());
                if (inMro == null) {
                    return;
                }
                inMro = inMro.literal().equals(have.literal()) ? have : ti.genericClasses.specializationOf(have).apply(inMro);
                for (int k = 0; k < i.classType().arguments().size() && k < inMro.arguments().size(); k++) {
                    solve(i.classType().arguments().get(k), inMro.arguments().get(k), params, solved);
                }
            }
            case TupleType t when actual instanceof TupleType a -> {
                if (t.isFixed() && a.isFixed() && t.elements().size() == a.elements().size()) {
                    for (int k = 0; k < t.elements().size(); k++) {
                        solve(t.elements().get(k), a.elements().get(k), params, solved);
                    }
                } else if (!t.isFixed() && t.prefix().isEmpty() && t.suffix().isEmpty()) {
                    solve(t.variable(), UnionBuilder.of(ti, a.allElements()), params, solved);
                }
            }
            case SubclassOfType sc when actual instanceof ClassLiteralType c -> solve(sc.subclassOf(),
                    c.classType().toInstance(), params, solved);
            // `Callable[..., T]` given a function: its return type solves T
            case dev.typhon.semantic.types.CallableType c when c.signature().returnType() != null
                    && callableReturn(actual) != null -> solve(c.signature().returnType(), callableReturn(actual), params, solved);
            default -> {
            }
        }
    }
}
