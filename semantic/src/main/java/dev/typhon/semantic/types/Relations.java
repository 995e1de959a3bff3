package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;
import java.util.List;

/**
 * The relations between types: subtyping (for fully static types, and {@code Never} below and
 * {@code object} above everything), assignability (gradual: {@code Any} both ways), equivalence,
 * disjointness, and the singleton / single-value properties. Public through the methods of
 * {@link Type}; one relation walk serves subtyping, assignability and the union builder's
 * redundancy check, which differ only in how they treat dynamic types.
 */
final class Relations {
    private Relations() {
    }

    /** How a walk treats {@code Any}, {@code Unknown} and {@code @Todo}. */
    enum Mode {
        /** Dynamic types are below nothing but {@code object} and above nothing but {@code Never}. */
        SUBTYPE,
        /** Dynamic types are assignable to and from everything. */
        ASSIGNABLE,
        /**
         * Dynamic types are one opaque atom: each is related to any other dynamic type and nothing
         * else. Mutual redundancy is gradual equivalence ({@code int | Any} and {@code Unknown | int}).
         */
        REDUNDANT
    }

    static boolean isSubtype(TypeDb db, Type s, Type t) {
        return relates(db, s, t, Mode.SUBTYPE);
    }

    static boolean isAssignable(TypeDb db, Type s, Type t) {
        return relates(db, s, t, Mode.ASSIGNABLE);
    }

    static boolean isRedundant(TypeDb db, Type s, Type t) {
        return relates(db, s, t, Mode.REDUNDANT);
    }

    static boolean isEquivalent(TypeDb db, Type s, Type t) {
        if (s.equals(t)) {
            return true;
        }
        if (s.isFullyStatic() && t.isFullyStatic()) {
            return relates(db, s, t, Mode.SUBTYPE) && relates(db, t, s, Mode.SUBTYPE);
        }
        if (relates(db, s, t, Mode.REDUNDANT) && relates(db, t, s, Mode.REDUNDANT)) {
            return true;
        }
        // Gradual types are equivalent when they have the same materializations: compare the
        // greatest and the least of them (Any as object, and as Never), when those are static.
        Type topS = materialize(db, s, true);
        Type topT = materialize(db, t, true);
        Type bottomS = materialize(db, s, false);
        Type bottomT = materialize(db, t, false);
        if (!topS.isFullyStatic() || !topT.isFullyStatic() || !bottomS.isFullyStatic() || !bottomT.isFullyStatic()) {
            return false;
        }
        return isEquivalent(db, topS, topT) && isEquivalent(db, bottomS, bottomT) && sameDynamicShape(s, t);
    }

    /** Whether two gradual types have their dynamic parts in the same kind of places (a union member, an intersection element). */
    private static boolean sameDynamicShape(Type s, Type t) {
        return !(s instanceof InstanceType) && !(t instanceof InstanceType);
    }

    /**
     * The greatest ({@code top}) or least materialization of a type: every dynamic type in a covariant
     * place replaced by {@code object} (or {@code Never}); negated places flip. Invariant places (a
     * class's type arguments) are kept as they are.
     */
    static Type materialize(TypeDb db, Type t, boolean top) {
        return switch (t) {
            case DynamicType d -> top ? KnownClass.OBJECT.toInstance(db) : Never.NEVER;
            case TodoType d -> top ? KnownClass.OBJECT.toInstance(db) : Never.NEVER;
            case UnionType u -> {
                UnionBuilder b = new UnionBuilder(db);
                u.members().forEach(m -> b.add(materialize(db, m, top)));
                yield b.build();
            }
            case IntersectionType x -> {
                IntersectionBuilder b = new IntersectionBuilder(db);
                x.positive().forEach(p -> b.addPositive(materialize(db, p, top)));
                x.negative().forEach(n -> b.addNegative(materialize(db, n, !top)));
                yield b.build();
            }
            case TupleType tt -> new TupleType(tt.prefix().stream().map(e -> materialize(db, e, top)).toList(),
                    tt.variable() == null ? null : materialize(db, tt.variable(), top),
                    tt.suffix().stream().map(e -> materialize(db, e, top)).toList());
            default -> t;
        };
    }

    static boolean isFullyStatic(Type t) {
        return switch (t) {
            case DynamicType d -> false;
            case TodoType d -> false;
            case InstanceType i -> allStatic(i.classType().arguments());
            case ClassLiteralType c -> allStatic(c.classType().arguments());
            case SubclassOfType s -> isFullyStatic(s.subclassOf());
            case TupleType tt -> allStatic(tt.prefix()) && allStatic(tt.suffix())
                    && (tt.variable() == null || isFullyStatic(tt.variable()));
            case UnionType u -> allStatic(u.members());
            case IntersectionType x -> allStatic(x.positive()) && allStatic(x.negative());
            case CallableType c -> signatureStatic(c.signature());
            case FunctionLiteral f -> signatureStatic(f.signature());
            default -> true;
        };
    }

    private static boolean signatureStatic(Signature s) {
        if (s.gradual() || s.returnType() == null || !isFullyStatic(s.returnType())) {
            return false;
        }
        for (Parameter p : s.parameters()) {
            if (p.annotatedType() == null || !isFullyStatic(p.annotatedType())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allStatic(List<Type> ts) {
        for (Type t : ts) {
            if (!isFullyStatic(t)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------
    // The relation walk

    /** A relation asked of two types, as the memo of a {@link TypeDb} keys it. */
    private record Question(Type s, Type t, Mode mode) {
    }

    /**
     * Relations between unions and intersections are memoized by the database when it offers a
     * memo: narrowing relates the same wide unions and intersections (a value narrowed by twenty
     * isinstance tests) over and over, and each answer walks every member pair.
     */
    static boolean relates(TypeDb db, Type s, Type t, Mode mode) {
        java.util.Map<Object, Boolean> memo = db.relationMemo();
        if (memo == null || !(compound(s) || compound(t))) {
            return relatesUncached(db, s, t, mode);
        }
        Question q = new Question(s, t, mode);
        Boolean known = memo.get(q);
        if (known == null) {
            known = relatesUncached(db, s, t, mode);
            memo.put(q, known);
        }
        return known;
    }

    private static boolean compound(Type t) {
        return t instanceof UnionType || t instanceof IntersectionType;
    }

    private static boolean relatesUncached(TypeDb db, Type s, Type t, Mode mode) {
        if (s.equals(t)) {
            return mode != Mode.SUBTYPE || s.isFullyStatic();
        }
        if (s == Never.NEVER || isUninhabitedTuple(s)) {
            return true;
        }
        if (isObject(t)) {
            return true;
        }
        if (s instanceof UnionType u) {
            for (Type m : u.members()) {
                if (!relates(db, m, t, mode)) {
                    return false;
                }
            }
            return true;
        }
        if (t instanceof IntersectionType x) {
            for (Type p : x.positive()) {
                if (!relates(db, s, p, mode)) {
                    return false;
                }
            }
            for (Type n : x.negative()) {
                if (!excludes(db, s, n, mode)) {
                    return false;
                }
            }
            return true;
        }
        if (s instanceof IntersectionType x) {
            for (Type p : x.positive()) {
                if (relates(db, p, t, mode)) {
                    return true;
                }
            }
            if (t instanceof UnionType u) {
                for (Type m : u.members()) {
                    if (relates(db, s, m, mode)) {
                        return true;
                    }
                }
            }
            // P & ~N <: T when P <: T | N: try each positive against T with the negations removed.
            if (!x.negative().isEmpty() && !x.positive().isEmpty()) {
                for (Type p : x.positive()) {
                    UnionBuilder widened = new UnionBuilder(db).add(t);
                    for (Type n : x.negative()) {
                        widened.add(n);
                    }
                    Type w = widened.build();
                    if (!(w instanceof UnionType) && relates(db, p, w, mode)) {
                        return true;
                    }
                    if (w instanceof UnionType wu && relatesToSomeMember(db, p, wu, mode)) {
                        return true;
                    }
                }
            }
            return t instanceof UnionType u && splitsOverUnion(db, x, u, mode);
        }
        if (t instanceof UnionType u) {
            if (relatesToSomeMember(db, s, u, mode)) {
                return true;
            }
            // bool <: Literal[True] | Literal[False] | ... and friends: a type all of whose values are
            // spread over several members.
            if (s instanceof InstanceType i && i.isKnown(KnownClass.BOOL)) {
                return relates(db, BoolLiteral.TRUE, t, mode) && relates(db, BoolLiteral.FALSE, t, mode);
            }
            if (s instanceof TypeVarType v) {
                return typeVarRelates(db, v, t, mode);
            }
            // an enum class is the union of its members: Color <: Literal[Color.RED, Color.GREEN] | ...
            if (s instanceof InstanceType i && i.classType().arguments().isEmpty()) {
                List<String> members = db.enumMembers(i.literal());
                if (members != null && members.size() > 1) {
                    boolean all = true;
                    for (String m : members) {
                        if (!relates(db, new EnumLiteral(i.literal(), m), t, mode)) {
                            all = false;
                            break;
                        }
                    }
                    if (all) {
                        return true;
                    }
                }
            }
            // object <: int | (~int): a type whose values are spread over members with negations
            return splitsOverUnion(db, s, u, mode);
        }
        if (s.isDynamic() || t.isDynamic()) {
            return switch (mode) {
                case ASSIGNABLE -> true;
                case REDUNDANT -> s.isDynamic() && t.isDynamic();
                case SUBTYPE -> false;
            };
        }
        if (s instanceof TypeVarType v) {
            return typeVarRelates(db, v, t, mode);
        }
        if (t instanceof TypeVarType) {
            return false;
        }
        if (s instanceof NewTypeInstance n) {
            // a NewType is its base and more: below the base, and below any NewType it refines
            return t instanceof NewTypeInstance tn ? n.refines(tn) : relates(db, n.base(), t, mode);
        }
        if (t instanceof NewTypeInstance) {
            return false;
        }
        if (t instanceof TruthinessType tt) {
            Truthiness want = tt == TruthinessType.ALWAYS_TRUTHY ? Truthiness.ALWAYS_TRUE : Truthiness.ALWAYS_FALSE;
            return Truthiness.of(s) == want;
        }
        return atomicRelates(db, s, t, mode);
    }

    /**
     * {@code s <: m | rest} when {@code s & ~m <: rest}: {@code ~str <: int | (~int & ~str)}, as
     * {@code ~str & ~int <: ~int & ~str}. Only for static types and a union with an intersection
     * member (otherwise the member-wise check is complete); the union shrinks at each step.
     */
    private static boolean splitsOverUnion(TypeDb db, Type s, UnionType u, Mode mode) {
        if (mode == Mode.ASSIGNABLE || !hasIntersectionMember(u) || !s.isFullyStatic() || !u.isFullyStatic()) {
            return false;
        }
        for (int i = 0; i < u.members().size(); i++) {
            Type narrowed = new IntersectionBuilder(db).addPositive(s).addNegative(u.members().get(i)).build();
            if (narrowed.equals(s)) {
                continue;
            }
            List<Type> rest = new java.util.ArrayList<>(u.members());
            rest.remove(i);
            if (relates(db, narrowed, UnionBuilder.of(db, rest), mode)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIntersectionMember(UnionType u) {
        for (Type m : u.members()) {
            if (m instanceof IntersectionType) {
                return true;
            }
        }
        return false;
    }

    private static boolean relatesToSomeMember(TypeDb db, Type s, UnionType u, Mode mode) {
        for (Type m : u.members()) {
            if (relates(db, s, m, mode)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeVarRelates(TypeDb db, TypeVarType v, Type t, Mode mode) {
        if (!v.constraints().isEmpty()) {
            for (Type c : v.constraints()) {
                if (!relates(db, c, t, mode)) {
                    return false;
                }
            }
            return true;
        }
        return v.bound() != null && relates(db, v.bound(), t, mode);
    }

    /** {@code s <: ~n}: s has no value in common with n. */
    private static boolean excludes(TypeDb db, Type s, Type n, Mode mode) {
        if (mode == Mode.ASSIGNABLE && (s.isDynamic() || n.isDynamic())) {
            return true;
        }
        return isDisjoint(db, s, n);
    }

    /** Two types that are neither unions, intersections, dynamic, nor type variables. */
    private static boolean atomicRelates(TypeDb db, Type s, Type t, Mode mode) {
        switch (s) {
            case InstanceType si -> {
                if (t instanceof TupleType tt && si.classType().arguments().isEmpty()) {
                    // an instance of a subclass of a known tuple is that tuple (a named tuple's fields)
                    TupleType shape = db.tupleShape(si.literal());
                    return shape != null && tupleRelates(db, shape, tt, mode);
                }
                return t instanceof InstanceType ti && nominal(db, si.classType(), ti.classType(), mode);
            }
            case IntLiteral i -> {
                return !(t instanceof IntLiteral) && fallbackRelates(db, KnownClass.INT, t, mode);
            }
            case BoolLiteral b -> {
                if (t instanceof IntLiteral il) {
                    return false;
                }
                return !(t instanceof BoolLiteral) && fallbackRelates(db, KnownClass.BOOL, t, mode);
            }
            case StringLiteral str -> {
                if (t == LiteralStringType.LITERAL_STRING) {
                    return true;
                }
                return !(t instanceof StringLiteral) && fallbackRelates(db, KnownClass.STR, t, mode);
            }
            case LiteralStringType ls -> {
                return !(t instanceof StringLiteral) && fallbackRelates(db, KnownClass.STR, t, mode);
            }
            case BytesLiteral b -> {
                return !(t instanceof BytesLiteral) && fallbackRelates(db, KnownClass.BYTES, t, mode);
            }
            case EnumLiteral e -> {
                return !(t instanceof EnumLiteral) && relates(db, e.fallback(), t, mode);
            }
            case NoneType n -> {
                return fallbackRelates(db, KnownClass.NONE_TYPE, t, mode);
            }
            case ModuleLiteral m -> {
                return fallbackRelates(db, KnownClass.MODULE_TYPE, t, mode);
            }
            case FunctionLiteral f -> {
                if (t instanceof CallableType c) {
                    return signatureRelates(db, f.signature(), c.signature(), mode);
                }
                return fallbackRelates(db, KnownClass.FUNCTION_TYPE, t, mode);
            }
            case OverloadedFunction f -> {
                if (t instanceof CallableType c) {
                    // one of the overloads is enough to serve as the callable
                    return f.overloads().stream().anyMatch(o -> signatureRelates(db, o.signature(), c.signature(), mode));
                }
                return fallbackRelates(db, KnownClass.FUNCTION_TYPE, t, mode);
            }
            case BoundMethodType b -> {
                if (t instanceof CallableType c) {
                    return signatureRelates(db, b.withoutReceiver(), c.signature(), mode);
                }
                return fallbackRelates(db, KnownClass.METHOD_TYPE, t, mode);
            }
            case SpecialFormType f -> {
                return fallbackRelates(db, KnownClass.SPECIAL_FORM, t, mode);
            }
            case KnownInstanceType k -> {
                return fallbackRelates(db, k.kind(), t, mode);
            }
            case ClassLiteralType c -> {
                if (t instanceof SubclassOfType st) {
                    return subclassRelates(db, c.classType().toInstance(), st.subclassOf(), mode);
                }
                if (t instanceof InstanceType ti) {
                    return nominal(db, db.metaclass(c.literal()), ti.classType(), mode);
                }
                return false;
            }
            case SubclassOfType ss -> {
                if (t instanceof SubclassOfType st) {
                    return subclassRelates(db, ss.subclassOf(), st.subclassOf(), mode);
                }
                if (t instanceof InstanceType ti) {
                    ClassType meta = ss.subclassOf() instanceof InstanceType si ? db.metaclass(si.literal()) : null;
                    if (meta != null) {
                        return nominal(db, meta, ti.classType(), mode);
                    }
                    ClassLiteral type = db.knownClass(KnownClass.TYPE);
                    return type != null && nominal(db, ClassType.of(type), ti.classType(), mode);
                }
                return false;
            }
            case TupleType st -> {
                if (t instanceof TupleType tt) {
                    return tupleRelates(db, st, tt, mode);
                }
                if (t instanceof InstanceType ti) {
                    return nominal(db, tupleFallback(db, st), ti.classType(), mode);
                }
                return false;
            }
            case CallableType c -> {
                return t instanceof CallableType tc && signatureRelates(db, c.signature(), tc.signature(), mode);
            }
            case TruthinessType tt -> {
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** The instance type a literal-like value falls back to, related to {@code t}. */
    private static boolean fallbackRelates(TypeDb db, KnownClass k, Type t, Mode mode) {
        if (!(t instanceof InstanceType ti)) {
            return false;
        }
        ClassLiteral c = db.knownClass(k);
        return c != null && nominal(db, ClassType.of(c), ti.classType(), mode);
    }

    private static boolean subclassRelates(TypeDb db, Type s, Type t, Mode mode) {
        if (s.isDynamic() || t.isDynamic()) {
            return mode == Mode.ASSIGNABLE || (mode == Mode.REDUNDANT && s.isDynamic() && t.isDynamic());
        }
        return relates(db, s, t, mode);
    }

    /** {@code tuple[A, B]} as an instance of {@code tuple[A | B, ...]}, for nominal checks. */
    static ClassType tupleFallback(TypeDb db, TupleType t) {
        ClassLiteral tuple = db.knownClass(KnownClass.TUPLE);
        if (tuple == null) {
            return null;
        }
        UnionBuilder u = new UnionBuilder(db);
        for (Type e : t.allElements()) {
            u.add(e);
        }
        return new ClassType(tuple, List.of(u.build()));
    }

    /** Nominal subtyping of (possibly specialized) classes, through the MRO. */
    static boolean nominal(TypeDb db, @Nullable ClassType s, ClassType t, Mode mode) {
        if (s == null) {
            return false;
        }
        if (t.isKnown(KnownClass.OBJECT)) {
            return true;
        }
        Mro mro = db.mro(s.literal());
        ClassType found = mro.find(t.literal());
        if (found == null) {
            return mode == Mode.ASSIGNABLE && mro.hasDynamic();
        }
        if (t.arguments().isEmpty()) {
            return true;
        }
        List<TypeVarType> params = db.typeParameters(s.literal());
        Specialization spec = Specialization.of(params, s.arguments());
        // the class itself is the first entry of its MRO, unspecialized: its arguments are s's own
        ClassType actual = found.literal().equals(s.literal()) ? s : spec.apply(found);
        List<Type> targs = t.arguments();
        List<Type> sargs = actual.arguments();
        if (sargs.isEmpty()) {
            // s not specialized: its arguments are Unknown
            return mode == Mode.ASSIGNABLE;
        }
        List<TypeVarType> tparams = db.typeParameters(t.literal());
        for (int i = 0; i < targs.size() && i < sargs.size(); i++) {
            Variance v = i < tparams.size() ? db.variance(t.literal(), i) : Variance.INVARIANT;
            if (t.isKnown(KnownClass.TUPLE)) {
                v = Variance.COVARIANT;
            }
            Type a = sargs.get(i);
            Type b = targs.get(i);
            boolean ok = switch (v) {
                case COVARIANT -> relates(db, a, b, mode);
                case CONTRAVARIANT -> relates(db, b, a, mode);
                case BIVARIANT -> true;
                case INVARIANT -> mode == Mode.ASSIGNABLE
                        ? relates(db, a, b, mode) && relates(db, b, a, mode)
                        : isEquivalent(db, a, b) && (mode != Mode.SUBTYPE || (a.isFullyStatic() && b.isFullyStatic()));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean tupleRelates(TypeDb db, TupleType s, TupleType t, Mode mode) {
        if (t.isFixed()) {
            if (!s.isFixed() || s.prefix().size() != t.prefix().size()) {
                return false;
            }
            for (int i = 0; i < s.prefix().size(); i++) {
                if (!relates(db, s.prefix().get(i), t.prefix().get(i), mode)) {
                    return false;
                }
            }
            return true;
        }
        if (s.minLength() < t.minLength()) {
            return false;
        }
        if (!s.isFixed() && (s.prefix().size() < t.prefix().size() || s.suffix().size() < t.suffix().size())) {
            return false;
        }
        List<Type> all = s.allElements();
        int n = all.size();
        int tp = t.prefix().size();
        int ts = t.suffix().size();
        for (int i = 0; i < tp; i++) {
            if (!relates(db, all.get(i), t.prefix().get(i), mode)) {
                return false;
            }
        }
        for (int i = 0; i < ts; i++) {
            if (!relates(db, all.get(n - ts + i), t.suffix().get(i), mode)) {
                return false;
            }
        }
        for (int i = tp; i < n - ts; i++) {
            if (!relates(db, all.get(i), t.variable(), mode)) {
                return false;
            }
        }
        return true;
    }

    /** Callable compatibility: parameters contravariant, return covariant (positional shapes). */
    private static boolean signatureRelates(TypeDb db, Signature s, Signature t, Mode mode) {
        if (!relates(db, s.returns(), t.returns(), mode)) {
            return false;
        }
        if (t.gradual() || s.gradual()) {
            return mode == Mode.ASSIGNABLE || t.gradual() && s.gradual();
        }
        List<Parameter> sp = s.parameters();
        List<Parameter> tp = t.parameters();
        int i = 0;
        for (; i < tp.size(); i++) {
            Parameter want = tp.get(i);
            if (i >= sp.size()) {
                return false;
            }
            Parameter have = sp.get(i);
            if (have.kind() != want.kind()) {
                boolean compatible = have.kind() == Parameter.Kind.POSITIONAL_OR_KEYWORD
                        && want.kind() == Parameter.Kind.POSITIONAL_ONLY;
                if (!compatible) {
                    return false;
                }
            }
            if (want.kind() != Parameter.Kind.POSITIONAL_ONLY && have.name() != null
                    && !have.name().equals(want.name())) {
                return false;
            }
            if (!relates(db, want.type(), have.type(), mode)) {
                return false;
            }
        }
        for (; i < sp.size(); i++) {
            Parameter extra = sp.get(i);
            if (!extra.hasDefault() && extra.kind() != Parameter.Kind.VARIADIC
                    && extra.kind() != Parameter.Kind.KEYWORD_VARIADIC) {
                return false;
            }
        }
        return true;
    }

    static boolean isObject(Type t) {
        return t instanceof InstanceType i && i.isKnown(KnownClass.OBJECT);
    }

    // ------------------------------------------------------------------------------------------
    // Disjointness

    static boolean isDisjoint(TypeDb db, Type s, Type t) {
        if (s == Never.NEVER || t == Never.NEVER || isUninhabitedTuple(s) || isUninhabitedTuple(t)) {
            return true;
        }
        if (s.isDynamic() || t.isDynamic()) {
            return false;
        }
        if (s.equals(t)) {
            return false;
        }
        if (s instanceof UnionType u) {
            for (Type m : u.members()) {
                if (!isDisjoint(db, m, t)) {
                    return false;
                }
            }
            return true;
        }
        if (t instanceof UnionType) {
            return isDisjoint(db, t, s);
        }
        if (s instanceof IntersectionType x) {
            for (Type p : x.positive()) {
                if (isDisjoint(db, p, t)) {
                    return true;
                }
            }
            for (Type n : x.negative()) {
                if (n.equals(t) || relates(db, t, n, Mode.SUBTYPE)) { // X & ~tuple[Any, ...] vs tuple[Any, ...] too
                    return true;
                }
            }
            // t spread over several negations: ~Literal[True] & ~Literal[False] is disjoint from bool
            if (x.negative().size() > 1 && t.isFullyStatic()) {
                return relates(db, t, UnionBuilder.of(db, x.negative()), Mode.SUBTYPE);
            }
            return false;
        }
        if (t instanceof IntersectionType) {
            return isDisjoint(db, t, s);
        }
        if (isObject(s) || isObject(t)) {
            return false;
        }
        if (s instanceof TypeVarType || t instanceof TypeVarType) {
            TypeVarType v = s instanceof TypeVarType sv ? sv : (TypeVarType) t;
            Type other = v == s ? t : s;
            if (v.bound() != null) {
                return isDisjoint(db, v.bound(), other);
            }
            if (!v.constraints().isEmpty()) {
                for (Type c : v.constraints()) {
                    if (!isDisjoint(db, c, other)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
        if (s instanceof NewTypeInstance a && t instanceof NewTypeInstance b) {
            // distinct tags exclude each other, whatever their bases
            return !a.refines(b) && !b.refines(a);
        }
        if (s instanceof NewTypeInstance n) {
            return isDisjoint(db, n.base(), t);
        }
        if (t instanceof NewTypeInstance n) {
            return isDisjoint(db, s, n.base());
        }
        if (s instanceof TruthinessType || t instanceof TruthinessType) {
            TruthinessType tt = s instanceof TruthinessType a ? a : (TruthinessType) t;
            Type other = tt == s ? t : s;
            if (other instanceof TruthinessType) {
                return true;
            }
            Truthiness want = tt == TruthinessType.ALWAYS_TRUTHY ? Truthiness.ALWAYS_FALSE : Truthiness.ALWAYS_TRUE;
            return Truthiness.of(other) == want;
        }
        if (isSingleValuedAtom(s) && isSingleValuedAtom(t)) {
            return true; // two different single values
        }
        // the single value first: LiteralString against Literal["a"] asks whether "a" is in LiteralString
        if (isSingleValuedAtom(s)) {
            return !relates(db, s, t, Mode.SUBTYPE) && !mayContain(db, t, s);
        }
        if (isSingleValuedAtom(t)) {
            return isDisjoint(db, t, s);
        }
        if (isLiteralLike(s)) {
            return !relates(db, s, t, Mode.SUBTYPE) && !mayContain(db, t, s);
        }
        if (isLiteralLike(t)) {
            return isDisjoint(db, t, s);
        }
        return switch (s) {
            case InstanceType si -> t instanceof InstanceType ti ? instancesDisjoint(db, si.classType(), ti.classType())
                    : isDisjoint(db, t, s) && !(t instanceof InstanceType);
            case TupleType st -> switch (t) {
                case TupleType tt -> tuplesDisjoint(db, st, tt);
                case InstanceType ti -> {
                    ClassType fb = tupleFallback(db, st);
                    yield fb == null || instancesDisjoint(db, fb, ti.classType());
                }
                default -> true;
            };
            case SubclassOfType ss -> switch (t) {
                case SubclassOfType ts -> ss.subclassOf() instanceof InstanceType a && ts.subclassOf() instanceof InstanceType b
                        && instancesDisjoint(db, a.classType(), b.classType());
                case InstanceType ti -> {
                    ClassType meta = ss.subclassOf() instanceof InstanceType a ? db.metaclass(a.literal()) : null;
                    yield meta != null && instancesDisjoint(db, meta, ti.classType());
                }
                default -> true;
            };
            case CallableType c -> t instanceof InstanceType ti && ti.isKnown(KnownClass.NONE_TYPE);
            default -> switch (t) {
                case InstanceType ti -> isDisjoint(db, t, s);
                case TupleType tt -> isDisjoint(db, t, s);
                case SubclassOfType ts -> isDisjoint(db, t, s);
                default -> true;
            };
        };
    }

    /**
     * A tuple that needs a value of {@code Never} ({@code tuple[Never]}, {@code tuple[int, *tuple[str, ...], Never]})
     * has no value: like {@code Never}, it is below every type and disjoint from every type. (Tuples are
     * records made directly, so {@code tuple[Never]} is not normalized to {@code Never} when it is made.)
     */
    static boolean isUninhabitedTuple(Type t) {
        if (!(t instanceof TupleType tt)) {
            return false;
        }
        for (Type e : tt.prefix()) {
            if (e == Never.NEVER || isUninhabitedTuple(e)) {
                return true;
            }
        }
        for (Type e : tt.suffix()) {
            if (e == Never.NEVER || isUninhabitedTuple(e)) {
                return true;
            }
        }
        return false;
    }

    /** Types with one value, which is either in another type or not. */
    private static boolean isSingleValuedAtom(Type t) {
        return t instanceof IntLiteral || t instanceof BoolLiteral || t instanceof StringLiteral
                || t instanceof BytesLiteral || t instanceof EnumLiteral || t instanceof NoneType || t instanceof ModuleLiteral
                || t instanceof FunctionLiteral || t instanceof ClassLiteralType || t instanceof SpecialFormType
                || t instanceof BoundMethodType || t instanceof OverloadedFunction || t instanceof KnownInstanceType;
    }

    /** Types all of whose values are of one final class: disjoint from what they are not below. */
    private static boolean isLiteralLike(Type t) {
        return t instanceof LiteralStringType;
    }

    /** Whether {@code container} may hold the single value of {@code atom} without being its supertype. */
    private static boolean mayContain(TypeDb db, Type container, Type atom) {
        return switch (container) {
            case LiteralStringType ls -> atom instanceof StringLiteral;
            case SubclassOfType s -> atom instanceof ClassLiteralType c
                    && (s.subclassOf().isDynamic() || relates(db, c.classType().toInstance(), s.subclassOf(), Mode.SUBTYPE)
                    || (s.subclassOf() instanceof TypeVarType v && mayBeSolvedTo(db, v, c.classType().toInstance())));
            case CallableType c -> atom instanceof FunctionLiteral || atom instanceof BoundMethodType
                    || atom instanceof ClassLiteralType || atom instanceof OverloadedFunction;
            case TupleType t -> false;
            case InstanceType i -> atom instanceof ClassLiteralType c && i.classType().literal().known() == null
                    && false;
            default -> false;
        };
    }

    /** Whether a type variable may stand for {@code instance}'s class: below its bound, or one of its constraints' subclasses. */
    private static boolean mayBeSolvedTo(TypeDb db, TypeVarType v, Type instance) {
        if (v.bound() != null) {
            return relates(db, instance, v.bound(), Mode.SUBTYPE);
        }
        if (!v.constraints().isEmpty()) {
            for (Type c : v.constraints()) {
                if (relates(db, instance, c, Mode.SUBTYPE)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean tuplesDisjoint(TypeDb db, TupleType s, TupleType t) {
        if (s.isFixed() && t.isFixed()) {
            if (s.prefix().size() != t.prefix().size()) {
                return true;
            }
            for (int i = 0; i < s.prefix().size(); i++) {
                if (isDisjoint(db, s.prefix().get(i), t.prefix().get(i))) {
                    return true;
                }
            }
            return false;
        }
        if (s.isFixed() && s.minLength() < t.minLength()) {
            return true;
        }
        if (t.isFixed() && t.minLength() < s.minLength()) {
            return true;
        }
        // the elements both tuples have at a known position (from the start, or from the end) must overlap
        List<Type> sFront = s.prefix();
        List<Type> tFront = t.prefix();
        for (int i = 0; i < sFront.size() && i < tFront.size(); i++) {
            if (isDisjoint(db, sFront.get(i), tFront.get(i))) {
                return true;
            }
        }
        List<Type> sBack = s.isFixed() ? s.prefix() : s.suffix();
        List<Type> tBack = t.isFixed() ? t.prefix() : t.suffix();
        for (int i = 1; i <= sBack.size() && i <= tBack.size(); i++) {
            if (isDisjoint(db, sBack.get(sBack.size() - i), tBack.get(tBack.size() - i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Instances of two classes share no object when neither class is a subclass of the other and
     * no class can inherit from both: one is final, or their layouts (disjoint bases) conflict.
     */
    static boolean instancesDisjoint(TypeDb db, ClassType a, ClassType b) {
        Mro ma = db.mro(a.literal());
        Mro mb = db.mro(b.literal());
        ClassType aInB = ma.find(b.literal());
        ClassType bInA = mb.find(a.literal());
        if (aInB != null || bInA != null) {
            if (a.arguments().isEmpty() || b.arguments().isEmpty()) {
                return false;
            }
            ClassType sub = aInB != null ? a : b;
            ClassType sup = aInB != null ? b : a;
            ClassType entry = aInB != null ? aInB : bInA;
            ClassType inMro = entry.literal().equals(sub.literal()) ? sub
                    : Specialization.of(db.typeParameters(sub.literal()), sub.arguments()).apply(entry);
            for (int i = 0; i < inMro.arguments().size() && i < sup.arguments().size(); i++) {
                Type x = inMro.arguments().get(i);
                Type y = sup.arguments().get(i);
                if (x.isFullyStatic() && y.isFullyStatic() && isDisjoint(db, x, y)
                        && (i >= db.typeParameters(sup.literal()).size()
                        || db.variance(sup.literal(), i) == Variance.INVARIANT)) {
                    return true;
                }
            }
            return false;
        }
        if (ma.hasDynamic() || mb.hasDynamic()) {
            return false;
        }
        if (db.isFinal(a.literal()) || db.isFinal(b.literal())) {
            return true;
        }
        ClassLiteral da = disjointBase(db, ma);
        ClassLiteral dbase = disjointBase(db, mb);
        if (da == null || dbase == null) {
            return false;
        }
        return ma.find(dbase) == null && mb.find(da) == null;
    }

    /** The nearest class of the MRO whose instance layout is its own. */
    private static @Nullable ClassLiteral disjointBase(TypeDb db, Mro mro) {
        for (ClassType c : mro.classes()) {
            if (db.isDisjointBase(c.literal())) {
                return c.literal();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------
    // Singletons and single values

    static boolean isSingleton(TypeDb db, Type t) {
        return switch (t) {
            case NoneType n -> true;
            case BoolLiteral b -> true;
            case EnumLiteral e -> true;
            case ModuleLiteral m -> true;
            case ClassLiteralType c -> true;
            case FunctionLiteral f -> true;
            case SpecialFormType s -> true;
            case InstanceType i -> i.isKnown(KnownClass.NONE_TYPE) || i.isKnown(KnownClass.ELLIPSIS_TYPE)
                    || i.isKnown(KnownClass.NOT_IMPLEMENTED_TYPE) || isSingleMemberEnum(db, i);
            default -> false;
        };
    }

    static boolean isSingleValued(TypeDb db, Type t) {
        return switch (t) {
            case IntLiteral i -> true;
            case StringLiteral s -> true;
            case BytesLiteral b -> true;
            case TupleType tt -> tt.isFixed() && tt.prefix().stream().allMatch(e -> isSingleValued(db, e));
            default -> isSingleton(db, t);
        };
    }

    /** The instances of an enum with one member are that member. */
    private static boolean isSingleMemberEnum(TypeDb db, InstanceType i) {
        if (!i.classType().arguments().isEmpty()) {
            return false;
        }
        List<String> members = db.enumMembers(i.literal());
        return members != null && members.size() == 1;
    }
}
