package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;
import java.util.List;

/**
 * The functions the checker treats specially when they are called, each named by its symbol and the
 * modules that may define it. A function literal is known when it is defined, under that name, in the
 * stdlib stub of one of those modules.
 */
public enum KnownFunction {
    REVEAL_TYPE("reveal_type", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS, KnownModule.BUILTINS),
    ASSERT_TYPE("assert_type", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    ASSERT_NEVER("assert_never", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    CAST("cast", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    OVERLOAD("overload", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    OVERRIDE("override", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    FINAL("final", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    NO_TYPE_CHECK("no_type_check", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    IS_TYPEDDICT("is_typeddict", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    GET_ARGS("get_args", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    DISJOINT_BASE("disjoint_base", KnownModule.TYPING_EXTENSIONS),
    ISINSTANCE("isinstance", KnownModule.BUILTINS),
    ISSUBCLASS("issubclass", KnownModule.BUILTINS),
    LEN("len", KnownModule.BUILTINS),
    CALLABLE("callable", KnownModule.BUILTINS),
    HASATTR("hasattr", KnownModule.BUILTINS),
    REPR("repr", KnownModule.BUILTINS),
    ABSTRACTMETHOD("abstractmethod", KnownModule.ABC),
    DATACLASS("dataclass", KnownModule.DATACLASSES),
    DATACLASS_TRANSFORM("dataclass_transform", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    FIELD("field", KnownModule.DATACLASSES),
    TOTAL_ORDERING("total_ordering", KnownModule.FUNCTOOLS),
    STATIC_ASSERT("static_assert", KnownModule.TY_EXTENSIONS, KnownModule.TY_EXTENSIONS_INTERNAL),
    IS_SUBTYPE_OF("is_subtype_of", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    IS_ASSIGNABLE_TO("is_assignable_to", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    IS_EQUIVALENT_TO("is_equivalent_to", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    IS_DISJOINT_FROM("is_disjoint_from", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    IS_SINGLETON("is_singleton", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    IS_SINGLE_VALUED("is_single_valued", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    REVEAL_MRO("reveal_mro", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    GENERIC_CONTEXT("generic_context", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    INTO_REGULAR_CALLABLE("into_regular_callable", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    DUNDER_ALL_NAMES("dunder_all_names", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    ENUM_MEMBERS("enum_members", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    TOP_MATERIALIZATION("top_materialization", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS),
    BOTTOM_MATERIALIZATION("bottom_materialization", KnownModule.TY_EXTENSIONS_INTERNAL, KnownModule.TY_EXTENSIONS);

    private final String symbol;
    private final List<KnownModule> modules;

    KnownFunction(String symbol, KnownModule canonical, KnownModule... others) {
        this.symbol = symbol;
        this.modules = java.util.stream.Stream.concat(java.util.stream.Stream.of(canonical),
                java.util.stream.Stream.of(others)).toList();
    }

    public String symbol() {
        return symbol;
    }

    /** The modules that may define it, canonical first. */
    public List<KnownModule> modules() {
        return modules;
    }

    public KnownModule canonicalModule() {
        return modules.get(0);
    }

    /** True when {@code f} is this function. */
    public boolean isKnown(FunctionLiteral f) {
        return f.known() == this;
    }

    /** The function literal of this variant, or Unknown when the typeshed lacks it. */
    public Type toFunction(TypeDb db) {
        Type t = db.knownFunction(this);
        return t == null ? DynamicType.UNKNOWN : t;
    }

    /** The variant a function named {@code name} defined in known module {@code module} is, or null. */
    public static @Nullable KnownFunction lookup(KnownModule module, String name) {
        for (KnownFunction k : values()) {
            if (k.symbol.equals(name) && k.modules.contains(module)) {
                return k;
            }
        }
        return null;
    }
}
