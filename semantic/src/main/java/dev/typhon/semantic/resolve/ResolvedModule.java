package dev.typhon.semantic.resolve;

import dev.typhon.ast.Nullable;
import java.util.List;

/**
 * A module the resolver found.
 *
 * @param name the dotted name
 * @param kind module file, regular package, or namespace package
 * @param searchPath where it came from (for a namespace package, its first portion's)
 * @param file the {@code .pyi}/{@code .py} file, or the package's {@code __init__}; null for a namespace package
 * @param directories a package's folder, or every portion of a namespace package; empty for a module file
 */
public record ResolvedModule(String name, ModuleKind kind, SearchPath searchPath, @Nullable ModuleLocation file,
        List<ModuleLocation> directories) {

    public ResolvedModule {
        directories = List.copyOf(directories);
    }

    /** True if its file is a stub ({@code .pyi}). */
    public boolean isStub() {
        return file != null && file.relativePath().endsWith(".pyi");
    }

    /** True for packages of either kind: relative imports in it start from itself. */
    public boolean isPackage() {
        return kind != ModuleKind.MODULE;
    }

    /** True if it came from typeshed's stdlib (not a user's module of the same name). */
    public boolean isTypeshedStdlib() {
        return searchPath.kind() == SearchPathKind.STDLIB;
    }

    /** Where it is, for users: its file, or its folders separated by {@code File.pathSeparator}. */
    public String display() {
        if (file != null) {
            return file.display();
        }
        StringBuilder sb = new StringBuilder();
        for (ModuleLocation dir : directories) {
            if (!sb.isEmpty()) {
                sb.append(java.io.File.pathSeparatorChar);
            }
            sb.append(dir.display());
        }
        return sb.toString();
    }
}
