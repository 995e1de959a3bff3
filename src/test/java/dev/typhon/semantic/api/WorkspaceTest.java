package dev.typhon.semantic.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path root = fs.getPath("/project");

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private Path write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Workspace workspace(Path... files) throws IOException {
        return Workspace.create(WorkspaceSettings.forProject(root), List.of(files));
    }

    private static List<String> rules(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.rule() + "@" + d.range().startLine()).toList();
    }

    @Test
    void checksFilesAndReportsRangesWithLinesAndOffsets() throws IOException {
        Path a = write("a.py", "x: int = 1\ny: str = x\n");
        Workspace ws = workspace(a);
        List<Diagnostic> ds = ws.check();
        assertEquals(List.of("invalid-assignment@2"), rules(ds));
        Diagnostic d = ds.get(0);
        assertEquals(20, d.range().startOffset());
        assertEquals(10, d.range().startColumn());
        assertEquals(ds, ws.check(a));
    }

    @Test
    void typeAtIsTheInnermostExpressionShownAsRevealTypeShowsIt() throws IOException {
        String text = "def f(x: int) -> list[int]:\n    return [x]\n\nv = f(1)\nreveal_type(v)\n";
        Path a = write("a.py", text);
        Workspace ws = workspace(a);
        TypeInfo call = ws.typeAt(a, text.indexOf("f(1)") + 2).orElseThrow();
        assertEquals("Literal[1]", call.display());
        assertEquals("Constant", call.node().nodeKind());
        TypeInfo callee = ws.typeAt(a, text.indexOf("f(1)")).orElseThrow();
        assertEquals("def f(x: int) -> list[int]", callee.display());
        TypeInfo target = ws.typeAt(a, text.indexOf("v =")).orElseThrow();
        assertEquals("list[int]", target.display());
        String revealed = ws.check(a).stream().filter(d -> d.rule().equals("revealed-type")).findFirst().orElseThrow()
                .annotation();
        assertEquals("`" + ws.typeAt(a, text.lastIndexOf("v)")).orElseThrow().display() + "`", revealed);
        assertEquals(5, ws.typeAt(a, text.lastIndexOf("v)")).orElseThrow().node().range().startLine());
        assertTrue(ws.typeAt(a, text.indexOf("return") + 1).isEmpty(), "a keyword has no type");
        assertEquals("class C", hover(ws, write("b.py", "class C: ...\nC\n"), "C\n"));
    }

    private static String hover(Workspace ws, Path file, String at) throws IOException {
        ws.addFile(file);
        String text = ws.snapshot().text(file).orElseThrow();
        return ws.hoverAt(file, text.lastIndexOf(at)).orElseThrow().text();
    }

    @Test
    void definitionsAcrossFilesAndIntoTypeshed() throws IOException {
        Path lib = write("pkg/lib.py", "class Box:\n    size: int = 0\n    def __init__(self) -> None:\n        self.label = 'x'\n\ndef make() -> Box:\n    return Box()\n");
        write("pkg/__init__.py", "");
        String text = "from pkg.lib import make\nimport pkg.lib\nb = make()\nb.size\nb.label\nlen([])\npkg.lib.Box\n";
        Path a = write("a.py", text);
        Workspace ws = workspace(a, lib);

        DefinitionInfo make = single(ws.definitionsAt(a, text.indexOf("make()")));
        assertEquals("make", make.name());
        assertEquals(DefinitionInfo.Kind.FUNCTION, make.kind());
        assertEquals(lib, make.file());
        assertEquals(6, make.range().startLine());
        assertEquals(5, make.range().startColumn());

        DefinitionInfo size = single(ws.definitionsAt(a, text.indexOf("size")));
        assertEquals(DefinitionInfo.Kind.ATTRIBUTE, size.kind());
        assertEquals(2, size.range().startLine());
        DefinitionInfo label = single(ws.definitionsAt(a, text.indexOf("label")));
        assertEquals(4, label.range().startLine());
        assertEquals("label", label.name());

        DefinitionInfo len = single(ws.definitionsAt(a, text.indexOf("len")));
        assertEquals("vendored://stdlib/builtins.pyi", len.path());
        assertNull(len.file());
        assertEquals(DefinitionInfo.Kind.FUNCTION, len.kind());

        DefinitionInfo module = single(ws.definitionsAt(a, text.indexOf("lib\n")));
        assertEquals(DefinitionInfo.Kind.MODULE, module.kind());
        assertEquals("pkg.lib", module.name());
        DefinitionInfo pkg = single(ws.definitionsAt(a, text.indexOf("pkg.lib\n")));
        assertEquals("pkg", pkg.name());
        DefinitionInfo fromModule = single(ws.definitionsAt(a, text.indexOf("pkg.lib import")));
        assertEquals("pkg.lib", fromModule.name());
        assertEquals(DefinitionInfo.Kind.CLASS, single(ws.definitionsAt(a, text.lastIndexOf("Box"))).kind());
        assertTrue(ws.definitionsAt(a, text.indexOf("\nb =")).isEmpty());
    }

    private static DefinitionInfo single(List<DefinitionInfo> defs) {
        assertEquals(1, defs.size(), defs.toString());
        return defs.get(0);
    }

    @Test
    void unsavedAddedFilesAreImportableAndRemovedOnesAreNot() throws IOException {
        Path a = write("a.py", "from b import f\nf()\n");
        Workspace ws = workspace(a);
        assertEquals(List.of("unresolved-import@1"), rules(ws.check()));
        Path b = root.resolve("b.py");
        ws.addFile(b, "def f() -> int:\n    return 1\n");
        assertTrue(ws.snapshot().isUnsaved(b));
        assertFalse(Files.exists(b));
        assertEquals(List.of(), rules(ws.check()));
        ws.setText(b, "def g() -> int:\n    return 1\n");
        assertEquals(List.of("unresolved-import@1"), rules(ws.check()));
        ws.removeFile(b);
        assertEquals(List.of(b).contains(b), true);
        assertEquals(List.of(a), ws.files());
        assertEquals("Cannot resolve imported module `b`", ws.check().get(0).headline());
        // a new package folder that exists only in unsaved text
        ws.setText(a, "from pkg.mod import VALUE\nreveal_type(VALUE)\n");
        ws.addFile(root.resolve("pkg/mod.py"), "VALUE = 3\n");
        assertEquals(List.of("undefined-reveal@2", "revealed-type@2"), rules(ws.check(a)));
        assertEquals("`Literal[3]`", ws.check(a).get(1).annotation());
    }

    @Test
    void removedFilesOnDiskAreHiddenAndReadingFromDiskBringsThemBack() throws IOException {
        Path a = write("a.py", "import b\n");
        Path b = write("b.py", "");
        Workspace ws = workspace(a, b);
        assertEquals(List.of(), rules(ws.check()));
        ws.removeFile(b);
        assertEquals(List.of("unresolved-import@1"), rules(ws.check()));
        ws.addFile(b);
        assertEquals(List.of(), rules(ws.check()));
        Files.writeString(b, "x: int = ''\n");
        ws.refresh();
        assertEquals(List.of("invalid-assignment@1"), rules(ws.check()));
    }

    @Test
    void aFolderEmptiedOnDiskStaysANamespacePackageUntilItIsDeleted() throws IOException {
        Path a = write("a.py", "import pkg\nimport pkg.b\n");
        Path b = write("pkg/b.py", "");
        Workspace ws = workspace(a, b);
        assertEquals(List.of(), rules(ws.check()));
        Files.delete(b);
        ws.removeFile(b);
        // the empty folder is still a namespace package, as for CPython; only its module is gone
        assertEquals(List.of("unresolved-import@2"), rules(ws.check()));
        write("pkg/b.py", "");
        ws.addFile(b);
        assertEquals(List.of(), rules(ws.check()));
        Files.delete(b);
        Files.delete(b.getParent());
        ws.removeFile(b); // folder listings are read anew when files come or go
        assertEquals(List.of("unresolved-import@1", "unresolved-import@2"), rules(ws.check()));
    }

    @Test
    void anEditToALeafRechecksOnlyWhatImportsIt() throws IOException {
        Path leaf = write("leaf.py", "def f() -> int:\n    return 1\n");
        Path mid = write("mid.py", "from leaf import f\ndef g() -> int:\n    return f()\n");
        Path top = write("top.py", "import mid\nmid.g()\n");
        Path other = write("other.py", "x: int = 1\n");
        Path pkgUser = write("user.py", "import pkg\n");
        Path pkgInit = write("pkg/__init__.py", "");
        Path sub = write("pkg/sub.py", "A = 1\n");
        Workspace ws = workspace(leaf, mid, top, other, pkgUser, pkgInit, sub);
        ws.check();
        assertEquals(7, ws.snapshot().checkedCount());

        long parsed = ws.parses();
        ws.setText(leaf, "def f() -> str:\n    return ''\n");
        List<Diagnostic> after = ws.check();
        assertEquals(3, ws.snapshot().checkedCount(), "leaf, mid and top; not other, user, pkg");
        assertEquals(parsed + 1, ws.parses(), "only the edited file is parsed again");
        assertEquals(List.of("invalid-return-type@3"), rules(after));

        // a submodule may be read as an attribute of its package: its importers are rechecked
        ws.setText(sub, "A = 2\n");
        ws.check();
        assertEquals(2, ws.snapshot().checkedCount(), "sub and user (pkg/__init__ does not import sub)");

        // adding a file that nothing imports keeps every result
        ws.addFile(root.resolve("new.py"), "z = 1\n");
        ws.check();
        assertEquals(1, ws.snapshot().checkedCount());

        // a file that shadows a stub everything reads drops every result
        ws.addFile(root.resolve("enum.py"), "");
        ws.check();
        assertEquals(9, ws.snapshot().checkedCount());
        assertEquals(after, fresh(ws).check().stream().filter(d -> !d.path().endsWith("new.py")).toList());
    }

    private Workspace fresh(Workspace ws) throws IOException {
        Workspace f = Workspace.create(ws.settings(), List.of());
        for (Path p : ws.files()) {
            f.setText(p, ws.snapshot().text(p).orElseThrow());
        }
        return f;
    }

    @Test
    void referencesIntoChangedFilesFailClearlyAndSnapshotsKeepAnswering() throws IOException {
        Path a = write("a.py", "x = 1\nx\n");
        Workspace ws = workspace(a);
        Snapshot old = ws.snapshot();
        TypeInfo t = ws.typeAt(a, 6).orElseThrow();
        assertEquals("Literal[1]", t.display());
        assertEquals(t, ws.typeOf(t.node()).orElseThrow(), "the file is unchanged: the reference still answers");

        ws.setText(root.resolve("other.py"), "y = 2\n");
        assertEquals("Literal[1]", ws.typeOf(t.node()).orElseThrow().display(), "other files changed: still valid");

        ws.setText(a, "x = 'a'\nx\n");
        StaleSnapshotException e = assertThrows(StaleSnapshotException.class, () -> ws.typeOf(t.node()));
        assertTrue(e.getMessage().contains("a.py"), e.getMessage());
        assertEquals(0, e.refRevision());
        assertEquals(2, e.currentRevision());
        assertEquals(a, e.file());
        assertEquals("Literal[1]", old.typeOf(t.node()).orElseThrow().display(), "its own snapshot still answers");
        assertEquals("Literal[1]", old.typeAt(a, 6).orElseThrow().display());
        assertEquals("Literal[\"a\"]", ws.typeAt(a, 8).orElseThrow().display());
        assertNotEquals(old.revision(), ws.revision());
        assertEquals("x = 1\nx\n", old.text(a).orElseThrow());
    }

    @Test
    void unreadableFilesAreDiagnosticsAndOtherFilesAreStillChecked() throws IOException {
        Path a = write("a.py", "x: int = ''\n");
        Workspace ws = workspace(a, root.resolve("missing.py"));
        List<String> rules = rules(ws.check());
        assertEquals(List.of("invalid-assignment@1", "io@1"), rules);
    }

    @Test
    void aBatchOfEditsIsOneRevisionAndSettingsChangesAreNewSnapshots() throws IOException {
        Path a = write("a.py", "import tomllib\nfrom b import x\n");
        Workspace ws = workspace(a);
        Snapshot s = ws.apply(List.of(new Edit.SetText(root.resolve("b.py"), "x = 1\n"),
                new Edit.SetText(root.resolve("c.py"), "y = 2\n"), new Edit.Remove(root.resolve("c.py"))));
        assertEquals(1, s.revision());
        assertEquals(List.of(a, root.resolve("b.py")), s.files());
        assertEquals(List.of(), rules(ws.check()));
        ws.changeSettings(ws.settings().withPythonVersion(dev.typhon.ast.PythonVersion.PY310));
        assertEquals(2, ws.revision());
        assertEquals(List.of("unresolved-import@1"), rules(ws.check()), "tomllib is new in 3.11");
        assertEquals(List.of(), rules(s.check()), "the earlier snapshot keeps its settings");
    }

    @Test
    void queriesOutsideAnyNodeAreEmptyNotErrors() throws IOException {
        Path a = write("a.py", "x = 1  # note\n");
        Workspace ws = workspace(a);
        assertTrue(ws.typeAt(a, -1).isEmpty());
        assertTrue(ws.typeAt(a, 1000).isEmpty());
        assertTrue(ws.typeAt(a, 9).isEmpty(), "a comment");
        assertTrue(ws.definitionsAt(a, 1000).isEmpty());
        assertTrue(ws.hoverAt(a, 9).isEmpty());
        assertEquals("Literal[1]", ws.hoverAt(a, 0).orElseThrow().text());
    }

    @Test
    void definitionsThroughRelativeAndStarImportsAndReexports() throws IOException {
        write("pkg/__init__.py", "from .core import *\n");
        Path core = write("pkg/core.py", "def run() -> None: ...\nLIMIT = 3\n");
        String text = "from . import core\nfrom pkg import run\ncore.LIMIT\nrun()\n";
        Path user = write("pkg/user.py", text);
        Workspace ws = workspace(user);
        DefinitionInfo module = single(ws.definitionsAt(user, text.indexOf("core\n")));
        assertEquals("pkg.core", module.name());
        assertEquals(core, module.file());
        DefinitionInfo limit = single(ws.definitionsAt(user, text.indexOf("LIMIT")));
        assertEquals(DefinitionInfo.Kind.VARIABLE, limit.kind());
        assertEquals(2, limit.range().startLine());
        DefinitionInfo run = single(ws.definitionsAt(user, text.lastIndexOf("run")));
        assertEquals(core, run.file(), "through the package's star import to the function");
        assertEquals(DefinitionInfo.Kind.FUNCTION, run.kind());
    }
}
