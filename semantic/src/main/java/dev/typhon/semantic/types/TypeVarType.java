package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;
import java.util.List;

/**
 * A type variable as seen inside the scope that binds it: {@code T@f}.
 *
 * @param name the variable's name
 * @param binder the name of the function or class that binds it (empty while unbound)
 * @param ref where the variable is defined (its {@code TypeVar(...)} assignment or PEP 695 parameter)
 * @param bound the upper bound, or null
 * @param constraints the constraints of a constrained variable, or empty
 * @param variance as declared ({@code covariant=True}) or inferred; invariant by default
 */
public record TypeVarType(String name, String binder, DefinitionRef ref, @Nullable Type bound,
        List<Type> constraints, Variance variance) implements Type {

    public TypeVarType {
        constraints = List.copyOf(constraints);
    }

    /** The same variable, bound by {@code binder}. */
    public TypeVarType boundBy(String binder) {
        return new TypeVarType(name, binder, ref, bound, constraints, variance);
    }

    @Override
    public String display() {
        return binder.isEmpty() ? name : name + "@" + binder;
    }
}
