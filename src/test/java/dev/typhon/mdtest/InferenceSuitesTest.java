package dev.typhon.mdtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Typhon's own inference suites ({@code src/test/resources/mdtest/}, in ty's Markdown format), run
 * with the bundled typeshed and the inference checker: one JUnit test per suite, failing with the
 * runner's lines. The semantic-index suites there have a harness of their own and are not run here.
 */
class InferenceSuitesTest {
    private static final Path ROOT = Path.of("src/test/resources/mdtest");

    @TestFactory
    Stream<DynamicTest> everySuitePasses() throws Exception {
        List<Path> suites;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            suites = walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).startsWith("semantic-index"))
                    .sorted()
                    .toList();
        }
        assertTrue(suites.size() >= 5, "the inference suites are missing: " + suites);
        MdtestChecker checker = Checkers.defaultChecker();
        return suites.stream().map(suite -> DynamicTest.dynamicTest(ROOT.relativize(suite).toString(), () -> {
            List<String> failures = new ArrayList<>();
            MdtestRunner runner = new MdtestRunner(checker, null, null, new MdtestRunner.Reporter() {
                @Override
                public void failure(String line) {
                    failures.add(line);
                }

                @Override
                public void note(String line) {
                    failures.add(line);
                }
            });
            MdtestRunner.Summary summary = runner.runSuite(suite);
            assertEquals(List.of(), failures);
            assertTrue(summary.passed() > 0, "no test ran in " + suite);
        }));
    }
}
