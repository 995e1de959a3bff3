package dev.typhon.ast.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.typhon.ast.dump.AstDump;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ast.parse(src, type_comments=True)}: expected dumps are CPython 3.13's. */
class TypeCommentsTest {

    private static final ParseOptions TYPE_COMMENTS = ParseOptions.DEFAULT.withTypeComments(true);

    @Test
    void typeCommentsOnDefsArgumentsAssignmentsLoopsAndWiths() {
        String source = """
                def f(a,  # type: int
                      *b,  # type: str
                      **c  # type: bytes
                      ):
                    # type: (...) -> None
                    x = 1  # type: int
                    for i in y:  # type: str
                        pass
                    with z as w:  # type: float
                        pass
                import m  # type: ignore[abc]
                """;
        ParseResult result = PythonParser.parse(source, TYPE_COMMENTS);
        assertEquals(List.of(), result.errors());
        assertEquals("Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', "
                + "type_comment='int')], vararg=arg(arg='b', type_comment='str'), kwonlyargs=[], kw_defaults=[], "
                + "kwarg=arg(arg='c', type_comment='bytes'), defaults=[]), body=[Assign(targets=[Name(id='x', "
                + "ctx=Store())], value=Constant(value=1), type_comment='int'), For(target=Name(id='i', ctx=Store()), "
                + "iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[], type_comment='str'), With(items=["
                + "withitem(context_expr=Name(id='z', ctx=Load()), optional_vars=Name(id='w', ctx=Store()))], "
                + "body=[Pass()], type_comment='float')], decorator_list=[], type_comment='(...) -> None', "
                + "type_params=[]), Import(names=[alias(name='m')])], type_ignores=[TypeIgnore(lineno=11, "
                + "tag='[abc]')])", AstDump.dump(result.module(), false));
    }

    @Test
    void anAssignmentEndsAfterItsTypeComment() {
        ParseResult result = PythonParser.parse("x = 1  # type: int\n", TYPE_COMMENTS);
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, "
                + "end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), "
                + "type_comment='int', lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])",
                AstDump.dump(result.module(), true));
    }

    @Test
    void misplacedTypeCommentIsAnError() {
        ParseResult result = PythonParser.parse("f()  # type: int\n", TYPE_COMMENTS);
        assertEquals(List.of("1:14 invalid syntax"),
                result.errors().stream().map(e -> e.lineno() + ":" + e.column() + " " + e.message()).toList());
    }

    @Test
    void withoutTheOptionTypeCommentsAreComments() {
        ParseResult result = PythonParser.parse("f()  # type: int\nx = 1  # type: int\n", ParseOptions.DEFAULT);
        assertEquals(List.of(), result.errors());
        assertEquals("Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[])), "
                + "Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])",
                AstDump.dump(result.module(), false));
    }
}
