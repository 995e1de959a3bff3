package dev.typhon.semantic.api;

import dev.typhon.ast.Alias;
import dev.typhon.ast.Import;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Module;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.infer.Program;
import dev.typhon.semantic.infer.SourceFile;
import dev.typhon.semantic.resolve.ModuleNames;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.Resolution;
import dev.typhon.semantic.resolve.ResolvedModule;
import dev.typhon.semantic.resolve.SearchPathKind;
import dev.typhon.semantic.resolve.Typeshed;
import dev.typhon.semantic.types.KnownModule;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which files' check results survive an edit. A file's diagnostics depend on its own text and on the
 * modules it reaches through imports: those its import statements name (with their parent packages,
 * the submodules a {@code from pkg import sub} may mean, the module of a star import), the builtins and
 * the modules the checker knows by name ({@code typing}, {@code enum}, ...), and, transitively, what
 * those import. An attribute of a module can also be any of its submodules ({@code pkg.sub.x} after
 * {@code import pkg}), so a module name stands for the whole package below it.
 *
 * <p>An edit changes some files (their text, or whether they exist). A file's result survives when
 * no module name it reaches is an ancestor, a descendant or the very name of a changed file's module
 * (adding or removing a file only changes what those names resolve to), and it reaches no changed
 * file. Typeshed's stubs are not followed (they never change), except that a change to a first-party
 * module whose top-level name typeshed also has (a user's {@code typing.py}) drops every result.
 */
final class Dependencies {
    /** Imports of a module, as written: the scan of a tree, shared by the snapshots that share the tree. */
    private record ImportRef(int level, @Nullable String module, List<String> names) {
    }

    private static final Map<Module, List<ImportRef>> SCANS = Collections.synchronizedMap(new WeakHashMap<>());

    private static final List<String> IMPLICIT;

    static {
        List<String> implicit = new ArrayList<>();
        for (KnownModule k : KnownModule.values()) {
            implicit.add(k.moduleName());
        }
        IMPLICIT = List.copyOf(implicit);
    }

    private Dependencies() {
    }

    /**
     * The candidates (files with a result in the snapshot before the edit) whose result holds in
     * {@code next} too, given the files the edit changed, added or removed.
     */
    static Set<Path> unaffected(Snapshot next, Typeshed typeshed, Collection<Path> candidates, Set<Path> changed) {
        Program program = next.program();
        ModuleResolver resolver = program.resolver();
        Set<String> changedNames = new HashSet<>();
        for (Path c : changed) {
            resolver.moduleOf(c).ifPresent(m -> changedNames.add(m.name()));
        }
        for (String name : changedNames) {
            String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (typeshed.stdlib().isFile(top + ".pyi") || typeshed.stdlib().isDirectory(top)
                    || !typeshed.distributionsProviding(top).isEmpty()) {
                return Set.of(); // shadows (or is shadowed by) a stub that everything may read
            }
        }
        Set<String> changedKeys = new HashSet<>();
        for (Path c : changed) {
            changedKeys.add(c.toString());
        }

        // The graph of the files the candidates reach, and which of them a change touches directly.
        Map<String, List<String>> edges = new HashMap<>();
        Set<String> direct = new HashSet<>();
        Deque<SourceFile> queue = new ArrayDeque<>();
        Map<Path, String> candidateKeys = new HashMap<>();
        for (Path p : candidates) {
            SourceFile f = program.fileAt(p);
            candidateKeys.put(p, f.path());
            if (!edges.containsKey(f.path())) {
                edges.put(f.path(), new ArrayList<>());
                queue.add(f);
            }
        }
        while (!queue.isEmpty()) {
            SourceFile f = queue.poll();
            List<String> out = edges.get(f.path());
            boolean touched = changedKeys.contains(f.path());
            for (String ref : references(resolver, f)) {
                if (!touched && related(ref, changedNames)) {
                    touched = true;
                }
                Resolution r = resolver.resolve(ref);
                if (!(r instanceof Resolution.Found(ResolvedModule m)) || m.file() == null
                        || m.searchPath().kind() == SearchPathKind.STDLIB
                        || m.searchPath().kind() == SearchPathKind.TYPESHED_STUBS) {
                    continue;
                }
                SourceFile target = program.module(ref).orElse(null);
                if (target == null) {
                    continue;
                }
                out.add(target.path());
                if (!edges.containsKey(target.path())) {
                    edges.put(target.path(), new ArrayList<>());
                    queue.add(target);
                }
            }
            if (touched) {
                direct.add(f.path());
            }
        }

        // Whatever reaches a touched file is touched too.
        Map<String, List<String>> reverse = new HashMap<>();
        edges.forEach((from, tos) -> tos.forEach(to -> reverse.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
        Set<String> tainted = new HashSet<>(direct);
        Deque<String> work = new ArrayDeque<>(direct);
        while (!work.isEmpty()) {
            for (String from : reverse.getOrDefault(work.poll(), List.of())) {
                if (tainted.add(from)) {
                    work.add(from);
                }
            }
        }
        Set<Path> keep = new HashSet<>();
        candidateKeys.forEach((p, key) -> {
            if (!tainted.contains(key)) {
                keep.add(p);
            }
        });
        return keep;
    }

    /** Whether {@code ref} and a changed module are one name, or one is a package of the other. */
    private static boolean related(String ref, Set<String> changedNames) {
        for (String m : changedNames) {
            if (ref.equals(m) || m.startsWith(ref + ".") || ref.startsWith(m + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Every absolute module name a file's check may read: see the class comment. */
    static Set<String> references(ModuleResolver resolver, SourceFile f) {
        Set<String> names = new HashSet<>(IMPLICIT);
        for (ImportRef imp : scan(f.parse().module())) {
            String base = imp.level() == 0 ? imp.module() : absolute(resolver, f, imp);
            if (base == null) {
                continue;
            }
            addWithParents(names, base);
            for (String n : imp.names()) {
                if (!n.equals("*")) {
                    names.add(base + "." + n);
                }
            }
        }
        return names;
    }

    private static @Nullable String absolute(ModuleResolver resolver, SourceFile f, ImportRef imp) {
        String importer = f.moduleName();
        boolean isPackage = f.isPackage();
        if (importer == null) {
            var fm = resolver.moduleOf(java.nio.file.Path.of(f.path()));
            if (fm.isEmpty()) {
                return null;
            }
            importer = fm.get().name();
            isPackage = fm.get().isPackage();
        }
        return ModuleNames.resolveRelative(importer, isPackage, imp.level(), imp.module())
                instanceof ModuleNames.Relative.Absolute(String name) ? name : null;
    }

    private static void addWithParents(Set<String> names, String dotted) {
        for (int dot = dotted.indexOf('.'); dot >= 0; dot = dotted.indexOf('.', dot + 1)) {
            names.add(dotted.substring(0, dot));
        }
        names.add(dotted);
    }

    /** The import statements of a tree, anywhere in it (in functions, under {@code if TYPE_CHECKING}, in dead code). */
    private static List<ImportRef> scan(Module module) {
        List<ImportRef> cached = SCANS.get(module);
        if (cached != null) {
            return cached;
        }
        List<ImportRef> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(module);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            switch (n) {
                case Import imp -> imp.names().forEach(a -> out.add(new ImportRef(0, a.name(), List.of())));
                case ImportFrom from -> {
                    List<String> names = new ArrayList<>();
                    for (Alias a : from.names()) {
                        names.add(a.name());
                    }
                    out.add(new ImportRef(from.level(), from.module(), List.copyOf(names)));
                }
                default -> n.forEachChild(stack::push);
            }
        }
        List<ImportRef> result = List.copyOf(out);
        SCANS.put(module, result);
        return result;
    }
}
