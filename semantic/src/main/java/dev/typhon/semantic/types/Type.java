package dev.typhon.semantic.types;

/**
 * A type: a small immutable value. Two equal types are equal values ({@code equals}), cheap to hash
 * and compare; a type refers to the definitions it came from by ids ({@link DefinitionRef}), never
 * by syntax trees, so it never keeps a file alive.
 *
 * <p>Unions and intersections are made only by {@link UnionBuilder} and {@link IntersectionBuilder},
 * which simplify them. Relations between types need the classes' MROs, which inference computes
 * lazily: they take the {@link TypeDb} that answers those questions.
 */
public sealed interface Type permits Never, DynamicType, TodoType, InstanceType, ClassLiteralType, SubclassOfType,
        FunctionLiteral, OverloadedFunction, BoundMethodType, ModuleLiteral, IntLiteral, BoolLiteral, StringLiteral,
        BytesLiteral, LiteralStringType, NoneType, TupleType, UnionType, IntersectionType, TypeVarType, CallableType,
        SpecialFormType, TruthinessType, KnownInstanceType, EnumLiteral, NewTypeInstance {

    /** The type as ty prints it: {@code Literal[1]}, {@code <class 'int'>}, {@code int | None}. */
    String display();

    default boolean isNever() {
        return this == Never.NEVER;
    }

    /** {@code Any}, {@code Unknown} or a {@code @Todo}: a type about which nothing is known statically. */
    default boolean isDynamic() {
        return this instanceof DynamicType || this instanceof TodoType;
    }

    /** True when the type mentions no {@code Any}, {@code Unknown} or {@code @Todo} anywhere. */
    default boolean isFullyStatic() {
        return Relations.isFullyStatic(this);
    }

    default boolean isSubtypeOf(TypeDb db, Type other) {
        return Relations.isSubtype(db, this, other);
    }

    default boolean isAssignableTo(TypeDb db, Type other) {
        return Relations.isAssignable(db, this, other);
    }

    default boolean isEquivalentTo(TypeDb db, Type other) {
        return Relations.isEquivalent(db, this, other);
    }

    default boolean isDisjointFrom(TypeDb db, Type other) {
        return Relations.isDisjoint(db, this, other);
    }

    /** True when the type has exactly one inhabitant, which is the same object wherever it is seen. */
    default boolean isSingleton(TypeDb db) {
        return Relations.isSingleton(db, this);
    }

    /** True when every inhabitant of the type compares equal to every other. */
    default boolean isSingleValued(TypeDb db) {
        return Relations.isSingleValued(db, this);
    }

    /** {@code ~this}, simplified. */
    default Type negate(TypeDb db) {
        return new IntersectionBuilder(db).addNegative(this).build();
    }

    /** The type of the instances of a class-like type ({@code <class 'int'>} to {@code int}); Unknown otherwise. */
    default Type toInstance(TypeDb db) {
        return switch (this) {
            case ClassLiteralType c -> c.classType().toInstance();
            case SubclassOfType s -> s.subclassOf();
            case DynamicType d -> d;
            case Never n -> n;
            default -> DynamicType.UNKNOWN;
        };
    }
}
