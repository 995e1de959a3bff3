package dev.typhon.mdtest;

import dev.typhon.ast.Nullable;
import java.util.List;

/**
 * How one test went.
 *
 * @param test the test
 * @param failures what differed, each on its Markdown line; empty when the test passed
 * @param skipped why the runner did not run the test, or null when it ran
 */
public record TestResult(MarkdownTest test, List<Failure> failures, @Nullable String skipped) {

    /**
     * One thing that differed.
     *
     * @param line the 1-based Markdown line
     * @param message what differed
     */
    public record Failure(int line, String message) {
    }

    public TestResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return skipped == null && failures.isEmpty();
    }
}
