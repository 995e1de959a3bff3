package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.typhon.ast.dump.AstDump;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After an error the parser skips to the next statement and goes on: every error is reported, and
 * the broken statement keeps what was typed, with placeholders for what is missing.
 */
class ParserRecoveryTest {

    private static List<String> errors(ParseResult result) {
        return result.errors().stream().map(e -> e.lineno() + ":" + e.column() + " " + e.message()).toList();
    }

    @Test
    void everyBrokenStatementIsReportedAndTheOthersKept() {
        String source = """
                x = 1
                y = 2 +
                z = 3
                def f(a b):
                    return 4
                w = 5 6
                class C:
                    a = 1
                    b = = 2
                    c = 3
                if x
                    pass
                v = 7
                for x in y:
                u = 8
                """;
        ParseResult result = PythonParser.parse(source, ParseOptions.DEFAULT);
        assertEquals(List.of(
                "2:8 invalid syntax",
                "4:9 invalid syntax",
                "6:7 invalid syntax",
                "9:9 invalid syntax",
                "11:5 expected ':'",
                "15:1 expected an indented block after 'for' statement on line 14"), errors(result));
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
                + "Assign(targets=[Name(id='y', ctx=Store())], value=BinOp(left=Constant(value=2), op=Add(), "
                + "right=Name(id='', ctx=Load()))), "
                + "Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value=3)), "
                + "FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[], "
                + "kw_defaults=[], defaults=[]), body=[Return(value=Constant(value=4))], decorator_list=[], "
                + "type_params=[]), "
                + "Assign(targets=[Name(id='w', ctx=Store())], value=Constant(value=5)), "
                + "ClassDef(name='C', bases=[], keywords=[], body=[Assign(targets=[Name(id='a', ctx=Store())], "
                + "value=Constant(value=1)), Assign(targets=[Name(id='b', ctx=Store()), Name(id='', ctx=Store())], "
                + "value=Constant(value=2)), Assign(targets=[Name(id='c', ctx=Store())], value=Constant(value=3))], "
                + "decorator_list=[], type_params=[]), If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[]), "
                + "Assign(targets=[Name(id='v', ctx=Store())], "
                + "value=Constant(value=7)), For(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), "
                + "body=[], orelse=[]), Assign(targets=[Name(id='u', ctx=Store())], value=Constant(value=8))], "
                + "type_ignores=[])", AstDump.dump(result.module(), false));
    }

    @Test
    void theStatementsOfABrokenLineStay() {
        ParseResult result = PythonParser.parse("a = 1; b = ; c = 3\nd = 4\n", ParseOptions.DEFAULT);
        assertEquals(List.of("1:12 invalid syntax"), errors(result));
        assertEquals("Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=Constant(value=1)), "
                + "Assign(targets=[Name(id='b', ctx=Store())], value=Name(id='', ctx=Load())), "
                + "Assign(targets=[Name(id='c', ctx=Store())], value=Constant(value=3)), "
                + "Assign(targets=[Name(id='d', ctx=Store())], value=Constant(value=4))], type_ignores=[])",
                AstDump.dump(result.module(), false));
    }

    @Test
    void theBodyOfABrokenHeaderIsParsedForItsOwnErrors() {
        ParseResult result = PythonParser.parse("if x y:\n    x = (1 2)\n    y = 3\nz = 4\n", ParseOptions.DEFAULT);
        // CPython stops at the first error; here the body's error is found as well.
        assertEquals(2, result.errors().size(), () -> errors(result).toString());
        // The header keeps its test; the block is its body, without the statement that failed in it.
        assertEquals("Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='x', "
                + "ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], "
                + "value=Constant(value=3))], orelse=[]), Assign(targets=[Name(id='z', ctx=Store())], "
                + "value=Constant(value=4))], type_ignores=[])", AstDump.dump(result.module(), false));
    }

    @Test
    void unexpectedIndentIsReportedAndTheIndentedStatementsKept() {
        ParseResult result = PythonParser.parse("a = 1\n    b = 2\nc = 3\n", ParseOptions.DEFAULT);
        assertEquals(List.of("2:4 unexpected indent"), errors(result));
        assertEquals(3, result.module().body().size());
    }

    @Test
    void tokenizerAndParserErrorsComeInSourceOrder() {
        ParseResult result = PythonParser.parse("a = $\nb = 'abc\nc = (1 2)\n", ParseOptions.DEFAULT);
        List<String> errors = errors(result);
        assertEquals(3, errors.size(), errors::toString);
        assertEquals(List.of(1, 2, 3), result.errors().stream().map(SyntaxError::lineno).toList());
    }

    @Test
    void theClausesOfAFailedStatementAddNoErrors() {
        String source = """
                if x y:
                    pass
                elif z:
                    pass
                else:
                    pass
                try
                    pass
                except E:
                    pass
                finally:
                    pass
                a = 1
                """;
        ParseResult result = PythonParser.parse(source, ParseOptions.DEFAULT);
        assertEquals(List.of("1:6 invalid syntax", "7:4 expected ':'"), errors(result));
        // The broken headers stay with their first block; their other clauses are skipped.
        assertEquals("Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[]), "
                + "Try(body=[Pass()], handlers=[], orelse=[], finalbody=[]), "
                + "Assign(targets=[Name(id='a', ctx=Store())], value=Constant(value=1))], "
                + "type_ignores=[])", AstDump.dump(result.module(), false));
    }
}
