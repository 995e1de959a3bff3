package dev.typhon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code typhon resolve}: one line per module, in the format, and the exit status. */
class ResolveCommandTest {

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ResolveCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static void write(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "");
    }

    @Test
    void printsWhereEachModuleComesFrom() throws IOException {
        Path project = tmp.resolve("project");
        write(project.resolve("app/__init__.py"));
        write(project.resolve("typing.py"));
        write(project.resolve("src/lib_in_src.py"));
        Path venv = tmp.resolve("venv");
        Files.createDirectories(venv);
        Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\nversion = 3.10.4\n");
        Path site = venv.resolve("lib/python3.10/site-packages");
        write(site.resolve("attr/__init__.pyi"));
        Path extra = tmp.resolve("extra");
        write(extra.resolve("ns/a.py"));
        write(project.resolve("ns/b.py"));

        Run r = run("--python", venv.toString(), "--project-root", project.toString(), "--extra-search-path", extra.toString(),
                "app", "typing", "lib_in_src", "attr", "os.path", "requests", "ns", "tomllib", "nope");
        String sep = java.io.File.pathSeparator;
        List<String> expected = new ArrayList<>(List.of(
                "app -> " + project.resolve("app/__init__.py") + " (package, first-party)",
                "typing -> " + project.resolve("typing.py") + " (module, first-party)",
                "lib_in_src -> " + project.resolve("src/lib_in_src.py") + " (module, first-party)",
                "attr -> " + site.toRealPath().resolve("attr/__init__.pyi") + " (package, site-packages)",
                "os.path -> vendored://stdlib/os/path.pyi (module, stdlib)",
                "requests -> vendored://stubs/requests/requests/__init__.pyi (package, typeshed-stubs)",
                "ns -> " + extra.resolve("ns") + sep + project.resolve("ns") + " (namespace-package, extra)",
                // the environment's version (3.10) is the default target
                "tomllib -> not found (stdlib module added in 3.11)",
                "nope -> not found (no module named 'nope' on any search path)"));
        assertEquals(String.join("\n", expected) + "\n", r.out().replace(System.lineSeparator(), "\n"));
        assertEquals(1, r.status(), "some module was not found");
    }

    @Test
    void versionOptionAndExitStatusZero() {
        Run r = run("--python-version", "3.11", "--project-root", tmp.toString(), "tomllib", "asyncio.taskgroups");
        assertEquals("tomllib -> vendored://stdlib/tomllib.pyi (module, stdlib)\n"
                + "asyncio.taskgroups -> vendored://stdlib/asyncio/taskgroups.pyi (module, stdlib)\n", r.out());
        assertEquals(0, r.status());
        Run old = run("--python-version", "3.12", "--project-root", tmp.toString(), "imp", "asyncio.taskgroups", "distutils");
        assertEquals("imp -> not found (stdlib module removed in 3.12)\n"
                + "asyncio.taskgroups -> vendored://stdlib/asyncio/taskgroups.pyi (module, stdlib)\n"
                // Gone from the stdlib, distutils still resolves: typeshed's setuptools stubs ship one (setuptools
                // installs a distutils shim), and typeshed's third-party stubs are the last search path.
                + "distutils -> vendored://stubs/setuptools/distutils/__init__.pyi (package, typeshed-stubs)\n", old.out());
        assertEquals(1, old.status());
        Run py311 = run("--python-version", "3.11", "--project-root", tmp.toString(), "distutils", "imp");
        assertEquals("distutils -> vendored://stdlib/distutils/__init__.pyi (package, stdlib)\n"
                + "imp -> vendored://stdlib/imp.pyi (module, stdlib)\n", py311.out());
    }

    @Test
    void userGivenTypeshedReplacesTheBundledOne() throws IOException {
        Path ts = tmp.resolve("typeshed");
        Files.createDirectories(ts.resolve("stdlib"));
        Files.writeString(ts.resolve("stdlib/VERSIONS"), "only: 3.0-\n");
        write(ts.resolve("stdlib/only.pyi"));
        Run r = run("--typeshed", ts.toString(), "--project-root", tmp.resolve("empty").toString(), "only", "os");
        assertEquals("only -> " + ts.resolve("stdlib/only.pyi") + " (module, stdlib)\n"
                + "os -> not found (no module named 'os' on any search path)\n", r.out());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        Run r = run("--python", tmp.resolve("missing").toString(), "os");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--python:"), r.err());
        Run t = run("--typeshed", tmp.toString(), "os");
        assertEquals(2, t.status());
        assertTrue(t.err().contains("no stdlib/VERSIONS"), t.err());
    }
}
