package dev.typhon.benchmarks;

import dev.typhon.ast.Module;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.lang.ref.Reference;
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

        long before = Heap.settledUsed();
        List<Module> modules = new ArrayList<>(corpus.files().size());
        int rejected = 0;
        for (byte[] file : corpus.files()) {
            ParseResult result = PythonParser.parse(file);
            if (result.hasErrors()) {
                rejected++;
            }
            modules.add(result.module());
        }
        long after = Heap.settledUsed();
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

}
