package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;

/**
 * A special form of the typing modules, as the value of its name: {@code typing.Any},
 * {@code typing.Union}, ty_extensions' {@code Not}. Shown as {@code <special-form 'typing.Any'>}.
 */
public enum SpecialFormType implements Type {
    ANY("typing.Any"),
    UNION("typing.Union"),
    OPTIONAL("typing.Optional"),
    LITERAL("typing.Literal"),
    LITERAL_STRING("typing.LiteralString"),
    NEVER("typing.Never"),
    NO_RETURN("typing.NoReturn"),
    CALLABLE("typing.Callable"),
    TUPLE("typing.Tuple"),
    LIST("typing.List"),
    DICT("typing.Dict"),
    SET("typing.Set"),
    FROZEN_SET("typing.FrozenSet"),
    DEFAULT_DICT("typing.DefaultDict"),
    ORDERED_DICT("typing.OrderedDict"),
    COUNTER("typing.Counter"),
    DEQUE("typing.Deque"),
    CHAIN_MAP("typing.ChainMap"),
    TYPE("typing.Type"),
    FINAL("typing.Final"),
    CLASS_VAR("typing.ClassVar"),
    ANNOTATED("typing.Annotated"),
    TYPE_ALIAS("typing.TypeAlias"),
    TYPE_GUARD("typing.TypeGuard"),
    TYPE_IS("typing.TypeIs"),
    CONCATENATE("typing.Concatenate"),
    UNPACK("typing.Unpack"),
    REQUIRED("typing.Required"),
    NOT_REQUIRED("typing.NotRequired"),
    READ_ONLY("typing.ReadOnly"),
    SELF("typing.Self"),
    PROTOCOL("typing.Protocol"),
    GENERIC("typing.Generic"),
    TYPED_DICT("typing.TypedDict"),
    NOT("ty_extensions.Not"),
    INTERSECTION("ty_extensions.Intersection"),
    UNKNOWN("ty_extensions.Unknown"),
    ALWAYS_TRUTHY("ty_extensions.AlwaysTruthy"),
    ALWAYS_FALSY("ty_extensions.AlwaysFalsy"),
    TYPE_OF("ty_extensions.TypeOf"),
    CALLABLE_TYPE_OF("ty_extensions.CallableTypeOf"),
    TOP("ty_extensions.Top"),
    BOTTOM("ty_extensions.Bottom");

    private final String qualifiedName;

    SpecialFormType(String qualifiedName) {
        this.qualifiedName = qualifiedName;
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    @Override
    public String display() {
        return "<special-form '" + qualifiedName + "'>";
    }

    /** The special form a symbol of a known module names, or null ({@code typing.Any}: ANY). */
    public static @Nullable SpecialFormType lookup(KnownModule module, String name) {
        String prefix = switch (module) {
            case TYPING, TYPING_EXTENSIONS -> "typing.";
            case TY_EXTENSIONS, TY_EXTENSIONS_INTERNAL -> "ty_extensions.";
            default -> null;
        };
        if (prefix == null) {
            return null;
        }
        for (SpecialFormType f : values()) {
            if (f.qualifiedName.equals(prefix + name)) {
                return f;
            }
        }
        return null;
    }
}
