package dev.typhon.semantic.resolve;

/** What a resolved module is on disk. */
public enum ModuleKind {
    /** A single {@code .pyi} or {@code .py} file. */
    MODULE("module"),
    /** A folder with {@code __init__.pyi} or {@code __init__.py}. */
    PACKAGE("package"),
    /** A PEP 420 namespace package: folders without {@code __init__}, possibly in several roots. */
    NAMESPACE_PACKAGE("namespace-package");

    private final String label;

    ModuleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
