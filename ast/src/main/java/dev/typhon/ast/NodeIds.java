package dev.typhon.ast;

import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Numbers the nodes of a tree: dense ids from 0 in pre-order of the source-order walk
 * ({@link Node#forEachChildInSourceOrder}). So a node's subtree is the id range
 * {@code [id, id + size)} and siblings' ids grow with their start offsets.
 *
 * <p>The parser numbers every module it returns; call {@link #assign} on a hand-built tree
 * before using {@link Node#nodeId()} or {@link NodeTable} on it.
 */
public final class NodeIds {

    private NodeIds() {
    }

    /**
     * Numbers {@code root} and every node under it, returning how many there are. Numbering a tree
     * again is harmless (the same ids); a node that appears twice in the tree, or already belongs to
     * another numbered tree, makes it throw {@link IllegalStateException}.
     */
    public static int assign(Node root) {
        // An explicit stack, not recursion: the parser accepts trees deeper than a thread's stack
        // would allow a recursive walk (long operator chains nest left-deep).
        ArrayList<Node> stack = new ArrayList<>(64);
        Consumer<Node> push = stack::add;
        stack.add(root);
        int next = 0;
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            ((NodeBase) node).assignNodeId(next++);
            int first = stack.size();
            node.forEachChildInSourceOrder(push);
            // Children were pushed in source order; reverse them so the first is popped first.
            for (int i = first, j = stack.size() - 1; i < j; i++, j--) {
                Node t = stack.get(i);
                stack.set(i, stack.get(j));
                stack.set(j, t);
            }
        }
        return next;
    }
}
