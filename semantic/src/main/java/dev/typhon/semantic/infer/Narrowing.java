package dev.typhon.semantic.infer;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.BoolOp;
import dev.typhon.ast.BoolOperator;
import dev.typhon.ast.Call;
import dev.typhon.ast.CmpOperator;
import dev.typhon.ast.Compare;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Name;
import dev.typhon.ast.NamedExpr;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.UnaryOperator;
import dev.typhon.semantic.index.Constraint;
import dev.typhon.semantic.index.ConstraintKind;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntersectionBuilder;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.KnownInstanceType;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TruthinessType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Narrowing a binding's type by the tests that hold on the path from it to a use: truthiness
 * ({@code if x:}), {@code is} / {@code is not}, {@code ==} / {@code !=}, {@code in} /
 * {@code not in} a literal collection, {@code isinstance}, {@code issubclass}, {@code type(x) is C},
 * {@code bool(x)}, and {@code not} / {@code and} / {@code or} of those; a walrus ({@code (y := f())})
 * narrows the name it binds. Each test narrows only the names it mentions.
 *
 * <p>A test is applied as a function of the type it narrows (oldest test first), not as a type
 * to intersect with: {@code x == "a"} makes {@code str} {@code Literal["a"]} but keeps a class with
 * its own {@code __eq__}.
 */
final class Narrowing {
    private final TypeInference ti;
    private final EqualityNarrowing equality;

    Narrowing(TypeInference ti) {
        this.ti = ti;
        this.equality = new EqualityNarrowing(ti);
    }

    Type narrow(SourceFile file, Type type, List<Constraint> constraints, Definition def) {
        if (constraints.isEmpty() || def.isPlace() || def.symbol() < 0) {
            return type;
        }
        String name = file.index().scope(def.scope()).symbolName(def.symbol());
        return narrow(file, type, constraints, Target.name(name));
    }

    /** What a test narrows: a name, or a member place ({@code a.b}, {@code d["k"]}) written the same way. */
    interface Target {
        boolean matches(Expr e);

        static Target name(String name) {
            return new NameTarget(name);
        }

        static Target place(Expr place) {
            return e -> samePlace(e, place);
        }

        private static boolean samePlace(Expr a, Expr b) {
            return switch (a) {
                case Name n -> b instanceof Name m && n.id().equals(m.id());
                case dev.typhon.ast.Attribute x -> b instanceof dev.typhon.ast.Attribute y && x.attr().equals(y.attr())
                        && samePlace(x.value(), y.value());
                case dev.typhon.ast.Subscript x -> b instanceof dev.typhon.ast.Subscript y
                        && x.slice() instanceof dev.typhon.ast.Constant k && y.slice() instanceof dev.typhon.ast.Constant l
                        && k.value().equals(l.value()) && samePlace(x.value(), y.value());
                default -> false;
            };
        }
    }

    /** A name as a target: a value, so that narrowings of the same name can be memoized. */
    record NameTarget(String name) implements Target {
        @Override
        public boolean matches(Expr e) {
            return (e instanceof Name n && n.id().equals(name))
                    || (e instanceof NamedExpr ne && ne.target() instanceof Name n2 && n2.id().equals(name));
        }
    }

    /** {@code type} (of the target) narrowed by the constraints, given innermost (newest) first. */
    Type narrow(SourceFile file, Type type, List<Constraint> constraints, Target name) {
        Type t = type;
        for (int i = constraints.size() - 1; i >= 0; i--) {
            Constraint c = constraints.get(i);
            if (c.kind() == ConstraintKind.PATTERN && c.test() instanceof dev.typhon.ast.MatchCase mc
                    && c.subject() != null && name.matches(c.subject())) {
                Type narrowed = pattern(file, mc.pattern(), c.positive(), t);
                if (narrowed != null) {
                    t = narrowed;
                }
                continue;
            }
            if (c.kind() != ConstraintKind.TEST || !(c.test() instanceof Expr test)) {
                continue;
            }
            Type narrowed = apply(file, test, name, c.positive(), t);
            if (narrowed != null) {
                t = narrowed;
            }
        }
        return t;
    }

    /** {@code current} narrowed by one test being {@code positive}, or null when it says nothing of the target. */
    @Nullable Type applyTest(SourceFile file, Expr test, Target target, boolean positive, Type current) {
        return apply(file, test, target, positive, current);
    }

    private static boolean isTarget(Expr e, Target target) {
        return target.matches(e);
    }

    /** {@code current} narrowed by {@code test} being {@code positive}, or null when the test says nothing of {@code name}. */
    private @Nullable Type apply(SourceFile file, Expr test, Target name, boolean positive, Type current) {
        switch (test) {
            case Name n when name.matches(n) -> {
                return truthy(current, positive);
            }
            case Attribute a when name.matches(a) -> {
                return truthy(current, positive);
            }
            case dev.typhon.ast.Subscript sub when name.matches(sub) -> {
                return truthy(current, positive);
            }
            case NamedExpr ne -> {
                if (isTarget(ne, name)) {
                    return truthy(current, positive);
                }
                return apply(file, ne.value(), name, positive, current);
            }
            case UnaryOp u when u.op() == UnaryOperator.Not -> {
                return apply(file, u.operand(), name, !positive, current);
            }
            case BoolOp b -> {
                boolean and = b.op() == BoolOperator.And;
                if (and == positive) {
                    // all of them hold: each narrows what the ones before left
                    Type t = current;
                    boolean any = false;
                    for (Expr v : b.values()) {
                        Type n = apply(file, v, name, positive, t);
                        if (n != null) {
                            t = n;
                            any = true;
                        }
                    }
                    return any ? t : null;
                }
                // one of them holds: only a test narrowing on every alternative narrows
                UnionBuilder some = new UnionBuilder(ti);
                for (Expr v : b.values()) {
                    Type n = apply(file, v, name, positive, current);
                    if (n == null) {
                        return null;
                    }
                    some.add(n);
                }
                return some.build();
            }
            case Compare c -> {
                return compare(file, c, name, positive, current);
            }
            case Call call -> {
                return call(file, call, name, positive, current);
            }
            default -> {
                return null;
            }
        }
    }

    /** A match subject narrowed by a case's pattern matching ({@code positive}) or not; null when it tells nothing. */
    @Nullable Type pattern(SourceFile file, dev.typhon.ast.Pattern p, boolean positive, Type current) {
        switch (p) {
            case dev.typhon.ast.MatchValue v -> {
                return equality.equal(current, ti.expressions.infer(file, v.value()), positive);
            }
            case dev.typhon.ast.MatchSingleton s -> {
                Type value = ti.expressions.constant(s.value());
                IntersectionBuilder b = new IntersectionBuilder(ti).addPositive(current);
                return (positive ? b.addPositive(value) : b.addNegative(value)).build();
            }
            case dev.typhon.ast.MatchClass c -> {
                if (!(ti.expressions.infer(file, c.cls()) instanceof ClassLiteralType cls)) {
                    return null;
                }
                Type instance = cls.classType().toInstance();
                if (positive) {
                    return new IntersectionBuilder(ti).addPositive(current).addPositive(instance).build();
                }
                // with sub-patterns, an instance of the class may still fail to match
                return c.patterns().isEmpty() && c.kwdPatterns().isEmpty()
                        ? new IntersectionBuilder(ti).addPositive(current).addNegative(instance).build() : null;
            }
            case dev.typhon.ast.MatchAs a -> {
                if (a.pattern() == null) {
                    return positive ? current : dev.typhon.semantic.types.Never.NEVER;
                }
                return pattern(file, a.pattern(), positive, current);
            }
            case dev.typhon.ast.MatchOr o -> {
                if (positive) {
                    UnionBuilder u = new UnionBuilder(ti);
                    for (dev.typhon.ast.Pattern alt : o.patterns()) {
                        Type n = pattern(file, alt, true, current);
                        u.add(n == null ? current : n);
                    }
                    return u.build();
                }
                Type t = current;
                for (dev.typhon.ast.Pattern alt : o.patterns()) {
                    Type n = pattern(file, alt, false, t);
                    if (n != null) {
                        t = n;
                    }
                }
                return t;
            }
            default -> {
                return null;
            }
        }
    }

    private Type truthy(Type current, boolean positive) {
        return new IntersectionBuilder(ti).addPositive(current)
                .addNegative(positive ? TruthinessType.ALWAYS_FALSY : TruthinessType.ALWAYS_TRUTHY).build();
    }

    /** A chain {@code a < b < c} holds when each of its comparisons does. */
    private @Nullable Type compare(SourceFile file, Compare c, Target name, boolean positive, Type current) {
        List<Expr> operands = new ArrayList<>();
        operands.add(c.left());
        operands.addAll(c.comparators());
        if (c.ops().size() == 1) {
            return comparison(file, operands.get(0), c.ops().get(0), operands.get(1), name, positive, current);
        }
        if (positive) {
            Type t = current;
            boolean any = false;
            for (int i = 0; i < c.ops().size(); i++) {
                Type n = link(file, operands, c.ops(), i, name, t);
                if (n != null) {
                    t = n;
                    any = true;
                }
            }
            return any ? t : null;
        }
        UnionBuilder some = new UnionBuilder(ti);
        for (int i = 0; i < c.ops().size(); i++) {
            Type n = comparison(file, operands.get(i), c.ops().get(i), operands.get(i + 1), name, false, current);
            if (n == null) {
                return null;
            }
            some.add(n);
        }
        return some.build();
    }

    /**
     * Link {@code i} of a chain that holds: the other operand of the link, if the earlier links
     * narrow it ({@code a is b is c}: {@code b} is {@code a} where {@code c} is compared), is taken as narrowed.
     */
    private @Nullable Type link(SourceFile file, List<Expr> operands, List<CmpOperator> ops, int i, Target name, Type t) {
        Expr left = operands.get(i);
        Expr right = operands.get(i + 1);
        CmpOperator op = ops.get(i);
        Expr other = isTarget(left, name) ? right : isTarget(right, name) && isSymmetric(op) ? left : null;
        if (i == 0 || other == null || !(other instanceof Name || other instanceof Attribute
                || other instanceof dev.typhon.ast.Subscript)) {
            return comparison(file, left, op, right, name, true, t);
        }
        Target otherTarget = other instanceof Name n ? Target.name(n.id()) : Target.place(other);
        Type otherType = ti.expressions.infer(file, other);
        for (int j = 0; j < i; j++) {
            Type m = comparison(file, operands.get(j), ops.get(j), operands.get(j + 1), otherTarget, true, otherType);
            if (m != null) {
                otherType = m;
            }
        }
        return againstType(file, op, other, otherType, true, t);
    }

    private @Nullable Type comparison(SourceFile file, Expr left, CmpOperator op, Expr right, Target name,
                                      boolean positive, Type current) {
        if (isTarget(left, name)) {
            Type narrowed = against(file, op, right, positive, current);
            if (narrowed != null || !isTarget(right, name)) {
                return narrowed;
            }
        }
        if (isTarget(right, name)) {
            CmpOperator flipped = switch (op) {
                case Is, IsNot, Eq, NotEq -> op;
                default -> null;
            };
            return flipped == null ? null : against(file, flipped, left, positive, current);
        }
        if (left instanceof Attribute a && isTarget(a.value(), name)) {
            return byTag(file, a.attr(), op, right, positive, current);
        }
        if (right instanceof Attribute a && isTarget(a.value(), name) && isSymmetric(op)) {
            return byTag(file, a.attr(), op, left, positive, current);
        }
        if (left instanceof Call call && isTypeCall(file, call, name)) {
            return typeIs(file, op, right, positive, current);
        }
        if (right instanceof Call call && isTypeCall(file, call, name)) {
            return typeIs(file, op, left, positive, current);
        }
        return null;
    }

    private static boolean isSymmetric(CmpOperator op) {
        return op == CmpOperator.Is || op == CmpOperator.IsNot || op == CmpOperator.Eq || op == CmpOperator.NotEq;
    }

    /**
     * {@code name.attr op otherExpr} holds ({@code positive}) or not: a tagged union keeps the
     * members whose attribute can pass the test. Null when no member is ruled out.
     */
    private @Nullable Type byTag(SourceFile file, String attr, CmpOperator op, Expr otherExpr, boolean positive,
                                 Type current) {
        if (!(current instanceof UnionType u)) {
            return null;
        }
        UnionBuilder out = new UnionBuilder(ti);
        boolean changed = false;
        for (Type m : u.members()) {
            Type tag = m.isDynamic() ? null : ti.members.member(m, attr);
            if (tag != null && !tag.isDynamic()) {
                Type passing = against(file, op, otherExpr, positive, tag);
                if (passing != null && passing.isNever()) {
                    changed = true;
                    continue;
                }
            }
            out.add(m);
        }
        return changed ? out.build() : null;
    }

    /** {@code name op otherExpr} holds ({@code positive}) or not. */
    private @Nullable Type against(SourceFile file, CmpOperator op, Expr otherExpr, boolean positive, Type current) {
        return againstType(file, op, otherExpr, ti.expressions.infer(file, otherExpr), positive, current);
    }

    /** The same, the other operand's type given (narrowed by what was learned before it). */
    private @Nullable Type againstType(SourceFile file, CmpOperator op, Expr otherExpr, Type other, boolean positive,
                                       Type current) {
        if (current.isNever()) {
            return current;
        }
        switch (op) {
            case Is, IsNot -> {
                if (other.isDynamic()) {
                    return null;
                }
                if ((op == CmpOperator.Is) == positive) {
                    // the very object `other` is, whatever its type says
                    return new IntersectionBuilder(ti).addPositive(current).addPositive(other).build();
                }
                return other.isSingleton(ti)
                        ? new IntersectionBuilder(ti).addPositive(current).addNegative(other).build() : null;
            }
            case Eq, NotEq -> {
                return equality.equal(current, other, (op == CmpOperator.Eq) == positive);
            }
            case In, NotIn -> {
                boolean in = (op == CmpOperator.In) == positive;
                List<String> haystacks = stringLiterals(other);
                if (haystacks != null) {
                    return substring(current, haystacks, in);
                }
                List<Type> elements = elements(file, otherExpr, other);
                if (elements == null && in && ti.typedDicts.of(other) instanceof dev.typhon.semantic.types.ClassLiteral td) {
                    // a key of a TypedDict: one it declares when it is closed, else any string
                    elements = ti.typedDicts.possibleKeys(td);
                }
                if (elements == null && in && hasBuiltinContainment(other)) {
                    // a builtin collection holds what iterating it gives: only what may equal that is in it
                    elements = List.of(ti.calls.iterate(other));
                }
                return elements == null ? null : equality.member(current, elements, in);
            }
            default -> {
                return null;
            }
        }
    }

    /** The values of a string literal or a union of them ({@code x in "abc"} tests substrings), else null. */
    private static @Nullable List<String> stringLiterals(Type t) {
        List<String> out = new ArrayList<>();
        for (Type m : t instanceof UnionType u ? u.members() : List.of(t)) {
            if (!(m instanceof dev.typhon.semantic.types.StringLiteral s)) {
                return null;
            }
            out.add(s.value());
        }
        return out;
    }

    /** Longer haystacks exclude no characters from a broad {@code str}: the intersection would be huge. */
    private static final int MAX_EXCLUDED_CHARACTERS = 128;

    /**
     * {@code x in "abc"}: a string literal stays where some haystack contains it (out of the
     * {@code not in} branch only where every one does); a broad {@code str} is not narrowed when
     * found, and when not found it is none of the haystack's characters.
     */
    private Type substring(Type current, List<String> haystacks, boolean in) {
        UnionBuilder out = new UnionBuilder(ti);
        for (Type m : current instanceof UnionType u ? u.members() : List.of(current)) {
            if (m instanceof dev.typhon.semantic.types.StringLiteral s) {
                boolean inAny = haystacks.stream().anyMatch(h -> h.contains(s.value()));
                boolean inAll = haystacks.stream().allMatch(h -> h.contains(s.value()));
                if (in ? inAny : !inAll) {
                    out.add(m);
                }
                continue;
            }
            if (in && (m instanceof dev.typhon.semantic.types.IntLiteral || m instanceof dev.typhon.semantic.types.BoolLiteral
                    || m instanceof dev.typhon.semantic.types.BytesLiteral || m instanceof dev.typhon.semantic.types.NoneType)) {
                continue; // `1 in "abc"` raises: no such value gets past the test
            }
            boolean broad = m instanceof InstanceType i && i.isKnown(KnownClass.STR)
                    || m instanceof dev.typhon.semantic.types.LiteralStringType;
            if (!in && broad && haystacks.size() == 1 && haystacks.get(0).length() <= MAX_EXCLUDED_CHARACTERS) {
                IntersectionBuilder b = new IntersectionBuilder(ti).addPositive(m);
                haystacks.get(0).codePoints().distinct()
                        .forEach(c -> b.addNegative(new dev.typhon.semantic.types.StringLiteral(Character.toString(c))));
                out.add(b.build());
                continue;
            }
            out.add(m);
        }
        return out.build();
    }

    /** The elements of a container whose members are known one by one: a display, or a fixed-length tuple. */
    private @Nullable List<Type> elements(SourceFile file, Expr expr, Type type) {
        List<Expr> elts = switch (expr) {
            case dev.typhon.ast.List l -> l.elts();
            case dev.typhon.ast.Set s -> s.elts();
            case dev.typhon.ast.Tuple t -> t.elts();
            default -> null;
        };
        if (elts != null) {
            List<Type> out = new ArrayList<>();
            for (Expr e : elts) {
                if (e instanceof dev.typhon.ast.Starred) {
                    return null;
                }
                out.add(ti.expressions.infer(file, e));
            }
            return out;
        }
        if (type instanceof TupleType t && t.isFixed()) {
            return t.elements();
        }
        return null;
    }

    /** A builtin collection, whose {@code in} compares its elements by equality. */
    private static boolean hasBuiltinContainment(Type t) {
        if (t instanceof TupleType) {
            return true;
        }
        if (!(t instanceof InstanceType i)) {
            return false;
        }
        KnownClass k = i.literal().known();
        return k == KnownClass.LIST || k == KnownClass.SET || k == KnownClass.FROZENSET || k == KnownClass.DICT
                || k == KnownClass.TUPLE;
    }

    /** {@code type(name)}. */
    private boolean isTypeCall(SourceFile file, Call call, Target name) {
        return call.args().size() == 1 && call.keywords().isEmpty() && isTarget(call.args().get(0), name)
                && ti.expressions.infer(file, call.func()) instanceof ClassLiteralType c
                && c.literal().isKnown(KnownClass.TYPE);
    }

    /** {@code type(x) is C} (or {@code ==}): x is an instance of exactly C; the negation says something only of a final C. */
    private @Nullable Type typeIs(SourceFile file, CmpOperator op, Expr classExpr, boolean positive, Type current) {
        boolean is = op == CmpOperator.Is || op == CmpOperator.Eq;
        if (!is && op != CmpOperator.IsNot && op != CmpOperator.NotEq) {
            return null;
        }
        if (!(ti.expressions.infer(file, classExpr) instanceof ClassLiteralType c) || !c.classType().arguments().isEmpty()) {
            return null;
        }
        Type instance = c.classType().toInstance();
        if (is == positive) {
            return new IntersectionBuilder(ti).addPositive(current).addPositive(instance).build();
        }
        return ti.isFinal(c.literal()) ? new IntersectionBuilder(ti).addPositive(current).addNegative(instance).build()
                : null;
    }

    private @Nullable Type call(SourceFile file, Call call, Target name, boolean positive, Type current) {
        if (!call.keywords().isEmpty() || call.args().isEmpty()) {
            return null;
        }
        Type f = ti.expressions.infer(file, call.func());
        if (call.args().size() == 1 && f instanceof ClassLiteralType c && c.literal().isKnown(KnownClass.BOOL)) {
            return apply(file, call.args().get(0), name, positive, current); // bool(x) is as true as x
        }
        if (f instanceof FunctionLiteral user && user.known() == null) {
            return typeGuard(file, call, user, name, positive, current);
        }
        if (call.args().size() != 2 || !isTarget(call.args().get(0), name) || !(f instanceof FunctionLiteral fl)) {
            return null;
        }
        boolean isInstance = fl.isKnown(KnownFunction.ISINSTANCE);
        if (!isInstance && !fl.isKnown(KnownFunction.ISSUBCLASS)) {
            return null;
        }
        Type classes = classInfo(ti.expressions.infer(file, call.args().get(1)));
        if (classes == null) {
            return null;
        }
        if (!isInstance) {
            classes = subclassOf(classes);
            if (classes == null) {
                return null;
            }
        }
        if (positive && isInstance) {
            // an unknown value found to be a `dict` is a `dict[Unknown, Unknown]`: its items are unknown, not `_VT`
            Type specialized = withUnknownArguments(classes);
            UnionBuilder u = new UnionBuilder(ti);
            for (Type m : current instanceof UnionType cu ? cu.members() : List.of(current)) {
                boolean unknown = m.isDynamic() || m instanceof dev.typhon.semantic.types.IntersectionType x
                        && x.positive().stream().anyMatch(Type::isDynamic);
                u.add(new IntersectionBuilder(ti).addPositive(m).addPositive(unknown ? specialized : classes).build());
            }
            return u.build();
        }
        IntersectionBuilder b = new IntersectionBuilder(ti).addPositive(current);
        return (positive ? b.addPositive(classes) : b.addNegative(classes)).build();
    }

    /** Instances of generic classes given without arguments ({@code dict}) specialized with Unknowns. */
    private Type withUnknownArguments(Type instances) {
        UnionBuilder u = new UnionBuilder(ti);
        for (Type m : instances instanceof UnionType ut ? ut.members() : List.of(instances)) {
            if (m instanceof InstanceType i && i.classType().arguments().isEmpty() && !ti.typeParameters(i.literal()).isEmpty()) {
                List<Type> unknowns = new java.util.ArrayList<>();
                ti.typeParameters(i.literal()).forEach(v -> unknowns.add(dev.typhon.semantic.types.DynamicType.UNKNOWN));
                u.add(new InstanceType(new dev.typhon.semantic.types.ClassType(i.literal(), unknowns)));
            } else {
                u.add(m);
            }
        }
        return u.build();
    }

    /**
     * A call of a function returning {@code TypeIs[T]} (narrows its first argument to {@code T}
     * when true, and away from it when false) or {@code TypeGuard[T]} (to {@code T} when true only).
     */
    private @Nullable Type typeGuard(SourceFile file, Call call, FunctionLiteral f, Target name, boolean positive,
                                     Type current) {
        if (call.args().isEmpty() || !isTarget(call.args().get(0), name) || call.args().get(0) instanceof dev.typhon.ast.Starred) {
            return null;
        }
        SourceFile defFile = ti.program.file(f.ref().file());
        dev.typhon.ast.Node node = defFile.index().definition(f.ref().definition()).node();
        Expr returns = switch (node) {
            case dev.typhon.ast.FunctionDef fd -> fd.returns();
            case dev.typhon.ast.AsyncFunctionDef fd -> null; // a coroutine: its call is not the guard's bool
            default -> null;
        };
        if (!(returns instanceof dev.typhon.ast.Subscript sub)) {
            return null;
        }
        Type form = ti.expressions.infer(defFile, sub.value());
        boolean typeIs = form == dev.typhon.semantic.types.SpecialFormType.TYPE_IS;
        if (!typeIs && form != dev.typhon.semantic.types.SpecialFormType.TYPE_GUARD) {
            return null;
        }
        Type guarded = ti.typeExpressions.annotation(defFile, sub.slice(), null);
        if (guarded.isDynamic() && !(guarded instanceof dev.typhon.semantic.types.DynamicType)) {
            return null; // a type the checker does not model yet
        }
        if (!typeIs) {
            return positive ? guarded : null;
        }
        IntersectionBuilder b = new IntersectionBuilder(ti).addPositive(current);
        return (positive ? b.addPositive(guarded) : b.addNegative(guarded)).build();
    }

    /** The instances a class-info argument stands for: a class, a tuple of them, or a union type ({@code int | str}). */
    private @Nullable Type classInfo(Type t) {
        if (t instanceof KnownInstanceType k && k.kind() == KnownClass.UNION_TYPE) {
            UnionBuilder u = new UnionBuilder(ti);
            for (Type m : k.value() instanceof UnionType ut ? ut.members() : List.of(k.value())) {
                if (m instanceof NoneType) {
                    u.add(m);
                } else if (m instanceof InstanceType i && i.classType().arguments().isEmpty()) {
                    u.add(m);
                } else {
                    return null;
                }
            }
            return u.build();
        }
        return ti.calls.classInfo(t);
    }

    /** {@code type[C]} for each class C of the instances {@code instances}. */
    private @Nullable Type subclassOf(Type instances) {
        UnionBuilder u = new UnionBuilder(ti);
        for (Type m : instances instanceof UnionType ut ? ut.members() : List.of(instances)) {
            if (m instanceof InstanceType i) {
                u.add(SubclassOfType.of(i.classType()));
            } else {
                return null;
            }
        }
        return u.build();
    }
}
