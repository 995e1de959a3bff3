package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * A structural callable type, {@code Callable[[int], str]}, shown as {@code (int, /) -> str}.
 *
 * @param signature  its parameters and return type
 * @param paramSpec  for {@code Callable[P, R]}, the name of the ParamSpec {@code P} its parameters are
 *                   (the signature is then gradual, {@code (...) -> R}, for every use but a decorator
 *                   that hands the parameters of one callable on to another); null otherwise
 */
public record CallableType(Signature signature, @Nullable String paramSpec) implements Type {

    public CallableType(Signature signature) {
        this(signature, null);
    }

    @Override
    public String display() {
        if (paramSpec != null && signature.gradual()) {
            return "(**" + paramSpec + ") -> " + Displays.asReturn(signature.returns());
        }
        return signature.display();
    }
}
