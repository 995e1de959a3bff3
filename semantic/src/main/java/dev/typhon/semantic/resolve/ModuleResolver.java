package dev.typhon.semantic.resolve;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds modules by dotted name, in the typing specification's import-resolution order: extra
 * search paths, first-party roots, typeshed's stdlib (gated by {@code VERSIONS} and the target
 * version), a Python environment's {@code site-packages} ({@code foo-stubs} before {@code foo};
 * a stub package marked {@code partial} in its {@code py.typed} falls through to what follows for
 * the modules it lacks), then typeshed's third-party stubs.
 *
 * <p>Within the search paths a name resolves as Python's import system does: the first regular
 * package ({@code __init__.pyi} before {@code __init__.py}) or module file ({@code .pyi} before
 * {@code .py}) wins; folders without {@code __init__} met on the way form a PEP 420 namespace
 * package only if nothing wins, and then all of them together are its path.
 *
 * <p>Results are cached; the resolver is thread-safe. {@link #invalidate(Path)} tells it a file
 * was added, removed or changed, and drops exactly the cached results that may depend on it.
 */
public final class ModuleResolver {

    /**
     * What to resolve against.
     *
     * @param pythonVersion the target version, for {@code VERSIONS}
     * @param extraPaths searched first
     * @param firstPartyRoots the project's own code
     * @param typeshed stdlib and third-party stubs; null for none
     * @param sitePackages a Python environment's {@code site-packages} folders, in order
     */
    public record Settings(PythonVersion pythonVersion, List<Path> extraPaths, List<Path> firstPartyRoots,
            @Nullable Typeshed typeshed, List<Path> sitePackages) {
        public Settings {
            extraPaths = List.copyOf(extraPaths);
            firstPartyRoots = List.copyOf(firstPartyRoots);
            sitePackages = List.copyOf(sitePackages);
        }
    }

    /**
     * The first-party roots of a project at {@code root}: the root itself and, as ty does, its
     * {@code src/} folder when that is not a package itself (the "src layout").
     */
    public static List<Path> firstPartyRoots(Path root) {
        List<Path> roots = new ArrayList<>(List.of(root));
        Path src = root.resolve("src");
        if (java.nio.file.Files.isDirectory(src) && !java.nio.file.Files.exists(src.resolve("__init__.py"))
                && !java.nio.file.Files.exists(src.resolve("__init__.pyi"))) {
            roots.add(src);
        }
        return List.copyOf(roots);
    }

    private final Settings settings;
    private final List<SearchPath> extra = new ArrayList<>();
    private final List<SearchPath> firstParty = new ArrayList<>();
    private final @Nullable SearchPath stdlib;
    private final List<SearchPath> site = new ArrayList<>();
    private final List<SearchPath> searchPaths = new ArrayList<>();
    private final ConcurrentHashMap<String, Resolution> cache = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so a result computed before it is never cached after it. */
    private final AtomicLong generation = new AtomicLong();

    public ModuleResolver(Settings settings) {
        this.settings = settings;
        settings.extraPaths().forEach(p -> extra.add(new SearchPath(SearchPathKind.EXTRA, new DirectoryTree(p))));
        settings.firstPartyRoots().forEach(p -> firstParty.add(new SearchPath(SearchPathKind.FIRST_PARTY, new DirectoryTree(p))));
        Typeshed typeshed = settings.typeshed();
        stdlib = typeshed == null ? null : new SearchPath(SearchPathKind.STDLIB, typeshed.stdlib());
        settings.sitePackages().forEach(p -> site.add(new SearchPath(SearchPathKind.SITE_PACKAGES, new DirectoryTree(p))));
        searchPaths.addAll(extra);
        searchPaths.addAll(firstParty);
        if (stdlib != null) {
            searchPaths.add(stdlib);
        }
        searchPaths.addAll(site);
        if (typeshed != null) {
            for (Typeshed.StubDistribution dist : typeshed.distributions()) {
                searchPaths.add(stubsPath(dist));
            }
        }
    }

    public Settings settings() {
        return settings;
    }

    public PythonVersion pythonVersion() {
        return settings.pythonVersion();
    }

    /** Every search path, in the order they are consulted. */
    public List<SearchPath> searchPaths() {
        return List.copyOf(searchPaths);
    }

    // ------------------------------------------------------------------------------- resolving

    /** Resolves an absolute dotted module name. Never throws. */
    public Resolution resolve(String name) {
        Resolution cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        Resolution fresh = compute(name);
        Resolution raced = cache.putIfAbsent(name, fresh);
        if (raced != null) {
            return raced;
        }
        if (generation.get() != before) {
            cache.remove(name, fresh);
        }
        return fresh;
    }

    /**
     * Resolves {@code from <level dots><module> import ...} written in {@code importer}; the
     * not-found reason says when the import goes past the top-level package.
     */
    public Resolution resolveRelative(ResolvedModule importer, int level, @Nullable String module) {
        return resolveRelative(importer.name(), importer.isPackage(), level, module);
    }

    /** As {@link #resolveRelative(ResolvedModule, int, String)}, from the importer's name and whether it is a package. */
    public Resolution resolveRelative(String importer, boolean importerIsPackage, int level, @Nullable String module) {
        String written = ".".repeat(Math.max(level, 0)) + (module == null ? "" : module);
        return switch (ModuleNames.resolveRelative(importer, importerIsPackage, level, module)) {
            case ModuleNames.Relative.Absolute a -> resolve(a.name());
            case ModuleNames.Relative.Invalid i -> new Resolution.NotFound(written, i.reason());
        };
    }

    /** The module a file is, by where it sits in the search paths. */
    public record FileModule(String name, boolean isPackage, SearchPath searchPath) {}

    /**
     * Which module {@code file} is: its dotted name under the most specific search path holding it
     * ({@code pkg/__init__.py} is package {@code pkg}). Empty when no search path holds it or the
     * path is no module name (say {@code my-scripts/run.py}).
     */
    public Optional<FileModule> moduleOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        FileModule best = null;
        int bestDepth = -1;
        for (SearchPath sp : searchPaths) {
            Optional<Path> root = sp.tree().toPath("");
            if (root.isEmpty()) {
                continue;
            }
            Path r = root.get().toAbsolutePath().normalize();
            if (!abs.startsWith(r) || abs.equals(r) || r.getNameCount() <= bestDepth) {
                continue;
            }
            String rel = r.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
            if (!rel.endsWith(".py") && !rel.endsWith(".pyi")) {
                continue;
            }
            boolean isPackage = rel.endsWith("/__init__.py") || rel.endsWith("/__init__.pyi");
            if (sp.kind() != SearchPathKind.SITE_PACKAGES && rel.split("/")[0].endsWith("-stubs")) {
                continue; // foo-stubs/ stands for foo only in site-packages
            }
            String name = moduleNameOf(rel);
            if (name == null || !ModuleNames.isValid(name)) {
                continue;
            }
            best = new FileModule(name, isPackage, sp);
            bestDepth = r.getNameCount();
        }
        return Optional.ofNullable(best);
    }

    /** As {@link #resolveRelative(ResolvedModule, int, String)}, for an import written in {@code importingFile}. */
    public Resolution resolveRelative(Path importingFile, int level, @Nullable String module) {
        Optional<FileModule> importer = moduleOf(importingFile);
        if (importer.isEmpty()) {
            String written = ".".repeat(Math.max(level, 0)) + (module == null ? "" : module);
            return new Resolution.NotFound(written, importingFile + " is in no search path, so it has no package for a relative import");
        }
        return resolveRelative(importer.get().name(), importer.get().isPackage(), level, module);
    }

    /** Where the resolver looks for the next name part: a folder (path without extension) in a search path. */
    private record Probe(SearchPath searchPath, String rel, boolean inStubPackage, boolean partial, boolean gated) {
        Probe child(String part, boolean partialHere) {
            return new Probe(searchPath, rel + "/" + part, inStubPackage, partial || partialHere, gated);
        }
    }

    private enum EntryKind { PACKAGE, MODULE, NAMESPACE }

    private record Entry(Probe probe, EntryKind kind, @Nullable String file) {}

    private Resolution compute(String name) {
        if (!ModuleNames.isValid(name)) {
            return new Resolution.NotFound(name, name.startsWith(".")
                    ? "relative module name needs an importing module"
                    : "not a valid module name");
        }
        String[] parts = name.split("\\.");
        List<Probe> probes = topLevelProbes(parts[0]);
        String gatedReason = null;
        String soFar = null;
        Entry parent = null;
        for (int i = 0; i < parts.length; i++) {
            soFar = i == 0 ? parts[0] : soFar + "." + parts[i];
            Entry winner = null;
            List<Entry> portions = new ArrayList<>();
            List<Entry> after = new ArrayList<>();
            for (Probe probe : probes) {
                if (probe.gated()) {
                    TypeshedVersions.Availability availability =
                            settings.typeshed().versions().availability(soFar, settings.pythonVersion());
                    if (!availability.isAvailable()) {
                        if (gatedReason == null && !(availability instanceof TypeshedVersions.Availability.NotListed)
                                && classify(probe) != null) {
                            gatedReason = describe(availability, name);
                        }
                        continue;
                    }
                }
                Entry entry = classify(probe);
                if (entry == null) {
                    continue;
                }
                if (winner != null) {
                    after.add(entry);
                } else if (entry.kind() == EntryKind.NAMESPACE) {
                    portions.add(entry);
                } else {
                    winner = entry;
                }
            }
            if (winner == null && portions.isEmpty()) {
                return new Resolution.NotFound(name, gatedReason != null ? gatedReason : missing(parts, i, parent));
            }
            boolean last = i == parts.length - 1;
            if (last) {
                return new Resolution.Found(module(name, winner, portions));
            }
            if (winner != null && winner.kind() == EntryKind.MODULE) {
                return new Resolution.NotFound(name, "'" + soFar + "' is a module, not a package");
            }
            List<Entry> next = new ArrayList<>();
            if (winner != null) {
                next.add(winner);
                if (winner.probe().partial()) {
                    // A partial stub package: what it lacks comes from the packages after it.
                    for (Entry e : after) {
                        if (e.kind() != EntryKind.MODULE) {
                            next.add(e);
                        }
                    }
                }
            } else {
                next.addAll(portions);
            }
            String part = parts[i + 1];
            probes = new ArrayList<>();
            for (Entry e : next) {
                Probe p = e.probe();
                String childRel = p.rel() + "/" + part;
                probes.add(p.child(part, p.inStubPackage() && isPartialMarker(p.searchPath(), childRel)));
            }
            parent = winner != null ? winner : portions.get(0);
        }
        throw new AssertionError("unreachable");
    }

    private List<Probe> topLevelProbes(String top) {
        List<Probe> probes = new ArrayList<>();
        for (SearchPath sp : extra) {
            probes.add(new Probe(sp, top, false, false, false));
        }
        for (SearchPath sp : firstParty) {
            probes.add(new Probe(sp, top, false, false, false));
        }
        if (stdlib != null) {
            probes.add(new Probe(stdlib, top, false, false, true));
        }
        for (SearchPath sp : site) {
            String stubs = top + "-stubs";
            if (sp.tree().isDirectory(stubs)) {
                probes.add(new Probe(sp, stubs, true, isPartialMarker(sp, stubs), false));
            }
        }
        for (SearchPath sp : site) {
            probes.add(new Probe(sp, top, false, false, false));
        }
        Typeshed typeshed = settings.typeshed();
        if (typeshed != null) {
            for (Typeshed.StubDistribution dist : typeshed.distributionsProviding(top)) {
                probes.add(new Probe(stubsPath(dist), top, false, dist.partial(), false));
            }
        }
        return probes;
    }

    private final ConcurrentHashMap<String, SearchPath> stubsPaths = new ConcurrentHashMap<>();

    private SearchPath stubsPath(Typeshed.StubDistribution dist) {
        return stubsPaths.computeIfAbsent(dist.name(), k -> new SearchPath(SearchPathKind.TYPESHED_STUBS, dist.tree()));
    }

    /** What is at {@code probe}: a package, a module file, a namespace portion, or nothing (null). */
    private static @Nullable Entry classify(Probe probe) {
        FileTree tree = probe.searchPath().tree();
        String rel = probe.rel();
        boolean dir = tree.isDirectory(rel);
        if (dir) {
            for (String init : List.of("/__init__.pyi", "/__init__.py")) {
                if (tree.isFile(rel + init)) {
                    return new Entry(probe, EntryKind.PACKAGE, rel + init);
                }
            }
        }
        if (!(probe.inStubPackage() && !rel.contains("/"))) {
            // (a stub package's top level, foo-stubs, is only ever a folder)
            for (String ext : List.of(".pyi", ".py")) {
                if (!(probe.inStubPackage() && ext.equals(".py")) && tree.isFile(rel + ext)) {
                    return new Entry(probe, EntryKind.MODULE, rel + ext);
                }
            }
        }
        return dir ? new Entry(probe, EntryKind.NAMESPACE, null) : null;
    }

    /** A {@code py.typed} in folder {@code rel} whose lines include {@code partial}. */
    private static boolean isPartialMarker(SearchPath sp, String rel) {
        String marker = rel + "/py.typed";
        if (!sp.tree().isFile(marker)) {
            return false;
        }
        try {
            String text = new String(sp.tree().read(marker), StandardCharsets.UTF_8);
            return text.lines().anyMatch(l -> l.strip().equals("partial"));
        } catch (IOException e) {
            return false;
        }
    }

    private static ResolvedModule module(String name, @Nullable Entry winner, List<Entry> portions) {
        if (winner != null) {
            SearchPath sp = winner.probe().searchPath();
            ModuleLocation file = new ModuleLocation(sp, winner.file());
            if (winner.kind() == EntryKind.MODULE) {
                return new ResolvedModule(name, ModuleKind.MODULE, sp, file, List.of());
            }
            return new ResolvedModule(name, ModuleKind.PACKAGE, sp, file, List.of(new ModuleLocation(sp, winner.probe().rel())));
        }
        List<ModuleLocation> dirs = new ArrayList<>();
        for (Entry e : portions) {
            dirs.add(new ModuleLocation(e.probe().searchPath(), e.probe().rel()));
        }
        return new ResolvedModule(name, ModuleKind.NAMESPACE_PACKAGE, portions.get(0).probe().searchPath(), null, dirs);
    }

    private static String describe(TypeshedVersions.Availability availability, String module) {
        return switch (availability) {
            case TypeshedVersions.Availability.AddedIn a -> "stdlib module "
                    + (a.module().equals(module) ? "" : a.module() + " ") + "added in " + a.version();
            case TypeshedVersions.Availability.RemovedIn r -> "stdlib module "
                    + (r.module().equals(module) ? "" : r.module() + " ") + "removed in " + r.version();
            default -> "not in the standard library";
        };
    }

    private static String missing(String[] parts, int i, @Nullable Entry parent) {
        if (i == 0 || parent == null) {
            return "no module named '" + parts[0] + "' on any search path";
        }
        String pkg = String.join(".", java.util.Arrays.copyOfRange(parts, 0, i));
        Probe p = parent.probe();
        if (p.inStubPackage() && !p.partial()) {
            return "stub package " + p.searchPath().tree().displayPath(p.rel().substring(0, p.rel().indexOf('/') < 0
                    ? p.rel().length() : p.rel().indexOf('/')))
                    + " has no module '" + pkg + "." + parts[i] + "' and is not marked partial";
        }
        String what = parent.kind() == EntryKind.NAMESPACE ? "namespace package" : "package";
        return what + " '" + pkg + "' has no submodule '" + parts[i] + "'";
    }

    // ------------------------------------------------------------------------------ invalidation

    /**
     * A file or folder was added, removed or changed at {@code changed}: drops the cached listings
     * and results that may depend on it (the module name it maps to in each search path, every
     * submodule of that name, and its parent packages). A change to a search-path root itself, or
     * to something that maps to no module name (a {@code .pth} file, say), drops everything.
     * The typeshed is taken as immutable: a changed typeshed needs a new resolver.
     */
    public void invalidate(Path changed) {
        Path abs = changed.toAbsolutePath().normalize();
        List<String> prefixes = new ArrayList<>();
        boolean everything = false;
        for (SearchPath sp : searchPaths) {
            Optional<Path> root = sp.tree().toPath("");
            if (root.isEmpty()) {
                continue;
            }
            Path r = root.get().toAbsolutePath().normalize();
            if (r.startsWith(abs)) {
                everything = true; // the root itself (or a folder above it) changed
                sp.tree().invalidate("");
                continue;
            }
            if (!abs.startsWith(r)) {
                continue;
            }
            String rel = r.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
            sp.tree().invalidate(rel);
            String module = moduleNameOf(rel);
            if (module == null) {
                everything = true;
            } else {
                prefixes.add(module);
            }
        }
        generation.incrementAndGet();
        if (everything) {
            cache.clear();
            return;
        }
        for (String key : cache.keySet()) {
            for (String prefix : prefixes) {
                // The name, its submodules, and its parent packages (a/b/c.py may have come with new a/ and a/b/).
                if (key.equals(prefix) || key.startsWith(prefix + ".") || prefix.startsWith(key + ".")) {
                    cache.remove(key);
                    break;
                }
            }
        }
    }

    /** Drops every cached result and listing (say, after the Python environment changed). */
    public void invalidateAll() {
        for (SearchPath sp : searchPaths) {
            sp.tree().invalidate("");
        }
        generation.incrementAndGet();
        cache.clear();
    }

    /** How many results are cached (for tests and diagnostics). */
    public int cachedCount() {
        return cache.size();
    }

    /**
     * The module name a path inside a search path affects: {@code a/b.py} and {@code a/b/__init__.pyi}
     * and {@code a/b/py.typed} affect {@code a.b}; {@code a-stubs/b.pyi} affects {@code a.b}.
     * Null when it maps to no module name.
     */
    static @Nullable String moduleNameOf(String rel) {
        String[] parts = rel.split("/");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean lastPart = i == parts.length - 1;
            if (lastPart && (part.equals("__init__.py") || part.equals("__init__.pyi") || part.equals("py.typed"))) {
                break;
            }
            if (lastPart && part.endsWith(".pyi")) {
                part = part.substring(0, part.length() - 4);
            } else if (lastPart && part.endsWith(".py")) {
                part = part.substring(0, part.length() - 3);
            } else if (i == 0 && part.endsWith("-stubs")) {
                part = part.substring(0, part.length() - "-stubs".length());
            }
            if (!ModuleNames.isIdentifier(part)) {
                return null;
            }
            names.add(part);
        }
        return names.isEmpty() ? null : String.join(".", names);
    }
}
