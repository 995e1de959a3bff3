package dev.typhon.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * Lookups over one numbered tree (see {@link NodeIds}): the node with an id, a node's parent and
 * ancestors, and the innermost node at a source offset. Built on demand ({@link #of}), in one
 * pass over the tree; immutable afterwards, so safe to share between threads.
 *
 * <p>Ranges are half-open: a node contains offset {@code o} when {@code start <= o < end}, so an
 * empty range (the {@link Arguments} of {@code def f():}) contains nothing.
 *
 * <p>A child need not lie inside its parent's range: CPython starts a decorated {@code def} or
 * {@code class} at the keyword, after its decorators, and a module's {@code # type: ignore}
 * comments lie inside the statements they annotate. Offset lookup therefore descends by each
 * subtree's extent (the union of its nodes' ranges), not by the parent's own range. Siblings can
 * also overlap, in f-strings' debug fields: in {@code f"a {c=}"} CPython's constant {@code " c="}
 * spans the start of the field {@code {c=}}, and in {@code f"{c=}"} the constant starts inside the
 * field (the source-order walk puts the field first); lookup then
 * explores every sibling holding the offset and keeps the smallest range.
 */
public final class NodeTable {

    private final Node[] nodes;
    private final int[] parent;
    /** One past the last id of each node's subtree. */
    private final int[] subtreeEnd;
    /** The union of the ranges of each node's subtree. */
    private final int[] extentStart;
    private final int[] extentEnd;
    /** Nodes whose children's extents do not start in order, so a scan may not stop early. */
    private final java.util.BitSet unsortedChildren = new java.util.BitSet();

    private NodeTable(Node root) {
        if (root.nodeId() != 0) {
            throw new IllegalArgumentException("the tree is not numbered (root id " + root.nodeId()
                    + "); call NodeIds.assign first");
        }
        ArrayList<Node> order = new ArrayList<>();
        ArrayList<Integer> parents = new ArrayList<>();
        collect(root, order, parents);
        int n = order.size();
        nodes = order.toArray(new Node[0]);
        parent = new int[n];
        subtreeEnd = new int[n];
        extentStart = new int[n];
        extentEnd = new int[n];
        for (int id = 0; id < n; id++) {
            if (nodes[id].nodeId() != id) {
                throw new IllegalArgumentException("node " + nodes[id].pythonName() + " at pre-order position " + id
                        + " has id " + nodes[id].nodeId() + ": the tree changed or was numbered as part of another");
            }
            parent[id] = parents.get(id);
            subtreeEnd[id] = id + 1;
            extentStart[id] = nodes[id].startOffset();
            extentEnd[id] = nodes[id].endOffset();
        }
        // Children have larger ids than their parent: fold each into its parent, last id first.
        for (int id = n - 1; id > 0; id--) {
            int p = parent[id];
            subtreeEnd[p] = Math.max(subtreeEnd[p], subtreeEnd[id]);
            extentStart[p] = Math.min(extentStart[p], extentStart[id]);
            extentEnd[p] = Math.max(extentEnd[p], extentEnd[id]);
        }
        for (int id = 0; id < n; id++) {
            int previous = Integer.MIN_VALUE;
            for (int child = id + 1; child < subtreeEnd[id]; child = subtreeEnd[child]) {
                if (extentStart[child] < previous) {
                    unsortedChildren.set(id);
                }
                previous = extentStart[child];
            }
        }
    }

    /** The table of a tree numbered by the parser or {@link NodeIds#assign}. */
    public static NodeTable of(Node root) {
        return new NodeTable(root);
    }

    /** Pre-order of the source-order walk, iteratively (trees can be deeper than the stack). */
    private static void collect(Node root, List<Node> order, List<Integer> parents) {
        ArrayList<Node> stack = new ArrayList<>();
        ArrayList<Integer> stackParents = new ArrayList<>();
        stack.add(root);
        stackParents.add(-1);
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            int id = order.size();
            order.add(node);
            parents.add(stackParents.remove(stackParents.size() - 1));
            int first = stack.size();
            node.forEachChildInSourceOrder(child -> {
                stack.add(child);
                stackParents.add(id);
            });
            for (int i = first, j = stack.size() - 1; i < j; i++, j--) {
                Node t = stack.get(i);
                stack.set(i, stack.get(j));
                stack.set(j, t);
                // Every child pushed here has the same parent: no need to swap stackParents.
            }
        }
    }

    /** How many nodes the tree has; ids run from 0 to {@code size() - 1}. */
    public int size() {
        return nodes.length;
    }

    /** The root (id 0). */
    public Node root() {
        return nodes[0];
    }

    /** The node with id {@code id}. */
    public Node node(int id) {
        return nodes[id];
    }

    /** The id of {@code node}'s parent, or -1 for the root. */
    public int parentId(int id) {
        return parent[id];
    }

    /** {@code node}'s parent, or {@code null} for the root. */
    public Node parent(Node node) {
        int p = parent[idOf(node)];
        return p < 0 ? null : nodes[p];
    }

    /** How many nodes the subtree of {@code id} has: its ids are {@code [id, id + subtreeSize(id))}. */
    public int subtreeSize(int id) {
        return subtreeEnd[id] - id;
    }

    /** {@code node}'s ancestors, innermost first, ending with the root; empty for the root. */
    public List<Node> ancestors(Node node) {
        ArrayList<Node> out = new ArrayList<>();
        for (int p = parent[idOf(node)]; p >= 0; p = parent[p]) {
            out.add(nodes[p]);
        }
        return out;
    }

    /**
     * The innermost node whose range contains {@code offset} (the smallest range; on a tie the
     * deeper, then the later node); the root for an offset in the tree's extent that no other node
     * contains (blank lines, comments, the end of the file); {@code null} outside the extent.
     */
    public Node nodeAt(int offset) {
        if (offset < extentStart[0] || offset > extentEnd[0]) {
            return null;
        }
        int best = 0;
        // Depth-first over the subtrees whose extent holds the offset: usually one path, a few
        // more where siblings overlap. An explicit stack: trees can be deeper than the thread's.
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int current = stack[--top];
            if (current != 0 && contains(current, offset)
                    && (width(current) < width(best) || width(current) == width(best) && current > best)) {
                best = current; // ids grow with depth and source order: a tie goes to the deeper, then later
            }
            // Children in source order: ids current+1, then each one past the previous subtree.
            for (int child = current + 1; child < subtreeEnd[current]; child = subtreeEnd[child]) {
                if (extentStart[child] > offset && childrenSortedByExtent(current)) {
                    break;
                }
                if (extentStart[child] <= offset && offset < extentEnd[child]) {
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = child;
                }
            }
        }
        return nodes[best];
    }

    private boolean contains(int id, int offset) {
        return nodes[id].startOffset() <= offset && offset < nodes[id].endOffset();
    }

    private int width(int id) {
        return nodes[id].endOffset() - nodes[id].startOffset();
    }

    private boolean childrenSortedByExtent(int id) {
        return !unsortedChildren.get(id);
    }

    /** The id of {@code node}, checked to belong to this tree. */
    private int idOf(Node node) {
        int id = node.nodeId();
        if (id < 0 || id >= nodes.length || nodes[id] != node) {
            throw new IllegalArgumentException(node.pythonName() + " (id " + id + ") is not a node of this tree");
        }
        return id;
    }
}
