package dev.typhon.semantic.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping from type variables to types ({@code _T -> int}), applied to a type by replacing every
 * occurrence of the variables. Variables without an argument map to Unknown.
 */
public final class Specialization {
    private final Map<DefinitionRef, Type> map;
    /** The binder of each mapped variable ({@code C} for {@code T@C}; empty when unbound). */
    private final Map<DefinitionRef, String> binders;
    /** When set, unions and intersections the substitution makes are simplified through their builders. */
    private final TypeDb db;

    private Specialization(Map<DefinitionRef, Type> map, Map<DefinitionRef, String> binders, TypeDb db) {
        this.map = map;
        this.binders = binders;
        this.db = db;
    }

    /** The same mapping, simplifying the unions and intersections it makes ({@code T | None} with {@code T = None}). */
    public Specialization simplifying(TypeDb db) {
        return new Specialization(map, binders, db);
    }

    public static Specialization of(List<TypeVarType> parameters, List<Type> arguments) {
        Map<DefinitionRef, Type> map = new HashMap<>();
        Map<DefinitionRef, String> binders = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            map.put(parameters.get(i).ref(), i < arguments.size() ? arguments.get(i) : DynamicType.UNKNOWN);
            binders.put(parameters.get(i).ref(), parameters.get(i).binder());
        }
        return new Specialization(map, binders, null);
    }

    /**
     * The replacement of a variable: the same legacy {@code TypeVar} may be bound by a class and,
     * separately, by one of its methods ({@code U@C} and {@code U@method}); a specialization of the
     * class leaves the method's own alone. An unbound occurrence matches any binding.
     */
    private Type replace(TypeVarType v) {
        Type t = map.get(v.ref());
        if (t == null) {
            return v;
        }
        String binder = binders.getOrDefault(v.ref(), "");
        return binder.isEmpty() || v.binder().isEmpty() || binder.equals(v.binder()) ? t : v;
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** {@code t} with every mapped type variable replaced. */
    public Type apply(Type t) {
        if (map.isEmpty()) {
            return t;
        }
        return switch (t) {
            case TypeVarType v -> replace(v);
            case InstanceType i -> new InstanceType(apply(i.classType()), i.exactShape());
            case ClassLiteralType c -> new ClassLiteralType(apply(c.classType()));
            case SubclassOfType s -> {
                Type inner = apply(s.subclassOf());
                yield inner instanceof InstanceType || inner instanceof DynamicType || inner instanceof TypeVarType
                        ? new SubclassOfType(inner) : DynamicType.UNKNOWN;
            }
            case TupleType tt -> new TupleType(applyAll(tt.prefix()),
                    tt.variable() == null ? null : apply(tt.variable()), applyAll(tt.suffix()));
            case UnionType u -> db == null ? new UnionType(applyAll(u.members())) : UnionBuilder.of(db, applyAll(u.members()));
            case IntersectionType x -> db == null ? new IntersectionType(applyAll(x.positive()), applyAll(x.negative()))
                    : intersection(applyAll(x.positive()), applyAll(x.negative()));
            case CallableType c -> new CallableType(apply(c.signature()), c.paramSpec(), c.functionLike());
            default -> t;
        };
    }

    public ClassType apply(ClassType c) {
        return c.arguments().isEmpty() ? c : new ClassType(c.literal(), applyAll(c.arguments()));
    }

    public Signature apply(Signature s) {
        List<Parameter> ps = new ArrayList<>();
        for (Parameter p : s.parameters()) {
            ps.add(new Parameter(p.kind(), p.name(), p.annotatedType() == null ? null : apply(p.annotatedType()),
                    p.defaultDisplay()));
        }
        return new Signature(ps, s.returnType() == null ? null : apply(s.returnType()), s.gradual(),
                s.typeParameters());
    }

    private Type intersection(List<Type> positive, List<Type> negative) {
        IntersectionBuilder b = new IntersectionBuilder(db);
        positive.forEach(b::addPositive);
        negative.forEach(b::addNegative);
        return b.build();
    }

    private List<Type> applyAll(List<Type> ts) {
        List<Type> out = new ArrayList<>(ts.size());
        for (Type t : ts) {
            out.add(apply(t));
        }
        return out;
    }
}
