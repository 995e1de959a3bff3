package dev.typhon.semantic.infer;

import dev.typhon.ast.CmpOperator;
import dev.typhon.ast.Operator;
import dev.typhon.ast.UnaryOperator;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.Truthiness;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Operators: literal arithmetic, concatenation and comparison folded as ty folds them, otherwise
 * the dunder method of the left operand's class ({@code __add__}), then the reflected one of the
 * right ({@code __radd__}); unions operate member by member.
 */
final class Operators {
    private final TypeInference ti;

    Operators(TypeInference ti) {
        this.ti = ti;
    }

    Truthiness truthiness(Type t) {
        return ti.boolConversion.truthiness(t);
    }

    Type binary(Type left, Operator op, Type right) {
        if (left.isDynamic() || right.isDynamic()) {
            return left.isDynamic() ? left : right;
        }
        if (left instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            u.members().forEach(m -> b.add(binary(m, op, right)));
            return b.build();
        }
        if (right instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            u.members().forEach(m -> b.add(binary(left, op, m)));
            return b.build();
        }
        Long l = intValue(left);
        Long r = intValue(right);
        if (l != null && r != null) {
            Type folded = foldInt(l, op, r);
            if (folded != null) {
                return folded;
            }
        }
        if (op == Operator.Add && left instanceof StringLiteral a && right instanceof StringLiteral b) {
            return new StringLiteral(a.value() + b.value());
        }
        if (op == Operator.Add && left instanceof BytesLiteral a && right instanceof BytesLiteral b) {
            return new BytesLiteral(a.value() + b.value());
        }
        if (op == Operator.Add && left instanceof TupleType a && right instanceof TupleType b && a.isFixed() && b.isFixed()) {
            List<Type> all = new ArrayList<>(a.elements());
            all.addAll(b.elements());
            return TupleType.fixed(all);
        }
        String dunder = dunder(op);
        Type viaLeft = ti.calls.callDunder(left, "__" + dunder + "__", List.of(right));
        if (viaLeft != null) {
            return viaLeft;
        }
        Type viaRight = ti.calls.callDunder(right, "__r" + dunder + "__", List.of(left));
        return viaRight != null ? viaRight : DynamicType.UNKNOWN;
    }

    /**
     * Whether {@code left op right} certainly fails: neither operand's class has the operator's method
     * (nor the reflected one), and both types are fully known. Methods that exist but reject the
     * operand are not judged yet.
     */
    boolean unsupported(Type left, Operator op, Type right) {
        if (!isPlainInstanceLike(left) || !isPlainInstanceLike(right)) {
            return false;
        }
        if (intValue(left) != null && intValue(right) != null) {
            return false;
        }
        String d = dunder(op);
        return ti.members.member(left, "__" + d + "__") == null && ti.members.member(right, "__r" + d + "__") == null;
    }

    static String symbol(Operator op) {
        return switch (op) {
            case Add -> "+";
            case Sub -> "-";
            case Mult -> "*";
            case MatMult -> "@";
            case Div -> "/";
            case Mod -> "%";
            case Pow -> "**";
            case LShift -> "<<";
            case RShift -> ">>";
            case BitOr -> "|";
            case BitXor -> "^";
            case BitAnd -> "&";
            case FloorDiv -> "//";
        };
    }

    /** A value whose class Typhon knows completely: no dynamic part, no union, no MRO with an unknown base. */
    boolean isPlainInstanceLike(Type t) {
        if (!t.isFullyStatic() || t instanceof UnionType || t instanceof dev.typhon.semantic.types.IntersectionType
                || t instanceof dev.typhon.semantic.types.TypeVarType || t instanceof dev.typhon.semantic.types.KnownInstanceType
                || t instanceof dev.typhon.semantic.types.SpecialFormType || t instanceof dev.typhon.semantic.types.ClassLiteralType
                || t instanceof dev.typhon.semantic.types.SubclassOfType || t == dev.typhon.semantic.types.Never.NEVER) {
            return false;
        }
        if (t instanceof dev.typhon.semantic.types.InstanceType i) {
            return !ti.mro(i.literal()).hasDynamic() && !ti.classes.info(i.literal()).isProtocol()
                    && ti.members.member(t, "__getattr__") == null;
        }
        return true;
    }

    private static Long intValue(Type t) {
        return switch (t) {
            case IntLiteral i -> i.value();
            case BoolLiteral b -> b.value() ? 1L : 0L;
            default -> null;
        };
    }

    private Type foldInt(long l, Operator op, long r) {
        try {
            return switch (op) {
                case Add -> new IntLiteral(Math.addExact(l, r));
                case Sub -> new IntLiteral(Math.subtractExact(l, r));
                case Mult -> new IntLiteral(Math.multiplyExact(l, r));
                case FloorDiv -> r == 0 ? null : new IntLiteral(Math.floorDiv(l, r));
                case Mod -> r == 0 ? null : new IntLiteral(Math.floorMod(l, r));
                case Div -> r == 0 ? null : ti.instance(KnownClass.FLOAT);
                case BitAnd -> new IntLiteral(l & r);
                case BitOr -> new IntLiteral(l | r);
                case BitXor -> new IntLiteral(l ^ r);
                case LShift -> r < 0 || r > 62 || (l << r) >> r != l ? null : new IntLiteral(l << r);
                case RShift -> r < 0 ? null : new IntLiteral(l >> Math.min(r, 63));
                case Pow -> r < 0 ? ti.instance(KnownClass.FLOAT) : pow(l, r);
                default -> null;
            };
        } catch (ArithmeticException overflow) {
            return ti.instance(KnownClass.INT);
        }
    }

    private Type pow(long base, long exp) {
        long result = 1;
        for (long i = 0; i < exp; i++) {
            result = Math.multiplyExact(result, base);
            if (i > 64 && (base == 0 || base == 1 || base == -1)) {
                break;
            }
        }
        return new IntLiteral(result);
    }

    static String dunder(Operator op) {
        return switch (op) {
            case Add -> "add";
            case Sub -> "sub";
            case Mult -> "mul";
            case MatMult -> "matmul";
            case Div -> "truediv";
            case Mod -> "mod";
            case Pow -> "pow";
            case LShift -> "lshift";
            case RShift -> "rshift";
            case BitOr -> "or";
            case BitXor -> "xor";
            case BitAnd -> "and";
            case FloorDiv -> "floordiv";
        };
    }

    Type unary(UnaryOperator op, Type operand) {
        if (op == UnaryOperator.Not) {
            return truthiness(operand).negate().toType(ti);
        }
        if (operand.isDynamic()) {
            return operand;
        }
        Long v = intValue(operand);
        if (v != null) {
            return switch (op) {
                case USub -> v == Long.MIN_VALUE ? ti.instance(KnownClass.INT) : new IntLiteral(-v);
                case UAdd -> new IntLiteral(v);
                case Invert -> new IntLiteral(~v);
                default -> DynamicType.UNKNOWN;
            };
        }
        String dunder = switch (op) {
            case USub -> "__neg__";
            case UAdd -> "__pos__";
            case Invert -> "__invert__";
            default -> null;
        };
        Type r = ti.calls.callDunder(operand, dunder, List.of());
        return r == null ? DynamicType.UNKNOWN : r;
    }

    Type compare(Type left, CmpOperator op, Type right) {
        if ((op == CmpOperator.Is || op == CmpOperator.IsNot) && !left.isDynamic() && !right.isDynamic()) {
            if (left.equals(right) && left.isSingleton(ti)) {
                return BoolLiteral.of(op == CmpOperator.Is);
            }
            if (left.isDisjointFrom(ti, right)) {
                return BoolLiteral.of(op == CmpOperator.IsNot);
            }
            return ti.instance(KnownClass.BOOL);
        }
        Long l = intValue(left);
        Long r = intValue(right);
        if (l != null && r != null) {
            if (op == CmpOperator.Is || op == CmpOperator.IsNot || op == CmpOperator.In || op == CmpOperator.NotIn) {
                return ti.instance(KnownClass.BOOL);
            }
            return foldedCompare(l, op, r);
        }
        if (left instanceof BytesLiteral a && right instanceof BytesLiteral b) {
            left = new StringLiteral(a.value());
            right = new StringLiteral(b.value());
        }
        if (left instanceof StringLiteral a && right instanceof StringLiteral b) {
            int c = a.value().compareTo(b.value());
            return switch (op) {
                case Eq -> BoolLiteral.of(c == 0);
                case NotEq -> BoolLiteral.of(c != 0);
                case Lt -> BoolLiteral.of(c < 0);
                case LtE -> BoolLiteral.of(c <= 0);
                case Gt -> BoolLiteral.of(c > 0);
                case GtE -> BoolLiteral.of(c >= 0);
                case In -> BoolLiteral.of(b.value().contains(a.value()));
                case NotIn -> BoolLiteral.of(!b.value().contains(a.value()));
                default -> ti.instance(KnownClass.BOOL);
            };
        }
        if (op == CmpOperator.Is || op == CmpOperator.IsNot) {
            if (left.isSingleton(ti) && right.isSingleton(ti)) {
                boolean same = left.equals(right);
                return BoolLiteral.of(op == CmpOperator.Is ? same : !same);
            }
            if (left.isDisjointFrom(ti, right)) {
                return BoolLiteral.of(op == CmpOperator.IsNot);
            }
            return ti.instance(KnownClass.BOOL);
        }
        if (op == CmpOperator.In || op == CmpOperator.NotIn) {
            return ti.instance(KnownClass.BOOL);
        }
        String dunder = switch (op) {
            case Eq -> "__eq__";
            case NotEq -> "__ne__";
            case Lt -> "__lt__";
            case LtE -> "__le__";
            case Gt -> "__gt__";
            case GtE -> "__ge__";
            default -> null;
        };
        if (left.isDynamic() || right.isDynamic()) {
            return DynamicType.UNKNOWN;
        }
        Type res = dunder == null ? null : ti.calls.callDunder(left, dunder, List.of(right));
        return res == null ? ti.instance(KnownClass.BOOL) : res;
    }

    private static Type foldedCompare(long l, CmpOperator op, long r) {
        return BoolLiteral.of(switch (op) {
            case Eq -> l == r;
            case NotEq -> l != r;
            case Lt -> l < r;
            case LtE -> l <= r;
            case Gt -> l > r;
            case GtE -> l >= r;
            default -> false;
        });
    }
}
