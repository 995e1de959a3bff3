package dev.typhon.mdtest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans one suite, line by line, exactly as ty's test parser does (§2–4, 8): headers at column 0
 * open sections, fenced blocks at column 0 (after a blank line or a path label) become embedded
 * files or a section's configuration, path labels name the next block, HTML comments at column 0
 * are directives. Anything else is prose. General Markdown is deliberately not understood: a
 * {@code ```} anywhere ends a code block, as in ty.
 *
 * <p>Every problem is a {@link SuiteParseException} with its line; the whole suite is then invalid,
 * as in ty.
 */
public final class SuiteParser {

    /** The generated names of unlabelled blocks, which labels must not use. */
    static final Set<String> GENERATED_NAMES = Set.of("mdtest_snippet.py", "mdtest_snippet.pyi", "mdtest_snippet.ipynb");
    /** What a {@code snapshot} block can follow (§9.1). */
    private static final Set<String> SNAPSHOT_TARGETS = Set.of("py", "python", "pyi", "ipynb", "toml");

    private static final class FileBuilder {
        final String path;
        final boolean explicit;
        final String lang;
        final StringBuilder code = new StringBuilder();
        final List<int[]> blocks = new ArrayList<>(); // fenceLine, firstLine, lineCount, snapshotLine
        int lines;

        FileBuilder(String path, boolean explicit, String lang) {
            this.path = path;
            this.explicit = explicit;
            this.lang = lang;
        }

        /** Adds a block; an empty block after the first adds nothing (no blank line, no block). */
        void append(String blockCode, int fenceLine) {
            if (!blocks.isEmpty() && blockCode.isEmpty()) {
                return;
            }
            int count = blockCode.isEmpty() ? 0 : countLines(blockCode);
            if (count > 0 && lines > 0) {
                code.append('\n');
            }
            blocks.add(new int[] {fenceLine, lines + 1, count, 0});
            code.append(blockCode);
            lines += count;
        }

        int[] lastBlock() {
            return blocks.get(blocks.size() - 1);
        }

        EmbeddedFile build() {
            List<CodeBlock> out = new ArrayList<>();
            for (int[] b : blocks) {
                out.add(new CodeBlock(b[0], b[1], b[2], b[3]));
            }
            return new EmbeddedFile(path, explicit, lang, code.toString(), out);
        }
    }

    private static final class Section {
        final String title;
        final int level;
        final Section parent;
        final int line;
        TestConfig config;
        int configLine;
        boolean snapshotDiagnostics;
        String expectPanic;
        boolean pullTypesSkip;
        boolean hasConfig;
        final Set<String> ownDirectives = new HashSet<>();
        final Map<String, FileBuilder> files = new LinkedHashMap<>();
        FileBuilder lastFile;

        Section(String title, int level, Section parent, int line) {
            this.title = title;
            this.level = level;
            this.parent = parent;
            this.line = line;
            if (parent != null) {
                config = parent.config;
                configLine = parent.configLine;
                snapshotDiagnostics = parent.snapshotDiagnostics;
                expectPanic = parent.expectPanic;
                pullTypesSkip = parent.pullTypesSkip;
            } else {
                config = TestConfig.DEFAULT;
            }
        }

        List<String> titles() {
            List<String> out = parent == null ? new ArrayList<>() : parent.titles();
            out.add(title);
            return out;
        }
    }

    private final String src;
    private final int[] lineStarts;
    private final List<Section> sections = new ArrayList<>();
    private final List<Section> stack = new ArrayList<>();
    private int blankLines;
    private String label;

    private SuiteParser(String title, String src) {
        this.src = src;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        Section root = new Section(title, 0, null, 1);
        sections.add(root);
        stack.add(root);
    }

    /**
     * Parses the suite {@code source} whose root title (the file's base name) is {@code title}.
     *
     * @throws SuiteParseException when the suite is malformed
     */
    public static MarkdownSuite parse(String title, String source) throws SuiteParseException {
        SuiteParser parser = new SuiteParser(title, source);
        parser.scan();
        return parser.finish(title);
    }

    private MarkdownSuite finish(String title) {
        List<MarkdownTest> tests = new ArrayList<>();
        for (Section s : sections) {
            if (s.files.isEmpty()) {
                continue;
            }
            List<EmbeddedFile> files = new ArrayList<>();
            for (FileBuilder f : s.files.values()) {
                files.add(f.build());
            }
            tests.add(new MarkdownTest(s.titles(), s.line, s.config, s.configLine,
                    new Directives(s.snapshotDiagnostics, s.expectPanic, s.pullTypesSkip), files));
        }
        return new MarkdownSuite(title, tests);
    }

    private void scan() throws SuiteParseException {
        int n = src.length();
        int pos = 0;
        while (pos < n) {
            int line = lineOf(pos);
            int eol = lineEnd(pos);
            char c = src.charAt(pos);
            if (src.startsWith("<!--", pos)) {
                int close = src.indexOf("-->", pos + 4);
                if (close < 0) {
                    throw new SuiteParseException(line, "Unterminated HTML comment.");
                }
                directive(src.substring(pos + 4, close).strip(), line);
                pos = nextLine(close + 3);
                continue;
            }
            if (c == '\n') {
                blankLines++;
                pos++;
                continue;
            }
            if (c == '#') {
                label = null;
                blankLines = 0;
                int level = 0;
                while (pos + level < eol && src.charAt(pos + level) == '#') {
                    level++;
                }
                String title = src.substring(pos + level, eol).strip();
                if (!title.isEmpty()) {
                    header(level, title, line);
                }
            } else if (src.startsWith("```", pos)) {
                pos = fence(pos, line);
                label = null;
                blankLines = 0;
                continue;
            } else if (c == '`') {
                if (blankLines > 0) {
                    label = pathLabel(pos + 1, eol);
                }
                blankLines = 0;
            } else {
                blankLines = 0;
                label = null;
                if (isBlank(c)) {
                    int p = skipBlanks(pos);
                    if (src.startsWith("```", p)) {
                        throw new SuiteParseException(line, "Indented code blocks are not supported.");
                    }
                }
            }
            pos = eol + 1;
        }
    }

    /** The path of a label line {@code `path`:} (text from {@code from}), or null when the line is none. */
    private String pathLabel(int from, int eol) {
        int close = src.indexOf('`', from);
        if (close < 0 || close >= eol) {
            return null;
        }
        int p = skipBlanks(close + 1);
        if (p >= src.length() || src.charAt(p) != ':') {
            return null;
        }
        String path = src.substring(from, close);
        return path.isEmpty() ? null : path;
    }

    private void header(int level, String title, int line) throws SuiteParseException {
        while (top().level >= level) {
            stack.remove(stack.size() - 1);
        }
        Section parent = top();
        if (!parent.files.isEmpty()) {
            throw new SuiteParseException(line, "Header '" + title + "' not valid inside a test case; parent '"
                    + parent.title + "' has code files.");
        }
        Section section = new Section(title, level, parent, line);
        sections.add(section);
        stack.add(section);
    }

    /** Reads a fenced block starting at {@code pos}; returns the offset of the line after its closing fence. */
    private int fence(int pos, int line) throws SuiteParseException {
        if (blankLines < 1 && label == null) {
            throw new SuiteParseException(line,
                    "Code blocks must start on a new line and be preceded by at least one blank line.");
        }
        int n = src.length();
        int eol = lineEnd(pos);
        int p = skipBlanks(pos + 3);
        int langStart = p;
        while (p < n && src.charAt(p) != ' ' && src.charAt(p) != '\n') {
            p++;
        }
        String lang = src.substring(langStart, p);
        p = skipBlanks(p);
        boolean ignored = false;
        if (p < n && src.charAt(p) == '{') {
            int close = src.indexOf('}', p);
            if (close < 0 || close > eol) {
                throw new SuiteParseException(line, "Unterminated attribute list `{` on a code fence.");
            }
            for (String attribute : src.substring(p + 1, close).strip().split("\\s+")) {
                if (attribute.equals("data-mdtest=\"ignore\"")) {
                    ignored = true;
                }
            }
            p = skipBlanks(close + 1);
        }
        if (p >= n) {
            throw new SuiteParseException(line, "Unterminated code block at line " + line + ".");
        }
        if (src.charAt(p) != '\n') {
            throw new SuiteParseException(line, "Trailing code-block metadata is not supported. Only the code block "
                    + "language and a `{data-mdtest=\"ignore\"}` attribute can be given; name files with a path label.");
        }
        int codeStart = p + 1;
        int close = src.indexOf("```", codeStart);
        if (close < 0) {
            throw new SuiteParseException(line, "Unterminated code block at line " + line + ".");
        }
        String code = src.substring(codeStart, close);
        if (code.endsWith("\n")) {
            code = code.substring(0, code.length() - 1);
        }
        codeBlock(lang, ignored, code, line);
        return nextLine(close + 3);
    }

    private void codeBlock(String lang, boolean ignored, String code, int fenceLine) throws SuiteParseException {
        Section section = top();
        String testName = section.title;
        if (ignored || lang.equals("ignore") || lang.equals("pycon")) {
            return;
        }
        if (lang.equals("snapshot")) {
            snapshotBlock(section, fenceLine);
            return;
        }
        if (lang.equals("toml") && label == null) {
            configBlock(section, code, fenceLine);
            return;
        }
        String key;
        boolean explicit = label != null;
        if (explicit) {
            String expected = lang.equals("python") ? "py" : lang;
            String extension = EmbeddedFile.extension(label);
            if (!expected.isEmpty() && !lang.equals("text") && extension != null
                    && !extension.equalsIgnoreCase(expected)) {
                throw new SuiteParseException(fenceLine, "File extension of test file path `" + label + "` in test `"
                        + testName + "` does not match language specified `" + lang + "` of code block");
            }
            if (GENERATED_NAMES.contains(label)) {
                throw new SuiteParseException(fenceLine, "The file name `" + label + "` in test `" + testName
                        + "` must not be used explicitly.");
            }
            key = label;
        } else {
            key = switch (lang) {
                case "py", "python" -> "mdtest_snippet.py";
                case "pyi" -> "mdtest_snippet.pyi";
                case "ipynb" -> "mdtest_snippet.ipynb";
                case "" -> throw new SuiteParseException(fenceLine,
                        "Cannot auto-generate file name for code block with empty language specifier in test `" + testName + "`");
                default -> throw new SuiteParseException(fenceLine, "Cannot auto-generate file name for code block with language `"
                        + lang + "` in test `" + testName + "`");
            };
        }
        boolean hasMerged = section.files.values().stream().anyMatch(f -> f.blocks.size() > 1);
        boolean hasExplicit = section.files.values().stream().anyMatch(f -> f.explicit);
        FileBuilder file = section.files.get(key);
        if (file == null) {
            if (hasMerged) {
                throw new SuiteParseException(fenceLine, "Merged snippets in test `" + testName
                        + "` are not allowed in the presence of other files.");
            }
            file = new FileBuilder(key, explicit, lang);
            section.files.put(key, file);
        } else {
            if (explicit) {
                throw new SuiteParseException(fenceLine, "Test `" + testName + "` has duplicate files named `" + key + "`.");
            }
            if (hasExplicit) {
                throw new SuiteParseException(fenceLine, "Merged snippets in test `" + testName
                        + "` are not allowed in the presence of other files.");
            }
        }
        file.append(code, fenceLine);
        section.lastFile = file;
    }

    private void snapshotBlock(Section section, int fenceLine) throws SuiteParseException {
        if (label != null) {
            throw new SuiteParseException(fenceLine, "A `snapshot` block cannot have a path label.");
        }
        FileBuilder file = section.lastFile;
        if (file == null) {
            throw new SuiteParseException(fenceLine,
                    "A `snapshot` block must follow the code block whose diagnostics it shows (test `" + section.title + "`).");
        }
        if (!SNAPSHOT_TARGETS.contains(file.lang)) {
            throw new SuiteParseException(fenceLine, "A `snapshot` block cannot follow a `" + file.lang
                    + "` file; only Python files, stubs and notebooks have diagnostics.");
        }
        int[] block = file.lastBlock();
        if (block[3] != 0) {
            throw new SuiteParseException(fenceLine, "A code block can have at most one `snapshot` block (the first is at line "
                    + block[3] + ").");
        }
        block[3] = fenceLine;
    }

    private void configBlock(Section section, String code, int fenceLine) throws SuiteParseException {
        if (section.hasConfig) {
            throw new SuiteParseException(fenceLine, "Multiple TOML configuration blocks in the same section are not allowed.");
        }
        try {
            section.config = ConfigParser.parse(code);
        } catch (ConfigParser.ConfigException e) {
            throw new SuiteParseException(fenceLine + e.line(), "Error while parsing Markdown TOML config: " + e.getMessage());
        }
        section.configLine = fenceLine;
        section.hasConfig = true;
    }

    private void directive(String text, int line) throws SuiteParseException {
        Section section = top();
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).strip();
        String value = colon < 0 ? null : text.substring(colon + 1).strip();
        switch (name) {
            case "fmt" -> {
                if ("off".equals(value) || "on".equals(value)) {
                    return;
                }
                throw unknownDirective(text, line);
            }
            case "snapshot-diagnostics" -> {
                if (value != null) {
                    throw new SuiteParseException(line, "The `snapshot-diagnostics` directive takes no value.");
                }
            }
            case "expect-panic" -> {
            }
            case "pull-types" -> {
                if (!"skip".equals(value)) {
                    throw unknownDirective(text, line);
                }
            }
            default -> throw unknownDirective(text, line);
        }
        if (section.hasConfig) {
            throw new SuiteParseException(line, "Section directive `" + name
                    + "` must come before everything else (including TOML configuration blocks).");
        }
        if (!section.files.isEmpty()) {
            throw new SuiteParseException(line, "Section directive `" + name
                    + "` must come before everything else (including embedded files).");
        }
        if (!section.ownDirectives.add(name)) {
            throw new SuiteParseException(line, "Section directive `" + name + "` should appear at most once.");
        }
        switch (name) {
            case "snapshot-diagnostics" -> section.snapshotDiagnostics = true;
            case "expect-panic" -> section.expectPanic = value == null ? "" : value;
            default -> section.pullTypesSkip = true;
        }
    }

    private static SuiteParseException unknownDirective(String text, int line) {
        return new SuiteParseException(line, "Unknown HTML comment `" + text + "` -- possibly a typo of `snapshot-diagnostics`, "
                + "`expect-panic: ...` or `pull-types:skip`?");
    }

    private Section top() {
        return stack.get(stack.size() - 1);
    }

    private static boolean isBlank(char c) {
        return c != '\n' && (Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private int skipBlanks(int p) {
        while (p < src.length() && isBlank(src.charAt(p))) {
            p++;
        }
        return p;
    }

    private int lineEnd(int pos) {
        int eol = src.indexOf('\n', pos);
        return eol < 0 ? src.length() : eol;
    }

    private int nextLine(int pos) {
        int eol = src.indexOf('\n', Math.min(pos, src.length()));
        return eol < 0 ? src.length() : eol + 1;
    }

    /** 1-based line of an offset. */
    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    static int countLines(String code) {
        int count = 1;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
