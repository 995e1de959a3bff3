package dev.typhon.cli.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line each key of a TOML document is written on, for error messages that point at it.
 *
 * <p>Why not the parser's token locations: jackson-dataformat-toml reads the whole document into a
 * tree before it streams tokens, so every token reports line -1. Jackson still parses (and reports
 * syntax errors with their line); this scanner only maps a dotted key path to the line of its
 * table header or {@code key = value}, skipping strings, comments and multi-line values. A key
 * inside an inline table reports the line of the key that holds the table.
 */
final class TomlLines {
    private final Map<List<String>, Integer> lines = new HashMap<>();

    private TomlLines() {
    }

    static TomlLines of(String text) {
        TomlLines t = new TomlLines();
        t.scan(text);
        return t;
    }

    /** The 1-based line of {@code path}, or of its longest prefix that is written down, or 0. */
    int lineOf(List<String> path) {
        for (int n = path.size(); n > 0; n--) {
            Integer line = lines.get(path.subList(0, n));
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    private void scan(String text) {
        List<String> table = List.of();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            // at the start of a line, outside any value
            int p = skipBlanks(text, i);
            if (p < n && text.charAt(p) == '[') {
                boolean array = p + 1 < n && text.charAt(p + 1) == '[';
                KeyRead header = readKey(text, p + (array ? 2 : 1));
                table = header.keys();
                lines.putIfAbsent(table, line);
                i = header.end();
            } else if (p < n && text.charAt(p) != '#' && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
                KeyRead key = readKey(text, p);
                List<String> full = new ArrayList<>(table);
                full.addAll(key.keys());
                for (int k = table.size() + 1; k <= full.size(); k++) {
                    lines.putIfAbsent(List.copyOf(full.subList(0, k)), line);
                }
                int[] after = skipValue(text, key.end(), line);
                i = after[0];
                line = after[1];
            } else {
                i = p;
            }
            // to the start of the next line
            while (i < n && text.charAt(i) != '\n') {
                i++;
            }
            if (i < n) {
                i++;
                line++;
            }
        }
    }

    private record KeyRead(List<String> keys, int end) {
    }

    /** Reads a dotted key (bare or quoted parts) up to {@code =} or {@code ]}. */
    private static KeyRead readKey(String text, int i) {
        List<String> keys = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    if (c == '"' && text.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    part.append(text.charAt(j));
                    j++;
                }
                i = Math.min(j + 1, n);
            } else if (c == '.') {
                keys.add(part.toString().strip());
                part.setLength(0);
                i++;
            } else if (c == '=' || c == ']' || c == '\n') {
                break;
            } else {
                part.append(c);
                i++;
            }
        }
        keys.add(part.toString().strip());
        if (i < n && text.charAt(i) == '=') {
            i++;
        }
        return new KeyRead(List.copyOf(keys), i);
    }

    /**
     * Skips a value that may span lines (arrays, inline tables, multi-line strings); returns the
     * offset of the rest of its last line and that line's number.
     */
    private static int[] skipValue(String text, int i, int line) {
        int depth = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("\"\"\"", i) || text.startsWith("'''", i)) {
                String delimiter = text.substring(i, i + 3);
                int end = text.indexOf(delimiter, i + 3);
                end = end < 0 ? n : end + 3;
                line += count(text, i, end);
                i = end;
                continue;
            }
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += c == '"' && text.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(j + 1, n);
                continue;
            }
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '\n') {
                if (depth == 0) {
                    return new int[] {i, line};
                }
                line++;
            }
            i++;
        }
        return new int[] {i, line};
    }

    private static int count(String text, int from, int to) {
        int c = 0;
        for (int k = from; k < to && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                c++;
            }
        }
        return c;
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
