package dev.typhon.semantic.index;

import dev.typhon.ast.Name;

/** One read of a name: which scope's symbol it reads and what reaches it there. */
public final class Use {
    final int id;
    final int scope;
    final int symbol;
    final Name node;
    final boolean reachable;
    /** Mutable only while building: loops add their back-edge definitions. */
    Bindings bindings;

    Use(int id, int scope, int symbol, Name node, boolean reachable, Bindings bindings) {
        this.id = id;
        this.scope = scope;
        this.symbol = symbol;
        this.node = node;
        this.reachable = reachable;
        this.bindings = bindings;
    }

    public int id() {
        return id;
    }

    public int scope() {
        return scope;
    }

    public int symbol() {
        return symbol;
    }

    public Name node() {
        return node;
    }

    public int startOffset() {
        return node.startOffset();
    }

    /** False in code that static reachability rules out ({@code if sys.version_info < (3, 8):} ...). */
    public boolean reachable() {
        return reachable;
    }
}
