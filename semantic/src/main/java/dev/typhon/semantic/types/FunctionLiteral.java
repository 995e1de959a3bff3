package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * A {@code def} statement, as the value of its name: {@code def f(x: int) -> str}.
 *
 * @param name the function's name
 * @param ref where it is defined
 * @param known the special meaning the checker gives it (decided once, from its module), or null
 * @param signature its signature, from annotations and defaults
 */
public record FunctionLiteral(String name, DefinitionRef ref, @Nullable KnownFunction known, Signature signature)
        implements Type {

    @Override
    public String display() {
        return "def " + name + signature.display();
    }

    public boolean isKnown(KnownFunction k) {
        return known == k;
    }
}
