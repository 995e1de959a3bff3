package dev.typhon.semantic.infer;

import dev.typhon.ast.Expr;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Subscript;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.LiteralStringType;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * What iterating over a value produces, as a tuple shape: a tuple (or a tuple subclass) keeps its
 * elements apart, a short str or bytes literal is split into its characters or byte values, any
 * other iterable repeats its {@code __next__} type. Unpacking resizes this shape to its targets.
 */
final class Iteration {
    /** Longer literals are iterated as their class: a tuple of hundreds of one-character literals helps nobody. */
    private static final int MAX_LITERAL_ELEMENTS = 64;

    private final TypeInference ti;

    Iteration(TypeInference ti) {
        this.ti = ti;
    }

    /** The shape iterating {@code value} (not a union: callers split unions) yields, or null when it is not iterable. */
    @Nullable TupleType spec(Type value) {
        switch (value) {
            case DynamicType d -> {
                return TupleType.homogeneous(d);
            }
            case TupleType t -> {
                return t;
            }
            case Never n -> {
                return TupleType.homogeneous(Never.NEVER);
            }
            case StringLiteral s -> {
                int count = s.value().codePointCount(0, s.value().length());
                if (count >= MAX_LITERAL_ELEMENTS) {
                    return TupleType.homogeneous(LiteralStringType.LITERAL_STRING);
                }
                List<Type> chars = new ArrayList<>(count);
                s.value().codePoints().forEach(cp -> chars.add(new StringLiteral(Character.toString(cp))));
                return TupleType.fixed(chars);
            }
            case BytesLiteral b -> {
                if (b.value().length() >= MAX_LITERAL_ELEMENTS) {
                    return TupleType.homogeneous(ti.instance(KnownClass.INT));
                }
                List<Type> bytes = new ArrayList<>(b.value().length());
                for (int i = 0; i < b.value().length(); i++) {
                    bytes.add(new IntLiteral(b.value().charAt(i) & 0xff));
                }
                return TupleType.fixed(bytes);
            }
            case dev.typhon.semantic.types.NewTypeInstance n -> {
                return spec(n.base());
            }
            case TypeVarType v when v.bound() != null -> {
                return v.bound() instanceof UnionType ? TupleType.homogeneous(ti.calls.iterate(v.bound())) : spec(v.bound());
            }
            case InstanceType i -> {
                TupleType inherited = tupleBase(i);
                if (inherited != null) {
                    return inherited;
                }
            }
            default -> {
            }
        }
        if (isCertainlyNotIterable(value)) {
            return null;
        }
        return TupleType.homogeneous(ti.calls.iterate(value));
    }

    /**
     * The tuple shape a subclass of a specialized tuple ({@code class P(tuple[int, str])}) inherits,
     * or null. The shape is read from the base expression written in the nearest class of the MRO
     * that subclasses tuple directly, as a type expression: the MRO's flat argument list cannot say
     * {@code tuple[int, *tuple[str, ...]]}.
     */
    @Nullable TupleType tupleBase(InstanceType i) {
        if (i.exactShape() != null) {
            return i.exactShape();
        }
        if (i.isKnown(KnownClass.TUPLE)) {
            return null;
        }
        TupleType named = ti.namedTuples.tupleShape(i.literal());
        if (named != null) {
            return named;
        }
        List<ClassType> mro = ti.mro(i.literal()).classes();
        if (mro.stream().noneMatch(c -> c.literal().isKnown(KnownClass.TUPLE))) {
            return null;
        }
        for (ClassType c : mro) {
            if (c.literal().isKnown(KnownClass.TUPLE) || c.literal().isKnown(KnownClass.OBJECT)) {
                continue;
            }
            SourceFile file = ti.classes.file(c.literal());
            for (Expr base : ti.classes.node(c.literal()).bases()) {
                // `tuple[int, str]` written out, or an alias of it (`class struct_time(structseq[int], _TimeTuple)`)
                boolean candidate = base instanceof Subscript s ? ti.expressions.infer(file, s.value()) instanceof ClassLiteralType b
                        && b.literal().isKnown(KnownClass.TUPLE) : base instanceof dev.typhon.ast.Name
                        && ti.expressions.infer(file, base) instanceof ClassLiteralType n && n.literal().isKnown(KnownClass.TUPLE);
                if (candidate && ti.typeExpressions.annotation(file, base, null) instanceof TupleType t) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * A value seen as the tuple it is for an operation through {@code dunder} ({@code __getitem__},
     * {@code __lt__}, ...): a tuple, or an instance of a subclass of a specialized tuple that keeps
     * tuple's own {@code dunder} ({@code sys.version_info}, a named tuple, {@code os.stat_result}); null
     * for anything else, whose own method decides.
     */
    @Nullable TupleType tupleView(Type value, String dunder) {
        if (value instanceof TupleType t) {
            return t;
        }
        if (!(value instanceof InstanceType i) || i.isKnown(KnownClass.TUPLE)) {
            return null;
        }
        Members.ClassAttribute method = ti.members.classAttribute(i.classType(), dunder);
        if (method == null || method.owner() == null || !method.owner().isKnown(KnownClass.TUPLE)) {
            return null;
        }
        return tupleBase(i);
    }

    /**
     * Whether iterating certainly fails at run time: a value of a class Typhon knows completely that
     * has neither {@code __iter__} nor {@code __getitem__} (nor {@code __getattr__}).
     */
    boolean isCertainlyNotIterable(Type t) {
        boolean plain = switch (t) {
            case IntLiteral x -> true;
            case BoolLiteral x -> true;
            case NoneType x -> true;
            case InstanceType i -> !ti.mro(i.literal()).hasDynamic() && !ti.classes.info(i.literal()).isProtocol();
            default -> false;
        };
        if (!plain || !t.isFullyStatic()) {
            return false;
        }
        return ti.members.member(t, "__iter__") == null && ti.members.member(t, "__getitem__") == null
                && ti.members.member(t, "__getattr__") == null;
    }
}
