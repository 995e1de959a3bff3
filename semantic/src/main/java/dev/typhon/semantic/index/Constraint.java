package dev.typhon.semantic.index;

import dev.typhon.ast.Node;

/**
 * A test that guards a binding on some path: {@code if isinstance(x, int):}, {@code while x:},
 * {@code assert x}, a match case ({@code test} is then the MatchCase and {@code subject} the subject).
 *
 * @param positive whether the path took the test as true
 */
public record Constraint(Node test, boolean positive) {
}
