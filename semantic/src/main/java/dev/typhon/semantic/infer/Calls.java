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
        Type callee = ti.expressions.infer(file, call.func());
        return callType(file, call, callee);
    }

    private Type callType(SourceFile file, Call call, Type callee) {
        return switch (callee) {
            case DynamicType d -> d;
            case FunctionLiteral f when f.known() != null -> known(file, call, f);
            case FunctionLiteral f -> returnOf(f.signature(), argumentTypes(file, call), 0);
            case OverloadedFunction o -> overload(file, call, o, 0);
            case BoundMethodType b -> returnOf(b.function().signature(), argumentTypes(file, call), 1);
            case ClassLiteralType c -> construct(file, call, c.classType());
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
                yield revealed != null ? revealed : returnOf(f.signature(), argumentTypes(file, call), 0);
            }
            case INTO_REGULAR_CALLABLE -> args.size() == 1
                    ? ti.genericContexts.regularCallable(ti.expressions.infer(file, args.get(0))) : DynamicType.UNKNOWN;
            default -> returnOf(f.signature(), argumentTypes(file, call), 0);
        };
    }

    private Type overload(SourceFile file, Call call, OverloadedFunction o, int skip) {
        List<Type> args = argumentTypes(file, call);
        for (FunctionLiteral f : o.overloads()) {
            if (accepts(f.signature(), args, call.keywords().size(), skip)) {
                return returnOf(f.signature(), args, skip);
            }
        }
        return DynamicType.UNKNOWN;
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

    /** The declared return type, with type variables solved from parameters annotated by exactly that variable. */
    Type returnOf(Signature s, List<Type> args, int skip) {
        Type ret = s.returns();
        if (!mentionsTypeVar(ret)) {
            return ret;
        }
        if (ret instanceof TypeVarType v) {
            List<Parameter> ps = s.parameters();
            for (int i = 0; i < args.size() && i + skip < ps.size(); i++) {
                Parameter p = ps.get(i + skip);
                if (p.annotatedType() instanceof TypeVarType pv && pv.ref().equals(v.ref())) {
                    return args.get(i);
                }
            }
        }
        return DynamicType.UNKNOWN;
    }

    private static boolean mentionsTypeVar(Type t) {
        return switch (t) {
            case TypeVarType v -> true;
            case InstanceType i -> i.classType().arguments().stream().anyMatch(Calls::mentionsTypeVar);
            case UnionType u -> u.members().stream().anyMatch(Calls::mentionsTypeVar);
            case TupleType tt -> tt.allElements().stream().anyMatch(Calls::mentionsTypeVar);
            case SubclassOfType s -> mentionsTypeVar(s.subclassOf());
            default -> false;
        };
    }

    private Type construct(SourceFile file, Call call, ClassType cls) {
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
        return ti.constructors.construct(file, call, cls, null);
    }

    /** {@code type(x)}: the class of a value. */
    private Type classOf(Type t) {
        return switch (t) {
            case InstanceType i -> new ClassLiteralType(i.classType());
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
