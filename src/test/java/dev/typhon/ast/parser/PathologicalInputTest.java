package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.Stmt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The inputs the issue names: each gives errors (or a tree), never an exception. */
class PathologicalInputTest {

    private static final int FIFTY_MB = 50 * 1024 * 1024;

    @Test
    void aFiftyMegabyteFileParses() {
        byte[] chunk = ("def f(a, b=1, *c, **d):\n"
                + "    \"\"\"Doc.\"\"\"\n"
                + "    return [x ** 2 for x in range(a) if x % b] + list(c) + [d.get('k', f'{a!r:>10}')]\n"
                + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(FIFTY_MB + chunk.length);
        int copies = 0;
        while (out.size() < FIFTY_MB) {
            out.writeBytes(chunk);
            copies++;
        }
        ParseResult r = PythonParser.parse(out.toByteArray());
        assertEquals(List.of(), r.errors());
        assertEquals(copies, r.module().body().size());
        Stmt last = r.module().body().get(copies - 1);
        assertEquals(copies * 4 - 3, ((dev.typhon.ast.Located) last).lineno());
    }

    @Test
    void fiftyMegabytesOfRandomBytesGiveErrorsNotExceptions() {
        byte[] garbage = new byte[FIFTY_MB];
        new Random(20261121L).nextBytes(garbage);
        ParseResult r = PythonParser.parse(garbage);
        assertFalse(r.errors().isEmpty());
        for (SyntaxError e : r.errors()) {
            assertTrue(e.startOffset() <= e.endOffset() && e.endOffset() <= r.source().text().length(), e.toString());
        }
    }

    @Test
    void nulBytesAreASyntaxError() {
        ParseResult r = PythonParser.parse("x = 1\0\ny = 2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("source code string cannot contain null bytes", r.errors().get(0).message());
    }

    @Test
    void invalidUtf8IsASyntaxErrorWithCPythonsMessage() {
        ParseResult r = PythonParser.parse(new byte[] {'x', ' ', '=', ' ', '\'', (byte) 0xff, '\'', '\n'});
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals("(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
                r.errors().get(0).message());
        assertEquals(1, r.errors().get(0).lineno());
    }

    @Test
    void aHundredThousandNestedParenthesesAreAnError() {
        String source = "(".repeat(100_000) + ")".repeat(100_000) + "\n";
        ParseResult r = PythonParser.parse(source.getBytes(StandardCharsets.US_ASCII));
        assertEquals("too many nested parentheses", r.errors().get(0).message());
    }

    @Test
    void errorsAfterAnErrorAreStillReportedAndGoodStatementsKept() {
        ParseResult r = PythonParser.parse("a = (\nb = 1\n".getBytes(StandardCharsets.US_ASCII));
        assertFalse(r.errors().isEmpty());
        ParseResult many = PythonParser.parse("x = = 1\ny = 2\nz = ) 3\nw = 4\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, many.errors().size(), many.errors().toString());
        // The broken statements stay too, with placeholders for what is missing.
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='', ctx=Store())], "
                + "value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2)), "
                + "Assign(targets=[Name(id='z', ctx=Store())], value=Name(id='', ctx=Load())), "
                + "Assign(targets=[Name(id='w', ctx=Store())], value=Constant(value=4))], type_ignores=[])",
                dev.typhon.ast.dump.AstDump.dump(many.module(), false));
    }
}
