package dev.typhon.semantic.names;

import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.semantic.index.IndexOptions;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names every module can read without binding them: what typeshed's {@code builtins.pyi}
 * binds for the target Python version and platform (its {@code sys.version_info} branches
 * decided as for any module), and the attributes every module has implicitly ({@code __name__},
 * {@code __file__}, ...). Computed once per typeshed, version and platform; thread-safe.
 */
public final class BuiltinNames {

    /** Attributes the import system sets on every module object. */
    public static final Set<String> IMPLICIT_MODULE_ATTRIBUTES = Set.of("__name__", "__file__", "__doc__",
            "__spec__", "__loader__", "__package__", "__builtins__", "__dict__", "__path__", "__annotations__",
            "__debug__");

    private static final Map<Key, Set<String>> CACHE = new ConcurrentHashMap<>();

    private record Key(Typeshed typeshed, PythonVersion version, String platform) {
    }

    private BuiltinNames() {
    }

    /** The builtins of the bundled typeshed for a version and platform, plus the implicit module attributes. */
    public static Set<String> of(PythonVersion version, String platform) {
        return of(Typeshed.bundled(), version, platform);
    }

    public static Set<String> of(Typeshed typeshed, PythonVersion version, String platform) {
        return CACHE.computeIfAbsent(new Key(typeshed, version, platform), k -> load(k.typeshed, k.version, k.platform));
    }

    private static Set<String> load(Typeshed typeshed, PythonVersion version, String platform) {
        byte[] source;
        try {
            source = typeshed.stdlib().read("builtins.pyi");
        } catch (IOException e) {
            throw new UncheckedIOException("typeshed has no readable builtins.pyi: " + e.getMessage(), e);
        }
        ParseResult parsed = PythonParser.parse(source, new ParseOptions(version, false));
        SemanticIndex index = SemanticIndex.of(parsed.module(), new IndexOptions(version, platform));
        Scope module = index.moduleScope();
        Set<String> names = new HashSet<>(IMPLICIT_MODULE_ATTRIBUTES);
        for (int i = 0; i < module.symbolCount(); i++) {
            String name = module.symbolName(i);
            // Private helpers of the stub (_T, _PositiveInteger, ...) are not builtins; dunders are.
            boolean dunder = name.startsWith("__") && name.endsWith("__");
            if ((dunder || !name.startsWith("_")) && module.isBound(i)
                    && !index.endOfScopeDefinitions(module, i).isEmpty()) {
                names.add(name);
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
