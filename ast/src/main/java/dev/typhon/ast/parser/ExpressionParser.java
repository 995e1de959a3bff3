package dev.typhon.ast.parser;

import dev.typhon.ast.Arguments;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.Await;
import dev.typhon.ast.BinOp;
import dev.typhon.ast.BoolOp;
import dev.typhon.ast.BoolOperator;
import dev.typhon.ast.Call;
import dev.typhon.ast.CmpOperator;
import dev.typhon.ast.Compare;
import dev.typhon.ast.Comprehension;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Dict;
import dev.typhon.ast.DictComp;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.GeneratorExp;
import dev.typhon.ast.IfExp;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Lambda;
import dev.typhon.ast.ListComp;
import dev.typhon.ast.Name;
import dev.typhon.ast.NamedExpr;
import dev.typhon.ast.Operator;
import dev.typhon.ast.Placeholders;
import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.SetComp;
import dev.typhon.ast.Slice;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.UnaryOperator;
import dev.typhon.ast.Yield;
import dev.typhon.ast.YieldFrom;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions. Binary operators are parsed by precedence climbing rather than one function per
 * grammar level, so a plain name costs a handful of calls and nesting uses little stack; prefix
 * operator chains ({@code - - x}, {@code not not x}) are collected in a loop.
 */
abstract class ExpressionParser extends StringParser {

    // Binding strength, loosest first.
    static final int P_OR = 1;
    static final int P_AND = 2;
    static final int P_NOT = 3;
    static final int P_CMP = 4;
    static final int P_BOR = 5;
    static final int P_BXOR = 6;
    static final int P_BAND = 7;
    static final int P_SHIFT = 8;
    static final int P_SUM = 9;
    static final int P_TERM = 10;
    static final int P_UNARY = 11;
    static final int P_POW = 12;

    static final List<Expr> NO_EXPRS = List.of();

    ExpressionParser(TokenBuffer tokens, ParseOptions options) {
        super(tokens, options);
    }

    /** Lambda parameters up to (not including) the ':'. */
    abstract Arguments parseLambdaParameters();

    // ---- recovery ----

    /**
     * In recovery mode: the placeholder for an expression missing at the cursor, an empty range
     * just after the last token read (or at the cursor when the statement has read nothing yet).
     */
    final Name missingExpression() {
        int p = pos > lenientStart ? lastRealToken(pos - 1) : -1;
        if (p >= lenientStart && p >= 0) {
            return Placeholders.missingExpression(ExprContext.Load, eln(p), eco(p), eo(p));
        }
        int t = Math.min(pos, last);
        return Placeholders.missingExpression(ExprContext.Load, ln(t), co(t), so(t));
    }

    /** In recovery mode, after a separator: whether the list ends here because nothing follows. */
    final boolean lenientListEnd() {
        return lenient && !startsStarExpression(kind()) && !at(TokenKind.DOUBLESTAR);
    }

    // ---- first sets ----

    static boolean startsExpression(TokenKind k) {
        return switch (k) {
            case NAME, NUMBER, STRING, FSTRING_START, TSTRING_START, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE,
                    NOT, AWAIT, LAMBDA, ELLIPSIS, TRUE, FALSE, NONE -> true;
            default -> false;
        };
    }

    static boolean startsStarExpression(TokenKind k) {
        return k == TokenKind.STAR || startsExpression(k);
    }

    // ---- entry points ----

    /** {@code named_expression}: an expression, or {@code NAME := expression}. */
    final Expr parseNamedExpression() {
        if (at(TokenKind.NAME) && peek(1) == TokenKind.COLONEQUAL) {
            return parseWalrus();
        }
        Expr e = parseExpression();
        if (at(TokenKind.COLONEQUAL)) {
            throw failAtNode("cannot use assignment expressions with " + Targets.describe(e), e);
        }
        return e;
    }

    private Expr parseWalrus() {
        int s = pos;
        requireVersion(PythonVersion.PY38, "assignment expressions", pos + 1);
        Name target = Name.of(identifier(s), ExprContext.Store, ln(s), co(s), eln(s), eco(s), so(s), eo(s));
        pos += 2;
        enter(W_SMALL);
        Expr value = parseExpression();
        leave(W_SMALL);
        int e = endTok();
        return NamedExpr.of(target, value, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** {@code expression}: a conditional expression, a lambda, or a disjunction. */
    final Expr parseExpression() {
        if (at(TokenKind.LAMBDA)) {
            return parseLambda();
        }
        int s = pos;
        Expr body = parseBinary(P_OR);
        if (!at(TokenKind.IF)) {
            return body;
        }
        pos++;
        Expr test = parseBinary(P_OR);
        Expr orelse;
        if (!accept(TokenKind.ELSE)) {
            orelse = missingElse(s);
        } else {
            enter(W_IFEXP);
            orelse = parseExpression();
            leave(W_IFEXP);
        }
        int e = endTok();
        return IfExp.of(test, body, orelse, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** A conditional expression without 'else': an error, or in recovery mode a placeholder. */
    private Expr missingElse(int s) {
        if (!lenient) {
            report("expected 'else' after 'if' expression", so(s), eo(endTok()));
            throw BAIL;
        }
        return missingExpression();
    }

    /** {@code star_expression}: {@code '*' bitwise_or | expression}. */
    final Expr parseStarExpression() {
        if (at(TokenKind.STAR)) {
            return parseStarred();
        }
        return parseExpression();
    }

    /** {@code star_named_expression}: {@code '*' bitwise_or | named_expression}. */
    final Expr parseStarNamedExpression() {
        if (at(TokenKind.STAR)) {
            return parseStarred();
        }
        return parseNamedExpression();
    }

    private Expr parseStarred() {
        int s = pos++;
        enter(W_SMALL);
        Expr v = parseBinary(P_BOR);
        leave(W_SMALL);
        int e = endTok();
        return Starred.of(v, ExprContext.Load, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** {@code star_expressions}: one star_expression, or a tuple of them without parentheses. */
    final Expr parseStarExpressions() {
        return parseUnparenthesizedTuple(false);
    }

    /** {@code star_named_expressions} as an unparenthesized tuple when there is a comma. */
    final Expr parseStarNamedExpressionsTuple() {
        return parseUnparenthesizedTuple(true);
    }

    /** One element, or a Tuple of them when a comma follows; elements may be named ({@code :=}). */
    private Expr parseUnparenthesizedTuple(boolean named) {
        int s = pos;
        Expr first = named ? parseStarNamedExpression() : parseStarExpression();
        if (!at(TokenKind.COMMA)) {
            return first;
        }
        ArrayList<Expr> elts = new ArrayList<>(4);
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (!startsStarExpression(kind())) {
                break;
            }
            elts.add(named ? parseStarNamedExpression() : parseStarExpression());
        }
        int e = endTok();
        return Tuple.of(elts, ExprContext.Load, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** The expression of an f-string field: {@code yield_expr | star_expressions}. */
    @Override
    final Expr parseFieldExpression() {
        if (at(TokenKind.YIELD)) {
            return parseYield();
        }
        return parseStarExpressions();
    }

    /** {@code yield_expr}. */
    final Expr parseYield() {
        int s = pos++;
        if (accept(TokenKind.FROM)) {
            enter(W_SMALL);
            Expr v = parseExpression();
            leave(W_SMALL);
            int e = endTok();
            return YieldFrom.of(v, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        Expr v = null;
        if (startsStarExpression(kind())) {
            enter(W_SMALL);
            v = parseStarExpressions();
            leave(W_SMALL);
        }
        int e = endTok();
        return Yield.of(v, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    // ---- operators ----

    /** Binding strength of each token kind as a binary operator, -1 if none ('not' needs a look). */
    private static final byte[] PRECEDENCE = new byte[TokenKind.values().length];

    static {
        java.util.Arrays.fill(PRECEDENCE, (byte) -1);
        PRECEDENCE[TokenKind.OR.ordinal()] = P_OR;
        PRECEDENCE[TokenKind.AND.ordinal()] = P_AND;
        for (TokenKind k : new TokenKind[] {TokenKind.EQEQUAL, TokenKind.NOTEQUAL, TokenKind.LESS, TokenKind.GREATER,
                TokenKind.LESSEQUAL, TokenKind.GREATEREQUAL, TokenKind.IN, TokenKind.IS}) {
            PRECEDENCE[k.ordinal()] = P_CMP;
        }
        PRECEDENCE[TokenKind.VBAR.ordinal()] = P_BOR;
        PRECEDENCE[TokenKind.CIRCUMFLEX.ordinal()] = P_BXOR;
        PRECEDENCE[TokenKind.AMPER.ordinal()] = P_BAND;
        PRECEDENCE[TokenKind.LEFTSHIFT.ordinal()] = P_SHIFT;
        PRECEDENCE[TokenKind.RIGHTSHIFT.ordinal()] = P_SHIFT;
        PRECEDENCE[TokenKind.PLUS.ordinal()] = P_SUM;
        PRECEDENCE[TokenKind.MINUS.ordinal()] = P_SUM;
        for (TokenKind k : new TokenKind[] {TokenKind.STAR, TokenKind.SLASH, TokenKind.DOUBLESLASH, TokenKind.PERCENT,
                TokenKind.AT}) {
            PRECEDENCE[k.ordinal()] = P_TERM;
        }
        PRECEDENCE[TokenKind.DOUBLESTAR.ordinal()] = P_POW;
    }

    /** The binding strength of the token at the cursor as a binary operator, or -1. */
    private int binaryPrecedence(TokenKind k) {
        if (k == TokenKind.NOT) {
            return peek(1) == TokenKind.IN ? P_CMP : -1;
        }
        return PRECEDENCE[k.ordinal()];
    }

    private static Operator binaryOperator(TokenKind k) {
        return switch (k) {
            case VBAR -> Operator.BitOr;
            case CIRCUMFLEX -> Operator.BitXor;
            case AMPER -> Operator.BitAnd;
            case LEFTSHIFT -> Operator.LShift;
            case RIGHTSHIFT -> Operator.RShift;
            case PLUS -> Operator.Add;
            case MINUS -> Operator.Sub;
            case STAR -> Operator.Mult;
            case SLASH -> Operator.Div;
            case DOUBLESLASH -> Operator.FloorDiv;
            case PERCENT -> Operator.Mod;
            case AT -> Operator.MatMult;
            case DOUBLESTAR -> Operator.Pow;
            default -> throw new IllegalStateException(k.name());
        };
    }

    /**
     * Parses operators binding at least as tightly as {@code minPrec}, with their operands.
     * {@code parseBinary(P_OR)} is CPython's {@code disjunction}, {@code parseBinary(P_BOR)} its
     * {@code bitwise_or}.
     */
    final Expr parseBinary(int minPrec) {
        int s = pos;
        Expr left = parsePrefixed(minPrec);
        int saved = depth;
        try {
            while (true) {
                TokenKind k = kind();
                int prec = binaryPrecedence(k);
                if (prec < minPrec) {
                    return left;
                }
                deepen();
                switch (prec) {
                    case P_OR -> left = parseBoolOp(s, left, TokenKind.OR, BoolOperator.Or, P_AND);
                    case P_AND -> left = parseBoolOp(s, left, TokenKind.AND, BoolOperator.And, P_NOT);
                    case P_CMP -> left = parseComparison(s, left);
                    case P_POW -> {
                        pos++;
                        Expr right = parseBinary(P_UNARY);
                        int e = endTok();
                        left = BinOp.of(left, Operator.Pow, right, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
                    }
                    default -> {
                        Operator op = binaryOperator(k);
                        pos++;
                        Expr right = parseBinary(prec + 1);
                        int e = endTok();
                        left = BinOp.of(left, op, right, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
                    }
                }
            }
        } finally {
            depth = saved;
        }
    }

    private Expr parseBoolOp(int s, Expr first, TokenKind opToken, BoolOperator op, int operandPrec) {
        ArrayList<Expr> values = new ArrayList<>(4);
        values.add(first);
        while (accept(opToken)) {
            values.add(parseBinary(operandPrec));
        }
        int e = endTok();
        return BoolOp.of(op, values, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private Expr parseComparison(int s, Expr left) {
        ArrayList<CmpOperator> ops = new ArrayList<>(2);
        ArrayList<Expr> comparators = new ArrayList<>(2);
        while (true) {
            CmpOperator op;
            switch (kind()) {
                case EQEQUAL -> op = CmpOperator.Eq;
                case NOTEQUAL -> op = CmpOperator.NotEq;
                case LESS -> op = CmpOperator.Lt;
                case GREATER -> op = CmpOperator.Gt;
                case LESSEQUAL -> op = CmpOperator.LtE;
                case GREATEREQUAL -> op = CmpOperator.GtE;
                case IN -> op = CmpOperator.In;
                case IS -> {
                    if (peek(1) == TokenKind.NOT) {
                        pos++;
                        op = CmpOperator.IsNot;
                    } else {
                        op = CmpOperator.Is;
                    }
                }
                case NOT -> {
                    if (peek(1) != TokenKind.IN) {
                        op = null;
                    } else {
                        pos++;
                        op = CmpOperator.NotIn;
                    }
                }
                default -> op = null;
            }
            if (op == null) {
                break;
            }
            if (op == CmpOperator.NotEq && !src.startsWith("!=", tokens.start(pos))) {
                // '<>' is only valid under 'from __future__ import barry_as_FLUFL'.
                throw fail("invalid syntax");
            }
            pos++;
            ops.add(op);
            comparators.add(parseBinary(P_BOR));
        }
        int e = endTok();
        return Compare.of(left, ops, comparators, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** Prefix operators ({@code not}, {@code - + ~}) allowed at {@code minPrec}, then their operand. */
    private Expr parsePrefixed(int minPrec) {
        TokenKind k = kind();
        if (k == TokenKind.NOT) {
            if (minPrec > P_NOT) {
                throw fail(minPrec > P_CMP ? "'not' after an operator must be parenthesized" : "invalid syntax");
            }
            return parseNotChain();
        }
        if (k == TokenKind.MINUS || k == TokenKind.PLUS || k == TokenKind.TILDE) {
            return parseUnaryChain();
        }
        return parsePower();
    }

    private Expr parseNotChain() {
        int first = pos;
        int count = 0;
        while (at(TokenKind.NOT)) {
            pos++;
            count++;
        }
        int saved = depth;
        depth += count;
        if (depth > MAX_DEPTH) {
            throw fail("too many nested expressions: Python source too complex to parse");
        }
        Expr operand = parseBinary(P_CMP);
        depth = saved;
        int e = endTok();
        for (int t = first + count - 1; t >= first; t--) {
            operand = UnaryOp.of(UnaryOperator.Not, operand, ln(t), co(t), eln(e), eco(e), so(t), eo(e));
        }
        return operand;
    }

    private Expr parseUnaryChain() {
        int first = pos;
        int count = 0;
        while (true) {
            TokenKind k = kind();
            if (k != TokenKind.MINUS && k != TokenKind.PLUS && k != TokenKind.TILDE) {
                break;
            }
            pos++;
            count++;
        }
        int saved = depth;
        depth += count;
        if (depth > MAX_DEPTH) {
            throw fail("too many nested expressions: Python source too complex to parse");
        }
        if (at(TokenKind.NOT)) {
            throw fail("invalid syntax");
        }
        Expr operand = parsePower();
        depth = saved;
        int e = endTok();
        for (int t = first + count - 1; t >= first; t--) {
            UnaryOperator op = switch (tokens.kind(t)) {
                case MINUS -> UnaryOperator.USub;
                case PLUS -> UnaryOperator.UAdd;
                default -> UnaryOperator.Invert;
            };
            operand = UnaryOp.of(op, operand, ln(t), co(t), eln(e), eco(e), so(t), eo(e));
        }
        return operand;
    }

    /** {@code power}: {@code await_primary ['**' factor]}. */
    private Expr parsePower() {
        int s = pos;
        Expr base;
        if (at(TokenKind.AWAIT)) {
            pos++;
            enter(W_SMALL);
            Expr v = parsePrimary();
            leave(W_SMALL);
            int e = endTok();
            base = Await.of(v, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        } else {
            base = parsePrimary();
        }
        if (at(TokenKind.DOUBLESTAR)) {
            pos++;
            enter(W_POW);
            Expr right = parseBinary(P_UNARY);
            leave(W_POW);
            int e = endTok();
            return BinOp.of(base, Operator.Pow, right, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        return base;
    }

    // ---- primaries ----

    /** {@code primary}: an atom followed by {@code .name}, calls and subscripts. */
    final Expr parsePrimary() {
        int s = pos;
        Expr e = parseAtom();
        TokenKind k = kind();
        if (k != TokenKind.DOT && k != TokenKind.LPAR && k != TokenKind.LSQB) {
            return e;
        }
        int saved = depth;
        try {
            while (true) {
                k = kind();
                if (k == TokenKind.DOT) {
                    deepen();
                    pos++;
                    if (!at(TokenKind.NAME)) {
                        return attributeWithoutName(s, e);
                    }
                    int t = pos++;
                    e = Attribute.of(e, identifier(t), ExprContext.Load, ln(s), co(s), eln(t), eco(t), so(s), eo(t));
                } else if (k == TokenKind.LPAR) {
                    enter(W_BRACKET);
                    e = parseCall(s, e);
                    stack -= W_BRACKET;
                } else if (k == TokenKind.LSQB) {
                    enter(W_BRACKET);
                    e = parseSubscript(s, e);
                    stack -= W_BRACKET;
                } else {
                    return e;
                }
            }
        } finally {
            depth = saved;
        }
    }

    /** After {@code e.} without a name: an error, or in recovery mode an attribute with a missing name. */
    private Expr attributeWithoutName(int s, Expr e) {
        if (!lenient) {
            throw unexpected();
        }
        int d = pos - 1;
        return Attribute.of(e, Placeholders.MISSING_IDENTIFIER, ExprContext.Load, ln(s), co(s), eln(d), eco(d), so(s),
                eo(d));
    }

    /** A token no operand starts with: an error, or in recovery mode a missing expression. */
    private Expr missingAtom() {
        if (!lenient) {
            throw unexpectedInExpression();
        }
        return missingExpression();
    }

    private Expr parseAtom() {
        int t = pos;
        switch (kind()) {
            case NAME -> {
                pos++;
                return Name.of(identifier(t), ExprContext.Load, ln(t), co(t), eln(t), eco(t), so(t), eo(t));
            }
            case NUMBER -> {
                pos++;
                ConstantValue v = numberValue(t);
                return Constant.of(v, null, ln(t), co(t), eln(t), eco(t), so(t), eo(t));
            }
            case STRING, FSTRING_START, TSTRING_START -> {
                return parseStrings();
            }
            case TRUE -> {
                pos++;
                return Constant.of(ConstantValue.TRUE, null, ln(t), co(t), eln(t), eco(t), so(t), eo(t));
            }
            case FALSE -> {
                pos++;
                return Constant.of(ConstantValue.FALSE, null, ln(t), co(t), eln(t), eco(t), so(t), eo(t));
            }
            case NONE -> {
                pos++;
                return Constant.of(ConstantValue.NONE, null, ln(t), co(t), eln(t), eco(t), so(t), eo(t));
            }
            case ELLIPSIS -> {
                pos++;
                return Constant.of(ConstantValue.ELLIPSIS, null, ln(t), co(t), eln(t), eco(t), so(t), eo(t));
            }
            case LPAR -> {
                return parseParenthesized();
            }
            case LSQB -> {
                return parseListDisplay();
            }
            case LBRACE -> {
                return parseBraceDisplay();
            }
            default -> {
                return missingAtom();
            }
        }
    }

    /** The error for a token that cannot start an operand. */
    final Bail unexpectedInExpression() {
        return unexpected();
    }

    private Expr parseParenthesized() {
        int lpar = pos++;
        enter(W_BRACKET);
        if (at(TokenKind.RPAR)) {
            int r = pos++;
            leave(W_BRACKET);
            return Tuple.of(NO_EXPRS, ExprContext.Load, ln(lpar), co(lpar), eln(r), eco(r), so(lpar), eo(r));
        }
        if (at(TokenKind.YIELD)) {
            Expr y = parseYield();
            closeBracket(TokenKind.RPAR, lpar);
            leave(W_BRACKET);
            return y;
        }
        Expr first = parseStarNamedExpression();
        TokenKind k = kind();
        if (k == TokenKind.RPAR) {
            pos++;
            leave(W_BRACKET);
            if (first instanceof Starred) {
                throw failAtNode("cannot use starred expression here", first);
            }
            return first;
        }
        if (isComprehensionStart(k)) {
            List<Comprehension> gens = comprehensionsAfter(first);
            int r = closeBracket(TokenKind.RPAR, lpar);
            leave(W_BRACKET);
            return GeneratorExp.of(first, gens, ln(lpar), co(lpar), eln(r), eco(r), so(lpar), eo(r));
        }
        if (k != TokenKind.COMMA) {
            if (lenient) {
                leave(W_BRACKET);
                return first;
            }
            throw missingComma(first);
        }
        ArrayList<Expr> elts = new ArrayList<>(4);
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (at(TokenKind.RPAR) || lenientListEnd()) {
                break;
            }
            elts.add(parseStarNamedExpression());
        }
        int r = closeBracket(TokenKind.RPAR, lpar);
        leave(W_BRACKET);
        return Tuple.of(elts, ExprContext.Load, ln(lpar), co(lpar), eln(r), eco(r), so(lpar), eo(r));
    }

    /** After an element inside brackets, where only ',' or the closer may follow. */
    final Bail missingComma(Expr previous) {
        if (startsExpression(kind()) && !at(TokenKind.LAMBDA) && !at(TokenKind.NOT)) {
            report("invalid syntax. Perhaps you forgot a comma?", previous.startOffset(), tokens.end(pos));
            return BAIL;
        }
        return unexpected();
    }

    /** Expects the closing bracket of the one opened at {@code open}; returns its index. */
    final int closeBracket(TokenKind closer, int open) {
        if (at(closer)) {
            return pos++;
        }
        if (lenient) {
            return endTok();
        }
        if (atReportedError()) {
            throw BAIL;
        }
        TokenKind k = kind();
        if ((k == TokenKind.RPAR || k == TokenKind.RSQB || k == TokenKind.RBRACE)) {
            throw fail("closing parenthesis '" + tokens.text(pos) + "' does not match opening parenthesis '"
                    + tokens.text(open) + "'");
        }
        throw unexpected();
    }

    static boolean isComprehensionStart(TokenKind k) {
        return k == TokenKind.FOR || k == TokenKind.ASYNC;
    }

    private Expr parseListDisplay() {
        int lsq = pos++;
        enter(W_BRACKET);
        if (at(TokenKind.RSQB)) {
            int r = pos++;
            leave(W_BRACKET);
            return dev.typhon.ast.List.of(NO_EXPRS, ExprContext.Load, ln(lsq), co(lsq), eln(r), eco(r), so(lsq),
                    eo(r));
        }
        if (lenientListEnd()) {
            leave(W_BRACKET);
            return dev.typhon.ast.List.of(NO_EXPRS, ExprContext.Load, ln(lsq), co(lsq), eln(lsq), eco(lsq), so(lsq),
                    eo(lsq));
        }
        Expr first = parseStarNamedExpression();
        if (isComprehensionStart(kind())) {
            List<Comprehension> gens = comprehensionsAfter(first);
            int r = closeBracket(TokenKind.RSQB, lsq);
            leave(W_BRACKET);
            return ListComp.of(first, gens, ln(lsq), co(lsq), eln(r), eco(r), so(lsq), eo(r));
        }
        ArrayList<Expr> elts = displayElements(first, TokenKind.RSQB);
        int r = closeBracket(TokenKind.RSQB, lsq);
        leave(W_BRACKET);
        return dev.typhon.ast.List.of(elts, ExprContext.Load, ln(lsq), co(lsq), eln(r), eco(r), so(lsq), eo(r));
    }

    /**
     * The elements of a list or set display from its first one: {@code , element} up to the
     * closing bracket, which is left for the caller.
     */
    private ArrayList<Expr> displayElements(Expr first, TokenKind close) {
        ArrayList<Expr> elts = new ArrayList<>(4);
        elts.add(first);
        while (accept(TokenKind.COMMA)) {
            if (at(close) || lenientListEnd()) {
                break;
            }
            elts.add(parseStarNamedExpression());
        }
        if (!at(close)) {
            if (lenient) {
                return elts;
            }
            throw missingComma(elts.get(elts.size() - 1));
        }
        return elts;
    }

    /** The {@code for} clauses after a comprehension's element, which may not be starred. */
    private List<Comprehension> comprehensionsAfter(Expr element) {
        if (element instanceof Starred) {
            throw failAtNode("iterable unpacking cannot be used in comprehension", element);
        }
        return parseComprehensions();
    }

    private Expr parseBraceDisplay() {
        int lbr = pos++;
        enter(W_BRACKET);
        if (at(TokenKind.RBRACE)) {
            int r = pos++;
            leave(W_BRACKET);
            return Dict.of(NO_EXPRS, NO_EXPRS, ln(lbr), co(lbr), eln(r), eco(r), so(lbr), eo(r));
        }
        if (lenientListEnd()) {
            leave(W_BRACKET);
            return Dict.of(NO_EXPRS, NO_EXPRS, ln(lbr), co(lbr), eln(lbr), eco(lbr), so(lbr), eo(lbr));
        }
        if (at(TokenKind.DOUBLESTAR)) {
            return parseDictRest(lbr, null, null);
        }
        int firstTok = pos;
        Expr first = parseStarNamedExpression();
        if (at(TokenKind.COLON) && !(first instanceof Starred)) {
            if (first instanceof NamedExpr && tokens.start(firstTok) == first.startOffset()) {
                throw fail("invalid syntax");
            }
            pos++;
            Expr value = parseExpression();
            return parseDictRest(lbr, first, value);
        }
        if (isComprehensionStart(kind())) {
            List<Comprehension> gens = comprehensionsAfter(first);
            int r = closeBracket(TokenKind.RBRACE, lbr);
            leave(W_BRACKET);
            return SetComp.of(first, gens, ln(lbr), co(lbr), eln(r), eco(r), so(lbr), eo(r));
        }
        ArrayList<Expr> elts = displayElements(first, TokenKind.RBRACE);
        int r = closeBracket(TokenKind.RBRACE, lbr);
        leave(W_BRACKET);
        return dev.typhon.ast.Set.of(elts, ln(lbr), co(lbr), eln(r), eco(r), so(lbr), eo(r));
    }

    /**
     * The rest of a dict display or comprehension. {@code firstKey}/{@code firstValue} hold the
     * first pair when it is a {@code key: value}; null means the cursor is at a {@code **}.
     */
    private Expr parseDictRest(int lbr, Expr firstKey, Expr firstValue) {
        ArrayList<Expr> keys = new ArrayList<>(4);
        ArrayList<Expr> values = new ArrayList<>(4);
        if (firstKey != null) {
            if (isComprehensionStart(kind())) {
                List<Comprehension> gens = parseComprehensions();
                int r = closeBracket(TokenKind.RBRACE, lbr);
                leave(W_BRACKET);
                return DictComp.of(firstKey, firstValue, gens, ln(lbr), co(lbr), eln(r), eco(r), so(lbr), eo(r));
            }
            keys.add(firstKey);
            values.add(firstValue);
            if (!accept(TokenKind.COMMA)) {
                if (!at(TokenKind.RBRACE)) {
                    if (!lenient) {
                        throw missingComma(firstValue);
                    }
                    return endDict(lbr, keys, values);
                }
            }
        }
        while (!at(TokenKind.RBRACE)) {
            if (lenientListEnd()) {
                break;
            }
            if (at(TokenKind.DOUBLESTAR)) {
                int star = pos++;
                Expr v = parseBinary(P_BOR);
                if (isComprehensionStart(kind())) {
                    throw failAt("dict unpacking cannot be used in dict comprehension", star);
                }
                keys.add(null);
                values.add(v);
            } else {
                Expr k = parseExpression();
                if (!at(TokenKind.COLON) && lenient) {
                    keys.add(k);
                    values.add(missingExpression());
                    break;
                }
                if (!at(TokenKind.COLON)) {
                    if (at(TokenKind.COMMA) || at(TokenKind.RBRACE)) {
                        throw fail("':' expected after dictionary key");
                    }
                    throw unexpected();
                }
                pos++;
                if (at(TokenKind.STAR) || at(TokenKind.DOUBLESTAR)) {
                    throw fail("cannot use a starred expression in a dictionary value");
                }
                if ((at(TokenKind.RBRACE) || at(TokenKind.COMMA)) && !lenient) {
                    throw fail("expression expected after dictionary key and ':'");
                }
                keys.add(k);
                values.add(parseExpression());
            }
            if (!accept(TokenKind.COMMA)) {
                if (!at(TokenKind.RBRACE)) {
                    if (lenient) {
                        break;
                    }
                    throw missingComma(values.get(values.size() - 1));
                }
                break;
            }
        }
        return endDict(lbr, keys, values);
    }

    private Expr endDict(int lbr, List<Expr> keys, List<Expr> values) {
        int r = closeBracket(TokenKind.RBRACE, lbr);
        leave(W_BRACKET);
        return Dict.of(keys, values, ln(lbr), co(lbr), eln(r), eco(r), so(lbr), eo(r));
    }

    /** {@code for_if_clauses}: one or more {@code [async] for targets in disjunction (if disjunction)*}. */
    final List<Comprehension> parseComprehensions() {
        ArrayList<Comprehension> gens = new ArrayList<>(1);
        while (true) {
            int isAsync = 0;
            int s = pos;
            if (at(TokenKind.ASYNC)) {
                if (peek(1) != TokenKind.FOR) {
                    break;
                }
                pos++;
                isAsync = 1;
            } else if (!at(TokenKind.FOR)) {
                break;
            }
            pos++;
            Expr target = parseForTargets();
            Expr iter;
            if (!accept(TokenKind.IN)) {
                if (!lenient) {
                    throw fail("invalid syntax");
                }
                iter = missingExpression();
            } else {
                iter = parseBinary(P_OR);
            }
            List<Expr> ifs = NO_EXPRS;
            if (at(TokenKind.IF)) {
                ifs = new ArrayList<>(1);
                while (accept(TokenKind.IF)) {
                    ifs.add(parseBinary(P_OR));
                }
            }
            // `[async] for target in iter if cond ...`: to the end of the last condition.
            gens.add(Comprehension.of(target, iter, ifs, isAsync, so(s), eo(endTok())));
        }
        return gens;
    }

    /**
     * The target list of a {@code for} (statement or comprehension) up to its {@code in}: each
     * element parsed at {@code bitwise_or} level so that {@code in} is not taken as an operator,
     * then converted to store context.
     */
    final Expr parseForTargets() {
        int s = pos;
        Expr first = parseTargetElement();
        Expr t = first;
        if (at(TokenKind.COMMA)) {
            ArrayList<Expr> elts = new ArrayList<>(4);
            elts.add(first);
            while (accept(TokenKind.COMMA)) {
                if (!startsStarExpression(kind())) {
                    break;
                }
                elts.add(parseTargetElement());
            }
            int e = endTok();
            t = Tuple.of(elts, ExprContext.Load, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        return storeTarget(t, Targets.Kind.FOR_TARGETS);
    }

    /** One element of a target list: {@code ['*'] bitwise_or}. */
    final Expr parseTargetElement() {
        if (at(TokenKind.STAR)) {
            return parseStarred();
        }
        return parseBinary(P_BOR);
    }

    /** Converts {@code e} to a Store target, reporting it if it cannot be assigned to. */
    final Expr storeTarget(Expr e, Targets.Kind kind) {
        Expr bad = Targets.invalidTarget(e, kind);
        if (bad != null) {
            throw failAtNode("cannot assign to " + Targets.describe(bad), bad);
        }
        return Targets.withContext(e, ExprContext.Store);
    }

    // ---- calls and subscripts ----

    private Expr parseCall(int s, Expr func) {
        int lpar = pos++;
        if (at(TokenKind.RPAR)) {
            int r = pos++;
            return Call.of(func, NO_EXPRS, List.<Keyword>of(), ln(s), co(s), eln(r), eco(r), so(s), eo(r));
        }
        ArrayList<Expr> args = new ArrayList<>(4);
        List<Keyword> keywords = parseArguments(lpar, args, true);
        int r = closeBracket(TokenKind.RPAR, lpar);
        if (args.size() == 1 && keywords.isEmpty() && args.get(0) instanceof GeneratorExp g
                && g.startOffset() == -1) {
            args.set(0, GeneratorExp.of(g.elt(), g.generators(), ln(lpar), co(lpar), eln(r), eco(r), so(lpar),
                    eo(r)));
        }
        return Call.of(func, args, keywords, ln(s), co(s), eln(r), eco(r), so(s), eo(r));
    }

    /**
     * Call or class arguments after the '(' at {@code lpar}, up to the ')' (left unconsumed).
     * With {@code allowGenexp}, a sole unparenthesized generator is accepted; it is returned with
     * a start offset of -1 for the caller to span over the parentheses.
     */
    final List<Keyword> parseArguments(int lpar, List<Expr> args, boolean allowGenexp) {
        ArrayList<Keyword> keywords = null;
        boolean sawKeyword = false;
        boolean sawDoubleStar = false;
        boolean bareGenexp = false;
        while (!at(TokenKind.RPAR)) {
            if (lenientListEnd()) {
                break;
            }
            int a = pos;
            TokenKind k = kind();
            if (k == TokenKind.STAR) {
                pos++;
                Expr v = parseExpression();
                int e = endTok();
                if (isComprehensionStart(kind())) {
                    throw failAt("iterable unpacking cannot be used in comprehension", a);
                }
                if (sawDoubleStar) {
                    report("iterable argument unpacking follows keyword argument unpacking", so(a), eo(e));
                }
                args.add(Starred.of(v, ExprContext.Load, ln(a), co(a), eln(e), eco(e), so(a), eo(e)));
            } else if (k == TokenKind.DOUBLESTAR) {
                pos++;
                Expr v = parseExpression();
                int e = endTok();
                if (at(TokenKind.EQUAL)) {
                    throw failAt("cannot assign to keyword argument unpacking", a);
                }
                if (keywords == null) {
                    keywords = new ArrayList<>(2);
                }
                keywords.add(Keyword.of(null, v, ln(a), co(a), eln(e), eco(e), so(a), eo(e)));
                sawDoubleStar = true;
            } else if (k == TokenKind.NAME && peek(1) == TokenKind.EQUAL) {
                String name = identifier(a);
                pos += 2;
                if ((at(TokenKind.COMMA) || at(TokenKind.RPAR)) && !lenient) {
                    report("expected argument value expression", so(a), eo(a + 1));
                    throw BAIL;
                }
                Expr v = parseExpression();
                if (isComprehensionStart(kind())) {
                    throw failAt("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a);
                }
                int e = endTok();
                if (keywords == null) {
                    keywords = new ArrayList<>(2);
                }
                keywords.add(Keyword.of(name, v, ln(a), co(a), eln(e), eco(e), so(a), eo(e)));
                sawKeyword = true;
            } else {
                if ((k == TokenKind.TRUE || k == TokenKind.FALSE || k == TokenKind.NONE)
                        && peek(1) == TokenKind.EQUAL) {
                    throw failAt("cannot assign to " + tokens.text(a), a);
                }
                Expr v = parseNamedExpression();
                if (at(TokenKind.EQUAL)) {
                    throw failAtNode("expression cannot contain assignment, perhaps you meant \"==\"?", v);
                }
                if (isComprehensionStart(kind())) {
                    List<Comprehension> gens = parseComprehensions();
                    int e = endTok();
                    boolean sole = allowGenexp && args.isEmpty() && keywords == null
                            && (at(TokenKind.RPAR) || lenient && !at(TokenKind.COMMA));
                    if (!sole) {
                        report("Generator expression must be parenthesized", so(a), eo(e));
                        throw BAIL;
                    }
                    bareGenexp = true;
                    v = GeneratorExp.of(v, gens, -1, -1, -1, -1, -1, -1);
                } else if (bareGenexp) {
                    throw failAtNode("Generator expression must be parenthesized", args.get(0));
                }
                // CPython points just past the argument.
                if (sawDoubleStar) {
                    reportAtToken("positional argument follows keyword argument unpacking", pos);
                } else if (sawKeyword) {
                    reportAtToken("positional argument follows keyword argument", pos);
                }
                args.add(v);
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
            if (bareGenexp) {
                throw failAtNode("Generator expression must be parenthesized", args.get(0));
            }
        }
        if (!at(TokenKind.RPAR) && !lenient) {
            if (atReportedError()) {
                throw BAIL;
            }
            Expr lastArg = null;
            if (keywords != null) {
                lastArg = keywords.get(keywords.size() - 1).value();
            }
            if (!args.isEmpty()
                    && (lastArg == null || args.get(args.size() - 1).startOffset() > lastArg.startOffset())) {
                lastArg = args.get(args.size() - 1);
            }
            if (lastArg != null) {
                throw missingComma(lastArg);
            }
            throw unexpected();
        }
        return keywords == null ? List.of() : keywords;
    }

    private Expr parseSubscript(int s, Expr value) {
        int lsq = pos++;
        int es = pos;
        Expr first = parseSliceItem();
        Expr index = first;
        if (at(TokenKind.COMMA)) {
            ArrayList<Expr> elts = new ArrayList<>(4);
            elts.add(first);
            while (accept(TokenKind.COMMA)) {
                if (at(TokenKind.RSQB) || lenient && !startsExpression(kind()) && !at(TokenKind.STAR)
                        && !at(TokenKind.COLON)) {
                    break;
                }
                elts.add(parseSliceItem());
            }
            int e = endTok();
            index = Tuple.of(elts, ExprContext.Load, ln(es), co(es), eln(e), eco(e), so(es), eo(e));
        } else if (first instanceof Starred) {
            int e = endTok();
            index = Tuple.of(List.of(first), ExprContext.Load, ln(es), co(es), eln(e), eco(e), so(es), eo(e));
        }
        int r = closeBracket(TokenKind.RSQB, lsq);
        return Subscript.of(value, index, ExprContext.Load, ln(s), co(s), eln(r), eco(r), so(s), eo(r));
    }

    /** {@code slice | starred_expression} inside a subscript. */
    private Expr parseSliceItem() {
        int s = pos;
        if (at(TokenKind.STAR)) {
            requireVersion(PythonVersion.PY311, "starred expressions in subscripts", pos);
            pos++;
            Expr v = parseBinary(P_BOR);
            int e = endTok();
            return Starred.of(v, ExprContext.Load, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        Expr lower = null;
        if (!at(TokenKind.COLON)) {
            lower = parseNamedExpression();
            if (!at(TokenKind.COLON)) {
                if (lower instanceof NamedExpr && tokens.start(s) == lower.startOffset()) {
                    requireVersion(PythonVersion.PY310, "unparenthesized assignment expressions in subscripts",
                            lower.startOffset(), lower.endOffset());
                }
                return lower;
            }
            if (lower instanceof NamedExpr && tokens.start(s) == lower.startOffset()) {
                throw fail("invalid syntax");
            }
        }
        pos++; // ':'
        Expr upper = null;
        if (startsExpression(kind())) {
            upper = parseExpression();
        }
        Expr step = null;
        if (accept(TokenKind.COLON)) {
            if (startsExpression(kind())) {
                step = parseExpression();
            }
        }
        int e = endTok();
        return Slice.of(lower, upper, step, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    // ---- lambda ----

    private Expr parseLambda() {
        int s = pos++;
        enter(W_LAMBDA);
        Arguments args = parseLambdaParameters();
        if (!at(TokenKind.COLON)) {
            if (!lenient) {
                throw fail("expected ':'");
            }
            Expr body = missingExpression();
            leave(W_LAMBDA);
            int e = endTok();
            return Lambda.of(args, body, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        pos++;
        TokenKind k = kind();
        if (k == TokenKind.FSTRING_MIDDLE || k == TokenKind.TSTRING_MIDDLE) {
            String what = k == TokenKind.FSTRING_MIDDLE ? "f-string" : "t-string";
            throw failAt(what + ": lambda expressions are not allowed without parentheses", s);
        }
        Expr body = parseExpression();
        leave(W_LAMBDA);
        int e = endTok();
        return Lambda.of(args, body, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }
}
