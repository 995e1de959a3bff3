package dev.typhon.benchmarks;

import dev.typhon.ast.Module;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.semantic.index.IndexOptions;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.SemanticIndex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Use-def queries over every module of a corpus scaled by a factor, to see whether query time
 * grows linearly with the code. Setup parses and indexes the scaled corpus; one operation asks, of
 * every module: {@code reachingDefinitions} of every use, {@code boundness} of every use (the
 * builtins: a fixed set of names), or {@code definitionsOf} every (scope, symbol);
 * {@code indexBuild} builds every index. Time per operation, in milliseconds: at {@code scale=2}
 * a linear query takes about twice its {@code scale=1} time.
 *
 * <p>{@code layout}: {@code concat} (the default) makes each module {@code scale} copies of one
 * file, one after another, so every module's queries grow with the factor (what exposes cost
 * quadratic in a module's size); {@code copies} keeps the files as they are and indexes each
 * {@code scale} times (the same work repeated: linear by construction, a baseline for
 * {@code concat}). Files that do not parse cleanly, alone or twice over, are left out of both
 * layouts at every scale, so that the scales compare the same code.
 *
 * <p>Written against the index API every version has ({@code of}, {@code useCount}, {@code use},
 * {@code reachingDefinitions}, {@code boundness}, {@code scopes}, {@code definitionsOf}), so the
 * same source builds against old and new libraries (see compare-index.sh).
 *
 * <pre>java -jar target/benchmarks.jar UseDefQueryBenchmark -p corpus=/path/to/Lib [-p scale=1,2] [-p layout=concat,copies]</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-Xms2g", "-Xmx6g"})
@Threads(1)
public class UseDefQueryBenchmark {

    /** A directory of .py/.pyi files; required. */
    @Param("")
    public String corpus;

    /** How many times each file's code is in the corpus. */
    @Param({"1", "2"})
    public int scale;

    /** {@code concat}: one module of {@code scale} copies per file; {@code copies}: {@code scale} modules per file. */
    @Param("concat")
    public String layout;

    /** The names of CPython 3.13's builtins module, plus the module attributes every module has. */
    static final Set<String> BUILTINS = Set.of(
            "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
            "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
            "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
            "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError",
            "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError",
            "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt",
            "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "None", "NotADirectoryError",
            "NotImplemented", "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
            "PermissionError", "ProcessLookupError", "PythonFinalizationError", "RecursionError",
            "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration",
            "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError",
            "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
            "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
            "ValueError", "Warning", "ZeroDivisionError", "_IncompleteInputError", "__build_class__",
            "__debug__", "__doc__", "__import__", "__loader__", "__name__", "__package__", "__spec__", "abs",
            "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
            "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict",
            "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset",
            "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
            "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next",
            "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed",
            "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type",
            "vars", "zip",
            "__file__", "__builtins__", "__cached__", "__path__");

    private static final Predicate<String> IS_BUILTIN = BUILTINS::contains;

    private List<Module> modules;
    private List<SemanticIndex> indexes;

    @Setup(Level.Trial)
    public void load() {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, not " + scale);
        }
        boolean concat = switch (layout) {
            case "concat" -> true;
            case "copies" -> false;
            default -> throw new IllegalArgumentException("layout is concat or copies, not " + layout);
        };
        Corpus files = Corpus.load(corpus);
        List<byte[]> kept = cleanFiles(files.files());
        modules = new ArrayList<>();
        long lines = 0;
        for (byte[] file : kept) {
            if (concat) {
                byte[] source = repeat(file, scale);
                lines += Corpus.countLines(source);
                modules.add(PythonParser.parse(source).module());
            } else {
                Module module = PythonParser.parse(file).module();
                for (int i = 0; i < scale; i++) {
                    lines += Corpus.countLines(file);
                    modules.add(module);
                }
            }
        }
        indexes = new ArrayList<>(modules.size());
        long uses = 0;
        long symbols = 0;
        for (Module module : modules) {
            SemanticIndex index = SemanticIndex.of(module, IndexOptions.DEFAULT);
            indexes.add(index);
            uses += index.useCount();
            for (Scope s : index.scopes()) {
                symbols += s.symbolCount();
            }
        }
        System.out.printf("# corpus: %s; %d files kept (%d left out: syntax errors alone or twice over)%n",
                files.describe(), kept.size(), files.files().size() - kept.size());
        System.out.printf("# scale %d, layout %s: %d modules, %d lines, %d uses, %d (scope, symbol) pairs%n",
                scale, layout, modules.size(), lines, uses, symbols);
    }

    /** The files that parse without errors both alone and concatenated twice. */
    static List<byte[]> cleanFiles(List<byte[]> files) {
        List<byte[]> kept = new ArrayList<>(files.size());
        for (byte[] file : files) {
            if (!PythonParser.parse(file).hasErrors() && !PythonParser.parse(repeat(file, 2)).hasErrors()) {
                kept.add(file);
            }
        }
        return kept;
    }

    /**
     * {@code k} copies of a file's source, each ending with a line break; copies after the first
     * lose a UTF-8 byte order mark (one is allowed only at the start).
     */
    static byte[] repeat(byte[] file, int k) {
        if (k == 1) {
            return file;
        }
        boolean bom = file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb && (file[2] & 0xff) == 0xbf;
        boolean endsWithBreak = file.length > 0 && (file[file.length - 1] == '\n' || file[file.length - 1] == '\r');
        ByteArrayOutputStream out = new ByteArrayOutputStream((file.length + 1) * k);
        for (int i = 0; i < k; i++) {
            int from = i > 0 && bom ? 3 : 0;
            out.write(file, from, file.length - from);
            if (!endsWithBreak) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    @Benchmark
    public void reachingDefinitions(Blackhole bh) {
        for (SemanticIndex index : indexes) {
            for (int u = 0, n = index.useCount(); u < n; u++) {
                bh.consume(index.reachingDefinitions(index.use(u)));
            }
        }
    }

    @Benchmark
    public void boundness(Blackhole bh) {
        for (SemanticIndex index : indexes) {
            for (int u = 0, n = index.useCount(); u < n; u++) {
                bh.consume(index.boundness(index.use(u), IS_BUILTIN));
            }
        }
    }

    @Benchmark
    public void definitionsOf(Blackhole bh) {
        for (SemanticIndex index : indexes) {
            for (Scope s : index.scopes()) {
                for (int sym = 0, n = s.symbolCount(); sym < n; sym++) {
                    bh.consume(index.definitionsOf(s, sym));
                }
            }
        }
    }

    @Benchmark
    public void indexBuild(Blackhole bh) {
        for (Module module : modules) {
            bh.consume(SemanticIndex.of(module, IndexOptions.DEFAULT));
        }
    }
}
