package dev.typhon.semantic.types;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random types of depth at most 2 over a small pool (so that equal and related types meet often):
 * instances of real typeshed classes and of the user classes {@code A}, {@code B(A)}, {@code C},
 * {@code D(B, C)}, {@code @final F} and the enum {@code Color} with its three members; int, bool, str
 * and bytes literals; {@code None};
 * {@code LiteralString}; tuples; class literals; {@code type[C]}; {@code Never}; {@code AlwaysTruthy}
 * and {@code AlwaysFalsy}; and, unless fully static, {@code Any} and {@code Unknown}; combined by
 * unions and intersections (made by the builders) and tuples. Shrinking goes towards the first
 * atoms of the pool ({@code int}, {@code object}) and towards atoms rather than compounds.
 */
final class TypeArbitraries {
    private TypeArbitraries() {
    }

    /** An element of an intersection to build: {@code T} or {@code ~T}. */
    record Elem(Type type, boolean positive) {
        @Override
        public String toString() {
            return (positive ? "" : "~") + type.display();
        }
    }

    static List<Type> atomPool(TypeFixture f, boolean staticOnly) {
        TypeDb db = f.db;
        Type intT = f.instance(KnownClass.INT);
        Type objectT = f.instance(KnownClass.OBJECT);
        List<Type> pool = new ArrayList<>(List.of(
                intT,
                objectT,
                Never.NEVER,
                f.instance(KnownClass.BOOL),
                f.instance(KnownClass.STR),
                f.instance(KnownClass.BYTES),
                f.instance(KnownClass.FLOAT),
                KnownClass.LIST.toSpecializedInstance(db, List.of(intT)),
                f.instance(KnownClass.TUPLE),
                f.user("A"),
                f.user("B"),
                f.user("C"),
                f.user("D"),
                f.user("F"),
                new IntLiteral(0),
                new IntLiteral(1),
                new IntLiteral(2),
                BoolLiteral.TRUE,
                BoolLiteral.FALSE,
                new StringLiteral(""),
                new StringLiteral("a"),
                new StringLiteral("b"),
                new BytesLiteral(""),
                new BytesLiteral("a"),
                NoneType.NONE,
                LiteralStringType.LITERAL_STRING,
                TupleType.fixed(List.of()),
                TupleType.homogeneous(intT),
                f.userClass("A"),
                f.userClass("F"),
                KnownClass.INT.toClass(db),
                KnownClass.BOOL.toClass(db),
                new SubclassOfType(f.user("A")),
                new SubclassOfType(f.user("B")),
                new SubclassOfType(intT),
                new SubclassOfType(objectT),
                TruthinessType.ALWAYS_TRUTHY,
                TruthinessType.ALWAYS_FALSY,
                // an enum is the union of its members: unions of members collapse, exclusions expand
                f.user("Color"),
                new EnumLiteral(f.userClass("Color").literal(), "RED"),
                new EnumLiteral(f.userClass("Color").literal(), "GREEN"),
                new EnumLiteral(f.userClass("Color").literal(), "BLUE")));
        if (!staticOnly) {
            pool.add(DynamicType.ANY);
            pool.add(DynamicType.UNKNOWN);
        }
        return pool;
    }

    static Arbitrary<Type> atoms(boolean staticOnly) {
        return Arbitraries.of(atomPool(TypeFixture.get(), staticOnly));
    }

    /** Types of depth at most {@code depth}. */
    static Arbitrary<Type> types(boolean staticOnly, int depth) {
        Arbitrary<Type> atom = atoms(staticOnly);
        if (depth == 0) {
            return atom;
        }
        Arbitrary<Type> inner = types(staticOnly, depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(5, atom),
                Tuple.of(2, unionInputs(inner).map(ts -> UnionBuilder.of(TypeFixture.get().db, ts))),
                Tuple.of(2, intersectionInputs(inner).map(TypeArbitraries::intersect)),
                Tuple.of(1, tuples(inner)));
    }

    static Arbitrary<Type> types(boolean staticOnly) {
        return types(staticOnly, 2);
    }

    static Arbitrary<List<Type>> unionInputs(Arbitrary<Type> element) {
        return element.list().ofMinSize(0).ofMaxSize(4);
    }

    static Arbitrary<List<Elem>> intersectionInputs(Arbitrary<Type> element) {
        Arbitrary<Elem> elem = Combinators.combine(element, Arbitraries.of(true, false)).as(Elem::new);
        return elem.list().ofMinSize(0).ofMaxSize(3);
    }

    static Arbitrary<Type> tuples(Arbitrary<Type> element) {
        return Arbitraries.oneOf(
                element.list().ofMaxSize(2).map(TupleType::fixed),
                element.map(TupleType::homogeneous));
    }

    static Type intersect(List<Elem> elems) {
        IntersectionBuilder b = new IntersectionBuilder(TypeFixture.get().db);
        for (Elem e : elems) {
            if (e.positive()) {
                b.addPositive(e.type());
            } else {
                b.addNegative(e.type());
            }
        }
        return b.build();
    }
}
