package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * The modules whose contents the checker treats specially. A file is one of them only when it is
 * the stdlib stub of the configured typeshed with that name: a user's own {@code typing.py} is not.
 */
public enum KnownModule {
    BUILTINS("builtins"),
    TYPES("types"),
    TYPESHED("_typeshed"),
    TYPING("typing"),
    TYPING_EXTENSIONS("typing_extensions"),
    COLLECTIONS("collections"),
    COLLECTIONS_ABC("collections.abc"),
    ABC("abc"),
    SYS("sys"),
    ENUM("enum"),
    DATACLASSES("dataclasses"),
    FUNCTOOLS("functools"),
    INSPECT("inspect"),
    OS("os"),
    TY_EXTENSIONS("ty_extensions"),
    TY_EXTENSIONS_INTERNAL("ty_extensions._internal");

    private final String moduleName;

    KnownModule(String moduleName) {
        this.moduleName = moduleName;
    }

    /** The dotted module name. */
    public String moduleName() {
        return moduleName;
    }

    /** The known module of that dotted name, or null. */
    public static @Nullable KnownModule of(String moduleName) {
        return switch (moduleName) {
            case "builtins" -> BUILTINS;
            case "types" -> TYPES;
            case "_typeshed" -> TYPESHED;
            case "typing" -> TYPING;
            case "typing_extensions" -> TYPING_EXTENSIONS;
            case "collections" -> COLLECTIONS;
            case "collections.abc" -> COLLECTIONS_ABC;
            case "abc" -> ABC;
            case "sys" -> SYS;
            case "enum" -> ENUM;
            case "dataclasses" -> DATACLASSES;
            case "functools" -> FUNCTOOLS;
            case "inspect" -> INSPECT;
            case "os" -> OS;
            case "ty_extensions" -> TY_EXTENSIONS;
            case "ty_extensions._internal" -> TY_EXTENSIONS_INTERNAL;
            default -> null;
        };
    }
}
