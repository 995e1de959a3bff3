package dev.typhon.semantic.infer;

import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Stmt;
import dev.typhon.ast.TypeParam;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DefinitionRef;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.KnownInstanceType;
import dev.typhon.semantic.types.KnownModule;
import dev.typhon.semantic.types.Mro;
import dev.typhon.semantic.types.SpecialFormType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Classes from their {@code class} statements: the class literal a statement makes (known or not),
 * and, lazily and once, its bases, type parameters, MRO, metaclass and the flags relations need.
 */
final class Classes {
    private final TypeInference ti;

    Classes(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * What a class statement's header and decorators say.
     *
     * @param bases the explicit bases, as {@link ClassLiteralType}s or dynamic types
     * @param error why CPython would reject the bases, or null
     */
    record ClassInfo(List<Type> bases, List<TypeVarType> typeParameters, Mro mro, ClassType metaclass, boolean isFinal,
            boolean isDisjointBase, @Nullable String error, boolean isProtocol, boolean opaqueParameters) {
    }

    /** The class literal a class statement makes. */
    ClassLiteral literalOf(SourceFile file, Definition def) {
        ClassDef node = (ClassDef) def.node();
        KnownModule km = file.knownModule();
        boolean topLevel = def.scope() == 0;
        KnownClass known = km != null && topLevel ? KnownClass.lookup(km, node.name()) : null;
        String module = file.moduleName() == null ? "" : file.moduleName();
        return new ClassLiteral(node.name(), module, new DefinitionRef(file.id(), def.id()), known);
    }

    ClassDef node(ClassLiteral cls) {
        SourceFile file = ti.program.file(cls.ref().file());
        return (ClassDef) file.index().definition(cls.ref().definition()).node();
    }

    SourceFile file(ClassLiteral cls) {
        return ti.program.file(cls.ref().file());
    }

    /** The scope of the class's body. */
    @Nullable Scope bodyScope(ClassLiteral cls) {
        SourceFile file = file(cls);
        ClassDef node = node(cls);
        if (node.body().isEmpty()) {
            return null;
        }
        return ownScope(file.index(), node.startOffset(), node.body().get(0).startOffset(), ScopeKind.CLASS);
    }

    /**
     * The scope a class or function statement (starting at {@code statementStart}) makes: the
     * outermost scope of that kind around its first body statement that still starts within the
     * statement. The innermost one would be wrong when the body starts with a nested class or def.
     */
    static @Nullable Scope ownScope(SemanticIndex index, int statementStart, int firstBodyOffset, ScopeKind kind) {
        Scope best = null;
        for (Scope s = index.scopeAt(firstBodyOffset); s != null && s.startOffset() >= statementStart;
                s = s.parent() < 0 ? null : index.scope(s.parent())) {
            if (s.kind() == kind) {
                best = s;
            }
        }
        return best;
    }

    ClassInfo info(ClassLiteral cls) {
        return ti.classInfos.get(cls, this::compute, cyclic(cls));
    }

    private ClassInfo cyclic(ClassLiteral cls) {
        ClassType self = ClassType.of(cls);
        List<Type> entries = new ArrayList<>();
        entries.add(new ClassLiteralType(self));
        entries.add(DynamicType.UNKNOWN);
        return new ClassInfo(List.of(DynamicType.UNKNOWN), List.of(), new Mro(entries, "cyclic definition"),
                typeClass(), false, false, "Cyclic definition of `" + cls.name() + "`", false, false);
    }

    private ClassType typeClass() {
        ClassLiteral type = ti.knownClass(KnownClass.TYPE);
        return type == null ? null : ClassType.of(type);
    }

    private ClassInfo compute(ClassLiteral cls) {
        SourceFile file = file(cls);
        ClassDef node = node(cls);
        List<Type> bases = new ArrayList<>();
        List<TypeVarType> legacy = new ArrayList<>();
        List<TypeVarType> fromGeneric = null;
        String error = null;
        boolean protocol = false;
        boolean unsupportedBase = false;
        boolean opaque = false;
        boolean[] opaqueBases = {false};
        for (Expr baseExpr : node.bases()) {
            if (baseExpr instanceof dev.typhon.ast.Starred starred) {
                // `class C(*bases)`: the elements of a tuple of known length are the bases
                if (ti.expressions.infer(file, starred.value()) instanceof dev.typhon.semantic.types.TupleType t
                        && t.isFixed()) {
                    for (Type element : t.elements()) {
                        error = addBase(element, bases, legacy, error, opaqueBases);
                    }
                } else {
                    bases.add(DynamicType.UNKNOWN);
                }
                continue;
            }
            if (baseExpr instanceof dev.typhon.ast.Subscript sub
                    && ti.expressions.infer(file, sub.value()) instanceof SpecialFormType form
                    && (form == SpecialFormType.GENERIC || form == SpecialFormType.PROTOCOL)) {
                List<Type> args = ti.typeExpressions.arguments(file, sub.slice());
                protocol |= form == SpecialFormType.PROTOCOL;
                // ParamSpecs and TypeVarTuples are parameters Typhon does not model yet
                opaque |= args.stream().anyMatch(a -> !(a instanceof TypeVarType));
                collectTypeVars(args, legacy);
                if (form == SpecialFormType.GENERIC) {
                    fromGeneric = new ArrayList<>();
                    collectTypeVars(args, fromGeneric);
                }
                bases.add(form); // typing.Protocol and typing.Generic are in the MRO, as ty shows it
                continue;
            }
            Type base = ti.expressions.infer(file, baseExpr);
            protocol |= base == SpecialFormType.PROTOCOL; // a bare Protocol base makes a protocol class
            String before = error;
            error = addBase(base, bases, legacy, error, opaqueBases);
            unsupportedBase |= error != null && !error.equals(before) && error.contains("Unsupported class base");
        }
        List<TypeVarType> params = new ArrayList<>();
        if (!node.typeParams().isEmpty()) {
            for (TypeParam p : node.typeParams()) {
                Type t = ti.definitions.typeParameter(file, p);
                if (t instanceof KnownInstanceType k && k.value() instanceof TypeVarType v) {
                    params.add(v.boundBy(cls.name()));
                } else {
                    opaque = true;
                }
            }
        } else {
            for (TypeVarType v : fromGeneric != null ? fromGeneric : legacy) {
                params.add(v.boundBy(cls.name()));
            }
        }
        int generic = bases.indexOf(SpecialFormType.GENERIC);
        if (generic >= 0) {
            // as `Generic[...].__mro_entries__` does: dropped when a later base is generic already
            for (int i = generic + 1; i < bases.size(); i++) {
                if (bases.get(i) instanceof ClassLiteralType c && (!c.classType().arguments().isEmpty()
                        || ti.genericClasses.isGeneric(c.literal())) || bases.get(i) == SpecialFormType.PROTOCOL) {
                    bases.remove(generic);
                    break;
                }
            }
        }
        if (!node.typeParams().isEmpty() && !bases.contains(SpecialFormType.GENERIC)) {
            bases.add(SpecialFormType.GENERIC); // a PEP 695 generic class inherits from Generic implicitly
        }
        if (!params.isEmpty()) {
            // the variables the bases mention are the class's own (`class D(Base[T])`: Base[T@D])
            dev.typhon.semantic.types.Specialization own = dev.typhon.semantic.types.Specialization.of(params,
                    new ArrayList<>(params));
            bases.replaceAll(own::apply);
        }
        for (int i = 0; i < bases.size(); i++) {
            if (bases.get(i) instanceof ClassLiteralType c
                    && (c.literal().equals(cls) || ti.mro(c.literal()).find(cls) != null)) {
                // the class inherits from itself, through a chain of bases
                error = "Cyclic definition of `" + cls.name() + "`";
                bases.set(i, DynamicType.UNKNOWN);
            }
        }
        if (error == null) {
            error = inconsistentArguments(bases);
        }
        ClassLiteral object = ti.knownClass(KnownClass.OBJECT);
        // a base that may be one class or another has no knowable MRO: the class gets itself, Unknown, object
        Mro mro = Mro.compute(ti, ClassType.of(cls), unsupportedBase ? List.of(DynamicType.UNKNOWN) : bases,
                object == null ? null : ClassType.of(object));
        if (error == null || (mro.error() != null && !error.startsWith("Cyclic"))) {
            error = error == null ? mro.error() : error;
        }
        ClassType metaclass = metaclass(file, node, bases);
        if (protocol && metaclass != null && metaclass.literal().isKnown(KnownClass.TYPE)) {
            // `Protocol` contributes its metaclass even though Typhon leaves it out of the MRO
            ClassType protocolMeta = protocolMetaclass();
            metaclass = protocolMeta != null ? protocolMeta : metaclass;
        }
        boolean fin = false;
        boolean disjoint = false;
        for (Expr d : node.decoratorList()) {
            Type dt = ti.expressions.infer(file, d);
            if (dt instanceof FunctionLiteral f) {
                fin |= f.isKnown(KnownFunction.FINAL);
                disjoint |= f.isKnown(KnownFunction.DISJOINT_BASE);
            }
        }
        return new ClassInfo(bases, params, mro, metaclass, fin, disjoint, error, protocol, opaque || opaqueBases[0]);
    }

    /**
     * ty's {@code invalid-generic-class} for an ancestor reached through two bases with different
     * type arguments ({@code class C(Parent[T1, T2], Grandparent[T2, T1])}); dynamic arguments agree
     * with anything. Null when the bases agree.
     */
    private @Nullable String inconsistentArguments(List<Type> bases) {
        java.util.Map<ClassLiteral, List<ClassType>> seen = new java.util.HashMap<>();
        for (Type b : bases) {
            if (!(b instanceof ClassLiteralType c)) {
                continue;
            }
            dev.typhon.semantic.types.Specialization spec = ti.genericClasses.specializationOf(c.classType());
            for (ClassType e : ti.mro(c.literal()).classes()) {
                ClassType x = e.literal().equals(c.literal()) ? c.classType() : spec.apply(e);
                if (x.arguments().isEmpty()) {
                    continue;
                }
                List<ClassType> previous = seen.computeIfAbsent(x.literal(), k -> new ArrayList<>());
                for (ClassType p : previous) {
                    for (int i = 0; i < p.arguments().size() && i < x.arguments().size(); i++) {
                        Type u = p.arguments().get(i);
                        Type v = x.arguments().get(i);
                        if (u.isFullyStatic() && v.isFullyStatic() && !u.equals(v)) {
                            return "Inconsistent type arguments: class cannot inherit from both `" + x.display() + "` and `"
                                    + p.display() + "`";
                        }
                    }
                }
                previous.add(x);
            }
        }
        return null;
    }

    /** A generic class used as a base without type arguments: it is specialized by default (`missing-type-argument`). */
    boolean isBareGeneric(ClassLiteralType c) {
        return c.classType().arguments().isEmpty() && !c.literal().isKnown(KnownClass.TUPLE)
                && !c.literal().isKnown(KnownClass.TYPE) && ti.genericClasses.isGeneric(c.literal())
                && !info(c.literal()).opaqueParameters();
    }

    /**
     * Adds one base (a class, a dynamic type, or Unknown for what cannot be a base) and returns the
     * class statement's errors so far, one per line.
     */
    private @Nullable String addBase(Type base, List<Type> bases, List<TypeVarType> legacy, @Nullable String error,
            boolean[] opaque) {
        switch (base) {
            case ClassLiteralType c -> {
                collectTypeVars(c.classType().arguments(), legacy);
                opaque[0] |= info(c.literal()).opaqueParameters();
                bases.add(isBareGeneric(c) ? ti.genericClasses.defaultSpecialization(c.literal()).toClassLiteral() : c);
            }
            case DynamicType d -> bases.add(d);
            case SpecialFormType f when f == SpecialFormType.PROTOCOL || f == SpecialFormType.GENERIC -> bases.add(f);
            case SpecialFormType f when f == SpecialFormType.TYPED_DICT -> {
                // a TypedDict's instances are mappings: typeshed's `_TypedDict` says which methods they have
                Type fallback = ti.typedDicts.fallbackBase();
                if (fallback != null && !bases.contains(fallback)) {
                    bases.add(fallback);
                }
            }
            case SpecialFormType f when f == SpecialFormType.ANY -> bases.add(DynamicType.ANY);
            case SpecialFormType f when ti.typeExpressions.fromValue(f, null, null, null)
                    instanceof dev.typhon.semantic.types.InstanceType i -> bases.add(i.classType().toClassLiteral());
            case KnownInstanceType k when k.value() instanceof dev.typhon.semantic.types.InstanceType i -> {
                collectTypeVars(i.classType().arguments(), legacy);
                bases.add(i.classType().toClassLiteral());
            }
            case dev.typhon.semantic.types.UnionType u when u.members().stream()
                    .allMatch(m -> m instanceof ClassLiteralType || m.isDynamic()) -> {
                // a base that may be one class or another: CPython would accept it, but no MRO
                // can be known; a dynamic member stands for the whole (the gradual guarantee)
                Type dynamic = u.members().stream().filter(Type::isDynamic).findFirst().orElse(null);
                if (dynamic == null) {
                    error = (error == null ? "" : error + "\n") + "Unsupported class base with type `" + base.display() + "`";
                }
                bases.add(dynamic == null ? DynamicType.UNKNOWN : dynamic);
            }
            case dev.typhon.semantic.types.UnionType u when u.members().stream()
                    .allMatch(m -> m instanceof dev.typhon.semantic.types.InstanceType i && !isMetaclassInstance(i)) -> {
                boolean allWork = u.members().stream().allMatch(m -> mroEntriesWork((dev.typhon.semantic.types.InstanceType) m));
                error = (error == null ? "" : error + "\n") + (allWork ? "Unsupported" : "Invalid")
                        + " class base with type `" + base.display() + "`";
                bases.add(DynamicType.UNKNOWN);
            }
            case dev.typhon.semantic.types.SubclassOfType sub when sub.subclassOf().isDynamic() -> bases.add(sub.subclassOf());
            case dev.typhon.semantic.types.SubclassOfType sub -> {
                // some subclass of a known class: analyzable, but its MRO cannot be known
                error = (error == null ? "" : error + "\n") + "Unsupported class base with type `" + base.display() + "`";
                bases.add(DynamicType.UNKNOWN);
            }
            case dev.typhon.semantic.types.InstanceType i when !isMetaclassInstance(i) && !ti.mro(i.literal()).hasDynamic() -> {
                // not a class: CPython asks its `__mro_entries__(bases)` for the bases to use instead
                String kind = mroEntriesWork(i) ? "Unsupported" : "Invalid";
                error = (error == null ? "" : error + "\n") + kind + " class base with type `" + base.display() + "`";
                bases.add(DynamicType.UNKNOWN);
            }
            default -> {
                boolean clearlyNotAClass = switch (base) {
                    case dev.typhon.semantic.types.IntLiteral x -> true;
                    case dev.typhon.semantic.types.StringLiteral x -> true;
                    case dev.typhon.semantic.types.BytesLiteral x -> true;
                    case dev.typhon.semantic.types.BoolLiteral x -> true;
                    case dev.typhon.semantic.types.NoneType x -> true;
                    case dev.typhon.semantic.types.ModuleLiteral x -> true;
                    case FunctionLiteral x -> true;
                    case dev.typhon.semantic.types.TupleType x -> true;
                    case KnownInstanceType k -> k.kind() == KnownClass.UNION_TYPE;
                    default -> false;
                };
                if (clearlyNotAClass) {
                    error = (error == null ? "" : error + "\n") + "Invalid class base with type `" + base.display() + "`";
                }
                bases.add(DynamicType.UNKNOWN);
            }
        }
        return error;
    }

    /** Instances of {@code type} (or of a metaclass) are classes, whatever their static type says. */
    private boolean isMetaclassInstance(dev.typhon.semantic.types.InstanceType i) {
        ClassLiteral type = ti.knownClass(KnownClass.TYPE);
        return type == null || ti.mro(i.literal()).find(type) != null;
    }

    /** Whether an object's {@code __mro_entries__} can be called with the bases tuple and returns a tuple. */
    private boolean mroEntriesWork(dev.typhon.semantic.types.InstanceType i) {
        Type method = ti.dunders.lookup(i, "__mro_entries__");
        if (!(method instanceof dev.typhon.semantic.types.BoundMethodType b)) {
            return false;
        }
        Type tuple = dev.typhon.semantic.types.TupleType.homogeneous(KnownClass.TYPE.toInstance(ti));
        Type returned = ti.calls.callDunder(i, "__mro_entries__", List.of(tuple));
        return returned != null && (returned.isDynamic() || returned instanceof dev.typhon.semantic.types.TupleType
                || returned.isAssignableTo(ti, KnownClass.TUPLE.toSpecializedInstance(ti, List.of(DynamicType.ANY))));
    }

    /**
     * The type variables of a base's arguments, in order of first occurrence, also those nested in
     * them: {@code class G(Base[Generator[T, S, None]])} is generic in T and S.
     */
    private static void collectTypeVars(List<Type> arguments, List<TypeVarType> out) {
        for (Type a : arguments) {
            List<TypeVarType> found = new ArrayList<>();
            dev.typhon.semantic.types.TypeVariables.collect(a, found);
            for (TypeVarType v : found) {
                if (!v.isSelf() && out.stream().noneMatch(o -> o.ref().equals(v.ref()))) {
                    out.add(v);
                }
            }
        }
    }

    private ClassType metaclass(SourceFile file, ClassDef node, List<Type> bases) {
        for (Keyword k : node.keywords()) {
            if ("metaclass".equals(k.arg())) {
                Type m = ti.expressions.infer(file, k.value());
                if (m instanceof ClassLiteralType c) {
                    return c.classType();
                }
            }
        }
        ClassType best = typeClass();
        for (Type b : bases) {
            if (b instanceof ClassLiteralType c) {
                ClassType m = info(c.literal()).metaclass();
                if (m != null && (best == null || ti.mro(m.literal()).find(best.literal()) != null)) {
                    best = m;
                }
            }
        }
        return best;
    }

    /** {@code typing._ProtocolMeta}, the metaclass of protocol classes, or null when the typeshed lacks it. */
    private @Nullable ClassType protocolMetaclass() {
        Optional<SourceFile> typing = ti.program.module("typing");
        if (typing.isEmpty()) {
            return null;
        }
        Type t = ti.imports.member(typing.get(), "_ProtocolMeta");
        return t instanceof ClassLiteralType c ? c.classType() : null;
    }

    /** The class a known variant names in the configured typeshed. */
    @Nullable ClassLiteral resolveKnown(KnownClass k) {
        for (KnownModule m : k.modules(ti.pythonVersion())) {
            Optional<SourceFile> file = ti.program.module(m.moduleName());
            if (file.isEmpty()) {
                continue;
            }
            Type t = ti.imports.member(file.get(), k.symbol());
            if (t instanceof ClassLiteralType c && c.literal().known() == k) {
                return c.literal();
            }
        }
        return null;
    }

    /** A member defined in the class's own body, as seen from outside it, or null. */
    @Nullable Type ownMember(ClassLiteral cls, String name) {
        Scope body = bodyScope(cls);
        if (body == null) {
            return null;
        }
        Type t = ti.imports.scopeMember(file(cls), body, name);
        if (t == null) {
            return synthesizedMember(cls, name);
        }
        int sym = body.symbolId(name);
        if (t != null && sym >= 0 && file(cls).index().endOfScopeDeclarations(body, sym).isEmpty()) {
            // an undeclared attribute can be reassigned through any instance: its literal type is widened
            return ti.expressions.promote(t);
        }
        return t;
    }

    /**
     * A member no statement of the class body defines but its decorator or special base adds: a
     * dataclass's {@code __init__}, a named tuple's {@code __new__}; null for any other name.
     */
    @Nullable Type synthesizedMember(ClassLiteral cls, String name) {
        Type t = ti.dataclasses.member(cls, name);
        return t != null ? t : ti.namedTuples.member(cls, name);
    }

    /** The class whose body a class scope is, or null. */
    @Nullable ClassLiteral classOfBody(SourceFile file, Scope body) {
        if (body.parent() < 0) {
            return null;
        }
        Scope outer = file.index().scope(body.parent());
        int sym = outer.symbolId(body.name());
        if (sym < 0) {
            return null;
        }
        for (Definition d : file.index().definitionsOf(outer, sym)) {
            if (d.kind() == dev.typhon.semantic.index.DefinitionKind.CLASS && d.node() instanceof ClassDef cd
                    && bodyScopeId(file, cd) == body.id()) {
                return literalOf(file, d);
            }
        }
        return null;
    }

    /** The class whose body directly holds a scope (a method's scope), or null. */
    @Nullable ClassLiteral enclosingClass(SourceFile file, Scope scope) {
        if (scope.parent() < 0) {
            return null;
        }
        Scope parent = file.index().scope(scope.parent());
        if (parent.kind() != ScopeKind.CLASS) {
            return null;
        }
        // the class statement is the parent node of the method's def
        dev.typhon.ast.Node method = null;
        for (Definition d : file.index().definitionsOf(parent, parent.symbolId(scope.name()))) {
            if (d.kind() == dev.typhon.semantic.index.DefinitionKind.FUNCTION && d.node() instanceof dev.typhon.ast.Located l
                    && l.startOffset() <= scope.startOffset() && scope.startOffset() <= l.endOffset()) {
                method = d.node();
            }
        }
        dev.typhon.ast.Node cls = method == null ? null : file.nodeTable().parent(method);
        if (cls instanceof ClassDef cd) {
            for (Definition d : ti.definitionsAt(file, cd)) {
                if (d.node() == cd && bodyScopeId(file, cd) == parent.id()) {
                    return literalOf(file, d);
                }
            }
        }
        return null;
    }

    private int bodyScopeId(SourceFile file, ClassDef cd) {
        if (cd.body().isEmpty()) {
            return -1; // a class statement cut short by a syntax error
        }
        Scope s = ownScope(file.index(), cd.startOffset(), cd.body().get(0).startOffset(), ScopeKind.CLASS);
        return s == null ? -1 : s.id();
    }

    /** A member looked up through the MRO of a (possibly specialized) class, or null. */
    @Nullable Type member(ClassType cls, String name) {
        Mro mro = ti.mro(cls.literal());
        for (Type entry : mro.entries()) {
            if (entry instanceof ClassLiteralType c) {
                Type t = ownMember(c.literal(), name);
                if (t != null) {
                    // an inherited member is seen through the base's specialization (`class D(C[int])`)
                    return GenericClasses.applyToMember(ti.genericClasses.specializationOf(c.classType()), t);
                }
            } else if (entry.isDynamic()) {
                return entry;
            }
        }
        return null;
    }
}
