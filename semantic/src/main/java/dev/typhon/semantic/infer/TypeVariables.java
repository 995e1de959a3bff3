package dev.typhon.semantic.infer;

import dev.typhon.semantic.types.CallableType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntersectionType;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionType;
import java.util.List;

/** The type variables a type mentions (a function's own legacy variables are found this way). */
final class TypeVariables {
    private TypeVariables() {
    }

    /** Every type variable a type mentions, in order of first occurrence (for a legacy function's own variables). */
    static void collect(Type t, List<TypeVarType> out, int level) {
        if (level > 20) {
            return;
        }
        switch (t) {
            case TypeVarType v -> {
                if (out.stream().noneMatch(o -> o.ref().equals(v.ref()))) {
                    out.add(v);
                }
            }
            case InstanceType i -> i.classType().arguments().forEach(a -> collect(a, out, level + 1));
            case ClassLiteralType c -> c.classType().arguments().forEach(a -> collect(a, out, level + 1));
            case SubclassOfType s -> collect(s.subclassOf(), out, level + 1);
            case UnionType u -> u.members().forEach(m -> collect(m, out, level + 1));
            case IntersectionType x -> {
                x.positive().forEach(m -> collect(m, out, level + 1));
                x.negative().forEach(m -> collect(m, out, level + 1));
            }
            case TupleType tt -> tt.allElements().forEach(m -> collect(m, out, level + 1));
            case CallableType c -> {
                for (Parameter p : c.signature().parameters()) {
                    collect(p.type(), out, level + 1);
                }
                collect(c.signature().returns(), out, level + 1);
            }
            default -> {
            }
        }
    }
}
