package dev.typhon.semantic.infer;

import dev.typhon.ast.Expr;
import dev.typhon.ast.List;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Tuple;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which part of an assigned value each target of {@code a, (b, *c) = ...} receives, and the arity
 * problems CPython would raise at run time ({@code Not enough values to unpack}). A fixed-length
 * tuple (or a str literal) is split element by element, a starred target gets a list of what it
 * takes, and any other iterable gives every target its element type.
 */
final class Unpacking {
    private final TypeInference ti;

    Unpacking(TypeInference ti) {
        this.ti = ti;
    }

    /** An arity problem: the target that cannot receive the value, and ty's wording. */
    record Problem(Expr target, String headline, String annotation) {
    }

    /** The types every name (or place) target of {@code target} receives from {@code value}, and the problems. */
    record Result(Map<Node, Type> types, java.util.List<Problem> problems) {
    }

    Result unpack(Expr target, Type value) {
        Result r = new Result(new IdentityHashMap<>(), new ArrayList<>());
        assign(target, value, r);
        return r;
    }

    /** The type {@code targetNode} receives when {@code outer} is assigned {@code value}; null if it is not inside. */
    @Nullable Type typeOfTarget(Expr outer, Node targetNode, Type value) {
        if (outer == targetNode) {
            return value;
        }
        return unpack(outer, value).types().get(targetNode);
    }

    private void assign(Expr target, Type value, Result r) {
        java.util.List<Expr> elts = switch (target) {
            case Tuple t -> t.elts();
            case List l -> l.elts();
            default -> null;
        };
        if (elts == null) {
            r.types().put(target instanceof Starred s ? s.value() : target, value);
            return;
        }
        int star = -1;
        for (int i = 0; i < elts.size(); i++) {
            if (elts.get(i) instanceof Starred) {
                star = i;
            }
        }
        java.util.List<Type> parts = split(target, value, elts.size(), star, r);
        for (int i = 0; i < elts.size(); i++) {
            Expr e = elts.get(i);
            if (e instanceof Starred s) {
                assign(s.value(), parts.get(i), r);
            } else {
                assign(e, parts.get(i), r);
            }
        }
    }

    /** The value split into one type per target (the starred one a list). */
    private java.util.List<Type> split(Expr target, Type value, int n, int star, Result r) {
        java.util.List<Type> elements = fixedElements(value);
        java.util.List<Type> out = new ArrayList<>();
        if (elements != null) {
            int len = elements.size();
            boolean wrong = false;
            if (star < 0 && len != n) {
                r.problems().add(new Problem(target, len < n ? "Not enough values to unpack" : "Too many values to unpack",
                        "Expected " + n));
                wrong = true;
            } else if (star >= 0 && len < n - 1) {
                r.problems().add(new Problem(target, "Not enough values to unpack", "Expected at least " + (n - 1)));
                wrong = true;
            }
            if (wrong) {
                // what the targets would receive is unknown: the assignment fails at run time
                for (int i = 0; i < n; i++) {
                    out.add(i == star ? list(DynamicType.UNKNOWN) : DynamicType.UNKNOWN);
                }
                return out;
            }
        }
        if (elements == null) {
            Type element = elementType(value);
            for (int i = 0; i < n; i++) {
                out.add(i == star ? list(element) : element);
            }
            return out;
        }
        if (star < 0) {
            return elements;
        }
        int after = n - 1 - star;
        out.addAll(elements.subList(0, star));
        UnionBuilder middle = new UnionBuilder(ti);
        for (Type t : elements.subList(star, elements.size() - after)) {
            middle.add(t);
        }
        out.add(list(middle.build()));
        out.addAll(elements.subList(elements.size() - after, elements.size()));
        return out;
    }

    private @Nullable java.util.List<Type> fixedElements(Type value) {
        if (value instanceof TupleType t && t.isFixed()) {
            return t.elements();
        }
        if (value instanceof StringLiteral s && s.value().length() < 64) {
            java.util.List<Type> chars = new ArrayList<>();
            s.value().codePoints().forEach(cp -> chars.add(new StringLiteral(Character.toString(cp))));
            return chars;
        }
        return null;
    }

    private Type elementType(Type value) {
        if (value instanceof TupleType t) {
            return UnionBuilder.of(ti, t.allElements());
        }
        return ti.calls.iterate(value);
    }

    private Type list(Type element) {
        return KnownClass.LIST.toSpecializedInstance(ti, java.util.List.of(element == Never.NEVER ? Never.NEVER : element));
    }
}
