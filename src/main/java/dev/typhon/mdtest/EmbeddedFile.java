package dev.typhon.mdtest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A file of a test's virtual file system: the code of one or more fenced blocks (§4.3).
 *
 * @param path the path label as written ({@code pkg/mod.py}, {@code /typeshed/stdlib/VERSIONS}), or
 *     the generated name ({@code mdtest_snippet.py}) of unlabelled blocks
 * @param explicitPath true when a path label named the file
 * @param lang the language of the (first) block: {@code py}, {@code pyi}, {@code text}, ...
 * @param code the file's content: the blocks' code joined by newlines, empty blocks left out
 * @param blocks the blocks in document order, with where their lines sit in the file
 */
public record EmbeddedFile(String path, boolean explicitPath, String lang, String code, List<CodeBlock> blocks) {

    /** The languages whose files are type-checked when they are under {@code /src} (§4.4). */
    public static final Set<String> CHECKED_LANGUAGES = Set.of("py", "python", "pyi", "ipynb");

    /** The languages the runner can write (§3.2); an empty language is written verbatim too. */
    public static final Set<String> WRITABLE_LANGUAGES = Set.of("py", "python", "pyi", "ipynb", "text", "cfg", "pth", "");

    public EmbeddedFile {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("an embedded file has at least one block");
        }
    }

    /** The Markdown line of the first block's opening fence. */
    public int fenceLine() {
        return blocks.get(0).fenceLine();
    }

    /** True for Python source, stubs and notebooks: the languages that are checked under {@code /src}. */
    public boolean isCheckable() {
        return CHECKED_LANGUAGES.contains(lang);
    }

    public boolean isNotebook() {
        return lang.equals("ipynb");
    }

    /** The virtual absolute path: labels starting with {@code /} as they are, others under {@code /src/}. */
    public String virtualPath() {
        return path.startsWith("/") ? path : "/src/" + path;
    }

    /**
     * The Markdown line of a 1-based line of this file, mapped back block by block. A line past the
     * end maps past the last block's last line.
     */
    public int markdownLine(int fileLine) {
        int rest = Math.max(1, fileLine);
        CodeBlock last = blocks.get(0);
        for (CodeBlock b : blocks) {
            if (b.lineCount() == 0) {
                continue;
            }
            last = b;
            if (rest <= b.lineCount()) {
                return b.fenceLine() + rest;
            }
            rest -= b.lineCount();
        }
        return last.fenceLine() + last.lineCount() + rest;
    }

    /** The index of the block that contributes 1-based {@code fileLine}, or -1. */
    public int blockOfLine(int fileLine) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).containsFileLine(fileLine)) {
                return i;
            }
        }
        return -1;
    }

    /** The lower-case extension of the path's file name, or null when it has none. */
    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
