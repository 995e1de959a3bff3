package dev.typhon.semantic.infer;

import dev.typhon.ast.Expr;
import dev.typhon.ast.List;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Tuple;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which part of an assigned value each target of {@code a, (b, *c) = ...} receives, and the
 * problems CPython would raise at run time. Each member of a union value is unpacked on its own
 * and the targets receive the union of what they get from each; a member is iterated as a tuple
 * shape ({@link Iteration}) and resized to the targets ({@link TupleResize}): a starred target gets
 * a list of the elements it takes. A member that cannot be unpacked (wrong arity, not iterable)
 * gives its targets Unknown and a problem.
 */
final class Unpacking {
    private final TypeInference ti;

    Unpacking(TypeInference ti) {
        this.ti = ti;
    }

    /** The types every name (or place) target of {@code target} receives from {@code value}, and the problems. */
    record Result(Map<Node, Type> types, java.util.List<Problem> problems) {
    }

    /**
     * Unpacks {@code value} into {@code target}; {@code valueNode} is where a not-iterable value is
     * reported (the assigned expression, the iterable of a loop, a context manager).
     */
    Result unpack(Expr target, Type value, @Nullable Expr valueNode) {
        Result r = new Result(new IdentityHashMap<>(), new ArrayList<>());
        assign(target, value, valueNode, r);
        return r;
    }

    /** The type {@code targetNode} receives when {@code outer} is assigned {@code value}; null if it is not inside. */
    @Nullable Type typeOfTarget(Expr outer, Node targetNode, Type value) {
        if (outer == targetNode) {
            return value;
        }
        return unpack(outer, value, null).types().get(targetNode);
    }

    /**
     * The value an assignment unpacks: a list display unpacked into targets keeps its elements
     * apart ({@code a, b = [1, "x"]} gives {@code Literal[1]} and {@code Literal["x"]}), as its
     * length is known; anything else is the value's type.
     */
    Type assignedValue(SourceFile file, Expr target, Expr valueExpr) {
        if ((target instanceof Tuple || target instanceof List) && valueExpr instanceof List display) {
            java.util.List<Type> elements = new ArrayList<>();
            for (Expr e : display.elts()) {
                if (e instanceof Starred) {
                    return ti.expressions.infer(file, valueExpr);
                }
                elements.add(ti.expressions.infer(file, e));
            }
            return TupleType.fixed(elements);
        }
        return ti.expressions.infer(file, valueExpr);
    }

    private void assign(Expr target, Type value, @Nullable Expr valueNode, Result r) {
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
            if (elts.get(i) instanceof Starred && star < 0) {
                star = i;
            }
        }
        TupleResize shape = new TupleResize(ti, elts.size(), star);
        java.util.List<UnionBuilder> received = new ArrayList<>();
        for (int i = 0; i < elts.size(); i++) {
            received.add(new UnionBuilder(ti));
        }
        java.util.List<Type> members = value instanceof UnionType u ? u.members() : java.util.List.of(value);
        for (Type member : members) {
            TupleType spec = ti.iteration.spec(member);
            if (spec == null) {
                if (valueNode != null) {
                    r.problems().add(new Problem("not-iterable", "Object of type `" + member.display() + "` is not iterable",
                            null, valueNode.startOffset(), valueNode.endOffset()));
                }
                spec = TupleType.homogeneous(DynamicType.UNKNOWN);
            }
            java.util.List<Type> parts = shape.resize(spec);
            if (parts == null) {
                r.problems().add(new Problem("invalid-assignment", shape.tooMany(spec) ? "Too many values to unpack"
                        : "Not enough values to unpack", "Expected " + shape.expected(), target.startOffset(),
                        target.endOffset()));
                parts = shape.resize(TupleType.homogeneous(DynamicType.UNKNOWN));
            }
            for (int i = 0; i < parts.size(); i++) {
                Type part = parts.get(i);
                received.get(i).add(i == star ? KnownClass.LIST.toSpecializedInstance(ti, java.util.List.of(part)) : part);
            }
        }
        for (int i = 0; i < elts.size(); i++) {
            Expr e = elts.get(i);
            assign(e instanceof Starred s ? s.value() : e, received.get(i).build(), valueNode, r);
        }
    }
}
