package dev.typhon.semantic.infer;

import dev.typhon.ast.Assign;
import dev.typhon.ast.Call;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DefinitionRef;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntersectionType;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What makes a class generic, beyond its type parameters ({@link Classes}): the defaults of type
 * variables (PEP 696), the default specialization of a class used without type arguments, explicit
 * specialization ({@code C[int]}) with ty's checks of arity, bounds and constraints, and the binding
 * of a type variable to the class that binds it ({@code T@C} in the methods and body of {@code C}).
 */
final class GenericClasses {
    private final TypeInference ti;
    private final Memo<DefinitionRef, Optional<Type>> defaults = new Memo<>("typevar-default");

    GenericClasses(TypeInference ti) {
        this.ti = ti;
    }

    /** The default a type variable declares ({@code TypeVar("T", default=int)}, {@code class C[T = int]}), or null. */
    @Nullable Type defaultOf(TypeVarType v) {
        return defaults.get(v.ref(), ref -> Optional.ofNullable(computeDefault(ref)), Optional.empty()).orElse(null);
    }

    private @Nullable Type computeDefault(DefinitionRef ref) {
        if (ref.definition() < 0) {
            return null;
        }
        SourceFile file = ti.program.file(ref.file());
        Definition def = file.index().definition(ref.definition());
        Node stmt = def.statement();
        if (def.node() instanceof dev.typhon.ast.TypeVar tv) {
            return tv.defaultValue() == null ? null : ti.typeExpressions.annotation(file, tv.defaultValue(), null);
        }
        if (stmt instanceof Assign a && a.value() instanceof Call call) {
            for (Keyword k : call.keywords()) {
                if ("default".equals(k.arg())) {
                    return ti.typeExpressions.annotation(file, k.value(), null);
                }
            }
        }
        return null;
    }

    boolean isGeneric(ClassLiteral cls) {
        return !ti.typeParameters(cls).isEmpty();
    }

    /** True when a class that is not generic itself inherits from a generic class (it was specialized in its bases). */
    boolean hasGenericAncestor(ClassLiteral cls) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (!c.literal().equals(cls) && !c.arguments().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** What is wrong with subscripting a class in a value expression ({@code C[int, int]}), or null. */
    @Nullable Problem valueSubscriptProblem(SourceFile file, dev.typhon.ast.Subscript s) {
        if (!(ti.expressions.infer(file, s.value()) instanceof dev.typhon.semantic.types.ClassLiteralType c)
                || !c.classType().arguments().isEmpty() || c.literal().isKnown(dev.typhon.semantic.types.KnownClass.TUPLE)
                || c.literal().isKnown(dev.typhon.semantic.types.KnownClass.TYPE)
                || ti.classes.info(c.literal()).opaqueParameters()) {
            return null;
        }
        if (isGeneric(c.literal())) {
            List<String> problems = specialize(c.literal(), ti.typeExpressions.arguments(file, s.slice())).problems();
            return problems.isEmpty() ? null : new Problem("invalid-type-arguments", problems.get(0), null,
                    s.slice().startOffset(), s.slice().endOffset());
        }
        if (ti.classes.member(c.classType(), "__class_getitem__") == null && hasGenericAncestor(c.literal())) {
            return new Problem("not-subscriptable", "Cannot specialize non-generic class `" + c.literal().name() + "`",
                    null, s.startOffset(), s.endOffset());
        }
        return null;
    }

    /** True when some type parameter of the class has no default (the class cannot be used bare without loss). */
    boolean hasRequiredParameter(ClassLiteral cls) {
        for (TypeVarType p : ti.typeParameters(cls)) {
            if (defaultOf(p) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The arguments a generic class takes when it is not given any: each type variable's default
     * (with the earlier variables it mentions replaced by their own arguments), else Unknown.
     */
    List<Type> defaultArguments(ClassLiteral cls) {
        return completed(cls, List.of());
    }

    /** {@code given} followed by the defaults of the remaining type parameters (Unknown when they have none). */
    List<Type> completed(ClassLiteral cls, List<Type> given) {
        List<TypeVarType> params = ti.typeParameters(cls);
        List<Type> out = new ArrayList<>(given);
        for (int i = given.size(); i < params.size(); i++) {
            Type d = defaultOf(params.get(i));
            if (d == null) {
                out.add(DynamicType.UNKNOWN);
            } else {
                out.add(dev.typhon.semantic.types.Specialization.of(params.subList(0, i), out).apply(d));
            }
        }
        return out;
    }

    /** The class specialized by default: {@code C[Unknown]}, {@code C[int]} when its variable defaults to int. */
    ClassType defaultSpecialization(ClassLiteral cls) {
        if (!isGeneric(cls)) {
            return ClassType.of(cls);
        }
        return new ClassType(cls, defaultArguments(cls));
    }

    /** An explicit specialization and what is wrong with it (ty's {@code invalid-type-arguments} messages). */
    record Explicit(ClassType type, List<String> problems) {
    }

    /**
     * {@code C[args]}: the arguments checked against the class's type parameters. A wrong number of
     * arguments makes every argument Unknown; an argument outside its variable's bound or
     * constraints becomes Unknown.
     */
    Explicit specialize(ClassLiteral cls, List<Type> args) {
        List<TypeVarType> params = ti.typeParameters(cls);
        List<String> problems = new ArrayList<>();
        int required = 0;
        for (TypeVarType p : params) {
            if (defaultOf(p) == null) {
                required++;
            } else {
                break;
            }
        }
        if (args.size() > params.size()) {
            String expected = required == params.size() ? Integer.toString(params.size())
                    : "between " + required + " and " + params.size();
            problems.add("Too many type arguments to class `" + cls.name() + "`: expected " + expected + ", got "
                    + args.size());
            List<Type> unknowns = new ArrayList<>();
            params.forEach(p -> unknowns.add(DynamicType.UNKNOWN));
            return new Explicit(new ClassType(cls, unknowns), problems);
        }
        if (args.size() < required) {
            for (int i = args.size(); i < required; i++) {
                problems.add("No type argument provided for required type variable `" + params.get(i).name()
                        + "` of class `" + cls.name() + "`");
            }
            List<Type> unknowns = new ArrayList<>();
            params.forEach(p -> unknowns.add(DynamicType.UNKNOWN));
            return new Explicit(new ClassType(cls, unknowns), problems);
        }
        List<Type> checked = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Type a = args.get(i);
            TypeVarType p = params.get(i);
            String why = violation(p, a);
            if (why != null) {
                problems.add(why);
                a = DynamicType.UNKNOWN;
            }
            checked.add(a);
        }
        return new Explicit(new ClassType(cls, completed(cls, checked)), problems);
    }

    /** Why a type argument does not fit its type variable, or null when it does. */
    private @Nullable String violation(TypeVarType p, Type a) {
        if (a.isDynamic() || a instanceof TypeVarType) {
            return null;
        }
        if (p.bound() != null && !a.isAssignableTo(ti, p.bound())) {
            return "Type `" + a.display() + "` is not assignable to upper bound `" + p.bound().display()
                    + "` of type variable `" + p.display() + "`";
        }
        if (!p.constraints().isEmpty()) {
            // ty accepts a subtype of a constraint, or a union of them, for now (it does not solve to the constraint)
            if (!a.isAssignableTo(ti, dev.typhon.semantic.types.UnionBuilder.of(ti, p.constraints()))) {
                List<String> shown = new ArrayList<>();
                p.constraints().forEach(c -> shown.add("`" + c.display() + "`"));
                return "Type `" + a.display() + "` does not satisfy constraints " + String.join(", ", shown)
                        + " of type variable `" + p.display() + "`";
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------
    // Binding type variables to the classes that bind them

    /**
     * {@code t} as seen at {@code offset} of the file: a type variable that a class enclosing that
     * place binds is shown bound by that class ({@code T@C}), even inside its methods, where it was
     * first taken as the method's own.
     */
    Type bindToEnclosingClasses(SourceFile file, int offset, Type t) {
        if (!mentionsTypeVar(t)) {
            return t;
        }
        Scope s = file.index().scopeAt(offset);
        List<TypeVarType> bound = new ArrayList<>();
        while (s != null) {
            if (s.kind() == ScopeKind.CLASS) {
                ClassLiteral cls = classOfBody(file, s);
                // the bases and keywords of a class statement are not in the class's own context
                if (cls != null && offset >= ti.classes.node(cls).body().get(0).startOffset()) {
                    for (TypeVarType p : ti.typeParameters(cls)) {
                        if (bound.stream().noneMatch(b -> b.ref().equals(p.ref()))) {
                            bound.add(p);
                        }
                    }
                }
            }
            s = s.parent() < 0 ? null : file.index().scope(s.parent());
        }
        if (bound.isEmpty()) {
            return t;
        }
        // keys unbound: they replace the variable wherever the annotation bound it (to the method, or nowhere)
        List<TypeVarType> keys = new ArrayList<>();
        bound.forEach(b -> keys.add(b.boundBy("")));
        return dev.typhon.semantic.types.Specialization.of(keys, new ArrayList<>(bound)).apply(t);
    }

    /** The class whose body is a class scope, or null. */
    @Nullable ClassLiteral classOfBody(SourceFile file, Scope body) {
        if (body.parent() < 0) {
            return null;
        }
        Scope parent = file.index().scope(body.parent());
        if (parent.kind() == ScopeKind.TYPE_PARAMETERS && parent.parent() >= 0) {
            parent = file.index().scope(parent.parent());
        }
        int sym = parent.symbolId(body.name());
        if (sym < 0) {
            return null;
        }
        for (Definition d : file.index().definitionsOf(parent, sym)) {
            if (d.kind() == DefinitionKind.CLASS && d.node() instanceof ClassDef cd && !cd.body().isEmpty()
                    && cd.startOffset() <= body.startOffset() && body.startOffset() <= cd.endOffset()) {
                return ti.classes.literalOf(file, d);
            }
        }
        return null;
    }

    /** A class member with a specialization applied (to every overload of a method, to a function's signature). */
    static Type applyToMember(dev.typhon.semantic.types.Specialization s, Type t) {
        if (s.isEmpty()) {
            return t;
        }
        return switch (t) {
            case dev.typhon.semantic.types.FunctionLiteral f -> f.withSignature(s.apply(f.signature()));
            case dev.typhon.semantic.types.OverloadedFunction o -> {
                List<dev.typhon.semantic.types.FunctionLiteral> fs = new ArrayList<>();
                for (dev.typhon.semantic.types.FunctionLiteral f : o.overloads()) {
                    fs.add(f.withSignature(s.apply(f.signature())));
                }
                yield new dev.typhon.semantic.types.OverloadedFunction(o.name(), fs);
            }
            default -> s.apply(t);
        };
    }

    /** The specialization a (possibly specialized) class applies to the members it defines. */
    dev.typhon.semantic.types.Specialization specializationOf(ClassType c) {
        if (c.arguments().isEmpty()) {
            return dev.typhon.semantic.types.Specialization.of(List.of(), List.of());
        }
        return dev.typhon.semantic.types.Specialization.of(ti.typeParameters(c.literal()), c.arguments());
    }

    static boolean mentionsTypeVar(Type t) {
        return switch (t) {
            case TypeVarType v -> true;
            case InstanceType i -> i.classType().arguments().stream().anyMatch(GenericClasses::mentionsTypeVar);
            case dev.typhon.semantic.types.ClassLiteralType c ->
                    c.classType().arguments().stream().anyMatch(GenericClasses::mentionsTypeVar);
            case UnionType u -> u.members().stream().anyMatch(GenericClasses::mentionsTypeVar);
            case IntersectionType x -> x.positive().stream().anyMatch(GenericClasses::mentionsTypeVar)
                    || x.negative().stream().anyMatch(GenericClasses::mentionsTypeVar);
            case TupleType tt -> tt.allElements().stream().anyMatch(GenericClasses::mentionsTypeVar);
            case SubclassOfType s -> mentionsTypeVar(s.subclassOf());
            case dev.typhon.semantic.types.CallableType c -> true;
            default -> false;
        };
    }
}
