package dev.typhon.semantic.diagnostics;

import dev.typhon.ast.Nullable;
import java.util.Objects;

/**
 * One problem (or one piece of requested information, such as a revealed type) found in a file.
 * An immutable value, safe to keep after the file changes.
 *
 * <p>The text is split as ty splits it: a {@code headline} ({@code "Revealed type"},
 * {@code "Name `x` used when not defined"}) and the optional message of the primary annotation, the
 * text printed under the underlined range ({@code "`int`"}). {@link #conciseMessage()} joins them.
 *
 * @param rule the rule's name ({@code unresolved-reference}) or, for diagnostics that belong to no
 *     rule, their id ({@code invalid-syntax}, {@code revealed-type})
 * @param severity how serious it is
 * @param headline the main message
 * @param annotation the primary annotation's message, or null when it has none
 * @param path the file, as shown to a user
 * @param range where the primary span is
 */
public record Diagnostic(String rule, Severity severity, String headline, @Nullable String annotation,
        String path, SourceRange range) {

    public Diagnostic {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(range, "range");
    }

    /** {@code "<headline>: <annotation>"}, or the headline alone when there is no annotation. */
    public String conciseMessage() {
        return annotation == null || annotation.isEmpty() ? headline : headline + ": " + annotation;
    }
}
