package dev.typhon.semantic.api;

import dev.typhon.semantic.types.Type;
import java.util.Objects;

/**
 * The type of an expression, as {@link Workspace#typeAt} finds it.
 *
 * @param node the expression (the innermost one at the offset asked about)
 * @param display the type as ty shows it, and as {@code reveal_type} reveals it ({@code list[int]},
 *     {@code Literal[1]}, {@code <class 'C'>}, {@code def f(x: int) -> str})
 * @param type the structured type: an immutable value; the classes and functions it names refer to
 *     definitions of the snapshot it came from ({@link NodeRef#revision()})
 */
public record TypeInfo(NodeRef node, String display, Type type) {
    /** Checks that every component is present. */
    public TypeInfo {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(type, "type");
    }
}
