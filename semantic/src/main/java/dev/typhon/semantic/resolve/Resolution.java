package dev.typhon.semantic.resolve;

/** The outcome of resolving one module name. */
public sealed interface Resolution {
    String name();

    record Found(ResolvedModule module) implements Resolution {
        @Override
        public String name() {
            return module.name();
        }
    }

    /** Not found; {@code reason} says why in words for users, e.g. "stdlib module added in 3.11". */
    record NotFound(String name, String reason) implements Resolution {}
}
