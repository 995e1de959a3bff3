package dev.typhon.semantic.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.semantic.types.TypeArbitraries.Elem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The laws of the type algebra, over random types of depth at most 2 built on a real {@link TypeDb}
 * (the bundled typeshed and a small user module; see {@link TypeArbitraries}). Subtyping is only
 * defined for fully static types (as in ty): the laws about it draw from {@code staticTypes}.
 */
class TypeAlgebraProperties {
    private final TypeFixture f = TypeFixture.get();
    private final TypeDb db = f.db;

    @Provide
    Arbitrary<Type> types() {
        return TypeArbitraries.types(false);
    }

    @Provide
    Arbitrary<Type> staticTypes() {
        return TypeArbitraries.types(true);
    }

    @Provide
    Arbitrary<List<Type>> unionInputs() {
        return TypeArbitraries.unionInputs(TypeArbitraries.types(false, 1));
    }

    @Provide
    Arbitrary<List<Type>> staticUnionInputs() {
        return TypeArbitraries.unionInputs(TypeArbitraries.types(true, 1));
    }

    @Provide
    Arbitrary<List<Elem>> intersectionInputs() {
        return TypeArbitraries.intersectionInputs(TypeArbitraries.types(false, 1));
    }

    @Provide
    Arbitrary<List<Elem>> staticIntersectionInputs() {
        return TypeArbitraries.intersectionInputs(TypeArbitraries.types(true, 1));
    }

    private static String show(Type... ts) {
        List<String> parts = new ArrayList<>();
        for (Type t : ts) {
            parts.add(t.display());
        }
        return String.join("  ;  ", parts);
    }

    private boolean sub(Type s, Type t) {
        return s.isSubtypeOf(db, t);
    }

    private Type object() {
        return f.instance(KnownClass.OBJECT);
    }

    // ------------------------------------------------------------------------------ subtyping

    @Property(tries = 1000)
    void subtypingIsReflexive(@ForAll("staticTypes") Type t) {
        assertTrue(sub(t, t), () -> "not t <: t: " + show(t));
    }

    /** Random triples (the premise holds now and then) and built chains {@code s <: t <: u}. */
    @Property(tries = 1000)
    void subtypingIsTransitive(@ForAll("staticTypes") Type s, @ForAll("staticTypes") Type t,
            @ForAll("staticTypes") Type u) {
        boolean premise = sub(s, t) && sub(t, u);
        Statistics.label("random premise").collect(premise);
        if (premise) {
            assertTrue(sub(s, u), () -> "s <: t <: u but not s <: u: " + show(s, t, u));
        }
        // a chain by construction: s & t & u <: t & u <: u, and s <: s | t <: s | t | u
        Type tu = f.and(t, u);
        Type stu = f.and(s, t, u);
        if (sub(stu, tu) && sub(tu, u)) {
            assertTrue(sub(stu, u), () -> "chain s&t&u <: t&u <: u broken: " + show(stu, tu, u));
        }
        Type st = f.union(s, t);
        Type stu2 = f.union(s, t, u);
        if (sub(s, st) && sub(st, stu2)) {
            assertTrue(sub(s, stu2), () -> "chain s <: s|t <: s|t|u broken: " + show(s, st, stu2));
        }
    }

    @Property(tries = 1000)
    void subtypingIsAntisymmetric(@ForAll("staticTypes") Type s, @ForAll("staticTypes") Type t) {
        // t' = t | (s & t) is equivalent to t but often a different value
        Type t2 = f.union(t, f.and(s, t));
        for (Type other : List.of(t, t2)) {
            if (sub(s, other) && sub(other, s)) {
                assertTrue(s.isEquivalentTo(db, other), () -> "mutual subtypes not equivalent: " + show(s, other));
            }
        }
        assertTrue(sub(t, t2) && sub(t2, t), () -> "t and t | (s & t) not mutual subtypes: " + show(t, t2, s));
    }

    @Property(tries = 1000)
    void neverIsBelowEverything(@ForAll("types") Type t) {
        assertTrue(sub(Never.NEVER, t), () -> "not Never <: " + show(t));
        assertTrue(Never.NEVER.isAssignableTo(db, t), () -> "Never not assignable to " + show(t));
    }

    @Property(tries = 1000)
    void everythingIsBelowObject(@ForAll("types") Type t) {
        assertTrue(sub(t, object()), () -> "not <: object: " + show(t));
        assertTrue(t.isAssignableTo(db, object()), () -> "not assignable to object: " + show(t));
    }

    /** Among fully static types only the uninhabited ones (Never, and tuple[Never] which is Never) are below Any. */
    @Property(tries = 1000)
    void onlyNeverIsASubtypeOfAny(@ForAll("staticTypes") Type t) {
        boolean uninhabited = t.isNever() || Relations.isUninhabitedTuple(t);
        Statistics.label("uninhabited").collect(uninhabited);
        for (Type dyn : List.of(DynamicType.ANY, DynamicType.UNKNOWN)) {
            assertEquals(uninhabited, sub(t, dyn), () -> "t <: " + dyn.display() + " is " + sub(t, dyn) + ": " + show(t));
        }
    }

    // ---------------------------------------------------------------------------- equivalence

    @Property(tries = 1000)
    void equivalenceIsReflexive(@ForAll("types") Type t) {
        assertTrue(t.isEquivalentTo(db, t), () -> "not t == t: " + show(t));
    }

    @Property(tries = 1000)
    void equivalenceIsSymmetric(@ForAll("types") Type s, @ForAll("types") Type t) {
        Type t2 = f.union(t, f.and(s, t));
        for (Type other : List.of(t, t2)) {
            assertEquals(s.isEquivalentTo(db, other), other.isEquivalentTo(db, s),
                    () -> "equivalence not symmetric: " + show(s, other));
        }
    }

    @Property(tries = 1000)
    void equivalenceIsTransitive(@ForAll("types") Type s, @ForAll("types") Type t, @ForAll("types") Type u) {
        // random triples, and a built one: t, t | (s & t), and t | (u & t) are all equivalent to t
        boolean premise = s.isEquivalentTo(db, t) && t.isEquivalentTo(db, u);
        Statistics.label("random premise").collect(premise);
        if (premise) {
            assertTrue(s.isEquivalentTo(db, u), () -> "s == t == u but not s == u: " + show(s, t, u));
        }
        Type a = f.union(t, f.and(s, t));
        Type b = f.union(f.and(u, t), t);
        if (a.isEquivalentTo(db, t) && t.isEquivalentTo(db, b)) {
            assertTrue(a.isEquivalentTo(db, b), () -> "built chain not transitive: " + show(a, t, b));
        }
    }

    // --------------------------------------------------------------------------------- unions

    /**
     * Every member of a built union is assignable to it, and a fully static member is a subtype of
     * it. (A dynamic member is not a subtype of anything but object: subtyping is for static types.)
     */
    @Property(tries = 1000)
    void unionMembersAreBelowTheUnion(@ForAll("unionInputs") List<Type> inputs) {
        Type u = UnionBuilder.of(db, inputs);
        List<Type> members = u instanceof UnionType ut ? ut.members() : List.of(u);
        for (Type m : members) {
            assertTrue(m.isAssignableTo(db, u), () -> "member not assignable to union: " + show(m, u));
            if (m.isFullyStatic()) {
                assertTrue(sub(m, u), () -> "member not <: union: " + show(m, u));
            }
        }
        for (Type in : inputs) {
            assertTrue(in.isAssignableTo(db, u), () -> "input not assignable to union: " + show(in, u));
            if (in.isFullyStatic()) {
                assertTrue(sub(in, u), () -> "input not <: union: " + show(in, u));
            }
        }
    }

    /** Building in any order gives an equivalent union. */
    @Property(tries = 1000)
    void unionOrderDoesNotMatter(@ForAll("unionInputs") List<Type> inputs, @ForAll @IntRange(max = 1000) int seed) {
        List<Type> shuffled = new ArrayList<>(inputs);
        Collections.shuffle(shuffled, new Random(seed));
        Type a = UnionBuilder.of(db, inputs);
        Type b = UnionBuilder.of(db, shuffled);
        assertTrue(a.isEquivalentTo(db, b), () -> "orders differ: " + show(a, b) + "  from " + shuffled);
    }

    /**
     * The built union holds exactly the values of its inputs: each input is below the result, and
     * each member of the result is below the naive union of the inputs (checked member-wise: below
     * some input, or spread over inputs as bool is over its two literals and an enum over its members).
     */
    @Property(tries = 1000)
    void unionIsTheNaiveUnion(@ForAll("staticUnionInputs") List<Type> inputs) {
        Type u = UnionBuilder.of(db, inputs);
        for (Type in : inputs) {
            assertTrue(sub(in, u), () -> "input not <: built union: " + show(in, u));
        }
        List<Type> members = u instanceof UnionType ut ? ut.members() : u.isNever() ? List.of() : List.of(u);
        List<Type> flat = new ArrayList<>();
        for (Type in : inputs) {
            if (in instanceof UnionType ut) {
                flat.addAll(ut.members());
            } else {
                flat.add(in);
            }
        }
        for (Type m : members) {
            boolean belowOne = flat.stream().anyMatch(in -> sub(m, in));
            boolean boolSpread = m instanceof InstanceType it && it.isKnown(KnownClass.BOOL)
                    && flat.contains(BoolLiteral.TRUE) && flat.contains(BoolLiteral.FALSE);
            // an enum is spread over its members as bool is over its literals
            List<String> enumMembers = m instanceof InstanceType it ? db.enumMembers(it.literal()) : null;
            boolean enumSpread = enumMembers != null && enumMembers.stream().allMatch(name -> flat.stream()
                    .anyMatch(in -> sub(new EnumLiteral(((InstanceType) m).literal(), name), in)));
            // t | ~t (or t | m with ~t <: m) collapses to object: then object is in the naive union
            // (also once an input intersection has dropped negations that are other inputs: int | () | ~bool & ~())
            List<Type> dropped = new ArrayList<>(flat);
            flat.stream().filter(in -> in instanceof IntersectionType)
                    .forEach(in -> dropped.add(withoutNegationsIn((IntersectionType) in, flat)));
            boolean complement = Relations.isObject(m) && dropped.stream().anyMatch(
                    a -> dropped.stream().anyMatch(b -> a.negate(db).isSubtypeOf(db, b)));
            // (P & ~t) | t is P | t: an input intersection whose negations are other inputs is below P | t
            boolean negationDropped = flat.stream().anyMatch(in -> in instanceof IntersectionType x
                    && sub(m, withoutNegationsIn(x, flat)));
            assertTrue(belowOne || boolSpread || enumSpread || complement || negationDropped, () -> "member of result not below any input: "
                    + show(m, u) + "  from " + inputs);
        }
    }

    /** {@code x} without the negations that are members of {@code others}. */
    private Type withoutNegationsIn(IntersectionType x, List<Type> others) {
        IntersectionBuilder b = new IntersectionBuilder(db);
        x.positive().forEach(b::addPositive);
        x.negative().stream().filter(n -> !others.contains(n)).forEach(b::addNegative);
        return b.build();
    }

    // -------------------------------------------------------------------------- intersections

    @Property(tries = 1000)
    void intersectionIsBelowItsPositives(@ForAll("staticIntersectionInputs") List<Elem> elems) {
        Type x = TypeArbitraries.intersect(elems);
        for (Elem e : elems) {
            if (e.positive()) {
                assertTrue(sub(x, e.type()), () -> "intersection not <: positive: " + show(x, e.type()) + "  from " + elems);
            } else {
                assertTrue(x.isDisjointFrom(db, e.type()),
                        () -> "intersection not disjoint from negative: " + show(x, e.type()) + "  from " + elems);
            }
        }
        if (x instanceof IntersectionType it) {
            for (Type p : it.positive()) {
                assertTrue(sub(x, p), () -> "intersection not <: own positive: " + show(x, p));
            }
        }
    }

    @Property(tries = 1000)
    void intersectionOrderDoesNotMatter(@ForAll("intersectionInputs") List<Elem> elems,
            @ForAll @IntRange(max = 1000) int seed) {
        List<Elem> shuffled = new ArrayList<>(elems);
        Collections.shuffle(shuffled, new Random(seed));
        Type a = TypeArbitraries.intersect(elems);
        Type b = TypeArbitraries.intersect(shuffled);
        assertTrue(a.isEquivalentTo(db, b), () -> "orders differ: " + show(a, b) + "  from " + elems + " and " + shuffled);
    }

    // --------------------------------------------------------------------------- disjointness

    @Property(tries = 1000)
    void disjointnessIsSymmetric(@ForAll("types") Type s, @ForAll("types") Type t) {
        assertEquals(s.isDisjointFrom(db, t), t.isDisjointFrom(db, s), () -> "asymmetric: " + show(s, t));
    }

    /**
     * A subtype shares its values with its supertype: random pairs, and {@code s & t <: t}. Premise:
     * {@code s} is inhabited, i.e. not a subtype of {@code Never}; besides {@code Never} itself that
     * excludes tuples that need a {@code Never} element ({@code tuple[Never]}), which are records
     * not normalized to {@code Never} when made.
     */
    @Property(tries = 1000)
    void subtypeIsNotDisjointFromSupertype(@ForAll("staticTypes") Type s, @ForAll("staticTypes") Type t) {
        boolean premise = sub(s, t) && !sub(s, Never.NEVER);
        Statistics.label("random premise").collect(premise);
        if (premise) {
            assertFalse(s.isDisjointFrom(db, t), () -> "s <: t yet disjoint: " + show(s, t));
        }
        Type st = f.and(s, t);
        if (!sub(st, Never.NEVER)) {
            assertFalse(st.isDisjointFrom(db, t), () -> "s & t disjoint from t: " + show(st, t));
        }
    }

    // ------------------------------------------------------------------------------- negation

    @Property(tries = 1000)
    void doubleNegationIsIdentity(@ForAll("types") Type t) {
        Type nn = t.negate(db).negate(db);
        assertTrue(nn.isEquivalentTo(db, t), () -> "~~t is not t: " + show(t, t.negate(db), nn));
    }

    @Property(tries = 1000)
    void typeIsDisjointFromItsNegation(@ForAll("staticTypes") Type t) {
        Type n = t.negate(db);
        assertTrue(t.isDisjointFrom(db, n), () -> "t not disjoint from ~t: " + show(t, n));
        assertTrue(n.isDisjointFrom(db, t), () -> "~t not disjoint from t: " + show(n, t));
    }
}
