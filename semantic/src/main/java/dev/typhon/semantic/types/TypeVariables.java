package dev.typhon.semantic.types;

import java.util.function.Predicate;

/** Questions about the type variables a type mentions. */
public final class TypeVariables {
    private TypeVariables() {
    }

    /** Whether a type variable occurs in {@code t}: itself, a class's arguments, a union's or tuple's members, {@code type[...]}. */
    public static boolean mentioned(Type t) {
        return any(t, v -> true);
    }

    /** Whether a type variable occurring in {@code t} satisfies {@code test}. */
    public static boolean any(Type t, Predicate<TypeVarType> test) {
        return switch (t) {
            case TypeVarType v -> test.test(v);
            case InstanceType i -> i.classType().arguments().stream().anyMatch(a -> any(a, test));
            case UnionType u -> u.members().stream().anyMatch(m -> any(m, test));
            case IntersectionType x -> x.positive().stream().anyMatch(m -> any(m, test))
                    || x.negative().stream().anyMatch(m -> any(m, test));
            case TupleType tt -> tt.allElements().stream().anyMatch(e -> any(e, test));
            case SubclassOfType s -> any(s.subclassOf(), test);
            default -> false;
        };
    }
}
