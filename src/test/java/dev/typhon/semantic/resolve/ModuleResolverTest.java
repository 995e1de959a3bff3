package dev.typhon.semantic.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every resolution rule of the issue, on real folder layouts. */
class ModuleResolverTest {

    @TempDir
    Path tmp;

    Layout typeshedDir;
    Typeshed typeshed;
    Layout project;
    Layout extra;
    Layout site;

    @BeforeEach
    void layouts() throws IOException {
        typeshedDir = Layout.miniTypeshed(tmp.resolve("typeshed"));
        typeshed = Typeshed.fromDirectory(typeshedDir.root());
        project = Layout.at(tmp.resolve("project")).dir("");
        extra = Layout.at(tmp.resolve("extra")).dir("");
        site = Layout.at(tmp.resolve("venv/lib/python3.12/site-packages")).dir("");
    }

    private ModuleResolver resolver(String version) {
        return new ModuleResolver(new ModuleResolver.Settings(PythonVersion.parse(version), List.of(extra.root()),
                List.of(project.root()), typeshed, List.of(site.root())));
    }

    private static ResolvedModule found(Resolution r) {
        return assertInstanceOf(Resolution.Found.class, r, () -> r.toString()).module();
    }

    private static String reason(Resolution r) {
        return assertInstanceOf(Resolution.NotFound.class, r, () -> r.toString()).reason();
    }

    private static void assertAt(Path expected, ResolvedModule m) {
        assertEquals(expected.toAbsolutePath().normalize(), m.file().path().orElseThrow(), m.toString());
    }

    // --------------------------------------------------------------------- version gating

    @Test
    void tomllibExistsFrom311() {
        assertEquals("stdlib module added in 3.11", reason(resolver("3.10").resolve("tomllib")));
        ResolvedModule m = found(resolver("3.11").resolve("tomllib"));
        assertEquals(SearchPathKind.STDLIB, m.searchPath().kind());
        assertEquals(ModuleKind.MODULE, m.kind());
        assertAt(typeshedDir.path("stdlib/tomllib.pyi"), m);
        assertTrue(m.isTypeshedStdlib());
        assertTrue(m.isStub());
    }

    @Test
    void asyncioTaskgroupsExistsFrom311() {
        ModuleResolver py310 = resolver("3.10");
        assertEquals(ModuleKind.PACKAGE, found(py310.resolve("asyncio")).kind());
        assertAt(typeshedDir.path("stdlib/asyncio/events.pyi"), found(py310.resolve("asyncio.events")));
        assertEquals("stdlib module added in 3.11", reason(py310.resolve("asyncio.taskgroups")));
        assertAt(typeshedDir.path("stdlib/asyncio/taskgroups.pyi"), found(resolver("3.11").resolve("asyncio.taskgroups")));
    }

    @Test
    void distutilsAndImpAreGoneIn312() {
        assertAt(typeshedDir.path("stdlib/distutils/__init__.pyi"), found(resolver("3.11").resolve("distutils")));
        assertAt(typeshedDir.path("stdlib/imp.pyi"), found(resolver("3.11").resolve("imp")));
        ModuleResolver py312 = resolver("3.12");
        assertEquals("stdlib module removed in 3.12", reason(py312.resolve("distutils")));
        assertEquals("stdlib module removed in 3.12", reason(py312.resolve("imp")));
        assertEquals("stdlib module distutils removed in 3.12", reason(py312.resolve("distutils.command")));
        assertEquals("stdlib module removed in 3.11", reason(resolver("3.11").resolve("distutils.command.bdist_msi")));
    }

    @Test
    void aGatedStdlibModuleFallsThroughToSitePackages() {
        site.file("distutils/__init__.py"); // setuptools' replacement, say
        ResolvedModule m = found(resolver("3.12").resolve("distutils"));
        assertEquals(SearchPathKind.SITE_PACKAGES, m.searchPath().kind());
        assertEquals(SearchPathKind.STDLIB, found(resolver("3.11").resolve("distutils")).searchPath().kind());
    }

    @Test
    void stdlibFilesNotListedInVersionsAreNotStdlib() {
        assertEquals("no module named 'unlisted' on any search path", reason(resolver("3.12").resolve("unlisted")));
    }

    // ------------------------------------------------------------- files, packages, stubs

    @Test
    void stubOverSource() {
        project.file("mod.py").file("mod.pyi").file("pkg/__init__.py").file("pkg/__init__.pyi").file("plain.py");
        ModuleResolver r = resolver("3.12");
        assertAt(project.path("mod.pyi"), found(r.resolve("mod")));
        ResolvedModule pkg = found(r.resolve("pkg"));
        assertEquals(ModuleKind.PACKAGE, pkg.kind());
        assertAt(project.path("pkg/__init__.pyi"), pkg);
        assertEquals(List.of(project.path("pkg").toAbsolutePath().normalize()),
                pkg.directories().stream().map(d -> d.path().orElseThrow()).toList());
        ResolvedModule plain = found(r.resolve("plain"));
        assertFalse(plain.isStub());
        assertEquals(SearchPathKind.FIRST_PARTY, plain.searchPath().kind());
    }

    @Test
    void submodulesAndModulesThatAreNotPackages() {
        project.file("app/__init__.py").file("app/core/__init__.py").file("app/core/models.py").file("single.py");
        ModuleResolver r = resolver("3.12");
        assertAt(project.path("app/core/models.py"), found(r.resolve("app.core.models")));
        assertEquals("package 'app.core' has no submodule 'views'", reason(r.resolve("app.core.views")));
        assertEquals("'single' is a module, not a package", reason(r.resolve("single.x")));
        assertEquals("no module named 'nothing' on any search path", reason(r.resolve("nothing")));
        assertEquals("not a valid module name", reason(r.resolve("a..b")));
        assertEquals("not a valid module name", reason(r.resolve("my-module")));
    }

    @Test
    void namesMatchCaseExactly() {
        project.file("Upper.py");
        ModuleResolver r = resolver("3.12");
        found(r.resolve("Upper"));
        assertEquals("no module named 'upper' on any search path", reason(r.resolve("upper")));
    }

    @Test
    void namespacePackageAcrossTwoRoots() {
        extra.file("ns/a.py").file("ns/deep/x.py");
        project.file("ns/b.pyi").file("ns/deep/y.py");
        ModuleResolver r = resolver("3.12");
        ResolvedModule ns = found(r.resolve("ns"));
        assertEquals(ModuleKind.NAMESPACE_PACKAGE, ns.kind());
        assertNull(ns.file());
        assertEquals(List.of(extra.path("ns").toAbsolutePath().normalize(), project.path("ns").toAbsolutePath().normalize()),
                ns.directories().stream().map(d -> d.path().orElseThrow()).toList());
        assertEquals(SearchPathKind.EXTRA, ns.searchPath().kind());
        ResolvedModule a = found(r.resolve("ns.a"));
        assertEquals(SearchPathKind.EXTRA, a.searchPath().kind());
        ResolvedModule b = found(r.resolve("ns.b"));
        assertEquals(SearchPathKind.FIRST_PARTY, b.searchPath().kind());
        assertAt(project.path("ns/b.pyi"), b);
        assertAt(extra.path("ns/deep/x.py"), found(r.resolve("ns.deep.x")));
        assertAt(project.path("ns/deep/y.py"), found(r.resolve("ns.deep.y")));
        assertEquals("namespace package 'ns' has no submodule 'c'", reason(r.resolve("ns.c")));
    }

    @Test
    void aRegularPackageLaterWinsOverNamespacePortionsBeforeIt() {
        extra.file("shared/only_in_portion.py");
        site.file("shared/__init__.py").file("shared/real.py");
        ModuleResolver r = resolver("3.12");
        ResolvedModule shared = found(r.resolve("shared"));
        assertEquals(ModuleKind.PACKAGE, shared.kind());
        assertEquals(SearchPathKind.SITE_PACKAGES, shared.searchPath().kind());
        found(r.resolve("shared.real"));
        assertEquals("package 'shared' has no submodule 'only_in_portion'", reason(r.resolve("shared.only_in_portion")));
    }

    @Test
    void firstPartyShadowsStdlib() {
        project.file("typing.py");
        ResolvedModule typing = found(resolver("3.12").resolve("typing"));
        assertEquals(SearchPathKind.FIRST_PARTY, typing.searchPath().kind());
        assertFalse(typing.isTypeshedStdlib(), "a user's typing.py is never the stdlib's");
        assertAt(project.path("typing.py"), typing);
        assertTrue(found(resolver("3.12").resolve("os.path")).isTypeshedStdlib());
    }

    @Test
    void extraPathsComeFirst() {
        extra.file("os/__init__.pyi");
        project.file("os.py");
        assertAt(extra.path("os/__init__.pyi"), found(resolver("3.12").resolve("os")));
    }

    // ------------------------------------------------------------------- site-packages

    @Test
    void stubPackageWinsOverThePackageItself() {
        site.file("foo/__init__.py").file("foo/a.py").file("foo/b.py")
                .file("foo-stubs/__init__.pyi").file("foo-stubs/a.pyi");
        ModuleResolver r = resolver("3.12");
        ResolvedModule foo = found(r.resolve("foo"));
        assertAt(site.path("foo-stubs/__init__.pyi"), foo);
        assertEquals(SearchPathKind.SITE_PACKAGES, foo.searchPath().kind());
        assertAt(site.path("foo-stubs/a.pyi"), found(r.resolve("foo.a")));
        // Not partial: the stub package is the whole truth about foo.
        assertTrue(reason(r.resolve("foo.b")).contains("has no module 'foo.b' and is not marked partial"),
                reason(r.resolve("foo.b")));
    }

    @Test
    void partialStubPackageFallsThroughForWhatItLacks() {
        site.file("foo/__init__.py").file("foo/a.py").file("foo/b.py").file("foo/sub/__init__.py").file("foo/sub/deep.py")
                .file("foo-stubs/__init__.pyi").file("foo-stubs/py.typed", "partial\n").file("foo-stubs/a.pyi")
                .file("foo-stubs/sub/__init__.pyi");
        ModuleResolver r = resolver("3.12");
        assertAt(site.path("foo-stubs/__init__.pyi"), found(r.resolve("foo")));
        assertAt(site.path("foo-stubs/a.pyi"), found(r.resolve("foo.a")));
        assertAt(site.path("foo/b.py"), found(r.resolve("foo.b")));
        assertAt(site.path("foo-stubs/sub/__init__.pyi"), found(r.resolve("foo.sub")));
        assertAt(site.path("foo/sub/deep.py"), found(r.resolve("foo.sub.deep")));
        assertEquals("package 'foo' has no submodule 'zzz'", reason(r.resolve("foo.zzz")));
    }

    @Test
    void partialMarkerNeedsThePartialLine() {
        site.file("bar/__init__.py").file("bar/b.py")
                .file("bar-stubs/__init__.pyi").file("bar-stubs/py.typed", "# not partial\n");
        assertTrue(reason(resolver("3.12").resolve("bar.b")).contains("not marked partial"));
    }

    @Test
    void partialStubPackageFallsThroughToTypeshedStubsToo() {
        site.file("requests-stubs/__init__.pyi").file("requests-stubs/py.typed", "partial\n");
        ModuleResolver r = resolver("3.12");
        assertAt(site.path("requests-stubs/__init__.pyi"), found(r.resolve("requests")));
        ResolvedModule adapters = found(r.resolve("requests.adapters"));
        assertEquals(SearchPathKind.TYPESHED_STUBS, adapters.searchPath().kind());
        assertAt(typeshedDir.path("stubs/requests/requests/adapters.pyi"), adapters);
    }

    @Test
    void typeshedThirdPartyStubsComeLast() {
        ModuleResolver r = resolver("3.12");
        ResolvedModule requests = found(r.resolve("requests"));
        assertEquals(SearchPathKind.TYPESHED_STUBS, requests.searchPath().kind());
        assertAt(typeshedDir.path("stubs/requests/requests/__init__.pyi"), requests);
        assertAt(typeshedDir.path("stubs/six/six/moves/__init__.pyi"), found(r.resolve("six.moves")));
        ResolvedModule google = found(r.resolve("google"));
        assertEquals(ModuleKind.NAMESPACE_PACKAGE, google.kind());
        found(r.resolve("google.protobuf"));

        site.file("requests/__init__.py");
        assertEquals(SearchPathKind.SITE_PACKAGES, found(resolver("3.12").resolve("requests")).searchPath().kind());
    }

    @Test
    void withoutTypeshedOnlyTheFoldersCount() {
        project.file("a.py");
        ModuleResolver r = new ModuleResolver(new ModuleResolver.Settings(PythonVersion.PY312, List.of(),
                List.of(project.root()), null, List.of()));
        found(r.resolve("a"));
        assertEquals("no module named 'os' on any search path", reason(r.resolve("os")));
    }

    // ------------------------------------------------------------------ relative imports

    @Test
    void relativeImports() {
        project.file("pkg/__init__.py").file("pkg/a.py").file("pkg/sub/__init__.py").file("pkg/sub/mod.py")
                .file("pkg/b/__init__.py").file("pkg/b/c.py").file("top.py");
        ModuleResolver r = resolver("3.12");
        ResolvedModule pkg = found(r.resolve("pkg"));
        ResolvedModule mod = found(r.resolve("pkg.sub.mod"));
        ResolvedModule sub = found(r.resolve("pkg.sub"));
        // from . import a  (in pkg/__init__.py): relative to the package itself
        assertAt(project.path("pkg/a.py"), found(r.resolveRelative(pkg, 1, "a")));
        // from . import x  (in pkg/sub/mod.py): the containing package
        assertAt(project.path("pkg/sub/__init__.py"), found(r.resolveRelative(mod, 1, null)));
        // from ..b import c  (in pkg/sub/mod.py)
        assertAt(project.path("pkg/b/__init__.py"), found(r.resolveRelative(mod, 2, "b")));
        assertAt(project.path("pkg/b/c.py"), found(r.resolveRelative(mod, 2, "b.c")));
        // from .. import a  (in pkg/sub/__init__.py)
        assertAt(project.path("pkg/a.py"), found(r.resolveRelative(sub, 2, "a")));
        // going past the top
        assertEquals("attempted relative import beyond top-level package", reason(r.resolveRelative(mod, 3, "x")));
        assertEquals("attempted relative import beyond top-level package", reason(r.resolveRelative(pkg, 2, "a")));
        ResolvedModule top = found(r.resolve("top"));
        assertEquals("attempted relative import with no known parent package", reason(r.resolveRelative(top, 1, "a")));
        assertEquals("package 'pkg.sub' has no submodule 'missing'", reason(r.resolveRelative(mod, 1, "missing")));
        assertEquals("relative module name needs an importing module", reason(r.resolve(".a")));
    }

    @Test
    void relativeImportsFromFiles() {
        project.file("pkg/__init__.py").file("pkg/a.py").file("pkg/sub/__init__.py").file("pkg/sub/mod.py")
                .file("src/lib/__init__.py").file("src/lib/util.py").file("src/lib/other.py").file("top.py");
        site.file("foo-stubs/__init__.pyi").file("foo-stubs/x.pyi");
        ModuleResolver r = new ModuleResolver(new ModuleResolver.Settings(PythonVersion.PY312, List.of(),
                List.of(project.root(), project.path("src")), typeshed, List.of(site.root())));
        assertEquals(new ModuleResolver.FileModule("pkg.sub.mod", false, r.searchPaths().get(0)),
                r.moduleOf(project.path("pkg/sub/mod.py")).orElseThrow());
        assertEquals("pkg.sub", r.moduleOf(project.path("pkg/sub/__init__.py")).orElseThrow().name());
        assertTrue(r.moduleOf(project.path("pkg/sub/__init__.py")).orElseThrow().isPackage());
        // The most specific root wins: src/lib/util.py is lib.util, not src.lib.util.
        assertEquals("lib.util", r.moduleOf(project.path("src/lib/util.py")).orElseThrow().name());
        assertEquals("foo.x", r.moduleOf(site.path("foo-stubs/x.pyi")).orElseThrow().name());
        assertTrue(r.moduleOf(tmp.resolve("elsewhere/x.py")).isEmpty());
        assertTrue(r.moduleOf(project.path("my-scripts/run.py")).isEmpty());

        assertAt(project.path("pkg/a.py"), found(r.resolveRelative(project.path("pkg/sub/mod.py"), 2, "a")));
        assertAt(project.path("pkg/a.py"), found(r.resolveRelative(project.path("pkg/__init__.py"), 1, "a")));
        assertAt(project.path("src/lib/other.py"), found(r.resolveRelative(project.path("src/lib/util.py"), 1, "other")));
        assertEquals("attempted relative import beyond top-level package",
                reason(r.resolveRelative(project.path("src/lib/util.py"), 2, "x")));
        assertEquals("attempted relative import with no known parent package",
                reason(r.resolveRelative(project.path("top.py"), 1, "x")));
        assertTrue(reason(r.resolveRelative(tmp.resolve("elsewhere/x.py"), 1, "y")).contains("is in no search path"));
    }

    @Test
    void relativeNameArithmetic() {
        assertEquals(new ModuleNames.Relative.Absolute("a.b"), ModuleNames.resolveRelative("a.b.c", false, 1, null));
        assertEquals(new ModuleNames.Relative.Absolute("a.b.c.d"), ModuleNames.resolveRelative("a.b.c", true, 1, "d"));
        assertEquals(new ModuleNames.Relative.Absolute("a.x.y"), ModuleNames.resolveRelative("a.b.c", false, 2, "x.y"));
        assertInstanceOf(ModuleNames.Relative.Invalid.class, ModuleNames.resolveRelative("a.b.c", false, 3, "x"));
        assertEquals(new ModuleNames.Relative.Absolute("a"), ModuleNames.resolveRelative("a.b.c", true, 3, null));
        assertInstanceOf(ModuleNames.Relative.Invalid.class, ModuleNames.resolveRelative("a", false, 1, "x"));
    }
}
