package dev.typhon.semantic.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.parser.SyntaxError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every stub of the pinned typeshed parses without a syntax error; prints how long that took. */
class AllStubsParseTest {

    private record Stub(String path, byte[] bytes) {}

    @Test
    void everyStdlibAndThirdPartyStubParses() throws IOException {
        FileTree tree = Typeshed.bundled().tree();
        List<String> stdlib = StubFiles.list(tree, "stdlib");
        List<String> stubs = StubFiles.list(tree, "stubs");
        if (BundledTypeshedTest.isIssuePin()) {
            assertEquals(752 + 2, stdlib.size(), "stdlib .pyi files in typeshed " + Typeshed.bundled().commit()
                    + " and Typhon's ty_extensions (__init__ and _internal)");
            assertEquals(4453, stubs.size(), "third-party .pyi files in typeshed " + Typeshed.bundled().commit());
        }
        assertTrue(stdlib.size() > 700 && stubs.size() > 4000, stdlib.size() + " + " + stubs.size());

        // Read everything first: the time below is parsing alone.
        List<Stub> all = new ArrayList<>();
        long bytes = 0;
        for (String rel : concat(stdlib, stubs)) {
            byte[] b = tree.read(rel);
            bytes += b.length;
            all.add(new Stub(rel, b));
        }

        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (Stub stub : all) {
            ParseResult result = PythonParser.parse(stub.bytes());
            if (!result.errors().isEmpty()) {
                SyntaxError e = result.errors().get(0);
                failures.add(stub.path() + ":" + e.lineno() + ":" + e.column() + ": " + e.message()
                        + (result.errors().size() > 1 ? " (+" + (result.errors().size() - 1) + " more)" : ""));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("AllStubsParseTest: parsed %d stubs (%d stdlib + %d third-party, %.1f MB) in %d ms (%.1f MB/s), %d with errors%n",
                all.size(), stdlib.size(), stubs.size(), bytes / 1e6, millis, millis == 0 ? 0.0 : bytes / 1e3 / millis,
                failures.size());
        assertFalse(PythonParser.parse("def broken(:\n".getBytes(StandardCharsets.UTF_8)).errors().isEmpty(),
                "the parser reports errors at all (so zero errors above means something)");
        assertTrue(failures.isEmpty(), failures.size() + " stubs do not parse:\n"
                + String.join("\n", failures.subList(0, Math.min(failures.size(), 100))));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
