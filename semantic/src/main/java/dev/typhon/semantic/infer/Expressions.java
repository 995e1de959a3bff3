package dev.typhon.semantic.infer;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.BinOp;
import dev.typhon.ast.BoolOp;
import dev.typhon.ast.BoolOperator;
import dev.typhon.ast.Call;
import dev.typhon.ast.CmpOperator;
import dev.typhon.ast.Compare;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Dict;
import dev.typhon.ast.Expr;
import dev.typhon.ast.IfExp;
import dev.typhon.ast.JoinedStr;
import dev.typhon.ast.Name;
import dev.typhon.ast.NamedExpr;
import dev.typhon.ast.Operator;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.UnaryOp;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.IntersectionBuilder;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.LiteralStringType;
import dev.typhon.semantic.types.ModuleLiteral;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.TodoType;
import dev.typhon.semantic.types.TruthinessType;
import dev.typhon.semantic.types.Truthiness;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The type of every kind of expression (memoized by node id): literals and displays, names,
 * attributes, subscripts, operators with literal folding, boolean operators by truthiness,
 * conditional expressions. Calls are {@link Calls}' job.
 */
final class Expressions {
    private final TypeInference ti;

    Expressions(TypeInference ti) {
        this.ti = ti;
    }

    Type infer(SourceFile file, Expr e) {
        return ti.expressionTypes.get(TypeInference.key(file.id(), e.nodeId()), k -> compute(file, e), DynamicType.UNKNOWN);
    }

    private Type compute(SourceFile file, Expr e) {
        return switch (e) {
            case Constant c -> constant(c.value());
            case JoinedStr j -> joinedStr(file, j);
            case Name n -> ti.names.infer(file, n);
            case Attribute a -> placeOr(file, a, () -> attribute(file, a));
            case Call c -> ti.calls.infer(file, c);
            case Subscript s -> placeOr(file, s, () -> ti.subscripts.infer(file, s));
            case Tuple t -> tuple(file, t.elts());
            case dev.typhon.ast.List l -> collection(file, KnownClass.LIST, l.elts());
            case dev.typhon.ast.Set s -> collection(file, KnownClass.SET, s.elts());
            case Dict d -> dict(file, d);
            case BinOp b -> binaryOperation(file, b.left(), b.op(), b.right());
            case UnaryOp u -> unary(file, u);
            case BoolOp b -> boolOp(file, b);
            case Compare c -> ti.comparisons.infer(file, c);
            case IfExp i -> ifExp(file, i);
            case NamedExpr n -> infer(file, n.value());
            case dev.typhon.ast.ListComp lc -> KnownClass.LIST.toSpecializedInstance(ti, List.of(element(file, lc.elt())));
            case dev.typhon.ast.SetComp sc -> KnownClass.SET.toSpecializedInstance(ti, List.of(element(file, sc.elt())));
            case dev.typhon.ast.DictComp dc -> KnownClass.DICT.toSpecializedInstance(ti,
                    List.of(element(file, dc.key()), element(file, dc.value())));
            case dev.typhon.ast.GeneratorExp g -> generator(file, g);
            case dev.typhon.ast.Slice s -> ti.instance(KnownClass.SLICE);
            case dev.typhon.ast.Await a -> ti.awaiting.awaited(infer(file, a.value()));
            case dev.typhon.ast.Lambda l -> ti.functions.lambda(file, l);
            case dev.typhon.ast.Yield y -> sent(file, y);
            case dev.typhon.ast.YieldFrom y -> delegatedReturn(infer(file, y.value()));
            default -> new TodoType(e.getClass().getSimpleName());
        };
    }

    /** A member place read: its flow type (assignments, narrowing) where the flow knows one, else what {@code byClass} computes. */
    private Type placeOr(SourceFile file, Expr place, java.util.function.Supplier<Type> byClass) {
        Type t = ti.places.flowType(file, place, byClass);
        return t != null ? t : byClass.get();
    }

    /** The element type a comprehension collects: its element expression's type, literals widened. */
    private Type element(SourceFile file, Expr elt) {
        if (elt instanceof Starred) {
            return DynamicType.UNKNOWN;
        }
        return promoteElement(infer(file, elt));
    }

    /** {@code (x for x in xs)}: a {@code GeneratorType[X, None, None]} (an async one when any clause is async). */
    private Type generator(SourceFile file, dev.typhon.ast.GeneratorExp g) {
        Type yielded = g.elt() instanceof Starred ? DynamicType.UNKNOWN : infer(file, g.elt());
        boolean async = g.generators().stream().anyMatch(c -> c.isAsync() != 0) || awaitsInside(g);
        return async ? KnownClass.ASYNC_GENERATOR_TYPE.toSpecializedInstance(ti, List.of(yielded, NoneType.NONE))
                : KnownClass.GENERATOR_TYPE.toSpecializedInstance(ti, List.of(yielded, NoneType.NONE, NoneType.NONE));
    }

    /**
     * Whether a generator expression awaits in its own code, which makes it asynchronous: in its
     * element, its conditions, or an iterable after the first (the first is evaluated outside it).
     */
    private static boolean awaitsInside(dev.typhon.ast.GeneratorExp g) {
        if (awaits(g.elt())) {
            return true;
        }
        for (int i = 0; i < g.generators().size(); i++) {
            dev.typhon.ast.Comprehension c = g.generators().get(i);
            if ((i > 0 && awaits(c.iter())) || c.ifs().stream().anyMatch(Expressions::awaits)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether evaluating {@code n} awaits: an {@code await}, or an asynchronous list, set or dict
     * comprehension; of a nested generator expression only its first iterable runs here, and a
     * lambda's body runs later.
     */
    private static boolean awaits(dev.typhon.ast.Node n) {
        switch (n) {
            case dev.typhon.ast.Await a -> {
                return true;
            }
            case dev.typhon.ast.GeneratorExp inner -> {
                return awaits(inner.generators().get(0).iter());
            }
            case dev.typhon.ast.Lambda l -> {
                return false;
            }
            case dev.typhon.ast.Comprehension c when c.isAsync() != 0 -> {
                return true;
            }
            default -> {
            }
        }
        boolean[] found = new boolean[1];
        n.forEachChild(child -> found[0] |= awaits(child));
        return found[0];
    }

    /**
     * What {@code yield} evaluates to: the send type of the enclosing function's declared
     * {@code Generator[Y, S, R]} (or {@code AsyncGenerator[Y, S]}); {@code None} for a generator
     * declared as an iterator or iterable (nothing can be sent), Unknown when undeclared.
     */
    private Type sent(SourceFile file, dev.typhon.ast.Yield y) {
        dev.typhon.ast.Node n = file.nodeTable().parent(y);
        while (n != null && !(n instanceof dev.typhon.ast.FunctionDef) && !(n instanceof dev.typhon.ast.AsyncFunctionDef)
                && !(n instanceof dev.typhon.ast.Lambda)) {
            n = file.nodeTable().parent(n);
        }
        Expr returns = n instanceof dev.typhon.ast.FunctionDef f ? f.returns()
                : n instanceof dev.typhon.ast.AsyncFunctionDef f ? f.returns() : null;
        if (returns == null) {
            return DynamicType.UNKNOWN;
        }
        String name = n instanceof dev.typhon.ast.FunctionDef f ? f.name() : ((dev.typhon.ast.AsyncFunctionDef) n).name();
        if (ti.typeExpressions.annotation(file, returns, name) instanceof dev.typhon.semantic.types.InstanceType g) {
            List<Type> args = g.classType().arguments();
            if ((g.isKnown(KnownClass.GENERATOR) || g.isKnown(KnownClass.GENERATOR_TYPE)
                    || g.isKnown(KnownClass.ASYNC_GENERATOR) || g.isKnown(KnownClass.ASYNC_GENERATOR_TYPE)) && args.size() >= 2) {
                return args.get(1);
            }
            if (g.isKnown(KnownClass.ITERATOR) || g.isKnown(KnownClass.ITERABLE) || g.isKnown(KnownClass.ASYNC_ITERATOR)
                    || g.isKnown(KnownClass.ASYNC_ITERABLE)) {
                return NoneType.NONE;
            }
        }
        return DynamicType.UNKNOWN;
    }

    /** What {@code yield from it} evaluates to: the return type of a delegated generator (or coroutine), else Unknown. */
    private Type delegatedReturn(Type delegate) {
        if (delegate instanceof dev.typhon.semantic.types.InstanceType g && g.classType().arguments().size() == 3
                && (g.isKnown(KnownClass.GENERATOR) || g.isKnown(KnownClass.GENERATOR_TYPE)
                || g.isKnown(KnownClass.COROUTINE) || g.isKnown(KnownClass.COROUTINE_TYPE))) {
            return g.classType().arguments().get(2);
        }
        return delegate.isDynamic() ? delegate : DynamicType.UNKNOWN;
    }

    Type constant(ConstantValue v) {
        return switch (v) {
            case ConstantValue.Int i -> i.value().bitLength() < 64 ? new IntLiteral(i.value().longValue())
                    : ti.instance(KnownClass.INT);
            case ConstantValue.Bool b -> BoolLiteral.of(b.value());
            case ConstantValue.Str s -> new StringLiteral(s.value());
            case ConstantValue.Bytes b -> BytesLiteral.of(b.toByteArray());
            case ConstantValue.Float f -> ti.instance(KnownClass.FLOAT);
            case ConstantValue.Complex c -> ti.instance(KnownClass.COMPLEX);
            case ConstantValue.None n -> NoneType.NONE;
            case ConstantValue.Ellipsis el -> ti.instance(KnownClass.ELLIPSIS_TYPE);
        };
    }

    /**
     * An f-string: a literal when every part is (a formatted int, bool or str literal without
     * conversion or format spec renders as its {@code str()}), else {@code str}.
     */
    private Type joinedStr(SourceFile file, JoinedStr j) {
        StringBuilder sb = new StringBuilder();
        for (Expr part : j.values()) {
            if (part instanceof Constant c && c.value() instanceof ConstantValue.Str s) {
                sb.append(s.value());
            } else if (part instanceof dev.typhon.ast.FormattedValue fv && fv.conversion() < 0 && fv.formatSpec() == null
                    && renderedLiteral(infer(file, fv.value())) instanceof String text) {
                sb.append(text);
            } else {
                return ti.instance(KnownClass.STR);
            }
            if (sb.length() > LiteralArithmetic.MAX_STRING_LITERAL) {
                return ti.instance(KnownClass.STR);
            }
        }
        return new StringLiteral(sb.toString());
    }

    /** What {@code str()} of a literal gives, or null for other types. */
    private String renderedLiteral(Type t) {
        return switch (t) {
            case IntLiteral i -> Long.toString(i.value());
            case BoolLiteral b -> b.value() ? "True" : "False";
            case StringLiteral str -> str.value();
            case dev.typhon.semantic.types.EnumLiteral e when ti.enums.plainFormat(e.enumClass()) ->
                    e.enumClass().name() + "." + e.name();
            default -> null;
        };
    }

    private Type attribute(SourceFile file, Attribute a) {
        AttributeAccess viaSuper = ti.supers.access(file, a);
        if (viaSuper != null) {
            return viaSuper.type();
        }
        Type value = infer(file, a.value());
        return ti.members.access(value, PrivateNames.effective(ti, file, a, value)).type();
    }

    private Type tuple(SourceFile file, List<Expr> elts) {
        List<Type> types = new ArrayList<>();
        for (Expr x : elts) {
            if (x instanceof Starred) {
                return TupleType.homogeneous(DynamicType.UNKNOWN);
            }
            types.add(infer(file, x));
        }
        return TupleType.fixed(types);
    }

    private Type collection(SourceFile file, KnownClass k, List<Expr> elts) {
        UnionBuilder u = new UnionBuilder(ti);
        for (Expr x : elts) {
            u.add(x instanceof Starred ? DynamicType.UNKNOWN : promoteElement(infer(file, x)));
        }
        Type element = u.isEmpty() ? DynamicType.UNKNOWN : noneWidened(tuplesJoined(u.build()));
        return k.toSpecializedInstance(ti, List.of(element));
    }

    /**
     * A collection display whose only element type is {@code None} ({@code [None]},
     * {@code [(None,)]}) is there to be filled later: its element is {@code None | Unknown}, so that
     * the stores that follow are not held to {@code None}.
     */
    private Type noneWidened(Type element) {
        if (element instanceof NoneType) {
            return UnionBuilder.of(ti, NoneType.NONE, DynamicType.UNKNOWN);
        }
        if (element instanceof TupleType tt) {
            List<Type> prefix = new ArrayList<>();
            tt.prefix().forEach(e -> prefix.add(noneWidened(e)));
            List<Type> suffix = new ArrayList<>();
            tt.suffix().forEach(e -> suffix.add(noneWidened(e)));
            return new TupleType(prefix, tt.variable() == null ? null : noneWidened(tt.variable()), suffix);
        }
        return element;
    }

    private Type dict(SourceFile file, Dict d) {
        UnionBuilder keys = new UnionBuilder(ti);
        UnionBuilder values = new UnionBuilder(ti);
        for (int i = 0; i < d.keys().size(); i++) {
            Expr k = d.keys().get(i);
            if (k == null) {
                keys.add(DynamicType.UNKNOWN);
                values.add(DynamicType.UNKNOWN);
                continue;
            }
            keys.add(promoteElement(infer(file, k)));
            values.add(promoteElement(infer(file, d.values().get(i))));
        }
        return KnownClass.DICT.toSpecializedInstance(ti, List.of(keys.isEmpty() ? DynamicType.UNKNOWN : tuplesJoined(keys.build()),
                values.isEmpty() ? DynamicType.UNKNOWN : noneWidened(tuplesJoined(values.build()))));
    }

    /**
     * What an element of a list, set or dict display (or comprehension) is inferred as: literals
     * widened to their class, also inside tuples ({@code [(1, 2)]} is a {@code list[tuple[int, int]]}).
     */
    Type promoteElement(Type t) {
        if (t instanceof TupleType tt) {
            List<Type> prefix = new ArrayList<>();
            tt.prefix().forEach(e -> prefix.add(promoteElement(e)));
            List<Type> suffix = new ArrayList<>();
            tt.suffix().forEach(e -> suffix.add(promoteElement(e)));
            return new TupleType(prefix, tt.variable() == null ? null : promoteElement(tt.variable()), suffix);
        }
        if (t instanceof dev.typhon.semantic.types.EnumLiteral e) {
            return e.fallback(); // `[Color.RED]` is a `list[Color]`
        }
        if (t instanceof dev.typhon.semantic.types.UnionType u && u.members().stream().anyMatch(m -> m instanceof dev.typhon.semantic.types.EnumLiteral)) {
            UnionBuilder b = new UnionBuilder(ti);
            u.members().forEach(m -> b.add(promoteElement(m)));
            return b.build();
        }
        if (t instanceof dev.typhon.semantic.types.FunctionLiteral f && !f.synthesized()) {
            // functions of one signature make one element type: `[a, b]` is a `list[(_: int) -> int]`
            return dev.typhon.semantic.types.CallableType.ofFunction(f.signature());
        }
        return promote(t);
    }

    /**
     * The element type of a display whose tuples have several lengths: one tuple of any length of
     * their elements ({@code [1, (1, 2), (1, 2, 3)]} is a {@code list[int | tuple[int, ...]]}).
     */
    Type tuplesJoined(Type element) {
        if (!(element instanceof dev.typhon.semantic.types.UnionType u)) {
            return element;
        }
        List<TupleType> tuples = new ArrayList<>();
        for (Type m : u.members()) {
            if (m instanceof TupleType tt) {
                tuples.add(tt);
            }
        }
        boolean mixed = tuples.stream().anyMatch(tt -> !tt.isFixed())
                || tuples.stream().map(tt -> tt.prefix().size()).distinct().count() > 1;
        if (tuples.size() < 2 || !mixed) {
            return element;
        }
        UnionBuilder elements = new UnionBuilder(ti);
        tuples.forEach(tt -> tt.allElements().forEach(elements::add));
        Type tuple = TupleType.homogeneous(elements.isEmpty() ? dev.typhon.semantic.types.Never.NEVER : elements.build());
        UnionBuilder joined = new UnionBuilder(ti);
        boolean placed = false;
        for (Type m : u.members()) {
            if (!(m instanceof TupleType)) {
                joined.add(m);
            } else if (!placed) {
                joined.add(tuple); // where the first tuple was, in the union's order
                placed = true;
            }
        }
        return joined.build();
    }

    /** A literal's class: what an element of a mutable collection display is inferred as. */
    Type promote(Type t) {
        return switch (t) {
            case IntLiteral i -> ti.instance(KnownClass.INT);
            case BoolLiteral b -> ti.instance(KnownClass.BOOL);
            case StringLiteral s -> ti.instance(KnownClass.STR);
            case LiteralStringType s -> ti.instance(KnownClass.STR);
            case BytesLiteral b -> ti.instance(KnownClass.BYTES);
            case dev.typhon.semantic.types.UnionType u -> {
                UnionBuilder b = new UnionBuilder(ti);
                u.members().forEach(m -> b.add(promote(m)));
                yield b.build();
            }
            default -> t;
        };
    }

    Type binaryOperation(SourceFile file, Expr leftExpr, Operator op, Expr rightExpr) {
        Type left = infer(file, leftExpr);
        Type right = infer(file, rightExpr);
        if (op == Operator.BitOr && isTypeForm(left) && isTypeForm(right)) {
            // `int | None` as a value: a union type object, which stands for the union in annotations
            Type union = UnionBuilder.of(ti, ti.typeExpressions.fromValue(left, null, null, null),
                    ti.typeExpressions.fromValue(right, null, null, null));
            return new dev.typhon.semantic.types.KnownInstanceType(KnownClass.UNION_TYPE, union, union.display());
        }
        return ti.operators.binary(left, op, right);
    }

    /** Values that stand for types in an annotation: classes, None, special forms, type aliases. */
    static boolean isTypeForm(Type t) {
        return t instanceof ClassLiteralType || t instanceof NoneType || t instanceof dev.typhon.semantic.types.SpecialFormType
                || (t instanceof dev.typhon.semantic.types.KnownInstanceType k
                && (k.kind() == KnownClass.UNION_TYPE || k.kind() == KnownClass.SPECIAL_FORM));
    }

    /** {@code x += v}: the in-place operator of the name's current value. */
    Type augmentedAssignment(SourceFile file, Expr target, Operator op, Expr valueExpr) {
        return ti.augmented.infer(infer(file, target), op, infer(file, valueExpr)).type();
    }

    private Type unary(SourceFile file, UnaryOp u) {
        Type operand = infer(file, u.operand());
        return ti.operators.unary(u.op(), operand);
    }

    private Type boolOp(SourceFile file, BoolOp b) {
        boolean and = b.op() == BoolOperator.And;
        UnionBuilder result = new UnionBuilder(ti);
        List<Expr> values = b.values();
        for (int i = 0; i < values.size(); i++) {
            Type t = infer(file, values.get(i));
            if (i == values.size() - 1) {
                result.add(t);
                break;
            }
            Truthiness truth = ti.operators.truthiness(t);
            if (and) {
                if (truth == Truthiness.ALWAYS_FALSE) {
                    result.add(t);
                    return result.build();
                }
                if (truth == Truthiness.AMBIGUOUS) {
                    result.add(new IntersectionBuilder(ti).addPositive(t).addNegative(TruthinessType.ALWAYS_TRUTHY).build());
                }
            } else {
                if (truth == Truthiness.ALWAYS_TRUE) {
                    result.add(t);
                    return result.build();
                }
                if (truth == Truthiness.AMBIGUOUS) {
                    result.add(new IntersectionBuilder(ti).addPositive(t).addNegative(TruthinessType.ALWAYS_FALSY).build());
                }
            }
        }
        return result.build();
    }

    private Type ifExp(SourceFile file, IfExp i) {
        Truthiness t = ti.operators.truthiness(infer(file, i.test()));
        return switch (t) {
            case ALWAYS_TRUE -> infer(file, i.body());
            case ALWAYS_FALSE -> infer(file, i.orelse());
            case AMBIGUOUS -> UnionBuilder.of(ti, infer(file, i.body()), infer(file, i.orelse()));
        };
    }

}
