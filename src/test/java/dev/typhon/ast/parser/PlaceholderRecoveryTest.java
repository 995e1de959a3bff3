package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.Assign;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.Name;
import dev.typhon.ast.Placeholders;
import dev.typhon.ast.dump.AstDump;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A statement with a syntax error keeps what was typed, with {@link Placeholders} for what is
 * missing, while the errors stay those of the failed parse (CPython's message and position).
 */
class PlaceholderRecoveryTest {

    private static String errors(ParseResult result) {
        return String.join(" | ", result.errors().stream().map(e -> e.lineno() + ":" + e.column() + " " + e.message())
                .toList());
    }

    /** The body of the module's dump, without the {@code Module(body=[...], type_ignores=[])} frame. */
    private static String body(ParseResult result) {
        String dump = AstDump.dump(result.module(), false);
        String prefix = "Module(body=[";
        String suffix = "], type_ignores=[])";
        assertTrue(dump.startsWith(prefix) && dump.endsWith(suffix), dump);
        return dump.substring(prefix.length(), dump.length() - suffix.length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            x = foo.            | 1:9 invalid syntax | Assign(targets=[Name(id='x', ctx=Store())], value=Attribute(value=Name(id='foo', ctx=Load()), attr='', ctx=Load()))
            `x = `              | 1:5 invalid syntax | Assign(targets=[Name(id='x', ctx=Store())], value=Name(id='', ctx=Load()))
            x += 1 +            | 1:9 invalid syntax | AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=BinOp(left=Constant(value=1), op=Add(), right=Name(id='', ctx=Load())))
            `x: `               | 1:4 invalid syntax | AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='', ctx=Load()), simple=1)
            def f(              | 1:6 '(' was never closed | FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[], decorator_list=[], type_params=[])
            def f(a, *b, c=     | 1:6 '(' was never closed | FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], vararg=arg(arg='b'), kwonlyargs=[arg(arg='c')], kw_defaults=[Name(id='', ctx=Load())], defaults=[]), body=[], decorator_list=[], type_params=[])
            def                 | 1:4 invalid syntax | FunctionDef(name='', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[], decorator_list=[], type_params=[])
            async def f(        | 1:12 '(' was never closed | AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[], decorator_list=[], type_params=[])
            class C(B,          | 1:8 '(' was never closed | ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[], body=[], decorator_list=[], type_params=[])
            if x                | 1:5 expected ':' | If(test=Name(id='x', ctx=Load()), body=[], orelse=[])
            for x in            | 1:9 invalid syntax | For(target=Name(id='x', ctx=Store()), iter=Name(id='', ctx=Load()), body=[], orelse=[])
            for                 | 1:4 invalid syntax | For(target=Name(id='', ctx=Store()), iter=Name(id='', ctx=Load()), body=[], orelse=[])
            with open(p) as     | 1:16 invalid syntax | With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='p', ctx=Load())], keywords=[]), optional_vars=Name(id='', ctx=Store()))], body=[])
            import a.           | 1:10 invalid syntax | Import(names=[alias(name='a.')])
            import a, b as      | 1:15 invalid syntax | Import(names=[alias(name='a'), alias(name='b', asname='')])
            from m import       | 1:14 Expected one or more names after 'import' | ImportFrom(module='m', names=[], level=0)
            from . import (a,   | 1:15 '(' was never closed | ImportFrom(names=[alias(name='a')], level=1)
            return (            | 1:8 '(' was never closed | Return(value=Name(id='', ctx=Load()))
            f(a,                | 1:2 '(' was never closed | Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]))
            f(a, b=             | 1:2 '(' was never closed | Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[keyword(arg='b', value=Name(id='', ctx=Load()))]))
            x = [1, 2           | 1:5 '[' was never closed | Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))
            x = [               | 1:5 '[' was never closed | Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[], ctx=Load()))
            x = {1:             | 1:5 '{' was never closed | Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[Constant(value=1)], values=[Name(id='', ctx=Load())]))
            x = (1,             | 1:5 '(' was never closed | Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load()))
            x = a[               | 1:6 '[' was never closed | Assign(targets=[Name(id='x', ctx=Store())], value=Subscript(value=Name(id='a', ctx=Load()), slice=Name(id='', ctx=Load()), ctx=Load()))
            x = [y for y in     | 1:5 '[' was never closed | Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Name(id='y', ctx=Load()), generators=[comprehension(target=Name(id='y', ctx=Store()), iter=Name(id='', ctx=Load()), ifs=[], is_async=0)]))
            x = a if b          | 1:5 expected 'else' after 'if' expression | Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='', ctx=Load())))
            x = 'abc            | 1:5 unterminated string literal (detected at line 1) | Assign(targets=[Name(id='x', ctx=Store())], value=Name(id='', ctx=Load()))
            lambda x:           | 1:10 invalid syntax | Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='', ctx=Load())))
            y = lambda x        | 1:13 invalid syntax | Assign(targets=[Name(id='y', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='', ctx=Load())))
            raise X from        | 1:13 invalid syntax | Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='', ctx=Load()))
            type X =            | 1:9 invalid syntax | TypeAlias(name=Name(id='X', ctx=Store()), type_params=[], value=Name(id='', ctx=Load()))
            x = 5 6             | 1:7 invalid syntax | Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=5))
            if x: y = foo.      | 1:15 invalid syntax | If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], value=Attribute(value=Name(id='foo', ctx=Load()), attr='', ctx=Load()))], orelse=[])
            """)
    void aBrokenStatementKeepsWhatWasTyped(String source, String expectedErrors, String expectedBody) {
        ParseResult result = PythonParser.parse(source + "\n", ParseOptions.DEFAULT);
        assertEquals(expectedErrors, errors(result));
        assertEquals(expectedBody, body(result));
        ParseChecks.assertSane(result, source);
    }

    @Test
    void aBrokenHeaderTakesTheBlockUnderItAsItsBody() {
        ParseResult headers = PythonParser.parse("""
                for x in
                    y = x
                with open(p) as
                    pass
                if x
                    y = 1
                z = 2
                """, ParseOptions.DEFAULT);
        assertEquals("1:9 invalid syntax | 3:16 invalid syntax | 5:5 expected ':'", errors(headers));
        assertEquals("For(target=Name(id='x', ctx=Store()), iter=Name(id='', ctx=Load()), "
                + "body=[Assign(targets=[Name(id='y', ctx=Store())], value=Name(id='x', ctx=Load()))], orelse=[]), "
                + "With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='p', "
                + "ctx=Load())], keywords=[]), optional_vars=Name(id='', ctx=Store()))], body=[Pass()]), "
                + "If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], "
                + "value=Constant(value=1))], orelse=[]), "
                + "Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value=2))", body(headers));
        ParseChecks.assertSane(headers, "headers");
    }

    @Test
    void aStatementThatFailsAfterABlockKeepsTheClausesThatParsed() {
        ParseResult result = PythonParser.parse("""
                if x:
                    a = 1
                elif y
                    b = 2
                try:
                    c = 1
                except E as
                    d = 2
                while x:
                    e = 1
                else x
                    pass
                z = 3
                """, ParseOptions.DEFAULT);
        assertEquals("3:7 expected ':' | 7:12 invalid syntax | 11:6 expected ':'", errors(result));
        assertEquals("If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='a', ctx=Store())], "
                + "value=Constant(value=1))], orelse=[]), "
                + "Try(body=[Assign(targets=[Name(id='c', ctx=Store())], value=Constant(value=1))], handlers=[], "
                + "orelse=[], finalbody=[]), "
                + "While(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='e', ctx=Store())], "
                + "value=Constant(value=1))], orelse=[]), "
                + "Assign(targets=[Name(id='z', ctx=Store())], value=Constant(value=3))", body(result));
        ParseChecks.assertSane(result, "clauses");
    }

    @Test
    void laterUsesSeeTheRecoveredAssignment() {
        ParseResult result = PythonParser.parse("x = foo.\ny = x\n", ParseOptions.DEFAULT);
        assertEquals("1:9 invalid syntax", errors(result));
        assertEquals(2, result.module().body().size());
        Assign assign = (Assign) result.module().body().get(0);
        assertEquals("x", ((Name) assign.targets().get(0)).id());
        Attribute attribute = (Attribute) assign.value();
        assertTrue(Placeholders.isMissing(attribute.attr()));
        assertEquals(0, attribute.startOffset() - 4);
        assertEquals(8, attribute.endOffset()); // through the dot
    }

    @Test
    void aMissingExpressionIsAnEmptyNameWithAnEmptyRangeAfterTheLastToken() {
        ParseResult result = PythonParser.parse("value = 1 +   \n", ParseOptions.DEFAULT);
        Assign assign = (Assign) result.module().body().get(0);
        dev.typhon.ast.BinOp op = (dev.typhon.ast.BinOp) assign.value();
        Name missing = (Name) op.right();
        assertTrue(Placeholders.isMissing(missing));
        assertEquals(ExprContext.Load, missing.ctx());
        assertEquals(11, missing.startOffset());
        assertEquals(11, missing.endOffset());
        assertEquals(1, missing.lineno());
        assertEquals(11, missing.colOffset());
        assertEquals(11, missing.endColOffset());
        assertEquals(11, assign.endOffset());
        assertFalse(Placeholders.isMissing(op.left()));
        assertFalse(Placeholders.isMissing((String) null));
    }

    @Test
    void aValidFileHasNoPlaceholders() {
        ParseResult result = PythonParser.parse("x = foo.bar\nimport a.b\nf(a, b=1)\n", ParseOptions.DEFAULT);
        assertEquals(List.of(), result.errors());
        assertFalse(AstDump.dump(result.module(), false).contains("''"));
    }
}
