package dev.typhon.semantic.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeshedVersionsTest {

    private static final TypeshedVersions V = TypeshedVersions.parse("""
            # The structure of this file is as follows:
            #   - comments and blank lines are ignored

            asyncio: 3.4-
            asyncio.taskgroups: 3.11-  # inline comment
            distutils: 3.0-3.11
            distutils.command.bdist_msi: 3.0-3.10
            tomllib: 3.11-
            \tspaced :  3.6 - 3.9\s
            """);

    private static PythonVersion v(String s) {
        return PythonVersion.parse(s);
    }

    @Test
    void openAndClosedRanges() {
        assertEquals(Optional.of(new TypeshedVersions.Range(v("3.4"), null)), V.explicitRange("asyncio"));
        assertEquals(Optional.of(new TypeshedVersions.Range(v("3.0"), v("3.11"))), V.explicitRange("distutils"));
        assertEquals(Optional.of(new TypeshedVersions.Range(v("3.6"), v("3.9"))), V.explicitRange("spaced"));
        assertTrue(V.exists("tomllib", v("3.11")));
        assertTrue(V.exists("tomllib", v("3.14")));
        assertFalse(V.exists("tomllib", v("3.10")));
        assertTrue(V.exists("distutils", v("3.11")));
        assertFalse(V.exists("distutils", v("3.12")));
        assertTrue(V.problems().isEmpty(), V.problems().toString());
    }

    @Test
    void submodulesInheritTheirParentsRange() {
        assertEquals(V.explicitRange("asyncio"), V.range("asyncio.events"));
        assertTrue(V.exists("asyncio.events", v("3.8")));
        assertTrue(V.exists("distutils.command.build", v("3.11")));
        assertFalse(V.exists("distutils.command.build", v("3.12")));
    }

    @Test
    void listedSubmodulesHaveTheirOwnRangeWithinTheirParents() {
        assertFalse(V.exists("asyncio.taskgroups", v("3.10")));
        assertTrue(V.exists("asyncio.taskgroups", v("3.11")));
        assertFalse(V.exists("distutils.command.bdist_msi", v("3.11")));
        assertTrue(V.exists("distutils.command.bdist_msi", v("3.10")));
        // A submodule cannot outlive its package.
        TypeshedVersions.Availability a = V.availability("distutils.command.bdist_msi", v("3.12"));
        assertEquals(new TypeshedVersions.Availability.RemovedIn("distutils", v("3.12")), a);
    }

    @Test
    void availabilityExplainsWhy() {
        assertEquals(new TypeshedVersions.Availability.AddedIn("tomllib", v("3.11")), V.availability("tomllib", v("3.10")));
        assertEquals(new TypeshedVersions.Availability.AddedIn("asyncio.taskgroups", v("3.11")),
                V.availability("asyncio.taskgroups", v("3.8")));
        assertEquals(new TypeshedVersions.Availability.RemovedIn("distutils", v("3.12")), V.availability("distutils", v("3.13")));
        assertInstanceOf(TypeshedVersions.Availability.NotListed.class, V.availability("requests", v("3.12")));
        assertInstanceOf(TypeshedVersions.Availability.Available.class, V.availability("asyncio", v("3.4")));
        assertInstanceOf(TypeshedVersions.Availability.AddedIn.class, V.availability("asyncio", v("3.3")));
    }

    @Test
    void malformedLinesAreReportedNotThrown() {
        TypeshedVersions bad = TypeshedVersions.parse("ok: 3.0-\nno colon here\nx: 3.x-\ny: 3.9-3.8\nok: 3.5-\n\0\n");
        assertTrue(bad.exists("ok", v("3.0")), "the first entry counts");
        assertEquals(5, bad.problems().size(), bad.problems().toString());
        assertTrue(bad.problems().get(0).startsWith("VERSIONS line 2:"), bad.problems().get(0));
    }

    @Test
    void theBundledVersionsFileGatesTheIssuesModules() {
        TypeshedVersions real = Typeshed.bundled().versions();
        assertTrue(real.problems().isEmpty(), real.problems().toString());
        assertFalse(real.exists("tomllib", v("3.10")));
        assertTrue(real.exists("tomllib", v("3.11")));
        assertFalse(real.exists("asyncio.taskgroups", v("3.10")));
        assertTrue(real.exists("asyncio.taskgroups", v("3.11")));
        assertTrue(real.exists("asyncio", v("3.8")));
        assertTrue(real.exists("distutils", v("3.11")));
        assertFalse(real.exists("distutils", v("3.12")));
        assertTrue(real.exists("imp", v("3.11")));
        assertFalse(real.exists("imp", v("3.12")));
        assertTrue(real.exists("os.path", v("3.8")));
    }
}
