package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.dump.AstDump;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Pathological nesting never overflows the stack: past a depth limit the source is rejected with
 * an error, as CPython rejects it, and everything up to the limit parses on a thread with a
 * 512 KB stack. Accepted trees are shallow enough for recursive consumers such as the dump.
 */
class ParserDepthTest {

    private static final long SMALL_STACK = 512 * 1024;

    private record Shape(String name, IntFunction<String> source) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("parentheses", n -> "(".repeat(n) + "1" + ")".repeat(n)),
            new Shape("lists", n -> "[".repeat(n) + "]".repeat(n)),
            new Shape("unary minus", n -> "-".repeat(n) + "1"),
            new Shape("not", n -> "not ".repeat(n) + "x"),
            new Shape("lambdas", n -> "lambda:".repeat(n) + "1"),
            new Shape("additions", n -> String.join("+", Collections.nCopies(n, "1"))),
            new Shape("powers", n -> String.join("**", Collections.nCopies(n, "2"))),
            new Shape("conditionals", n -> "a if b else ".repeat(n) + "c"),
            new Shape("attributes", n -> "a" + ".b".repeat(n)),
            new Shape("calls", n -> "f" + "()".repeat(n)),
            new Shape("subscripts", n -> "a" + "[0]".repeat(n)),
            new Shape("elifs", n -> "if a: pass\n" + "elif b: pass\n".repeat(n)),
            new Shape("f-strings", n -> "f'{".repeat(n) + "x" + "}'".repeat(n)),
            new Shape("blocks", n -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < Math.min(n, 2000); i++) {
                    sb.append(" ".repeat(i)).append("if x:\n");
                }
                return sb.append(" ".repeat(Math.min(n, 2000))).append("pass\n").toString();
            }));

    /** Runs {@code work} on a fresh thread with {@code stack} bytes of stack; rethrows what it threw. */
    private static void onThread(long stack, Runnable work) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                work.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", stack);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void assertNoInternalError(ParseResult result, String what) {
        for (SyntaxError e : result.errors()) {
            assertFalse(e.message().startsWith("internal") || e.message().contains("stack overflow"),
                    () -> what + ": " + e);
        }
    }

    @Test
    void hugeNestingIsAnErrorNotAStackOverflow() throws Throwable {
        onThread(SMALL_STACK, () -> {
            for (Shape shape : SHAPES) {
                for (int n : new int[] {3_000, 100_000}) {
                    ParseResult result = PythonParser.parse(shape.source().apply(n), ParseOptions.DEFAULT);
                    String what = shape.name() + " x" + n;
                    assertNoInternalError(result, what);
                    assertTrue(result.hasErrors(), () -> what + " was accepted");
                }
            }
        });
    }

    @Test
    void nestingUpToTheLimitParsesOnASmallStack() throws Throwable {
        List<ParseResult> results = new ArrayList<>();
        onThread(SMALL_STACK, () -> {
            for (Shape shape : SHAPES) {
                // 199 brackets is CPython's limit (the tokenizer's), 99 indented blocks its other.
                int n = switch (shape.name()) {
                    case "parentheses", "lists" -> 199;
                    case "blocks" -> 98;
                    case "f-strings" -> 100;
                    case "powers" -> 300;
                    case "lambdas" -> 400;
                    case "conditionals" -> 550;
                    default -> 900;
                };
                String what = shape.name() + " x" + n;
                ParseResult result = PythonParser.parse(shape.source().apply(n), ParseOptions.DEFAULT);
                assertNoInternalError(result, what);
                if (!shape.name().equals("f-strings")) {
                    assertEquals(List.of(), result.errors(), what);
                }
                results.add(result);
            }
        });
        // A consumer recursing over the deepest accepted trees needs no more than a default stack.
        onThread(1024 * 1024, () -> results.forEach(r -> AstDump.dump(r.module(), true)));
    }
}
