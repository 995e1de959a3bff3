package dev.typhon.semantic.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the scope tree and symbol flags exactly as the reference program does under CPython
 * 3.11's {@code symtable} module: one header line per scope, one line per symbol (sorted, leaving
 * out the compiler's names that start with a dot), children indented by two spaces.
 */
public final class SymtableDump {
    private static final String[] FLAG_NAMES = {"referenced", "imported", "parameter", "global", "nonlocal",
        "declared_global", "local", "annotated", "free", "assigned", "namespace"};

    private SymtableDump() {
    }

    public static void dump(SemanticIndex index, StringBuilder out) {
        show(index, index.moduleScope(), 0, out);
    }

    private static void show(SemanticIndex index, Scope s, int depth, StringBuilder out) {
        indent(out, depth);
        out.append(typeName(s.kind)).append(' ').append(s.name).append(' ').append(s.lineno).append('\n');
        List<Integer> symbols = new ArrayList<>(s.symbolCount);
        for (int i = 0; i < s.symbolCount; i++) {
            if (!s.names[i].startsWith(".")) {
                symbols.add(i);
            }
        }
        symbols.sort((a, b) -> compareCodePoints(s.names[a], s.names[b]));
        boolean moduleScope = s.name.equals("top");
        for (int sym : symbols) {
            indent(out, depth);
            String name = s.names[sym];
            out.append("  ").append(name).append(": ");
            int flags = s.flags(sym);
            int res = s.resolution(sym);
            boolean bound = (flags & SymbolFlags.BOUND) != 0;
            boolean[] on = {
                (flags & SymbolFlags.USED) != 0,
                (flags & SymbolFlags.IMPORTED) != 0,
                (flags & SymbolFlags.PARAMETER) != 0,
                res == SymbolFlags.GLOBAL_IMPLICIT || res == SymbolFlags.GLOBAL_EXPLICIT || (moduleScope && bound),
                (flags & SymbolFlags.NONLOCAL) != 0,
                res == SymbolFlags.GLOBAL_EXPLICIT,
                res == SymbolFlags.LOCAL || res == SymbolFlags.CELL || (moduleScope && bound),
                (flags & SymbolFlags.DECLARED) != 0,
                res == SymbolFlags.FREE,
                (flags & SymbolFlags.ASSIGNED) != 0,
                hasChildNamed(index, s, name),
            };
            boolean first = true;
            for (int f = 0; f < FLAG_NAMES.length; f++) {
                if (on[f]) {
                    if (!first) {
                        out.append(' ');
                    }
                    out.append(FLAG_NAMES[f]);
                    first = false;
                }
            }
            out.append('\n');
        }
        for (int i = 0; i < s.childCount; i++) {
            show(index, index.scope(s.children[i]), depth + 1, out);
        }
    }

    private static boolean hasChildNamed(SemanticIndex index, Scope s, String name) {
        for (int i = 0; i < s.childCount; i++) {
            if (index.scope(s.children[i]).name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String typeName(ScopeKind kind) {
        return switch (kind) {
            case MODULE -> "module";
            case CLASS -> "class";
            case TYPE_PARAMETERS -> "type parameters";
            case TYPE_ALIAS -> "type alias";
            case ANNOTATION -> "annotation";
            default -> "function";
        };
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /** Python orders strings by code point; Java's compareTo by UTF-16 unit. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
