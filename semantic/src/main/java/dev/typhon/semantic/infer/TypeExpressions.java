package dev.typhon.semantic.infer;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.BinOp;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Name;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Operator;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.UnaryOperator;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.CallableType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.IntersectionBuilder;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownInstanceType;
import dev.typhon.semantic.types.LiteralStringType;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.SpecialFormType;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TodoType;
import dev.typhon.semantic.types.TruthinessType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Annotations and other type expressions turned into types: class names to their instances,
 * {@code None}, {@code X | Y}, {@code Optional}, {@code Union}, {@code Literal[...]}, string forward
 * references, the typing aliases ({@code List[int]}), {@code Any}, {@code Never}, {@code type[C]},
 * {@code tuple[...]}, {@code Callable[[...], R]}, subscripted generics, and ty_extensions'
 * {@code Intersection}, {@code Not}, {@code Unknown}, {@code AlwaysTruthy}, {@code AlwaysFalsy},
 * {@code TypeOf}. What is not a valid type expression becomes Unknown; {@link #problems} says why.
 */
final class TypeExpressions {
    private final TypeInference ti;

    TypeExpressions(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * Set while a string annotation is converted: its expressions belong to a tree parsed from the
     * string, not to the file, so their values are looked up as deferred names (at the end of the
     * module) instead of through the file's memo tables, which are keyed by the file's node ids.
     */
    private static final ThreadLocal<int[]> DEFERRED = ThreadLocal.withInitial(() -> new int[2]);

    /** The value of an expression used in a type expression. */
    private Type value(SourceFile file, Expr e) {
        if (DEFERRED.get()[0] == 0) {
            return ti.expressions.infer(file, e);
        }
        return switch (e) {
            case Name n -> {
                Type t = typeParameterAt(file, DEFERRED.get()[1], n.id());
                if (t == null) {
                    t = enclosingMember(file, DEFERRED.get()[1], n.id());
                }
                if (t == null) {
                    t = ti.imports.scopeMember(file, file.index().moduleScope(), n.id());
                }
                if (t == null) {
                    t = Names.orNull(ti.names.builtin(n.id()));
                }
                yield t == null ? DynamicType.UNKNOWN : t;
            }
            case Attribute a -> {
                Type t = ti.members.member(value(file, a.value()), a.attr());
                yield t == null ? DynamicType.UNKNOWN : t;
            }
            case Constant c -> ti.expressions.constant(c.value());
            case Subscript s -> {
                Type v = value(file, s.value());
                if (v instanceof SpecialFormType f) {
                    yield new KnownInstanceType(KnownClass.SPECIAL_FORM, convert(file, s, null, null), f.qualifiedName() + "[...]");
                }
                yield DynamicType.UNKNOWN;
            }
            default -> DynamicType.UNKNOWN;
        };
    }

    /**
     * A name of a string annotation bound in a scope around it below the module: the class body the
     * annotation is written in (as it ends), and the functions around it (any of their bindings)
     * ({@code "Inner"} in a method of a class defined in a function); null when none binds it.
     */
    private @Nullable Type enclosingMember(SourceFile file, int offset, String name) {
        dev.typhon.semantic.index.SemanticIndex index = file.index();
        dev.typhon.semantic.index.Scope first = index.scopeAt(offset);
        for (dev.typhon.semantic.index.Scope sc = first; sc != null && sc.kind() != dev.typhon.semantic.index.ScopeKind.MODULE;
                sc = sc.parent() < 0 ? null : index.scope(sc.parent())) {
            boolean visible = sc.kind().isFunctionLike() || (sc == first && sc.kind() == dev.typhon.semantic.index.ScopeKind.CLASS);
            if (visible && sc.symbolId(name) >= 0) {
                // a function's binding may come after the annotated definition: any reachable one counts
                Type t = sc.kind().isFunctionLike() ? ti.names.lazyMember(file, sc, name) : ti.imports.scopeMember(file, sc, name);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** A PEP 695 type parameter in scope at {@code offset} ({@code "T"} in a method of {@code class C[T]}), or null. */
    private @Nullable Type typeParameterAt(SourceFile file, int offset, String name) {
        dev.typhon.semantic.index.Scope s = file.index().scopeAt(offset);
        while (s != null) {
            if (s.kind() == dev.typhon.semantic.index.ScopeKind.TYPE_PARAMETERS) {
                Type t = ti.imports.scopeMember(file, s, name);
                if (t != null) {
                    return t;
                }
            }
            s = s.parent() < 0 ? null : file.index().scope(s.parent());
        }
        return null;
    }

    /** The type an annotation declares; {@code binder} names the function whose type variables appear (T@f). */
    Type annotation(SourceFile file, Expr e, @Nullable String binder) {
        Type t = convert(file, e, binder, null);
        return ti.genericClasses.bindToEnclosingClasses(file, e.startOffset(), t);
    }

    /**
     * A problem of a type expression reported under another rule than {@code invalid-type-form}:
     * the rule travels in front of the message ({@link #ruleOf}, {@link #messageOf}).
     */
    static String withRule(String rule, String message) {
        return "\u0001" + rule + "\u0001" + message;
    }

    /** The rule a problem of {@link #problems} breaks. */
    static String ruleOf(String problem) {
        return problem.startsWith("\u0001") ? problem.substring(1, problem.indexOf('\u0001', 1)) : "invalid-type-form";
    }

    /** The message of a problem of {@link #problems}. */
    static String messageOf(String problem) {
        return problem.startsWith("\u0001") ? problem.substring(problem.indexOf('\u0001', 1) + 1) : problem;
    }

    /** The elements of a subscript's slice as type expressions ({@code Generic[T, U]}). */
    List<Type> arguments(SourceFile file, Expr slice) {
        List<Type> out = new ArrayList<>();
        for (Expr e : elements(slice)) {
            out.add(convert(file, e, null, null));
        }
        return out;
    }

    /** Why an annotation is not a valid type expression, one message per problem (empty when valid). */
    List<String> problems(SourceFile file, Expr e) {
        List<String> out = new ArrayList<>();
        convert(file, e, null, out);
        return out;
    }

    private static List<Expr> elements(Expr slice) {
        return slice instanceof Tuple t ? t.elts() : List.of(slice);
    }

    Type convert(SourceFile file, Expr e, @Nullable String binder, @Nullable List<String> problems) {
        switch (e) {
            case Constant c -> {
                ConstantValue v = c.value();
                if (v == ConstantValue.NONE) {
                    return NoneType.NONE;
                }
                if (v instanceof ConstantValue.Str s) {
                    int[] deferred = DEFERRED.get();
                    if (deferred[0] == 0) {
                        String form = InvalidTypeForms.stringForm(file.parse().source().text(), c);
                        if (form != null) {
                            return invalid(problems, form, e);
                        }
                        deferred[1] = c.startOffset(); // where the names of the string are looked up
                    }
                    return forwardReference(file, s.value(), binder, problems);
                }
                String why = InvalidTypeForms.describe(e);
                return invalid(problems, why == null ? "Invalid type expression" : why, e);
            }
            case BinOp b when b.op() == Operator.BitOr -> {
                return UnionBuilder.of(ti, convert(file, b.left(), binder, problems),
                        convert(file, b.right(), binder, problems));
            }
            case Name n -> {
                return nameOrAttribute(file, value(file, n), binder, problems, e);
            }
            case Attribute a -> {
                return nameOrAttribute(file, value(file, a), binder, problems, e);
            }
            case Subscript s -> {
                return subscript(file, s, binder, problems);
            }
            default -> {
                String why = InvalidTypeForms.describe(e);
                return invalid(problems, why == null ? "Invalid type expression" : why, e);
            }
        }
    }

    private Type forwardReference(SourceFile file, String text, @Nullable String binder, @Nullable List<String> problems) {
        ParseResult r = PythonParser.parse("(" + text.strip() + ")", new ParseOptions(ti.pythonVersion(), false));
        if (r.hasErrors() || r.module().body().size() != 1
                || !(r.module().body().get(0) instanceof dev.typhon.ast.ExprStmt stmt)) {
            return invalid(problems, withRule("invalid-syntax-in-forward-annotation", "Syntax error in forward annotation: "
                    + (r.hasErrors() ? r.errors().get(0).message() : "Expected an expression")), null);
        }
        int[] depth = DEFERRED.get();
        boolean outermost = depth[0] == 0;
        depth[0]++;
        try {
            if (outermost && problems != null) {
                unresolvedNames(file, stmt.value(), false, problems);
            }
            return convert(file, stmt.value(), binder, problems);
        } finally {
            depth[0]--;
        }
    }

    /**
     * The names a string annotation reads that no scope around it (nor the builtins) binds: they are
     * reported where the string is, as its own names have no place in the file.
     */
    private void unresolvedNames(SourceFile file, dev.typhon.ast.Node n, boolean literalArgument, List<String> problems) {
        if (n instanceof Expr e && !literalArgument && InvalidTypeForms.describe(e) != null) {
            return; // an expression that is no type is not evaluated
        }
        if (n instanceof Name name) {
            if (name.ctx() == dev.typhon.ast.ExprContext.Load && !isBoundAround(file, DEFERRED.get()[1], name.id())) {
                problems.add(withRule("unresolved-reference", "Name `" + name.id() + "` used when not defined"));
            }
            return;
        }
        if (n instanceof Subscript sub && !literalArgument && value(file, sub.value()) == SpecialFormType.LITERAL) {
            // the arguments of `Literal` are evaluated as values, whatever they are
            unresolvedNames(file, sub.value(), false, problems);
            unresolvedNames(file, sub.slice(), true, problems);
            return;
        }
        n.forEachChildInSourceOrder(child -> unresolvedNames(file, child, literalArgument, problems));
    }

    private boolean isBoundAround(SourceFile file, int at, String name) {
        if (typeParameterAt(file, at, name) != null) {
            return true;
        }
        dev.typhon.semantic.index.SemanticIndex index = file.index();
        for (dev.typhon.semantic.index.Scope sc = index.scopeAt(at); sc != null;
                sc = sc.parent() < 0 ? null : index.scope(sc.parent())) {
            if (sc.symbolId(name) >= 0) {
                return true;
            }
        }
        return ti.names.builtin(name).boundness() != dev.typhon.semantic.index.Boundness.UNBOUND;
    }

    private Type nameOrAttribute(SourceFile file, Type value, @Nullable String binder, @Nullable List<String> problems,
            Expr e) {
        if (value instanceof dev.typhon.semantic.types.InstanceType i && (i.isKnown(KnownClass.PARAM_SPEC_ARGS)
                || i.isKnown(KnownClass.PARAM_SPEC_KWARGS))) {
            // `*args: P.args, **kwargs: P.kwargs`: the parameters a ParamSpec stands for, not modelled yet
            return DynamicType.UNKNOWN;
        }
        if (value == SpecialFormType.SELF) {
            // inside a string annotation, the string's own offset says where it is
            int offset = DEFERRED.get()[0] > 0 ? DEFERRED.get()[1] : e.startOffset();
            TypeVarType self = ti.selfTypes.at(file, offset, binder);
            return self != null ? self : invalid(problems, "`Self` cannot be used outside of a class", e);
        }
        return fromValue(value, binder, problems, e);
    }

    /** A value used as a type: a class means its instances. */
    Type fromValue(Type value, @Nullable String binder, @Nullable List<String> problems, @Nullable Expr at) {
        return switch (value) {
            case ClassLiteralType c -> bareClass(c.classType(), problems);
            case NoneType n -> NoneType.NONE;
            case DynamicType d -> d;
            case TodoType t -> t;
            case SpecialFormType f -> bareSpecialForm(f, problems, at);
            case KnownInstanceType k when k.kind() == KnownClass.NEW_TYPE -> k.value();
            case KnownInstanceType k when k.value() instanceof TypeVarType v -> binder == null || !v.binder().isEmpty() ? v
                    : v.boundBy(binder);
            case KnownInstanceType k -> k.value();
            case dev.typhon.semantic.types.InstanceType i when i.isKnown(KnownClass.NEW_TYPE)
                    || i.isKnown(KnownClass.TYPE_ALIAS_TYPE) || i.isKnown(KnownClass.TYPE_VAR) -> new TodoType(i.display());
            case UnionType u -> {
                // a union of class literals (from a conditional definition) stands for the union of instances
                UnionBuilder b = new UnionBuilder(ti);
                for (Type m : u.members()) {
                    b.add(fromValue(m, binder, problems, at));
                }
                yield b.build();
            }
            default -> invalid(problems, "Variable of type `" + value.display() + "` is not allowed in a type expression", at);
        };
    }

    /**
     * A class named in a type expression: its instances. A generic class without type arguments is
     * its default specialization ({@code list} is {@code list[Unknown]}), which ty reports as
     * {@code missing-type-argument} ({@code type} excepted, which is {@code type[Unknown]} by design).
     */
    /**
     * How the value {@code tuple[...]} keeps its shape in a class's argument list: a fixed tuple's
     * elements, or for {@code tuple[X, ...]} the element and {@code EllipsisType} (what {@code ...}
     * is). Variable tuples with a prefix or suffix keep only their element union.
     */
    static List<Type> tupleArguments(TypeInference ti, TupleType t) {
        if (t.isFixed()) {
            return t.elements();
        }
        if (t.prefix().isEmpty() && t.suffix().isEmpty()) {
            return List.of(t.variable(), ti.instance(KnownClass.ELLIPSIS_TYPE));
        }
        return List.of(UnionBuilder.of(ti, t.allElements()), ti.instance(KnownClass.ELLIPSIS_TYPE));
    }

    /** The tuple a class-argument list made by {@link #tupleArguments} stands for. */
    private TupleType tupleOf(List<Type> args) {
        if (args.size() == 2 && args.get(1) instanceof dev.typhon.semantic.types.InstanceType i
                && i.isKnown(KnownClass.ELLIPSIS_TYPE)) {
            return TupleType.homogeneous(args.get(0));
        }
        return TupleType.fixed(args);
    }

    private Type bareClass(ClassType c, @Nullable List<String> problems) {
        if (c.isKnown(KnownClass.TUPLE) && !c.arguments().isEmpty()) {
            return tupleOf(c.arguments());
        }
        if (c.arguments().isEmpty() && !c.isKnown(KnownClass.TYPE) && ti.genericClasses.isGeneric(c.literal())) {
            if (problems != null && ti.genericClasses.hasRequiredParameter(c.literal())) {
                problems.add(withRule("missing-type-argument", "Generic class `" + c.literal().name()
                        + "` is missing type arguments"));
            }
            if (c.isKnown(KnownClass.TUPLE)) {
                return TupleType.homogeneous(DynamicType.UNKNOWN);
            }
            return ti.genericClasses.defaultSpecialization(c.literal()).toInstance();
        }
        return promoted(c);
    }

    /** {@code float} means {@code int | float} and {@code complex} means {@code int | float | complex} (the typing spec's promotion). */
    private Type promoted(ClassType c) {
        if (c.isKnown(KnownClass.FLOAT) && c.arguments().isEmpty()) {
            return UnionBuilder.of(ti, ti.instance(KnownClass.INT), c.toInstance());
        }
        if (c.isKnown(KnownClass.COMPLEX) && c.arguments().isEmpty()) {
            return UnionBuilder.of(ti, ti.instance(KnownClass.INT), ti.instance(KnownClass.FLOAT), c.toInstance());
        }
        return c.toInstance();
    }

    private Type bareSpecialForm(SpecialFormType f, @Nullable List<String> problems, @Nullable Expr at) {
        return switch (f) {
            case ANY -> DynamicType.ANY;
            case UNKNOWN -> DynamicType.UNKNOWN;
            case NEVER, NO_RETURN -> Never.NEVER;
            case LITERAL_STRING -> LiteralStringType.LITERAL_STRING;
            case ALWAYS_TRUTHY -> TruthinessType.ALWAYS_TRUTHY;
            case ALWAYS_FALSY -> TruthinessType.ALWAYS_FALSY;
            case LIST -> generic(KnownClass.LIST, 1);
            case DICT -> generic(KnownClass.DICT, 2);
            case SET -> generic(KnownClass.SET, 1);
            case FROZEN_SET -> generic(KnownClass.FROZENSET, 1);
            case DEFAULT_DICT -> generic(KnownClass.DEFAULT_DICT, 2);
            case ORDERED_DICT -> generic(KnownClass.ORDERED_DICT, 2);
            case COUNTER -> generic(KnownClass.COUNTER, 1);
            case DEQUE -> generic(KnownClass.DEQUE, 1);
            case CHAIN_MAP -> generic(KnownClass.CHAIN_MAP, 2);
            case TUPLE -> TupleType.homogeneous(DynamicType.UNKNOWN);
            case TYPE -> new SubclassOfType(DynamicType.UNKNOWN);
            case CALLABLE -> new CallableType(Signature.gradual(DynamicType.UNKNOWN));
            case FINAL, CLASS_VAR, TYPE_ALIAS -> DynamicType.UNKNOWN; // the value says the type (Definitions)
            case SELF, TYPE_GUARD, TYPE_IS, PROTOCOL, GENERIC, TYPED_DICT, CONCATENATE, UNPACK ->
                    new TodoType(f.qualifiedName());
            // `Optional[X]` takes exactly one type; `Union[...]` and `Literal[...]` one or more
            default -> invalid(problems, "`" + f.qualifiedName() + "` requires " + (f == SpecialFormType.OPTIONAL ? "exactly" : "at least")
                    + " one argument when used in a type expression", at);
        };
    }

    private Type generic(KnownClass k, int arity) {
        List<Type> args = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            args.add(DynamicType.UNKNOWN);
        }
        return k.toSpecializedInstance(ti, args);
    }

    private Type subscript(SourceFile file, Subscript s, @Nullable String binder, @Nullable List<String> problems) {
        Type value = value(file, s.value());
        List<Expr> elts = elements(s.slice());
        if (value instanceof SpecialFormType f) {
            return switch (f) {
                case UNION -> {
                    UnionBuilder u = new UnionBuilder(ti);
                    for (Expr x : elts) {
                        u.add(convert(file, x, binder, problems));
                    }
                    yield u.build();
                }
                case OPTIONAL -> UnionBuilder.of(ti, convert(file, s.slice(), binder, problems), NoneType.NONE);
                case LITERAL -> literal(file, isParenthesizedTuple(file, s.slice()) ? List.of(s.slice()) : elts, problems);
                case LIST -> legacyAlias(f, KnownClass.LIST, 1, file, elts, binder, problems, s);
                case DICT -> legacyAlias(f, KnownClass.DICT, 2, file, elts, binder, problems, s);
                case SET -> legacyAlias(f, KnownClass.SET, 1, file, elts, binder, problems, s);
                case FROZEN_SET -> legacyAlias(f, KnownClass.FROZENSET, 1, file, elts, binder, problems, s);
                case DEFAULT_DICT -> legacyAlias(f, KnownClass.DEFAULT_DICT, 2, file, elts, binder, problems, s);
                case ORDERED_DICT -> legacyAlias(f, KnownClass.ORDERED_DICT, 2, file, elts, binder, problems, s);
                case COUNTER -> legacyAlias(f, KnownClass.COUNTER, 1, file, elts, binder, problems, s);
                case DEQUE -> legacyAlias(f, KnownClass.DEQUE, 1, file, elts, binder, problems, s);
                case CHAIN_MAP -> legacyAlias(f, KnownClass.CHAIN_MAP, 2, file, elts, binder, problems, s);
                case TUPLE -> tuple(file, s.slice(), binder, problems);
                case TYPE -> subclassOfChecked(file, s.slice(), binder, problems);
                case ANNOTATED -> convert(file, elts.get(0), binder, problems);
                case FINAL, CLASS_VAR, REQUIRED, NOT_REQUIRED, READ_ONLY -> convert(file, s.slice(), binder, problems);
                case CALLABLE -> callable(file, elts, binder, problems);
                case NOT -> new IntersectionBuilder(ti).addNegative(convert(file, s.slice(), binder, problems)).build();
                case INTERSECTION -> {
                    IntersectionBuilder b = new IntersectionBuilder(ti);
                    for (Expr x : elts) {
                        b.addPositive(convert(file, x, binder, problems));
                    }
                    yield b.build();
                }
                case TYPE_OF -> value(file, s.slice());
                case ANY -> invalid(problems, "Special form `" + f.qualifiedName() + "` expected no type parameter", s);
                case NEVER, NO_RETURN, LITERAL_STRING ->
                        invalid(problems, "Type `" + f.qualifiedName() + "` expected no type parameter", s);
                default -> new TodoType(f.qualifiedName() + "[]");
            };
        }
        if (value instanceof ClassLiteralType c) {
            if (c.literal().isKnown(KnownClass.TUPLE)) {
                return tuple(file, s.slice(), binder, problems);
            }
            if (c.literal().isKnown(KnownClass.TYPE)) {
                return subclassOfChecked(file, s.slice(), binder, problems);
            }
            boolean opaque = ti.classes.info(c.literal()).opaqueParameters();
            if (!c.classType().arguments().isEmpty()) {
                return invalid(problems, "Invalid subscript of object of type `" + value.display()
                        + "` in a type expression", s);
            }
            if (!opaque && !ti.genericClasses.isGeneric(c.literal())) {
                // the arguments are not looked at: the subscript itself is the error
                return invalid(problems, "Non-generic class `" + c.literal().name()
                        + "` cannot be specialized in a type expression", s);
            }
            List<Type> args = new ArrayList<>();
            for (Expr x : elts) {
                args.add(convert(file, x, binder, problems));
            }
            if (opaque) {
                // a ParamSpec or TypeVarTuple among the parameters: the arguments cannot be checked yet
                return new ClassType(c.literal(), args).toInstance();
            }
            GenericClasses.Explicit spec = ti.genericClasses.specialize(c.literal(), args);
            if (problems != null) {
                spec.problems().forEach(p -> problems.add(withRule("invalid-type-arguments", p)));
            }
            return spec.type().toInstance();
        }
        if (value.isDynamic()) {
            return value;
        }
        return invalid(problems, "Invalid subscript of object of type `" + value.display() + "` in a type expression", s);
    }

    /**
     * {@code typing.List[int]} and the other legacy aliases of generic classes: as many arguments as
     * the class has type parameters, else an error and the class specialized with Unknowns.
     */
    private Type legacyAlias(SpecialFormType f, KnownClass k, int expected, SourceFile file, List<Expr> elts,
            @Nullable String binder, @Nullable List<String> problems, Expr at) {
        if (elts.size() != expected) {
            invalid(problems, "Legacy alias `" + f.qualifiedName() + "` expected exactly " + expected + " argument"
                    + (expected == 1 ? "" : "s") + ", got " + elts.size(), at);
            List<Type> unknowns = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                unknowns.add(DynamicType.UNKNOWN);
            }
            return k.toSpecializedInstance(ti, unknowns);
        }
        return specialized(k, file, elts, binder, problems);
    }

    private Type specialized(KnownClass k, SourceFile file, List<Expr> elts, @Nullable String binder,
            @Nullable List<String> problems) {
        List<Type> args = new ArrayList<>();
        for (Expr x : elts) {
            args.add(convert(file, x, binder, problems));
        }
        return k.toSpecializedInstance(ti, args);
    }

    /** {@code type[X]}: Unknown when {@code X} is not a valid type expression (not {@code type[Unknown]}). */
    private Type subclassOfChecked(SourceFile file, Expr slice, @Nullable String binder, @Nullable List<String> problems) {
        List<String> own = new ArrayList<>();
        Type inner = convert(file, slice, binder, own);
        if (problems != null) {
            problems.addAll(own);
        }
        if (own.stream().anyMatch(p -> ruleOf(p).equals("invalid-type-form"))) {
            return DynamicType.UNKNOWN;
        }
        return subclassOf(inner);
    }

    private Type subclassOf(Type inner) {
        return switch (inner) {
            case dev.typhon.semantic.types.InstanceType i -> new SubclassOfType(i);
            case DynamicType d -> new SubclassOfType(d);
            case TypeVarType v -> new SubclassOfType(v);
            case UnionType u -> {
                UnionBuilder b = new UnionBuilder(ti);
                for (Type m : u.members()) {
                    b.add(subclassOf(m));
                }
                yield b.build();
            }
            default -> new TodoType("type[" + inner.display() + "]");
        };
    }

    private Type tuple(SourceFile file, Expr slice, @Nullable String binder, @Nullable List<String> problems) {
        if (slice instanceof Tuple t && t.elts().isEmpty()) {
            return TupleType.fixed(List.of());
        }
        List<Expr> elts = elements(slice);
        if (elts.size() == 2 && elts.get(1) instanceof Constant c && c.value() == ConstantValue.ELLIPSIS) {
            return TupleType.homogeneous(convert(file, elts.get(0), binder, problems));
        }
        // `tuple[str, *tuple[int, ...], bytes]`: an unpacked tuple splices its elements in, and one
        // unpacked variable-length tuple makes the whole tuple variable-length
        List<Type> prefix = new ArrayList<>();
        Type variable = null;
        List<Type> suffix = new ArrayList<>();
        for (Expr x : elts) {
            Type unpacked = x instanceof dev.typhon.ast.Starred st ? convert(file, st.value(), binder, problems)
                    : x instanceof Subscript u && value(file, u.value()) == SpecialFormType.UNPACK
                    ? convert(file, u.slice(), binder, problems) : null;
            if (unpacked instanceof TupleType inner && (variable == null || inner.isFixed())) {
                (variable == null ? prefix : suffix).addAll(inner.prefix());
                if (!inner.isFixed()) {
                    variable = inner.variable();
                    suffix.addAll(inner.suffix());
                }
            } else if (unpacked != null) {
                (variable == null ? prefix : suffix).add(DynamicType.UNKNOWN);
            } else {
                (variable == null ? prefix : suffix).add(convert(file, x, binder, problems));
            }
        }
        return variable == null ? TupleType.fixed(prefix) : new TupleType(prefix, variable, suffix);
    }

    private Type callable(SourceFile file, List<Expr> elts, @Nullable String binder, @Nullable List<String> problems) {
        if (elts.size() != 2) {
            return invalid(problems, "Special form `typing.Callable` expected exactly two arguments (parameter types and return type)", null);
        }
        Type ret = convert(file, elts.get(1), binder, problems);
        Expr params = elts.get(0);
        if (params instanceof Constant c && c.value() == ConstantValue.ELLIPSIS) {
            return new CallableType(Signature.gradual(ret));
        }
        if (params instanceof dev.typhon.ast.List l) {
            List<Parameter> ps = new ArrayList<>();
            for (Expr x : l.elts()) {
                ps.add(new Parameter(Parameter.Kind.POSITIONAL_ONLY, null, convert(file, x, binder, problems), null));
            }
            return new CallableType(Signature.of(ps, ret));
        }
        String paramSpec = paramSpecName(file, params);
        if (paramSpec != null) {
            // `Callable[P, R]`: any arguments, as far as a call is checked; a decorator that takes a
            // `Callable[P, ...]` and returns one hands the decorated function's parameters on
            return new CallableType(Signature.gradual(ret), paramSpec);
        }
        return new TodoType("Callable with ParamSpec");
    }

    /** The name of the ParamSpec an expression names ({@code P} of {@code P = ParamSpec("P")}), or null. */
    private @Nullable String paramSpecName(SourceFile file, Expr e) {
        if (!(e instanceof Name) && !(e instanceof Attribute)) {
            return null;
        }
        Type v = value(file, e);
        if (v instanceof dev.typhon.semantic.types.InstanceType i && i.isKnown(KnownClass.PARAM_SPEC)) {
            return e instanceof Name n ? n.id() : ((Attribute) e).attr();
        }
        return null;
    }

    private Type literal(SourceFile file, List<Expr> elts, @Nullable List<String> problems) {
        UnionBuilder u = new UnionBuilder(ti);
        for (Expr x : elts) {
            u.add(literalValue(file, x, problems));
        }
        return u.build();
    }

    private Type literalValue(SourceFile file, Expr x, @Nullable List<String> problems) {
        switch (x) {
            case Constant c -> {
                ConstantValue v = c.value();
                if (v instanceof ConstantValue.Int i && i.value().bitLength() < 64) {
                    return new IntLiteral(i.value().longValue());
                }
                if (v instanceof ConstantValue.Str s) {
                    return new StringLiteral(s.value());
                }
                if (v instanceof ConstantValue.Bool b) {
                    return BoolLiteral.of(b.value());
                }
                if (v instanceof ConstantValue.Bytes b) {
                    return BytesLiteral.of(b.toByteArray());
                }
                if (v == ConstantValue.NONE) {
                    return NoneType.NONE;
                }
                return invalid(problems, "Type arguments for `Literal` must be `None`, a literal value (int, bool, str, or bytes), or an enum member", x);
            }
            case UnaryOp u when u.op() == UnaryOperator.USub && u.operand() instanceof Constant c
                    && c.value() instanceof ConstantValue.Int i && i.value().bitLength() < 64 -> {
                return new IntLiteral(-i.value().longValue());
            }
            case Attribute a -> {
                if (value(file, a) instanceof KnownInstanceType k && isLiteralType(k.value())) {
                    return k.value();
                }
                if (value(file, a.value()) instanceof dev.typhon.semantic.types.ClassLiteralType owner
                        && !ti.mro(owner.literal()).hasDynamic() && ti.mro(owner.literal()).classes().stream()
                                .noneMatch(c -> c.isKnown(KnownClass.ENUM))) {
                    // only an enum's members are literal values among class attributes
                    return invalid(problems, "Type arguments for `Literal` must be `None`, a literal value (int, bool, str, or bytes), or an enum member", x);
                }
                Type member = value(file, a);
                if (member instanceof dev.typhon.semantic.types.EnumLiteral
                        || member instanceof dev.typhon.semantic.types.InstanceType i
                        && value(file, a.value()) instanceof dev.typhon.semantic.types.ClassLiteralType owner
                        && owner.literal().equals(i.literal())) {
                    return member; // a member, or the enum itself when it is its only member
                }
                Type owner = value(file, a.value());
                boolean dotted = a.value() instanceof Name || a.value() instanceof Attribute;
                if (!dotted || !owner.isDynamic() && !(owner instanceof dev.typhon.semantic.types.SubclassOfType)) {
                    return invalid(problems, "Type arguments for `Literal` must be `None`, a literal value (int, bool, str, or bytes), or an enum member", x);
                }
                return new TodoType("enum literal"); // a member of an enum made by a call (`Enum("E", "A B")`)
            }
            case Name n when value(file, n) instanceof KnownInstanceType k && isLiteralType(k.value()) -> {
                return k.value();
            }
            case Subscript s -> {
                Type inner = value(file, s.value());
                if (inner == SpecialFormType.LITERAL) {
                    return literal(file, elements(s.slice()), problems);
                }
                return invalid(problems, "Type arguments for `Literal` must be `None`, a literal value (int, bool, str, or bytes), or an enum member", x);
            }
            default -> {
                return invalid(problems, "Type arguments for `Literal` must be `None`, a literal value (int, bool, str, or bytes), or an enum member", x);
            }
        }
    }

    /**
     * {@code Literal[(1, 2)]}: the one argument is a tuple, unlike {@code Literal[1, 2]}, though both
     * subscripts hold a tuple node; only the source tells them apart.
     */
    private static boolean isParenthesizedTuple(SourceFile file, Expr slice) {
        if (!(slice instanceof Tuple t) || t.elts().isEmpty() || DEFERRED.get()[0] > 0) {
            return false;
        }
        String text = file.parse().source().text();
        return t.startOffset() >= 0 && t.endOffset() <= text.length() && t.startOffset() < t.elts().get(0).startOffset()
                && text.charAt(t.startOffset()) == '(' && text.charAt(t.endOffset() - 1) == ')';
    }

    private static boolean isLiteralType(Type t) {
        return switch (t) {
            case IntLiteral i -> true;
            case StringLiteral s -> true;
            case BytesLiteral b -> true;
            case BoolLiteral b -> true;
            case NoneType n -> true;
            case UnionType u -> u.members().stream().allMatch(TypeExpressions::isLiteralType);
            default -> false;
        };
    }

    private static Type invalid(@Nullable List<String> problems, String message, @Nullable Expr at) {
        if (problems != null) {
            // inside a string annotation the expression's offsets are the string's, not the file's
            problems.add(at == null || DEFERRED.get()[0] > 0 ? message : InvalidTypeForms.located(message, at));
        }
        return DynamicType.UNKNOWN;
    }
}
