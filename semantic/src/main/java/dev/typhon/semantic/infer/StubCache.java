package dev.typhon.semantic.infer;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed and indexed typeshed stubs shared between programs (snapshots, test cases) that use the same
 * typeshed, Python version and platform: a stub's tree and index depend on nothing else, and both are
 * immutable. Thread-safe.
 */
public final class StubCache {
    private final ConcurrentHashMap<String, SourceFile.Parsed> parsed = new ConcurrentHashMap<>();

    SourceFile.Parsed get(String key, java.util.function.Supplier<SourceFile.Parsed> load) {
        SourceFile.Parsed p = parsed.get(key);
        if (p != null) {
            return p;
        }
        p = load.get();
        if (p.readError() == null) {
            SourceFile.Parsed prior = parsed.putIfAbsent(key, p);
            return prior != null ? prior : p;
        }
        return p;
    }

    public int size() {
        return parsed.size();
    }
}
