package dev.typhon.cli.check;

import dev.typhon.ast.Nullable;
import dev.typhon.cli.UsageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Finds the files {@code typhon check} checks, as ty finds them: {@code .py} and {@code .pyi} files
 * below the given paths, skipping hidden files and folders, what {@code .gitignore}, {@code .ignore}
 * and {@code .git/info/exclude} ignore (with JGit's gitignore matcher), ty's default excludes
 * ({@code node_modules}, {@code venv}, {@code dist}, ...), and the {@code exclude} patterns. With no
 * path given, the project root is walked, limited to {@code src.include} when that is set.
 *
 * <p>Include and exclude patterns use gitignore syntax and are anchored at the project root, as in
 * ty: {@code tests} is {@code <root>/tests} only, {@code **}{@code /tests} any folder named tests.
 * A file named explicitly on the command line is checked even when a pattern or an ignore file
 * excludes it (ty does the same).
 */
public final class FileDiscovery {

    /** ty's default {@code src.exclude}; hidden folders ({@code .venv}, {@code .git}, ...) are skipped anyway. */
    static final List<String> DEFAULT_EXCLUDES = List.of("**/__pypackages__/", "**/_build/", "**/buck-out/",
            "**/dist/", "**/node_modules/", "**/venv/");

    static {
        // JGit logs through SLF4J, which warns on stderr when no logger is bound: the CLI binds none.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private final Path projectRoot;
    private final IgnoreNode excludes;
    private final @Nullable List<FastIgnoreRule> includes;
    private final boolean respectIgnoreFiles;
    /** Each folder's ignore rules (.gitignore, then .ignore, which wins); null when it has none. */
    private final Map<Path, IgnoreNode> ignoreFiles = new HashMap<>();
    private final Map<Path, Boolean> repositoryTops = new HashMap<>();

    /**
     * @param projectRoot absolute; patterns are relative to it
     * @param exclude gitignore-style patterns, in addition to the defaults
     * @param include gitignore-style patterns; empty means everything
     */
    public FileDiscovery(Path projectRoot, List<String> exclude, List<String> include, boolean respectIgnoreFiles) {
        this.projectRoot = projectRoot;
        List<FastIgnoreRule> rules = new ArrayList<>();
        for (String p : DEFAULT_EXCLUDES) {
            rules.add(new FastIgnoreRule(p));
        }
        for (String p : exclude) {
            rules.add(new FastIgnoreRule(anchored(p)));
        }
        this.excludes = new IgnoreNode(rules);
        this.includes = include.isEmpty() ? null : include.stream().map(p -> new FastIgnoreRule(anchored(p))).toList();
        this.respectIgnoreFiles = respectIgnoreFiles;
    }

    /** A pattern relative to the project root: a leading {@code /} anchors it, as ty's patterns are. */
    private static String anchored(String pattern) {
        String p = pattern.startsWith("./") ? pattern.substring(1) : pattern;
        if (p.startsWith("!")) {
            return "!" + anchored(p.substring(1));
        }
        return p.startsWith("/") || p.startsWith("**") ? p : "/" + p;
    }

    /** The files to check below {@code paths} (the project root when empty), absolute and sorted. */
    public List<Path> discover(List<Path> paths) throws UsageException, IOException {
        TreeSet<Path> files = new TreeSet<>();
        List<Path> roots = paths.isEmpty() ? List.of(projectRoot) : paths;
        boolean useIncludes = paths.isEmpty();
        for (Path given : roots) {
            Path p = given.toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new UsageException(Paths.shown(given) + ": no such file or folder");
            }
            if (!Files.isDirectory(p)) {
                files.add(p); // named explicitly: checked whatever the patterns say
                continue;
            }
            walk(p, useIncludes, files);
        }
        return List.copyOf(files);
    }

    private void walk(Path root, boolean useIncludes, TreeSet<Path> files) throws IOException {
        if (respectIgnoreFiles) {
            loadAncestors(root);
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && (hidden(dir) || skipped(root, dir, true))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (respectIgnoreFiles) {
                    load(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && (name.endsWith(".py") || name.endsWith(".pyi")) && !hidden(file)
                        && !skipped(root, file, false) && (!useIncludes || included(file))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // an unreadable folder entry: nothing below it can be listed; files named in it are reported when read
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    /** Whether an exclude pattern or an ignore file drops {@code path} (found while walking {@code root}). */
    private boolean skipped(Path root, Path path, boolean directory) {
        Path base = path.startsWith(projectRoot) ? projectRoot : root;
        if (excludes.checkIgnored(slashed(base.relativize(path)), directory) == Boolean.TRUE) {
            return true;
        }
        return respectIgnoreFiles && ignoredByFiles(path, directory);
    }

    private boolean included(Path file) {
        if (includes == null) {
            return true;
        }
        if (!file.startsWith(projectRoot)) {
            return true;
        }
        String rel = slashed(projectRoot.relativize(file));
        for (FastIgnoreRule r : includes) {
            if (r.isMatch(rel, false) && r.getResult()) {
                return true;
            }
        }
        return false;
    }

    /** The innermost ignore file with an opinion decides, as git does. */
    private boolean ignoredByFiles(Path path, boolean directory) {
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            IgnoreNode node = ignoreFiles.get(dir);
            if (node != null) {
                Boolean ignored = node.checkIgnored(slashed(dir.relativize(path)), directory);
                if (ignored != null) {
                    return ignored;
                }
            }
            if (repositoryTop(dir)) {
                break; // ignore files above the repository's top do not apply
            }
        }
        return false;
    }

    /** Loads the ignore files of the folders above {@code root}, up to its repository's top. */
    private void loadAncestors(Path root) throws IOException {
        List<Path> above = new ArrayList<>();
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            above.add(dir);
            if (repositoryTop(dir)) {
                for (Path d : above) {
                    load(d);
                }
                return;
            }
        }
    }

    private boolean repositoryTop(Path dir) {
        return repositoryTops.computeIfAbsent(dir, d -> Files.isDirectory(d.resolve(".git")));
    }

    private void load(Path dir) throws IOException {
        if (ignoreFiles.containsKey(dir)) {
            return;
        }
        List<FastIgnoreRule> rules = new ArrayList<>();
        addRules(dir.resolve(".git").resolve("info").resolve("exclude"), rules);
        addRules(dir.resolve(".gitignore"), rules);
        addRules(dir.resolve(".ignore"), rules);
        ignoreFiles.put(dir, rules.isEmpty() ? null : new IgnoreNode(rules));
    }

    private static void addRules(Path file, List<FastIgnoreRule> rules) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        IgnoreNode node = new IgnoreNode();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return; // an unreadable ignore file ignores nothing, as git treats it
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            node.parse(file.toString(), in);
        }
        rules.addAll(node.getRules());
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(java.io.File.separatorChar, '/');
    }
}
