package dev.typhon.semantic.infer;

import dev.typhon.ast.Call;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Starred;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.OverloadedFunction;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls: the known functions ({@code reveal_type}, {@code cast}, ty_extensions' relations, ...),
 * functions and bound methods by their return type, overloads by the first that accepts the
 * arguments, class objects as constructors, unions member by member.
 */
final class Calls {
    private final TypeInference ti;

    Calls(TypeInference ti) {
        this.ti = ti;
    }

    Type infer(SourceFile file, Call call) {
        if (call.func() instanceof dev.typhon.ast.Attribute a && a.attr().equals("get") && call.keywords().isEmpty()
                && ti.typedDicts.of(ti.expressions.infer(file, a.value())) instanceof dev.typhon.semantic.types.ClassLiteral td) {
            Type got = ti.typedDicts.get(td, argumentTypes(file, call));
            if (got != null) {
                return got;
            }
        }
        Type callee = ti.expressions.infer(file, call.func());
        return callType(file, call, callee);
    }

    private Type callType(SourceFile file, Call call, Type callee) {
        return switch (callee) {
            case DynamicType d -> d;
            case FunctionLiteral f when f.known() != null -> known(file, call, f);
            case FunctionLiteral f when isFunctionalNamedTuple(f) -> new SubclassOfType(DynamicType.UNKNOWN);
            case FunctionLiteral f -> returnOf(f.signature(), CallArguments.of(ti, file, call), 0, null);
            case OverloadedFunction o -> {
                // an overloaded method looked up on an instance is not bound yet: its receiver is the attribute's object
                Type receiver = boundReceiver(file, call, o);
                yield overload(file, call, o, receiver == null ? 0 : 1, receiver);
            }
            case BoundMethodType b -> returnOf(b.function().signature(), CallArguments.of(ti, file, call), 1, b.self());
            case ClassLiteralType c -> construct(file, call, c.classType());
            // `UserId(5)`: a NewType's pseudo-class returns its argument, typed as the NewType
            case dev.typhon.semantic.types.KnownInstanceType k when k.kind() == KnownClass.NEW_TYPE -> k.value();
            // type[C] of a final C can only be C itself
            case SubclassOfType s when s.subclassOf() instanceof InstanceType i && ti.isFinal(i.literal())
                    -> construct(file, call, i.classType());
            case SubclassOfType s -> s.subclassOf().isDynamic() ? s.subclassOf() : s.subclassOf();
            case UnionType u -> {
                UnionBuilder b = new UnionBuilder(ti);
                u.members().forEach(m -> b.add(callType(file, call, m)));
                yield b.build();
            }
            case InstanceType i -> {
                Type r = callDunder(i, "__call__", argumentTypes(file, call));
                yield r == null ? DynamicType.UNKNOWN : r;
            }
            default -> DynamicType.UNKNOWN;
        };
    }

    private List<Type> argumentTypes(SourceFile file, Call call) {
        List<Type> out = new ArrayList<>();
        for (Expr a : call.args()) {
            out.add(a instanceof Starred ? DynamicType.UNKNOWN : ti.expressions.infer(file, a));
        }
        return out;
    }

    private Type known(SourceFile file, Call call, FunctionLiteral f) {
        List<Expr> args = call.args();
        return switch (f.known()) {
            case REVEAL_TYPE, ASSERT_TYPE -> args.isEmpty() ? DynamicType.UNKNOWN : ti.expressions.infer(file, args.get(0));
            case CAST -> args.isEmpty() ? DynamicType.UNKNOWN : ti.typeExpressions.annotation(file, args.get(0), null);
            case STATIC_ASSERT, REVEAL_MRO -> NoneType.NONE;
            case ENUM_MEMBERS -> {
                Type cls = args.size() == 1 ? ti.expressions.infer(file, args.get(0)) : null;
                Enums.EnumInfo info = cls instanceof dev.typhon.semantic.types.ClassLiteralType c
                        ? ti.enums.info(c.literal()) : null;
                if (info == null) {
                    yield cls instanceof dev.typhon.semantic.types.ClassLiteralType c && ti.enums.isEnumClass(c.literal())
                            ? TupleType.fixed(List.of()) : DynamicType.UNKNOWN;
                }
                yield TupleType.fixed(info.names().stream().<Type>map(StringLiteral::new).toList());
            }
            case IS_SUBTYPE_OF, IS_ASSIGNABLE_TO, IS_EQUIVALENT_TO, IS_DISJOINT_FROM -> {
                if (args.size() != 2) {
                    yield ti.instance(KnownClass.BOOL);
                }
                Type a = ti.typeExpressions.annotation(file, args.get(0), null);
                Type b = ti.typeExpressions.annotation(file, args.get(1), null);
                boolean holds = switch (f.known()) {
                    case IS_SUBTYPE_OF -> a.isSubtypeOf(ti, b);
                    case IS_ASSIGNABLE_TO -> a.isAssignableTo(ti, b);
                    case IS_EQUIVALENT_TO -> a.isEquivalentTo(ti, b);
                    default -> a.isDisjointFrom(ti, b);
                };
                yield BoolLiteral.of(holds);
            }
            case IS_SINGLETON, IS_SINGLE_VALUED -> {
                if (args.size() != 1) {
                    yield ti.instance(KnownClass.BOOL);
                }
                Type a = ti.typeExpressions.annotation(file, args.get(0), null);
                yield BoolLiteral.of(f.known() == KnownFunction.IS_SINGLETON ? a.isSingleton(ti) : a.isSingleValued(ti));
            }
            case ISINSTANCE, ISSUBCLASS -> {
                if (args.size() != 2) {
                    yield ti.instance(KnownClass.BOOL);
                }
                Type value = ti.expressions.infer(file, args.get(0));
                Type classes = classInfo(ti.expressions.infer(file, args.get(1)));
                if (classes == null || value.isDynamic()) {
                    yield ti.instance(KnownClass.BOOL);
                }
                Type subject = f.known() == KnownFunction.ISINSTANCE ? value : instanceOfClassObject(value);
                if (subject == null) {
                    yield ti.instance(KnownClass.BOOL);
                }
                if (subject.isSubtypeOf(ti, classes)) {
                    yield BoolLiteral.TRUE;
                }
                if (subject.isDisjointFrom(ti, classes)) {
                    yield BoolLiteral.FALSE;
                }
                yield ti.instance(KnownClass.BOOL);
            }
            case LEN -> {
                Type a = args.size() == 1 ? ti.expressions.infer(file, args.get(0)) : null;
                if (a instanceof InstanceType i && ti.namedTuples.tupleShape(i.literal()) != null) {
                    a = ti.namedTuples.tupleShape(i.literal());
                }
                if (a instanceof TupleType t && t.isFixed()) {
                    yield new IntLiteral(t.elements().size());
                }
                if (a instanceof StringLiteral s) {
                    yield new IntLiteral(s.value().codePointCount(0, s.value().length()));
                }
                yield ti.instance(KnownClass.INT);
            }
            case GENERIC_CONTEXT -> {
                Type revealed = args.size() == 1 ? ti.genericContexts.reveal(ti.expressions.infer(file, args.get(0))) : null;
                yield revealed != null ? revealed : returnOf(f.signature(), CallArguments.of(ti, file, call), 0, null);
            }
            case INTO_REGULAR_CALLABLE -> args.size() == 1
                    ? ti.genericContexts.regularCallable(ti.expressions.infer(file, args.get(0))) : DynamicType.UNKNOWN;
            default -> returnOf(f.signature(), CallArguments.of(ti, file, call), 0, null);
        };
    }

    private Type overload(SourceFile file, Call call, OverloadedFunction o, int skip, @Nullable Type receiver) {
        List<Type> args = argumentTypes(file, call);
        CallArguments arguments = CallArguments.of(ti, file, call);
        for (FunctionLiteral f : o.overloads()) {
            if (accepts(f.signature(), args, call.keywords().size(), skip) && receiverFits(f.signature(), receiver)
                    && solvable(f.signature(), arguments, skip, receiver)) {
                return returnOf(f.signature(), arguments, skip, receiver);
            }
        }
        return DynamicType.UNKNOWN;
    }

    /** The instance an overloaded instance method is called on ({@code d.get(k)}), or null for other calls. */
    @Nullable Type boundReceiver(SourceFile file, Call call, OverloadedFunction o) {
        if (!(call.func() instanceof dev.typhon.ast.Attribute a) || o.overloads().isEmpty()) {
            return null;
        }
        Type owner = ti.expressions.infer(file, a.value());
        if (owner instanceof dev.typhon.semantic.types.UnionType u) {
            // `Unknown | dict[str, int]`: the overloads came from the one known member
            List<Type> known = u.members().stream().filter(m -> !m.isDynamic()).toList();
            if (known.size() == 1) {
                owner = known.get(0);
            }
        }
        boolean instance = switch (owner) {
            case InstanceType i -> true;
            case TupleType t -> true;
            case StringLiteral str -> true;
            case IntLiteral i -> true;
            case BoolLiteral b -> true;
            case dev.typhon.semantic.types.BytesLiteral b -> true;
            case dev.typhon.semantic.types.LiteralStringType l -> true;
            default -> false;
        };
        if (!instance || ti.functions.methodKind(o.overloads().get(0)) != Functions.MethodKind.INSTANCE) {
            return null;
        }
        return owner;
    }

    /**
     * Whether the receiver of a method call fits the overload's annotated {@code self}: str's
     * {@code def __add__(self: LiteralString, value: LiteralString) -> LiteralString} applies to a
     * {@code LiteralString} only, not to every {@code str}. A {@code self} typed by a type variable is
     * checked when the variables are solved.
     */
    boolean receiverFits(Signature s, @Nullable Type receiver) {
        if (receiver == null || s.gradual() || s.parameters().isEmpty()) {
            return true;
        }
        Type self = s.parameters().get(0).annotatedType();
        return self == null || mentionsTypeVar(self) || receiver.isAssignableTo(ti, self);
    }

    /** Whether a generic signature's type variables can be solved from the arguments without violating a bound or constraint. */
    boolean solvable(Signature s, CallArguments args, int skip, @Nullable Type receiver) {
        return s.typeParameters().isEmpty() || args.solve(ti, s, skip, receiver).violations().isEmpty();
    }

    /** Whether positional arguments of these types fit the signature (keywords are not checked yet). */
    boolean accepts(Signature s, List<Type> args, int keywords, int skip) {
        if (s.gradual()) {
            return true;
        }
        List<Parameter> ps = s.parameters();
        int i = skip;
        for (Type a : args) {
            if (i >= ps.size()) {
                return false;
            }
            Parameter p = ps.get(i);
            if (p.kind() == Parameter.Kind.KEYWORD_ONLY || p.kind() == Parameter.Kind.KEYWORD_VARIADIC) {
                return false;
            }
            if (p.annotatedType() != null && mentionsTypeVar(p.annotatedType())
                    && !ti.callBinding.nominallyCompatible(a, p.annotatedType())) {
                return false;
            }
            if (p.annotatedType() != null && !a.isAssignableTo(ti, p.annotatedType()) && !mentionsTypeVar(p.annotatedType())
                    && !(ti.callBinding.mentionsProtocol(p.annotatedType())
                    && ti.callBinding.mightSatisfy(a, p.annotatedType()))) {
                return false;
            }
            if (p.kind() != Parameter.Kind.VARIADIC) {
                i++;
            }
        }
        for (; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            if (!p.hasDefault() && p.kind() != Parameter.Kind.VARIADIC && p.kind() != Parameter.Kind.KEYWORD_VARIADIC
                    && p.kind() != Parameter.Kind.KEYWORD_ONLY && keywords == 0) {
                return false;
            }
        }
        return true;
    }

    /** The declared return type, with the type variables the signature binds solved from the arguments. */
    Type returnOf(Signature s, CallArguments args, int skip, @Nullable Type receiver) {
        Type ret = s.returns();
        if (s.typeParameters().isEmpty() || !mentionsTypeVar(ret)) {
            return ret;
        }
        return args.solve(ti, s, skip, receiver).apply(ret);
    }

    private static boolean mentionsTypeVar(Type t) {
        return dev.typhon.semantic.types.TypeVariables.mentioned(t);
    }

    /**
     * {@code collections.namedtuple("P", "x y")}: it makes a class Typhon does not model yet; the class
     * is taken as unknown rather than as typeshed's {@code type[tuple[Any, ...]]}, whose instances
     * would lack the fields.
     */
    private boolean isFunctionalNamedTuple(FunctionLiteral f) {
        return f.name().equals("namedtuple") && !f.synthesized()
                && "collections".equals(ti.program.file(f.ref().file()).moduleName());
    }

    private Type construct(SourceFile file, Call call, ClassType cls) {
        if (cls.isKnown(KnownClass.NAMED_TUPLE)) {
            // `NamedTuple("P", [("x", int)])`: a class Typhon does not model yet
            return new SubclassOfType(DynamicType.UNKNOWN);
        }
        if (cls.isKnown(KnownClass.TYPE) && call.args().size() == 1 && call.keywords().isEmpty()) {
            Type arg = ti.expressions.infer(file, call.args().get(0));
            return classOf(arg);
        }
        if (cls.isKnown(KnownClass.BOOL) && call.args().isEmpty() && call.keywords().isEmpty()) {
            return BoolLiteral.FALSE;
        }
        if (cls.isKnown(KnownClass.BOOL) && call.args().size() == 1) {
            return ti.operators.truthiness(ti.expressions.infer(file, call.args().get(0))).toType(ti);
        }
        if (isFunctionalEnum(call, cls)) {
            return new dev.typhon.semantic.types.TodoType("functional enum");
        }
        return ti.constructors.construct(file, call, cls, null);
    }

    /**
     * {@code Enum("Color", "RED GREEN")}: an enum without members called with a name and members
     * makes a new enum class, which Typhon does not model yet (its value is a dynamic type).
     */
    private boolean isFunctionalEnum(Call call, ClassType cls) {
        if (!cls.arguments().isEmpty() || ti.enums.info(cls.literal()) != null || !ti.enums.isEnumClass(cls.literal())) {
            return false;
        }
        long positional = call.args().stream().filter(a -> !(a instanceof Starred)).count();
        return positional >= 2 || call.keywords().stream().anyMatch(k -> "names".equals(k.arg()));
    }

    /** {@code type(x)}: the class of a value. */
    private Type classOf(Type t) {
        return switch (t) {
            case InstanceType i -> new ClassLiteralType(i.classType());
            case dev.typhon.semantic.types.NewTypeInstance n -> classOf(n.concreteBase());
            case dev.typhon.semantic.types.EnumLiteral e -> new ClassLiteralType(e.fallback().classType());
            case IntLiteral i -> KnownClass.INT.toClass(ti);
            case BoolLiteral b -> KnownClass.BOOL.toClass(ti);
            case StringLiteral s -> KnownClass.STR.toClass(ti);
            case dev.typhon.semantic.types.BytesLiteral b -> KnownClass.BYTES.toClass(ti);
            case NoneType n -> KnownClass.NONE_TYPE.toClass(ti);
            case ClassLiteralType c -> new ClassLiteralType(ti.metaclass(c.literal()));
            case DynamicType d -> new SubclassOfType(d);
            default -> KnownClass.TYPE.toInstance(ti);
        };
    }

    /** The instances an isinstance() class argument stands for, or null when it is not a class (or tuple of them). */
    @Nullable Type classInfo(Type t) {
        switch (t) {
            case ClassLiteralType c -> {
                return c.classType().arguments().isEmpty() ? c.classType().toInstance() : null;
            }
            case TupleType tt when tt.isFixed() -> {
                UnionBuilder u = new UnionBuilder(ti);
                for (Type e : tt.elements()) {
                    Type c = classInfo(e);
                    if (c == null) {
                        return null;
                    }
                    u.add(c);
                }
                return u.build();
            }
            default -> {
                return null;
            }
        }
    }

    /** For issubclass(): the instances of the class a class object stands for. */
    private @Nullable Type instanceOfClassObject(Type t) {
        return switch (t) {
            case ClassLiteralType c -> c.classType().toInstance();
            case SubclassOfType s -> s.subclassOf().isDynamic() ? null : s.subclassOf();
            default -> null;
        };
    }

    /** The type of the elements iterating over a value gives ({@code __iter__().__next__()}); Unknown when unknown. */
    Type iterate(Type value) {
        switch (value) {
            case DynamicType d -> {
                return d;
            }
            case TupleType t -> {
                return UnionBuilder.of(ti, t.allElements());
            }
            case InstanceType i when ti.namedTuples.tupleShape(i.literal()) != null -> {
                return UnionBuilder.of(ti, ti.namedTuples.tupleShape(i.literal()).allElements());
            }
            case UnionType u -> {
                UnionBuilder b = new UnionBuilder(ti);
                u.members().forEach(m -> b.add(iterate(m)));
                return b.build();
            }
            default -> {
            }
        }
        Type iterator = callDunder(value, "__iter__", List.of());
        if (iterator == null) {
            return DynamicType.UNKNOWN;
        }
        Type next = callDunder(iterator, "__next__", List.of());
        return next == null ? DynamicType.UNKNOWN : next;
    }

    /** Calls {@code receiver.<name>(args)} implicitly (looked up on the receiver's type); null when it is missing or rejects them. */
    @Nullable Type callDunder(Type receiver, @Nullable String name, List<Type> args) {
        return name == null ? null : ti.dunders.callOrNull(receiver, name, args);
    }
}
