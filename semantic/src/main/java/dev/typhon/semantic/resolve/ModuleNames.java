package dev.typhon.semantic.resolve;

import dev.typhon.ast.Nullable;

/** Dotted module names: validity and the arithmetic of relative imports. */
public final class ModuleNames {

    private ModuleNames() {
    }

    /** A Python identifier (the ASCII subset plus any non-ASCII letter), as a module name part. */
    public static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isUnicodeIdentifierStart(s.codePointAt(0)) && s.charAt(0) != '_') {
            return false;
        }
        for (int i = Character.charCount(s.codePointAt(0)); i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** A dotted name of identifiers, like {@code os.path}. */
    public static boolean isValid(String dotted) {
        if (dotted.isEmpty()) {
            return false;
        }
        for (String part : dotted.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    /** The absolute name a relative import stands for, or why it has none. */
    public sealed interface Relative {
        record Absolute(String name) implements Relative {}

        record Invalid(String reason) implements Relative {}
    }

    /**
     * The module {@code from <level dots><module> import ...} refers to, written in module
     * {@code importer} (a package's {@code __init__} when {@code importerIsPackage}), following
     * CPython's {@code importlib._bootstrap._resolve_name}; the reasons are CPython's messages.
     *
     * @param module the part after the dots, or null/empty for {@code from . import x}
     */
    public static Relative resolveRelative(String importer, boolean importerIsPackage, int level, @Nullable String module) {
        if (level <= 0) {
            return module == null || module.isEmpty()
                    ? new Relative.Invalid("empty module name")
                    : new Relative.Absolute(module);
        }
        String pkg = importerIsPackage ? importer
                : importer.lastIndexOf('.') < 0 ? "" : importer.substring(0, importer.lastIndexOf('.'));
        if (pkg.isEmpty()) {
            return new Relative.Invalid("attempted relative import with no known parent package");
        }
        String base = pkg;
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                return new Relative.Invalid("attempted relative import beyond top-level package");
            }
            base = base.substring(0, dot);
        }
        return new Relative.Absolute(module == null || module.isEmpty() ? base : base + "." + module);
    }
}
