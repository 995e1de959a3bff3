package dev.typhon.semantic.types;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The type variables a type mentions: in class arguments, unions, intersections, tuples, {@code type[...]} and callables. */
public final class TypeVariables {
    /** Nesting past this depth is not searched (self-referential specializations). */
    private static final int MAX_DEPTH = 20;

    private TypeVariables() {
    }

    /** Every type variable {@code t} mentions, in order of first occurrence, each once (by its definition). */
    public static void collect(Type t, List<TypeVarType> out) {
        visit(t, v -> {
            if (out.stream().noneMatch(o -> o.ref().equals(v.ref()))) {
                out.add(v);
            }
        }, 0);
    }

    /** Whether a type variable occurs in {@code t}. */
    public static boolean mentioned(Type t) {
        return any(t, v -> true);
    }

    /** Whether a type variable occurring in {@code t} satisfies {@code test}. */
    public static boolean any(Type t, Predicate<TypeVarType> test) {
        boolean[] found = new boolean[1];
        visit(t, v -> found[0] |= test.test(v), 0);
        return found[0];
    }

    /** Calls {@code each} for every occurrence of a type variable in {@code t}. */
    private static void visit(Type t, Consumer<TypeVarType> each, int level) {
        if (level > MAX_DEPTH) {
            return;
        }
        switch (t) {
            case TypeVarType v -> each.accept(v);
            case InstanceType i -> i.classType().arguments().forEach(a -> visit(a, each, level + 1));
            case ClassLiteralType c -> c.classType().arguments().forEach(a -> visit(a, each, level + 1));
            case SubclassOfType s -> visit(s.subclassOf(), each, level + 1);
            case UnionType u -> u.members().forEach(m -> visit(m, each, level + 1));
            case IntersectionType x -> {
                x.positive().forEach(m -> visit(m, each, level + 1));
                x.negative().forEach(m -> visit(m, each, level + 1));
            }
            case TupleType tt -> tt.allElements().forEach(m -> visit(m, each, level + 1));
            case CallableType c -> {
                for (Parameter p : c.signature().parameters()) {
                    visit(p.type(), each, level + 1);
                }
                visit(c.signature().returns(), each, level + 1);
            }
            default -> {
            }
        }
    }
}
