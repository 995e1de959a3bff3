package dev.typhon.semantic.infer;

import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Node;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.types.Specialization;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which scope binds a legacy type variable used in a function's annotations. A {@code TypeVar} is
 * bound by the innermost enclosing generic class or function that already binds it ({@code T@Box} in
 * a method of {@code Box[T]}, {@code T@outer} in a function nested in {@code outer(x: T)}), and by
 * the function itself otherwise. Annotations are first converted with every variable bound by the
 * function; {@link #rebind} then hands the enclosing scopes' variables back to them.
 */
final class TypeVarBinders {
    private final TypeInference ti;

    TypeVarBinders(TypeInference ti) {
        this.ti = ti;
    }

    /** The type variables the classes and functions around {@code function} bind, innermost first. */
    List<TypeVarType> enclosing(SourceFile file, Node function) {
        List<TypeVarType> out = new ArrayList<>();
        Node n = file.nodeTable().parent(function);
        int guard = 0;
        while (n != null && guard++ < 200) {
            if (n instanceof ClassDef || n instanceof FunctionDef || n instanceof AsyncFunctionDef) {
                Definition def = definitionOf(file, n);
                if (def != null) {
                    List<TypeVarType> vars = n instanceof ClassDef
                            ? ti.typeParameters(ti.classes.literalOf(file, def))
                            : ti.functions.literal(file, def).signature().typeParameters();
                    for (TypeVarType v : vars) {
                        if (out.stream().noneMatch(o -> o.ref().equals(v.ref()))) {
                            out.add(v);
                        }
                    }
                }
            }
            n = file.nodeTable().parent(n);
        }
        return out;
    }

    private static Definition definitionOf(SourceFile file, Node node) {
        for (Definition d : file.index().definitions()) {
            if (d.node() == node) {
                return d;
            }
        }
        return null;
    }

    /** The variables of {@code t} bound by {@code binder} that an enclosing scope binds, given back to it. */
    Type rebind(Type t, String binder, List<TypeVarType> enclosing) {
        if (enclosing.isEmpty()) {
            return t;
        }
        List<TypeVarType> own = new ArrayList<>();
        dev.typhon.semantic.types.TypeVariables.collect(t, own);
        List<TypeVarType> from = new ArrayList<>();
        List<Type> to = new ArrayList<>();
        for (TypeVarType v : own) {
            if (!v.binder().equals(binder)) {
                continue;
            }
            for (TypeVarType e : enclosing) {
                if (e.ref().equals(v.ref())) {
                    from.add(v);
                    to.add(e);
                    break;
                }
            }
        }
        return from.isEmpty() ? t : Specialization.of(from, to).simplifying(ti).apply(t);
    }

    /** Whether a function's annotations mention a variable bound by the function's name. */
    static boolean mentionsOwn(Type t, String binder) {
        List<TypeVarType> vars = new ArrayList<>();
        dev.typhon.semantic.types.TypeVariables.collect(t, vars);
        return vars.stream().anyMatch(v -> v.binder().equals(binder));
    }
}
