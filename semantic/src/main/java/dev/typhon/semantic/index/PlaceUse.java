package dev.typhon.semantic.index;

import dev.typhon.ast.Expr;

/** One read of a member place ({@code self.x}, {@code d["k"]}): a view of the index's place-use table. */
public final class PlaceUse {
    private final UseTable table;
    private final int id;

    PlaceUse(UseTable table, int id) {
        this.table = table;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public int scope() {
        return table.scope(id);
    }

    /** The place's id within its scope ({@link Scope#places()}). */
    public int place() {
        return table.symbols[id];
    }

    /** The Attribute or Subscript read. */
    public Expr node() {
        return table.nodes[id];
    }

    public boolean reachable() {
        return table.reachable(id);
    }

    public int reachability() {
        return table.reach[id];
    }

    Bindings bindings() {
        return table.bindings[id];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaceUse u && u.table == table && u.id == id;
    }

    @Override
    public int hashCode() {
        return id;
    }
}
