package dev.typhon.mdtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared conformance corpus ({@code ../shared/mdtest} beside the repository, where it exists)
 * runs to the end with Typhon's inference: every suite parses, no test trips the runner or crashes the
 * engine, and every test listed in {@code mdtest/corpus-passing.txt} (the ratchet) still passes.
 * Tests that pass and are not listed yet are written to {@code target/corpus-passing.txt}, to be
 * copied over the list when they should be kept.
 */
class SharedCorpusTest {

    @Test
    void everySuiteParsesAndRunsWithoutHarnessErrors() throws Exception {
        Path shared = Path.of("").toAbsolutePath().resolveSibling("shared").resolve("mdtest");
        Path corpus = shared.resolve("corpus");
        assumeTrue(Files.isDirectory(corpus), "no shared mdtest corpus beside the repository");
        Path typeshed = shared.resolve("support").resolve("typeshed");
        List<String> harnessErrors = new ArrayList<>();
        java.util.Set<String> passing = new java.util.TreeSet<>();
        int[] lines = new int[1];
        MdtestRunner runner = new MdtestRunner(Checkers.defaultChecker(), Files.isDirectory(typeshed) ? typeshed : null, null,
                new MdtestRunner.Reporter() {
                    @Override
                    public void failure(String line) {
                        lines[0]++;
                        if (line.contains(": invalid suite: ") || line.contains(": internal error in the mdtest runner: ")
                                || line.contains(": panicked: ") || line.contains(": cannot ")
                                || line.contains("`# snapshot` assertion without") || line.contains("`snapshot` block without")
                                || line.contains("trailing assertion comment")) {
                            harnessErrors.add(line);
                        }
                    }

                    @Override
                    public void note(String line) {
                        harnessErrors.add(line);
                    }

                    @Override
                    public void passed(String suite, String testName) {
                        passing.add(PassingList.key(List.of(corpus), Path.of(suite), testName));
                    }
                });
        List<Path> suites = SuiteFinder.find(List.of(corpus));
        MdtestRunner.Summary summary = runner.run(suites);
        assertEquals(List.of(), harnessErrors);
        assertTrue(suites.size() > 10 && summary.passed() + summary.failed() > 100, summary.toString());
        assertTrue(lines[0] >= summary.failed(), "each failed test prints at least one line");

        Path target = Path.of("target");
        Files.createDirectories(target);
        PassingList.write(target.resolve("corpus-passing.txt"), new ArrayList<>(passing));
        List<String> listed = PassingList.read(Path.of("src/test/resources/mdtest/corpus-passing.txt"));
        List<String> regressed = listed.stream().filter(k -> !passing.contains(k)).toList();
        assertEquals(List.of(), regressed, "listed corpus tests that no longer pass (" + passing.size() + " pass now, "
                + listed.size() + " listed)");
    }
}
