package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.ReachingBindings;
import dev.typhon.semantic.index.ReachingDefinition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.CallableType;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.EnumLiteral;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.OverloadedFunction;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Enum classes (typing spec, "Enumerations"): which names of an enum's body are its members, which
 * are aliases of another member (an equal literal value), and the type of each member's value. A
 * class is an enum when it inherits from {@code Enum} or its metaclass is {@code EnumMeta}; one
 * with members is implicitly final, and its instances are exactly its members.
 */
final class Enums {
    private static final Set<String> RESERVED = Set.of("_ignore_", "_value_", "_name_");

    private final TypeInference ti;
    private final Memo<ClassLiteral, Optional<EnumInfo>> memo = new Memo<>("enum");

    Enums(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * What an enum class with members defines.
     *
     * @param members         the members' names, in definition order, with the type of their values
     * @param aliases         an alias's name to its member's name
     * @param valueAnnotation the {@code _value_} declaration of the class or of an enum base it defines, or null
     * @param customInit      an {@code __init__} or {@code __new__} of the enum (or an enum base) decides the values
     * @param flag            a {@code Flag}: its values include combinations of members
     * @param byMetaclass     an enum only through its metaclass (no {@code Enum} base: no {@code value}, {@code name})
     */
    record EnumInfo(Map<String, Type> members, Map<String, String> aliases, @Nullable Type valueAnnotation,
            boolean customInit, boolean flag, boolean byMetaclass) {

        List<String> names() {
            return List.copyOf(members.keySet());
        }

        @Nullable String resolve(String name) {
            return members.containsKey(name) ? name : aliases.get(name);
        }
    }

    /** Whether a class is an enum: a subclass of {@code Enum}, or made by {@code EnumMeta}. */
    boolean isEnumClass(ClassLiteral cls) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (c.isKnown(KnownClass.ENUM)) {
                return true;
            }
        }
        return byMetaclass(cls);
    }

    private boolean byMetaclass(ClassLiteral cls) {
        ClassType meta = ti.metaclass(cls);
        if (meta == null) {
            return false;
        }
        for (ClassType c : ti.mro(meta.literal()).classes()) {
            if (c.isKnown(KnownClass.ENUM_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** The enum facts of a class with members, or null for a class that is no enum or has none. */
    @Nullable EnumInfo info(ClassLiteral cls) {
        if (cls.known() != null) {
            return null; // the stdlib's own enum bases (Enum, IntEnum, Flag, ...) have no members
        }
        return memo.get(cls, c -> Optional.ofNullable(compute(c)), Optional.empty()).orElse(null);
    }

    /** The type of a member (or alias) by name: its literal, or the enum itself when it is the only member. */
    @Nullable Type memberType(ClassLiteral cls, String name) {
        EnumInfo info = info(cls);
        String member = info == null ? null : info.resolve(name);
        if (member == null) {
            return null;
        }
        return info.members().size() == 1 ? ClassType.of(cls).toInstance() : new EnumLiteral(cls, member);
    }

    private @Nullable EnumInfo compute(ClassLiteral cls) {
        if (!isEnumClass(cls)) {
            return null;
        }
        Scope body = ti.classes.bodyScope(cls);
        if (body == null) {
            return null;
        }
        SourceFile file = ti.classes.file(cls);
        List<String> ignored = ignoredNames(file, body);
        boolean strEnum = inherits(cls, KnownClass.STR_ENUM);
        boolean intEnum = inherits(cls, KnownClass.INT_ENUM);
        boolean plainAuto = autoIsCounted(cls);
        Map<String, Type> members = new LinkedHashMap<>();
        Map<String, String> aliases = new HashMap<>();
        Map<Type, String> byValue = new HashMap<>();
        Type previous = null;
        for (String name : body.symbolNames()) {
            if (name.startsWith("__") || RESERVED.contains(name) || ignored.contains(name) || isMangled(cls, name)) {
                continue;
            }
            int sym = body.symbolId(name);
            Type value = memberValue(file, body, sym);
            if (value == null) {
                continue;
            }
            boolean explicit = false;
            if (value instanceof InstanceType i && i.isKnown(KnownClass.ENUM_MEMBER)) {
                Type inner = ti.members.member(value, "value");
                value = inner == null ? DynamicType.UNKNOWN : inner;
                explicit = true;
            } else if (value instanceof InstanceType i && i.isKnown(KnownClass.ENUM_NONMEMBER)) {
                continue;
            } else if (value instanceof InstanceType i && i.isKnown(KnownClass.AUTO)) {
                value = strEnum ? new StringLiteral(name.toLowerCase(Locale.ROOT))
                        : intEnum ? ti.instance(KnownClass.INT)
                        : plainAuto ? next(previous) : DynamicType.ANY;
            } else if (isNonMemberValue(value)) {
                continue;
            }
            if (!explicit && declaredOnlyOrDefined(file, body, sym)) {
                continue;
            }
            previous = value;
            if (value instanceof IntLiteral || value instanceof BoolLiteral || value instanceof StringLiteral
                    || value instanceof BytesLiteral) {
                String canonical = byValue.get(value);
                if (canonical != null) {
                    aliases.put(name, canonical);
                    continue;
                }
                byValue.put(value, name);
            }
            members.put(name, value);
        }
        if (members.isEmpty()) {
            return null;
        }
        boolean customInit = false;
        Type annotation = null;
        for (ClassType c : ti.mro(cls).classes()) {
            if (c.literal().known() != null || !isEnumClass(c.literal())) {
                continue;
            }
            Scope s = ti.classes.bodyScope(c.literal());
            if (s == null) {
                continue;
            }
            SourceFile f = ti.classes.file(c.literal());
            if (annotation == null) {
                annotation = declared(f, s, "_value_");
            }
            customInit |= s.symbolId("__init__") >= 0 || s.symbolId("__new__") >= 0;
        }
        return new EnumInfo(members, aliases, annotation, customInit, inherits(cls, KnownClass.FLAG),
                !inherits(cls, KnownClass.ENUM));
    }

    /** {@code __x} in the body of {@code class C} is the symbol {@code _C__x}: a private name, never a member. */
    private static boolean isMangled(ClassLiteral cls, String name) {
        String stripped = cls.name().replaceFirst("^_+", "");
        return !stripped.isEmpty() && name.startsWith("_" + stripped + "__");
    }

    /** What {@code auto()} gives after a value: the next int after an int (or bool) literal, else {@code int}. */
    private Type next(@Nullable Type previous) {
        return switch (previous) {
            case null -> new IntLiteral(1);
            case IntLiteral i when i.value() < Long.MAX_VALUE -> new IntLiteral(i.value() + 1);
            case BoolLiteral b -> new IntLiteral(b.value() ? 2 : 1);
            default -> ti.instance(KnownClass.INT);
        };
    }

    /** {@code auto()} counts up for a plain enum and an {@code int} mixin; other mixins make it unpredictable. */
    private boolean autoIsCounted(ClassLiteral cls) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (c.literal().equals(cls) || c.isKnown(KnownClass.OBJECT) || c.isKnown(KnownClass.INT)) {
                continue;
            }
            if (!inherits(c.literal(), KnownClass.ENUM)) {
                return false;
            }
        }
        return true;
    }

    private boolean inherits(ClassLiteral cls, KnownClass k) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (c.isKnown(k)) {
                return true;
            }
        }
        return false;
    }

    /** The union of the bindings of a name live at the end of the body, or null when none is. */
    private @Nullable Type memberValue(SourceFile file, Scope body, int sym) {
        ReachingBindings rb = file.index().endOfScopeBindings(body, sym);
        UnionBuilder b = new UnionBuilder(ti);
        boolean any = false;
        for (ReachingDefinition rd : rb.definitions()) {
            Definition d = rd.definition();
            if (d.kind().unbinds() || !d.reachable()) {
                continue;
            }
            if (d.statement() instanceof ClassDef || d.statement() instanceof dev.typhon.ast.FunctionDef
                    || d.statement() instanceof dev.typhon.ast.AsyncFunctionDef
                    || d.statement() instanceof dev.typhon.ast.Assign a && a.value() instanceof dev.typhon.ast.Lambda) {
                return null; // methods, lambdas and nested classes are never members
            }
            any = true;
            b.add(ti.definitions.bindingType(file, d));
        }
        return any ? b.build() : null;
    }

    /** Functions, callables and descriptors (a class with {@code __get__}) are attributes, never members. */
    private boolean isNonMemberValue(Type value) {
        return switch (value) {
            case FunctionLiteral f -> true;
            case OverloadedFunction f -> true;
            case BoundMethodType b -> true;
            case CallableType c -> true;
            case InstanceType i -> !i.isKnown(KnownClass.OBJECT) && ti.members.classAttribute(i.classType(), "__get__") != null
                    && !ti.members.classAttribute(i.classType(), "__get__").type().isDynamic();
            default -> false;
        };
    }

    /** A declaration other than an annotated assignment with a value ({@code x: int} alone) makes no member. */
    private boolean declaredOnlyOrDefined(SourceFile file, Scope body, int sym) {
        for (Definition d : file.index().endOfScopeDeclarations(body, sym)) {
            if (!(d.statement() instanceof AnnAssign a && a.value() != null)) {
                return true;
            }
        }
        return false;
    }

    private @Nullable Type declared(SourceFile file, Scope body, String name) {
        int sym = body.symbolId(name);
        if (sym < 0) {
            return null;
        }
        List<Definition> decls = file.index().endOfScopeDeclarations(body, sym);
        if (decls.isEmpty()) {
            return null;
        }
        UnionBuilder b = new UnionBuilder(ti);
        decls.forEach(d -> b.add(ti.definitions.declaredType(file, d)));
        return b.build();
    }

    /** The names {@code _ignore_ = "A B"} lists (a string of names; the list form is not read, as in ty). */
    private List<String> ignoredNames(SourceFile file, Scope body) {
        int sym = body.symbolId("_ignore_");
        if (sym < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ReachingDefinition rd : file.index().endOfScopeBindings(body, sym).definitions()) {
            if (ti.definitions.bindingType(file, rd.definition()) instanceof StringLiteral s) {
                for (String n : s.value().trim().split("\\s+")) {
                    if (!n.isEmpty()) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // the special attributes of members

    /**
     * {@code name}, {@code _name_}, {@code value} and {@code _value_} of an enum member or instance
     * of an enum with members: the member names as string literals, the values' types; null for
     * other names and other types.
     */
    @Nullable Type specialAttribute(Type self, String name) {
        ClassLiteral cls;
        List<String> which;
        switch (self) {
            case EnumLiteral e -> {
                cls = e.enumClass();
                which = List.of(e.name());
            }
            case InstanceType i when i.classType().arguments().isEmpty() && info(i.literal()) != null -> {
                cls = i.literal();
                which = info(cls).names();
            }
            default -> {
                return null;
            }
        }
        EnumInfo info = info(cls);
        if (info == null) {
            return null;
        }
        boolean isName = name.equals("name") || name.equals("_name_");
        boolean isValue = name.equals("value") || name.equals("_value_");
        if (!isName && !isValue || info.byMetaclass() && (name.equals("name") || name.equals("value"))) {
            return null;
        }
        if ((name.equals("name") || name.equals("value")) && !stdlibAttribute(cls, name)) {
            return null; // an `enum.property` of the enum itself says what it is
        }
        UnionBuilder b = new UnionBuilder(ti);
        for (String member : which) {
            if (isName) {
                b.add(new StringLiteral(member));
            } else {
                b.add(info.valueAnnotation() != null ? info.valueAnnotation()
                        : info.customInit() ? DynamicType.ANY : info.members().get(member));
            }
        }
        return b.build();
    }

    /** Whether the class gets the attribute from the stdlib's enum classes (not from its own definition). */
    private boolean stdlibAttribute(ClassLiteral cls, String name) {
        Members.ClassAttribute a = ti.members.classAttribute(ClassType.of(cls), name);
        return a == null || a.owner() == null || a.owner().known() != null;
    }

    /** The class attribute's value under {@code nonmember(...)}: what reading the attribute gives. */
    @Nullable Type unwrapNonmember(Type t) {
        if (t instanceof InstanceType i && i.isKnown(KnownClass.ENUM_NONMEMBER)) {
            Type inner = ti.members.member(t, "value");
            return inner == null ? DynamicType.UNKNOWN : inner;
        }
        return null;
    }

    /**
     * Whether a member formats as {@code Color.RED}: {@code Enum}'s own {@code __str__} and
     * {@code __format__}, no mixin ({@code IntEnum} and {@code StrEnum} format their values) and
     * no override in between.
     */
    boolean plainFormat(ClassLiteral cls) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (c.isKnown(KnownClass.ENUM) || c.isKnown(KnownClass.OBJECT)) {
                continue;
            }
            Scope s = c.literal().known() == null ? ti.classes.bodyScope(c.literal()) : null;
            if (c.literal().known() != null || !isEnumClass(c.literal())
                    || s != null && (s.symbolId("__str__") >= 0 || s.symbolId("__format__") >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** {@code class E[T](Enum)} or {@code class E(Enum, Generic[T])}: the enum machinery cannot make a generic class. */
    void genericProblem(ClassLiteral cls, ClassDef node, List<Problem> out) {
        if (cls.known() == null && inherits(cls, KnownClass.ENUM) && !ti.typeParameters(cls).isEmpty()) {
            out.add(new Problem("invalid-generic-enum", "Enum class `" + cls.name() + "` cannot be generic", null,
                    node.startOffset(), node.startOffset() + "class ".length() + cls.name().length()));
        }
    }

    /**
     * Annotated members ({@code DOG: int = 2}): the typing spec forbids annotating a member, whose
     * type is the enum's; a bare {@code Final} says nothing about the type and is allowed.
     */
    void annotationProblems(ClassLiteral cls, List<Problem> out) {
        EnumInfo info = info(cls);
        if (info == null) {
            return;
        }
        SourceFile file = ti.classes.file(cls);
        for (dev.typhon.ast.Stmt stmt : ti.classes.node(cls).body()) {
            if (stmt instanceof AnnAssign a && a.value() != null && a.target() instanceof dev.typhon.ast.Name n
                    && info.resolve(n.id()) != null && !ti.definitions.isBareQualifier(file, a.annotation())) {
                out.add(new Problem("invalid-enum-member-annotation", "Type annotation on enum member `" + n.id()
                        + "` is not allowed", null, a.annotation().startOffset(), a.annotation().endOffset()));
            }
            memberValueProblem(file, info, stmt, out);
        }
    }

    /** A member's value the enum's declared {@code _value_} does not accept (when no {@code __init__} or {@code __new__} converts it). */
    private void memberValueProblem(SourceFile file, EnumInfo info, dev.typhon.ast.Stmt stmt, List<Problem> out) {
        if (info.valueAnnotation() == null || info.customInit()) {
            return;
        }
        dev.typhon.ast.Expr target = stmt instanceof dev.typhon.ast.Assign a && a.targets().size() == 1 ? a.targets().get(0)
                : stmt instanceof AnnAssign a ? a.target() : null;
        dev.typhon.ast.Expr value = stmt instanceof dev.typhon.ast.Assign a ? a.value() : stmt instanceof AnnAssign a ? a.value() : null;
        if (!(target instanceof dev.typhon.ast.Name n) || value == null || info.resolve(n.id()) == null) {
            return;
        }
        Type t = ti.expressions.infer(file, value);
        boolean placeholder = t instanceof InstanceType i && (i.isKnown(KnownClass.AUTO)
                || file.isStub() && i.isKnown(KnownClass.ELLIPSIS_TYPE));
        if (placeholder || t.isAssignableTo(ti, info.valueAnnotation())) {
            return;
        }
        out.add(new Problem("invalid-assignment", "Enum member `" + n.id() + "` value of type `" + t.display()
                + "` is not assignable to the declared `_value_` type `" + info.valueAnnotation().display() + "`", null,
                value.startOffset(), value.endOffset()));
    }

    /** Whether the member's value is a known literal (so that a different member's value is known to differ). */
    boolean hasLiteralValue(EnumLiteral e) {
        EnumInfo info = info(e.enumClass());
        Type v = info == null ? null : info.members().get(e.name());
        return v instanceof IntLiteral || v instanceof BoolLiteral || v instanceof StringLiteral || v instanceof BytesLiteral;
    }

    /** Whether the enum (or a class it inherits from, other than the stdlib's and builtins) defines {@code __eq__} or {@code __ne__}. */
    boolean customEquality(ClassLiteral cls) {
        for (String dunder : List.of("__eq__", "__ne__")) {
            Members.ClassAttribute a = ti.members.classAttribute(ClassType.of(cls), dunder);
            if (a != null && (a.owner() == null || a.owner().known() == null)) {
                return true;
            }
        }
        return false;
    }

    static boolean isEnumLiteralOf(Type t, ClassLiteralType cls) {
        return t instanceof EnumLiteral e && e.enumClass().equals(cls.literal());
    }
}
