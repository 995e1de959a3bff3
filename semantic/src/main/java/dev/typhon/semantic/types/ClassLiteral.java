package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * A class statement, as a value: its name, the module it is in and where it is defined. What is
 * computed from its body (bases, MRO, metaclass, type parameters, members) is asked of the
 * {@link TypeDb}, which computes it lazily once.
 *
 * @param name the class's name
 * @param module the dotted name of the module that defines it
 * @param ref where it is defined
 * @param known the special meaning the checker gives it, decided once when it is created: only a
 *     class of the configured typeshed's stdlib can be known
 */
public record ClassLiteral(String name, String module, DefinitionRef ref, @Nullable KnownClass known) {

    public boolean isKnown(KnownClass k) {
        return known == k;
    }

    /** {@code module.name}, as ty prints a class whose short name would be ambiguous. */
    public String qualifiedName() {
        return module.isEmpty() ? name : module + "." + name;
    }

    /** The class not specialized (its type parameters, if any, left open). */
    public ClassType unspecialized() {
        return new ClassType(this, java.util.List.of());
    }
}
