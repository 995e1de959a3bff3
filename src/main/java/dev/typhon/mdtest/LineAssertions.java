package dev.typhon.mdtest;

import java.util.List;

/**
 * The assertions that apply to one line of a file, in source order.
 *
 * @param line the 1-based line they apply to (for a stack of own-line comments, the line after it)
 */
public record LineAssertions(int line, List<Assertion> assertions) {

    public LineAssertions {
        assertions = List.copyOf(assertions);
    }
}
