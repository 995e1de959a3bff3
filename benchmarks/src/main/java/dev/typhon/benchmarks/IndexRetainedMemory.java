package dev.typhon.benchmarks;

import dev.typhon.ast.Module;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.index.Use;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * How much heap the semantic indexes of a corpus keep alive beyond the trees they index: parses
 * every file and keeps the Modules, then builds and keeps every index, and compares the settled
 * used heap before and after the indexes. It then asks every index every use-def query
 * ({@code reachingDefinitions} and {@code boundness} of every use, {@code definitionsOf} every
 * (scope, symbol)) and reads the heap again: whatever an index builds lazily on a first query
 * counts in the second figure.
 *
 * <pre>java -Xmx8g -cp target/benchmarks.jar dev.typhon.benchmarks.IndexRetainedMemory /path/to/Lib</pre>
 */
public final class IndexRetainedMemory {

    private IndexRetainedMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        Corpus corpus;
        try {
            corpus = Corpus.load(args.length > 0 ? args[0] : "");
        } catch (IllegalArgumentException e) {
            System.err.println("IndexRetainedMemory: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("corpus: " + corpus.describe());
        List<Module> modules = new ArrayList<>(corpus.files().size());
        for (byte[] file : corpus.files()) {
            modules.add(PythonParser.parse(file).module());
        }
        long before = Heap.settledUsed();
        List<SemanticIndex> indexes = new ArrayList<>(modules.size());
        for (Module m : modules) {
            indexes.add(SemanticIndex.of(m));
        }
        long after = Heap.settledUsed();
        long retained = after - before;
        System.out.printf("indexes kept: %d%n", indexes.size());
        System.out.printf("retained by the indexes: %,d bytes (%.1f MB)%n", retained, retained / 1e6);
        System.out.printf("per source line: %.1f bytes%n", (double) retained / corpus.totalLines());

        long answers = 0;
        for (SemanticIndex index : indexes) {
            for (int u = 0, n = index.useCount(); u < n; u++) {
                Use use = index.use(u);
                answers += index.reachingDefinitions(use).size();
                answers += index.boundness(use, UseDefQueryBenchmark.BUILTINS::contains).ordinal();
            }
            for (Scope s : index.scopes()) {
                for (int sym = 0, n = s.symbolCount(); sym < n; sym++) {
                    answers += index.definitionsOf(s, sym).size();
                }
            }
        }
        long queried = Heap.settledUsed() - before;
        System.out.printf("retained after every query: %,d bytes (%.1f MB; %d answers)%n", queried, queried / 1e6, answers);
        System.out.printf("per source line after every query: %.1f bytes%n", (double) queried / corpus.totalLines());
        Reference.reachabilityFence(indexes);
        Reference.reachabilityFence(modules);
        Reference.reachabilityFence(corpus);
    }

}
