package dev.typhon.mdtest;

import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.source.Comments;
import dev.typhon.ast.source.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds a file's assertion comments among the comments the tokenizer found (so a {@code #} in a
 * string never counts) and works out the line each applies to (§6.5).
 */
public final class AssertionExtractor {

    /**
     * A file's assertions by target line, ascending, plus the stacks of own-line assertions at the
     * end of the file that no line follows.
     *
     * @param trailingStacks the comment line of the last assertion of each such stack
     */
    public record FileAssertions(List<LineAssertions> lines, List<Integer> trailingStacks) {
        public FileAssertions {
            lines = List.copyOf(lines);
            trailingStacks = List.copyOf(trailingStacks);
        }
    }

    private AssertionExtractor() {
    }

    /** The assertions of a parsed file. */
    public static FileAssertions extract(ParseResult parsed) {
        return extract(parsed.source().text(), parsed.comments());
    }

    /**
     * The assertions among {@code comments} of {@code text}. An own-line assertion starts a stack;
     * assertions on the immediately following lines join it while they are own-line, and a trailing
     * one joins it and ends it, the stack then applying to that line; otherwise the stack applies to
     * the line after its last comment. A trailing assertion applies to its own line.
     */
    public static FileAssertions extract(String text, Comments comments) {
        List<Assertion> found = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            Assertion a = Assertion.fromComment(comments.text(i), comments.line(i), isOwnLine(text, comments.start(i)));
            if (a != null) {
                found.add(a);
            }
        }
        int lineCount = LineIndex.of(text).lineCount();
        TreeMap<Integer, List<Assertion>> byLine = new TreeMap<>();
        List<Integer> trailing = new ArrayList<>();
        int k = 0;
        while (k < found.size()) {
            Assertion first = found.get(k++);
            List<Assertion> group = new ArrayList<>();
            group.add(first);
            int line = first.line();
            if (first.ownLine()) {
                boolean onlyOwnLine = true;
                while (k < found.size() && found.get(k).line() == line + 1) {
                    Assertion next = found.get(k++);
                    group.add(next);
                    line++;
                    if (!next.ownLine()) {
                        onlyOwnLine = false;
                        break;
                    }
                }
                if (onlyOwnLine) {
                    if (line + 1 > lineCount) {
                        trailing.add(line);
                        continue;
                    }
                    line++;
                }
            }
            byLine.computeIfAbsent(line, l -> new ArrayList<>()).addAll(group);
        }
        List<LineAssertions> lines = new ArrayList<>();
        byLine.forEach((line, group) -> lines.add(new LineAssertions(line, group)));
        return new FileAssertions(lines, trailing);
    }

    /** True when only spaces, tabs and form feeds precede {@code offset} on its line. */
    static boolean isOwnLine(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }
}
