package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.source.LineIndex;
import dev.typhon.semantic.index.IndexOptions;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.types.KnownModule;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * One file of a {@link Program}: its small id, where it is, the module it is (if any), and its
 * syntax tree and semantic index, each built once, on first use, by whichever thread asks first.
 */
public final class SourceFile {
    private final int id;
    private final String path;
    private final @Nullable String moduleName;
    private final boolean isPackage;
    private final boolean isStub;
    private final @Nullable KnownModule knownModule;
    private final Supplier<byte[]> reader;
    private final IndexOptions options;
    private final @Nullable StubCache cache;
    private final @Nullable ParseCache parseCache;
    private volatile Parsed parsed;
    private volatile LineIndex lines;
    private volatile dev.typhon.ast.NodeTable nodeTable;

    /** The parse, or why the file could not be read. */
    record Parsed(ParseResult result, SemanticIndex index, @Nullable String readError) {
    }

    SourceFile(int id, String path, @Nullable String moduleName, boolean isPackage, boolean isStub,
            @Nullable KnownModule knownModule, Supplier<byte[]> reader, IndexOptions options, @Nullable StubCache cache,
            @Nullable ParseCache parseCache) {
        this.cache = cache;
        this.parseCache = parseCache;
        this.id = id;
        this.path = path;
        this.moduleName = moduleName;
        this.isPackage = isPackage;
        this.isStub = isStub;
        this.knownModule = knownModule;
        this.reader = reader;
        this.options = options;
    }

    public int id() {
        return id;
    }

    /** The path shown to users. */
    public String path() {
        return path;
    }

    /** The dotted module name, or null for a file that is no importable module. */
    public @Nullable String moduleName() {
        return moduleName;
    }

    public boolean isPackage() {
        return isPackage;
    }

    public boolean isStub() {
        return isStub;
    }

    /** The known module this file is: only the configured typeshed's stdlib stubs are. */
    public @Nullable KnownModule knownModule() {
        return knownModule;
    }

    public ParseResult parse() {
        return parsed().result();
    }

    public SemanticIndex index() {
        return parsed().index();
    }

    /** Lines of the decoded text, for turning offsets into positions. */
    public LineIndex lines() {
        LineIndex l = lines;
        if (l == null) {
            l = LineIndex.of(parse().source().text());
            lines = l;
        }
        return l;
    }

    /** Parents and node-at-offset lookups of the file's tree, built on first use. */
    public dev.typhon.ast.NodeTable nodeTable() {
        dev.typhon.ast.NodeTable t = nodeTable;
        if (t == null) {
            t = dev.typhon.ast.NodeTable.of(parse().module());
            nodeTable = t;
        }
        return t;
    }

    /** Why the file could not be read, or null. */
    public @Nullable String readError() {
        return parsed().readError();
    }

    private Parsed parsed() {
        Parsed p = parsed;
        if (p == null) {
            synchronized (this) {
                p = parsed;
                if (p == null) {
                    p = cache != null ? cache.get(path + "|" + options, this::load) : loadThrough(parseCache);
                    parsed = p;
                }
            }
        }
        return p;
    }

    private Parsed load() {
        return loadThrough(null);
    }

    /** Reads the file, and parses it unless the cache holds the parse of the very same bytes. */
    private Parsed loadThrough(@Nullable ParseCache through) {
        byte[] bytes;
        String error = null;
        try {
            bytes = reader.get();
        } catch (UncheckedIOException e) {
            bytes = new byte[0];
            error = e.getMessage();
        }
        String readError = error;
        byte[] read = bytes;
        java.util.function.Supplier<Parsed> parse = () -> {
            ParseResult result = PythonParser.parse(read, new ParseOptions(options.pythonVersion(), false));
            return new Parsed(result, SemanticIndex.of(result.module(), options), readError);
        };
        return through == null || readError != null ? parse.get() : through.get(path + "|" + options, bytes, parse);
    }

    /** A failure to read, carried out of a {@link Supplier}. */
    static final class UncheckedIOException extends RuntimeException {
        UncheckedIOException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
