package dev.typhon.semantic.resolve;

import dev.typhon.ast.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A typeshed: {@code stdlib/} (with {@code VERSIONS}) and the third-party {@code stubs/<distribution>/}.
 * Either the copy bundled in the jar ({@link #bundled()}, pinned by typeshed-vendor) or a folder the
 * user gives instead ({@link #fromDirectory}). Immutable and thread-safe.
 */
public final class Typeshed {

    /** Where typeshed-vendor puts the pointer to the bundled tree. */
    static final String POINTER = "dev/typhon/typeshed/typeshed.properties";

    /** One distribution under {@code stubs/}, e.g. {@code requests} or {@code types-protobuf}'s {@code protobuf}. */
    public record StubDistribution(String name, FileTree tree, List<String> topLevelModules, boolean partial) {}

    private final FileTree tree;
    private final @Nullable String commit;
    private final String origin;
    private final TypeshedVersions versions;
    private final List<StubDistribution> distributions;
    private final Map<String, List<StubDistribution>> byTopLevel;

    private Typeshed(FileTree tree, @Nullable String commit, String origin) throws IOException {
        this.tree = tree;
        this.commit = commit;
        this.origin = origin;
        if (!tree.isFile("stdlib/VERSIONS")) {
            throw new IOException(tree.displayPath("") + " is not a typeshed: it has no stdlib/VERSIONS");
        }
        this.versions = TypeshedVersions.parse(new String(tree.read("stdlib/VERSIONS"), StandardCharsets.UTF_8));
        List<StubDistribution> dists = new ArrayList<>();
        Map<String, List<StubDistribution>> index = new HashMap<>();
        for (String name : tree.list("stubs")) {
            String distRel = "stubs/" + name;
            if (!tree.isDirectory(distRel)) {
                continue;
            }
            FileTree distTree = tree.subtree(distRel);
            List<String> topLevel = new ArrayList<>();
            for (String entry : distTree.list("")) {
                if (distTree.isDirectory(entry) && ModuleNames.isIdentifier(entry)) {
                    topLevel.add(entry);
                } else if (entry.endsWith(".pyi") && ModuleNames.isIdentifier(entry.substring(0, entry.length() - 4))) {
                    topLevel.add(entry.substring(0, entry.length() - 4));
                }
            }
            StubDistribution dist = new StubDistribution(name, distTree, List.copyOf(topLevel), isPartial(distTree));
            dists.add(dist);
            for (String module : dist.topLevelModules()) {
                index.computeIfAbsent(module, k -> new ArrayList<>()).add(dist);
            }
        }
        this.distributions = List.copyOf(dists);
        Map<String, List<StubDistribution>> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.byTopLevel = Map.copyOf(frozen);
    }

    /** METADATA.toml's {@code partial_stub = true}: the stubs cover only part of the package. */
    private static boolean isPartial(FileTree dist) {
        if (!dist.isFile("METADATA.toml")) {
            return false;
        }
        try {
            String text = new String(dist.read("METADATA.toml"), StandardCharsets.UTF_8);
            return text.lines().map(String::strip).anyMatch(l -> l.replace(" ", "").startsWith("partial_stub=true"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Typhon's own additions to the bundled stdlib (ty's test module {@code ty_extensions}). */
    private static final String EXTRA_ROOT = "dev/typhon/typeshed-extra/";
    private static final List<String> EXTRA_FILES = List.of("stdlib/VERSIONS", "stdlib/ty_extensions/__init__.pyi",
            "stdlib/ty_extensions/_internal.pyi");

    private static final class Bundled {
        static final Typeshed INSTANCE = load();

        private static Typeshed load() {
            ClassLoader loader = Typeshed.class.getClassLoader();
            try (InputStream in = loader.getResourceAsStream(POINTER)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled typeshed is missing from the class path (" + POINTER
                            + "): the jar was built without typeshed-vendor; build it with `mvn package`");
                }
                Properties pointer = new Properties();
                pointer.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                String root = pointer.getProperty("root");
                List<String> files;
                try (InputStream index = loader.getResourceAsStream(root + "files.txt")) {
                    if (index == null) {
                        throw new IllegalStateException("the bundled typeshed has no index " + root + "files.txt");
                    }
                    files = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                }
                FileTree tree = new OverlayTree(new ResourceTree(loader, root, files, "vendored://"),
                        new ResourceTree(loader, EXTRA_ROOT, EXTRA_FILES, "vendored://typhon/"));
                return new Typeshed(tree, pointer.getProperty("commit"), "pyright@" + pointer.getProperty("pyright.version"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled typeshed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The typeshed bundled in the library jar.
     *
     * @throws IllegalStateException if the jar was built without it (a build error, not bad input)
     */
    public static Typeshed bundled() {
        return Bundled.INSTANCE;
    }

    /** A typeshed checkout (a folder with {@code stdlib/VERSIONS} and {@code stubs/}) used instead of the bundled one. */
    public static Typeshed fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder");
        }
        DirectoryTree tree = new DirectoryTree(dir);
        String commit = null;
        if (tree.isFile("commit.txt")) {
            commit = new String(tree.read("commit.txt"), StandardCharsets.UTF_8).strip();
        }
        return new Typeshed(tree, commit, tree.root().toString());
    }

    /** The whole tree ({@code stdlib/}, {@code stubs/}, {@code LICENSE}, ...). */
    public FileTree tree() {
        return tree;
    }

    public FileTree stdlib() {
        return tree.subtree("stdlib");
    }

    /** The typeshed commit, when known ({@code commit.txt}). */
    public @Nullable String commit() {
        return commit;
    }

    /** Where it came from: {@code pyright@1.1.414} for the bundled one, else the folder. */
    public String origin() {
        return origin;
    }

    public TypeshedVersions versions() {
        return versions;
    }

    public List<StubDistribution> distributions() {
        return distributions;
    }

    /** The third-party stub distributions that provide top-level module {@code name}. */
    public List<StubDistribution> distributionsProviding(String name) {
        return byTopLevel.getOrDefault(name, List.of());
    }
}
