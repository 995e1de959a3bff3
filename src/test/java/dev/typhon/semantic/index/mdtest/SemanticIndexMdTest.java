package dev.typhon.semantic.index.mdtest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the Markdown suites under {@code src/test/resources/mdtest/semantic-index}, one dynamic test per section. */
class SemanticIndexMdTest {

    @TestFactory
    Stream<DynamicTest> suites() throws IOException, URISyntaxException {
        Path root = Path.of(SemanticIndexMdTest.class.getResource("/mdtest/semantic-index").toURI());
        List<Path> suites;
        try (Stream<Path> walk = Files.walk(root)) {
            suites = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(!suites.isEmpty(), "no suites under " + root);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path suite : suites) {
            String name = suite.getFileName().toString();
            for (MdSuite.Test test : MdSuite.parse(name, Files.readString(suite, StandardCharsets.UTF_8))) {
                tests.add(DynamicTest.dynamicTest(test.name, () -> run(suite, test)));
            }
        }
        return tests.stream();
    }

    private static void run(Path suite, MdSuite.Test test) {
        List<String> failures = new ArrayList<>();
        for (MdSuite.EmbeddedFile file : test.files.values()) {
            String code = file.code.toString();
            List<MdAssertions.Diagnostic> diagnostics = IndexDiagnostics.of(code, test.config);
            for (String f : MdAssertions.match(MdAssertions.extract(code), diagnostics)) {
                // Report Markdown lines: "line N" of the file becomes the suite's line.
                int n = Integer.parseInt(f.substring(5, f.indexOf(':')));
                failures.add(suite.getFileName() + ":" + file.markdownLine(n) + " (" + file.path + ") " + f.substring(f.indexOf(':') + 2));
            }
        }
        if (!failures.isEmpty()) {
            fail(test.name + "\n  " + String.join("\n  ", failures));
        }
    }
}
