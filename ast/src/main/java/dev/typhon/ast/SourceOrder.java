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
}
