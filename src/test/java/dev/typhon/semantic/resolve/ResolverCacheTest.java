package dev.typhon.semantic.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results are cached, shared between threads, and dropped exactly when a file change may alter them. */
class ResolverCacheTest {

    @TempDir
    Path tmp;

    private ModuleResolver resolver(Layout project, Layout site) {
        return new ModuleResolver(new ModuleResolver.Settings(PythonVersion.PY312, List.of(), List.of(project.root()),
                null, List.of(site.root())));
    }

    private static String where(Resolution r) {
        return switch (r) {
            case Resolution.Found f -> f.module().kind().label() + " " + f.module().searchPath().kind().label() + " "
                    + (f.module().file() == null ? "-" : f.module().file().relativePath());
            case Resolution.NotFound n -> "not found";
        };
    }

    @Test
    void resultsAreCachedUntilInvalidated() throws Exception {
        Layout project = Layout.at(tmp.resolve("p")).file("app/__init__.py").file("app/views.py").file("other.py");
        Layout site = Layout.at(tmp.resolve("s")).dir("");
        ModuleResolver r = resolver(project, site);

        Resolution views = r.resolve("app.views");
        assertSame(views, r.resolve("app.views"), "the second lookup is the cached result");
        Resolution other = r.resolve("other");
        assertEquals("not found", where(r.resolve("app.models")));

        // Adding a file changes nothing until the resolver hears of it...
        project.file("app/models.py").file("app/views.pyi");
        assertEquals("not found", where(r.resolve("app.models")));
        assertEquals("module first-party app/views.py", where(r.resolve("app.views")));

        // ...then exactly the affected names are recomputed.
        r.invalidate(project.path("app/models.py"));
        assertEquals("module first-party app/models.py", where(r.resolve("app.models")));
        assertSame(other, r.resolve("other"), "an unrelated module stays cached");
        assertEquals("module first-party app/views.py", where(r.resolve("app.views")), "not yet told about views.pyi");
        r.invalidate(project.path("app/views.pyi"));
        assertEquals("module first-party app/views.pyi", where(r.resolve("app.views")));

        // Removing a file.
        Files.delete(project.path("app/views.pyi"));
        r.invalidate(project.path("app/views.pyi"));
        assertEquals("module first-party app/views.py", where(r.resolve("app.views")));
    }

    @Test
    void aFileCreatedWithItsFoldersIsFoundAfterOneInvalidation() {
        Layout project = Layout.at(tmp.resolve("p")).file("keep.py");
        Layout site = Layout.at(tmp.resolve("s")).dir("");
        ModuleResolver r = resolver(project, site);
        assertEquals("not found", where(r.resolve("fresh")));
        assertEquals("not found", where(r.resolve("fresh.sub.mod")));
        Resolution keep = r.resolve("keep");
        project.file("fresh/sub/mod.py"); // creates fresh/ and fresh/sub/ too
        r.invalidate(project.path("fresh/sub/mod.py"));
        assertEquals("module first-party fresh/sub/mod.py", where(r.resolve("fresh.sub.mod")));
        assertEquals("namespace-package first-party -", where(r.resolve("fresh")));
        assertSame(keep, r.resolve("keep"));
    }

    @Test
    void addingAnInitTurnsANamespacePackageIntoARegularOne() throws Exception {
        Layout project = Layout.at(tmp.resolve("p")).file("ns/a.py");
        Layout site = Layout.at(tmp.resolve("s")).file("ns/b.py");
        ModuleResolver r = resolver(project, site);
        assertEquals("namespace-package first-party -", where(r.resolve("ns")));
        assertEquals("module site-packages ns/b.py", where(r.resolve("ns.b")));

        site.file("ns/__init__.py");
        r.invalidate(site.path("ns/__init__.py"));
        assertEquals("package site-packages ns/__init__.py", where(r.resolve("ns")));
        assertEquals("not found", where(r.resolve("ns.a")), "a regular package hides namespace portions");
    }

    @Test
    void changesToStubMarkersAndOddFilesInvalidateWhatTheyAffect() throws Exception {
        Layout project = Layout.at(tmp.resolve("p")).dir("");
        Layout site = Layout.at(tmp.resolve("s")).file("foo/__init__.py").file("foo/b.py").file("foo-stubs/__init__.pyi")
                .file("foo-stubs/py.typed", "");
        ModuleResolver r = resolver(project, site);
        assertEquals("not found", where(r.resolve("foo.b")));
        site.file("foo-stubs/py.typed", "partial\n");
        r.invalidate(site.path("foo-stubs/py.typed"));
        assertEquals("module site-packages foo/b.py", where(r.resolve("foo.b")));

        r.resolve("foo");
        assertTrue(r.cachedCount() > 0);
        r.invalidate(site.path("editable.pth")); // maps to no module name: drop everything
        assertEquals(0, r.cachedCount());
        r.resolve("foo");
        r.invalidate(site.root());
        assertEquals(0, r.cachedCount());
        r.resolve("foo");
        r.invalidate(tmp.resolve("elsewhere/x.py"));
        assertEquals(1, r.cachedCount(), "a path outside every search path affects nothing");
        r.invalidateAll();
        assertEquals(0, r.cachedCount());
    }

    @Test
    void moduleNamesOfChangedPaths() {
        assertEquals("a.b", ModuleResolver.moduleNameOf("a/b.py"));
        assertEquals("a.b", ModuleResolver.moduleNameOf("a/b.pyi"));
        assertEquals("a.b", ModuleResolver.moduleNameOf("a/b/__init__.pyi"));
        assertEquals("a.b", ModuleResolver.moduleNameOf("a/b/py.typed"));
        assertEquals("a.b", ModuleResolver.moduleNameOf("a-stubs/b.pyi"));
        assertEquals("a", ModuleResolver.moduleNameOf("a"));
        assertEquals(null, ModuleResolver.moduleNameOf("x.pth"));
        assertEquals(null, ModuleResolver.moduleNameOf("pkg-1.0.dist-info/RECORD"));
    }

    @Test
    void concurrentLookupsAndInvalidationsStayConsistent() throws Exception {
        Layout project = Layout.at(tmp.resolve("p")).file("pkg/__init__.py");
        for (int i = 0; i < 50; i++) {
            project.file("pkg/m" + i + ".py");
        }
        Layout site = Layout.at(tmp.resolve("s")).dir("");
        ModuleResolver r = resolver(project, site);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int lookups = 0;
                    while (!stop.get()) {
                        for (int i = 0; i < 50; i++) {
                            Resolution res = r.resolve("pkg.m" + i);
                            assertInstanceOf(Resolution.Found.class, res);
                            lookups++;
                        }
                        r.resolve("pkg.toggled"); // may be either, while the writer flips it
                    }
                    return lookups;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                start.await();
                Path toggled = project.path("pkg/toggled.py");
                for (int i = 0; i < 200; i++) {
                    if (Files.exists(toggled)) {
                        Files.delete(toggled);
                    } else {
                        Files.writeString(toggled, "");
                    }
                    r.invalidate(toggled);
                }
                return null;
            });
            start.countDown();
            writer.get(60, TimeUnit.SECONDS);
            stop.set(true);
            int total = 0;
            for (Future<Integer> f : readers) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(total > 0);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        // After the last invalidation, the cache agrees with the disk.
        boolean exists = Files.exists(project.path("pkg/toggled.py"));
        assertEquals(exists ? "module first-party pkg/toggled.py" : "not found", where(r.resolve("pkg.toggled")));
        assertEquals(exists, r.resolve("pkg.toggled") instanceof Resolution.Found);
    }
}
