package dev.typhon.mdtest;

import java.util.List;

/**
 * A parsed suite: one Markdown file's tests, in document order.
 *
 * @param title the root section's title, the file's base name
 */
public record MarkdownSuite(String title, List<MarkdownTest> tests) {

    public MarkdownSuite {
        tests = List.copyOf(tests);
    }
}
