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

    /**
     * A {@code str}: a sequence of code points. Java's UTF-16 strings read a high surrogate followed
     * by a low one as one code point; Python can hold the two as separate code points
     * ({@code '\\ud800\\udc00'}). {@code splitPairs} lists, in ascending order, the indexes in
     * {@code value} where such a pair stands for two code points; it is empty for almost every string.
     */
    record Str(String value, int[] splitPairs) implements ConstantValue {
        private static final int[] NONE_SPLIT = new int[0];

        public Str {
            java.util.Objects.requireNonNull(value);
            splitPairs = splitPairs == null || splitPairs.length == 0 ? NONE_SPLIT : splitPairs.clone();
        }

        /** A string whose surrogate pairs are all ordinary supplementary characters. */
        public Str(String value) {
            this(value, NONE_SPLIT);
        }

        @Override
        public int[] splitPairs() {
            return splitPairs.length == 0 ? splitPairs : splitPairs.clone();
        }

        /** Whether the pair at {@code index} (a high surrogate followed by a low one) is two code points. */
        public boolean isSplitAt(int index) {
            return splitPairs.length != 0 && java.util.Arrays.binarySearch(splitPairs, index) >= 0;
        }

        /**
         * The concatenation of {@code parts}, as Python joins strings: a lone high surrogate at the end
         * of one part and a lone low surrogate at the start of the next stay two code points.
         */
        public static Str concat(java.util.List<Str> parts) {
            StringBuilder sb = new StringBuilder();
            int[] splits = NONE_SPLIT;
            int count = 0;
            for (Str part : parts) {
                int base = sb.length();
                if (base > 0 && !part.value.isEmpty() && Character.isHighSurrogate(sb.charAt(base - 1))
                        && Character.isLowSurrogate(part.value.charAt(0))) {
                    splits = append(splits, count++, base - 1);
                }
                for (int split : part.splitPairs) {
                    splits = append(splits, count++, base + split);
                }
                sb.append(part.value);
            }
            return new Str(sb.toString(), java.util.Arrays.copyOf(splits, count));
        }

        private static int[] append(int[] array, int size, int value) {
            int[] out = size < array.length ? array : java.util.Arrays.copyOf(array, Math.max(4, size * 2));
            out[size] = value;
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Str other && value.equals(other.value)
                    && java.util.Arrays.equals(splitPairs, other.splitPairs);
        }

        @Override
        public int hashCode() {
            return value.hashCode() * 31 + java.util.Arrays.hashCode(splitPairs);
        }

        @Override
        public String toString() {
            return "Str[" + value + (splitPairs.length == 0 ? "" : ", split at " + java.util.Arrays.toString(splitPairs)) + "]";
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
