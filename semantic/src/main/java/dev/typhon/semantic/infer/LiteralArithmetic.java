package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.Operator;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.BytesLiteral;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.LiteralStringType;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.math.BigInteger;
import java.util.List;

/**
 * Binary operators evaluated at check time on literal operands, as ty folds them: int arithmetic
 * (falling back to {@code int} on overflow), bool bitwise operators, str and bytes concatenation
 * and repetition, tuple concatenation. Anything else is left to the operands' dunder methods.
 */
final class LiteralArithmetic {
    /** Longer string literals are not tracked: their concatenation is a {@code LiteralString}. */
    static final int MAX_STRING_LITERAL = 4096;

    private LiteralArithmetic() {
    }

    /** The folded result, or null when the operands are not literals this operator folds. */
    static @Nullable Type fold(TypeInference ti, Type left, Operator op, Type right) {
        if (left instanceof BoolLiteral a && right instanceof BoolLiteral b) {
            switch (op) {
                case BitOr -> {
                    return BoolLiteral.of(a.value() | b.value());
                }
                case BitAnd -> {
                    return BoolLiteral.of(a.value() & b.value());
                }
                case BitXor -> {
                    return BoolLiteral.of(a.value() ^ b.value());
                }
                default -> {
                }
            }
        }
        Long l = intValue(left);
        Long r = intValue(right);
        if (l != null && r != null) {
            return foldInt(ti, l, op, r);
        }
        if (op == Operator.Add) {
            return concatenate(ti, left, right);
        }
        if (op == Operator.Mult) {
            if (r != null && isStringLike(left)) {
                return repeat(ti, left, r);
            }
            if (l != null && isStringLike(right)) {
                return repeat(ti, right, l);
            }
        }
        return null;
    }

    static @Nullable Long intValue(Type t) {
        return switch (t) {
            case IntLiteral i -> i.value();
            case BoolLiteral b -> b.value() ? 1L : 0L;
            default -> null;
        };
    }

    private static boolean isStringLike(Type t) {
        return t instanceof StringLiteral || t instanceof LiteralStringType;
    }

    private static Type foldInt(TypeInference ti, long l, Operator op, long r) {
        Type integer = ti.instance(KnownClass.INT);
        try {
            return switch (op) {
                case Add -> new IntLiteral(Math.addExact(l, r));
                case Sub -> new IntLiteral(Math.subtractExact(l, r));
                case Mult -> new IntLiteral(Math.multiplyExact(l, r));
                case FloorDiv -> r == 0 || (l == Long.MIN_VALUE && r == -1) ? integer : new IntLiteral(Math.floorDiv(l, r));
                case Mod -> r == 0 ? integer : new IntLiteral(Math.floorMod(l, r));
                case Div -> ti.instance(KnownClass.FLOAT);
                case BitAnd -> new IntLiteral(l & r);
                case BitOr -> new IntLiteral(l | r);
                case BitXor -> new IntLiteral(l ^ r);
                case LShift -> leftShift(l, r, integer);
                case RShift -> r < 0 ? integer : new IntLiteral(l >> Math.min(r, 63));
                case Pow -> power(ti, l, r, integer);
                case MatMult -> null;
            };
        } catch (ArithmeticException overflow) {
            return integer;
        }
    }

    /** {@code l << r}: a literal while the result fits in 64 signed bits; shifting by a negative amount raises. */
    private static Type leftShift(long l, long r, Type integer) {
        if (r < 0) {
            return integer;
        }
        if (l == 0) {
            return new IntLiteral(0);
        }
        if (r >= 64) {
            return integer;
        }
        BigInteger shifted = BigInteger.valueOf(l).shiftLeft((int) r);
        return shifted.bitLength() < 64 ? new IntLiteral(shifted.longValue()) : integer;
    }

    /** {@code l ** r}: a float for a negative exponent, a literal while the result fits, else int. */
    private static Type power(TypeInference ti, long base, long exp, Type integer) {
        if (exp < 0) {
            return ti.instance(KnownClass.FLOAT);
        }
        if (exp > 0xffffffffL) {
            return integer;
        }
        if (base == 0 || base == 1) {
            return new IntLiteral(exp == 0 ? 1 : base);
        }
        if (base == -1) {
            return new IntLiteral(exp % 2 == 0 ? 1 : -1);
        }
        if (exp > 64) {
            return integer;
        }
        BigInteger p = BigInteger.valueOf(base).pow((int) exp);
        return p.bitLength() < 64 ? new IntLiteral(p.longValue()) : integer;
    }

    private static @Nullable Type concatenate(TypeInference ti, Type left, Type right) {
        if (left instanceof StringLiteral a && right instanceof StringLiteral b) {
            return a.value().length() + b.value().length() <= MAX_STRING_LITERAL ? new StringLiteral(a.value() + b.value())
                    : LiteralStringType.LITERAL_STRING;
        }
        if (isStringLike(left) && isStringLike(right)) {
            return LiteralStringType.LITERAL_STRING;
        }
        if (left instanceof BytesLiteral a && right instanceof BytesLiteral b) {
            return new BytesLiteral(a.value() + b.value());
        }
        if (left instanceof TupleType a && right instanceof TupleType b) {
            return concatenateTuples(ti, a, b);
        }
        return null;
    }

    /**
     * {@code tuple.__add__} as typeshed declares it: adding a tuple whose elements the left's element
     * type accepts keeps that type ({@code tuple[T, ...]}), else the element types join
     * ({@code tuple[T | S, ...]}); the empty tuple's element type is Never, so {@code () + ()} is
     * {@code tuple[()]}.
     */
    private static Type concatenateTuples(TypeInference ti, TupleType a, TupleType b) {
        Type leftElement = a.allElements().isEmpty() ? Never.NEVER : UnionBuilder.of(ti, a.allElements());
        Type rightElement = b.allElements().isEmpty() ? Never.NEVER : UnionBuilder.of(ti, b.allElements());
        Type element = rightElement.isAssignableTo(ti, leftElement) ? leftElement
                : UnionBuilder.of(ti, leftElement, rightElement);
        return element.isNever() ? TupleType.fixed(List.of()) : TupleType.homogeneous(element);
    }

    private static Type repeat(TypeInference ti, Type s, long times) {
        if (times < 1) {
            return new StringLiteral("");
        }
        if (s instanceof StringLiteral str && (long) str.value().length() * times <= MAX_STRING_LITERAL) {
            return new StringLiteral(str.value().repeat((int) times));
        }
        return LiteralStringType.LITERAL_STRING;
    }
}
