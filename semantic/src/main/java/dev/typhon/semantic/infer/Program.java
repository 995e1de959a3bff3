package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.index.IndexOptions;
import dev.typhon.semantic.resolve.ModuleLocation;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.Resolution;
import dev.typhon.semantic.resolve.ResolvedModule;
import dev.typhon.semantic.resolve.SearchPathKind;
import dev.typhon.semantic.types.KnownModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One snapshot of a program: the settings, the module resolver, and a table of the files that
 * queries have touched, each with a small id that types and memo tables use instead of the file.
 * Files are read, parsed and indexed lazily, once; stubs are shared by every file that imports them.
 * Thread-safe.
 */
public final class Program {
    private final ModuleResolver resolver;
    private final IndexOptions options;
    private final ConcurrentHashMap<String, SourceFile> filesByKey = new ConcurrentHashMap<>();
    private final List<SourceFile> files = new ArrayList<>();
    private final ConcurrentHashMap<String, Optional<SourceFile>> modules = new ConcurrentHashMap<>();
    private final TypeInference inference;

    private final @Nullable StubCache stubCache;
    private final @Nullable ParseCache parseCache;
    private final Reader reader;

    /** Reads a file given by path (not through the resolver): from disk, or from an editor's unsaved text. */
    @FunctionalInterface
    public interface Reader {
        byte[] read(Path file) throws IOException;
    }

    public Program(ModuleResolver resolver, String platform) {
        this(resolver, platform, null);
    }

    /** A program that shares parsed typeshed stubs with every other program given the same cache. */
    public Program(ModuleResolver resolver, String platform, @Nullable StubCache stubCache) {
        this(resolver, platform, stubCache, null, Files::readAllBytes);
    }

    /**
     * A program that also takes the parse of every other file from {@code parseCache} when its bytes are
     * those cached, and reads the files it is given by path with {@code reader}; modules found through
     * the resolver are read through its file trees.
     */
    public Program(ModuleResolver resolver, String platform, @Nullable StubCache stubCache,
            @Nullable ParseCache parseCache, Reader reader) {
        this.resolver = resolver;
        this.stubCache = stubCache;
        this.parseCache = parseCache;
        this.reader = reader;
        this.options = new IndexOptions(resolver.pythonVersion(), platform);
        this.inference = new TypeInference(this);
    }

    /**
     * ty's {@code strict-equality-semantics}: do not assume that an unseen subclass of a builtin keeps
     * its equality, so {@code ==} narrows only between values known exactly. Set before any query.
     */
    private volatile boolean strictEqualitySemantics;

    public void setStrictEqualitySemantics(boolean strict) {
        this.strictEqualitySemantics = strict;
    }

    public boolean strictEqualitySemantics() {
        return strictEqualitySemantics;
    }

    public ModuleResolver resolver() {
        return resolver;
    }

    public PythonVersion pythonVersion() {
        return options.pythonVersion();
    }

    public IndexOptions indexOptions() {
        return options;
    }

    /** The type queries of this program. */
    public TypeInference inference() {
        return inference;
    }

    /** The file with this id. */
    public SourceFile file(int id) {
        synchronized (files) {
            return files.get(id);
        }
    }

    /** The file of a module, found as an import would find it; empty when it does not resolve (or has no file). */
    public Optional<SourceFile> module(String name) {
        Optional<SourceFile> f = modules.get(name);
        if (f != null) {
            return f;
        }
        Resolution r = resolver.resolve(name);
        Optional<SourceFile> found = Optional.empty();
        if (r instanceof Resolution.Found(ResolvedModule m) && m.file() != null) {
            found = Optional.of(fileOf(m.file(), m.name(), m.isPackage(), m.isStub(), m.isTypeshedStdlib()));
        }
        Optional<SourceFile> prior = modules.putIfAbsent(name, found);
        return prior != null ? prior : found;
    }

    /** Whether a module resolves at all (a namespace package resolves without a file). */
    public @Nullable ResolvedModule resolveModule(String name) {
        return resolver.resolve(name) instanceof Resolution.Found(ResolvedModule m) ? m : null;
    }

    /** The file at a path of the file system (a file to check), as the module it is when it is one. */
    public SourceFile fileAt(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String key = abs.toString();
        SourceFile existing = filesByKey.get(key);
        if (existing != null) {
            return existing;
        }
        Optional<ModuleResolver.FileModule> fm = resolver.moduleOf(abs);
        String moduleName = fm.map(ModuleResolver.FileModule::name).orElse(null);
        boolean isPackage = fm.map(ModuleResolver.FileModule::isPackage).orElse(false);
        boolean stdlib = fm.map(m -> m.searchPath().kind() == SearchPathKind.STDLIB).orElse(false);
        boolean stub = abs.getFileName().toString().endsWith(".pyi");
        return register(key, moduleName, isPackage, stub, stdlib, () -> {
            try {
                return reader.read(abs);
            } catch (IOException e) {
                throw new SourceFile.UncheckedIOException(e);
            }
        });
    }

    private SourceFile fileOf(ModuleLocation loc, String moduleName, boolean isPackage, boolean stub, boolean stdlib) {
        String key = loc.path().map(p -> p.toAbsolutePath().normalize().toString()).orElse(loc.display());
        return register(key, moduleName, isPackage, stub, stdlib, () -> {
            try {
                return loc.read();
            } catch (IOException e) {
                throw new SourceFile.UncheckedIOException(e);
            }
        });
    }

    private SourceFile register(String key, @Nullable String moduleName, boolean isPackage, boolean stub,
            boolean stdlib, java.util.function.Supplier<byte[]> reader) {
        return filesByKey.computeIfAbsent(key, k -> {
            synchronized (files) {
                KnownModule known = stdlib && moduleName != null ? KnownModule.of(moduleName) : null;
                SourceFile f = new SourceFile(files.size(), k, moduleName, isPackage, stub, known, reader, options,
                        stdlib ? stubCache : null, stdlib ? null : parseCache);
                files.add(f);
                return f;
            }
        });
    }
}
