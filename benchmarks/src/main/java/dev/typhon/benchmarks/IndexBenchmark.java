package dev.typhon.benchmarks;

import dev.typhon.ast.Module;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.semantic.index.SemanticIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded semantic-index throughput over a whole corpus, beside parse-only throughput:
 * {@code parseOnly} parses every file, {@code parseAndIndex} parses and indexes every file, and
 * {@code indexOnly} indexes the trees parsed once in setup. The budget: indexing adds at
 * most 50% to parse time, i.e. parseAndIndex takes at most 1.5x parseOnly.
 *
 * <pre>java -jar target/benchmarks.jar IndexBenchmark -p corpus=/path/to/Lib</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-Xms2g", "-Xmx4g"})
@Threads(1)
public class IndexBenchmark {

    /** A directory of .py/.pyi files; required. */
    @Param("")
    public String corpus;

    private Corpus files;
    private List<Module> modules;

    @Setup(Level.Trial)
    public void load() {
        files = Corpus.load(corpus);
        modules = new ArrayList<>(files.files().size());
        for (byte[] file : files.files()) {
            modules.add(PythonParser.parse(file).module());
        }
        System.out.println("# corpus: " + files.describe());
    }

    /** Source bytes and files processed, reported per second next to ops/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Processed {
        public long bytes;
        public long files;
    }

    @Benchmark
    public void parseOnly(Processed processed, Blackhole bh) {
        for (byte[] file : files.files()) {
            bh.consume(PythonParser.parse(file));
        }
        processed.bytes += files.totalBytes();
        processed.files += files.files().size();
    }

    @Benchmark
    public void parseAndIndex(Processed processed, Blackhole bh) {
        for (byte[] file : files.files()) {
            ParseResult result = PythonParser.parse(file);
            bh.consume(SemanticIndex.of(result.module()));
        }
        processed.bytes += files.totalBytes();
        processed.files += files.files().size();
    }

    @Benchmark
    public void indexOnly(Processed processed, Blackhole bh) {
        for (Module module : modules) {
            bh.consume(SemanticIndex.of(module));
        }
        processed.bytes += files.totalBytes();
        processed.files += files.files().size();
    }
}
