package dev.typhon.ast.source;

import java.util.Arrays;

/**
 * The {@code #} comments of one source text, as the tokenizer found them: a side table of ranges
 * (no node in the tree), sorted by position, three ints per comment. A comment's range runs from
 * its {@code #} to the end of its line, line break excluded, so a line holds at most one comment
 * (what follows a second {@code #} is part of the first comment; {@link CommentDirectives} looks
 * inside). Text that looks like a comment inside a string is not one.
 *
 * <p>Offsets are UTF-16 offsets into {@link SourceText#text()}, as token offsets are; lines are
 * 1-based, as CPython's.
 */
public final class Comments {

    /** No comments. */
    public static final Comments EMPTY = new Comments("", new int[0], 0);

    private final String text;
    /** Three ints per comment: start, end, line. */
    private final int[] table;
    private final int size;

    private Comments(String text, int[] table, int size) {
        this.text = text;
        this.table = table;
        this.size = size;
    }

    /** Number of comments. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Offset of comment {@code i}'s {@code #}. */
    public int start(int i) {
        return table[check(i) * 3];
    }

    /** Offset just past comment {@code i}'s last character (its line break or the end of the text). */
    public int end(int i) {
        return table[check(i) * 3 + 1];
    }

    /** 1-based line of comment {@code i}. */
    public int line(int i) {
        return table[check(i) * 3 + 2];
    }

    /** Comment {@code i}'s text, {@code #} included, line break excluded. */
    public String text(int i) {
        return text.substring(start(i), end(i));
    }

    /** The source text the offsets refer to. */
    public String source() {
        return text;
    }

    /** The comment containing {@code offset} (from its {@code #} up to, not including, its end), or -1. */
    public int indexAt(int offset) {
        int i = lastStartingAtOrBefore(offset);
        return i >= 0 && offset < table[i * 3 + 1] ? i : -1;
    }

    /** True when {@code offset} is inside a comment. */
    public boolean isInComment(int offset) {
        return indexAt(offset) >= 0;
    }

    /** Index of the first comment starting at or after {@code offset}; {@link #size()} when there is none. */
    public int firstAtOrAfter(int offset) {
        return lastStartingAtOrBefore(offset - 1) + 1;
    }

    /** The comment on 1-based {@code line} (a line holds at most one), or -1. */
    public int onLine(int line) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int l = table[mid * 3 + 2];
            if (l == line) {
                return mid;
            }
            if (l < line) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Index of the first comment on 1-based {@code fromLine} or a later line; {@link #size()} when there is none. */
    public int firstFromLine(int fromLine) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (table[mid * 3 + 2] < fromLine) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The last comment starting at or before {@code offset}, or -1. */
    private int lastStartingAtOrBefore(int offset) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (table[mid * 3] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("comment " + i + " of " + size);
        }
        return i;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Comments[");
        for (int i = 0; i < size; i++) {
            sb.append(i > 0 ? ", " : "").append(line(i)).append(':').append(start(i)).append('-').append(end(i));
        }
        return sb.append(']').toString();
    }

    /** Collects comments in source order, as a tokenizer reads them. */
    public static final class Builder {

        private final String text;
        private int[] table = new int[24];
        private int size;

        public Builder(String text) {
            this.text = text;
        }

        /**
         * Records the comment {@code [start, end)} on 1-based {@code line}. A comment at or before the
         * last one recorded (read again after a recovery) is skipped, so the table stays sorted.
         *
         * @throws IllegalArgumentException for a range outside the text
         */
        public void add(int start, int end, int line) {
            if (start < 0 || end < start || end > text.length()) {
                throw new IllegalArgumentException("comment range " + start + ".." + end + " outside 0.." + text.length());
            }
            if (size > 0 && start <= table[(size - 1) * 3]) {
                return;
            }
            if (size * 3 == table.length) {
                table = Arrays.copyOf(table, table.length * 2);
            }
            int k = size * 3;
            table[k] = start;
            table[k + 1] = end;
            table[k + 2] = line;
            size++;
        }

        public Comments build() {
            return size == 0 && text.isEmpty() ? EMPTY : new Comments(text, Arrays.copyOf(table, size * 3), size);
        }
    }
}
