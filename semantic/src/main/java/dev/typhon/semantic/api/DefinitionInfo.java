package dev.typhon.semantic.api;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.diagnostics.SourceRange;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One place a name, an attribute or an imported module is defined, as {@link Workspace#definitionsAt}
 * finds it: in the workspace, elsewhere on the search paths, or in typeshed. An immutable value.
 *
 * @param name the defined name ({@code f}, {@code x}); a module's dotted name for a module
 * @param kind what kind of definition it is
 * @param path where it is, as the resolver shows it: a file-system path, or {@code vendored://stdlib/builtins.pyi}
 *     for the bundled typeshed
 * @param file the file on disk (or in the workspace) when there is one; null for the bundled typeshed
 * @param range the defined name's range in that file (a whole module: the start of its file)
 */
public record DefinitionInfo(String name, Kind kind, String path, @Nullable Path file, SourceRange range) {

    /** What a definition defines. */
    public enum Kind {
        /** A module or package (its file). */
        MODULE,
        /** A {@code class} statement. */
        CLASS,
        /** A {@code def} (or {@code async def}) statement. */
        FUNCTION,
        /** A variable bound by an assignment, a loop, a {@code with}, a pattern, ... */
        VARIABLE,
        /** A function's parameter. */
        PARAMETER,
        /** A name a class body binds, or an attribute assigned through {@code self}. */
        ATTRIBUTE,
        /** A {@code type X = ...} statement. */
        TYPE_ALIAS,
        /** A type parameter ({@code [T]}). */
        TYPE_PARAMETER,
        /** An import that leads nowhere further (its module or member does not resolve). */
        IMPORT
    }

    /** Checks that every component but {@code file} is present. */
    public DefinitionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(range, "range");
    }
}
