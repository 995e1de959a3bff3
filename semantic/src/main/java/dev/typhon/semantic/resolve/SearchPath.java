package dev.typhon.semantic.resolve;

/** One root the resolver looks for modules in, and what kind of root it is. */
public record SearchPath(SearchPathKind kind, FileTree tree) {
    /** Shown to users: the folder, or a {@code vendored://} name for the bundled typeshed. */
    public String display() {
        return tree.displayPath("");
    }

    @Override
    public String toString() {
        return kind.label() + " " + display();
    }
}
