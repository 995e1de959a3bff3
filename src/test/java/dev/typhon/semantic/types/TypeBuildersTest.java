package dev.typhon.semantic.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The builders' simplifications, the displays, and C3, by example. */
class TypeBuildersTest {
    private final TypeFixture f = TypeFixture.get();
    private final TypeDb db = f.db;
    private final Type intT = f.instance(KnownClass.INT);
    private final Type boolT = f.instance(KnownClass.BOOL);
    private final Type strT = f.instance(KnownClass.STR);
    private final Type object = f.instance(KnownClass.OBJECT);

    private Type lit(long v) {
        return new IntLiteral(v);
    }

    @Test
    void literalIsAbsorbedByItsClass() {
        assertEquals(intT, f.union(lit(1), intT));
        assertEquals(intT, f.union(intT, lit(1)));
    }

    @Test
    void trueOrFalseIsBool() {
        assertEquals(boolT, f.union(BoolLiteral.TRUE, BoolLiteral.FALSE));
        // members keep insertion order: bool takes the place of the literal that completed it
        assertEquals("None | bool", f.union(BoolLiteral.FALSE, NoneType.NONE, BoolLiteral.TRUE).display());
        assertEquals("bool | None", f.union(BoolLiteral.FALSE, BoolLiteral.TRUE, NoneType.NONE).display());
    }

    @Test
    void subclassIsAbsorbed() {
        assertEquals(intT, f.union(intT, boolT));
        assertEquals(intT, f.union(boolT, intT));
        assertEquals(f.user("A"), f.union(f.user("B"), f.user("A")));
    }

    @Test
    void nestedUnionsFlatten() {
        Type inner = f.union(lit(1), strT);
        Type outer = f.union(NoneType.NONE, inner, lit(2));
        assertEquals(new UnionType(List.of(NoneType.NONE, lit(1), strT, lit(2))), outer);
        assertEquals("None | Literal[1, 2] | str", outer.display());
    }

    @Test
    void neverIsDropped() {
        assertEquals(intT, f.union(Never.NEVER, intT, Never.NEVER));
        assertEquals(Never.NEVER, f.union());
        assertEquals(Never.NEVER, f.union(Never.NEVER));
    }

    @Test
    void dynamicTypesAreKeptAndCollapsed() {
        Type u = f.union(intT, DynamicType.ANY, strT, DynamicType.UNKNOWN);
        assertEquals(new UnionType(List.of(intT, DynamicType.ANY, strT)), u);
        assertEquals("int | Any | str", u.display());
        // object absorbs static types, never a dynamic one
        assertEquals("object | Unknown", f.union(object, DynamicType.UNKNOWN, intT).display());
    }

    @Test
    void unionDisplayGroupsLiterals() {
        assertEquals("Literal[1, \"a\"] | None", f.union(lit(1), NoneType.NONE, new StringLiteral("a")).display());
        assertEquals("str | Literal[b\"x\", True]", f.union(strT, new BytesLiteral("x"), BoolLiteral.TRUE).display());
        assertEquals("int | Literal[b\"x\"]", f.union(intT, new BytesLiteral("x"), BoolLiteral.TRUE).display());
    }

    @Test
    void complementsCollapseToObject() {
        assertEquals(object, f.union(intT, f.not(intT)));
        assertEquals(object, f.union(f.user("A"), f.not(f.user("B"))));
        assertEquals(intT, f.not(f.not(intT)));
    }

    @Test
    void negationOfAUnionWithANegation() {
        // int | (~int & ~str) is ~str: needs s <: m | rest when s & ~m <: rest
        Type t = f.union(intT, f.and(f.not(intT), f.not(strT)));
        assertTrue(t.isEquivalentTo(db, f.not(strT)), t.display());
        assertTrue(f.not(f.not(t)).isEquivalentTo(db, t));
    }

    @Test
    void boolMinusALiteralIsTheOther() {
        assertEquals(BoolLiteral.FALSE, f.and(boolT, f.not(BoolLiteral.TRUE)));
        assertEquals(BoolLiteral.TRUE, f.and(f.not(BoolLiteral.FALSE), boolT));
        assertEquals(Never.NEVER, f.and(boolT, f.not(BoolLiteral.FALSE), f.not(BoolLiteral.TRUE)));
    }

    @Test
    void truthinessDecidesABool() {
        assertEquals(BoolLiteral.FALSE, f.and(boolT, TruthinessType.ALWAYS_FALSY));
        assertEquals(BoolLiteral.TRUE, f.and(TruthinessType.ALWAYS_TRUTHY, boolT));
        // a bool narrowed to True by a negation cannot also be always falsy
        assertEquals(Never.NEVER, f.and(TruthinessType.ALWAYS_FALSY, boolT, f.not(BoolLiteral.FALSE)));
        assertEquals(Never.NEVER, f.and(boolT, f.not(BoolLiteral.FALSE), TruthinessType.ALWAYS_FALSY));
    }

    @Test
    void notObjectIsNever() {
        assertEquals(Never.NEVER, f.not(object));
        assertEquals(object, f.not(Never.NEVER));
        assertEquals(object, f.and());
    }

    @Test
    void disjointPositivesGiveNever() {
        assertEquals(Never.NEVER, f.and(intT, strT));
        assertEquals(Never.NEVER, f.and(f.user("A"), f.user("F")));
        assertEquals(Never.NEVER, f.and(lit(1), lit(2)));
        // A and C are unrelated but not disjoint: class D(B, C) inherits from both
        assertEquals("A & C", f.and(f.user("A"), f.user("C")).display());
    }

    @Test
    void subtypeMinusSupertypeIsNever() {
        assertEquals(Never.NEVER, f.and(f.user("B"), f.not(f.user("A"))));
        assertEquals(Never.NEVER, f.and(lit(1), f.not(intT)));
        assertEquals(Never.NEVER, f.and(f.not(intT), boolT));
    }

    @Test
    void intersectionDisplay() {
        assertEquals("A & ~B", f.and(f.user("A"), f.not(f.user("B"))).display());
        assertEquals("~int", f.not(intT).display());
        assertEquals("int & ~Literal[1] & ~Literal[2]",
                f.and(intT, f.not(lit(1)), f.not(lit(2))).display());
        assertEquals("(A & ~B) | None", f.union(f.and(f.user("A"), f.not(f.user("B"))), NoneType.NONE).display());
        assertEquals("~int & ~str",
                f.not(f.union(intT, strT)).display());
    }

    @Test
    void literalStringAndItsLiterals() {
        // LiteralString holds "", so neither is disjoint from the other (was asymmetric)
        Type empty = new StringLiteral("");
        assertFalse(LiteralStringType.LITERAL_STRING.isDisjointFrom(db, empty));
        assertFalse(empty.isDisjointFrom(db, LiteralStringType.LITERAL_STRING));
        assertEquals(empty, f.and(LiteralStringType.LITERAL_STRING, empty));
        assertEquals(empty, f.and(empty, LiteralStringType.LITERAL_STRING));
        assertTrue(LiteralStringType.LITERAL_STRING.isDisjointFrom(db, intT));
    }

    @Test
    void tupleOfNeverHasNoValue() {
        Type tn = TupleType.fixed(List.of(Never.NEVER));
        assertTrue(tn.isSubtypeOf(db, Never.NEVER));
        assertTrue(tn.isDisjointFrom(db, TupleType.fixed(List.of(intT))));
        assertEquals(intT, f.union(intT, tn));
    }

    @Test
    void tupleDisplay() {
        assertEquals("tuple[()]", TupleType.fixed(List.of()).display());
        assertEquals("tuple[int, ...]", TupleType.homogeneous(intT).display());
        assertEquals("tuple[int, str]", TupleType.fixed(List.of(intT, strT)).display());
        assertEquals("tuple[str, *tuple[int, ...], None]",
                new TupleType(List.of(strT), intT, List.of(NoneType.NONE)).display());
    }

    @Test
    void signatureDisplay() {
        Signature sig = Signature.of(List.of(
                new Parameter(Parameter.Kind.POSITIONAL_ONLY, "a", intT, null),
                new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, "b", strT, "..."),
                new Parameter(Parameter.Kind.VARIADIC, "args", null, null),
                new Parameter(Parameter.Kind.KEYWORD_ONLY, "c", null, null),
                new Parameter(Parameter.Kind.KEYWORD_VARIADIC, "kw", null, null)), boolT);
        FunctionLiteral fn = new FunctionLiteral("f", new DefinitionRef(0, 0), null, sig);
        assertEquals("def f(a: int, /, b: str = ..., *args, c, **kw) -> bool", fn.display());
        Signature kwOnly = Signature.of(List.of(new Parameter(Parameter.Kind.KEYWORD_ONLY, "c", intT, null)), null);
        assertEquals("(*, c: int) -> Unknown", kwOnly.display());
        assertEquals("(...) -> int", Signature.gradual(intT).display());
    }

    @Test
    void diamondMroIsC3() {
        Mro mro = db.mro(f.userClass("D").literal());
        assertNull(mro.error());
        assertEquals("(<class 'D'>, <class 'B'>, <class 'A'>, <class 'C'>, <class 'object'>)", mro.display());
    }

    @Test
    void inconsistentMroIsAnError() {
        // class Bad(X, Y) puts X before Y; class Inconsistent(X, Bad) asks for X before Bad, and Bad before X
        Mro bad = db.mro(f.userClass("Bad").literal());
        assertNull(bad.error());
        Mro mro = db.mro(f.userClass("Inconsistent").literal());
        assertEquals("Cannot create a consistent method resolution order (MRO) for class `Inconsistent` with bases list"
                + " `[<class 'X'>, <class 'Bad'>]`", mro.error());
        assertEquals("(<class 'Inconsistent'>, Unknown, <class 'object'>)", mro.display());
    }

    @Test
    void inconsistentMroFromComputeDirectly() {
        // C3 by hand: bases (Bad, Bad2) with Bad(X, Y) and Bad2(Y, X) cannot be linearized
        ClassType self = f.userClass("A").classType(); // stands in for the class being defined
        Mro mro = Mro.compute(db, self, List.of(f.userClass("Bad"), f.userClass("Bad2")),
                ((InstanceType) object).classType());
        assertEquals("Cannot create a consistent method resolution order (MRO) for class `A` with bases list"
                + " `[<class 'Bad'>, <class 'Bad2'>]`", mro.error());
        Mro dup = Mro.compute(db, self, List.of(f.userClass("X"), f.userClass("X")), ((InstanceType) object).classType());
        assertEquals("Duplicate base class `X`", dup.error());
    }
}
