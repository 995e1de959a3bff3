package dev.typhon.ast.parser;

import dev.typhon.ast.Arg;
import dev.typhon.ast.Arguments;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.ParamSpec;
import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.Starred;
import dev.typhon.ast.TypeParam;
import dev.typhon.ast.TypeVar;
import dev.typhon.ast.TypeVarTuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameter lists of {@code def} and {@code lambda}, and PEP 695 type parameter lists. One loop
 * serves both parameter forms; the order rules CPython enforces in its grammar ({@code /} before
 * {@code *}, no parameter after {@code **kwargs}, defaults not followed by non-defaults) are
 * checked as the parameters go by.
 */
abstract class ParameterParser extends ExpressionParser {

    private static final List<Arg> NO_ARGS = List.of();

    ParameterParser(TokenBuffer tokens, ParseOptions options) {
        super(tokens, options);
    }

    @Override
    final Arguments parseLambdaParameters() {
        if (at(TokenKind.COLON)) {
            return emptyArguments();
        }
        return parseParameters(true, TokenKind.COLON);
    }

    /** The parameters of a {@code def} after its '(' up to (not including) the ')'. */
    final Arguments parseDefParameters() {
        if (at(TokenKind.RPAR)) {
            return emptyArguments();
        }
        return parseParameters(false, TokenKind.RPAR);
    }

    /**
     * No parameters: an empty range where they would start (before the ')' of {@code def f():},
     * before the ':' of {@code lambda: 0}). A new node each time: every node has its own id.
     */
    final Arguments emptyArguments() {
        int at = so(pos);
        return Arguments.of(NO_ARGS, NO_ARGS, null, NO_ARGS, NO_EXPRS, null, NO_EXPRS, at, at);
    }

    private Arguments parseParameters(boolean lambda, TokenKind closer) {
        int start = pos;
        ArrayList<Arg> posonly = null;
        ArrayList<Arg> plain = new ArrayList<>(4);
        ArrayList<Expr> defaults = null;
        Arg vararg = null;
        ArrayList<Arg> kwonly = null;
        ArrayList<Expr> kwDefaults = null;
        Arg kwarg = null;
        boolean sawSlash = false;
        boolean sawStar = false;
        int bareStar = -1;
        while (!at(closer)) {
            int s = pos;
            TokenKind k = kind();
            if (kwarg != null) {
                if (lenient) {
                    break;
                }
                throw fail("arguments cannot follow var-keyword argument");
            }
            if (k == TokenKind.SLASH) {
                if (sawSlash) {
                    throw fail("/ may appear only once");
                }
                if (sawStar) {
                    throw fail("/ must be ahead of *");
                }
                if (plain.isEmpty()) {
                    throw fail("at least one argument must precede /");
                }
                requireVersion(PythonVersion.PY38, "positional-only parameters", pos);
                pos++;
                sawSlash = true;
                posonly = plain;
                plain = new ArrayList<>(4);
            } else if (k == TokenKind.STAR) {
                if (sawStar) {
                    throw fail("* argument may appear only once");
                }
                sawStar = true;
                pos++;
                kwonly = new ArrayList<>(2);
                kwDefaults = new ArrayList<>(2);
                if (at(TokenKind.COMMA) || at(closer)) {
                    bareStar = s;
                    if (!lenient && (at(closer) || peek(1) == TokenKind.DOUBLESTAR || peek(1) == closer)) {
                        throw failAt("named arguments must follow bare *", s);
                    }
                } else {
                    vararg = parseParam(lambda, true);
                    if (at(TokenKind.EQUAL)) {
                        throw fail("var-positional argument cannot have default value");
                    }
                    if (options.typeComments()) {
                        vararg = withTrailingTypeComment(vararg, closer);
                        continue;
                    }
                }
            } else if (k == TokenKind.DOUBLESTAR) {
                pos++;
                kwarg = parseParam(lambda, false);
                if (at(TokenKind.EQUAL)) {
                    throw fail("var-keyword argument cannot have default value");
                }
                if (options.typeComments()) {
                    kwarg = withTrailingTypeComment(kwarg, closer);
                    continue;
                }
            } else if (k == TokenKind.NAME) {
                Arg a = parseParam(lambda, false);
                Expr dflt = null;
                if (accept(TokenKind.EQUAL)) {
                    dflt = parseExpression();
                }
                if (sawStar) {
                    kwonly.add(a);
                    kwDefaults.add(dflt);
                    bareStar = -1;
                } else {
                    if (dflt != null) {
                        if (defaults == null) {
                            defaults = new ArrayList<>(2);
                        }
                        defaults.add(dflt);
                    } else if (defaults != null) {
                        throw failAtNode("parameter without a default follows parameter with a default", a);
                    }
                    plain.add(a);
                }
                // The arg was built before its trailing type comment could be seen; patch it in.
                if (options.typeComments()) {
                    ArrayList<Arg> list = sawStar ? kwonly : plain;
                    list.set(list.size() - 1, withTrailingTypeComment(list.get(list.size() - 1), closer));
                    continue;
                }
            } else if (k == TokenKind.LPAR && !lambda) {
                int close = pos + 1;
                while (close <= last && kind(close) != TokenKind.RPAR && kind(close) != TokenKind.NEWLINE) {
                    close++;
                }
                report("Function parameters cannot be parenthesized", so(pos), eo(Math.min(close, last)));
                throw BAIL;
            } else {
                if (lenient) {
                    break;
                }
                throw unexpected();
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        if (!at(closer) && !lenient) {
            if (atReportedError()) {
                throw BAIL;
            }
            throw fail(lambda ? "invalid syntax" : "invalid syntax");
        }
        if (bareStar >= 0 && !lenient) {
            throw failAt("named arguments must follow bare *", bareStar);
        }
        return Arguments.of(posonly == null ? NO_ARGS : posonly, plain, vararg, kwonly == null ? NO_ARGS : kwonly,
                kwDefaults == null ? NO_EXPRS : kwDefaults, kwarg, defaults == null ? NO_EXPRS : defaults,
                so(start), eo(lastParameterToken(start)));
    }

    /** The last token of the parameters: before the closer, less a trailing comma and type comment. */
    private int lastParameterToken(int start) {
        int e = pos - 1;
        while (e > start && (kind(e) == TokenKind.COMMA || kind(e) == TokenKind.TYPE_COMMENT
                || kind(e) == TokenKind.ERRORTOKEN || isLayout(kind(e)))) {
            e--;
        }
        return e;
    }

    /**
     * After a parameter (and its default): consumes the comma and a type comment after it (or
     * before the closer), which becomes the parameter's {@code type_comment}.
     */
    private Arg withTrailingTypeComment(Arg a, TokenKind closer) {
        boolean comma = accept(TokenKind.COMMA);
        Arg result = a;
        if (at(TokenKind.TYPE_COMMENT)) {
            int t = pos++;
            result = Arg.of(a.arg(), a.annotation(), typeCommentText(t), a.lineno(), a.colOffset(), a.endLineno(),
                    a.endColOffset(), a.startOffset(), a.endOffset());
        }
        if (!comma && !at(closer)) {
            throw unexpected();
        }
        return result;
    }

    /** The text of a TYPE_COMMENT token: the tokenizer already cut the {@code # type:} off. */
    final String typeCommentText(int t) {
        return tokens.text(t);
    }

    /** {@code NAME [':' annotation]}; a star annotation ({@code *Ts}) only for {@code *args}. */
    private Arg parseParam(boolean lambda, boolean varargs) {
        if (!at(TokenKind.NAME)) {
            if (lenient) {
                Expr missing = missingExpression();
                return Arg.of(dev.typhon.ast.Placeholders.MISSING_IDENTIFIER, null, null, missing.lineno(),
                        missing.colOffset(), missing.endLineno(), missing.endColOffset(), missing.startOffset(),
                        missing.endOffset());
            }
            throw unexpected();
        }
        int s = pos++;
        String name = identifier(s);
        Expr annotation = null;
        if (!lambda && accept(TokenKind.COLON)) {
            if (varargs && at(TokenKind.STAR)) {
                int star = pos++;
                requireVersion(PythonVersion.PY311, "starred annotations", star);
                Expr v = parseExpression();
                int e = endTok();
                annotation = Starred.of(v, ExprContext.Load, ln(star), co(star), eln(e), eco(e), so(star), eo(e));
            } else {
                annotation = parseExpression();
            }
        }
        int e = endTok();
        return Arg.of(name, annotation, null, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** {@code '[' type_param (',' type_param)* [','] ']'} at the cursor. */
    final List<TypeParam> parseTypeParams() {
        int open = pos++;
        requireVersion(PythonVersion.PY312, "type parameter lists", open);
        if (at(TokenKind.RSQB)) {
            throw fail("Type parameter list cannot be empty");
        }
        ArrayList<TypeParam> params = new ArrayList<>(2);
        while (!at(TokenKind.RSQB)) {
            params.add(parseTypeParam());
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        closeBracket(TokenKind.RSQB, open);
        return params;
    }

    /** Only a TypeVar takes a bound: {@code *Ts: int} and {@code **P: int} are errors. */
    private void rejectBound(String kind) {
        if (at(TokenKind.COLON)) {
            int c = pos++;
            Expr bound = parseExpression();
            report("cannot use bound with " + kind, so(c), bound.endOffset());
            throw BAIL;
        }
    }

    /** The PEP 696 default after {@code =}, or null; a TypeVarTuple's may be starred. */
    private Expr typeParamDefault(boolean starred) {
        if (!at(TokenKind.EQUAL)) {
            return null;
        }
        requireVersion(PythonVersion.PY313, "type parameter defaults", pos);
        pos++;
        return starred ? parseStarExpression() : parseExpression();
    }

    private TypeParam parseTypeParam() {
        int s = pos;
        if (accept(TokenKind.STAR)) {
            int name = expect(TokenKind.NAME);
            rejectBound("TypeVarTuple");
            Expr dflt = typeParamDefault(true);
            int e = endTok();
            return TypeVarTuple.of(identifier(name), dflt, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        if (accept(TokenKind.DOUBLESTAR)) {
            int name = expect(TokenKind.NAME);
            rejectBound("ParamSpec");
            Expr dflt = typeParamDefault(false);
            int e = endTok();
            return ParamSpec.of(identifier(name), dflt, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        int name = expect(TokenKind.NAME);
        Expr bound = null;
        if (accept(TokenKind.COLON)) {
            bound = parseExpression();
        }
        Expr dflt = typeParamDefault(false);
        int e = endTok();
        return TypeVar.of(identifier(name), bound, dflt, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }
}
