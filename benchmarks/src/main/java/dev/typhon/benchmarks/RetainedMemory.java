package dev.typhon.benchmarks;

import dev.typhon.ast.Module;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * How much heap the ASTs of a corpus keep alive: parses every file, keeps every Module, and
 * compares the used heap after full collections before and after.
 *
 * <pre>java -Xmx8g -cp target/benchmarks.jar dev.typhon.benchmarks.RetainedMemory /path/to/Lib</pre>
 *
 * The file bytes are loaded before the first measurement and kept to the end, so they cancel out:
 * the difference is what the Modules hold (nodes, lists, strings, constants; not the source text
 * unless a node keeps it).
 */
public final class RetainedMemory {

    private RetainedMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        Corpus corpus;
        try {
            corpus = Corpus.load(args.length > 0 ? args[0] : "");
        } catch (IllegalArgumentException e) {
            System.err.println("RetainedMemory: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("corpus: " + corpus.describe());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long before = settledUsedHeap(memory);
        List<Module> modules = new ArrayList<>(corpus.files().size());
        int rejected = 0;
        for (byte[] file : corpus.files()) {
            ParseResult result = PythonParser.parse(file);
            if (result.hasErrors()) {
                rejected++;
            }
            modules.add(result.module());
        }
        long after = settledUsedHeap(memory);
        long retained = after - before;

        System.out.printf("modules kept: %d (%d with syntax errors)%n", modules.size(), rejected);
        System.out.printf("used heap: %,d bytes before, %,d bytes after%n", before, after);
        System.out.printf("retained by the ASTs: %,d bytes (%.1f MB)%n", retained, retained / 1e6);
        System.out.printf("per source byte: %.2f bytes%n", (double) retained / corpus.totalBytes());
        System.out.printf("per source line: %.1f bytes%n", (double) retained / corpus.totalLines());
        // Keeps the Modules (and the file bytes) reachable until after the measurement.
        Reference.reachabilityFence(modules);
        Reference.reachabilityFence(corpus);
    }

    /** Used heap after repeated full GCs, once two readings in a row agree within 0.1%. */
    private static long settledUsedHeap(MemoryMXBean memory) throws InterruptedException {
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
