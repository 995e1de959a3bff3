package dev.typhon.semantic.index.mdtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of the mdtest format (shared/mdtest/MDTEST-FORMAT.md) that our semantic-index
 * suites use: headers at column 0 build the section tree, fenced {@code py}/{@code pyi} blocks are
 * embedded files (unlabelled blocks of a section merge into {@code mdtest_snippet.py}), path labels
 * name files, and {@code toml} blocks set {@code python-version} / {@code python-platform}
 * (inherited by child sections, replaced wholesale). Anything outside this subset is a parse error,
 * so a suite cannot silently mean something else.
 */
final class MdSuite {

    /** One embedded file: its text and, per code block, where its lines start in the Markdown. */
    static final class EmbeddedFile {
        final String path;
        final StringBuilder code = new StringBuilder();
        /** Pairs: first line of the block within the file (0-based), first Markdown line (1-based). */
        final List<int[]> blocks = new ArrayList<>();
        int lines;

        EmbeddedFile(String path) {
            this.path = path;
        }

        void append(String blockCode, int markdownLine) {
            if (blockCode.isEmpty()) {
                return;
            }
            if (code.length() > 0) {
                code.append('\n');
            }
            blocks.add(new int[] {lines, markdownLine});
            code.append(blockCode);
            lines += (int) blockCode.chars().filter(c -> c == '\n').count() + 1;
        }

        /** The Markdown line of a 1-based line of this file. */
        int markdownLine(int fileLine) {
            int[] best = blocks.get(0);
            for (int[] b : blocks) {
                if (b[0] <= fileLine - 1) {
                    best = b;
                }
            }
            return best[1] + (fileLine - 1 - best[0]);
        }
    }

    record Config(String pythonVersion, String platform) {
        static final Config DEFAULT = new Config("3.10", "linux");
    }

    static final class Test {
        final String name;
        final Config config;
        final Map<String, EmbeddedFile> files = new LinkedHashMap<>();

        Test(String name, Config config) {
            this.name = name;
            this.config = config;
        }
    }

    private static final class Section {
        final int level;
        final String name;
        Config config;
        Test test;
        boolean hasChildren;

        Section(int level, String name, Config config) {
            this.level = level;
            this.name = name;
            this.config = config;
        }
    }

    static List<Test> parse(String fileName, String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Test> tests = new ArrayList<>();
        List<Section> open = new ArrayList<>();
        open.add(new Section(0, fileName, Config.DEFAULT));
        String pendingLabel = null;
        boolean previousBlank = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Section section = open.get(open.size() - 1);
            if (line.startsWith("#")) {
                int level = 0;
                while (level < line.length() && line.charAt(level) == '#') {
                    level++;
                }
                String title = line.substring(level).strip();
                if (!title.isEmpty()) {
                    while (open.get(open.size() - 1).level >= level) {
                        open.remove(open.size() - 1);
                    }
                    Section parent = open.get(open.size() - 1);
                    if (parent.test != null) {
                        throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": header after code in the parent section");
                    }
                    parent.hasChildren = true;
                    open.add(new Section(level, title, parent.config));
                }
                pendingLabel = null;
                previousBlank = false;
            } else if (line.startsWith("```")) {
                if (!previousBlank && pendingLabel == null) {
                    throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": a code fence needs a blank line before it");
                }
                String lang = line.substring(3).strip();
                int close = i + 1;
                StringBuilder code = new StringBuilder();
                while (close < lines.length && !lines[close].contains("```")) {
                    if (close > i + 1) {
                        code.append('\n');
                    }
                    code.append(lines[close]);
                    close++;
                }
                if (close >= lines.length) {
                    throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": unclosed code fence");
                }
                switch (lang) {
                    case "toml" -> section.config = parseConfig(fileName, i + 1, code.toString(), section.config);
                    case "py", "python", "pyi" -> {
                        if (section.hasChildren) {
                            throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": code in a section with subsections");
                        }
                        if (section.test == null) {
                            section.test = new Test(testName(open), section.config);
                            tests.add(section.test);
                        }
                        String path = pendingLabel != null ? pendingLabel
                                : "mdtest_snippet." + (lang.equals("pyi") ? "pyi" : "py");
                        section.test.files.computeIfAbsent(path, EmbeddedFile::new).append(code.toString(), i + 2);
                    }
                    case "ignore", "pycon" -> {
                    }
                    default -> throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": unsupported code block language '" + lang + "'");
                }
                i = close;
                pendingLabel = null;
                previousBlank = false;
            } else if (line.startsWith("`") && !line.startsWith("``")) {
                int end = line.indexOf('`', 1);
                String rest = end > 0 ? line.substring(end + 1).strip() : "";
                pendingLabel = end > 0 && rest.startsWith(":") ? line.substring(1, end) : null;
                previousBlank = false;
            } else if (line.isEmpty()) {
                previousBlank = true;
            } else {
                pendingLabel = null;
                previousBlank = false;
            }
        }
        return tests;
    }

    private static String testName(List<Section> open) {
        StringBuilder name = new StringBuilder();
        for (Section s : open) {
            if (name.length() > 0) {
                name.append(" - ");
            }
            name.append(s.name);
        }
        return name.toString();
    }

    private static Config parseConfig(String fileName, int line, String toml, Config inherited) {
        String version = Config.DEFAULT.pythonVersion();
        String platform = Config.DEFAULT.platform();
        for (String raw : toml.split("\n")) {
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#") || l.equals("[environment]")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(fileName + ":" + line + ": unsupported configuration line: " + l);
            }
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip().replace("\"", "");
            switch (key) {
                case "python-version" -> version = value;
                case "python-platform" -> platform = value;
                default -> throw new IllegalArgumentException(fileName + ":" + line + ": unsupported configuration key: " + key);
            }
        }
        return new Config(version, platform);
    }
}
