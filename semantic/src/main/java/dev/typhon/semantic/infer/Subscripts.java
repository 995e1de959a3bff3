package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.Subscript;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscript expressions ({@code value[index]}): special forms and generic classes specialized as
 * values ({@code list[int]}), tuples, strs and bytes literals indexed and sliced by literals
 * (negative indexes count from the end), then {@code __getitem__} of the value's type, or
 * {@code __class_getitem__} of a class. Unions are subscripted member by member.
 */
final class Subscripts {
    private final TypeInference ti;

    Subscripts(TypeInference ti) {
        this.ti = ti;
    }

    Type infer(SourceFile file, Subscript s) {
        Type value = ti.expressions.infer(file, s.value());
        if (value instanceof dev.typhon.semantic.types.SpecialFormType form) {
            // `Literal[1]`, `Optional[int]` as values: special forms that stand for their type in annotations
            Type meant = ti.typeExpressions.annotation(file, s, null);
            return new dev.typhon.semantic.types.KnownInstanceType(KnownClass.SPECIAL_FORM, meant,
                    form.qualifiedName() + "[...]");
        }
        if (value instanceof UnionType u && !u.members().isEmpty()
                && u.members().stream().allMatch(m -> m instanceof ClassLiteralType c && c.classType().arguments().isEmpty()
                        && !ti.typeParameters(c.literal()).isEmpty())) {
            // one of several generic classes, each specialized alike
            List<Type> args = ti.typeExpressions.arguments(file, s.slice());
            UnionBuilder b = new UnionBuilder(ti);
            for (Type m : u.members()) {
                b.add(new ClassLiteralType(ti.genericClasses.specialize(((ClassLiteralType) m).literal(), args).type()));
            }
            return b.build();
        }
        if (value instanceof ClassLiteralType c && c.classType().arguments().isEmpty()) {
            if (c.literal().isKnown(KnownClass.TUPLE)
                    && ti.typeExpressions.annotation(file, s, null) instanceof dev.typhon.semantic.types.TupleType t) {
                // `tuple[A, B]` as a value (a legacy alias's): its elements, or `tuple[X, ...]` marked as such
                return new ClassLiteralType(new ClassType(c.literal(), TypeExpressions.tupleArguments(ti, t)));
            }
            if (c.literal().isKnown(KnownClass.TUPLE) || c.literal().isKnown(KnownClass.TYPE)
                    || ti.classes.info(c.literal()).opaqueParameters()) {
                List<Type> args = ti.typeExpressions.arguments(file, s.slice());
                return new ClassLiteralType(new ClassType(c.literal(), args));
            }
            if (!ti.typeParameters(c.literal()).isEmpty()) {
                List<Type> args = ti.typeExpressions.arguments(file, s.slice());
                return new ClassLiteralType(ti.genericClasses.specialize(c.literal(), args).type());
            }
            if (ti.classes.member(c.classType(), "__class_getitem__") == null
                    && ti.genericClasses.hasGenericAncestor(c.literal())) {
                return DynamicType.UNKNOWN; // not-subscriptable, reported by the checker
            }
        }
        Type r = tryIndex(file, s, value, ti.expressions.infer(file, s.slice()));
        return r == null ? DynamicType.UNKNOWN : r;
    }

    /** {@code value[index]}, or null when it fails (not subscriptable, index rejected or out of bounds). */
    private @Nullable Type tryIndex(SourceFile file, Subscript s, Type value, Type index) {
        if (value.isDynamic()) {
            return value;
        }
        if (value instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            for (Type m : u.members()) {
                Type r = tryIndex(file, s, m, index);
                b.add(r == null ? DynamicType.UNKNOWN : r);
            }
            return b.build();
        }
        if (ti.typedDicts.of(value) instanceof dev.typhon.semantic.types.ClassLiteral td) {
            return ti.typedDicts.subscript(td, index); // null (Unknown, invalid-key) for a key it does not declare
        }
        Long at = literalIndex(index);
        if (value instanceof InstanceType && (at != null || s.slice() instanceof dev.typhon.ast.Slice)) {
            // a named tuple (or other subclass of a specialized tuple) is indexed as the tuple it is
            TupleType shape = ti.iteration.tupleView(value, "__getitem__");
            if (shape != null) {
                value = shape;
            }
        }
        if (at != null) {
            Type element = literalElement(value, at);
            if (element != null) {
                return element.isNever() ? null : element;
            }
        }
        if (s.slice() instanceof dev.typhon.ast.Slice sl) {
            Type sliced = literalSlice(file, value, sl);
            if (sliced != null) {
                return sliced;
            }
        }
        return switch (getItem(value, index)) {
            case Dunders.Returned r -> r.type();
            default -> null;
        };
    }

    /** Calls {@code __getitem__} of the value's type, or {@code __class_getitem__} of a class object. */
    private Dunders.Outcome getItem(Type value, Type index) {
        Dunders.Outcome viaType = ti.dunders.call(value, "__getitem__", List.of(index));
        if (!(viaType instanceof Dunders.Missing)) {
            return viaType;
        }
        ClassType cls = switch (value) {
            case ClassLiteralType c -> c.classType();
            case SubclassOfType sub when sub.subclassOf() instanceof InstanceType i -> i.classType();
            default -> null;
        };
        if (cls != null) {
            Type classGetItem = ti.members.member(value, "__class_getitem__");
            if (classGetItem != null) {
                return ti.dunders.invoke(classGetItem, List.of(index));
            }
        }
        return viaType;
    }

    /**
     * The element of a tuple, str or bytes literal at a literal index; Never when it is out of
     * bounds, null when the value is not such a literal.
     */
    private @Nullable Type literalElement(Type value, long at) {
        if (value instanceof TupleType t && !t.isFixed()) {
            return variableTupleElement(t, at);
        }
        int length = literalLength(value);
        if (length < 0) {
            return null;
        }
        long k = at < 0 ? length + at : at;
        if (k < 0 || k >= length) {
            return dev.typhon.semantic.types.Never.NEVER;
        }
        return switch (value) {
            case TupleType t -> t.elements().get((int) k);
            case StringLiteral str -> new StringLiteral(new String(Character.toChars(str.value().codePointAt(
                    str.value().offsetByCodePoints(0, (int) k)))));
            case BytesLiteral b -> new IntLiteral(b.value().charAt((int) k));
            default -> null;
        };
    }

    /**
     * {@code t[k]} of a tuple with a variable part ({@code tuple[int, *tuple[str, ...], bytes]}): a
     * prefix element when {@code k} is within the prefix, else the variable element or any suffix
     * element the index may reach (and symmetrically from the end for negative indexes).
     */
    private Type variableTupleElement(TupleType t, long at) {
        List<Type> prefix = t.prefix();
        List<Type> suffix = t.suffix();
        UnionBuilder b = new UnionBuilder(ti);
        if (at >= 0) {
            if (at < prefix.size()) {
                return prefix.get((int) at);
            }
            b.add(t.variable());
            long reach = at - prefix.size();
            for (int j = 0; j < suffix.size() && j <= reach; j++) {
                b.add(suffix.get(j));
            }
        } else {
            long fromEnd = -at;
            if (fromEnd <= suffix.size()) {
                return suffix.get((int) (suffix.size() - fromEnd));
            }
            b.add(t.variable());
            long reach = fromEnd - suffix.size();
            for (int j = prefix.size() - 1; j >= 0 && prefix.size() - j <= reach; j--) {
                b.add(prefix.get(j));
            }
        }
        return b.build();
    }

    /** A fixed tuple, str or bytes literal sliced by literal bounds; null otherwise (or for a zero step). */
    private @Nullable Type literalSlice(SourceFile file, Type value, dev.typhon.ast.Slice sl) {
        int length = literalLength(value);
        if (length < 0) {
            return null;
        }
        Long lower = sl.lower() == null ? null : literalIndex(ti.expressions.infer(file, sl.lower()));
        Long upper = sl.upper() == null ? null : literalIndex(ti.expressions.infer(file, sl.upper()));
        Long step = sl.step() == null ? null : literalIndex(ti.expressions.infer(file, sl.step()));
        if ((sl.lower() != null && lower == null) || (sl.upper() != null && upper == null)
                || (sl.step() != null && (step == null || step == 0))) {
            return null;
        }
        List<Integer> picked = pythonSlice(length, lower, upper, step == null ? 1 : step);
        return switch (value) {
            case TupleType t -> {
                List<Type> elements = new ArrayList<>();
                picked.forEach(k -> elements.add(t.elements().get(k)));
                yield TupleType.fixed(elements);
            }
            case StringLiteral str -> {
                int[] cps = str.value().codePoints().toArray();
                StringBuilder sb = new StringBuilder();
                picked.forEach(k -> sb.appendCodePoint(cps[k]));
                yield new StringLiteral(sb.toString());
            }
            case BytesLiteral b -> {
                StringBuilder sb = new StringBuilder();
                picked.forEach(k -> sb.append(b.value().charAt(k)));
                yield new BytesLiteral(sb.toString());
            }
            default -> null;
        };
    }

    /**
     * What is wrong with a subscript: an index out of a literal's bounds, a zero slice step on a
     * built-in sequence, a value whose type has no {@code __getitem__} ({@code not-subscriptable}),
     * an index {@code __getitem__} rejects.
     */
    List<Problem> problems(SourceFile file, Subscript s) {
        List<Problem> out = new ArrayList<>();
        Type value = ti.expressions.infer(file, s.value());
        if (value instanceof dev.typhon.semantic.types.SpecialFormType || value.isDynamic()) {
            return out;
        }
        if (value instanceof ClassLiteralType c && (c.classType().arguments().isEmpty()
                && (!ti.typeParameters(c.literal()).isEmpty() || c.literal().isKnown(KnownClass.TUPLE)
                || c.literal().isKnown(KnownClass.TYPE) || ti.classes.info(c.literal()).opaqueParameters()))) {
            return out;
        }
        Type index = ti.expressions.infer(file, s.slice());
        for (Type member : value instanceof UnionType u ? u.members() : List.of(value)) {
            memberProblems(file, s, member, index, out);
        }
        return out;
    }

    private void memberProblems(SourceFile file, Subscript s, Type value, Type index, List<Problem> out) {
        if (ti.typedDicts.of(value) instanceof dev.typhon.semantic.types.ClassLiteral td) {
            String problem = ti.typedDicts.subscriptProblem(td, index);
            if (problem != null) {
                out.add(new Problem("invalid-key", problem, null, s.slice().startOffset(), s.slice().endOffset()));
            }
            return;
        }
        if (value.isDynamic() || value.isNever()
                || (value instanceof InstanceType && ti.dunders.lookup(value, "__get__") != null)) {
            // TypedDicts' and descriptors' own behaviour is not modelled: do not judge them
            return;
        }
        if ((value instanceof ClassLiteralType || value instanceof SubclassOfType) && mayBeGeneric(value)) {
            return;
        }
        Long at = literalIndex(index);
        if (value instanceof InstanceType i && at != null && ti.namedTuples.tupleShape(i.literal()) instanceof TupleType shape
                && literalElement(shape, at) instanceof Type e && e.isNever()) {
            out.add(new Problem("index-out-of-bounds", "Index " + at + " is out of bounds for tuple `" + value.display()
                    + "` with length " + shape.elements().size(), null, s.startOffset(), s.endOffset()));
            return;
        }
        if (at != null && literalElement(value, at) instanceof Type e && e.isNever()) {
            String what = switch (value) {
                case TupleType t -> "tuple";
                case StringLiteral str -> "string";
                default -> "bytes literal";
            };
            out.add(new Problem("index-out-of-bounds", "Index " + at + " is out of bounds for " + what + " `"
                    + value.display() + "` with length " + literalLength(value), null, s.startOffset(), s.endOffset()));
            return;
        }
        if (s.slice() instanceof dev.typhon.ast.Slice sl && sl.step() != null
                && literalIndex(ti.expressions.infer(file, sl.step())) instanceof Long step && step == 0
                && hasBuiltinGetItem(value)) {
            out.add(new Problem("zero-stepsize-in-slice", "Slice step size cannot be zero", null, s.startOffset(),
                    s.endOffset()));
            return;
        }
        if (at != null && literalElement(value, at) != null) {
            return;
        }
        if (s.slice() instanceof dev.typhon.ast.Slice sl && literalSlice(file, value, sl) != null) {
            return;
        }
        Dunders.Outcome outcome = getItem(value, index);
        if (outcome instanceof Dunders.Missing) {
            boolean isClass = value instanceof ClassLiteralType || value instanceof SubclassOfType;
            out.add(new Problem("not-subscriptable", "Cannot subscript object of type `" + value.display() + "` with no `"
                    + (isClass ? "__class_getitem__" : "__getitem__") + "` method", null, s.startOffset(), s.endOffset()));
        } else if (outcome instanceof Dunders.Rejected && index.isFullyStatic()) {
            out.add(new Problem("invalid-argument-type", "Method `__getitem__` of type `" + value.display()
                    + "` cannot be called with key of type `" + index.display() + "` on object of type `" + value.display()
                    + "`", null, s.startOffset(), s.endOffset()));
        }
    }

    /**
     * Whether a class object may be subscriptable through a generic base that Typhon does not model
     * fully ({@code Generic[T]}, a specialized generic base): its bases are subscripts, or a class of
     * its MRO has type parameters.
     */
    private boolean mayBeGeneric(Type value) {
        ClassType cls = switch (value) {
            case ClassLiteralType c -> c.classType();
            case SubclassOfType sub when sub.subclassOf() instanceof InstanceType i -> i.classType();
            default -> null;
        };
        if (cls == null) {
            return true;
        }
        for (ClassType c : ti.mro(cls.literal()).classes()) {
            if (!ti.typeParameters(c.literal()).isEmpty() || !c.arguments().isEmpty()) {
                return true;
            }
            try {
                for (dev.typhon.ast.Expr base : ti.classes.node(c.literal()).bases()) {
                    if (base instanceof Subscript) {
                        return true;
                    }
                }
            } catch (RuntimeException e) {
                return true;
            }
        }
        return false;
    }

    /** Whether the value's {@code __getitem__} is that of a built-in sequence, which rejects a zero slice step. */
    private boolean hasBuiltinGetItem(Type value) {
        if (value instanceof TupleType || value instanceof StringLiteral || value instanceof BytesLiteral
                || value instanceof dev.typhon.semantic.types.LiteralStringType) {
            return true;
        }
        if (!(value instanceof InstanceType i)) {
            return false;
        }
        for (Type entry : ti.mro(i.literal()).entries()) {
            if (entry instanceof ClassLiteralType c && ti.classes.ownMember(c.literal(), "__getitem__") != null) {
                ClassType owner = c.classType();
                return owner.isKnown(KnownClass.LIST) || owner.isKnown(KnownClass.TUPLE) || owner.isKnown(KnownClass.STR)
                        || owner.isKnown(KnownClass.BYTES) || owner.isKnown(KnownClass.BYTEARRAY)
                        || owner.isKnown(KnownClass.MEMORYVIEW) || owner.isKnown(KnownClass.RANGE);
            }
            if (entry.isDynamic()) {
                return false;
            }
        }
        return false;
    }

    /** An int (or bool) literal used as an index, or null. */
    static @Nullable Long literalIndex(Type t) {
        return switch (t) {
            case IntLiteral i -> i.value();
            case BoolLiteral b -> b.value() ? 1L : 0L;
            default -> null;
        };
    }

    /** The length of a fixed tuple, str or bytes literal; -1 for other values. */
    static int literalLength(Type t) {
        return switch (t) {
            case TupleType tt when tt.isFixed() -> tt.elements().size();
            case StringLiteral s -> s.value().codePointCount(0, s.value().length());
            case BytesLiteral b -> b.value().length();
            default -> -1;
        };
    }

    /** The indices {@code seq[lower:upper:step]} takes from a sequence of {@code length}, as CPython computes them. */
    static List<Integer> pythonSlice(int length, @Nullable Long lower, @Nullable Long upper, long step) {
        long start;
        long stop;
        if (step > 0) {
            start = lower == null ? 0 : lower < 0 ? Math.max(0, length + lower) : Math.min(lower, length);
            stop = upper == null ? length : upper < 0 ? Math.max(0, length + upper) : Math.min(upper, length);
        } else {
            start = lower == null ? length - 1 : lower < 0 ? Math.max(-1, length + lower) : Math.min(lower, length - 1);
            stop = upper == null ? -1 : upper < 0 ? Math.max(-1, length + upper) : Math.min(upper, length - 1);
        }
        List<Integer> out = new ArrayList<>();
        for (long k = start; step > 0 ? k < stop : k > stop; k += step) {
            out.add((int) k);
        }
        return out;
    }
}
