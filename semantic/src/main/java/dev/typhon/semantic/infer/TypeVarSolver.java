package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.CallableType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DefinitionRef;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.IntersectionBuilder;
import dev.typhon.semantic.types.IntersectionType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.LiteralStringType;
import dev.typhon.semantic.types.Mro;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.Specialization;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import dev.typhon.semantic.types.Variance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Solves the type variables a generic signature binds from the arguments of one call. Each argument
 * type is matched against its parameter's declared type, recursively (through unions, specialized
 * classes found in the argument's MRO, tuples, {@code type[...]} and callables): a type variable in a
 * covariant or invariant place gets the matching part of the argument as a lower bound, one in a
 * contravariant place (a callable's parameter) an upper bound. A variable's solution is the union of
 * its lower bounds in argument order (literals kept, as ty does), else the intersection of its upper
 * bounds, else Unknown. A candidate that violates the variable's bound or constraints is dropped and
 * reported; a constrained variable is solved to the most specific constraint its candidates fit.
 */
final class TypeVarSolver {
    private final TypeInference ti;
    private final Map<DefinitionRef, TypeVarType> inferable = new LinkedHashMap<>();
    private final Map<DefinitionRef, List<Candidate>> lower = new LinkedHashMap<>();
    private final Map<DefinitionRef, List<Candidate>> upper = new LinkedHashMap<>();
    /** Bare type-variable members of union parameters, decided once every other argument has been seen. */
    private final List<Deferred> deferred = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private int depth;
    private int protocolDepth;
    /** Above zero while violations should name the solved part of the argument rather than the whole argument. */
    private int showCandidates;

    /** A type a variable must include (or be included in), from argument {@code argument}. */
    private record Candidate(Type type, int argument, Type shown) {
    }

    private record Deferred(List<TypeVarType> variables, Type actual, int argument) {
    }

    /**
     * An argument whose inferred type violates a type variable's bound or constraints.
     *
     * @param argument the index of the argument (as given to {@link #infer})
     * @param message ty's annotation ({@code Argument type `X` does not satisfy upper bound ...})
     * @param variable the violated variable
     */
    record Violation(int argument, String message, TypeVarType variable) {
    }

    /** The specialization a call gives its signature's type variables, and what was wrong. */
    record Solution(Specialization specialization, List<Violation> violations) {
        Type apply(Type t) {
            return specialization.apply(t);
        }
    }

    TypeVarSolver(TypeInference ti, List<TypeVarType> variables) {
        this.ti = ti;
        for (TypeVarType v : variables) {
            inferable.put(v.ref(), v);
        }
    }

    boolean isEmpty() {
        return inferable.isEmpty();
    }

    /** Matches argument {@code argument} of type {@code actual} against a parameter declared {@code formal}. */
    void infer(Type formal, Type actual, int argument) {
        if (inferable.isEmpty()) {
            return;
        }
        match(formal, actual, argument, true, true);
    }

    /**
     * @param covariant whether the place is covariant (lower bounds) or contravariant (upper bounds)
     * @param top whether {@code formal} is the parameter's whole type (or a member of its union), so
     *     that a violation names the matched part rather than the whole argument
     */
    private void match(Type formal, Type actual, int argument, boolean covariant, boolean top) {
        if (depth > 40) {
            return;
        }
        depth++;
        try {
            matchInner(formal, actual, argument, covariant, top);
        } finally {
            depth--;
        }
    }

    private void matchInner(Type formal, Type actual, int argument, boolean covariant, boolean top) {
        if (!mentionsInferable(formal)) {
            return;
        }
        if (formal instanceof TypeVarType v) {
            add(covariant ? lower : upper, v, actual, argument, top ? actual : null);
            return;
        }
        if (actual instanceof DynamicType) {
            for (TypeVarType v : variablesIn(formal)) {
                add(covariant ? lower : upper, v, actual, argument, null);
            }
            return;
        }
        if (formal instanceof UnionType u) {
            matchUnion(u, actual, argument, covariant, top);
            return;
        }
        if (actual instanceof UnionType au) {
            for (Type m : au.members()) {
                match(formal, m, argument, covariant, top);
            }
            return;
        }
        if (actual instanceof IntersectionType x) {
            // each positive element of the argument's shape is a witness; those that violate a bound
            // are left out, and when all do only the first one is reported (by its solution)
            List<Type> witnesses = new ArrayList<>();
            for (Type p : x.positive()) {
                if (shapeMatches(formal, p)) {
                    witnesses.add(p);
                }
            }
            List<Type> clean = new ArrayList<>();
            for (Type p : witnesses) {
                Map<DefinitionRef, Integer> before = sizes(lower);
                match(formal, p, argument, covariant, false);
                if (!violatesSince(before)) {
                    clean.add(p);
                }
                rollback(before);
            }
            if (clean.isEmpty() && !witnesses.isEmpty()) {
                showCandidates++;
                try {
                    match(formal, witnesses.get(0), argument, covariant, false);
                } finally {
                    showCandidates--;
                }
            }
            for (Type p : clean) {
                match(formal, p, argument, covariant, false);
            }
            return;
        }
        if (actual instanceof TypeVarType av && !inferable.containsKey(av.ref())) {
            if (av.bound() != null) {
                match(formal, av.bound(), argument, covariant, false);
            }
            return;
        }
        switch (formal) {
            case IntersectionType fx -> {
                // an argument of an intersection parameter is of each of its positive elements
                for (Type p : fx.positive()) {
                    match(p, actual, argument, covariant, false);
                }
            }
            case InstanceType fi -> matchInstance(fi, actual, argument, covariant);
            case TupleType ft -> {
                if (actual instanceof TupleType at) {
                    matchTuple(ft, at, argument, covariant);
                } else {
                    ClassType found = ancestor(actual, KnownClass.TUPLE);
                    if (found != null && found.arguments().size() == 1 && ft.variable() != null && ft.isFixed() == false
                            && ft.prefix().isEmpty() && ft.suffix().isEmpty()) {
                        match(ft.variable(), found.arguments().get(0), argument, covariant, false);
                    }
                }
            }
            case SubclassOfType fs -> {
                switch (actual) {
                    case ClassLiteralType c -> match(fs.subclassOf(), c.classType().toInstance(), argument, covariant, false);
                    case SubclassOfType as -> match(fs.subclassOf(), as.subclassOf(), argument, covariant, false);
                    default -> {
                    }
                }
            }
            case CallableType fc -> {
                Signature s = signatureOf(actual);
                if (s != null) {
                    matchSignature(fc.signature(), s, argument, covariant);
                }
            }
            default -> {
            }
        }
    }

    /**
     * A union parameter: the argument's members that fit a member free of type variables bind
     * nothing; the others are matched against the generic members whose shape they have
     * ({@code list[T]} for a list), and only failing that bind a bare variable member ({@code T}).
     */
    private void matchUnion(UnionType formal, Type actual, int argument, boolean covariant, boolean top) {
        if (actual instanceof UnionType au) {
            for (Type m : au.members()) {
                matchUnion(formal, m, argument, covariant, top);
            }
            return;
        }
        List<TypeVarType> bare = new ArrayList<>();
        List<Type> structured = new ArrayList<>();
        for (Type m : formal.members()) {
            if (m instanceof TypeVarType v && inferable.containsKey(v.ref())) {
                bare.add(v);
            } else if (mentionsInferable(m)) {
                structured.add(m);
            } else if (actual.isAssignableTo(ti, m) && !actual.isDynamic()) {
                return;
            }
        }
        List<Type> matching = new ArrayList<>();
        for (Type m : structured) {
            if (shapeMatches(m, actual)) {
                matching.add(m);
            }
        }
        if (matching.size() > 1) {
            // P[I] | P[S]: of several members of the argument's shape, those whose solution violates no
            // bound are meant; only when all of them do is the violation reported
            List<Type> clean = new ArrayList<>();
            for (Type m : matching) {
                Map<DefinitionRef, Integer> before = sizes(lower);
                match(m, actual, argument, covariant, false);
                if (!violatesSince(before)) {
                    clean.add(m);
                }
                rollback(before);
            }
            if (!clean.isEmpty()) {
                matching = clean;
            }
        }
        for (Type m : matching) {
            match(m, actual, argument, covariant, false);
        }
        boolean matched = !matching.isEmpty();
        if (matched || bare.isEmpty()) {
            return;
        }
        if (covariant) {
            deferred.add(new Deferred(bare, actual, argument));
        } else {
            add(upper, bare.get(0), actual, argument, top ? actual : null);
        }
    }

    private static Map<DefinitionRef, Integer> sizes(Map<DefinitionRef, List<Candidate>> bounds) {
        Map<DefinitionRef, Integer> out = new LinkedHashMap<>();
        bounds.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    private boolean violatesSince(Map<DefinitionRef, Integer> before) {
        for (Map.Entry<DefinitionRef, List<Candidate>> e : lower.entrySet()) {
            List<Candidate> cs = e.getValue();
            for (int i = before.getOrDefault(e.getKey(), 0); i < cs.size(); i++) {
                if (violation(inferable.get(e.getKey()), cs.get(i).type()) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private void rollback(Map<DefinitionRef, Integer> before) {
        for (Map.Entry<DefinitionRef, List<Candidate>> e : lower.entrySet()) {
            List<Candidate> cs = e.getValue();
            int keep = before.getOrDefault(e.getKey(), 0);
            while (cs.size() > keep) {
                cs.remove(cs.size() - 1);
            }
        }
    }

    /** Whether an argument has the form of a generic formal type (so matching it can bind its variables). */
    private boolean shapeMatches(Type formal, Type actual) {
        return switch (formal) {
            case InstanceType fi -> {
                if (actual instanceof InstanceType ai && ai.literal().equals(fi.literal())) {
                    yield true;
                }
                yield ancestor(actual, fi.literal()) != null;
            }
            case TupleType ft -> actual instanceof TupleType || ancestor(actual, KnownClass.TUPLE) != null;
            case SubclassOfType fs -> actual instanceof ClassLiteralType || actual instanceof SubclassOfType;
            case CallableType fc -> signatureOf(actual) != null;
            case TypeVarType v -> true;
            default -> false;
        };
    }

    private void matchInstance(InstanceType formal, Type actual, int argument, boolean covariant) {
        List<Type> fargs = formal.classType().arguments();
        if (fargs.isEmpty()) {
            return;
        }
        ClassType found = ancestor(actual, formal.literal());
        if (found == null) {
            if (ti.classes.info(formal.literal()).isProtocol() && protocolDepth < 3) {
                protocolDepth++;
                try {
                    matchProtocol(formal, actual, argument, covariant);
                } finally {
                    protocolDepth--;
                }
            }
            return;
        }
        List<Type> aargs = found.arguments();
        List<TypeVarType> params = ti.typeParameters(formal.literal());
        for (int i = 0; i < fargs.size() && i < aargs.size(); i++) {
            Variance v = i < params.size() ? ti.variances.of(formal.literal(), i) : Variance.INVARIANT;
            boolean co = v == Variance.CONTRAVARIANT ? !covariant : covariant;
            match(fargs.get(i), aargs.get(i), argument, co, false);
        }
    }

    /**
     * An argument that does not name a protocol among its bases is matched against it member by
     * member: methods as callables (of an overloaded method, the first overload whose parameters
     * take the protocol method's), other attributes by their types.
     */
    private void matchProtocol(InstanceType formal, Type actual, int argument, boolean covariant) {
        for (String name : ti.protocolMembers.members(formal.classType())) {
            Type f = ti.members.member(formal, name);
            Type a = ti.members.member(actual, name);
            if (f == null || a == null) {
                continue;
            }
            Signature fs = f instanceof BoundMethodType b ? b.withoutReceiver() : null;
            if (fs == null) {
                if (!(f instanceof dev.typhon.semantic.types.FunctionLiteral) && !(f instanceof dev.typhon.semantic.types.OverloadedFunction)) {
                    match(f, a, argument, covariant, false);
                }
                continue;
            }
            Specialization receiver = receiverSpecialization(actual);
            for (Signature as : methodSignatures(a, actual)) {
                as = receiver.apply(as);
                if (takes(as, fs)) {
                    matchSignature(fs, as, argument, covariant);
                    break;
                }
            }
        }
    }

    /** The specialization of the methods found on an argument (their classes' variables by the argument's MRO). */
    private Specialization receiverSpecialization(Type actual) {
        ClassType c = classOf(actual);
        if (c == null) {
            return Specialization.of(List.of(), List.of());
        }
        return ti.members.throughMro(c.arguments().isEmpty() ? withUnknownArguments(c) : c);
    }

    /** A method's signatures without their receiver (of an overloaded one, those whose {@code self} annotation takes the receiver). */
    private List<Signature> methodSignatures(Type member, Type receiver) {
        return switch (member) {
            case BoundMethodType b -> List.of(b.withoutReceiver());
            case dev.typhon.semantic.types.OverloadedFunction o -> o.overloads().stream()
                    .filter(f -> f.signature().parameters().isEmpty() || f.signature().parameters().get(0).annotatedType() == null
                            || mentionsAnyTypeVar(f.signature().parameters().get(0).annotatedType())
                            || receiver.isAssignableTo(ti, f.signature().parameters().get(0).annotatedType()))
                    .map(f -> new BoundMethodType(f, receiver).withoutReceiver()).toList();
            case CallableType c -> List.of(c.signature());
            default -> List.of();
        };
    }

    /** Whether a method of these parameters takes the positional arguments a protocol's method is called with. */
    private boolean takes(Signature actual, Signature formal) {
        if (actual.gradual() || formal.gradual()) {
            return true;
        }
        List<Parameter> ap = actual.parameters();
        List<Parameter> fp = formal.parameters();
        for (int i = 0; i < fp.size(); i++) {
            Parameter want = fp.get(i);
            if (want.kind() != Parameter.Kind.POSITIONAL_ONLY && want.kind() != Parameter.Kind.POSITIONAL_OR_KEYWORD) {
                break;
            }
            if (i >= ap.size()) {
                return false;
            }
            Parameter have = ap.get(i);
            if (have.kind() == Parameter.Kind.KEYWORD_ONLY || have.kind() == Parameter.Kind.KEYWORD_VARIADIC) {
                return false;
            }
            if (have.annotatedType() != null && !mentionsInferable(want.type())
                    && !ti.protocolMembers.assignable(want.type(), have.annotatedType())) {
                return false;
            }
            if (have.kind() == Parameter.Kind.VARIADIC) {
                return true;
            }
        }
        return true;
    }

    /** The specialized entry for {@code cls} in the MRO of the class an argument is an instance of, or null. */
    private @Nullable ClassType ancestor(Type actual, dev.typhon.semantic.types.ClassLiteral cls) {
        ClassType c = classOf(actual);
        if (c == null) {
            return null;
        }
        if (c.literal().equals(cls)) {
            return c.arguments().isEmpty() ? withUnknownArguments(c) : c;
        }
        Mro mro = ti.mro(c.literal());
        ClassType found = mro.find(cls);
        if (found == null) {
            return null;
        }
        List<TypeVarType> params = ti.typeParameters(c.literal());
        if (params.isEmpty()) {
            return found;
        }
        return Specialization.of(params, c.arguments()).apply(found);
    }

    private @Nullable ClassType ancestor(Type actual, KnownClass k) {
        dev.typhon.semantic.types.ClassLiteral cls = ti.knownClass(k);
        return cls == null ? null : ancestor(actual, cls);
    }

    private ClassType withUnknownArguments(ClassType c) {
        List<TypeVarType> params = ti.typeParameters(c.literal());
        if (params.isEmpty()) {
            return c;
        }
        List<Type> args = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            args.add(DynamicType.UNKNOWN);
        }
        return new ClassType(c.literal(), args);
    }

    /** The class an argument is an instance of (literals by their class, tuples as {@code tuple[A | B, ...]}). */
    private @Nullable ClassType classOf(Type actual) {
        Type instance = switch (actual) {
            case InstanceType i -> i;
            case IntLiteral i -> ti.instance(KnownClass.INT);
            case BoolLiteral b -> ti.instance(KnownClass.BOOL);
            case StringLiteral s -> ti.instance(KnownClass.STR);
            case LiteralStringType s -> ti.instance(KnownClass.STR);
            case BytesLiteral b -> ti.instance(KnownClass.BYTES);
            case NoneType n -> ti.instance(KnownClass.NONE_TYPE);
            case TupleType t -> {
                dev.typhon.semantic.types.ClassLiteral tuple = ti.knownClass(KnownClass.TUPLE);
                yield tuple == null ? null : new ClassType(tuple, List.of(UnionBuilder.of(ti, t.allElements()))).toInstance();
            }
            case FunctionLiteral f -> ti.instance(KnownClass.FUNCTION_TYPE);
            case ClassLiteralType c -> new InstanceType(ti.metaclass(c.literal()));
            default -> null;
        };
        return instance instanceof InstanceType i ? i.classType() : null;
    }

    private void matchTuple(TupleType formal, TupleType actual, int argument, boolean covariant) {
        List<Type> all = actual.allElements();
        if (formal.isFixed()) {
            if (actual.isFixed() && actual.prefix().size() == formal.prefix().size()) {
                for (int i = 0; i < all.size(); i++) {
                    match(formal.prefix().get(i), all.get(i), argument, covariant, false);
                }
            }
            return;
        }
        int fp = formal.prefix().size();
        int fs = formal.suffix().size();
        if (actual.isFixed()) {
            int n = all.size();
            if (n < fp + fs) {
                return;
            }
            for (int i = 0; i < fp; i++) {
                match(formal.prefix().get(i), all.get(i), argument, covariant, false);
            }
            for (int i = 0; i < fs; i++) {
                match(formal.suffix().get(i), all.get(n - fs + i), argument, covariant, false);
            }
            for (int i = fp; i < n - fs; i++) {
                match(formal.variable(), all.get(i), argument, covariant, false);
            }
            return;
        }
        // both variable: the actual's prefix and suffix align with the formal's, the rest is variable
        List<Type> ap = actual.prefix();
        List<Type> as = actual.suffix();
        for (int i = 0; i < fp; i++) {
            match(formal.prefix().get(i), i < ap.size() ? ap.get(i) : actual.variable(), argument, covariant, false);
        }
        for (int i = 0; i < fs; i++) {
            int fromEnd = fs - i;
            match(formal.suffix().get(i), fromEnd <= as.size() ? as.get(as.size() - fromEnd) : actual.variable(), argument,
                    covariant, false);
        }
        for (int i = fp; i < ap.size(); i++) {
            match(formal.variable(), ap.get(i), argument, covariant, false);
        }
        match(formal.variable(), actual.variable(), argument, covariant, false);
        for (int i = 0; i < as.size() - fs; i++) {
            match(formal.variable(), as.get(i), argument, covariant, false);
        }
    }

    /** Callables: returns match in the same direction, parameters (positionally) in the opposite one. */
    private void matchSignature(Signature formal, Signature actual, int argument, boolean covariant) {
        if (actual.returnType() != null) {
            match(formal.returns(), actual.returns(), argument, covariant, false);
        }
        if (formal.gradual() || actual.gradual()) {
            return;
        }
        List<Parameter> fp = formal.parameters();
        List<Parameter> ap = actual.parameters();
        for (int i = 0; i < fp.size() && i < ap.size(); i++) {
            Parameter a = ap.get(i);
            if (a.kind() == Parameter.Kind.KEYWORD_ONLY || a.kind() == Parameter.Kind.KEYWORD_VARIADIC) {
                break;
            }
            if (a.annotatedType() != null) {
                match(fp.get(i).type(), a.annotatedType(), argument, !covariant, false);
            }
            if (a.kind() == Parameter.Kind.VARIADIC) {
                break;
            }
        }
    }

    /** The signature of a callable argument (a generic one's own variables left as they are), or null. */
    private @Nullable Signature signatureOf(Type actual) {
        return switch (actual) {
            case FunctionLiteral f -> f.signature();
            case CallableType c -> c.signature();
            case InstanceType i when !ti.classes.info(i.literal()).isProtocol()
                    && ti.members.member(i, "__call__") instanceof BoundMethodType b -> b.withoutReceiver();
            case ClassLiteralType c when c.classType().arguments().isEmpty() && ti.typeParameters(c.literal()).isEmpty()
                    && ti.genericContexts.regularCallable(c) instanceof CallableType ctor -> ctor.signature();
            case BoundMethodType b -> b.withoutReceiver();
            default -> null;
        };
    }

    private void add(Map<DefinitionRef, List<Candidate>> bounds, TypeVarType v, Type t, int argument, @Nullable Type shown) {
        TypeVarType declared = inferable.get(v.ref());
        if (declared == null) {
            return;
        }
        bounds.computeIfAbsent(v.ref(), k -> new ArrayList<>()).add(new Candidate(t, argument,
                shown == null && showCandidates > 0 ? t : shown));
    }

    // ------------------------------------------------------------------------------------------
    // Solving

    /**
     * The solution, given the types of the whole arguments (for messages that name the argument).
     * Unsolved variables map to Unknown.
     */
    Solution solve(List<Type> argumentTypes) {
        resolveDeferred();
        List<TypeVarType> vars = new ArrayList<>(inferable.values());
        List<Type> solved = new ArrayList<>();
        for (TypeVarType v : vars) {
            solved.add(solveOne(v, argumentTypes));
        }
        return new Solution(Specialization.of(vars, solved).simplifying(ti), List.copyOf(violations));
    }

    /**
     * A bare variable of a union parameter binds an argument only when the argument is not already
     * covered by what the variable (or another bare member) was solved to from the other arguments.
     */
    private void resolveDeferred() {
        for (Deferred d : deferred) {
            boolean covered = false;
            for (TypeVarType v : d.variables()) {
                List<Candidate> cs = lower.get(v.ref());
                if (cs != null && !cs.isEmpty()) {
                    Type current = UnionBuilder.of(ti, cs.stream().map(Candidate::type).toList());
                    if (d.actual().isAssignableTo(ti, current)) {
                        covered = true;
                        break;
                    }
                }
            }
            if (!covered) {
                add(lower, d.variables().get(0), d.actual(), d.argument(), d.actual());
            }
        }
        deferred.clear();
    }

    private Type solveOne(TypeVarType v, List<Type> argumentTypes) {
        List<Candidate> lows = new ArrayList<>(lower.getOrDefault(v.ref(), List.of()));
        lows.sort(Comparator.comparingInt(Candidate::argument));
        if (v.isSelf() && !lows.isEmpty() && lows.get(0).argument() < 0) {
            // `Self` is the receiver: the other arguments are checked against it, they do not widen it
            return lows.get(0).type();
        }
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : lows) {
            String problem = violation(v, c.type());
            if (problem == null) {
                kept.add(c);
            } else {
                Type shown = c.shown() != null ? c.shown()
                        : c.argument() >= 0 && c.argument() < argumentTypes.size() ? argumentTypes.get(c.argument()) : c.type();
                violations.add(new Violation(c.argument(), "Argument type `" + shown.display() + "` does not satisfy "
                        + problem + " of type variable `" + v.name() + "`", v));
            }
        }
        Type solution;
        if (!kept.isEmpty()) {
            solution = UnionBuilder.of(ti, kept.stream().map(Candidate::type).toList());
        } else if (upper.containsKey(v.ref()) && lows.isEmpty()) {
            IntersectionBuilder b = new IntersectionBuilder(ti);
            for (Candidate c : upper.get(v.ref())) {
                b.addPositive(c.type());
            }
            solution = b.build();
        } else {
            return DynamicType.UNKNOWN;
        }
        if (!v.constraints().isEmpty()) {
            Type c = constraintFor(v, solution);
            return c == null ? DynamicType.UNKNOWN : c;
        }
        return solution;
    }

    /** What a candidate violates ({@code upper bound `int`}, {@code constraints (`int`, `str`)}), or null. */
    private @Nullable String violation(TypeVarType v, Type t) {
        if (t.isDynamic()) {
            return null;
        }
        if (v.bound() != null && !ti.protocolMembers.assignable(t, v.bound())) {
            return "upper bound `" + v.bound().display() + "`";
        }
        if (!v.constraints().isEmpty()) {
            if (constraintsFit(t, v)) {
                return null;
            }
            for (Type c : v.constraints()) {
                if (ti.protocolMembers.assignable(t, c)) {
                    return null;
                }
            }
            StringBuilder sb = new StringBuilder("constraints (");
            for (int i = 0; i < v.constraints().size(); i++) {
                sb.append(i > 0 ? ", " : "").append('`').append(v.constraints().get(i).display()).append('`');
            }
            return sb.append(')').toString();
        }
        return null;
    }

    /**
     * Whether {@code t} is a constrained variable (of the caller) each of whose constraints fits one
     * of {@code v}'s: then {@code v} can be solved to that variable itself.
     */
    private boolean constraintsFit(Type t, TypeVarType v) {
        if (!(t instanceof TypeVarType tv) || tv.constraints().isEmpty()) {
            return false;
        }
        for (Type c : tv.constraints()) {
            boolean fits = false;
            for (Type w : v.constraints()) {
                if (c.isAssignableTo(ti, w)) {
                    fits = true;
                    break;
                }
            }
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    /**
     * The constraint a constrained variable is solved to: of those the solution fits, a fully static
     * one before a gradual one, and the most specific (a subtype of the other fitting ones) first.
     */
    private @Nullable Type constraintFor(TypeVarType v, Type solution) {
        if (solution.isDynamic() || constraintsFit(solution, v)) {
            return solution;
        }
        List<Type> fitting = new ArrayList<>();
        for (Type c : v.constraints()) {
            if (solution.isAssignableTo(ti, c)) {
                fitting.add(c);
            }
        }
        if (fitting.isEmpty()) {
            return null;
        }
        List<Type> preferred = fitting.stream().filter(Type::isFullyStatic).toList();
        if (preferred.isEmpty()) {
            preferred = fitting;
        }
        for (Type c : preferred) {
            boolean mostSpecific = true;
            for (Type other : preferred) {
                if (other != c && !c.isSubtypeOf(ti, other) && c.isFullyStatic() && other.isFullyStatic()) {
                    mostSpecific = false;
                    break;
                }
            }
            if (mostSpecific) {
                return c;
            }
        }
        return preferred.get(0);
    }

    // ------------------------------------------------------------------------------------------
    // Type variables in a type

    private static boolean mentionsAnyTypeVar(Type t) {
        List<TypeVarType> vars = new ArrayList<>();
        dev.typhon.semantic.types.TypeVariables.collect(t, vars);
        return !vars.isEmpty();
    }

    boolean mentionsInferable(Type t) {
        return !variablesIn(t).isEmpty();
    }

    private List<TypeVarType> variablesIn(Type t) {
        List<TypeVarType> out = new ArrayList<>();
        collect(t, out, 0);
        return out;
    }

    private void collect(Type t, List<TypeVarType> out, int level) {
        if (level > 20) {
            return;
        }
        switch (t) {
            case TypeVarType v -> {
                if (inferable.containsKey(v.ref()) && !out.contains(v)) {
                    out.add(v);
                }
            }
            case InstanceType i -> i.classType().arguments().forEach(a -> collect(a, out, level + 1));
            case ClassLiteralType c -> c.classType().arguments().forEach(a -> collect(a, out, level + 1));
            case SubclassOfType s -> collect(s.subclassOf(), out, level + 1);
            case UnionType u -> u.members().forEach(m -> collect(m, out, level + 1));
            case IntersectionType x -> x.positive().forEach(m -> collect(m, out, level + 1));
            case TupleType tt -> tt.allElements().forEach(m -> collect(m, out, level + 1));
            case CallableType c -> {
                collect(c.signature().returns(), out, level + 1);
                for (Parameter p : c.signature().parameters()) {
                    collect(p.type(), out, level + 1);
                }
            }
            default -> {
            }
        }
    }
}
