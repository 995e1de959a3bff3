package dev.typhon.semantic.api;

import java.util.Objects;

/**
 * What an editor shows when the pointer rests on an expression.
 *
 * @param node the expression
 * @param text one line: a class's {@code class Name}, a function's signature ({@code def f(x: int) -> str}),
 *     else the type's display
 */
public record HoverInfo(NodeRef node, String text) {
    /** Checks that both components are present. */
    public HoverInfo {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(text, "text");
    }
}
