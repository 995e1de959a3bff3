package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import java.util.List;

/**
 * What the type algebra asks of inference: facts about classes and the known symbols, computed
 * lazily from their definitions and memoized by the implementation (the layer above). Every method
 * is safe to call from many threads and never fails: what cannot be computed is Unknown.
 */
public interface TypeDb {

    PythonVersion pythonVersion();

    /**
     * Where relations between compound types (unions, intersections) are remembered, or null to
     * compute each afresh. Thread-safe when given; its answers hold for this database only.
     */
    default @Nullable java.util.Map<Object, Boolean> relationMemo() {
        return null;
    }

    /** The class a known variant resolves to in the configured typeshed, or null when it lacks it. */
    @Nullable ClassLiteral knownClass(KnownClass k);

    /** The function (or overloads) a known variant resolves to, or null when the typeshed lacks it. */
    @Nullable Type knownFunction(KnownFunction k);

    /** The class's method resolution order, itself first. */
    Mro mro(ClassLiteral cls);

    /** The class's type parameters, in order (empty when it is not generic). */
    List<TypeVarType> typeParameters(ClassLiteral cls);

    /**
     * The variance of the class's {@code index}th type parameter: declared by a legacy type variable,
     * inferred for a PEP 695 one.
     */
    default Variance variance(ClassLiteral cls, int index) {
        List<TypeVarType> params = typeParameters(cls);
        return index < params.size() ? params.get(index).variance() : Variance.INVARIANT;
    }

    /**
     * The tuple an instance of the class is when the class subclasses a tuple of known shape (a
     * named tuple, {@code class P(tuple[int, str])}): {@code tuple[int, str]}; null otherwise.
     */
    default @Nullable TupleType tupleShape(ClassLiteral cls) {
        return null;
    }

    /** The class's metaclass (usually {@code type}). */
    ClassType metaclass(ClassLiteral cls);

    /** True when the class is decorated {@code @final}. */
    boolean isFinal(ClassLiteral cls);

    /**
     * True when instances of the class have a layout no unrelated class can share (builtins such as
     * {@code int} and {@code str}, typeshed's {@code @disjoint_base}, classes with {@code __slots__}).
     */
    boolean isDisjointBase(ClassLiteral cls);

    /**
     * The names of an enum class's members, in definition order, when its values are exactly those
     * members (so that {@code Color} is {@code Literal[Color.RED, Color.GREEN]}): null for a class
     * that is no enum, an enum without members, and a {@code Flag} (whose values include
     * combinations of members).
     */
    default @Nullable List<String> enumMembers(ClassLiteral cls) {
        return null;
    }
}
