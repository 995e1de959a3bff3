package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.dump.AstDump;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trees and errors checked against CPython: every expected dump below is what CPython 3.13's
 * {@code ast.dump(ast.parse(src), include_attributes=..., show_empty=True)} printed for the source,
 * and every expected error is its {@code SyntaxError} (message, line and 1-based column).
 */
class ParserTest {

    static String dump(String source, boolean attributes) {
        ParseResult result = PythonParser.parse(source, ParseOptions.DEFAULT);
        assertEquals(java.util.List.of(), result.errors(), () -> "unexpected errors for " + source);
        return AstDump.dump(result.module(), attributes);
    }

    static Stream<Arguments> trees() {
        return Stream.of(
                Arguments.of("parenthesized operand widens the BinOp", "(a) + b", true,
                        "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, en"
                        + "d_col_offset=2), op=Add(), right=Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_"
                        + "col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_"
                        + "lineno=1, end_col_offset=7)], type_ignores=[])"),
                Arguments.of("parenthesized tuple includes its parentheses", "x = (1, 2)", true,
                        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col"
                        + "_offset=1)], value=Tuple(elts=[Constant(value=1, lineno=1, col_offset=5, end_lineno=1, end_col_offse"
                        + "t=6), Constant(value=2, lineno=1, col_offset=8, end_lineno=1, end_col_offset=9)], ctx=Load(), lineno"
                        + "=1, col_offset=4, end_lineno=1, end_col_offset=10), lineno=1, col_offset=0, end_lineno=1, end_col_of"
                        + "fset=10)], type_ignores=[])"),
                Arguments.of("bare tuple spans its trailing comma", "return 1,", true,
                        "Module(body=[Return(value=Tuple(elts=[Constant(value=1, lineno=1, col_offset=7, end_lineno=1, end_co"
                        + "l_offset=8)], ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=9), lineno=1, col_off"
                        + "set=0, end_lineno=1, end_col_offset=9)], type_ignores=[])"),
                Arguments.of("unary minus is not a negative constant", "-1", false,
                        "Module(body=[Expr(value=UnaryOp(op=USub(), operand=Constant(value=1)))], type_ignores=[])"),
                Arguments.of("sole generator argument spans the call parentheses", "f(x for x in y)", true,
                        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end"
                        + "_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1"
                        + ", end_col_offset=3), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset"
                        + "=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_line"
                        + "no=1, end_col_offset=14), ifs=[], is_async=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset"
                        + "=15)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0"
                        + ", end_lineno=1, end_col_offset=15)], type_ignores=[])"),
                Arguments.of("subscript tuple of slices", "a[1:2, ::3, *b]", true,
                        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno="
                        + "1, end_col_offset=1), slice=Tuple(elts=[Slice(lower=Constant(value=1, lineno=1, col_offset=2, end_li"
                        + "neno=1, end_col_offset=3), upper=Constant(value=2, lineno=1, col_offset=4, end_lineno=1, end_col_off"
                        + "set=5), lineno=1, col_offset=2, end_lineno=1, end_col_offset=5), Slice(step=Constant(value=3, lineno"
                        + "=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, col_offset=7, end_lineno=1, end_col_of"
                        + "fset=10), Starred(value=Name(id='b', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offs"
                        + "et=14), ctx=Load(), lineno=1, col_offset=12, end_lineno=1, end_col_offset=14)], ctx=Load(), lineno=1"
                        + ", col_offset=2, end_lineno=1, end_col_offset=14), ctx=Load(), lineno=1, col_offset=0, end_lineno=1, "
                        + "end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[])"),
                Arguments.of("starred assignment target", "a, *b = c", false,
                        "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=S"
                        + "tore()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"),
                Arguments.of("chained assignment", "a = b = c", false,
                        "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c"
                        + "', ctx=Load()))], type_ignores=[])"),
                Arguments.of("annotated simple name", "x: int = 1", false,
                        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), valu"
                        + "e=Constant(value=1), simple=1)], type_ignores=[])"),
                Arguments.of("annotated parenthesized name is not simple", "(x): int", false,
                        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simp"
                        + "le=0)], type_ignores=[])"),
                Arguments.of("augmented assignment to attribute", "a.b += 1", false,
                        "Module(body=[AugAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), op=A"
                        + "dd(), value=Constant(value=1))], type_ignores=[])"),
                Arguments.of("delete targets", "del a, b[0], (c.d)", false,
                        "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Subscript(value=Name(id='b', ctx=Load()), slic"
                        + "e=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Del())])], "
                        + "type_ignores=[])"),
                Arguments.of("walrus in comprehension condition", "[y for x in z if (y := f(x))]", false,
                        "Module(body=[Expr(value=ListComp(elt=Name(id='y', ctx=Load()), generators=[comprehension(target=Name"
                        + "(id='x', ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[NamedExpr(target=Name(id='y', ctx=Store()"
                        + "), value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], is_asy"
                        + "nc=0)]))], type_ignores=[])"),
                Arguments.of("dict with double-star entry", "{'a': 1, **b}", false,
                        "Module(body=[Expr(value=Dict(keys=[Constant(value='a'), None], values=[Constant(value=1), Name(id='b"
                        + "', ctx=Load())]))], type_ignores=[])"),
                Arguments.of("call argument order", "f(a, *b, c=1, *d, **e)", false,
                        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred("
                        + "value=Name(id='b', ctx=Load()), ctx=Load()), Starred(value=Name(id='d', ctx=Load()), ctx=Load())], k"
                        + "eywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='e', ctx=Load()))]))], typ"
                        + "e_ignores=[])"),
                Arguments.of("lambda with every parameter kind", "lambda a, /, b=1, *c, d, e=2, **f: 0", false,
                        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], varar"
                        + "g=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwar"
                        + "g=arg(arg='f'), defaults=[Constant(value=1)]), body=Constant(value=0)))], type_ignores=[])"),
                Arguments.of("def with annotations and defaults", "def f(a: int, /, b: str = 'x', *args: int, c, d=1, **kw) -> None: pass", true,
                        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', annotation=Name(id='int'"
                        + ", ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=12), lineno=1, col_offset=6, end_"
                        + "lineno=1, end_col_offset=12)], args=[arg(arg='b', annotation=Name(id='str', ctx=Load(), lineno=1, co"
                        + "l_offset=20, end_lineno=1, end_col_offset=23), lineno=1, col_offset=17, end_lineno=1, end_col_offset"
                        + "=23)], vararg=arg(arg='args', annotation=Name(id='int', ctx=Load(), lineno=1, col_offset=38, end_lin"
                        + "eno=1, end_col_offset=41), lineno=1, col_offset=32, end_lineno=1, end_col_offset=41), kwonlyargs=[ar"
                        + "g(arg='c', lineno=1, col_offset=43, end_lineno=1, end_col_offset=44), arg(arg='d', lineno=1, col_off"
                        + "set=46, end_lineno=1, end_col_offset=47)], kw_defaults=[None, Constant(value=1, lineno=1, col_offset"
                        + "=48, end_lineno=1, end_col_offset=49)], kwarg=arg(arg='kw', lineno=1, col_offset=53, end_lineno=1, e"
                        + "nd_col_offset=55), defaults=[Constant(value='x', lineno=1, col_offset=26, end_lineno=1, end_col_offs"
                        + "et=29)]), body=[Pass(lineno=1, col_offset=66, end_lineno=1, end_col_offset=70)], decorator_list=[], "
                        + "returns=Constant(value=None, lineno=1, col_offset=60, end_lineno=1, end_col_offset=64), type_params="
                        + "[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=70)], type_ignores=[])"),
                Arguments.of("decorated async def starts at async", "@d\n@e.f(1)\nasync def g():\n    await x\n", true,
                        "Module(body=[AsyncFunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_de"
                        + "faults=[], defaults=[]), body=[Expr(value=Await(value=Name(id='x', ctx=Load(), lineno=4, col_offset="
                        + "10, end_lineno=4, end_col_offset=11), lineno=4, col_offset=4, end_lineno=4, end_col_offset=11), line"
                        + "no=4, col_offset=4, end_lineno=4, end_col_offset=11)], decorator_list=[Name(id='d', ctx=Load(), line"
                        + "no=1, col_offset=1, end_lineno=1, end_col_offset=2), Call(func=Attribute(value=Name(id='e', ctx=Load"
                        + "(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), attr='f', ctx=Load(), lineno=2, col_off"
                        + "set=1, end_lineno=2, end_col_offset=4), args=[Constant(value=1, lineno=2, col_offset=5, end_lineno=2"
                        + ", end_col_offset=6)], keywords=[], lineno=2, col_offset=1, end_lineno=2, end_col_offset=7)], type_pa"
                        + "rams=[], lineno=3, col_offset=0, end_lineno=4, end_col_offset=11)], type_ignores=[])"),
                Arguments.of("class with bases and keywords", "class C(B, metaclass=M, **kw):\n    pass\n", false,
                        "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass',"
                        + " value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Pass()], decorato"
                        + "r_list=[], type_params=[])], type_ignores=[])"),
                Arguments.of("relative import levels", "from ...a.b import (c as d, e,)\nfrom . import f\nimport g.h as i", true,
                        "Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asname='d', lineno=1, col_offset=20, en"
                        + "d_lineno=1, end_col_offset=26), alias(name='e', lineno=1, col_offset=28, end_lineno=1, end_col_offse"
                        + "t=29)], level=3, lineno=1, col_offset=0, end_lineno=1, end_col_offset=31), ImportFrom(names=[alias(n"
                        + "ame='f', lineno=2, col_offset=14, end_lineno=2, end_col_offset=15)], level=1, lineno=2, col_offset=0"
                        + ", end_lineno=2, end_col_offset=15), Import(names=[alias(name='g.h', asname='i', lineno=3, col_offset"
                        + "=7, end_lineno=3, end_col_offset=15)], lineno=3, col_offset=0, end_lineno=3, end_col_offset=15)], ty"
                        + "pe_ignores=[])"),
                Arguments.of("global and nonlocal", "def f():\n    global a, b\n    nonlocal c\n", false,
                        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_default"
                        + "s=[], defaults=[]), body=[Global(names=['a', 'b']), Nonlocal(names=['c'])], decorator_list=[], type_"
                        + "params=[])], type_ignores=[])"),
                Arguments.of("if elif else chain", "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n", true,
                        "Module(body=[If(test=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4"
                        + "), body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], orelse=[If(test=Name(id='b',"
                        + " ctx=Load(), lineno=3, col_offset=5, end_lineno=3, end_col_offset=6), body=[Pass(lineno=4, col_offse"
                        + "t=4, end_lineno=4, end_col_offset=8)], orelse=[Pass(lineno=6, col_offset=4, end_lineno=6, end_col_of"
                        + "fset=8)], lineno=3, col_offset=0, end_lineno=6, end_col_offset=8)], lineno=1, col_offset=0, end_line"
                        + "no=6, end_col_offset=8)], type_ignores=[])"),
                Arguments.of("for else with tuple target", "for i, (j, k) in x:\n    break\nelse:\n    continue\n", false,
                        "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Tuple(elts=[Name(id='j', ctx=Store())"
                        + ", Name(id='k', ctx=Store())], ctx=Store())], ctx=Store()), iter=Name(id='x', ctx=Load()), body=[Brea"
                        + "k()], orelse=[Continue()])], type_ignores=[])"),
                Arguments.of("async for and with", "async def f():\n    async for a in b: pass\n    async with c as d, e: pass\n", false,
                        "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_de"
                        + "faults=[], defaults=[]), body=[AsyncFor(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load"
                        + "()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='c', ctx=Load()), opt"
                        + "ional_vars=Name(id='d', ctx=Store())), withitem(context_expr=Name(id='e', ctx=Load()))], body=[Pass("
                        + ")])], decorator_list=[], type_params=[])], type_ignores=[])"),
                Arguments.of("parenthesized with items", "with (a as b, c as d,):\n    pass\n", false,
                        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', "
                        + "ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store("
                        + ")))], body=[Pass()])], type_ignores=[])"),
                Arguments.of("parenthesized expression as with item", "with (a, b) as c:\n    pass\n", false,
                        "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ct"
                        + "x=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[]"
                        + ")"),
                Arguments.of("try except else finally", "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nelse:\n    pass\nfinally:\n    pass\n", true,
                        "Module(body=[Try(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], handlers=[Exce"
                        + "ptHandler(type=Tuple(elts=[Name(id='A', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_of"
                        + "fset=9), Name(id='B', ctx=Load(), lineno=3, col_offset=11, end_lineno=3, end_col_offset=12)], ctx=Lo"
                        + "ad(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=13), name='e', body=[Pass(lineno=4, col_o"
                        + "ffset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8), "
                        + "ExceptHandler(type=Name(id='C', ctx=Load(), lineno=5, col_offset=7, end_lineno=5, end_col_offset=8),"
                        + " body=[Pass(lineno=6, col_offset=4, end_lineno=6, end_col_offset=8)], lineno=5, col_offset=0, end_li"
                        + "neno=6, end_col_offset=8)], orelse=[Pass(lineno=8, col_offset=4, end_lineno=8, end_col_offset=8)], f"
                        + "inalbody=[Pass(lineno=10, col_offset=4, end_lineno=10, end_col_offset=8)], lineno=1, col_offset=0, e"
                        + "nd_lineno=10, end_col_offset=8)], type_ignores=[])"),
                Arguments.of("except star", "try:\n    pass\nexcept* E:\n    pass\n", false,
                        "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pas"
                        + "s()])], orelse=[], finalbody=[])], type_ignores=[])"),
                Arguments.of("implicit string concatenation", "x = u'a' 'b' \"c\"", true,
                        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col"
                        + "_offset=1)], value=Constant(value='abc', kind='u', lineno=1, col_offset=4, end_lineno=1, end_col_off"
                        + "set=16), lineno=1, col_offset=0, end_lineno=1, end_col_offset=16)], type_ignores=[])"),
                Arguments.of("bytes concatenation", "b'a' b'b'", true,
                        "Module(body=[Expr(value=Constant(value=b'ab', lineno=1, col_offset=0, end_lineno=1, end_col_offset=9"
                        + "), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[])"),
                Arguments.of("f-string with conversion, spec and debug", "f'a{x!r:>{w}} {y=} {z = !s}'", true,
                        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=2, end_lineno=1, "
                        + "end_col_offset=3), FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=4, end_lineno="
                        + "1, end_col_offset=5), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, co"
                        + "l_offset=8, end_lineno=1, end_col_offset=9), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1,"
                        + " col_offset=10, end_lineno=1, end_col_offset=11), conversion=-1, lineno=1, col_offset=9, end_lineno="
                        + "1, end_col_offset=12)], lineno=1, col_offset=7, end_lineno=1, end_col_offset=12), lineno=1, col_offs"
                        + "et=3, end_lineno=1, end_col_offset=13), Constant(value=' y=', lineno=1, col_offset=13, end_lineno=1,"
                        + " end_col_offset=17), FormattedValue(value=Name(id='y', ctx=Load(), lineno=1, col_offset=15, end_line"
                        + "no=1, end_col_offset=16), conversion=114, lineno=1, col_offset=14, end_lineno=1, end_col_offset=18),"
                        + " Constant(value=' z = ', lineno=1, col_offset=18, end_lineno=1, end_col_offset=24), FormattedValue(v"
                        + "alue=Name(id='z', ctx=Load(), lineno=1, col_offset=20, end_lineno=1, end_col_offset=21), conversion="
                        + "115, lineno=1, col_offset=19, end_lineno=1, end_col_offset=27)], lineno=1, col_offset=0, end_lineno="
                        + "1, end_col_offset=28), lineno=1, col_offset=0, end_lineno=1, end_col_offset=28)], type_ignores=[])"),
                Arguments.of("f-string debug text drops comments", "f'''{x = # c\n}'''", true,
                        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = \\n', lineno=1, col_offset=5, end_linen"
                        + "o=2, end_col_offset=0), FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=5, end_li"
                        + "neno=1, end_col_offset=6), conversion=114, lineno=1, col_offset=4, end_lineno=2, end_col_offset=1)],"
                        + " lineno=1, col_offset=0, end_lineno=2, end_col_offset=4), lineno=1, col_offset=0, end_lineno=2, end_"
                        + "col_offset=4)], type_ignores=[])"),
                Arguments.of("f-string concatenated with plain strings", "'a' f'{b}' 'c'", true,
                        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=0, end_lineno=1, "
                        + "end_col_offset=3), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=7, end_lineno="
                        + "1, end_col_offset=8), conversion=-1, lineno=1, col_offset=6, end_lineno=1, end_col_offset=9), Consta"
                        + "nt(value='c', lineno=1, col_offset=11, end_lineno=1, end_col_offset=14)], lineno=1, col_offset=0, en"
                        + "d_lineno=1, end_col_offset=14), lineno=1, col_offset=0, end_lineno=1, end_col_offset=14)], type_igno"
                        + "res=[])"),
                Arguments.of("nested f-string with same quotes", "f\"{f\"{x}\"}\"", true,
                        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(valu"
                        + "e=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), conversion=-1, l"
                        + "ineno=1, col_offset=5, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=3, end_lineno=1, end_c"
                        + "ol_offset=9), conversion=-1, lineno=1, col_offset=2, end_lineno=1, end_col_offset=10)], lineno=1, co"
                        + "l_offset=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1"
                        + "1)], type_ignores=[])"),
                Arguments.of("yield forms", "def g():\n    x = yield\n    yield a, b\n    yield from c\n    await (yield)\n", false,
                        "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_default"
                        + "s=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Expr(value=Yie"
                        + "ld(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))), Expr(value="
                        + "YieldFrom(value=Name(id='c', ctx=Load()))), Expr(value=Await(value=Yield()))], decorator_list=[], ty"
                        + "pe_params=[])], type_ignores=[])"),
                Arguments.of("star expressions", "print(*a, *b)\nreturn *a, b\nfor x in *a, b: pass\n", false,
                        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='a', ctx"
                        + "=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[])), Return(v"
                        + "alue=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx"
                        + "=Load())), For(target=Name(id='x', ctx=Store()), iter=Tuple(elts=[Starred(value=Name(id='a', ctx=Loa"
                        + "d()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), body=[Pass()], orelse=[])], type_ignores="
                        + "[])"),
                Arguments.of("match with every pattern kind", "match x:\n    case 1 | -2 | 3.0 | 1+2j | 'a' 'b' | None | True:\n        pass\n    case [a, *rest] | (b, *_):\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(1, y=2) | a.b.c():\n        pass\n    case [] | () | {}:\n        pass\n    case _ if guard:\n        pass\n    case (x as y) as z:\n        pass\n", true,
                        "Module(body=[Match(subject=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_of"
                        + "fset=7), cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1, lineno=2, co"
                        + "l_offset=9, end_lineno=2, end_col_offset=10), lineno=2, col_offset=9, end_lineno=2, end_col_offset=1"
                        + "0), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=2, lineno=2, col_offset=14, end_linen"
                        + "o=2, end_col_offset=15), lineno=2, col_offset=13, end_lineno=2, end_col_offset=15), lineno=2, col_of"
                        + "fset=13, end_lineno=2, end_col_offset=15), MatchValue(value=Constant(value=3.0, lineno=2, col_offset"
                        + "=18, end_lineno=2, end_col_offset=21), lineno=2, col_offset=18, end_lineno=2, end_col_offset=21), Ma"
                        + "tchValue(value=BinOp(left=Constant(value=1, lineno=2, col_offset=24, end_lineno=2, end_col_offset=25"
                        + "), op=Add(), right=Constant(value=2j, lineno=2, col_offset=26, end_lineno=2, end_col_offset=28), lin"
                        + "eno=2, col_offset=24, end_lineno=2, end_col_offset=28), lineno=2, col_offset=24, end_lineno=2, end_c"
                        + "ol_offset=28), MatchValue(value=Constant(value='ab', lineno=2, col_offset=31, end_lineno=2, end_col_"
                        + "offset=38), lineno=2, col_offset=31, end_lineno=2, end_col_offset=38), MatchSingleton(value=None, li"
                        + "neno=2, col_offset=41, end_lineno=2, end_col_offset=45), MatchSingleton(value=True, lineno=2, col_of"
                        + "fset=48, end_lineno=2, end_col_offset=52)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=52)"
                        + ", body=[Pass(lineno=3, col_offset=8, end_lineno=3, end_col_offset=12)]), match_case(pattern=MatchOr("
                        + "patterns=[MatchSequence(patterns=[MatchAs(name='a', lineno=4, col_offset=10, end_lineno=4, end_col_o"
                        + "ffset=11), MatchStar(name='rest', lineno=4, col_offset=13, end_lineno=4, end_col_offset=18)], lineno"
                        + "=4, col_offset=9, end_lineno=4, end_col_offset=19), MatchSequence(patterns=[MatchAs(name='b', lineno"
                        + "=4, col_offset=23, end_lineno=4, end_col_offset=24), MatchStar(lineno=4, col_offset=26, end_lineno=4"
                        + ", end_col_offset=28)], lineno=4, col_offset=22, end_lineno=4, end_col_offset=29)], lineno=4, col_off"
                        + "set=9, end_lineno=4, end_col_offset=29), body=[Pass(lineno=5, col_offset=8, end_lineno=5, end_col_of"
                        + "fset=12)]), match_case(pattern=MatchMapping(keys=[Constant(value='k', lineno=6, col_offset=10, end_l"
                        + "ineno=6, end_col_offset=13)], patterns=[MatchAs(name='v', lineno=6, col_offset=15, end_lineno=6, end"
                        + "_col_offset=16)], rest='kw', lineno=6, col_offset=9, end_lineno=6, end_col_offset=23), body=[Pass(li"
                        + "neno=7, col_offset=8, end_lineno=7, end_col_offset=12)]), match_case(pattern=MatchOr(patterns=[Match"
                        + "Class(cls=Name(id='Point', ctx=Load(), lineno=8, col_offset=9, end_lineno=8, end_col_offset=14), pat"
                        + "terns=[MatchValue(value=Constant(value=1, lineno=8, col_offset=15, end_lineno=8, end_col_offset=16),"
                        + " lineno=8, col_offset=15, end_lineno=8, end_col_offset=16)], kwd_attrs=['y'], kwd_patterns=[MatchVal"
                        + "ue(value=Constant(value=2, lineno=8, col_offset=20, end_lineno=8, end_col_offset=21), lineno=8, col_"
                        + "offset=20, end_lineno=8, end_col_offset=21)], lineno=8, col_offset=9, end_lineno=8, end_col_offset=2"
                        + "2), MatchClass(cls=Attribute(value=Attribute(value=Name(id='a', ctx=Load(), lineno=8, col_offset=25,"
                        + " end_lineno=8, end_col_offset=26), attr='b', ctx=Load(), lineno=8, col_offset=25, end_lineno=8, end_"
                        + "col_offset=28), attr='c', ctx=Load(), lineno=8, col_offset=25, end_lineno=8, end_col_offset=30), pat"
                        + "terns=[], kwd_attrs=[], kwd_patterns=[], lineno=8, col_offset=25, end_lineno=8, end_col_offset=32)],"
                        + " lineno=8, col_offset=9, end_lineno=8, end_col_offset=32), body=[Pass(lineno=9, col_offset=8, end_li"
                        + "neno=9, end_col_offset=12)]), match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[], lineno"
                        + "=10, col_offset=9, end_lineno=10, end_col_offset=11), MatchSequence(patterns=[], lineno=10, col_offs"
                        + "et=14, end_lineno=10, end_col_offset=16), MatchMapping(keys=[], patterns=[], lineno=10, col_offset=1"
                        + "9, end_lineno=10, end_col_offset=21)], lineno=10, col_offset=9, end_lineno=10, end_col_offset=21), b"
                        + "ody=[Pass(lineno=11, col_offset=8, end_lineno=11, end_col_offset=12)]), match_case(pattern=MatchAs(l"
                        + "ineno=12, col_offset=9, end_lineno=12, end_col_offset=10), guard=Name(id='guard', ctx=Load(), lineno"
                        + "=12, col_offset=14, end_lineno=12, end_col_offset=19), body=[Pass(lineno=13, col_offset=8, end_linen"
                        + "o=13, end_col_offset=12)]), match_case(pattern=MatchAs(pattern=MatchAs(pattern=MatchAs(name='x', lin"
                        + "eno=14, col_offset=10, end_lineno=14, end_col_offset=11), name='y', lineno=14, col_offset=10, end_li"
                        + "neno=14, end_col_offset=16), name='z', lineno=14, col_offset=9, end_lineno=14, end_col_offset=22), b"
                        + "ody=[Pass(lineno=15, col_offset=8, end_lineno=15, end_col_offset=12)])], lineno=1, col_offset=0, end"
                        + "_lineno=15, end_col_offset=12)], type_ignores=[])"),
                Arguments.of("match with open sequence subject", "match a, *b:\n    case x, y:\n        pass\n", false,
                        "Module(body=[Match(subject=Tuple(elts=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load"
                        + "()), ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='x'),"
                        + " MatchAs(name='y')]), body=[Pass()])])], type_ignores=[])"),
                Arguments.of("soft keywords as names", "match = case = type = _ = 1\nmatch.x = type(x)\nprint(match, case)", false,
                        "Module(body=[Assign(targets=[Name(id='match', ctx=Store()), Name(id='case', ctx=Store()), Name(id='t"
                        + "ype', ctx=Store()), Name(id='_', ctx=Store())], value=Constant(value=1)), Assign(targets=[Attribute("
                        + "value=Name(id='match', ctx=Load()), attr='x', ctx=Store())], value=Call(func=Name(id='type', ctx=Loa"
                        + "d()), args=[Name(id='x', ctx=Load())], keywords=[])), Expr(value=Call(func=Name(id='print', ctx=Load"
                        + "()), args=[Name(id='match', ctx=Load()), Name(id='case', ctx=Load())], keywords=[]))], type_ignores="
                        + "[])"),
                Arguments.of("type alias with type params", "type A[T: int = str, *Ts, **P] = list[T]", true,
                        "Module(body=[TypeAlias(name=Name(id='A', ctx=Store(), lineno=1, col_offset=5, end_lineno=1, end_col_"
                        + "offset=6), type_params=[TypeVar(name='T', bound=Name(id='int', ctx=Load(), lineno=1, col_offset=10, "
                        + "end_lineno=1, end_col_offset=13), default_value=Name(id='str', ctx=Load(), lineno=1, col_offset=16, "
                        + "end_lineno=1, end_col_offset=19), lineno=1, col_offset=7, end_lineno=1, end_col_offset=19), TypeVarT"
                        + "uple(name='Ts', lineno=1, col_offset=21, end_lineno=1, end_col_offset=24), ParamSpec(name='P', linen"
                        + "o=1, col_offset=26, end_lineno=1, end_col_offset=29)], value=Subscript(value=Name(id='list', ctx=Loa"
                        + "d(), lineno=1, col_offset=33, end_lineno=1, end_col_offset=37), slice=Name(id='T', ctx=Load(), linen"
                        + "o=1, col_offset=38, end_lineno=1, end_col_offset=39), ctx=Load(), lineno=1, col_offset=33, end_linen"
                        + "o=1, end_col_offset=40), lineno=1, col_offset=0, end_lineno=1, end_col_offset=40)], type_ignores=[])"),
                Arguments.of("generic class and function", "class C[T: (int, str)]: pass\ndef f[T](x: T) -> T: pass", false,
                        "Module(body=[ClassDef(name='C', bases=[], keywords=[], body=[Pass()], decorator_list=[], type_params"
                        + "=[TypeVar(name='T', bound=Tuple(elts=[Name(id='int', ctx=Load()), Name(id='str', ctx=Load())], ctx=L"
                        + "oad()))]), FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='x', annotation=Name(i"
                        + "d='T', ctx=Load()))], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[],"
                        + " returns=Name(id='T', ctx=Load()), type_params=[TypeVar(name='T')])], type_ignores=[])"),
                Arguments.of("comprehensions of every kind", "[x for x in a]\n{x for x in a if x if y}\n{k: v for k, v in d}\n(x async for x in a)", false,
                        "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name"
                        + "(id='x', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[], is_async=0)])), Expr(value=SetComp(elt"
                        + "=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id="
                        + "'a', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], is_async=0)])), Expr(val"
                        + "ue=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension("
                        + "target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id"
                        + "='d', ctx=Load()), ifs=[], is_async=0)])), Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), gen"
                        + "erators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[], is_a"
                        + "sync=1)]))], type_ignores=[])"),
                Arguments.of("conditional expression", "a if b else c if d else e", false,
                        "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=I"
                        + "fExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load())))"
                        + ")], type_ignores=[])"),
                Arguments.of("comparison chain", "a < b <= c != d is not e not in f", false,
                        "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq(), IsNot(), N"
                        + "otIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), "
                        + "Name(id='e', ctx=Load()), Name(id='f', ctx=Load())]))], type_ignores=[])"),
                Arguments.of("boolean operators group by precedence", "a or b and c or not d", false,
                        "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[N"
                        + "ame(id='b', ctx=Load()), Name(id='c', ctx=Load())]), UnaryOp(op=Not(), operand=Name(id='d', ctx=Load"
                        + "()))]))], type_ignores=[])"),
                Arguments.of("power binds tighter than unary minus", "-2 ** -3", false,
                        "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Una"
                        + "ryOp(op=USub(), operand=Constant(value=3)))))], type_ignores=[])"),
                Arguments.of("await binds tighter than power", "async def f(): await x ** 2", false,
                        "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_de"
                        + "faults=[], defaults=[]), body=[Expr(value=BinOp(left=Await(value=Name(id='x', ctx=Load())), op=Pow()"
                        + ", right=Constant(value=2)))], decorator_list=[], type_params=[])], type_ignores=[])"),
                Arguments.of("attribute and call chain", "a.b(c)[d].e", true,
                        "Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Attribute(value=Name(id='a', ctx=L"
                        + "oad(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), attr='b', ctx=Load(), lineno=1, col_"
                        + "offset=0, end_lineno=1, end_col_offset=3), args=[Name(id='c', ctx=Load(), lineno=1, col_offset=4, en"
                        + "d_lineno=1, end_col_offset=5)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)"
                        + ", slice=Name(id='d', ctx=Load(), lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), ctx=Load()"
                        + ", lineno=1, col_offset=0, end_lineno=1, end_col_offset=9), attr='e', ctx=Load(), lineno=1, col_offse"
                        + "t=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], ty"
                        + "pe_ignores=[])"),
                Arguments.of("ellipsis and constants", "..., None, True, False", false,
                        "Module(body=[Expr(value=Tuple(elts=[Constant(value=Ellipsis), Constant(value=None), Constant(value=T"
                        + "rue), Constant(value=False)], ctx=Load()))], type_ignores=[])"),
                Arguments.of("non-ascii identifiers are NFKC-normalized", "\uff41 = 1\n\u2131 = 3", false,
                        "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=Constant(value=1)), Assign(targets=[N"
                        + "ame(id='F', ctx=Store())], value=Constant(value=3))], type_ignores=[])"),
                Arguments.of("non-ascii columns are utf-8 bytes", "s = '\u00e9\u00e9' + x", true,
                        "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col"
                        + "_offset=1)], value=BinOp(left=Constant(value='\u00e9\u00e9', lineno=1, col_offset=4, end_lineno=1, end_col_off"
                        + "set=10), op=Add(), right=Name(id='x', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_off"
                        + "set=14), lineno=1, col_offset=4, end_lineno=1, end_col_offset=14), lineno=1, col_offset=0, end_linen"
                        + "o=1, end_col_offset=14)], type_ignores=[])"),
                Arguments.of("semicolon-separated statements", "a; b; c;", true,
                        "Module(body=[Expr(value=Name(id='a', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offse"
                        + "t=1), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), Expr(value=Name(id='b', ctx=Load(), l"
                        + "ineno=1, col_offset=3, end_lineno=1, end_col_offset=4), lineno=1, col_offset=3, end_lineno=1, end_co"
                        + "l_offset=4), Expr(value=Name(id='c', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offse"
                        + "t=7), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], type_ignores=[])"),
                Arguments.of("lambda in default and decorator expression (PEP 614)", "@(lambda f: f)\ndef g(x=lambda: 1): pass", false,
                        "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[]"
                        + ", kw_defaults=[], defaults=[Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_default"
                        + "s=[], defaults=[]), body=Constant(value=1))]), body=[Pass()], decorator_list=[Lambda(args=arguments("
                        + "posonlyargs=[], args=[arg(arg='f')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='f', "
                        + "ctx=Load()))], type_params=[])], type_ignores=[])"),
                Arguments.of("keyword argument named like a soft keyword", "f(match=1, type=2)", false,
                        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(arg='match', "
                        + "value=Constant(value=1)), keyword(arg='type', value=Constant(value=2))]))], type_ignores=[])"),
                Arguments.of("assert raise and pass", "assert x, 'm'\nraise E from c\nraise\npass", false,
                        "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='m')), Raise(exc=Name(id='E', "
                        + "ctx=Load()), cause=Name(id='c', ctx=Load())), Raise(), Pass()], type_ignores=[])"),
                Arguments.of("empty module", "", false,
                        "Module(body=[], type_ignores=[])"),
                Arguments.of("comment-only module", "# nothing\n", false,
                        "Module(body=[], type_ignores=[])")

        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void treeIsCPythons(String what, String source, boolean attributes, String expected) {
        assertEquals(expected, dump(source, attributes));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("f() = 1", 1, 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?"),
                Arguments.of("a + 1 = 2", 1, 1, "cannot assign to expression here. Maybe you meant '==' instead of '='?"),
                Arguments.of("1 = x", 1, 1, "cannot assign to literal here. Maybe you meant '==' instead of '='?"),
                Arguments.of("None = 1", 1, 1, "cannot assign to None"),
                Arguments.of("(a, f()) = 1", 1, 5, "cannot assign to function call"),
                Arguments.of("x = yield = 1", 1, 5, "assignment to yield expression not possible"),
                Arguments.of("a, b += 1", 1, 1, "'tuple' is an illegal expression for augmented assignment"),
                Arguments.of("[a]: int", 1, 1, "only single target (not list) can be annotated"),
                Arguments.of("a, b: int", 1, 1, "only single target (not tuple) can be annotated"),
                Arguments.of("f(): int = 1", 1, 1, "illegal target for annotation"),
                Arguments.of("del f()", 1, 5, "cannot delete function call"),
                Arguments.of("del *a", 1, 5, "cannot delete starred"),
                Arguments.of("for f() in x: pass", 1, 5, "cannot assign to function call"),
                Arguments.of("with a as f(): pass", 1, 11, "cannot assign to function call"),
                Arguments.of("f(a=1, b)", 1, 9, "positional argument follows keyword argument"),
                Arguments.of("f(**a, b)", 1, 9, "positional argument follows keyword argument unpacking"),
                Arguments.of("f(x for x in y, 1)", 1, 3, "Generator expression must be parenthesized"),
                Arguments.of("f(a.b=1)", 1, 3, "expression cannot contain assignment, perhaps you meant \"==\"?"),
                Arguments.of("f(True=1)", 1, 3, "cannot assign to True"),
                Arguments.of("def f(a=1, b): pass", 1, 12, "parameter without a default follows parameter with a default"),
                Arguments.of("def f(*): pass", 1, 7, "named arguments must follow bare *"),
                Arguments.of("def f(*, **k): pass", 1, 7, "named arguments must follow bare *"),
                Arguments.of("def f(/, a): pass", 1, 7, "at least one argument must precede /"),
                Arguments.of("def f(**k, a): pass", 1, 12, "arguments cannot follow var-keyword argument"),
                Arguments.of("def f(*a=1): pass", 1, 9, "var-positional argument cannot have default value"),
                Arguments.of("lambda a=1, b: 0", 1, 13, "parameter without a default follows parameter with a default"),
                Arguments.of("[*a for a in b]", 1, 2, "iterable unpacking cannot be used in comprehension"),
                Arguments.of("{**a for a in b}", 1, 2, "dict unpacking cannot be used in dict comprehension"),
                Arguments.of("(*a)", 1, 2, "cannot use starred expression here"),
                Arguments.of("a if b", 1, 1, "expected 'else' after 'if' expression"),
                Arguments.of("x := 1", 1, 3, "invalid syntax"),
                Arguments.of("(a.b := 1)", 1, 2, "cannot use assignment expressions with attribute"),
                Arguments.of("if x\n    pass\n", 1, 5, "expected ':'"),
                Arguments.of("if x:\npass\n", 2, 1, "expected an indented block after 'if' statement on line 1"),
                Arguments.of("  x = 1\n", 1, 2, "unexpected indent"),
                Arguments.of("class C\n  pass", 1, 8, "expected ':'"),
                Arguments.of("try:\n    pass\nexcept* :\n    pass\n", 3, 9, "expected one or more exception types"),
                Arguments.of("try:\n  pass\nexcept E:\n  pass\nexcept* F:\n  pass\n", 5, 1, "cannot have both 'except' and 'except*' on the same 'try'"),
                Arguments.of("print 'x'", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?"),
                Arguments.of("a b", 1, 3, "invalid syntax"),
                Arguments.of("(a b)", 1, 2, "invalid syntax. Perhaps you forgot a comma?"),
                Arguments.of("[1, 2 3]", 1, 5, "invalid syntax. Perhaps you forgot a comma?"),
                Arguments.of("f(a b)", 1, 3, "invalid syntax. Perhaps you forgot a comma?"),
                Arguments.of("1 + not 2", 1, 5, "'not' after an operator must be parenthesized"),
                Arguments.of("from x import a,", 1, 17, "trailing comma not allowed without surrounding parentheses"),
                Arguments.of("import a.b as c.d", 1, 16, "invalid syntax"),
                Arguments.of("x = (1, 2", 1, 5, "'(' was never closed"),
                Arguments.of("x = 1)", 1, 6, "unmatched ')'"),
                Arguments.of("x = [1, 2)", 1, 10, "closing parenthesis ')' does not match opening parenthesis '['"),
                Arguments.of("match x:\n    case 1+2:\n        pass\n", 2, 12, "imaginary number required in complex literal"),
                Arguments.of("match x:\n    case A(b=1, c):\n        pass\n", 2, 17, "positional patterns follow keyword patterns"),
                Arguments.of("match x:\n    case y as _:\n        pass\n", 2, 15, "cannot use '_' as a target"),
                Arguments.of("def f[](): pass", 1, 7, "Type parameter list cannot be empty"),
                Arguments.of("f'{}'", 1, 4, "f-string: valid expression required before '}'"),
                Arguments.of("f'{x!z}'", 1, 6, "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'"),
                Arguments.of("f'{x!}'", 1, 6, "f-string: missing conversion character"),
                Arguments.of("f'{lambda x: 1}'", 1, 4, "f-string: lambda expressions are not allowed without parentheses"),
                Arguments.of("b'a' 'b'", 1, 9, "cannot mix bytes and nonbytes literals"),
                Arguments.of("'a' b'b'", 1, 9, "cannot mix bytes and nonbytes literals"),
                Arguments.of("a = 1 if b else", 1, 16, "invalid syntax"),
                Arguments.of("@x y\ndef f(): pass", 1, 4, "invalid syntax"),
                Arguments.of("def f(a, (b)): pass", 1, 10, "Function parameters cannot be parenthesized"),
                Arguments.of("x = {a, b: c}", 1, 10, "invalid syntax"),
                Arguments.of("async x = 1", 1, 7, "invalid syntax"),
                Arguments.of("def f(x):\nreturn x", 2, 1, "expected an indented block after function definition on line 1"),
                Arguments.of("while x\n    pass", 1, 8, "expected ':'"),
                Arguments.of("for x in y\n    pass", 1, 11, "expected ':'"),
                Arguments.of("with x\n    pass", 1, 7, "expected ':'"),
                Arguments.of("else:\n    pass", 1, 1, "invalid syntax"),
                Arguments.of("return from x", 1, 8, "invalid syntax"),
                Arguments.of("x = $", 1, 5, "invalid syntax"),
                Arguments.of("nonlocal", 1, 9, "invalid syntax"),
                Arguments.of("a = 1 = 2", 1, 5, "cannot assign to literal"),
                Arguments.of("f(x for x in y)=1", 1, 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?"),
                Arguments.of("a[1:2] += 1 += 2", 1, 13, "invalid syntax"),
                Arguments.of("x: int: str", 1, 7, "invalid syntax")

        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void firstErrorIsCPythons(String source, int line, int column, String message) {
        ParseResult result = PythonParser.parse(source, ParseOptions.DEFAULT);
        assertTrue(result.hasErrors(), () -> "accepted: " + source);
        SyntaxError first = result.errors().get(0);
        assertEquals(message + " at " + line + ":" + column,
                first.message() + " at " + first.lineno() + ":" + first.column());
    }
}
