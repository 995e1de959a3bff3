package dev.typhon.ast.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.dump.DumpLine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Python 3.14-only syntax (t-strings, PEP 758 except lists, ...). Each {@code parser/py314/X.py}
 * has beside it {@code X.dump}: the line a real CPython 3.14 (Pyodide, see
 * src/test/scripts/pyodide/dump314.mjs) printed for it. A valid file must dump identically; a file
 * CPython rejects must be rejected by us on the same line, with the same message.
 */
class Py314OracleCasesTest {

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesCPython314() throws IOException, URISyntaxException {
        Path dir = Path.of(Py314OracleCasesTest.class.getResource("/parser/py314").toURI());
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertTrue(sources.size() >= 20, "expected the 3.14 oracle cases under " + dir);
        return sources.stream().map(source -> DynamicTest.dynamicTest(source.getFileName().toString(), () -> {
            String name = source.getFileName().toString();
            Path dumpFile = source.resolveSibling(name.substring(0, name.length() - 3) + ".dump");
            String expected = Files.readString(dumpFile, StandardCharsets.UTF_8).strip();
            String actual = DumpLine.of(Files.readAllBytes(source));
            if (expected.startsWith("!SyntaxError")) {
                assertTrue(actual.startsWith("!SyntaxError"), "CPython 3.14 rejects this file, we accepted it: " + actual);
                // "!SyntaxError <line>:<col> <message>": line and message must agree; columns may differ.
                assertEquals(lineAndMessage(expected), lineAndMessage(actual));
            } else {
                assertEquals(expected, actual);
            }
        }));
    }

    private static String lineAndMessage(String errorLine) {
        String[] parts = errorLine.split(" ", 3);
        return parts[1].substring(0, parts[1].indexOf(':')) + " " + (parts.length > 2 ? parts[2] : "");
    }
}
