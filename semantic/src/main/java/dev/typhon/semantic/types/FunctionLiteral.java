package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * A {@code def} statement, as the value of its name: {@code def f(x: int) -> str}.
 *
 * @param name the function's name
 * @param ref where it is defined
 * @param known the special meaning the checker gives it (decided once, from its module), or null
 * @param signature its signature, from annotations and defaults
 * @param synthesized a method no {@code def} wrote, made for its class from the class's fields (a
 *     dataclass's {@code __init__}, a named tuple's {@code __new__}); {@code ref} is then the class's
 *     definition, and it shows as its bare signature, as ty shows such methods
 */
public record FunctionLiteral(String name, DefinitionRef ref, @Nullable KnownFunction known, Signature signature,
        boolean synthesized) implements Type {

    public FunctionLiteral(String name, DefinitionRef ref, @Nullable KnownFunction known, Signature signature) {
        this(name, ref, known, signature, false);
    }

    /** The same function with another signature (a specialization of it). */
    public FunctionLiteral withSignature(Signature s) {
        return new FunctionLiteral(name, ref, known, s, synthesized);
    }

    @Override
    public String display() {
        return synthesized ? signature.display() : "def " + name + signature.display();
    }

    public boolean isKnown(KnownFunction k) {
        return known == k;
    }
}
