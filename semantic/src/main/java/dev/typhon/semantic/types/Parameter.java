package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * One parameter of a {@link Signature}.
 *
 * @param kind how arguments bind to it
 * @param name its name; null for the unnamed positional parameters of {@code Callable[[int], str]}
 * @param annotatedType the declared type, or null when unannotated (its type is then Unknown)
 * @param defaultDisplay how its default is shown ({@code None}, {@code 1}, {@code ...}), or null when
 *     it has none
 */
public record Parameter(Kind kind, @Nullable String name, @Nullable Type annotatedType,
        @Nullable String defaultDisplay) {

    public enum Kind {
        POSITIONAL_ONLY,
        POSITIONAL_OR_KEYWORD,
        VARIADIC,
        KEYWORD_ONLY,
        KEYWORD_VARIADIC
    }

    /** The type an argument must have: the annotation, or Unknown. */
    public Type type() {
        return annotatedType == null ? DynamicType.UNKNOWN : annotatedType;
    }

    public boolean hasDefault() {
        return defaultDisplay != null;
    }

    String display() {
        StringBuilder sb = new StringBuilder();
        if (kind == Kind.VARIADIC) {
            sb.append('*');
        } else if (kind == Kind.KEYWORD_VARIADIC) {
            sb.append("**");
        }
        if (name == null) {
            sb.append(annotatedType == null ? "Unknown" : annotatedType.display());
        } else {
            sb.append(name);
            if (annotatedType != null) {
                sb.append(": ").append(annotatedType.display());
            }
        }
        if (defaultDisplay != null) {
            sb.append(annotatedType == null ? "=" : " = ").append(defaultDisplay);
        }
        return sb.toString();
    }
}
