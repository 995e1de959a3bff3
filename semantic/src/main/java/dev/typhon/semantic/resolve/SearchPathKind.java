package dev.typhon.semantic.resolve;

/** The kinds of search path, in the order the resolver consults them (the typing spec's order). */
public enum SearchPathKind {
    /** Given with {@code --extra-search-path}: first, so users can patch anything. */
    EXTRA("extra"),
    /** The project's own code ({@code --project-root}, and its {@code src/}). */
    FIRST_PARTY("first-party"),
    /** typeshed's {@code stdlib/}, gated by {@code VERSIONS} and the target Python version. */
    STDLIB("stdlib"),
    /** A Python environment's {@code site-packages} ({@code foo-stubs} before {@code foo}). */
    SITE_PACKAGES("site-packages"),
    /** typeshed's third-party {@code stubs/}: last. */
    TYPESHED_STUBS("typeshed-stubs");

    private final String label;

    SearchPathKind(String label) {
        this.label = label;
    }

    /** The name the CLI prints. */
    public String label() {
        return label;
    }
}
