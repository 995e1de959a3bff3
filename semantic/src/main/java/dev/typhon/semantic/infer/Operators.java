package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.Operator;
import dev.typhon.ast.UnaryOperator;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.Truthiness;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
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
        Type t = tryBinary(left, op, right);
        return t == null ? DynamicType.UNKNOWN : t;
    }

    /**
     * The type of {@code left op right}, or null when Python would raise {@code TypeError}: neither
     * the left operand's dunder nor the right operand's reflected one accepts the other operand. A
     * union works only when every combination of its members does.
     */
    @Nullable Type tryBinary(Type left, Operator op, Type right) {
        if (left.isDynamic() || right.isDynamic()) {
            return left.isDynamic() ? left : right;
        }
        if (left.isNever() || right.isNever()) {
            return Never.NEVER;
        }
        if (left instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            for (Type m : u.members()) {
                Type r = tryBinary(m, op, right);
                if (r == null) {
                    return null;
                }
                b.add(r);
            }
            return b.build();
        }
        if (right instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            for (Type m : u.members()) {
                Type r = tryBinary(left, op, m);
                if (r == null) {
                    return null;
                }
                b.add(r);
            }
            return b.build();
        }
        if (left instanceof TypeVarType v && left.equals(right) && !v.constraints().isEmpty()) {
            // both operands are the same constrained variable: they are solved to the same constraint
            UnionBuilder b = new UnionBuilder(ti);
            for (Type c : v.constraints()) {
                Type r = tryBinary(c, op, c);
                if (r == null) {
                    return null;
                }
                b.add(r);
            }
            return b.build();
        }
        if (left instanceof TypeVarType v && upperBound(v) != null) {
            return tryBinary(upperBound(v), op, right);
        }
        if (right instanceof TypeVarType v && upperBound(v) != null) {
            return tryBinary(left, op, upperBound(v));
        }
        Type folded = LiteralArithmetic.fold(ti, left, op, right);
        if (folded != null) {
            return folded;
        }
        return viaDunders(left, op, right);
    }

    /**
     * {@code left.__op__(right)}, else {@code right.__rop__(left)}; but when the right operand's type
     * is a proper subtype of the left's and overrides the reflected method, Python tries the
     * reflected method first, and which one runs depends on the operands' runtime classes, so the
     * result is either.
     */
    private @Nullable Type viaDunders(Type left, Operator op, Type right) {
        String forward = "__" + dunder(op) + "__";
        String reflected = "__r" + dunder(op) + "__";
        Type viaLeft = ti.dunders.callOrNull(left, forward, List.of(right));
        if (!left.equals(right) && right.isSubtypeOf(ti, left)) {
            Type rightMethod = ti.dunders.lookup(right, reflected);
            Type leftMethod = ti.dunders.lookup(left, reflected);
            if (rightMethod != null && !sameFunction(rightMethod, leftMethod)) {
                Type viaRight = ti.dunders.callOrNull(right, reflected, List.of(left));
                if (viaRight != null) {
                    return viaLeft == null ? viaRight : UnionBuilder.of(ti, viaRight, viaLeft);
                }
            }
        }
        if (viaLeft != null) {
            return viaLeft;
        }
        if (left.equals(right)) {
            return null;
        }
        return ti.dunders.callOrNull(right, reflected, List.of(left));
    }

    /** Whether two looked-up methods are the same function (bound to different receivers). */
    private static boolean sameFunction(Type a, @Nullable Type b) {
        if (b == null) {
            return false;
        }
        if (a instanceof BoundMethodType x && b instanceof BoundMethodType y) {
            return x.function().ref().equals(y.function().ref());
        }
        return a.equals(b);
    }

    /** What a type variable stands for when an operator is applied to it: its bound, its constraints, else object. */
    @Nullable Type upperBound(TypeVarType v) {
        if (v.bound() != null) {
            return v.bound();
        }
        if (!v.constraints().isEmpty()) {
            return UnionBuilder.of(ti, v.constraints());
        }
        return ti.instance(KnownClass.OBJECT);
    }

    /**
     * What is wrong with {@code left op right}: no dunder accepts the operands
     * ({@code unsupported-operator}), or an int or float divided by a literal zero
     * ({@code division-by-zero}).
     */
    List<Problem> binaryProblems(Type left, Operator op, Type right, int start, int end) {
        List<Problem> out = new ArrayList<>();
        String divide = switch (op) {
            case Div -> "divide";
            case FloorDiv -> "floor divide";
            case Mod -> "reduce";
            default -> null;
        };
        boolean byZero = (right instanceof UnionType ru ? ru.members() : List.of(right)).stream()
                .anyMatch(r -> LiteralArithmetic.intValue(r) instanceof Long zero && zero == 0);
        if (divide != null && byZero) {
            for (Type l : left instanceof UnionType u ? u.members() : List.of(left)) {
                if (l instanceof IntLiteral || l instanceof BoolLiteral || (l instanceof InstanceType i
                        && i.classType().arguments().isEmpty() && (i.isKnown(KnownClass.INT) || i.isKnown(KnownClass.FLOAT)
                        || i.isKnown(KnownClass.BOOL)))) {
                    out.add(new Problem("division-by-zero", "Cannot " + divide + " object of type `" + l.display() + "` "
                            + (op == Operator.Mod ? "modulo zero" : "by zero"), null, start, end));
                }
            }
        }
        if (tryBinary(left, op, right) == null) {
            out.add(unsupported(symbol(op), left, right, start, end));
        }
        return out;
    }

    /** ty's {@code unsupported-operator} wording for a binary operator or comparison. */
    static Problem unsupported(String symbol, Type left, Type right, int start, int end) {
        String between = left.equals(right) ? "two objects of type `" + left.display() + "`"
                : "objects of type `" + left.display() + "` and `" + right.display() + "`";
        return new Problem("unsupported-operator", "Operator `" + symbol + "` is not supported between " + between, null,
                start, end);
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
        Type t = tryUnary(op, operand);
        return t == null ? DynamicType.UNKNOWN : t;
    }

    /**
     * The type of {@code -x}, {@code +x}, {@code ~x} (through {@code __neg__}, {@code __pos__},
     * {@code __invert__} of the operand's type) or {@code not x}; null when the operand does not
     * support it. A union gives the results of the members that support it (the others are
     * reported); a constrained type variable stays itself when each constraint maps to itself.
     */
    @Nullable Type tryUnary(UnaryOperator op, Type operand) {
        if (op == UnaryOperator.Not) {
            return truthiness(operand).negate().toType(ti);
        }
        if (operand.isDynamic() || operand.isNever()) {
            return operand;
        }
        Long v = LiteralArithmetic.intValue(operand);
        if (v != null) {
            return switch (op) {
                case USub -> v == Long.MIN_VALUE ? ti.instance(KnownClass.INT) : new IntLiteral(-v);
                case UAdd -> new IntLiteral(v);
                case Invert -> new IntLiteral(~v);
                default -> DynamicType.UNKNOWN;
            };
        }
        if (operand instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            for (Type m : u.members()) {
                Type r = tryUnary(op, m);
                if (r != null) {
                    b.add(r);
                }
            }
            return b.isEmpty() ? null : b.build();
        }
        if (operand instanceof TypeVarType tv) {
            if (!tv.constraints().isEmpty()) {
                UnionBuilder b = new UnionBuilder(ti);
                boolean preserved = true;
                for (Type c : tv.constraints()) {
                    Type r = tryUnary(op, c);
                    if (r == null) {
                        return null;
                    }
                    preserved &= r.isEquivalentTo(ti, c);
                    b.add(r);
                }
                return preserved ? tv : b.build();
            }
            return tryUnary(op, upperBound(tv));
        }
        return ti.dunders.callOrNull(operand, unaryDunder(op), List.of());
    }

    /** {@code unsupported-operator} when some part of the operand does not support the unary operator, or null. */
    @Nullable Problem unaryProblem(UnaryOperator op, Type operand, int start, int end) {
        if (op == UnaryOperator.Not || !unaryFails(op, operand)) {
            return null;
        }
        return new Problem("unsupported-operator", "Unary operator `" + unarySymbol(op)
                + "` is not supported for object of type `" + operand.display() + "`", null, start, end);
    }

    private boolean unaryFails(UnaryOperator op, Type operand) {
        if (operand instanceof UnionType u) {
            return u.members().stream().anyMatch(m -> unaryFails(op, m));
        }
        return tryUnary(op, operand) == null;
    }

    private static String unaryDunder(UnaryOperator op) {
        return switch (op) {
            case USub -> "__neg__";
            case UAdd -> "__pos__";
            case Invert -> "__invert__";
            case Not -> "__bool__";
        };
    }

    private static String unarySymbol(UnaryOperator op) {
        return switch (op) {
            case USub -> "-";
            case UAdd -> "+";
            case Invert -> "~";
            case Not -> "not";
        };
    }
}
