package dev.typhon.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap readings for the retained-memory measurements. */
final class Heap {

    private Heap() {
    }

    /** Used heap after repeated full GCs, once two readings in a row agree within 0.1%. */
    static long settledUsed() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int round = 0; round < 10; round++) {
            memory.gc();
            Thread.sleep(100);
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) <= used / 1000) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
