package dev.typhon.semantic.index;

import dev.typhon.ast.Expr;
import dev.typhon.ast.Node;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The predicates of a module in columns rather than one {@link Constraint} each: a call statement
 * records one (does it return?), so a module has about one for every five lines. The
 * {@code Constraint} values are made when asked for; they compare by value (kind, nodes, sign).
 */
final class ConstraintTable {
    private static final ConstraintKind[] KINDS = ConstraintKind.values();

    private byte[] kinds;
    private Node[] tests;
    /** Match subjects, by constraint id; null until the first {@link ConstraintKind#PATTERN}. */
    private Expr[] subjects;
    private int size;

    ConstraintTable(int capacity) {
        kinds = new byte[Math.max(capacity, 1)];
        tests = new Node[kinds.length];
    }

    int add(ConstraintKind kind, Node test, Expr subject) {
        if (size == kinds.length) {
            int n = size * 2;
            kinds = Arrays.copyOf(kinds, n);
            tests = Arrays.copyOf(tests, n);
            if (subjects != null) {
                subjects = Arrays.copyOf(subjects, n);
            }
        }
        if (subject != null) {
            if (subjects == null) {
                subjects = new Expr[kinds.length];
            }
            subjects[size] = subject;
        }
        kinds[size] = (byte) kind.ordinal();
        tests[size] = test;
        return size++;
    }

    int size() {
        return size;
    }

    ConstraintKind kind(int constraint) {
        return KINDS[kinds[constraint]];
    }

    /** The predicate taken as true ({@code positive}) or as false. */
    Constraint get(int constraint, boolean positive) {
        return new Constraint(KINDS[kinds[constraint]], tests[constraint], subjects == null ? null : subjects[constraint],
                positive);
    }

    /** Drops the spare capacity once the walk is over. */
    void trim() {
        if (size < kinds.length) {
            kinds = Arrays.copyOf(kinds, size);
            tests = Arrays.copyOf(tests, size);
            if (subjects != null) {
                subjects = Arrays.copyOf(subjects, size);
            }
        }
    }

    /** An unmodifiable view: the predicates by id, each taken as true. */
    List<Constraint> asList() {
        return new View(this);
    }

    private static final class View extends AbstractList<Constraint> implements RandomAccess {
        private final ConstraintTable table;

        View(ConstraintTable table) {
            this.table = table;
        }

        @Override
        public Constraint get(int index) {
            java.util.Objects.checkIndex(index, table.size);
            return table.get(index, true);
        }

        @Override
        public int size() {
            return table.size;
        }
    }
}
