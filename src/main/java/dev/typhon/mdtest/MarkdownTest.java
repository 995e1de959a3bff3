package dev.typhon.mdtest;

import java.util.List;

/**
 * One test: a section with embedded files (§4.1).
 *
 * @param titles the titles from the root section (the suite's file name) down to the test's own
 * @param line the Markdown line of the test's header (1 for the root section)
 * @param config the section's configuration (its own block, else its parent's as it was when the
 *     section opened)
 * @param configLine the Markdown line of the {@code toml} block that set {@code config}, or 0
 * @param directives the directives in force
 * @param files the embedded files, in the order they first appear
 */
public record MarkdownTest(List<String> titles, int line, TestConfig config, int configLine, Directives directives,
        List<EmbeddedFile> files) {

    public MarkdownTest {
        titles = List.copyOf(titles);
        files = List.copyOf(files);
    }

    /** The full name: the titles joined by {@code " - "}, e.g. {@code unpacking.md - Tuple - Multiple}. */
    public String name() {
        return String.join(" - ", titles);
    }
}
