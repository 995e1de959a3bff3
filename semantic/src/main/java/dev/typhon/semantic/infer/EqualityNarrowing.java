package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.EnumLiteral;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.IntersectionBuilder;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.LiteralStringType;
import dev.typhon.semantic.types.ModuleLiteral;
import dev.typhon.semantic.types.Mro;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Narrowing by {@code ==}, {@code !=}, {@code in} and {@code not in}. It works member by member of
 * the narrowed type ({@code bool} taken as {@code Literal[True] | Literal[False]}), judging from
 * which class's {@code __eq__} each side uses whether the two can compare equal at all: values of
 * builtin scalar classes compare by value (ints and bools, and floats, with each other), classes
 * that keep {@code object.__eq__} by identity, and a class with its own {@code __eq__} may equal
 * anything. As in ty, an unseen subclass is assumed not to override equality.
 */
final class EqualityNarrowing {
    private final TypeInference ti;

    EqualityNarrowing(TypeInference ti) {
        this.ti = ti;
    }

    /** How the objects of a type compare for equality. */
    /** MAPPING: a TypedDict, a dict at run time, which equals only other mappings. */
    private enum Domain { IDENTITY, NUMBER, STR, BYTES, MAPPING, OTHER }

    /**
     * {@code current == other} holds ({@code positive}) or does not: the narrowed type, or null
     * when the test tells nothing.
     */
    @Nullable Type equal(Type current, Type other, boolean positive) {
        if (other.isDynamic()) {
            return null;
        }
        return positive ? mayEqual(current, members(other)) : notEqual(current, other);
    }

    /**
     * {@code current in container} holds ({@code positive}) or does not, the container's elements
     * given (a display's, or a fixed tuple's): the narrowed type, or null when it tells nothing.
     */
    @Nullable Type member(Type current, List<Type> elements, boolean positive) {
        List<Type> all = new ArrayList<>();
        for (Type e : elements) {
            if (e.isDynamic()) {
                return null;
            }
            all.addAll(members(e));
        }
        if (positive) {
            return mayEqual(current, all);
        }
        Type t = current;
        boolean any = false;
        for (Type e : elements) { // an element of several possible values excludes none of them
            Type n = notEqual(t, e);
            if (n != null) {
                t = n;
                any = true;
            }
        }
        return any ? t : null;
    }

    /** The members of {@code current} that may equal one of {@code others}, broad builtins narrowed to the literal they equal. */
    private @Nullable Type mayEqual(Type current, List<Type> others) {
        if (current.isDynamic()) {
            return null;
        }
        UnionBuilder out = new UnionBuilder(ti);
        boolean changed = false;
        for (Type m : expand(current)) {
            if (m.isDynamic()) {
                out.add(m);
                continue;
            }
            UnionBuilder kept = new UnionBuilder(ti);
            boolean whole = false;
            boolean strict = ti.program.strictEqualitySemantics();
            for (Type w : others) {
                if (strict && !(isValue(m) && isValue(w))) {
                    whole = true; // an unseen subclass may compare equal to anything
                    break;
                }
                if (!canEqual(m, w)) {
                    continue;
                }
                if (isBroadBuiltin(m) && isLiteral(w) && w.isSubtypeOf(ti, m)) {
                    kept.add(w);
                } else {
                    whole = true;
                    break;
                }
            }
            if (whole) {
                out.add(m);
            } else {
                Type k = kept.build();
                changed |= !k.equals(m);
                out.add(k);
            }
        }
        return changed ? out.build() : current;
    }

    /** {@code current != other}: only a single-valued {@code other} removes anything. */
    private @Nullable Type notEqual(Type current, Type other) {
        if (current.isDynamic() || !other.isSingleValued(ti)) {
            return null;
        }
        Domain od = domain(other);
        UnionBuilder out = new UnionBuilder(ti);
        boolean changed = false;
        for (Type m : expand(current)) {
            if (m.isDynamic()) {
                out.add(m);
                continue;
            }
            if (isValue(m) && sameValue(m, other)) {
                changed = true; // certainly equal: gone
                continue;
            }
            if (m.equals(other) && m.isSingleton(ti)) {
                changed = true;
                continue;
            }
            // `int`, or `int & ~Literal[1]` narrowed before (`x not in (1, 2)` excludes one value at a time)
            Type base = m instanceof dev.typhon.semantic.types.IntersectionType x && x.positive().size() == 1
                    ? x.positive().get(0) : m;
            if ((isBroadBuiltin(base) || base instanceof LiteralStringType) && domain(base) == od && other.isSubtypeOf(ti, m)) {
                IntersectionBuilder b = new IntersectionBuilder(ti).addPositive(m).addNegative(other);
                Type twin = equalTwin(other);
                if (twin != null && twin.isSubtypeOf(ti, base)) {
                    b.addNegative(twin); // 1 == True and 0 == False: an int unequal to one is unequal to both
                }
                out.add(b.build());
                changed = true;
                continue;
            }
            out.add(m);
        }
        return changed ? out.build() : current;
    }

    /** The other literal equal to a number literal: {@code True} for {@code 1}, {@code 0} for {@code False}; else null. */
    private static @Nullable Type equalTwin(Type literal) {
        return switch (literal) {
            case IntLiteral i when i.value() == 0 || i.value() == 1 -> BoolLiteral.of(i.value() == 1);
            case BoolLiteral b -> new IntLiteral(b.value() ? 1 : 0);
            default -> null;
        };
    }

    /** A type's members, {@code bool} split into its two values. */
    private List<Type> expand(Type t) {
        List<Type> out = new ArrayList<>();
        List<Type> members = t instanceof UnionType u ? u.members() : List.of(t);
        for (Type m : members) {
            List<String> enumMembers = m instanceof InstanceType i && i.classType().arguments().isEmpty()
                    ? ti.enumMembers(i.literal()) : null;
            if (m instanceof InstanceType i && i.isKnown(KnownClass.BOOL)) {
                out.add(BoolLiteral.TRUE);
                out.add(BoolLiteral.FALSE);
            } else if (enumMembers != null && enumMembers.size() > 1) {
                // an enum is its members: each compares equal to itself only
                for (String name : enumMembers) {
                    out.add(new EnumLiteral(((InstanceType) m).literal(), name));
                }
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static List<Type> members(Type t) {
        return t instanceof UnionType u ? u.members() : List.of(t);
    }

    /** Whether an object of {@code a} may compare equal to one of {@code b} (each a non-union type). */
    boolean canEqual(Type a, Type b) {
        if (a.isDynamic() || b.isDynamic()) {
            return true;
        }
        Domain da = domain(a);
        Domain db = domain(b);
        if (da == Domain.OTHER || db == Domain.OTHER) {
            return true;
        }
        if (da != db) {
            return false;
        }
        if (a instanceof EnumLiteral ea && b instanceof EnumLiteral eb && ea.enumClass().equals(eb.enumClass())) {
            // distinct members of one enum have distinct values when both are known (aliases are resolved)
            return ea.equals(eb) || !(ti.enums.hasLiteralValue(ea) && ti.enums.hasLiteralValue(eb));
        }
        if (da == Domain.IDENTITY) {
            return !a.isDisjointFrom(ti, b);
        }
        if (isValue(a) && isValue(b)) {
            return sameValue(a, b);
        }
        return true;
    }

    /** A literal whose value is known, or a member of an int- or str-valued enum with one: it compares by that value. */
    private boolean isValue(Type t) {
        return valueOf(t) != null;
    }

    private @Nullable Type valueOf(Type t) {
        if (t instanceof IntLiteral || t instanceof BoolLiteral || t instanceof StringLiteral || t instanceof BytesLiteral) {
            return t;
        }
        if (t instanceof EnumLiteral e && domain(e) != Domain.IDENTITY && domain(e) != Domain.OTHER) {
            Type v = ti.enums.specialAttribute(e, "_value_");
            return v instanceof EnumLiteral ? null : v == null ? null : valueOf(v);
        }
        return null;
    }

    private static boolean isLiteral(Type t) {
        return t instanceof IntLiteral || t instanceof BoolLiteral || t instanceof StringLiteral
                || t instanceof BytesLiteral;
    }

    private boolean sameValue(Type x, Type y) {
        Type a = valueOf(x);
        Type b = valueOf(y);
        if (a == null || b == null) {
            return false;
        }
        Long ia = number(a);
        Long ib = number(b);
        if (ia != null || ib != null) {
            return ia != null && ia.equals(ib);
        }
        return a.equals(b);
    }

    private static @Nullable Long number(Type t) {
        return switch (t) {
            case IntLiteral i -> i.value();
            case BoolLiteral b -> b.value() ? 1L : 0L;
            default -> null;
        };
    }

    /** Exactly {@code int}, {@code str}, {@code bytes} or {@code LiteralString}: equal to a literal, it is that literal. */
    private static boolean isBroadBuiltin(Type t) {
        return t instanceof LiteralStringType || (t instanceof InstanceType i && i.classType().arguments().isEmpty()
                && (i.isKnown(KnownClass.INT) || i.isKnown(KnownClass.STR) || i.isKnown(KnownClass.BYTES)));
    }

    private Domain domain(Type t) {
        return switch (t) {
            case IntLiteral i -> Domain.NUMBER;
            case BoolLiteral b -> Domain.NUMBER;
            case StringLiteral s -> Domain.STR;
            case LiteralStringType s -> Domain.STR;
            case BytesLiteral b -> Domain.BYTES;
            case NoneType n -> Domain.IDENTITY;
            case ClassLiteralType c -> ti.metaclass(c.literal()).literal().isKnown(KnownClass.TYPE) ? Domain.IDENTITY
                    : Domain.OTHER;
            case FunctionLiteral f -> Domain.IDENTITY;
            case ModuleLiteral m -> Domain.IDENTITY;
            case EnumLiteral e -> instanceDomain(e.fallback());
            case InstanceType i -> instanceDomain(i);
            default -> Domain.OTHER;
        };
    }

    /** The domain of the class whose {@code __eq__} the instances use (the first in the MRO that defines one). */
    private Domain instanceDomain(InstanceType i) {
        if (i.isKnown(KnownClass.NONE_TYPE)) {
            return Domain.IDENTITY;
        }
        if (ti.typedDicts.of(i) != null) {
            return Domain.MAPPING;
        }
        Mro mro = ti.mro(i.literal());
        for (Type entry : mro.entries()) {
            if (entry.isDynamic()) {
                return Domain.OTHER;
            }
            if (!(entry instanceof ClassLiteralType c)) {
                continue;
            }
            dev.typhon.semantic.types.ClassLiteral cls = c.literal();
            if (cls.isKnown(KnownClass.OBJECT)) {
                return Domain.IDENTITY;
            }
            if (ti.classes.ownMember(cls, "__eq__") == null) {
                continue;
            }
            KnownClass k = cls.known();
            if (k == null) {
                return Domain.OTHER;
            }
            return switch (k) {
                case INT, BOOL, FLOAT, COMPLEX -> Domain.NUMBER;
                case STR -> Domain.STR;
                case BYTES -> Domain.BYTES;
                default -> Domain.OTHER;
            };
        }
        return Domain.OTHER;
    }
}
