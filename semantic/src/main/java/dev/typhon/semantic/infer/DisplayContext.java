package dev.typhon.semantic.infer;

import dev.typhon.ast.Dict;
import dev.typhon.ast.DictComp;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ListComp;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.SetComp;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Tuple;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Bidirectional inference of displays: a list, set, dict or tuple display (or a comprehension)
 * written where a type is expected — an annotated or declared target, a {@code return}, a call's
 * argument — takes the expected container's element types when its elements fit them. So
 * {@code x: list[Base] = [Derived()]} is a {@code list[Base]}, though {@code [Derived()]} alone is a
 * {@code list[Derived]}, which {@code list[Base]} (invariant) would not accept. The expected type may
 * name the container or an ancestor of it ({@code Sequence[Base]}, {@code Mapping[str, Base]}), or be
 * a union with such a member ({@code list[Base] | None}).
 */
final class DisplayContext {
    /** Displays nested deeper than this are inferred on their own: context past it is rarely worth the work. */
    private static final int MAX_DEPTH = 8;

    private final TypeInference ti;

    DisplayContext(TypeInference ti) {
        this.ti = ti;
    }

    /** The type of {@code value} where {@code expected} (null: nothing in particular) is wanted. */
    Type infer(SourceFile file, Expr value, @Nullable Type expected) {
        return infer(file, value, expected, false, 0);
    }

    /**
     * The same for a call's argument: a dict display meant as a TypedDict becomes one only when it is
     * a valid one, so that the argument's own type is what an error shows.
     */
    Type argument(SourceFile file, Expr value, @Nullable Type expected) {
        return infer(file, value, expected, true, 0);
    }

    private Type infer(SourceFile file, Expr value, @Nullable Type expected, boolean argument, int depth) {
        if (expected != null && ti.typedDicts.mentionsTypedDict(expected)) {
            return argument ? ti.typedDicts.argument(file, value, expected) : ti.typedDicts.inContext(file, value, expected);
        }
        Type plain = ti.expressions.infer(file, value);
        if (expected == null || expected.isDynamic() || depth > MAX_DEPTH || !isDisplay(value)
                || (plain.isAssignableTo(ti, expected) && plain.isFullyStatic())) {
            // a display with gradual parts (`[None]` is `list[None | Unknown]`) still takes the context's types
            return plain;
        }
        Type contextual = contextual(file, value, expected, argument, depth);
        return contextual != null ? contextual : plain;
    }

    private static boolean isDisplay(Expr e) {
        return e instanceof dev.typhon.ast.List || e instanceof dev.typhon.ast.Set || e instanceof Dict || e instanceof Tuple
                || e instanceof ListComp || e instanceof SetComp || e instanceof DictComp;
    }

    /** The display's type built from {@code expected}'s element types, or null when its elements do not fit them. */
    private @Nullable Type contextual(SourceFile file, Expr value, Type expected, boolean argument, int depth) {
        if (expected instanceof UnionType u) {
            for (Type m : u.members()) {
                if (m == NoneType.NONE || m.isDynamic()) {
                    continue;
                }
                Type t = contextual(file, value, m, argument, depth);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
        return switch (value) {
            case dev.typhon.ast.List l -> sequence(file, KnownClass.LIST, l.elts(), expected, argument, depth);
            case dev.typhon.ast.Set s -> sequence(file, KnownClass.SET, s.elts(), expected, argument, depth);
            case ListComp c -> comprehension(file, KnownClass.LIST, c.elt(), expected, argument, depth);
            case SetComp c -> comprehension(file, KnownClass.SET, c.elt(), expected, argument, depth);
            case Dict d -> dict(file, d, expected, argument, depth);
            case DictComp c -> dictComprehension(file, c, expected, argument, depth);
            case Tuple t -> tuple(file, t, expected, argument, depth);
            default -> null;
        };
    }

    private @Nullable Type sequence(SourceFile file, KnownClass container, List<Expr> elements, Type expected,
            boolean argument, int depth) {
        List<Type> args = containerArguments(container, expected);
        if (args == null || args.size() != 1) {
            return null;
        }
        Type element = args.get(0);
        for (Expr e : elements) {
            if (!fits(file, e, element, argument, depth)) {
                return null;
            }
        }
        return container.toSpecializedInstance(ti, List.of(element));
    }

    private @Nullable Type comprehension(SourceFile file, KnownClass container, Expr elt, Type expected, boolean argument,
            int depth) {
        List<Type> args = containerArguments(container, expected);
        if (args == null || args.size() != 1 || elt instanceof Starred || !fits(file, elt, args.get(0), argument, depth)) {
            return null;
        }
        return container.toSpecializedInstance(ti, args);
    }

    private @Nullable Type dict(SourceFile file, Dict d, Type expected, boolean argument, int depth) {
        List<Type> args = containerArguments(KnownClass.DICT, expected);
        if (args == null || args.size() != 2) {
            return null;
        }
        for (int k = 0; k < d.values().size(); k++) {
            Expr key = d.keys().get(k);
            if (key == null) {
                // `**other`: its own items must fit
                Type spread = ti.expressions.infer(file, d.values().get(k));
                if (!spread.isAssignableTo(ti, KnownClass.MAPPING.toSpecializedInstance(ti, args))) {
                    return null;
                }
            } else if (!fits(file, key, args.get(0), argument, depth) || !fits(file, d.values().get(k), args.get(1), argument, depth)) {
                return null;
            }
        }
        return KnownClass.DICT.toSpecializedInstance(ti, args);
    }

    private @Nullable Type dictComprehension(SourceFile file, DictComp c, Type expected, boolean argument, int depth) {
        List<Type> args = containerArguments(KnownClass.DICT, expected);
        if (args == null || args.size() != 2 || !fits(file, c.key(), args.get(0), argument, depth)
                || !fits(file, c.value(), args.get(1), argument, depth)) {
            return null;
        }
        return KnownClass.DICT.toSpecializedInstance(ti, args);
    }

    /** A tuple display takes each element's context from the expected tuple (or the element type of an expected sequence). */
    private @Nullable Type tuple(SourceFile file, Tuple t, Type expected, boolean argument, int depth) {
        if (t.elts().stream().anyMatch(e -> e instanceof Starred)) {
            return null;
        }
        List<Type> out = new ArrayList<>(t.elts().size());
        for (int i = 0; i < t.elts().size(); i++) {
            Type want = switch (expected) {
                case TupleType tt when tt.isFixed() -> tt.elements().size() == t.elts().size() ? tt.elements().get(i) : null;
                case TupleType tt -> i < tt.prefix().size() ? tt.prefix().get(i) : tt.variable();
                default -> {
                    List<Type> args = containerArguments(KnownClass.TUPLE, expected);
                    yield args != null && args.size() == 1 ? args.get(0) : null;
                }
            };
            if (want == null) {
                return null;
            }
            Type have = infer(file, t.elts().get(i), want, argument, depth + 1);
            if (!have.isAssignableTo(ti, want)) {
                return null;
            }
            out.add(have);
        }
        return TupleType.fixed(out);
    }

    private boolean fits(SourceFile file, Expr e, Type want, boolean argument, int depth) {
        if (e instanceof Starred s) {
            return ti.calls.iterate(ti.expressions.infer(file, s.value())).isAssignableTo(ti, want);
        }
        return infer(file, e, want, argument, depth + 1).isAssignableTo(ti, want);
    }

    /**
     * The type arguments {@code container} would need to be {@code expected}: {@code expected}'s own
     * when it is the container ({@code list[Base]}), else read through the container's MRO when
     * {@code expected} is an ancestor whose parameters are the container's ({@code Sequence[Base]},
     * {@code Iterable[Base]}, {@code Mapping[str, Base]}); null when the container cannot be it.
     */
    private @Nullable List<Type> containerArguments(KnownClass container, Type expected) {
        if (!(expected instanceof InstanceType e)) {
            return null;
        }
        ClassLiteral cls = ti.knownClass(container);
        if (cls == null) {
            return null;
        }
        if (e.literal().equals(cls)) {
            return e.classType().arguments().isEmpty() ? null : e.classType().arguments();
        }
        List<TypeVarType> params = ti.typeParameters(cls);
        for (ClassType ancestor : ti.mro(cls).classes()) {
            if (!ancestor.literal().equals(e.literal())) {
                continue;
            }
            if (ancestor.arguments().size() != e.classType().arguments().size()) {
                return null;
            }
            Type[] out = new Type[params.size()];
            for (int i = 0; i < ancestor.arguments().size(); i++) {
                if (!(ancestor.arguments().get(i) instanceof TypeVarType v)) {
                    return null;
                }
                for (int p = 0; p < params.size(); p++) {
                    if (params.get(p).ref().equals(v.ref())) {
                        out[p] = e.classType().arguments().get(i);
                    }
                }
            }
            List<Type> args = new ArrayList<>(out.length);
            for (Type t : out) {
                args.add(t == null ? DynamicType.UNKNOWN : t);
            }
            return args;
        }
        return null;
    }
}
