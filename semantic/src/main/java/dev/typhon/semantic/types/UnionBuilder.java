package dev.typhon.semantic.types;

import java.util.ArrayList;
import java.util.List;

/**
 * The only way to make a union. Adding a type flattens nested unions, drops {@code Never} and
 * duplicates, drops a member another member already contains ({@code Literal[1] | int} is
 * {@code int}; {@code object} absorbs every static type), turns {@code Literal[True] | Literal[False]}
 * into {@code bool}, widens a very large literal set to its class, and keeps one dynamic type
 * (dynamic types are never absorbed by a static one). Members keep insertion order.
 */
public final class UnionBuilder {
    /** ty's limit: more distinct literals of one kind than this become their class. */
    static final int MAX_LITERALS = 200;

    private final TypeDb db;
    private final List<Type> members = new ArrayList<>();

    public UnionBuilder(TypeDb db) {
        this.db = db;
    }

    public static Type of(TypeDb db, Type... types) {
        UnionBuilder b = new UnionBuilder(db);
        for (Type t : types) {
            b.add(t);
        }
        return b.build();
    }

    public static Type of(TypeDb db, Iterable<? extends Type> types) {
        UnionBuilder b = new UnionBuilder(db);
        for (Type t : types) {
            b.add(t);
        }
        return b.build();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public UnionBuilder add(Type t) {
        switch (t) {
            case UnionType u -> u.members().forEach(this::addOne);
            default -> addOne(t);
        }
        return this;
    }

    private void addOne(Type t) {
        if (t == Never.NEVER) {
            return;
        }
        if (t.isDynamic()) {
            for (Type m : members) {
                if (m.isDynamic()) {
                    return; // several dynamic types collapse into the first
                }
            }
            members.add(t);
            return;
        }
        if (t == BoolLiteral.TRUE || t == BoolLiteral.FALSE) {
            Type other = t == BoolLiteral.TRUE ? BoolLiteral.FALSE : BoolLiteral.TRUE;
            int at = members.indexOf(other);
            if (at >= 0) {
                Type bool = KnownClass.BOOL.toInstance(db);
                if (!bool.isDynamic()) {
                    members.remove(at);
                    addOne(bool);
                    return;
                }
            }
        }
        Type simplified = withoutComplements(t);
        if (simplified != t) {
            addOne(simplified);
            return;
        }
        for (Type m : members) {
            if (m.equals(t) || (!m.isDynamic() && !distinctLiterals(m, t) && Relations.isRedundant(db, t, m))) {
                return;
            }
        }
        if (!members.isEmpty() && complementsAMember(t)) {
            // ~t <: m, so t | m is at least t | ~t, which is object: so is the whole union (as in ty)
            Type object = KnownClass.OBJECT.toInstance(db);
            if (!object.isDynamic()) {
                members.removeIf(m -> !m.isDynamic());
                members.add(object);
                return;
            }
        }
        // as ty does: the new member takes the place of the first member it absorbs, and each other
        // absorbed member is replaced by the current last one (a swap-remove, from the back)
        List<Integer> absorbed = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Type m = members.get(i);
            if (!m.isDynamic() && !distinctLiterals(m, t) && Relations.isRedundant(db, m, t)) {
                absorbed.add(i);
            }
        }
        if (absorbed.isEmpty()) {
            members.add(t);
        } else {
            members.set(absorbed.get(0), t);
            for (int k = absorbed.size() - 1; k >= 1; k--) {
                int at = absorbed.get(k);
                Type last = members.remove(members.size() - 1);
                if (at < members.size()) {
                    members.set(at, last);
                }
            }
        }
        widenLiterals(t);
        if (t instanceof EnumLiteral e) {
            collapseEnum(e.enumClass());
        }
    }

    /** Every member of an enum is the enum: {@code Literal[Color.RED, Color.GREEN]} is {@code Color} when those are all. */
    private void collapseEnum(ClassLiteral cls) {
        List<String> names = db.enumMembers(cls);
        if (names == null) {
            return;
        }
        int first = -1;
        int found = 0;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) instanceof EnumLiteral e && e.enumClass().equals(cls) && names.contains(e.name())) {
                found++;
                first = first < 0 ? i : first;
            }
        }
        if (found < names.size()) {
            return;
        }
        members.set(first, ClassType.of(cls).toInstance());
        for (int i = members.size() - 1; i > first; i--) {
            if (members.get(i) instanceof EnumLiteral e && e.enumClass().equals(cls)) {
                members.remove(i);
            }
        }
    }

    /**
     * {@code (P & ~t) | t} is {@code P | t}: a member excluding what is added no longer needs to (the
     * member is rewritten in place), and an added intersection excluding a member drops that negation.
     */
    private Type withoutComplements(Type t) {
        if (t instanceof IntersectionType x) {
            List<Type> kept = new ArrayList<>();
            for (Type n : x.negative()) {
                if (!members.contains(n)) {
                    kept.add(n);
                }
            }
            return kept.size() == x.negative().size() ? t : rebuild(x.positive(), kept);
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) instanceof IntersectionType x && x.negative().contains(t)) {
                List<Type> kept = new ArrayList<>(x.negative());
                kept.remove(t);
                members.set(i, rebuild(x.positive(), kept));
            }
        }
        return t;
    }

    private Type rebuild(List<Type> positive, List<Type> negative) {
        IntersectionBuilder b = new IntersectionBuilder(db);
        positive.forEach(b::addPositive);
        negative.forEach(b::addNegative);
        return b.build();
    }

    /** True when {@code ~t} is a subtype of a static member: {@code int | ~int}, {@code A | ~B} with B <: A. */
    private boolean complementsAMember(Type t) {
        // both sides fully static: `tuple[Any, ...] | ~tuple[()]` is no `object` whichever comes first
        if (!t.isFullyStatic() || !(t instanceof IntersectionType) && !hasIntersectionMember()) {
            return false; // ~t <: m needs a negation on one side (or t == object, absorbed already)
        }
        Type negated = t.negate(db);
        for (Type m : members) {
            if (!m.isDynamic() && m.isFullyStatic() && Relations.isSubtype(db, negated, m)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasIntersectionMember() {
        for (Type m : members) {
            if (m instanceof IntersectionType) {
                return true;
            }
        }
        return false;
    }

    /** Two different literals of one kind: neither contains the other (a fast path). */
    private static boolean distinctLiterals(Type a, Type b) {
        return a.getClass() == b.getClass() && (a instanceof IntLiteral || a instanceof StringLiteral
                || a instanceof BytesLiteral || a instanceof EnumLiteral);
    }

    private void widenLiterals(Type added) {
        KnownClass kind = switch (added) {
            case IntLiteral i -> KnownClass.INT;
            case StringLiteral s -> KnownClass.STR;
            case BytesLiteral b -> KnownClass.BYTES;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        int count = 0;
        for (Type m : members) {
            if (m.getClass() == added.getClass()) {
                count++;
            }
        }
        if (count > MAX_LITERALS) {
            Type cls = kind.toInstance(db);
            if (!cls.isDynamic()) {
                members.removeIf(m -> m.getClass() == added.getClass());
                addOne(cls);
            }
        }
    }

    public Type build() {
        return switch (members.size()) {
            case 0 -> Never.NEVER;
            case 1 -> members.get(0);
            default -> new UnionType(members);
        };
    }
}
