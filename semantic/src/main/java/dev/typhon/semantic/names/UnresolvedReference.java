package dev.typhon.semantic.names;

import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.index.Use;

/**
 * A name read where no path ({@link Boundness#UNBOUND}) or not every path
 * ({@link Boundness#POSSIBLY_UNBOUND}) binds it: ty's {@code unresolved-reference} and
 * {@code possibly-unresolved-reference}.
 */
public record UnresolvedReference(Use use, Boundness boundness) {

    /** The rule name ty gives it. */
    public String rule() {
        return boundness == Boundness.UNBOUND ? "unresolved-reference" : "possibly-unresolved-reference";
    }

    /** The message ty prints for it. */
    public String message() {
        String name = use.node().id();
        return boundness == Boundness.UNBOUND ? "Name `" + name + "` used when not defined"
                : "Name `" + name + "` used when possibly not defined";
    }
}
