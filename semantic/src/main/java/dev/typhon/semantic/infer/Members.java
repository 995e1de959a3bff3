package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntersectionBuilder;
import dev.typhon.semantic.types.IntersectionType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.ModuleLiteral;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.Specialization;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TodoType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Attribute access as Python performs it. On an instance: a data descriptor found on the class
 * (a property, a class with {@code __set__}) wins, then what the instance itself holds (declared
 * in the class body or assigned through {@code self} in a method), then the class attribute bound
 * to the instance (a function becomes a bound method), then {@code __getattr__}. On a class
 * object: a data descriptor of the metaclass, then the class's own attributes through its MRO
 * (instance-only attributes are an error there), then the metaclass's. Module members, unions,
 * intersections and literal values (through their class) are handled here too.
 */
final class Members {
    private final TypeInference ti;
    private final ClassSymbols symbols;
    private final InstanceAttributes implicit;
    private final Memo<ClassMemberKey, Optional<ClassAttribute>> classAttributes = new Memo<>("class-attribute");

    Members(TypeInference ti) {
        this.ti = ti;
        this.symbols = new ClassSymbols(ti);
        this.implicit = new InstanceAttributes(ti);
    }

    InstanceAttributes implicitAttributes() {
        return implicit;
    }

    /** {@code ClassVar} or {@code ClassVar[...]}, possibly inside {@code Final[...]}. */
    boolean isClassVarAnnotation(SourceFile file, dev.typhon.ast.Expr annotation) {
        return symbols.isClassVar(file, annotation);
    }

    private record ClassMemberKey(ClassLiteral cls, String name) {
    }

    /**
     * An attribute found in class bodies through an MRO.
     *
     * @param type         its type in the first class that has it (unioned with the next ones while possibly unbound)
     * @param boundness    BOUND, or POSSIBLY_UNBOUND when no class in the MRO surely binds it
     * @param classVar     declared {@code ClassVar}: not an attribute of instances
     * @param owner        the first class of the MRO that has it
     */
    record ClassAttribute(Type type, Boundness boundness, boolean classVar, @Nullable ClassLiteral owner) {
    }

    /** The type of {@code value.name}, or null when it has no such attribute (dunder protocol lookups). */
    @Nullable Type member(Type value, String name) {
        AttributeAccess a = access(value, name, false);
        return a.isFound() ? a.type() : null;
    }

    /** {@link #member}'s lookup with its boundness: a method defined under a condition may be missing. */
    AttributeAccess memberAccess(Type value, String name) {
        return access(value, name, false);
    }

    /** Reading {@code value.name} as an expression does, {@code __getattr__} included. */
    AttributeAccess access(Type value, String name) {
        return access(value, name, true);
    }

    private AttributeAccess access(Type value, String name, boolean getattr) {
        return switch (value) {
            case DynamicType d -> AttributeAccess.found(d);
            case TodoType t -> AttributeAccess.found(t);
            case Never n -> AttributeAccess.found(n);
            case ModuleLiteral m -> moduleAccess(m, name);
            case ClassLiteralType c -> classAccess(c.classType(), name);
            case SubclassOfType s when s.subclassOf() instanceof InstanceType i -> classAccess(i.classType(), name);
            case SubclassOfType s -> AttributeAccess.found(DynamicType.UNKNOWN);
            case InstanceType i -> instanceAccess(i, i.classType(), name, getattr);
            case dev.typhon.semantic.types.NewTypeInstance n -> access(n.base(), name, getattr);
            case TypeVarType v -> v.bound() != null ? access(v.bound(), name, getattr)
                    : !v.constraints().isEmpty() ? access(UnionBuilder.of(ti, v.constraints()), name, getattr)
                    : access(ti.instance(KnownClass.OBJECT), name, getattr);
            case UnionType u -> unionAccess(u, name, getattr);
            case IntersectionType x -> intersectionAccess(x, name, getattr);
            default -> fallbackAccess(value, name, getattr);
        };
    }

    private AttributeAccess unionAccess(UnionType u, String name, boolean getattr) {
        UnionBuilder b = new UnionBuilder(ti);
        List<Type> missing = new ArrayList<>();
        boolean possibly = false;
        for (Type m : u.members()) {
            AttributeAccess a = access(m, name, getattr);
            if (!a.isFound()) {
                missing.add(m);
                continue;
            }
            possibly |= a.boundness() != Boundness.BOUND;
            b.add(a.type());
        }
        if (missing.size() == u.members().size()) {
            return AttributeAccess.MISSING;
        }
        if (!missing.isEmpty()) {
            return new AttributeAccess(b.build(), Boundness.POSSIBLY_UNBOUND, AttributeAccess.Failure.PARTLY_MISSING,
                    List.copyOf(missing));
        }
        return AttributeAccess.found(b.build(), possibly ? Boundness.POSSIBLY_UNBOUND : Boundness.BOUND);
    }

    private AttributeAccess intersectionAccess(IntersectionType x, String name, boolean getattr) {
        IntersectionBuilder b = new IntersectionBuilder(ti);
        boolean any = false;
        boolean bound = false;
        for (Type p : x.positive()) {
            AttributeAccess a = access(p, name, getattr);
            if (a.isFound()) {
                b.addPositive(a.type());
                any = true;
                bound |= a.boundness() == Boundness.BOUND;
            }
        }
        if (!any) {
            return x.positive().isEmpty() ? access(ti.instance(KnownClass.OBJECT), name, getattr) : AttributeAccess.MISSING;
        }
        return AttributeAccess.found(b.build(), bound ? Boundness.BOUND : Boundness.POSSIBLY_UNBOUND);
    }

    /** Literals, functions, tuples and other values: the attributes of their class's instances. */
    private AttributeAccess fallbackAccess(Type value, String name, boolean getattr) {
        KnownClass k = switch (value) {
            case dev.typhon.semantic.types.IntLiteral i -> KnownClass.INT;
            case dev.typhon.semantic.types.BoolLiteral b -> KnownClass.BOOL;
            case StringLiteral s -> KnownClass.STR;
            case dev.typhon.semantic.types.LiteralStringType s -> KnownClass.STR;
            case dev.typhon.semantic.types.BytesLiteral b -> KnownClass.BYTES;
            case NoneType n -> KnownClass.NONE_TYPE;
            case FunctionLiteral f -> KnownClass.FUNCTION_TYPE;
            case dev.typhon.semantic.types.CallableType c when c.functionLike() -> KnownClass.FUNCTION_TYPE;
            case BoundMethodType b -> KnownClass.METHOD_TYPE;
            case TupleType t -> KnownClass.TUPLE;
            case dev.typhon.semantic.types.EnumLiteral e -> null;
            default -> null;
        };
        if (value instanceof dev.typhon.semantic.types.EnumLiteral e) {
            return instanceAccess(value, e.fallback().classType(), name, getattr);
        }
        if (k == null) {
            // special forms and other values Typhon does not model as instances: no opinion
            return AttributeAccess.found(DynamicType.UNKNOWN);
        }
        if (value instanceof FunctionLiteral f && ti.functions.methodKind(f) == Functions.MethodKind.PROPERTY) {
            k = KnownClass.PROPERTY; // `@x.setter` reads the property object the getter's `def` made
        }
        Type instance = ti.instance(k);
        if (!(instance instanceof InstanceType it)) {
            return AttributeAccess.found(DynamicType.UNKNOWN);
        }
        // a tuple's methods see it as tuple[A | B, ...]: their _T_co is the union of its elements
        ClassType cls = value instanceof TupleType t
                ? new ClassType(it.literal(), List.of(UnionBuilder.of(ti, t.allElements()))) : it.classType();
        AttributeAccess a = instanceAccess(value, cls, name, getattr);
        if (!a.isFound() && value instanceof BoundMethodType b) {
            // a bound method forwards the attributes it lacks to its function
            return fallbackAccess(b.function(), name, getattr);
        }
        return a;
    }

    private AttributeAccess moduleAccess(ModuleLiteral m, String name) {
        if (m.file() >= 0) {
            Type t = ti.imports.member(ti.program.file(m.file()), name);
            if (t != null) {
                return AttributeAccess.found(t);
            }
        }
        Type sub = ti.imports.moduleLiteral(m.name() + "." + name);
        if (sub != null) {
            return AttributeAccess.found(sub);
        }
        if (name.equals("__getattr__")) {
            return AttributeAccess.MISSING;
        }
        if (name.equals("__file__")) {
            return AttributeAccess.found(UnionBuilder.of(ti, ti.instance(KnownClass.STR), NoneType.NONE));
        }
        // the implicit attributes every module has: those of `types.ModuleType` instances
        Type moduleType = ti.instance(KnownClass.MODULE_TYPE);
        if (moduleType instanceof InstanceType it) {
            AttributeAccess a = instanceAccess(m, it.classType(), name, false);
            if (a.isFound()) {
                return a;
            }
        }
        return AttributeAccess.MISSING;
    }

    // ------------------------------------------------------------------------------------------
    // instances

    private AttributeAccess instanceAccess(Type self, ClassType cls, String name, boolean getattr) {
        if (name.equals("__class__")) {
            return AttributeAccess.found(typeOf(self, cls));
        }
        Type enumAttribute = enumAttribute(self, cls, name);
        if (enumAttribute != null) {
            return AttributeAccess.found(enumAttribute);
        }
        Type versionField = ti.versionInfo.field(self, name);
        if (versionField != null) {
            return AttributeAccess.found(versionField);
        }
        ClassAttribute ca = classAttribute(cls, name);
        if (ca != null && ca.type().isDynamic()) {
            return AttributeAccess.found(ca.type(), ca.boundness());
        }
        if (ca != null && isDataDescriptor(ca.type())) {
            return AttributeAccess.found(bindToInstance(ca.type(), self, cls), ca.boundness());
        }
        Type own = ca != null && ca.classVar() ? null : instanceAttribute(cls, name);
        if (own != null) {
            return AttributeAccess.found(SelfTypes.substituteAll(own, self));
        }
        if (ca != null) {
            Type bound = bindToInstance(SelfTypes.substitute(ca.type(), self), self, cls);
            if (ca.boundness() == Boundness.BOUND || !getattr) {
                return AttributeAccess.found(bound, ca.boundness());
            }
            Type fallback = getattrFallback(self, cls, name);
            return fallback == null ? AttributeAccess.found(bound, ca.boundness())
                    : AttributeAccess.found(UnionBuilder.of(ti, bound, fallback));
        }
        if (getattr) {
            Type fallback = getattrFallback(self, cls, name);
            if (fallback != null) {
                return AttributeAccess.found(fallback);
            }
        }
        return AttributeAccess.MISSING;
    }

    /**
     * What an enum's members and their special attributes are, read through an instance or a member:
     * {@code answer.YES} is {@code Literal[Answer.YES]}, {@code Answer.YES.value} its value's type.
     */
    private @Nullable Type enumAttribute(Type self, ClassType cls, String name) {
        if (!cls.arguments().isEmpty()) {
            return null;
        }
        Type member = ti.enums.memberType(cls.literal(), name);
        if (member != null) {
            return member;
        }
        return ti.enums.specialAttribute(self, name);
    }

    /** {@code type(x)}: the class of an instance (the specialized alias for a generic one). */
    private Type typeOf(Type self, ClassType cls) {
        if (self instanceof InstanceType) {
            return new ClassLiteralType(cls);
        }
        return new ClassLiteralType(cls);
    }

    /**
     * What a class's {@code __getattr__} (or a {@code __getattribute__} other than {@code object}'s)
     * returns for a name, or null when the class has neither.
     */
    private @Nullable Type getattrFallback(Type self, ClassType cls, String name) {
        for (String hook : List.of("__getattribute__", "__getattr__")) {
            ClassAttribute hookAttr = classAttribute(cls, hook);
            if (hookAttr == null || hookAttr.owner() == null || hookAttr.owner().isKnown(KnownClass.OBJECT)
                    || hookAttr.owner().isKnown(KnownClass.TYPE)) {
                continue;
            }
            if (hookAttr.type().isDynamic()) {
                return hookAttr.type();
            }
            Type r = ti.calls.callDunder(self, hook, List.of(new StringLiteral(name)));
            return r == null ? DynamicType.UNKNOWN : r;
        }
        return null;
    }

    /**
     * What instances hold themselves, through the MRO: a non-{@code ClassVar} declaration in a class
     * body, an attribute a method declares or assigns through {@code self}; an undeclared class-body
     * default joins the values methods assign.
     */
    private @Nullable Type instanceAttribute(ClassType cls, String name) {
        return instanceAttribute(cls, name, false);
    }

    /**
     * The type an assignment to an instance attribute must respect: as {@link #instanceAttribute}
     * finds it, except that an undeclared class-level default alone says it (what methods assign
     * must fit it too).
     */
    @Nullable Type assignableInstanceAttribute(ClassType cls, String name) {
        return instanceAttribute(cls, name, true);
    }

    private @Nullable Type instanceAttribute(ClassType cls, String name, boolean forAssignment) {
        for (Type entry : ti.mro(cls.literal()).entries()) {
            if (!(entry instanceof ClassLiteralType c)) {
                continue;
            }
            ClassLiteral lit = c.literal();
            ClassSymbols.ClassSymbol sym = symbols.own(lit, name);
            if (sym != null && sym.classVar()) {
                return null;
            }
            if (sym != null && sym.declared() && sym.boundness() == Boundness.BOUND) {
                return specialize(cls, throughBase(c, sym.type()));
            }
            if (sym != null && sym.declared() && !forAssignment) {
                return null; // possibly unbound in the class body: the class attribute says how (and `__getattr__`)
            }
            InstanceAttributes.Implicit fromMethods = implicit.of(lit, name);
            if (fromMethods != null && fromMethods.declared()) {
                return specialize(cls, throughBase(c, fromMethods.type()));
            }
            if (sym != null && forAssignment) {
                return specialize(cls, throughBase(c, sym.type()));
            }
            if (sym != null) {
                return fromMethods == null ? null
                        : specialize(cls, throughBase(c, UnionBuilder.of(ti, sym.type(), fromMethods.type())));
            }
            if (fromMethods != null) {
                return forAssignment ? null : specialize(cls, throughBase(c, fromMethods.type()));
            }
        }
        return null;
    }

    /**
     * Whether an assignment to {@code value.name} is what a later read gives: not through a data
     * descriptor (a property's setter need not store what its getter returns).
     */
    boolean narrowsByAssignment(Type value, String name) {
        ClassType cls = switch (value) {
            case InstanceType i -> i.classType();
            case ClassLiteralType c -> ti.metaclass(c.literal());
            default -> null;
        };
        if (cls == null) {
            return true;
        }
        ClassAttribute ca = classAttribute(cls, name);
        return ca == null || ca.type().isDynamic() || !isDataDescriptor(ca.type());
    }

    /**
     * The type an assignment to {@code object.name} must respect, or null when anything goes (an
     * attribute only inferred from what methods assign, a dynamic object).
     */
    /**
     * The value type {@code type(receiver).__setattr__} takes for {@code name}: of an overloaded
     * one, the first overload whose name parameter accepts the name; null when unknown.
     */
    private @Nullable Type setattrValueType(Type receiver, String name) {
        Type setattr = ti.dunders.lookup(receiver, "__setattr__");
        if (setattr instanceof BoundMethodType b && b.withoutReceiver().parameters().size() >= 2) {
            return b.withoutReceiver().parameters().get(1).annotatedType();
        }
        if (setattr instanceof dev.typhon.semantic.types.OverloadedFunction o) {
            Type literal = new StringLiteral(name);
            for (FunctionLiteral f : o.overloads()) {
                List<dev.typhon.semantic.types.Parameter> ps = f.signature().parameters();
                if (ps.size() >= 3 && (ps.get(1).annotatedType() == null || literal.isAssignableTo(ti, ps.get(1).annotatedType()))) {
                    return ps.get(2).annotatedType();
                }
            }
        }
        return null;
    }

    @Nullable Type assignmentType(Type object, String name) {
        return switch (object) {
            case InstanceType i -> {
                ClassAttribute ca = classAttribute(i.classType(), name);
                if (ca != null && (ca.type().isDynamic() || isDataDescriptor(ca.type()))) {
                    yield null;
                }
                if (ca == null && hasCustomSetattr(i.classType()) && !access(i, name).isFound()) {
                    yield setattrValueType(i, name); // a name the class does not declare goes through `__setattr__`
                }
                yield assignableInstanceAttribute(i.classType(), name);
            }
            case ClassLiteralType c -> {
                ClassAttribute ca = classAttribute(c.classType(), name);
                if (ca == null && hasCustomSetattr(ti.metaclass(c.literal())) && !access(c, name).isFound()) {
                    yield setattrValueType(c, name); // through the metaclass's `__setattr__`
                }
                yield ca == null || ca.type().isDynamic() ? null : ca.type();
            }
            case ModuleLiteral m -> {
                AttributeAccess a = moduleAccess(m, name);
                yield a.isFound() ? a.type() : null;
            }
            default -> null;
        };
    }

    /** Whether the class customizes attribute assignment ({@code __setattr__} other than {@code object}'s). */
    boolean hasCustomSetattr(ClassType cls) {
        return definesDunder(cls, "__setattr__");
    }

    /** Whether the class answers reads of missing attributes ({@code __getattr__}, a custom {@code __getattribute__}). */
    boolean hasGetattr(ClassType cls) {
        return definesDunder(cls, "__getattr__") || definesDunder(cls, "__getattribute__");
    }

    /** Whether only instances have the attribute: methods define it, no class body binds it. */
    boolean isInstanceOnly(ClassType cls, String name) {
        return classAttribute(cls, name) == null && instanceAttribute(cls, name) != null;
    }

    // ------------------------------------------------------------------------------------------
    // class objects

    private AttributeAccess classAccess(ClassType cls, String name) {
        if (cls.arguments().isEmpty() && ti.genericClasses.isGeneric(cls.literal()) && !name.equals("__new__")
                && !name.equals("__init__")) {
            // a generic class used bare is its default specialization (`C.x` is Unknown, not `T@C`);
            // its constructors keep the class's type variables, which a call solves
            return ownClassAccess(ti.genericClasses.defaultSpecialization(cls.literal()), name);
        }
        return ownClassAccess(cls, name);
    }

    private AttributeAccess ownClassAccess(ClassType cls, String name) {
        ClassType meta = ti.metaclass(cls.literal());
        ClassLiteralType self = new ClassLiteralType(cls);
        if (name.equals("__class__")) {
            return AttributeAccess.found(meta == null ? DynamicType.UNKNOWN : new ClassLiteralType(meta));
        }
        ClassAttribute metaAttr = meta == null ? null : classAttribute(meta, name);
        if (metaAttr != null && !metaAttr.type().isDynamic() && isDataDescriptor(metaAttr.type())
                && metaAttr.boundness() == Boundness.BOUND) {
            return AttributeAccess.found(bindToInstance(metaAttr.type(), self, meta));
        }
        Type member = cls.arguments().isEmpty() ? ti.enums.memberType(cls.literal(), name) : null;
        if (member != null) {
            return AttributeAccess.found(member);
        }
        ClassAttribute ca = classAttribute(cls, name);
        Type unwrapped = ca == null ? null : ti.enums.unwrapNonmember(ca.type());
        if (unwrapped != null) {
            return AttributeAccess.found(unwrapped);
        }
        if (ca != null) {
            Type t = ca.type().isDynamic() ? ca.type() : bindToClass(ca.type(), cls);
            if (ca.boundness() != Boundness.BOUND && metaAttr != null) {
                Type fromMeta = bindToInstance(metaAttr.type(), self, meta);
                return AttributeAccess.found(UnionBuilder.of(ti, t, fromMeta), metaAttr.boundness());
            }
            return AttributeAccess.found(t, ca.boundness());
        }
        if (instanceAttribute(cls, name) != null) {
            return AttributeAccess.INSTANCE_ONLY;
        }
        if (metaAttr != null) {
            return AttributeAccess.found(bindToInstance(metaAttr.type(), self, meta), metaAttr.boundness());
        }
        if (meta != null) {
            Type fallback = getattrFallback(self, meta, name);
            if (fallback != null) {
                return AttributeAccess.found(fallback);
            }
        }
        return AttributeAccess.MISSING;
    }

    // ------------------------------------------------------------------------------------------
    // class bodies through the MRO

    /** The attribute class bodies define, through the MRO of a (possibly specialized) class, or null. */
    @Nullable ClassAttribute classAttribute(ClassType cls, String name) {
        ClassAttribute raw = classAttributes.get(new ClassMemberKey(cls.literal(), name),
                k -> Optional.ofNullable(computeClassAttribute(k.cls(), k.name())), Optional.empty()).orElse(null);
        if (raw == null || cls.arguments().isEmpty()) {
            return raw;
        }
        return new ClassAttribute(specialize(cls, raw.type()), raw.boundness(), raw.classVar(), raw.owner());
    }

    private @Nullable ClassAttribute computeClassAttribute(ClassLiteral cls, String name) {
        UnionBuilder partial = null;
        ClassLiteral owner = null;
        boolean classVar = false;
        for (Type entry : ti.mro(cls).entries()) {
            if (entry instanceof ClassLiteralType c) {
                ClassSymbols.ClassSymbol sym = symbols.own(c.literal(), name);
                if (sym == null) {
                    continue;
                }
                if (partial == null) {
                    partial = new UnionBuilder(ti);
                    owner = c.literal();
                    classVar = sym.classVar();
                }
                partial.add(throughBase(c, sym.type()));
                if (sym.boundness() == Boundness.BOUND) {
                    return new ClassAttribute(partial.build(), Boundness.BOUND, classVar, owner);
                }
            } else if (entry.isDynamic()) {
                if (partial == null) {
                    return new ClassAttribute(entry, Boundness.BOUND, false, null);
                }
                partial.add(entry);
                return new ClassAttribute(partial.build(), Boundness.BOUND, classVar, owner);
            }
        }
        return partial == null ? null : new ClassAttribute(partial.build(), Boundness.POSSIBLY_UNBOUND, classVar, owner);
    }

    // ------------------------------------------------------------------------------------------
    // descriptors

    /** A property, or an instance of a class with {@code __set__} or {@code __delete__}. */
    boolean isDataDescriptor(Type t) {
        if (t instanceof FunctionLiteral f) {
            return ti.functions.methodKind(f) == Functions.MethodKind.PROPERTY;
        }
        if (t instanceof InstanceType i && !i.literal().isKnown(KnownClass.OBJECT)) {
            return definesDunder(i.classType(), "__set__") || definesDunder(i.classType(), "__delete__");
        }
        return false;
    }

    private boolean definesDunder(ClassType cls, String name) {
        ClassAttribute a = classAttribute(cls, name);
        return a != null && !a.type().isDynamic() && a.owner() != null && !a.owner().isKnown(KnownClass.OBJECT);
    }

    /** A class attribute read through an instance: functions bind, descriptors run {@code __get__}. */
    private Type bindToInstance(Type t, Type self, ClassType cls) {
        if (t instanceof UnionType u) {
            // `_parse = _parseNoCache` in the body, `C._parse = C._parseCache` elsewhere: each function binds
            UnionBuilder b = new UnionBuilder(ti);
            u.members().forEach(m -> b.add(bindToInstance(m, self, cls)));
            return b.build();
        }
        if (t instanceof FunctionLiteral f) {
            return switch (ti.functions.methodKind(f)) {
                case INSTANCE -> new BoundMethodType(f, self);
                case CLASS -> new BoundMethodType(f, cls.toClassLiteral());
                case STATIC -> f;
                case PROPERTY -> propertyGetter(f, self);
            };
        }
        if (t instanceof InstanceType i && definesDunder(i.classType(), "__get__")) {
            Type r = ti.calls.callDunder(t, "__get__", List.of(self, cls.toClassLiteral()));
            return r == null ? DynamicType.UNKNOWN : r;
        }
        return t;
    }

    /** A class attribute read through the class: only class methods bind, descriptors run {@code __get__(None, C)}. */
    private Type bindToClass(Type t, ClassType cls) {
        if (t instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            u.members().forEach(m -> b.add(bindToClass(m, cls)));
            return b.build();
        }
        if (t instanceof FunctionLiteral f) {
            return switch (ti.functions.methodKind(f)) {
                case CLASS -> new BoundMethodType(f, cls.toClassLiteral());
                case PROPERTY -> ti.instance(KnownClass.PROPERTY);
                default -> f;
            };
        }
        if (t instanceof InstanceType i && definesDunder(i.classType(), "__get__")) {
            Type r = ti.calls.callDunder(t, "__get__", List.of(NoneType.NONE, cls.toClassLiteral()));
            return r == null ? DynamicType.UNKNOWN : r;
        }
        return t;
    }

    /** What a property's getter returns; Unknown when it does not say. */
    private Type propertyGetter(FunctionLiteral f, Type self) {
        Type r = ti.functions.propertyType(f);
        if (r == null) {
            return DynamicType.UNKNOWN;
        }
        dev.typhon.semantic.types.Signature s = f.signature();
        if (!s.typeParameters().isEmpty() && dev.typhon.semantic.types.TypeVariables.mentioned(r)) {
            // `def __members__(self: type[_E]) -> Mapping[str, _E]`: the getter's self solves its variables
            return CallArguments.positional(List.of(self)).solve(ti, s, 0, null).apply(r);
        }
        return r;
    }

    Type specialize(ClassType cls, Type t) {
        Specialization s = throughMro(cls);
        if (s.isEmpty()) {
            return t;
        }
        return GenericClasses.applyToMember(s, t);
    }

    /**
     * The type arguments of a class and of every class in its MRO, by their classes' type parameters:
     * a member found on {@code Sub(list[int])} or on {@code list[str]} speaks of {@code list}'s
     * {@code _T}. The class's own parameters are mapped only when it is specialized (inside its body
     * they stand for themselves).
     */
    Specialization throughMro(ClassType cls) {
        List<TypeVarType> params = new ArrayList<>();
        List<Type> args = new ArrayList<>();
        List<TypeVarType> own = ti.typeParameters(cls.literal());
        Specialization ownArgs = cls.arguments().isEmpty() ? null : Specialization.of(own, cls.arguments());
        if (ownArgs != null) {
            for (int i = 0; i < own.size(); i++) {
                params.add(own.get(i));
                args.add(i < cls.arguments().size() ? cls.arguments().get(i) : DynamicType.UNKNOWN);
            }
        }
        for (ClassType entry : ti.mro(cls.literal()).classes()) {
            if (entry.literal().equals(cls.literal())) {
                continue;
            }
            ClassType specialized = ownArgs == null ? entry : ownArgs.apply(entry);
            List<TypeVarType> ps = ti.typeParameters(entry.literal());
            for (int i = 0; i < ps.size(); i++) {
                TypeVarType p = ps.get(i);
                if (params.stream().anyMatch(q -> q.ref().equals(p.ref()))) {
                    continue;
                }
                params.add(p);
                args.add(i < specialized.arguments().size() ? specialized.arguments().get(i) : DynamicType.UNKNOWN);
            }
        }
        return Specialization.of(params, args).simplifying(ti);
    }

    /** A member of an MRO entry seen through that base's specialization ({@code class D(C[int])}). */
    private Type throughBase(ClassLiteralType base, Type t) {
        return base.classType().arguments().isEmpty() ? t
                : GenericClasses.applyToMember(ti.genericClasses.specializationOf(base.classType()), t);
    }
}
