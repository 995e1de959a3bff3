package dev.typhon.benchmarks;

import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
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
 * Single-threaded parse throughput over a whole corpus: one operation parses every file once
 * with {@code PythonParser.parse(bytes)}. Besides ops/s, the {@code bytes} counter reports source
 * bytes parsed per second (divide by 1e6 for MB/s; compare-cpython.sh does).
 *
 * <pre>java -jar target/benchmarks.jar ParserBenchmark -p corpus=/path/to/Lib</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-Xms2g", "-Xmx4g"})
@Threads(1)
public class ParserBenchmark {

    /** A directory of .py/.pyi files; required. */
    @Param("")
    public String corpus;

    private Corpus files;

    @Setup(Level.Trial)
    public void load() {
        files = Corpus.load(corpus);
        int rejected = 0;
        for (byte[] file : files.files()) {
            if (PythonParser.parse(file).hasErrors()) {
                rejected++;
            }
        }
        System.out.println("# corpus: " + files.describe() + "; files with syntax errors: " + rejected);
    }

    /** Source bytes and files parsed, reported per second next to the primary ops/s score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Processed {
        public long bytes;
        public long files;
    }

    @Benchmark
    public void parseAll(Processed processed, Blackhole bh) {
        for (byte[] file : files.files()) {
            ParseResult result = PythonParser.parse(file);
            bh.consume(result);
        }
        processed.bytes += files.totalBytes();
        processed.files += files.files().size();
    }
}
