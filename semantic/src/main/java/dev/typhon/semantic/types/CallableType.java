package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * A structural callable type, {@code Callable[[int], str]}, shown as {@code (int, /) -> str}.
 *
 * @param signature  its parameters and return type
 * @param paramSpec  for {@code Callable[P, R]}, the name of the ParamSpec {@code P} its parameters are
 *                   (the signature is then gradual, {@code (...) -> R}, for every use but a decorator
 *                   that hands the parameters of one callable on to another); null otherwise
 * @param functionLike   a callable that is a function (a lambda, a function widened to its signature
 *                   in a collection): it has a function's attributes ({@code __name__}), which a
 *                   {@code Callable[...]} annotation does not promise
 */
public record CallableType(Signature signature, @Nullable String paramSpec, boolean functionLike) implements Type {

    public CallableType(Signature signature) {
        this(signature, null, false);
    }

    public CallableType(Signature signature, @Nullable String paramSpec) {
        this(signature, paramSpec, false);
    }

    /** A function's callable type: a lambda's, or a function's widened to its signature. */
    public static CallableType ofFunction(Signature signature) {
        return new CallableType(signature, null, true);
    }

    @Override
    public String display() {
        if (paramSpec != null && signature.gradual()) {
            return "(**" + paramSpec + ") -> " + Displays.asReturn(signature.returns());
        }
        return signature.display();
    }
}
