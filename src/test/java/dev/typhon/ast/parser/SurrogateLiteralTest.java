package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.typhon.ast.Assign;
import dev.typhon.ast.Constant;
import dev.typhon.ast.dump.AstDump;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Python can hold a high and a low surrogate as two code points, where a Java string would read
 * one supplementary character. The expected dumps below are CPython 3.13's.
 */
class SurrogateLiteralTest {

    private static String dump(String source) {
        ParseResult r = PythonParser.parse(source.getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.List.of(), r.errors());
        return AstDump.dump(r.module(), false);
    }

    @Test
    void escapedSurrogatesStayTwoCodePoints() {
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\\ud800\\udc00'))], type_ignores=[])",
                dump("x = \"\\ud800\\udc00\"\n"));
    }

    @Test
    void concatenationKeepsSurrogatesFromSeparateLiteralsApart() {
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\\ud800\\udc00'))], type_ignores=[])",
                dump("x = \"\\ud800\" \"\\udc00\"\n"));
    }

    @Test
    void aSupplementaryCharacterIsOneCodePoint() {
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\uD800\uDC00'))], type_ignores=[])",
                dump("x = \"\\U00010000\"\n"));
    }

    @Test
    void fStringPiecesMergeWithoutJoiningSurrogates() {
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='\\ud83d'), "
                        + "FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='\\ude00\\ud83d\\ude00')]))], type_ignores=[])",
                dump("x = f\"\\ud83d{y}\\ude00\" \"\\ud83d\" f\"\\ude00\"\n"));
    }

    @Test
    void splitAndJoinedPairsAreDifferentValues() {
        Constant split = (Constant) ((Assign) PythonParser.parse("x = '\\ud83d\\ude00'\n".getBytes(StandardCharsets.UTF_8))
                .module().body().get(0)).value();
        Constant joined = (Constant) ((Assign) PythonParser.parse("x = '\\U0001F600'\n".getBytes(StandardCharsets.UTF_8))
                .module().body().get(0)).value();
        assertNotEquals(split.value(), joined.value());
    }
}
