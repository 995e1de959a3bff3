package dev.typhon.semantic.infer;

import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Tuple;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * What ty reports about a generic class statement beyond its MRO: the type arguments of its bases
 * ({@code class Sub(Base["Sub"])} names a generic class without arguments), and type-variable
 * defaults that reference a later parameter or a variable that is not a parameter at all.
 */
final class GenericClassProblems {
    private final TypeInference ti;

    GenericClassProblems(TypeInference ti) {
        this.ti = ti;
    }

    void of(SourceFile file, ClassDef node, ClassLiteral cls, List<Problem> out) {
        for (Expr base : node.bases()) {
            if (base instanceof Subscript s && ti.expressions.infer(file, s.value()) instanceof ClassLiteralType c
                    && ti.genericClasses.isGeneric(c.literal())) {
                for (Expr element : s.slice() instanceof Tuple t ? t.elts() : List.of(s.slice())) {
                    for (String p : ti.typeExpressions.problems(file, element)) {
                        String rule = TypeExpressions.ruleOf(p);
                        // other problems of the arguments are reported where the base is evaluated
                        if (rule.equals("missing-type-argument")) {
                            out.add(new Problem(rule, TypeExpressions.messageOf(p), null, element.startOffset(),
                                    element.endOffset()));
                        }
                    }
                }
            }
        }
        String defaults = defaultProblem(cls);
        if (defaults != null) {
            out.add(new Problem("invalid-generic-class", defaults, null, node.startOffset(),
                    node.bases().isEmpty() ? node.startOffset() : node.bases().get(node.bases().size() - 1).endOffset()));
        }
    }

    /** A default that mentions a type variable which is not an earlier parameter of the class, or null. */
    private String defaultProblem(ClassLiteral cls) {
        List<TypeVarType> params = ti.typeParameters(cls);
        for (int i = 0; i < params.size(); i++) {
            Type d = ti.genericClasses.defaultOf(params.get(i));
            if (d == null) {
                continue;
            }
            List<TypeVarType> mentioned = new ArrayList<>();
            collect(d, mentioned);
            for (TypeVarType v : mentioned) {
                int at = -1;
                for (int j = 0; j < params.size(); j++) {
                    if (params.get(j).ref().equals(v.ref())) {
                        at = j;
                    }
                }
                if (at > i) {
                    return "Default of `" + params.get(i).name() + "` cannot reference later type parameter `" + v.name()
                            + "`";
                }
                if (at < 0) {
                    return "Default of `" + params.get(i).name() + "` cannot reference out-of-scope type variable `"
                            + v.name() + "`";
                }
            }
        }
        return null;
    }

    private static void collect(Type t, List<TypeVarType> out) {
        switch (t) {
            case TypeVarType v -> out.add(v);
            case InstanceType i -> i.classType().arguments().forEach(a -> collect(a, out));
            case UnionType u -> u.members().forEach(m -> collect(m, out));
            case dev.typhon.semantic.types.TupleType tt -> tt.allElements().forEach(m -> collect(m, out));
            default -> {
            }
        }
    }
}
