package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Stmt;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.types.CallableType;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.DefinitionRef;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntersectionType;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionType;
import dev.typhon.semantic.types.Variance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variance of a PEP 695 class's type parameter, inferred from how the class body uses it:
 * covariant when it appears only in method return types, contravariant when only in method
 * parameters, invariant when in both or in a mutable attribute's declared type, bivariant when not
 * at all. Variables with a declared variance (legacy {@code TypeVar(..., covariant=True)}) keep it;
 * legacy invariant ones stay invariant. Used by the type-variable solver to decide whether a type
 * argument is a lower or an upper bound.
 */
final class VarianceInference {
    private static final List<String> CONSTRUCTORS = List.of("__init__", "__new__", "__init_subclass__");

    private record Key(ClassLiteral cls, DefinitionRef param) {
    }

    private final TypeInference ti;
    private final Map<Key, Variance> cache = new ConcurrentHashMap<>();
    /** Parameters whose variance is being inferred (a class using itself): they count as bivariant meanwhile. */
    private final ThreadLocal<java.util.Set<Key>> inProgress = ThreadLocal.withInitial(java.util.HashSet::new);

    VarianceInference(TypeInference ti) {
        this.ti = ti;
    }

    Variance of(ClassLiteral cls, TypeVarType param) {
        if (param.variance() != Variance.INVARIANT) {
            return param.variance();
        }
        ClassDef node = ti.classes.node(cls);
        if (node.typeParams().isEmpty()) {
            return Variance.INVARIANT;
        }
        Key key = new Key(cls, param.ref());
        Variance known = cache.get(key);
        if (known != null) {
            return known;
        }
        if (!inProgress.get().add(key)) {
            return Variance.BIVARIANT;
        }
        try {
            Variance v = infer(cls, node, param.ref());
            cache.put(key, v);
            return v;
        } finally {
            inProgress.get().remove(key);
        }
    }

    private Variance infer(ClassLiteral cls, ClassDef node, DefinitionRef param) {
        SourceFile file = ti.classes.file(cls);
        boolean[] seen = new boolean[2]; // [covariant, contravariant]
        for (Stmt stmt : node.body()) {
            if (stmt instanceof FunctionDef || stmt instanceof AsyncFunctionDef) {
                String name = stmt instanceof FunctionDef fd ? fd.name() : ((AsyncFunctionDef) stmt).name();
                if (CONSTRUCTORS.contains(name)) {
                    continue;
                }
                for (Definition d : ti.definitionsAt(file, stmt)) {
                    if (d.node() == stmt && d.kind() == DefinitionKind.FUNCTION) {
                        Signature s = ti.functions.literal(file, d).signature();
                        List<Parameter> ps = s.parameters();
                        for (int i = 1; i < ps.size(); i++) {
                            use(ps.get(i).type(), param, false, seen, 0);
                        }
                        use(s.returns(), param, true, seen, 0);
                    }
                }
            } else if (stmt instanceof AnnAssign a) {
                Type declared = ti.typeExpressions.annotation(file, a.annotation(), null);
                boolean[] here = new boolean[2];
                use(declared, param, true, here, 0);
                if (here[0] || here[1]) {
                    seen[0] = true; // a mutable attribute is read and written
                    seen[1] = true;
                }
            }
        }
        if (seen[0] && seen[1]) {
            return Variance.INVARIANT;
        }
        return seen[0] ? Variance.COVARIANT : seen[1] ? Variance.CONTRAVARIANT : Variance.BIVARIANT;
    }

    /** Marks where {@code param} occurs in {@code t}, read in a covariant ({@code positive}) or contravariant place. */
    private void use(Type t, DefinitionRef param, boolean positive, boolean[] seen, int level) {
        if (level > 20) {
            return;
        }
        switch (t) {
            case TypeVarType v -> {
                if (v.ref().equals(param)) {
                    seen[positive ? 0 : 1] = true;
                }
            }
            case InstanceType i -> {
                List<Type> args = i.classType().arguments();
                List<TypeVarType> params = ti.typeParameters(i.literal());
                for (int k = 0; k < args.size(); k++) {
                    Variance v = k < params.size() ? of(i.literal(), params.get(k)) : Variance.INVARIANT;
                    switch (v) {
                        case COVARIANT -> use(args.get(k), param, positive, seen, level + 1);
                        case CONTRAVARIANT -> use(args.get(k), param, !positive, seen, level + 1);
                        case INVARIANT -> {
                            use(args.get(k), param, positive, seen, level + 1);
                            use(args.get(k), param, !positive, seen, level + 1);
                        }
                        case BIVARIANT -> {
                        }
                    }
                }
            }
            case UnionType u -> u.members().forEach(m -> use(m, param, positive, seen, level + 1));
            case IntersectionType x -> x.positive().forEach(m -> use(m, param, positive, seen, level + 1));
            case TupleType tt -> tt.allElements().forEach(m -> use(m, param, positive, seen, level + 1));
            case SubclassOfType s -> use(s.subclassOf(), param, positive, seen, level + 1);
            case CallableType c -> {
                for (Parameter p : c.signature().parameters()) {
                    use(p.type(), param, !positive, seen, level + 1);
                }
                use(c.signature().returns(), param, positive, seen, level + 1);
            }
            case FunctionLiteral f -> {
            }
            default -> {
            }
        }
    }
}
