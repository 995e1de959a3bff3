package dev.typhon.semantic.index;

import java.util.List;

/**
 * Everything that can be live for a symbol or place at one point: the definitions that reach it,
 * and whether the implicit start state reaches too (the name unbound; for a place, whatever the
 * attribute or item is), with that path's narrowing constraints and reachability formula.
 */
public record ReachingBindings(List<ReachingDefinition> definitions, boolean mayBeUnbound,
                               List<Constraint> unboundConstraints, int unboundReachability) {
}
