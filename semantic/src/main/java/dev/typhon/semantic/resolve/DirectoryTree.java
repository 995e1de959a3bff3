package dev.typhon.semantic.resolve;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A search-path root on disk. Folder listings are cached (one read per folder, and exact-case
 * name matching even on case-insensitive file systems); {@link #invalidate} drops the listings a
 * file change makes stale. Thread-safe.
 */
public final class DirectoryTree implements FileTree {

    /** A folder's entries: name to "is a folder". Null map stands for "not a folder". */
    private record Listing(Map<String, Boolean> entries) {
        static final Listing NONE = new Listing(null);
    }

    private final Path root;
    private final ConcurrentHashMap<String, Listing> listings = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so a listing read before it is never cached after it. */
    private final AtomicLong generation = new AtomicLong();

    public DirectoryTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    private Listing listing(String rel) {
        Listing cached = listings.get(rel);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        Listing fresh = readListing(rel);
        listings.putIfAbsent(rel, fresh);
        if (generation.get() != before) {
            listings.remove(rel, fresh);
        }
        return fresh;
    }

    private Listing readListing(String rel) {
        Path dir = resolve(rel);
        if (!Files.isDirectory(dir)) {
            return Listing.NONE;
        }
        Map<String, Boolean> entries = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                if (Files.isDirectory(child)) {
                    entries.put(child.getFileName().toString(), Boolean.TRUE);
                } else if (Files.isRegularFile(child)) {
                    entries.put(child.getFileName().toString(), Boolean.FALSE);
                }
            }
        } catch (IOException | SecurityException e) {
            // An unreadable folder holds nothing we can import from.
            return Listing.NONE;
        }
        return new Listing(Collections.unmodifiableMap(entries));
    }

    private Path resolve(String rel) {
        return rel.isEmpty() ? root : root.resolve(rel);
    }

    private static String parentOf(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    private static String nameOf(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    private Boolean entry(String rel) {
        Map<String, Boolean> entries = listing(parentOf(rel)).entries();
        return entries == null ? null : entries.get(nameOf(rel));
    }

    @Override
    public boolean isFile(String rel) {
        return !rel.isEmpty() && Boolean.FALSE.equals(entry(rel));
    }

    @Override
    public boolean isDirectory(String rel) {
        return rel.isEmpty() ? listing("").entries() != null : Boolean.TRUE.equals(entry(rel));
    }

    @Override
    public List<String> list(String rel) {
        Map<String, Boolean> entries = listing(rel).entries();
        return entries == null ? List.of() : List.copyOf(entries.keySet());
    }

    @Override
    public byte[] read(String rel) throws IOException {
        return Files.readAllBytes(resolve(rel));
    }

    @Override
    public String displayPath(String rel) {
        return resolve(rel).toString();
    }

    @Override
    public Optional<Path> toPath(String rel) {
        return Optional.of(resolve(rel));
    }

    @Override
    public void invalidate(String rel) {
        generation.incrementAndGet();
        List<String> stale = new ArrayList<>();
        String prefix = rel.isEmpty() ? "" : rel + "/";
        for (String key : listings.keySet()) {
            if (rel.isEmpty() || key.equals(rel) || key.startsWith(prefix)) {
                stale.add(key);
            }
        }
        // Every ancestor too: creating a/b/c.py may have created a/ and a/b/ with it.
        for (String up = rel; !up.isEmpty(); ) {
            up = parentOf(up);
            stale.add(up);
        }
        stale.forEach(listings::remove);
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
