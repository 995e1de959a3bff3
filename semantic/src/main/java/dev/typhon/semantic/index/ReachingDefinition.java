package dev.typhon.semantic.index;

import java.util.List;

/** A definition that can reach a use, with the tests that guard it on the way (innermost first). */
public record ReachingDefinition(Definition definition, List<Constraint> constraints) {
}
