package dev.typhon.ast.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the directives in a file's {@link Comments}: suppressions ({@code # type: ignore},
 * {@code # type: ignore[code, ...]}, {@code # ty: ignore[rule, ...]},
 * {@code # typhon: ignore[rule, ...]}) and PEP 484 type comments ({@code # type: List[int]}).
 *
 * <p>A line's comment runs to the end of the line, so it may hold several {@code #} sections: a
 * suppression is found after any of them, as in ty ({@code x = f()  # noqa: E501  # ty: ignore[rule]},
 * {@code # type: ignore # ty: ignore[rule]}), while a type comment counts only at the start of the
 * comment, as in CPython. Its type ends before a following {@code #} section. Names are case
 * sensitive; whitespace is allowed after the colon and around codes, not before the colon (as in
 * CPython's and mypy's {@code type:}). A section that is not a well-formed directive (say
 * {@code # ty: ignore[unclosed}) is not one; the sections after it are still read.
 */
public final class CommentDirectives {

    /** The tool a suppression addresses. */
    public enum Tool {
        /** {@code # type: ignore}: PEP 484, every type checker. */
        TYPE("type"),
        /** {@code # ty: ignore}: Astral's ty, whose rule names Typhon shares. */
        TY("ty"),
        /** {@code # typhon: ignore}: Typhon only. */
        TYPHON("typhon");

        private final String prefix;

        Tool(String prefix) {
            this.prefix = prefix;
        }

        /** The word before the colon. */
        public String prefix() {
            return prefix;
        }
    }

    /** A directive comment: where it starts (its {@code #}) and ends, and its 1-based line. */
    public sealed interface Directive permits Suppression, TypeComment {
        int start();

        int end();

        int line();
    }

    /**
     * {@code # TOOL: ignore} or {@code # TOOL: ignore[code, ...]}: the codes in order, blanks
     * dropped; empty when none were given (which suppresses everything).
     */
    public record Suppression(Tool tool, List<String> codes, int start, int end, int line) implements Directive {
        public Suppression {
            codes = List.copyOf(codes);
        }

        /** True when no code narrows the suppression. */
        public boolean suppressesAll() {
            return codes.isEmpty();
        }
    }

    /** {@code # type: TYPE}: the type's text, stripped, as PEP 484 type comments give it. */
    public record TypeComment(String type, int start, int end, int line) implements Directive {
    }

    private CommentDirectives() {
    }

    /** The directives in comment {@code index} of {@code comments}, in order. */
    public static List<Directive> in(Comments comments, int index) {
        return parse(comments.source(), comments.start(index), comments.end(index), comments.line(index));
    }

    /** Every directive of the file, in order. */
    public static List<Directive> all(Comments comments) {
        List<Directive> all = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            all.addAll(in(comments, i));
        }
        return all;
    }

    /** The suppressions on 1-based {@code line}, in order (empty when it has none). */
    public static List<Suppression> suppressions(Comments comments, int line) {
        int i = comments.onLine(line);
        if (i < 0) {
            return List.of();
        }
        List<Suppression> found = new ArrayList<>(1);
        for (Directive d : in(comments, i)) {
            if (d instanceof Suppression s) {
                found.add(s);
            }
        }
        return found;
    }

    /** The type comment on 1-based {@code line}, if any. */
    public static Optional<TypeComment> typeComment(Comments comments, int line) {
        int i = comments.onLine(line);
        if (i < 0) {
            return Optional.empty();
        }
        List<Directive> ds = in(comments, i);
        return !ds.isEmpty() && ds.get(0) instanceof TypeComment t ? Optional.of(t) : Optional.empty();
    }

    /**
     * The directives in the comment {@code text[start, end)} (starting with {@code #}) on
     * 1-based {@code line}, in order.
     */
    public static List<Directive> parse(String text, int start, int end, int line) {
        if (start < 0 || end > text.length() || start >= end || text.charAt(start) != '#') {
            return List.of();
        }
        List<Directive> found = List.of();
        for (int hash = start; hash >= 0 && hash < end; hash = text.indexOf('#', hash + 1)) {
            Directive d = section(text, hash, end, line, hash == start);
            if (d != null) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(2);
                }
                found.add(d);
                if (d instanceof TypeComment) {
                    // The type ends before the next section; continue from there.
                    hash = d.end() - 1;
                }
            }
        }
        return found;
    }

    /** The directive of the section at {@code hash}, or null. */
    private static Directive section(String text, int hash, int end, int line, boolean first) {
        int p = skipBlanks(text, hash + 1, end);
        int wordEnd = wordEnd(text, p, end);
        Tool tool = tool(text, p, wordEnd);
        if (tool == null || wordEnd >= end || text.charAt(wordEnd) != ':') {
            return null;
        }
        p = skipBlanks(text, wordEnd + 1, end);
        int after = wordEnd(text, p, end);
        if (after - p == 6 && text.startsWith("ignore", p)) {
            if (after < end && text.charAt(after) == '[') {
                int close = text.indexOf(']', after + 1);
                List<String> codes = close < 0 || close >= end ? null : codes(text, after + 1, close);
                if (codes != null && sectionEnds(text, close + 1, end)) {
                    return new Suppression(tool, codes, hash, close + 1, line);
                }
                // A malformed list: `type: ignore` still suppresses everything (CPython keeps a
                // TypeIgnore whatever follows); a ty or typhon one is no directive.
                return tool == Tool.TYPE ? new Suppression(tool, List.of(), hash, after, line) : null;
            }
            if (tool == Tool.TYPE || sectionEnds(text, after, end)) {
                return new Suppression(tool, List.of(), hash, after, line);
            }
            return null;
        }
        if (tool != Tool.TYPE || !first) {
            return null;
        }
        int typeEnd = text.indexOf('#', p);
        if (typeEnd < 0 || typeEnd > end) {
            typeEnd = end;
        }
        int e = typeEnd;
        while (e > p && isBlank(text.charAt(e - 1))) {
            e--;
        }
        if (e == p) {
            return null;
        }
        return new TypeComment(text.substring(p, e), hash, typeEnd, line);
    }

    /** The codes between brackets, or null when one is malformed. */
    private static List<String> codes(String text, int from, int to) {
        List<String> codes = new ArrayList<>();
        int p = from;
        while (p <= to) {
            int comma = text.indexOf(',', p);
            int stop = comma < 0 || comma > to ? to : comma;
            int s = skipBlanks(text, p, stop);
            int e = stop;
            while (e > s && isBlank(text.charAt(e - 1))) {
                e--;
            }
            if (s < e) {
                for (int k = s; k < e; k++) {
                    char c = text.charAt(k);
                    if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                        return null;
                    }
                }
                codes.add(text.substring(s, e));
            }
            p = stop + 1;
        }
        return codes;
    }

    private static Tool tool(String text, int from, int to) {
        for (Tool t : Tool.values()) {
            if (to - from == t.prefix.length() && text.startsWith(t.prefix, from)) {
                return t;
            }
        }
        return null;
    }

    /** True when the section ends at {@code p}: the comment's end, blanks, or another {@code #}. */
    private static boolean sectionEnds(String text, int p, int end) {
        return p >= end || isBlank(text.charAt(p)) || text.charAt(p) == '#';
    }

    private static int wordEnd(String text, int p, int end) {
        while (p < end && (Character.isLetterOrDigit(text.charAt(p)) || text.charAt(p) == '_')) {
            p++;
        }
        return p;
    }

    private static int skipBlanks(String text, int p, int end) {
        while (p < end && isBlank(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }
}
