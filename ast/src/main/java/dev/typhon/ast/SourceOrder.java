package dev.typhon.ast;

import java.util.List;
import java.util.function.Consumer;

/** Helpers of the generated {@code forEachChildInSourceOrder} walks. */
final class SourceOrder {

    private SourceOrder() {
    }

    /**
     * Visits two lists whose elements interleave in the source ({@code f(a, k=1, *b)}: args and
     * keywords) as one list ordered by start offset; on a tie, {@code first}'s element comes first,
     * so a hand-built tree without positions walks in field order.
     */
    static void merge(List<? extends Node> first, List<? extends Node> second, Consumer<? super Node> action) {
        int i = 0;
        int j = 0;
        while (i < first.size() && j < second.size()) {
            if (second.get(j).startOffset() < first.get(i).startOffset()) {
                action.accept(second.get(j++));
            } else {
                action.accept(first.get(i++));
            }
        }
        while (i < first.size()) {
            action.accept(first.get(i++));
        }
        while (j < second.size()) {
            action.accept(second.get(j++));
        }
    }

    /**
     * Visits {@code nodes} ordered by start offset, ties in list order. Nearly always already
     * sorted, which costs one pass and no allocation.
     */
    static void byStart(List<? extends Node> nodes, Consumer<? super Node> action) {
        for (int i = 1; i < nodes.size(); i++) {
            if (nodes.get(i).startOffset() < nodes.get(i - 1).startOffset()) {
                List<? extends Node> sorted = new java.util.ArrayList<>(nodes);
                sorted.sort(java.util.Comparator.comparingInt(Node::startOffset)); // stable
                sorted.forEach(action);
                return;
            }
        }
        nodes.forEach(action);
    }
}
