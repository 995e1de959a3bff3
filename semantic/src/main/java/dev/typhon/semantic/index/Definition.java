package dev.typhon.semantic.index;

import dev.typhon.ast.Node;

/**
 * One binding, declaration or unbinding of a symbol or of a member place.
 *
 * @param id           index in {@link SemanticIndex#definitions()}, in source walk order: the
 *                     definition's identity within its index
 * @param scope        the scope whose symbol or place is defined
 * @param symbol       the symbol's id within that scope; {@code -1} for a star import and for a place
 * @param place        the member place's id within that scope ({@code self.x}, {@code d["k"]}), or {@code -1}
 * @param kind         how it binds
 * @param node         the binding node: a Name target, Attribute/Subscript target, Alias, FunctionDef, Arg,
 *                     ExceptHandler, pattern, ...
 * @param statement    the statement or expression that provides the value (Assign, For, withitem,
 *                     comprehension, NamedExpr, ...); equal to {@code node} when there is no other
 * @param reachable    whether static reachability lets the definition happen at all
 * @param reachability the {@link Reachability} formula of the point where it happens
 */
public record Definition(int id, int scope, int symbol, int place, DefinitionKind kind, Node node, Node statement,
                         boolean reachable, int reachability) {

    /**
     * Start of the binding node (UTF-16 offset), for display and lookups; not an identity
     * ({@code except ... as e} binds and unbinds at one offset). Read from the node, not stored.
     */
    public int startOffset() {
        return node.startOffset();
    }

    /** The binding node's id in its module ({@link Node#nodeId()}): what inference memoizes by. */
    public int nodeId() {
        return node.nodeId();
    }

    public boolean isPlace() {
        return place >= 0;
    }

    /** Identity: the id within its index, and the very node (never a structural comparison of trees). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Definition d && d.id == id && d.node == node && d.kind == kind;
    }

    @Override
    public int hashCode() {
        return id * 31 + kind.ordinal();
    }
}
