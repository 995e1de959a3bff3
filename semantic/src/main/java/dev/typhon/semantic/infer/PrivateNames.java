package dev.typhon.semantic.infer;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.types.Type;

/**
 * Private name mangling: inside a class {@code C}, {@code obj.__x} means {@code obj._C__x}, and the
 * index (like CPython's symtable) records a class body's {@code def __x} under the mangled name.
 */
final class PrivateNames {
    private PrivateNames() {
    }

    /** {@code _C__x} for a private {@code __x} written inside class {@code C}; null when no mangling applies. */
    static @Nullable String mangled(SourceFile file, int offset, String name) {
        if (!name.startsWith("__") || name.endsWith("__") || name.contains(".")) {
            return null;
        }
        Scope s = file.index().scopeAt(offset);
        while (s != null && s.kind() != ScopeKind.CLASS) {
            s = s.parent() < 0 ? null : file.index().scope(s.parent());
        }
        if (s == null) {
            return null;
        }
        String cls = s.name();
        int i = 0;
        while (i < cls.length() && cls.charAt(i) == '_') {
            i++;
        }
        return i == cls.length() ? null : "_" + cls.substring(i) + name;
    }

    /**
     * The name an attribute access looks up: the mangled name when the object has it, else the
     * name as written (attributes assigned through {@code self} are recorded as written).
     */
    static String effective(TypeInference ti, SourceFile file, Attribute a, Type object) {
        String m = mangled(file, a.startOffset(), a.attr());
        return m != null && ti.members.access(object, m).isFound() ? m : a.attr();
    }
}
