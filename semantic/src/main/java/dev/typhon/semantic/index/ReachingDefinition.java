package dev.typhon.semantic.index;

import java.util.List;

/**
 * A definition that can reach a point, with the tests that narrow it on the way (innermost first)
 * and the {@link Reachability} formula under which it is the live binding there, relative to the
 * point: it is live where both this formula and the point's own ({@link Use#reachability()})
 * may hold.
 */
public record ReachingDefinition(Definition definition, List<Constraint> constraints, int reachability) {
}
