package dev.typhon.semantic.infer;

import dev.typhon.ast.CmpOperator;
import dev.typhon.ast.Compare;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.IntersectionBuilder;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.Truthiness;
import dev.typhon.semantic.types.TruthinessType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Comparisons: {@code a < b < c} evaluates like {@code a < b and b < c}; each link folds literals
 * (ints, strs, bytes, tuples lexicographically element by element), decides {@code is} from
 * singletons and disjointness, tests {@code in} through {@code __contains__} (else iteration), and
 * otherwise calls the rich comparison dunder, trying the right operand's reflected one first when
 * its type is a proper subtype of the left's. Unions compare member by member.
 */
final class Comparisons {
    private final TypeInference ti;

    Comparisons(TypeInference ti) {
        this.ti = ti;
    }

    /** The type of a whole (possibly chained) comparison expression. */
    Type infer(SourceFile file, Compare c) {
        UnionBuilder result = new UnionBuilder(ti);
        Type left = ti.expressions.infer(file, c.left());
        for (int i = 0; i < c.ops().size(); i++) {
            Type right = ti.expressions.infer(file, c.comparators().get(i));
            Type link = compare(left, c.ops().get(i), right);
            if (i == c.ops().size() - 1) {
                result.add(link);
                break;
            }
            Truthiness truth = ti.operators.truthiness(link);
            if (truth == Truthiness.ALWAYS_FALSE) {
                result.add(link);
                return result.build();
            }
            if (truth == Truthiness.AMBIGUOUS && link.isDynamic()) {
                result.add(link);
            } else if (truth == Truthiness.AMBIGUOUS) {
                result.add(new IntersectionBuilder(ti).addPositive(link).addNegative(TruthinessType.ALWAYS_TRUTHY).build());
            }
            left = right;
        }
        return result.isEmpty() ? ti.instance(KnownClass.BOOL) : result.build();
    }

    /** The {@code unsupported-operator} problems of each link of a comparison. */
    List<Problem> problems(SourceFile file, Compare c) {
        List<Problem> out = new ArrayList<>();
        Type left = ti.expressions.infer(file, c.left());
        Expr leftExpr = c.left();
        for (int i = 0; i < c.ops().size(); i++) {
            Expr rightExpr = c.comparators().get(i);
            Type right = ti.expressions.infer(file, rightExpr);
            if (tryCompare(left, c.ops().get(i), right) == null) {
                out.add(Operators.unsupported(symbol(c.ops().get(i)), left, right, leftExpr.startOffset(),
                        rightExpr.endOffset()));
            }
            left = right;
            leftExpr = rightExpr;
        }
        return out;
    }

    Type compare(Type left, CmpOperator op, Type right) {
        Type t = tryCompare(left, op, right);
        return t == null ? DynamicType.UNKNOWN : t;
    }

    /** The type of one comparison {@code left op right}, or null when Python would raise {@code TypeError}. */
    @Nullable Type tryCompare(Type left, CmpOperator op, Type right) {
        if (left.isDynamic() || right.isDynamic()) {
            return op == CmpOperator.Is || op == CmpOperator.IsNot ? ti.instance(KnownClass.BOOL) : DynamicType.UNKNOWN;
        }
        if (left.isNever() || right.isNever()) {
            return left.isNever() ? left : right;
        }
        if (left instanceof UnionType u) {
            return eachMember(u, m -> tryCompare(m, op, right));
        }
        if (right instanceof UnionType u) {
            return eachMember(u, m -> tryCompare(left, op, m));
        }
        if (op == CmpOperator.Is || op == CmpOperator.IsNot) {
            return identity(left, op, right);
        }
        if (left instanceof TypeVarType v) {
            return tryCompare(ti.operators.upperBound(v), op, right);
        }
        if (right instanceof TypeVarType v) {
            return tryCompare(left, op, ti.operators.upperBound(v));
        }
        Type folded = foldLiterals(left, op, right);
        if (folded != null) {
            return folded;
        }
        if (op == CmpOperator.In || op == CmpOperator.NotIn) {
            return membership(left, op, right);
        }
        if (left instanceof TupleType a && right instanceof TupleType b) {
            return tuples(a, op, b);
        }
        if (left instanceof InstanceType || right instanceof InstanceType) {
            // a tuple subclass that keeps tuple's comparison compares as its elements (`sys.version_info >= (3, 9)`)
            String dunder = switch (op) {
                case Eq, NotEq -> "__eq__"; // object.__ne__ inverts __eq__
                case Lt -> "__lt__";
                case LtE -> "__le__";
                case Gt -> "__gt__";
                default -> "__ge__";
            };
            TupleType a = ti.iteration.tupleView(left, dunder);
            TupleType b = a == null ? null : ti.iteration.tupleView(right, dunder);
            if (a != null && b != null) {
                return tuples(a, op, b);
            }
        }
        return rich(left, op, right);
    }

    private interface MemberComparison {
        @Nullable Type apply(Type member);
    }

    private @Nullable Type eachMember(UnionType u, MemberComparison f) {
        UnionBuilder b = new UnionBuilder(ti);
        for (Type m : u.members()) {
            Type r = f.apply(m);
            if (r == null) {
                return null;
            }
            b.add(r);
        }
        return b.build();
    }

    /** {@code is}: false between disjoint types, true between the same singleton, else unknown. */
    private Type identity(Type left, CmpOperator op, Type right) {
        boolean is = op == CmpOperator.Is;
        if (left.isDisjointFrom(ti, right)) {
            return BoolLiteral.of(!is);
        }
        if (left.isSingleton(ti) && !isGenericAlias(left) && (left.equals(right) || left.isEquivalentTo(ti, right))) {
            return BoolLiteral.of(is);
        }
        return ti.instance(KnownClass.BOOL);
    }

    /** {@code list[int]} evaluates to a new alias object each time: not a singleton, whatever its type says. */
    private static boolean isGenericAlias(Type t) {
        return t instanceof dev.typhon.semantic.types.ClassLiteralType c && !c.classType().arguments().isEmpty();
    }

    /**
     * The kind of a built-in literal for equality: values of different kinds never compare equal
     * ({@code True == ""}); bools are ints. Null for other types.
     */
    private static @Nullable KnownClass literalKind(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.IntLiteral i -> KnownClass.INT;
            case BoolLiteral b -> KnownClass.INT;
            case StringLiteral s -> KnownClass.STR;
            case dev.typhon.semantic.types.LiteralStringType s -> KnownClass.STR;
            case BytesLiteral b -> KnownClass.BYTES;
            default -> null;
        };
    }

    private @Nullable Type foldLiterals(Type left, CmpOperator op, Type right) {
        if (left instanceof dev.typhon.semantic.types.EnumLiteral a && right instanceof dev.typhon.semantic.types.EnumLiteral b
                && a.enumClass().equals(b.enumClass()) && (op == CmpOperator.Eq || op == CmpOperator.NotEq)
                && !ti.enums.customEquality(a.enumClass())) {
            // one member equals itself; two members are different when their values are known to differ
            // (aliases are resolved), and might be aliases at run time when a value is not a literal
            if (a.equals(b)) {
                return BoolLiteral.of(op == CmpOperator.Eq);
            }
            if (ti.enums.hasLiteralValue(a) && ti.enums.hasLiteralValue(b)) {
                return BoolLiteral.of(op == CmpOperator.NotEq);
            }
            return ti.instance(KnownClass.BOOL);
        }
        Long l = LiteralArithmetic.intValue(left);
        Long r = LiteralArithmetic.intValue(right);
        if (l != null && r != null) {
            return op == CmpOperator.In || op == CmpOperator.NotIn ? null : ordered(Long.compare(l, r), op);
        }
        KnownClass lk = literalKind(left);
        KnownClass rk = literalKind(right);
        if (lk != null && rk != null && lk != rk && (op == CmpOperator.Eq || op == CmpOperator.NotEq)) {
            return BoolLiteral.of(op == CmpOperator.NotEq);
        }
        if (left instanceof StringLiteral a && right instanceof StringLiteral b) {
            return switch (op) {
                case In -> BoolLiteral.of(b.value().contains(a.value()));
                case NotIn -> BoolLiteral.of(!b.value().contains(a.value()));
                default -> ordered(compareCodePoints(a.value(), b.value()), op);
            };
        }
        if (left instanceof BytesLiteral a && right instanceof BytesLiteral b) {
            return switch (op) {
                case In -> BoolLiteral.of(b.value().contains(a.value()));
                case NotIn -> BoolLiteral.of(!b.value().contains(a.value()));
                default -> ordered(a.value().compareTo(b.value()), op);
            };
        }
        return null;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static Type ordered(int c, CmpOperator op) {
        return BoolLiteral.of(switch (op) {
            case Eq -> c == 0;
            case NotEq -> c != 0;
            case Lt -> c < 0;
            case LtE -> c <= 0;
            case Gt -> c > 0;
            case GtE -> c >= 0;
            default -> false;
        });
    }

    /** {@code x in y}: {@code y.__contains__(x)}'s truthiness, else a membership test by iterating {@code y}. */
    private @Nullable Type membership(Type left, CmpOperator op, Type right) {
        if (ti.dunders.isTypedDict(right)) {
            return ti.instance(KnownClass.BOOL); // TypedDicts' mapping methods are not modelled
        }
        if (right instanceof TupleType t && t.isFixed()) {
            // `x in (a, b)` is `x == a or x == b` (after an identity check)
            Truthiness found = Truthiness.ALWAYS_FALSE;
            for (Type element : t.elements()) {
                Type eq = tryCompare(left, CmpOperator.Eq, element);
                Truthiness e = eq == null ? Truthiness.AMBIGUOUS : ti.operators.truthiness(eq);
                if (e == Truthiness.ALWAYS_TRUE) {
                    found = Truthiness.ALWAYS_TRUE;
                    break;
                }
                if (e == Truthiness.AMBIGUOUS) {
                    found = Truthiness.AMBIGUOUS;
                }
            }
            return (op == CmpOperator.In ? found : found.negate()).toType(ti);
        }
        Dunders.Outcome contains = ti.dunders.call(right, "__contains__", List.of(left));
        Type result;
        if (contains instanceof Dunders.Returned r) {
            result = r.type();
        } else if (contains instanceof Dunders.Rejected) {
            return null;
        } else if (ti.dunders.lookup(right, "__iter__") != null || ti.dunders.lookup(right, "__getitem__") != null) {
            result = ti.instance(KnownClass.BOOL);
        } else {
            return null;
        }
        if (result.isDynamic()) {
            return result;
        }
        Truthiness t = ti.operators.truthiness(result);
        return (op == CmpOperator.In ? t : t.negate()).toType(ti);
    }

    /**
     * Tuples compare lexicographically: the first pair of elements that is not (certainly) equal
     * decides, and when every pair is equal the lengths do. A pair that may or may not be equal
     * contributes its own comparison and lets the next pairs contribute theirs.
     */
    private @Nullable Type tuples(TupleType a, CmpOperator op, TupleType b) {
        if (!a.isFixed() || !b.isFixed()) {
            return variableTuples(a, op, b);
        }
        UnionBuilder result = new UnionBuilder(ti);
        List<Type> left = a.elements();
        List<Type> right = b.elements();
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            Type eq = tryCompare(left.get(i), CmpOperator.Eq, right.get(i));
            Truthiness truth = eq == null ? Truthiness.AMBIGUOUS : ti.operators.truthiness(eq);
            if (truth == Truthiness.ALWAYS_TRUE) {
                continue;
            }
            Type pair = switch (op) {
                case Eq -> BoolLiteral.FALSE;
                case NotEq -> BoolLiteral.TRUE;
                default -> tryCompare(left.get(i), op, right.get(i));
            };
            if (pair == null) {
                return null;
            }
            result.add(pair);
            if (truth == Truthiness.ALWAYS_FALSE) {
                return result.build();
            }
        }
        result.add(ordered(Integer.compare(left.size(), right.size()), op));
        return result.build();
    }

    /** Tuples of unknown length: a {@code bool}, provided the elements that may meet support the comparison. */
    private @Nullable Type variableTuples(TupleType a, CmpOperator op, TupleType b) {
        if (op == CmpOperator.Eq || op == CmpOperator.NotEq) {
            return ti.instance(KnownClass.BOOL);
        }
        List<Type> left = a.allElements();
        List<Type> right = b.allElements();
        int n = Math.max(left.size(), right.size());
        for (int i = 0; i < n; i++) {
            Type l = elementAt(a, i);
            Type r = elementAt(b, i);
            if (l == null || r == null) {
                break;
            }
            if (tryCompare(l, op, r) == null) {
                return null;
            }
        }
        return ti.instance(KnownClass.BOOL);
    }

    /** The type the element at an index may have (the variable part for indexes past the prefix), or null past a fixed end. */
    private static @Nullable Type elementAt(TupleType t, int i) {
        if (i < t.prefix().size()) {
            return t.prefix().get(i);
        }
        if (t.variable() != null) {
            return t.variable();
        }
        return null;
    }

    /**
     * {@code left.__lt__(right)}, else the reflected {@code right.__gt__(left)}; the reflected method
     * goes first when the right operand's type is a proper subtype of the left's.
     */
    private @Nullable Type rich(Type left, CmpOperator op, Type right) {
        String forward = dunder(op);
        String reflected = dunder(reflect(op));
        if (!left.equals(right) && right.isSubtypeOf(ti, left)) {
            Type r = ti.dunders.callOrNull(right, reflected, List.of(left));
            if (r != null) {
                return r;
            }
        }
        Type r = ti.dunders.callOrNull(left, forward, List.of(right));
        if (r != null) {
            return r;
        }
        r = ti.dunders.callOrNull(right, reflected, List.of(left));
        if (r != null) {
            return r;
        }
        // `==` and `!=` fall back to identity at runtime
        return op == CmpOperator.Eq || op == CmpOperator.NotEq ? ti.instance(KnownClass.BOOL) : null;
    }

    private static CmpOperator reflect(CmpOperator op) {
        return switch (op) {
            case Lt -> CmpOperator.Gt;
            case LtE -> CmpOperator.GtE;
            case Gt -> CmpOperator.Lt;
            case GtE -> CmpOperator.LtE;
            default -> op;
        };
    }

    private static String dunder(CmpOperator op) {
        return switch (op) {
            case Eq -> "__eq__";
            case NotEq -> "__ne__";
            case Lt -> "__lt__";
            case LtE -> "__le__";
            case Gt -> "__gt__";
            case GtE -> "__ge__";
            default -> "__eq__";
        };
    }

    static String symbol(CmpOperator op) {
        return switch (op) {
            case Eq -> "==";
            case NotEq -> "!=";
            case Lt -> "<";
            case LtE -> "<=";
            case Gt -> ">";
            case GtE -> ">=";
            case Is -> "is";
            case IsNot -> "is not";
            case In -> "in";
            case NotIn -> "not in";
        };
    }
}
