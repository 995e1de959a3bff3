package dev.typhon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Corner cases of CPython's symtable (mangling, {@code super} and {@code __class__}, free
 * variables passing through classes, global declarations reaching the module table, walrus in
 * comprehensions, future annotations, namespaces): each {@code cases/X.py} against
 * {@code cases/X.expected}, the output of the reference program under CPython 3.11.
 */
class SymtableCasesTest {

    @TestFactory
    Stream<DynamicTest> casesMatchCPython311() throws IOException, URISyntaxException {
        Path dir = Path.of(SymtableCasesTest.class.getResource("/symtable/cases").toURI());
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertTrue(cases.size() >= 5, "cases missing under " + dir);
        return cases.stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            String name = py.getFileName().toString();
            Path expected = py.resolveSibling(name.replace(".py", ".expected"));
            StringBuilder ours = new StringBuilder();
            SymtableCommand.render(name, Files.readAllBytes(py), PythonVersion.PY311, ours);
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), ours.toString());
        }));
    }

    @Test
    void cliPrintsOneBlockPerFileAndReportsScopingErrors(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path ok = tmp.resolve("ok.py");
        Files.writeString(ok, "x = 1\n");
        Path bad = tmp.resolve("bad.py");
        Files.writeString(bad, "def f():\n    x = 1\n    global x\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"debug", "symtable", ok.toString(), bad.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(1, status);
        assertEquals("# " + ok + "\nmodule top 0\n  x: global local assigned\n"
                + "# " + bad + "\n!SyntaxError 3:5 name 'x' is assigned to before global declaration\n",
                out.toString(StandardCharsets.UTF_8));
    }
}
