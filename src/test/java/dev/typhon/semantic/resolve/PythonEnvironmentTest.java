package dev.typhon.semantic.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding site-packages from --python without running Python: pyvenv.cfg and the layout. */
class PythonEnvironmentTest {

    @TempDir
    Path tmp;

    private static Path real(Path p) throws IOException {
        return p.toRealPath();
    }

    @Test
    void virtualEnvironmentFolder() throws IOException {
        Layout venv = Layout.at(tmp.resolve(".venv"))
                .file("pyvenv.cfg", "home = /usr/local/bin\ninclude-system-site-packages = false\nversion = 3.12.1\n")
                .file("bin/python", "")
                .file("lib/python3.12/site-packages/requests/__init__.py")
                .dir("lib/python3.11/site-packages"); // a leftover of another version
        PythonEnvironment env = PythonEnvironment.discover(venv.root());
        assertTrue(env.virtual());
        assertEquals(PythonVersion.PY312, env.version());
        assertEquals(List.of(real(venv.path("lib/python3.12/site-packages"))), env.sitePackages());
    }

    @Test
    void interpreterInsideAVirtualEnvironment() throws IOException {
        Layout venv = Layout.at(tmp.resolve("env"))
                .file("pyvenv.cfg", "home = /opt/python/bin\nversion_info = 3.13.0.final.0\n")
                .file("bin/python3")
                .dir("lib/python3.13t/site-packages");
        PythonEnvironment env = PythonEnvironment.discover(venv.path("bin/python3"));
        assertEquals(real(venv.root()), real(env.prefix()));
        assertEquals(PythonVersion.PY313, env.version());
        assertEquals(List.of(real(venv.path("lib/python3.13t/site-packages"))), env.sitePackages());
    }

    @Test
    void systemSitePackagesComeAfterTheVenvsOwn() throws IOException {
        Layout base = Layout.at(tmp.resolve("base")).file("bin/python3.12").dir("lib/python3.12/site-packages");
        Layout venv = Layout.at(tmp.resolve("venv"))
                .file("pyvenv.cfg", "home = " + base.path("bin") + "\ninclude-system-site-packages = true\nversion = 3.12.4\n")
                .dir("lib/python3.12/site-packages");
        PythonEnvironment env = PythonEnvironment.discover(venv.root());
        assertEquals(List.of(real(venv.path("lib/python3.12/site-packages")), real(base.path("lib/python3.12/site-packages"))),
                env.sitePackages());
    }

    @Test
    void versionFromTheLayoutWhenPyvenvCfgHasNone() throws IOException {
        Layout venv = Layout.at(tmp.resolve("venv")).file("pyvenv.cfg", "home = /usr/bin\n").dir("lib/python3.10/site-packages");
        PythonEnvironment env = PythonEnvironment.discover(venv.root());
        assertEquals(PythonVersion.PY310, env.version());
    }

    @Test
    void windowsLayout() throws IOException {
        Layout venv = Layout.at(tmp.resolve("winvenv")).file("pyvenv.cfg", "version = 3.11.2\n").file("Scripts/python.exe")
                .dir("Lib/site-packages");
        PythonEnvironment env = PythonEnvironment.discover(venv.path("Scripts/python.exe"));
        assertEquals(List.of(real(venv.path("Lib/site-packages"))), env.sitePackages());
        assertEquals(PythonVersion.PY311, env.version());
    }

    @Test
    void systemInterpreterWithoutPyvenvCfg() throws IOException {
        Layout prefix = Layout.at(tmp.resolve("usr")).file("bin/python3").dir("lib/python3.12/site-packages")
                .dir("lib/python3/dist-packages");
        PythonEnvironment env = PythonEnvironment.discover(prefix.path("bin/python3"));
        assertFalse(env.virtual());
        assertEquals(PythonVersion.PY312, env.version());
        assertEquals(List.of(real(prefix.path("lib/python3.12/site-packages")), real(prefix.path("lib/python3/dist-packages"))),
                env.sitePackages());
    }

    @Test
    void pthFilesAddFolders() throws IOException {
        Layout venv = Layout.at(tmp.resolve("venv")).file("pyvenv.cfg", "version = 3.12.0\n")
                .file("lib/python3.12/site-packages/_editable.pth", "# a comment\nimport sys; sys.foo()\n../../../src\n/does/not/exist\n")
                .file("src/mypkg/__init__.py");
        PythonEnvironment env = PythonEnvironment.discover(venv.root());
        assertEquals(2, env.sitePackages().size(), env.sitePackages().toString());
        assertEquals(real(venv.path("src")), real(env.sitePackages().get(1)));
    }

    @Test
    void notAnEnvironment() {
        Layout nothing = Layout.at(tmp.resolve("nothing")).dir("");
        IOException e = assertThrows(IOException.class, () -> PythonEnvironment.discover(nothing.root()));
        assertTrue(e.getMessage().contains("is not a Python environment"), e.getMessage());
        assertInstanceOf(IOException.class, assertThrows(IOException.class, () -> PythonEnvironment.discover(tmp.resolve("missing"))));
    }

    @Test
    void resolverUsesTheEnvironmentsSitePackages() throws IOException {
        Layout venv = Layout.at(tmp.resolve(".venv")).file("pyvenv.cfg", "version = 3.12.1\n")
                .file("lib/python3.12/site-packages/attr/__init__.pyi");
        PythonEnvironment env = PythonEnvironment.discover(venv.root());
        ModuleResolver r = new ModuleResolver(new ModuleResolver.Settings(env.version(), List.of(), List.of(), null, env.sitePackages()));
        Resolution.Found f = assertInstanceOf(Resolution.Found.class, r.resolve("attr"));
        assertEquals(SearchPathKind.SITE_PACKAGES, f.module().searchPath().kind());
    }
}
