package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import java.util.List;

/**
 * The classes the checker treats specially, each named by its symbol and the modules that may define
 * it: the first is canonical, and the others hold it in some versions of typeshed ({@code NoneType}
 * lives in {@code _typeshed} before Python 3.10 and in {@code types} after). A class literal is
 * known when it is defined, under that name, in the stdlib stub of one of those modules.
 */
public enum KnownClass {
    OBJECT("object", KnownModule.BUILTINS),
    TYPE("type", KnownModule.BUILTINS),
    BOOL("bool", KnownModule.BUILTINS),
    INT("int", KnownModule.BUILTINS),
    FLOAT("float", KnownModule.BUILTINS),
    COMPLEX("complex", KnownModule.BUILTINS),
    STR("str", KnownModule.BUILTINS),
    BYTES("bytes", KnownModule.BUILTINS),
    BYTEARRAY("bytearray", KnownModule.BUILTINS),
    MEMORYVIEW("memoryview", KnownModule.BUILTINS),
    LIST("list", KnownModule.BUILTINS),
    TUPLE("tuple", KnownModule.BUILTINS),
    DICT("dict", KnownModule.BUILTINS),
    SET("set", KnownModule.BUILTINS),
    FROZENSET("frozenset", KnownModule.BUILTINS),
    SLICE("slice", KnownModule.BUILTINS),
    RANGE("range", KnownModule.BUILTINS),
    PROPERTY("property", KnownModule.BUILTINS),
    STATICMETHOD("staticmethod", KnownModule.BUILTINS),
    CLASSMETHOD("classmethod", KnownModule.BUILTINS),
    SUPER("super", KnownModule.BUILTINS),
    BASE_EXCEPTION("BaseException", KnownModule.BUILTINS),
    EXCEPTION("Exception", KnownModule.BUILTINS),
    BASE_EXCEPTION_GROUP("BaseExceptionGroup", KnownModule.BUILTINS),
    EXCEPTION_GROUP("ExceptionGroup", KnownModule.BUILTINS),
    NOT_IMPLEMENTED_ERROR("NotImplementedError", KnownModule.BUILTINS),
    NONE_TYPE("NoneType", KnownModule.TYPES, KnownModule.TYPESHED),
    MODULE_TYPE("ModuleType", KnownModule.TYPES),
    FUNCTION_TYPE("FunctionType", KnownModule.TYPES),
    METHOD_TYPE("MethodType", KnownModule.TYPES),
    BUILTIN_FUNCTION_TYPE("BuiltinFunctionType", KnownModule.TYPES),
    WRAPPER_DESCRIPTOR_TYPE("WrapperDescriptorType", KnownModule.TYPES),
    METHOD_WRAPPER_TYPE("MethodWrapperType", KnownModule.TYPES),
    ELLIPSIS_TYPE("EllipsisType", KnownModule.TYPES, KnownModule.BUILTINS),
    NOT_IMPLEMENTED_TYPE("NotImplementedType", KnownModule.TYPES, KnownModule.BUILTINS),
    GENERIC_ALIAS("GenericAlias", KnownModule.TYPES),
    GENERIC_CONTEXT("GenericContext", KnownModule.TY_EXTENSIONS_INTERNAL),
    UNION_TYPE("UnionType", KnownModule.TYPES),
    SPECIAL_FORM("_SpecialForm", KnownModule.TYPING),
    TYPE_VAR("TypeVar", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    PARAM_SPEC("ParamSpec", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    PARAM_SPEC_ARGS("ParamSpecArgs", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    PARAM_SPEC_KWARGS("ParamSpecKwargs", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    TYPE_VAR_TUPLE("TypeVarTuple", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    TYPE_ALIAS_TYPE("TypeAliasType", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    NAMED_TUPLE("NamedTuple", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    NEW_TYPE("NewType", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    SUPPORTS_INDEX("SupportsIndex", KnownModule.TYPING, KnownModule.TYPING_EXTENSIONS),
    ITERABLE("Iterable", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    ITERATOR("Iterator", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    SEQUENCE("Sequence", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    MAPPING("Mapping", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    AWAITABLE("Awaitable", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    GENERATOR("Generator", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    COROUTINE("Coroutine", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    ASYNC_GENERATOR("AsyncGenerator", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    ASYNC_ITERATOR("AsyncIterator", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    ASYNC_ITERABLE("AsyncIterable", KnownModule.TYPING, KnownModule.COLLECTIONS_ABC),
    GENERATOR_TYPE("GeneratorType", KnownModule.TYPES),
    ASYNC_GENERATOR_TYPE("AsyncGeneratorType", KnownModule.TYPES),
    COROUTINE_TYPE("CoroutineType", KnownModule.TYPES),
    CHAIN_MAP("ChainMap", KnownModule.COLLECTIONS),
    COUNTER("Counter", KnownModule.COLLECTIONS),
    DEFAULT_DICT("defaultdict", KnownModule.COLLECTIONS),
    DEQUE("deque", KnownModule.COLLECTIONS),
    ORDERED_DICT("OrderedDict", KnownModule.COLLECTIONS),
    ABC_META("ABCMeta", KnownModule.ABC),
    ENUM("Enum", KnownModule.ENUM),
    ENUM_TYPE("EnumMeta", KnownModule.ENUM),
    AUTO("auto", KnownModule.ENUM),
    INT_ENUM("IntEnum", KnownModule.ENUM),
    STR_ENUM("StrEnum", KnownModule.ENUM),
    FLAG("Flag", KnownModule.ENUM),
    ENUM_MEMBER("member", KnownModule.ENUM),
    ENUM_NONMEMBER("nonmember", KnownModule.ENUM),
    FIELD("Field", KnownModule.DATACLASSES),
    KW_ONLY("KW_ONLY", KnownModule.DATACLASSES),
    VERSION_INFO("_version_info", KnownModule.SYS);

    private final String symbol;
    private final List<KnownModule> modules;

    KnownClass(String symbol, KnownModule canonical, KnownModule... others) {
        this.symbol = symbol;
        this.modules = java.util.stream.Stream.concat(java.util.stream.Stream.of(canonical),
                java.util.stream.Stream.of(others)).toList();
    }

    /** The class's name in its module. */
    public String symbol() {
        return symbol;
    }

    /**
     * The modules to look in, canonical first, for a Python version: {@code NoneType} is canonically
     * {@code _typeshed.NoneType} before 3.10 and {@code types.NoneType} from 3.10.
     */
    public List<KnownModule> modules(PythonVersion version) {
        if (this == NONE_TYPE && version.compareTo(PythonVersion.PY310) < 0) {
            return List.of(KnownModule.TYPESHED, KnownModule.TYPES);
        }
        return modules;
    }

    /** The module that canonically defines the class at that version. */
    public KnownModule canonicalModule(PythonVersion version) {
        return modules(version).get(0);
    }

    /** The class object: {@code <class 'int'>}; Unknown when the typeshed lacks it. */
    public Type toClass(TypeDb db) {
        ClassLiteral c = db.knownClass(this);
        return c == null ? DynamicType.UNKNOWN : new ClassLiteralType(ClassType.of(c));
    }

    /** Its instances: {@code int}; Unknown when the typeshed lacks it. */
    public Type toInstance(TypeDb db) {
        ClassLiteral c = db.knownClass(this);
        return c == null ? DynamicType.UNKNOWN : new InstanceType(ClassType.of(c));
    }

    /** Its instances specialized: {@code list[int]}. */
    public Type toSpecializedInstance(TypeDb db, List<Type> arguments) {
        ClassLiteral c = db.knownClass(this);
        return c == null ? DynamicType.UNKNOWN : new InstanceType(new ClassType(c, arguments));
    }

    /** True when {@code c} is this class. */
    public boolean isKnown(ClassLiteral c) {
        return c.known() == this;
    }

    /**
     * The variant a class named {@code name} defined in known module {@code module} is, or null.
     * Decided once, when the class literal is created.
     */
    public static @Nullable KnownClass lookup(KnownModule module, String name) {
        for (KnownClass k : values()) {
            if (k.symbol.equals(name) && k.modules.contains(module)) {
                return k;
            }
        }
        if (module == KnownModule.BUILTINS && name.equals("ellipsis")) {
            return ELLIPSIS_TYPE;
        }
        if (module == KnownModule.BUILTINS && name.equals("_NotImplementedType")) {
            return NOT_IMPLEMENTED_TYPE;
        }
        return null;
    }
}
