package dev.typhon.semantic.types;

import java.util.ArrayList;
import java.util.List;

/**
 * The only way to make an intersection. The result is kept in disjunctive normal form: adding a
 * union distributes over it (the builder then holds one conjunction per member), and each
 * conjunction is simplified as it grows: nested intersections flatten, {@code Never} wins,
 * {@code object} drops out, {@code ~object} is {@code Never}, disjoint positives give {@code Never},
 * {@code S & ~T} with {@code S <: T} is {@code Never}, a positive's supertypes among the positives
 * drop out, a negative disjoint from a positive drops out, {@code ~S & ~T} is {@code ~T} when
 * {@code S <: T}, {@code bool & ~Literal[True]} is {@code Literal[False]}, and an empty
 * intersection is {@code object}.
 */
public final class IntersectionBuilder {
    private final TypeDb db;
    private List<Conjunction> conjunctions = new ArrayList<>(List.of(new Conjunction()));

    public IntersectionBuilder(TypeDb db) {
        this.db = db;
    }

    public IntersectionBuilder addPositive(Type t) {
        if (t instanceof UnionType u) {
            List<Conjunction> next = new ArrayList<>();
            for (Conjunction c : conjunctions) {
                for (Type m : u.members()) {
                    Conjunction copy = c.copy();
                    copy.addPositive(m);
                    next.add(copy);
                }
            }
            conjunctions = next;
        } else {
            for (Conjunction c : conjunctions) {
                c.addPositive(t);
            }
        }
        return this;
    }

    public IntersectionBuilder addNegative(Type t) {
        switch (t) {
            case UnionType u -> u.members().forEach(this::addNegative);
            case IntersectionType x -> {
                // ~(P1 & P2 & ~N) = ~P1 | ~P2 | N
                UnionBuilder alternatives = new UnionBuilder(db);
                for (Type p : x.positive()) {
                    alternatives.add(new IntersectionBuilder(db).addNegative(p).build());
                }
                for (Type n : x.negative()) {
                    alternatives.add(n);
                }
                addPositive(alternatives.build());
            }
            default -> {
                for (Conjunction c : conjunctions) {
                    c.addNegative(t);
                }
            }
        }
        return this;
    }

    public Type build() {
        UnionBuilder u = new UnionBuilder(db);
        for (Conjunction c : conjunctions) {
            u.add(c.build());
        }
        return u.build();
    }

    /** One intersection of the normal form. */
    private final class Conjunction {
        private final List<Type> positive = new ArrayList<>();
        private final List<Type> negative = new ArrayList<>();
        private boolean never;

        Conjunction copy() {
            Conjunction c = new Conjunction();
            c.positive.addAll(positive);
            c.negative.addAll(negative);
            c.never = never;
            return c;
        }

        void addPositive(Type t) {
            if (never) {
                return;
            }
            switch (t) {
                case IntersectionType x -> {
                    x.positive().forEach(this::addPositive);
                    x.negative().forEach(this::addNegative);
                    return;
                }
                case Never n -> {
                    never = true;
                    return;
                }
                default -> {
                }
            }
            if (Relations.isObject(t)) {
                return;
            }
            if (t.isDynamic()) {
                for (Type p : positive) {
                    if (p.isDynamic()) {
                        return;
                    }
                }
                positive.add(t);
                return;
            }
            for (Type p : positive) {
                if (!p.isDynamic() && (p.equals(t) || Relations.isRedundant(db, p, t))) {
                    return; // a positive is already below t
                }
            }
            for (Type p : positive) {
                if (!p.isDynamic() && Relations.isDisjoint(db, p, t)) {
                    never = true;
                    return;
                }
            }
            for (Type n : negative) {
                if (Relations.isRedundant(db, t, n)) {
                    never = true;
                    return;
                }
            }
            positive.removeIf(p -> !p.isDynamic() && Relations.isRedundant(db, t, p));
            negative.removeIf(n -> Relations.isDisjoint(db, t, n));
            positive.add(t);
            narrowBool();
        }

        void addNegative(Type t) {
            if (never) {
                return;
            }
            if (t == Never.NEVER) {
                return;
            }
            if (Relations.isObject(t)) {
                never = true;
                return;
            }
            if (t.isDynamic()) {
                addPositive(t); // ~Any is Any
                return;
            }
            if (t instanceof TruthinessType tt) {
                // narrowing a literal by truthiness decides it
                Truthiness excluded = tt == TruthinessType.ALWAYS_TRUTHY ? Truthiness.ALWAYS_TRUE : Truthiness.ALWAYS_FALSE;
                for (Type p : positive) {
                    Truthiness tp = Truthiness.of(p);
                    if (tp == excluded) {
                        never = true;
                        return;
                    }
                    if (tp != Truthiness.AMBIGUOUS) {
                        return;
                    }
                }
            }
            for (Type p : positive) {
                if (!p.isDynamic() && Relations.isRedundant(db, p, t)) {
                    never = true;
                    return;
                }
            }
            for (Type p : positive) {
                if (!p.isDynamic() && Relations.isDisjoint(db, p, t)) {
                    return; // already excluded
                }
            }
            for (Type n : negative) {
                if (n.equals(t) || Relations.isRedundant(db, t, n)) {
                    return; // ~n already excludes t
                }
            }
            negative.removeIf(n -> Relations.isRedundant(db, n, t));
            negative.add(t);
            narrowBool();
        }

        /** {@code bool & ~Literal[True]} (or {@code bool & ~AlwaysTruthy}) is {@code Literal[False]}. */
        private void narrowBool() {
            for (int i = 0; i < positive.size(); i++) {
                if (positive.get(i) instanceof InstanceType it && it.isKnown(KnownClass.BOOL)) {
                    // ~AlwaysTruthy leaves only False of a bool, ~AlwaysFalsy only True
                    // (and a positive AlwaysFalsy leaves only False, AlwaysTruthy only True)
                    boolean noTrue = negative.contains(BoolLiteral.TRUE) || negative.contains(TruthinessType.ALWAYS_TRUTHY)
                            || positive.contains(TruthinessType.ALWAYS_FALSY);
                    boolean noFalse = negative.contains(BoolLiteral.FALSE) || negative.contains(TruthinessType.ALWAYS_FALSY)
                            || positive.contains(TruthinessType.ALWAYS_TRUTHY);
                    if (noTrue && noFalse) {
                        never = true;
                    } else if (noTrue || noFalse) {
                        negative.remove(noTrue ? BoolLiteral.TRUE : BoolLiteral.FALSE);
                        negative.remove(noTrue ? TruthinessType.ALWAYS_TRUTHY : TruthinessType.ALWAYS_FALSY);
                        positive.remove(noTrue ? TruthinessType.ALWAYS_FALSY : TruthinessType.ALWAYS_TRUTHY);
                        positive.set(positive.indexOf(it), noTrue ? BoolLiteral.FALSE : BoolLiteral.TRUE);
                    }
                    return;
                }
            }
        }

        Type build() {
            if (never) {
                return Never.NEVER;
            }
            if (positive.isEmpty() && negative.isEmpty()) {
                return KnownClass.OBJECT.toInstance(db);
            }
            if (positive.size() == 1 && negative.isEmpty()) {
                return positive.get(0);
            }
            Type members = enumMembersLeft();
            if (members != null) {
                return members;
            }
            return new IntersectionType(positive, negative);
        }

        /**
         * {@code Color & ~Literal[Color.RED]} is {@code Literal[Color.GREEN, Color.BLUE]}: an enum whose
         * members are all its values, with some of them excluded, is the union of the others (each
         * still intersected with the other negations). Null when that does not apply.
         */
        private Type enumMembersLeft() {
            if (positive.size() != 1 || !(positive.get(0) instanceof InstanceType i)
                    || !i.classType().arguments().isEmpty()) {
                return null;
            }
            java.util.List<String> names = db.enumMembers(i.literal());
            if (names == null) {
                return null;
            }
            List<Type> others = new ArrayList<>();
            List<Type> left = new ArrayList<>();
            for (Type n : negative) {
                if (!(n instanceof EnumLiteral e && e.enumClass().equals(i.literal()))) {
                    others.add(n);
                }
            }
            boolean excluded = false;
            for (String name : names) {
                EnumLiteral m = new EnumLiteral(i.literal(), name);
                boolean out = false;
                for (Type n : negative) {
                    if (n.equals(m) || !(n instanceof TruthinessType) && Relations.isRedundant(db, m, n)) {
                        out = true;
                        break;
                    }
                }
                excluded |= out;
                if (!out) {
                    left.add(m);
                }
            }
            if (!excluded) {
                return null;
            }
            UnionBuilder u = new UnionBuilder(db);
            for (Type m : left) {
                IntersectionBuilder b = new IntersectionBuilder(db).addPositive(m);
                others.forEach(b::addNegative);
                u.add(b.build());
            }
            return u.build();
        }
    }
}
