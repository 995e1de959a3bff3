package dev.typhon.ast;

/**
 * The superclass of every generated node class: identity equality and the node id.
 *
 * <p>Nodes compare by identity so that a map or set keyed by nodes costs O(1) per operation:
 * Immutables' structural {@code equals}/{@code hashCode} walked the whole subtree (a map keyed by a
 * class hashed every method in it). Immutables does not generate either method when the value type
 * inherits a non-abstract one, and {@code final} keeps it that way. {@link AstEquality} compares
 * trees structurally.
 *
 * <p>Package-private: only the generated node classes extend it, and only {@link NodeIds} sets ids.
 */
abstract class NodeBase {

    /**
     * Set once by {@link NodeIds#assign}. Not final and not volatile: the parser numbers a tree
     * before it constructs the {@code ParseResult} whose final field holds the module, so every
     * thread that reads the tree through that result sees the ids (JLS 17.5, final field freeze).
     * A caller numbering a hand-built tree publishes it as it publishes any other object.
     */
    private int nodeId = -1;

    NodeBase() {
    }

    /** See {@link Node#nodeId()}. */
    public final int nodeId() {
        return nodeId;
    }

    /**
     * Numbers this node. Numbering the same tree again writes the same ids and is allowed; a
     * different id means the node sits twice in one tree or in two numbered trees, which would make
     * ids ambiguous, so it fails.
     */
    final void assignNodeId(int id) {
        if (nodeId != -1 && nodeId != id) {
            throw new IllegalStateException("node " + getClass().getSimpleName() + " already has id " + nodeId
                    + ", cannot take " + id + ": a node may appear only once, in one numbered tree");
        }
        nodeId = id;
    }

    @Override
    public final boolean equals(Object other) {
        return this == other;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }
}
