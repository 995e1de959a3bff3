package dev.typhon.semantic.diagnostics;

/** How serious a diagnostic is; a rule's default, which settings may change. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The lower-case word ty prints: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return label;
    }
}
