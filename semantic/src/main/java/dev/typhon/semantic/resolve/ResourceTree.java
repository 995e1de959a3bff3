package dev.typhon.semantic.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tree of class-path resources (the typeshed bundled in the jar), described by an index of its
 * files, because a class loader cannot list folders. Immutable, so thread-safe.
 */
public final class ResourceTree implements FileTree {

    private final ClassLoader loader;
    private final String resourcePrefix;
    private final String displayPrefix;
    /** Folder to (name to "is a folder"). */
    private final Map<String, Map<String, Boolean>> folders;

    /**
     * @param resourcePrefix the resource path of the root, ending in {@code /}
     * @param files every file of the tree, relative to the root
     * @param displayPrefix how paths are shown, e.g. {@code vendored://}
     */
    public ResourceTree(ClassLoader loader, String resourcePrefix, List<String> files, String displayPrefix) {
        this.loader = loader;
        this.resourcePrefix = resourcePrefix;
        this.displayPrefix = displayPrefix;
        Map<String, Map<String, Boolean>> folders = new HashMap<>();
        folders.put("", new TreeMap<>());
        for (String file : files) {
            if (file.isEmpty()) {
                continue;
            }
            String child = file;
            boolean isFolder = false;
            while (true) {
                int slash = child.lastIndexOf('/');
                String parent = slash < 0 ? "" : child.substring(0, slash);
                String name = child.substring(slash + 1);
                Map<String, Boolean> entries = folders.computeIfAbsent(parent, k -> new TreeMap<>());
                boolean known = entries.containsKey(name);
                entries.put(name, isFolder);
                if (known || slash < 0) {
                    break;
                }
                child = parent;
                isFolder = true;
            }
        }
        this.folders = folders;
    }

    private Boolean entry(String rel) {
        int slash = rel.lastIndexOf('/');
        Map<String, Boolean> entries = folders.get(slash < 0 ? "" : rel.substring(0, slash));
        return entries == null ? null : entries.get(rel.substring(slash + 1));
    }

    @Override
    public boolean isFile(String rel) {
        return !rel.isEmpty() && Boolean.FALSE.equals(entry(rel));
    }

    @Override
    public boolean isDirectory(String rel) {
        return folders.containsKey(rel);
    }

    @Override
    public List<String> list(String rel) {
        Map<String, Boolean> entries = folders.get(rel);
        return entries == null ? List.of() : List.copyOf(entries.keySet());
    }

    @Override
    public byte[] read(String rel) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resourcePrefix + rel)) {
            if (in == null || !isFile(rel)) {
                throw new java.nio.file.NoSuchFileException(displayPath(rel));
            }
            return in.readAllBytes();
        }
    }

    @Override
    public String displayPath(String rel) {
        return displayPrefix + rel;
    }

    @Override
    public Optional<Path> toPath(String rel) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayPrefix;
    }
}
