package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Assign;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.Call;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.If;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Stmt;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.OverloadedFunction;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dataclasses and the classes {@code dataclass_transform} makes dataclass-like: whether a class is
 * one and with which parameters ({@code @dataclass(frozen=True)}, a decorator function, base class
 * or metaclass marked {@code @dataclass_transform(kw_only_default=True)} and the class statement's
 * keywords), its fields in MRO order, and the methods the decorator synthesizes from them
 * ({@code __init__}, the order comparisons, {@code __match_args__}). The synthesized methods are
 * ordinary {@link FunctionLiteral}s (marked synthesized), so calls of them are bound and checked as
 * calls of any method are.
 */
final class Dataclasses {
    private final TypeInference ti;
    private final Memo<ClassLiteral, Optional<Params>> params = new Memo<>("dataclass-params");
    private final Memo<ClassLiteral, List<Field>> fields = new Memo<>("dataclass-fields");

    Dataclasses(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * What the decorator (or the transform's defaults and the class keywords) asked for.
     *
     * @param fieldSpecifiers the functions and classes whose calls, as a field's value, describe the
     *     field ({@code dataclasses.field}, or a transform's {@code field_specifiers})
     */
    record Params(boolean init, boolean eq, boolean order, boolean frozen, boolean kwOnly, boolean matchArgs,
            boolean unsafeHash, List<Type> fieldSpecifiers) {
    }

    /**
     * One field of the synthesized {@code __init__}.
     *
     * @param parameter the name its parameter takes (the field's, or its {@code alias})
     * @param defaultDisplay how its default shows, or null when it is required
     * @param init false for {@code field(init=False)}: an attribute, but no parameter
     */
    record Field(String name, String parameter, Type type, @Nullable String defaultDisplay, boolean kwOnly,
            boolean init) {
    }

    /** The defaults a {@code dataclass_transform(...)} call gives the classes it transforms. */
    private record Transform(boolean eqDefault, boolean orderDefault, boolean kwOnlyDefault, boolean frozenDefault,
            List<Type> fieldSpecifiers) {
    }

    /** The class's dataclass parameters, or null when it is not a dataclass (nor dataclass-like). */
    @Nullable Params params(ClassLiteral cls) {
        return params.get(cls, c -> Optional.ofNullable(computeParams(c)), Optional.empty()).orElse(null);
    }

    boolean isDataclass(ClassLiteral cls) {
        return params(cls) != null;
    }

    /**
     * Whether assigning {@code name} on an instance of the class raises, as a frozen dataclass's
     * {@code __setattr__} does: for every name on an instance of the frozen dataclass itself, for its
     * fields only on an instance of a subclass.
     */
    boolean isFrozen(ClassLiteral cls, String name) {
        for (ClassType c : ti.mro(cls).classes()) {
            Params p = params(c.literal());
            if (p != null) {
                return p.frozen() && (c.literal().equals(cls) || isField(c.literal(), name));
            }
        }
        return false;
    }

    /** Whether {@code name} is one of the fields of a dataclass in the class's MRO. */
    boolean isField(ClassLiteral cls, String name) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (params(c.literal()) != null && fields(c.literal()).stream().anyMatch(f -> f.name().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private @Nullable Params computeParams(ClassLiteral cls) {
        ClassDef node = ti.classes.node(cls);
        SourceFile file = ti.classes.file(cls);
        for (Expr d : node.decoratorList()) {
            Call call = d instanceof Call c ? c : null;
            Type t = ti.expressions.infer(file, call != null ? call.func() : d);
            if (isKnown(t, KnownFunction.DATACLASS)) {
                return fromKeywords(file, call == null ? List.of() : call.keywords(),
                        new Transform(true, false, false, false, fieldFunction()));
            }
            Transform tr = transformOf(t);
            if (tr != null) {
                return fromKeywords(file, call == null ? List.of() : call.keywords(), tr);
            }
        }
        // a class inheriting from a class (or with a metaclass) marked @dataclass_transform
        for (ClassType base : ti.mro(cls).classes()) {
            if (base.literal().equals(cls)) {
                continue;
            }
            Transform tr = transformOf(base.toClassLiteral());
            if (tr != null) {
                return fromKeywords(file, node.keywords(), tr);
            }
        }
        ClassType meta = ti.metaclass(cls);
        if (meta != null && !meta.isKnown(KnownClass.TYPE)) {
            for (ClassType m : ti.mro(meta.literal()).classes()) {
                Transform tr = transformOf(m.toClassLiteral());
                if (tr != null) {
                    return fromKeywords(file, node.keywords(), tr);
                }
            }
        }
        return null;
    }

    private List<Type> fieldFunction() {
        Type field = ti.knownFunction(KnownFunction.FIELD);
        return field == null ? List.of() : List.of(field);
    }

    private static boolean isKnown(Type t, KnownFunction k) {
        return switch (t) {
            case FunctionLiteral f -> f.isKnown(k);
            case OverloadedFunction o -> !o.overloads().isEmpty() && o.overloads().get(0).isKnown(k);
            default -> false;
        };
    }

    private Params fromKeywords(SourceFile file, List<Keyword> keywords, Transform tr) {
        boolean init = true;
        boolean eq = tr.eqDefault();
        boolean order = tr.orderDefault();
        boolean frozen = tr.frozenDefault();
        boolean kwOnly = tr.kwOnlyDefault();
        boolean matchArgs = true;
        boolean unsafeHash = false;
        for (Keyword k : keywords) {
            if (k.arg() == null || !(ti.expressions.infer(file, k.value()) instanceof BoolLiteral b)) {
                continue;
            }
            switch (k.arg()) {
                case "init" -> init = b.value();
                case "eq" -> eq = b.value();
                case "order" -> order = b.value();
                case "frozen" -> frozen = b.value();
                case "kw_only" -> kwOnly = b.value();
                case "match_args" -> matchArgs = b.value();
                case "unsafe_hash" -> unsafeHash = b.value();
                default -> {
                }
            }
        }
        return new Params(init, eq, order, frozen, kwOnly, matchArgs, unsafeHash, tr.fieldSpecifiers());
    }

    /** The defaults of the {@code @dataclass_transform(...)} that marks a function or class, or null. */
    private @Nullable Transform transformOf(Type t) {
        List<Node> defs = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        switch (t) {
            case FunctionLiteral f when !f.synthesized() -> addDef(f.ref(), defs, files);
            case OverloadedFunction o -> o.overloads().forEach(f -> addDef(f.ref(), defs, files));
            case ClassLiteralType c -> addDef(c.literal().ref(), defs, files);
            default -> {
                return null;
            }
        }
        for (int i = 0; i < defs.size(); i++) {
            List<Expr> decorators = switch (defs.get(i)) {
                case FunctionDef fd -> fd.decoratorList();
                case AsyncFunctionDef fd -> fd.decoratorList();
                case ClassDef cd -> cd.decoratorList();
                default -> List.of();
            };
            for (Expr d : decorators) {
                SourceFile file = files.get(i);
                Call call = d instanceof Call c ? c : null;
                if (isKnown(ti.expressions.infer(file, call != null ? call.func() : d), KnownFunction.DATACLASS_TRANSFORM)) {
                    return transform(file, call == null ? List.of() : call.keywords());
                }
            }
        }
        return null;
    }

    private void addDef(dev.typhon.semantic.types.DefinitionRef ref, List<Node> defs, List<SourceFile> files) {
        SourceFile file = ti.program.file(ref.file());
        defs.add(file.index().definition(ref.definition()).node());
        files.add(file);
    }

    private Transform transform(SourceFile file, List<Keyword> keywords) {
        boolean eq = true;
        boolean order = false;
        boolean kwOnly = false;
        boolean frozen = false;
        List<Type> specifiers = new ArrayList<>();
        for (Keyword k : keywords) {
            if (k.arg() == null) {
                continue;
            }
            Type v = ti.expressions.infer(file, k.value());
            boolean b = v instanceof BoolLiteral bl && bl.value();
            switch (k.arg()) {
                case "eq_default" -> eq = b;
                case "order_default" -> order = b;
                case "kw_only_default" -> kwOnly = b;
                case "frozen_default" -> frozen = b;
                case "field_specifiers" -> {
                    if (v instanceof TupleType tt) {
                        specifiers.addAll(tt.allElements());
                    }
                }
                default -> {
                }
            }
        }
        return new Transform(eq, order, kwOnly, frozen, specifiers);
    }

    // ------------------------------------------------------------------------------------------
    // fields

    /** The fields of the synthesized {@code __init__}: the dataclasses of the MRO, bases first; a redefined field keeps its place. */
    List<Field> fields(ClassLiteral cls) {
        return fields.get(cls, this::computeFields, List.of());
    }

    private List<Field> computeFields(ClassLiteral cls) {
        Map<String, Field> all = new LinkedHashMap<>();
        List<ClassType> mro = ti.mro(cls).classes();
        for (int i = mro.size() - 1; i >= 0; i--) {
            ClassType c = mro.get(i);
            Params p = params(c.literal());
            if (p == null) {
                continue;
            }
            dev.typhon.semantic.types.Specialization spec = c.literal().equals(cls)
                    ? dev.typhon.semantic.types.Specialization.of(List.of(), List.of())
                    : ti.genericClasses.specializationOf(c);
            for (Field f : ownFields(c.literal(), p)) {
                Type t = spec.isEmpty() ? f.type() : spec.apply(f.type());
                // a redefined field keeps the base's place (put on a present key does), with the new type and default
                all.put(f.name(), new Field(f.name(), f.parameter(), t, f.defaultDisplay(), f.kwOnly(), f.init()));
            }
        }
        return List.copyOf(all.values());
    }

    /** The fields a dataclass's own body declares, in order. */
    private List<Field> ownFields(ClassLiteral cls, Params p) {
        SourceFile file = ti.classes.file(cls);
        ClassDef node = ti.classes.node(cls);
        List<AnnAssign> declarations = new ArrayList<>();
        Map<String, Expr> values = new HashMap<>();
        collect(node.body(), declarations, values);
        ClassSymbols symbols = new ClassSymbols(ti);
        List<Field> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean kwOnlySentinel = false;
        for (AnnAssign a : declarations) {
            String name = ((Name) a.target()).id();
            Expr head = a.annotation() instanceof dev.typhon.ast.Subscript s ? s.value() : a.annotation();
            Type headType = ti.expressions.infer(file, head);
            if (headType instanceof ClassLiteralType c && c.literal().isKnown(KnownClass.KW_ONLY)) {
                kwOnlySentinel = true;
                continue;
            }
            if (seen.contains(name) || symbols.isClassVar(file, a.annotation())) {
                continue;
            }
            seen.add(name);
            ClassSymbols.ClassSymbol sym = symbols.own(cls, name);
            if (sym == null || !sym.declared()) {
                continue; // declared only where the body never runs (`if sys.version_info < ...`), or deleted
            }
            Type type;
            if (headType instanceof ClassLiteralType c && c.literal().name().equals("InitVar")
                    && c.literal().module().equals("dataclasses")) {
                type = a.annotation() instanceof dev.typhon.ast.Subscript s
                        ? ti.typeExpressions.annotation(file, s.slice(), null) : DynamicType.UNKNOWN;
            } else {
                type = descriptorValue(sym.type());
            }
            out.add(field(file, name, type, values.get(name), p, p.kwOnly() || kwOnlySentinel));
        }
        return out;
    }

    /**
     * A field declared as a data descriptor ({@code x: Upper = Upper()}) is initialized through its
     * {@code __set__}: the parameter takes what {@code __set__} accepts (the union over its overloads).
     */
    private Type descriptorValue(Type declared) {
        if (!(declared instanceof dev.typhon.semantic.types.InstanceType) || !ti.members.isDataDescriptor(declared)) {
            return declared;
        }
        Type set = ti.dunders.lookup(declared, "__set__");
        List<FunctionLiteral> candidates = switch (set) {
            case dev.typhon.semantic.types.BoundMethodType b -> List.of(b.function());
            case OverloadedFunction o -> o.overloads();
            case null, default -> List.of();
        };
        List<Type> accepted = new ArrayList<>();
        for (FunctionLiteral f : candidates) {
            List<Parameter> ps = f.signature().parameters();
            if (ps.size() >= 3) {
                accepted.add(ps.get(2).type());
            }
        }
        return accepted.isEmpty() ? declared : dev.typhon.semantic.types.UnionBuilder.of(ti, accepted);
    }

    private Field field(SourceFile file, String name, Type type, @Nullable Expr value, Params p, boolean kwOnly) {
        if (value instanceof Call call && isFieldSpecifier(ti.expressions.infer(file, call.func()), p)) {
            String shown = null;
            boolean init = true;
            String alias = name;
            for (Keyword k : call.keywords()) {
                if (k.arg() == null) {
                    continue;
                }
                Type v = ti.expressions.infer(file, k.value());
                switch (k.arg()) {
                    case "default" -> shown = defaultDisplay(v);
                    case "default_factory", "factory" -> shown = "...";
                    case "init" -> init = !(v instanceof BoolLiteral b) || b.value();
                    case "kw_only" -> kwOnly = v instanceof BoolLiteral b ? b.value() : kwOnly;
                    case "alias" -> alias = v instanceof StringLiteral s ? s.value() : alias;
                    default -> {
                    }
                }
            }
            return new Field(name, alias, type, shown, kwOnly, init);
        }
        String shown = value == null ? null : defaultDisplay(ti.expressions.infer(file, value));
        return new Field(name, name, type, shown, kwOnly, true);
    }

    private boolean isFieldSpecifier(Type callee, Params p) {
        for (Type s : p.fieldSpecifiers()) {
            if (s.equals(callee) || (s instanceof ClassLiteralType a && callee instanceof ClassLiteralType b
                    && a.literal().equals(b.literal()))) {
                return true;
            }
        }
        return isKnown(callee, KnownFunction.FIELD);
    }

    /** A default as ty shows it in a signature: a literal's value, else {@code ...}. */
    private static String defaultDisplay(Type t) {
        return switch (t) {
            case IntLiteral i -> Long.toString(i.value());
            case BoolLiteral b -> b.value() ? "True" : "False";
            case StringLiteral s -> "\"" + s.value() + "\"";
            case NoneType n -> "None";
            default -> "...";
        };
    }

    /** The annotated names of a class body (through {@code if} blocks), and the last value each is given there. */
    private static void collect(List<Stmt> body, List<AnnAssign> declarations, Map<String, Expr> values) {
        for (Stmt s : body) {
            switch (s) {
                case AnnAssign a when a.target() instanceof Name n -> {
                    declarations.add(a);
                    if (a.value() != null) {
                        values.put(n.id(), a.value());
                    }
                }
                case Assign a -> {
                    for (Expr t : a.targets()) {
                        if (t instanceof Name n) {
                            values.put(n.id(), a.value());
                        }
                    }
                }
                case If i -> {
                    collect(i.body(), declarations, values);
                    collect(i.orelse(), declarations, values);
                }
                default -> {
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // synthesized members

    /** A member the dataclass machinery adds to the class, or null: only for names its body does not define. */
    @Nullable Type member(ClassLiteral cls, String name) {
        switch (name) {
            case "__init__", "__lt__", "__le__", "__gt__", "__ge__", "__match_args__", "__dataclass_fields__", "__hash__" -> {
            }
            default -> {
                return null;
            }
        }
        Params p = params(cls);
        if (p == null) {
            return null;
        }
        Type self = selfType(cls);
        return switch (name) {
            case "__init__" -> p.init() ? init(cls, self) : null;
            case "__lt__", "__le__", "__gt__", "__ge__" -> p.order() ? method(cls, name, List.of(
                    new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, "self", self, null),
                    new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, "other", self, null)),
                    ti.instance(KnownClass.BOOL)) : null;
            case "__match_args__" -> {
                if (!p.matchArgs() || ti.pythonVersion().compareTo(dev.typhon.ast.PythonVersion.PY310) < 0) {
                    yield null;
                }
                List<Type> names = new ArrayList<>();
                for (Field f : fields(cls)) {
                    if (f.init() && !f.kwOnly()) {
                        names.add(new StringLiteral(f.parameter()));
                    }
                }
                yield TupleType.fixed(names);
            }
            case "__hash__" -> {
                // dataclasses' rule: a frozen (or unsafe_hash) class hashes its fields; an eq one that
                // is mutable is unhashable; otherwise the inherited `__hash__` stays
                if (p.unsafeHash() || (p.eq() && p.frozen())) {
                    yield method(cls, "__hash__", List.of(new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, "self", self,
                            null)), ti.instance(KnownClass.INT));
                }
                yield p.eq() ? NoneType.NONE : null;
            }
            case "__dataclass_fields__" -> {
                Type field = KnownClass.FIELD.toSpecializedInstance(ti, List.of(DynamicType.ANY));
                yield KnownClass.DICT.toSpecializedInstance(ti, List.of(ti.instance(KnownClass.STR), field));
            }
            default -> null;
        };
    }

    /** {@code (self: C, x: int, y: str = "a", *, z: bytes) -> None}: positional fields first, keyword-only ones after. */
    private Type init(ClassLiteral cls, Type self) {
        List<Parameter> ps = new ArrayList<>();
        ps.add(new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, "self", self, null));
        List<Field> all = fields(cls);
        for (Field f : all) {
            if (f.init() && !f.kwOnly()) {
                ps.add(new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, f.parameter(), f.type(), f.defaultDisplay()));
            }
        }
        for (Field f : all) {
            if (f.init() && f.kwOnly()) {
                ps.add(new Parameter(Parameter.Kind.KEYWORD_ONLY, f.parameter(), f.type(), f.defaultDisplay()));
            }
        }
        return method(cls, "__init__", ps, NoneType.NONE);
    }

    private FunctionLiteral method(ClassLiteral cls, String name, List<Parameter> ps, Type returns) {
        return new FunctionLiteral(name, cls.ref(), null, Signature.of(ps, returns), true);
    }

    /** The instance type a synthesized method's {@code self} has: the class, specialized by its own type parameters. */
    Type selfType(ClassLiteral cls) {
        List<TypeVarType> own = ti.typeParameters(cls);
        return own.isEmpty() ? ClassType.of(cls).toInstance() : new ClassType(cls, new ArrayList<>(own)).toInstance();
    }
}
