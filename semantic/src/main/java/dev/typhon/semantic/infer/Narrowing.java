package dev.typhon.semantic.infer;

import dev.typhon.ast.BoolOp;
import dev.typhon.ast.BoolOperator;
import dev.typhon.ast.Call;
import dev.typhon.ast.CmpOperator;
import dev.typhon.ast.Compare;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Name;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.UnaryOperator;
import dev.typhon.semantic.index.Constraint;
import dev.typhon.semantic.index.ConstraintKind;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.IntersectionBuilder;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.TruthinessType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.List;

/**
 * Narrowing a binding's type by the tests that hold on the path from it to a use: {@code x is None},
 * {@code x is not None}, {@code isinstance(x, C)}, truthiness ({@code if x:}), {@code not}, and
 * {@code and} / {@code or} of those. Each test narrows only the names it mentions.
 */
final class Narrowing {
    private final TypeInference ti;

    Narrowing(TypeInference ti) {
        this.ti = ti;
    }

    Type narrow(SourceFile file, Type type, List<Constraint> constraints, Definition def) {
        if (constraints.isEmpty() || def.isPlace() || def.symbol() < 0) {
            return type;
        }
        return narrowPath(file, type, constraints, file.index().scope(def.scope()).symbolName(def.symbol()));
    }

    /**
     * Narrows the value of a name or member place ({@code self.x}, written as its path text) by the
     * tests that mention that very path.
     */
    Type narrowPath(SourceFile file, Type type, List<Constraint> constraints, String name) {
        Type t = type;
        for (Constraint c : constraints) {
            if (c.kind() != ConstraintKind.TEST || !(c.test() instanceof Expr test)) {
                continue;
            }
            Type narrowed = constrain(file, test, name, c.positive());
            if (narrowed != null) {
                t = new IntersectionBuilder(ti).addPositive(t).addPositive(narrowed).build();
            }
        }
        return t;
    }

    private static boolean isName(Expr e, String name) {
        return name.equals(pathText(e));
    }

    /** {@code a}, {@code a.b.c}: the text of a name or attribute chain, or null for other expressions. */
    static String pathText(Expr e) {
        return switch (e) {
            case Name n -> n.id();
            case dev.typhon.ast.Attribute a -> {
                String prefix = pathText(a.value());
                yield prefix == null ? null : prefix + "." + a.attr();
            }
            default -> null;
        };
    }

    /** What {@code test} being {@code positive} says about {@code name}, or null for nothing. */
    private Type constrain(SourceFile file, Expr test, String name, boolean positive) {
        switch (test) {
            case Expr e when isName(e, name) -> {
                return positive ? new IntersectionBuilder(ti).addNegative(TruthinessType.ALWAYS_FALSY).build()
                        : new IntersectionBuilder(ti).addNegative(TruthinessType.ALWAYS_TRUTHY).build();
            }
            case UnaryOp u when u.op() == UnaryOperator.Not -> {
                return constrain(file, u.operand(), name, !positive);
            }
            case BoolOp b -> {
                boolean and = b.op() == BoolOperator.And;
                if (and == positive) {
                    // all of them hold
                    IntersectionBuilder all = new IntersectionBuilder(ti);
                    boolean any = false;
                    for (Expr v : b.values()) {
                        Type c = constrain(file, v, name, positive);
                        if (c != null) {
                            all.addPositive(c);
                            any = true;
                        }
                    }
                    return any ? all.build() : null;
                }
                // one of them holds: only a constraint on every alternative narrows
                UnionBuilder some = new UnionBuilder(ti);
                for (Expr v : b.values()) {
                    Type c = constrain(file, v, name, positive);
                    if (c == null) {
                        return null;
                    }
                    some.add(c);
                }
                return some.build();
            }
            case Compare c when c.ops().size() == 1 && (isName(c.left(), name) || isName(c.comparators().get(0), name)) -> {
                CmpOperator op = c.ops().get(0);
                Expr otherExpr = isName(c.left(), name) ? c.comparators().get(0) : c.left();
                Type other = ti.expressions.infer(file, otherExpr);
                if (other.isDynamic()) {
                    return null;
                }
                boolean eqNone = (op == CmpOperator.Eq || op == CmpOperator.NotEq) && other instanceof NoneType;
                boolean is = op == CmpOperator.Is || (eqNone && op == CmpOperator.Eq);
                boolean isNot = op == CmpOperator.IsNot || (eqNone && op == CmpOperator.NotEq);
                if (is || isNot) {
                    boolean same = is == positive;
                    if (same) {
                        return other; // the very object `other` is, whatever its type says
                    }
                    return other.isSingleton(ti) ? new IntersectionBuilder(ti).addNegative(other).build() : null;
                }
                boolean eq = op == CmpOperator.Eq;
                boolean ne = op == CmpOperator.NotEq;
                if ((eq || ne) && other.isSingleValued(ti)) {
                    boolean same = eq == positive;
                    return same ? null : new IntersectionBuilder(ti).addNegative(other).build();
                }
                return null;
            }
            case Call call when call.args().size() == 2 && call.keywords().isEmpty()
                    && isName(call.args().get(0), name) -> {
                Type f = ti.expressions.infer(file, call.func());
                if (!(f instanceof FunctionLiteral fl) || !fl.isKnown(KnownFunction.ISINSTANCE)) {
                    return null;
                }
                Type classes = classInfo(ti.expressions.infer(file, call.args().get(1)));
                if (classes == null) {
                    return null;
                }
                return positive ? classes : new IntersectionBuilder(ti).addNegative(classes).build();
            }
            default -> {
                return null;
            }
        }
    }

    private Type classInfo(Type t) {
        return ti.calls.classInfo(t);
    }
}
