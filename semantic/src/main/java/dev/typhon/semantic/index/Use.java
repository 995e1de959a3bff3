package dev.typhon.semantic.index;

import dev.typhon.ast.Name;

/** One read of a name (a view of the index's use table): which scope's symbol it reads and what reaches it there. */
public final class Use {
    private final UseTable table;
    private final int id;

    Use(UseTable table, int id) {
        this.table = table;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public int scope() {
        return table.scope(id);
    }

    public int symbol() {
        return table.symbols[id];
    }

    public Name node() {
        return (Name) table.nodes[id];
    }

    /** The Name's id in its module ({@link dev.typhon.ast.Node#nodeId()}). */
    public int nodeId() {
        return table.nodes[id].nodeId();
    }

    public int startOffset() {
        return table.nodes[id].startOffset();
    }

    /** The {@link Reachability} formula of the point of the use (static reachability apart). */
    public int reachability() {
        return table.reach[id];
    }

    /** False in code that static reachability rules out ({@code if sys.version_info < (3, 8):} ...). */
    public boolean reachable() {
        return table.reachable(id);
    }

    Bindings bindings() {
        return table.bindings[id];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Use u && u.table == table && u.id == id;
    }

    @Override
    public int hashCode() {
        return id;
    }
}
