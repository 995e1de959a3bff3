package dev.typhon.semantic.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typeshed typeshed-vendor packs into the jar: the pinned one, complete, readable from the class path. */
class BundledTypeshedTest {

    /** The exact figures hold for the pin of issue 3; after `update-pin` only their shape is checked. */
    static boolean isIssuePin() {
        return Typeshed.bundled().origin().equals("pyright@1.1.414");
    }

    @Test
    void isThePinnedCommitWithItsLicense() throws Exception {
        Typeshed t = Typeshed.bundled();
        assertTrue(t.commit().matches("[0-9a-f]{40}"), t.commit());
        if (isIssuePin()) {
            assertEquals("289e5d3568961c8bcd33d01eef5b7ec5e1ad33ad", t.commit());
        }
        assertTrue(new String(t.tree().read("LICENSE"), StandardCharsets.UTF_8).contains("Apache License"));
        assertEquals(t.commit(), new String(t.tree().read("commit.txt"), StandardCharsets.UTF_8).strip());
    }

    @Test
    void holdsEveryStub() {
        Typeshed t = Typeshed.bundled();
        if (isIssuePin()) {
            // the pinned typeshed's 752 stdlib stubs, and Typhon's own ty_extensions (two files)
            assertEquals(752 + 2, StubFiles.list(t.tree(), "stdlib").size());
            assertTrue(StubFiles.list(t.tree(), "stdlib").contains("stdlib/ty_extensions/__init__.pyi"));
            assertTrue(StubFiles.list(t.tree(), "stdlib").contains("stdlib/ty_extensions/_internal.pyi"));
            assertEquals(4453, StubFiles.list(t.tree(), "stubs").size());
        }
        assertTrue(StubFiles.list(t.tree(), "stdlib").size() > 700);
        assertTrue(StubFiles.list(t.tree(), "stubs").size() > 4000);
        assertTrue(t.distributions().size() > 150);
        assertTrue(t.distributionsProviding("requests").stream().anyMatch(d -> d.name().equals("requests")));
    }

    @Test
    void resolvesFromTheClassPath() throws Exception {
        ModuleResolver r = new ModuleResolver(new ModuleResolver.Settings(PythonVersion.PY312, List.of(), List.of(),
                Typeshed.bundled(), List.of()));
        ResolvedModule os = assertInstanceOf(Resolution.Found.class, r.resolve("os.path")).module();
        assertEquals("vendored://stdlib/os/path.pyi", os.display());
        assertTrue(new String(os.file().read(), StandardCharsets.UTF_8).contains("import "));
        ResolvedModule requests = assertInstanceOf(Resolution.Found.class, r.resolve("requests")).module();
        assertEquals(SearchPathKind.TYPESHED_STUBS, requests.searchPath().kind());
        assertEquals("vendored://stubs/requests/requests/__init__.pyi", requests.display());
        assertEquals("stdlib module removed in 3.12", assertInstanceOf(Resolution.NotFound.class, r.resolve("imp")).reason());
        assertEquals("stdlib module added in 3.13",
                assertInstanceOf(Resolution.NotFound.class, r.resolve("dbm.sqlite3")).reason());
    }
}
