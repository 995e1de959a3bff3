package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Assign;
import dev.typhon.ast.AugAssign;
import dev.typhon.ast.ExprStmt;
import dev.typhon.ast.Match;
import dev.typhon.ast.Node;
import dev.typhon.ast.Stmt;
import dev.typhon.ast.TypeAlias;
import dev.typhon.testing.Interpreters;
import dev.typhon.testing.Stdlib;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Typing in progress: statements of the CPython standard library cut short, at token boundaries
 * and inside tokens, as a file that ends there. The parser must never fail, must report an error
 * where the prefix is not valid Python, must keep every node range well nested, and must keep a
 * statement of the original kind at the cut statement's position once the prefix has typed what
 * decides that kind ({@code x = a.b(} is still an Assign). Skips cleanly without a CPython 3.13+.
 */
class TruncatedStdlibRecoveryTest {

    /** One statement in this many is cut (a deterministic sample of the whole stdlib). */
    private static final int STATEMENT_STRIDE = 331;
    private static final int CUTS_PER_STATEMENT = 5;

    @Test
    void truncatedStatementsKeepTheirKind() throws Exception {
        Path python = Interpreters.cpython(13).orElse(null);
        assumeTrue(python != null, "no CPython 3.13+ found: set TYPHON_PYTHON to run the truncation test");
        List<Path> files = Stdlib.pythonFiles(Stdlib.of(python));
        assumeTrue(!files.isEmpty(), "no stdlib files");

        int samples = 0;
        int validPrefixes = 0;
        int kindChecked = 0;
        int kindKept = 0;
        int statementCounter = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (java.io.IOException | RuntimeException e) {
                continue;
            }
            ParseResult whole = PythonParser.parse(text, ParseOptions.DEFAULT);
            if (!whole.errors().isEmpty()) {
                continue; // the few stdlib files that are not valid Python (test data)
            }
            TokenBuffer tokens = Tokenizer.tokenize(text);
            for (Stmt stmt : statements(whole.module())) {
                if (statementCounter++ % STATEMENT_STRIDE != 0) {
                    continue;
                }
                for (int cut : cutPoints(stmt, tokens, text)) {
                    String prefix = text.substring(0, cut);
                    ParseResult result = PythonParser.parse(prefix, ParseOptions.DEFAULT);
                    samples++;
                    String where = file.getFileName() + " cut at " + cut + ": ..."
                            + prefix.substring(Math.max(stmt.startOffset(), cut - 60));
                    ParseChecks.assertSane(result, where);
                    assertWellNested(result.module(), prefix.length(), where);
                    if (result.errors().isEmpty()) {
                        validPrefixes++;
                        continue;
                    }
                    if (cut < decidingOffset(stmt, text)) {
                        continue;
                    }
                    kindChecked++;
                    int[] tally = byKind.computeIfAbsent(stmt.pythonName(), k -> new int[2]);
                    tally[1]++;
                    if (keptWithKind(result.module(), stmt)) {
                        kindKept++;
                        tally[0]++;
                    } else if (misses.size() < 40) {
                        misses.add(stmt.pythonName() + " in " + where.replace("\n", "\\n"));
                    }
                }
            }
        }
        double rate = kindChecked == 0 ? 1 : (double) kindKept / kindChecked;
        StringBuilder report = new StringBuilder();
        report.append(String.format("truncated stdlib statements: %d samples (%d valid prefixes), kind kept in %d of %d"
                + " (%.1f%%)%n", samples, validPrefixes, kindKept, kindChecked, 100 * rate));
        byKind.forEach((k, t) -> report.append(String.format("  %-18s %5d / %5d%n", k, t[0], t[1])));
        misses.forEach(m -> report.append("  missed: ").append(m).append('\n'));
        System.out.print(report);
        assertTrue(samples > 500, () -> "too few samples:\n" + report);
        assertTrue(rate >= 0.95, () -> "too many truncated statements lost their kind:\n" + report);
    }

    /** Every statement of the tree, in source order of discovery. */
    private static List<Stmt> statements(Node root) {
        List<Stmt> out = new ArrayList<>();
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof Stmt s) {
                out.add(s);
            }
            List<Node> children = new ArrayList<>();
            n.forEachChild(children::add);
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
        return out;
    }

    /**
     * Where to cut the statement: after some of its tokens (spread over it) and inside one token
     * (a name, number, string or operator of two characters or more).
     */
    private static List<Integer> cutPoints(Stmt stmt, TokenBuffer tokens, String text) {
        List<Integer> ends = new ArrayList<>();
        List<int[]> inner = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int s = tokens.start(i);
            int e = tokens.end(i);
            if (s < stmt.startOffset() || e > stmt.endOffset() || e <= s) {
                continue;
            }
            TokenKind k = tokens.kind(i);
            if (k == TokenKind.NEWLINE || k == TokenKind.INDENT || k == TokenKind.DEDENT || k == TokenKind.ENDMARKER) {
                continue;
            }
            ends.add(e);
            if (e - s >= 2) {
                inner.add(new int[] {s, e});
            }
        }
        List<Integer> cuts = new ArrayList<>();
        int n = ends.size();
        for (int j = 0; j < CUTS_PER_STATEMENT - 1 && n > 0; j++) {
            int c = ends.get(Math.min(n - 1, (int) ((long) n * j / (CUTS_PER_STATEMENT - 1))));
            if (!cuts.contains(c)) {
                cuts.add(c);
            }
        }
        if (!inner.isEmpty()) {
            int[] t = inner.get(inner.size() / 2);
            int c = t[0] + (t[1] - t[0]) / 2;
            if (!Character.isLowSurrogate(text.charAt(c)) && !cuts.contains(c)) {
                cuts.add(c);
            }
        }
        return cuts;
    }

    /** How much of the statement must be typed before its kind is decided. */
    private static int decidingOffset(Stmt stmt, String text) {
        return switch (stmt) {
            case Assign a -> a.value().startOffset();
            case AugAssign a -> a.value().startOffset();
            case AnnAssign a -> a.annotation().startOffset();
            case TypeAlias t -> t.value().startOffset();
            case ExprStmt e -> e.endOffset(); // a partial expression may read as anything
            case Match m -> Integer.MAX_VALUE; // a match statement needs its ':' to be one
            default -> {
                // a keyword statement: decided by its keyword(s), e.g. 'async def'
                int i = stmt.startOffset();
                while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                if (text.startsWith("async", stmt.startOffset())) {
                    while (i < text.length() && text.charAt(i) == ' ') {
                        i++;
                    }
                    while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                }
                yield i;
            }
        };
    }

    private static boolean keptWithKind(Node root, Stmt original) {
        for (Stmt s : statements(root)) {
            if (s.startOffset() == original.startOffset() && s.getClass() == original.getClass()) {
                return true;
            }
        }
        return false;
    }

    /** Every located node lies inside its located parent (decorators: inside the definition's parent). */
    static void assertWellNested(Node root, int length, String where) {
        List<Stmt> body = statements(root).stream().filter(s -> s != root).toList();
        assertFalse(body.isEmpty() && !RecoveryRanges.wellNested(topLevel(root), 0, length, java.util.Set.of()),
                () -> "ranges not well nested: " + where);
    }

    private static List<Stmt> topLevel(Node root) {
        return ((dev.typhon.ast.Module) root).body();
    }
}
