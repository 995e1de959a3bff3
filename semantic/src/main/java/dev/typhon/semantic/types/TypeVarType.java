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
 * @param isSelf whether this is {@code typing.Self}: the variable a method binds implicitly for its
 *     receiver ({@code ref} is the method, or the class for an attribute annotation), bounded by
 *     the class; its unannotated {@code self} / {@code cls} parameter is solved to the receiver
 */
public record TypeVarType(String name, String binder, DefinitionRef ref, @Nullable Type bound,
        List<Type> constraints, Variance variance, boolean isSelf) implements Type {

    public TypeVarType {
        constraints = List.copyOf(constraints);
    }

    public TypeVarType(String name, String binder, DefinitionRef ref, @Nullable Type bound, List<Type> constraints,
            Variance variance) {
        this(name, binder, ref, bound, constraints, variance, false);
    }

    /** {@code Self} as the method (or class, for {@code binder} empty) at {@code ref} binds it, bounded by its class. */
    public static TypeVarType self(String binder, DefinitionRef ref, Type bound) {
        return new TypeVarType("Self", binder, ref, bound, List.of(), Variance.INVARIANT, true);
    }

    /** The same variable, bound by {@code binder}. */
    public TypeVarType boundBy(String binder) {
        return new TypeVarType(name, binder, ref, bound, constraints, variance, isSelf);
    }

    @Override
    public String display() {
        return binder.isEmpty() ? name : name + "@" + binder;
    }
}
