package dev.typhon.ast;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The value of a {@link Constant} or {@link MatchSingleton}: the closed set of Python constant
 * types a literal can produce. Each is an immutable value; equality is by value and type, so
 * {@code 1}, {@code 1.0} and {@code True} stay distinct as they are in CPython's AST.
 */
public sealed interface ConstantValue {

    ConstantValue NONE = new None();
    ConstantValue ELLIPSIS = new Ellipsis();
    Bool TRUE = new Bool(true);
    Bool FALSE = new Bool(false);

    /** A {@code str}. Java strings hold UTF-16, which can carry lone surrogates as Python's can. */
    record Str(String value) implements ConstantValue {
        public Str {
            java.util.Objects.requireNonNull(value);
        }
    }

    /** A {@code bytes} value; the array is copied in and never exposed for writing. */
    final class Bytes implements ConstantValue {
        private final byte[] value;

        public Bytes(byte[] value) {
            this.value = value.clone();
        }

        public int length() {
            return value.length;
        }

        public byte byteAt(int index) {
            return value[index];
        }

        public byte[] toByteArray() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + HexFormat.of().formatHex(value) + "]";
        }
    }

    /** An {@code int} of any size. */
    record Int(BigInteger value) implements ConstantValue {
        public Int {
            java.util.Objects.requireNonNull(value);
        }

        public static Int of(long value) {
            return new Int(BigInteger.valueOf(value));
        }
    }

    /** A {@code float}; compared bit-for-bit, so {@code 0.0} and {@code -0.0} differ. */
    record Float(double value) implements ConstantValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof Float other
                    && Double.doubleToLongBits(value) == Double.doubleToLongBits(other.value);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }
    }

    /** A {@code complex}; a literal such as {@code 2j} has a zero real part. */
    record Complex(double real, double imag) implements ConstantValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof Complex other
                    && Double.doubleToLongBits(real) == Double.doubleToLongBits(other.real)
                    && Double.doubleToLongBits(imag) == Double.doubleToLongBits(other.imag);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(real) * 31 + Double.hashCode(imag);
        }
    }

    /** {@code True} or {@code False}. */
    record Bool(boolean value) implements ConstantValue {
        public static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /** {@code None}. */
    record None() implements ConstantValue {
    }

    /** {@code ...}. */
    record Ellipsis() implements ConstantValue {
    }
}
