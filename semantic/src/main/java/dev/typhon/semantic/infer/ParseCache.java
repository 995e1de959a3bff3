package dev.typhon.semantic.infer;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Parsed and indexed source files shared between the snapshots of one workspace: a file whose bytes
 * did not change since the last snapshot keeps its tree and semantic index (both immutable and
 * independent of every other file). One entry per file (path, Python version, platform): the
 * latest bytes seen and their parse. Thread-safe.
 */
public final class ParseCache {
    private record Entry(byte[] bytes, SourceFile.Parsed parsed) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong parses = new AtomicLong();

    SourceFile.Parsed get(String key, byte[] bytes, Supplier<SourceFile.Parsed> parse) {
        Entry e = entries.get(key);
        if (e != null && Arrays.equals(e.bytes(), bytes)) {
            return e.parsed();
        }
        SourceFile.Parsed p = parse.get();
        parses.incrementAndGet();
        entries.put(key, new Entry(bytes, p));
        return p;
    }

    /** How many files were parsed (not found in the cache) so far: what tests of reuse count. */
    public long parses() {
        return parses.get();
    }
}
