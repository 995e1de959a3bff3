package dev.typhon.semantic.infer;

import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.types.CallableType;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.OverloadedFunction;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionType;
import dev.typhon.semantic.types.Variance;
import java.util.List;

/**
 * The variance of a class's type parameters: as declared for a legacy {@code TypeVar}
 * ({@code covariant=True}), inferred for a PEP 695 parameter from where the class's members use it
 * (the typing spec's inference): method parameters are contravariant positions, return types and
 * read-only values covariant ones, mutable attributes both; constructors do not count. A parameter
 * used nowhere behaves covariantly.
 */
final class Variances {
    private final TypeInference ti;
    private final Memo<Key, Variance> memo = new Memo<>("variance");

    private record Key(ClassLiteral cls, int index) {
    }

    Variances(TypeInference ti) {
        this.ti = ti;
    }

    Variance of(ClassLiteral cls, int index) {
        List<TypeVarType> params = ti.typeParameters(cls);
        if (index >= params.size()) {
            return Variance.INVARIANT;
        }
        if (ti.classes.node(cls).typeParams().isEmpty()) {
            return params.get(index).variance();
        }
        // a cycle (a class that uses itself in its members) contributes nothing
        return memo.get(new Key(cls, index), k -> infer(cls, params.get(index)), Variance.BIVARIANT);
    }

    private Variance infer(ClassLiteral cls, TypeVarType p) {
        boolean[] seen = new boolean[2]; // covariant use, contravariant use
        for (Type base : ti.classes.info(cls).bases()) {
            if (base instanceof ClassLiteralType c) {
                visitArguments(c.classType().literal(), c.classType().arguments(), p, Variance.COVARIANT, seen);
            }
        }
        Scope body = ti.classes.bodyScope(cls);
        if (body != null) {
            for (String name : body.symbolNames()) {
                if (name.equals("__init__") || name.equals("__new__") || (name.startsWith("_") && !name.endsWith("__"))) {
                    continue;
                }
                Type member = ti.classes.ownMember(cls, name);
                if (member == null) {
                    continue;
                }
                switch (member) {
                    case FunctionLiteral f -> method(f, p, seen);
                    case OverloadedFunction o -> o.overloads().forEach(f -> method(f, p, seen));
                    default -> visit(member, p, Variance.INVARIANT, seen);
                }
            }
        }
        if (seen[0] && seen[1]) {
            return Variance.INVARIANT;
        }
        return seen[1] ? Variance.CONTRAVARIANT : Variance.COVARIANT;
    }

    private void method(FunctionLiteral f, TypeVarType p, boolean[] seen) {
        Signature s = f.signature();
        Functions.MethodKind kind = ti.functions.methodKind(f);
        if (kind == Functions.MethodKind.PROPERTY) {
            visit(s.returns(), p, Variance.COVARIANT, seen);
            return;
        }
        List<Parameter> ps = s.parameters();
        for (int i = kind == Functions.MethodKind.STATIC ? 0 : 1; i < ps.size(); i++) {
            if (ps.get(i).annotatedType() != null) {
                visit(ps.get(i).annotatedType(), p, Variance.CONTRAVARIANT, seen);
            }
        }
        if (s.returnType() != null) {
            visit(s.returnType(), p, Variance.COVARIANT, seen);
        }
    }

    private void visit(Type t, TypeVarType p, Variance position, boolean[] seen) {
        switch (t) {
            case TypeVarType v -> {
                if (v.ref().equals(p.ref())) {
                    record(position, seen);
                }
            }
            case InstanceType i -> visitArguments(i.literal(), i.classType().arguments(), p, position, seen);
            case UnionType u -> u.members().forEach(m -> visit(m, p, position, seen));
            case TupleType tt -> tt.allElements().forEach(m -> visit(m, p, position, seen));
            case SubclassOfType s -> visit(s.subclassOf(), p, position, seen);
            case CallableType c -> {
                for (Parameter q : c.signature().parameters()) {
                    if (q.annotatedType() != null) {
                        visit(q.annotatedType(), p, flip(position), seen);
                    }
                }
                if (c.signature().returnType() != null) {
                    visit(c.signature().returnType(), p, position, seen);
                }
            }
            default -> {
            }
        }
    }

    private void visitArguments(ClassLiteral cls, List<Type> args, TypeVarType p, Variance position, boolean[] seen) {
        for (int i = 0; i < args.size(); i++) {
            Variance v = cls.isKnown(dev.typhon.semantic.types.KnownClass.TUPLE) ? Variance.COVARIANT : of(cls, i);
            visit(args.get(i), p, compose(position, v), seen);
        }
    }

    private static Variance compose(Variance outer, Variance inner) {
        return switch (outer) {
            case COVARIANT -> inner;
            case CONTRAVARIANT -> flip(inner);
            case INVARIANT -> inner == Variance.BIVARIANT ? Variance.BIVARIANT : Variance.INVARIANT;
            case BIVARIANT -> Variance.BIVARIANT;
        };
    }

    private static Variance flip(Variance v) {
        return switch (v) {
            case COVARIANT -> Variance.CONTRAVARIANT;
            case CONTRAVARIANT -> Variance.COVARIANT;
            default -> v;
        };
    }

    private static void record(Variance position, boolean[] seen) {
        switch (position) {
            case COVARIANT -> seen[0] = true;
            case CONTRAVARIANT -> seen[1] = true;
            case INVARIANT -> {
                seen[0] = true;
                seen[1] = true;
            }
            default -> {
            }
        }
    }
}
