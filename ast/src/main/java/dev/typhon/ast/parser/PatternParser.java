package dev.typhon.ast.parser;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.BinOp;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.MatchAs;
import dev.typhon.ast.MatchClass;
import dev.typhon.ast.MatchMapping;
import dev.typhon.ast.MatchOr;
import dev.typhon.ast.MatchSequence;
import dev.typhon.ast.MatchSingleton;
import dev.typhon.ast.MatchStar;
import dev.typhon.ast.MatchValue;
import dev.typhon.ast.Name;
import dev.typhon.ast.Operator;
import dev.typhon.ast.Pattern;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.UnaryOperator;
import java.util.ArrayList;
import java.util.List;

/** The patterns of {@code case} clauses (PEP 634). */
abstract class PatternParser extends ParameterParser {

    private static final List<Pattern> NO_PATTERNS = List.of();

    PatternParser(TokenBuffer tokens, ParseOptions options) {
        super(tokens, options);
    }

    /** {@code patterns}: an open sequence ({@code a, *b}) or a single pattern. */
    final Pattern parsePatterns() {
        int s = pos;
        Pattern first = parseMaybeStarPattern();
        if (!at(TokenKind.COMMA)) {
            if (first instanceof MatchStar) {
                throw failAtNode("invalid syntax", first);
            }
            return first;
        }
        ArrayList<Pattern> items = new ArrayList<>(4);
        items.add(first);
        while (accept(TokenKind.COMMA)) {
            if (!startsPattern(kind())) {
                break;
            }
            items.add(parseMaybeStarPattern());
        }
        int e = endTok();
        return MatchSequence.of(items, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private static boolean startsPattern(TokenKind k) {
        return switch (k) {
            case NAME, NUMBER, STRING, FSTRING_START, TSTRING_START, LPAR, LSQB, LBRACE, MINUS, STAR, TRUE, FALSE,
                    NONE -> true;
            default -> false;
        };
    }

    private Pattern parseMaybeStarPattern() {
        if (at(TokenKind.STAR)) {
            int s = pos++;
            int n = expect(TokenKind.NAME);
            int e = n;
            String name = nameIs(n, "_") ? null : identifier(n);
            if (at(TokenKind.DOT) || at(TokenKind.LPAR) || at(TokenKind.EQUAL)) {
                throw unexpected();
            }
            return MatchStar.of(name, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        return parsePattern();
    }

    /** {@code pattern}: an or-pattern, optionally {@code as NAME}. */
    final Pattern parsePattern() {
        int s = pos;
        enter(W_PATTERN);
        Pattern p = parseOrPattern();
        if (at(TokenKind.AS)) {
            pos++;
            if (!at(TokenKind.NAME)) {
                throw fail("invalid pattern target");
            }
            int n = pos++;
            if (nameIs(n, "_")) {
                throw failAt("cannot use '_' as a target", n);
            }
            if (at(TokenKind.DOT) || at(TokenKind.LPAR) || at(TokenKind.EQUAL)) {
                throw failAt("invalid pattern target", n);
            }
            p = MatchAs.of(p, identifier(n), ln(s), co(s), eln(n), eco(n), so(s), eo(n));
        }
        leave(W_PATTERN);
        return p;
    }

    private Pattern parseOrPattern() {
        int s = pos;
        Pattern first = parseClosedPattern();
        if (!at(TokenKind.VBAR)) {
            return first;
        }
        ArrayList<Pattern> alts = new ArrayList<>(4);
        alts.add(first);
        while (accept(TokenKind.VBAR)) {
            alts.add(parseClosedPattern());
        }
        int e = endTok();
        return MatchOr.of(alts, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private Pattern parseClosedPattern() {
        int s = pos;
        switch (kind()) {
            case NAME -> {
                return parseNamePattern();
            }
            case NUMBER, MINUS -> {
                Expr v = parseSignedNumberOrComplex();
                int e = endTok();
                return MatchValue.of(v, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
            }
            case STRING, FSTRING_START, TSTRING_START -> {
                Expr v = parseStrings();
                int e = endTok();
                return MatchValue.of(v, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
            }
            case NONE, TRUE, FALSE -> {
                pos++;
                ConstantValue v = switch (tokens.kind(s)) {
                    case NONE -> ConstantValue.NONE;
                    case TRUE -> ConstantValue.TRUE;
                    default -> ConstantValue.FALSE;
                };
                return MatchSingleton.of(v, ln(s), co(s), eln(s), eco(s), so(s), eo(s));
            }
            case LPAR -> {
                return parseParenPattern();
            }
            case LSQB -> {
                pos++;
                List<Pattern> items = parseSequenceItems(TokenKind.RSQB);
                int r = closeBracket(TokenKind.RSQB, s);
                return MatchSequence.of(items, ln(s), co(s), eln(r), eco(r), so(s), eo(r));
            }
            case LBRACE -> {
                return parseMappingPattern();
            }
            default -> throw unexpected();
        }
    }

    /** Capture, wildcard, value ({@code a.b}) or class ({@code A(...)}) pattern. */
    private Pattern parseNamePattern() {
        int s = pos++;
        if (!at(TokenKind.DOT) && !at(TokenKind.LPAR)) {
            if (at(TokenKind.EQUAL)) {
                throw unexpected();
            }
            String name = nameIs(s, "_") ? null : identifier(s);
            return MatchAs.of(null, name, ln(s), co(s), eln(s), eco(s), so(s), eo(s));
        }
        Expr e = Name.of(identifier(s), ExprContext.Load, ln(s), co(s), eln(s), eco(s), so(s), eo(s));
        while (accept(TokenKind.DOT)) {
            int n = expect(TokenKind.NAME);
            e = Attribute.of(e, identifier(n), ExprContext.Load, ln(s), co(s), eln(n), eco(n), so(s), eo(n));
        }
        if (at(TokenKind.LPAR)) {
            return parseClassPattern(s, e);
        }
        if (at(TokenKind.EQUAL)) {
            throw unexpected();
        }
        int end = endTok();
        return MatchValue.of(e, ln(s), co(s), eln(end), eco(end), so(s), eo(end));
    }

    private Pattern parseClassPattern(int s, Expr cls) {
        int lpar = pos++;
        ArrayList<Pattern> positional = new ArrayList<>(2);
        ArrayList<String> kwdAttrs = new ArrayList<>(2);
        ArrayList<Pattern> kwdPatterns = new ArrayList<>(2);
        while (!at(TokenKind.RPAR)) {
            if (at(TokenKind.NAME) && peek(1) == TokenKind.EQUAL) {
                int n = pos;
                pos += 2;
                kwdAttrs.add(identifier(n));
                kwdPatterns.add(parsePattern());
            } else {
                Pattern p = parsePattern();
                if (!kwdAttrs.isEmpty()) {
                    throw failAtNode("positional patterns follow keyword patterns", p);
                }
                positional.add(p);
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        int r = closeBracket(TokenKind.RPAR, lpar);
        return MatchClass.of(cls, positional, kwdAttrs, kwdPatterns, ln(s), co(s), eln(r), eco(r), so(s), eo(r));
    }

    /** {@code '(' pattern ')'} (the pattern itself) or a parenthesized sequence pattern. */
    private Pattern parseParenPattern() {
        int lpar = pos++;
        if (at(TokenKind.RPAR)) {
            int r = pos++;
            return MatchSequence.of(NO_PATTERNS, ln(lpar), co(lpar), eln(r), eco(r), so(lpar), eo(r));
        }
        Pattern first = parseMaybeStarPattern();
        if (at(TokenKind.RPAR) && !(first instanceof MatchStar)) {
            pos++;
            return first;
        }
        ArrayList<Pattern> items = new ArrayList<>(4);
        items.add(first);
        if (!at(TokenKind.COMMA)) {
            throw unexpected();
        }
        while (accept(TokenKind.COMMA)) {
            if (at(TokenKind.RPAR)) {
                break;
            }
            items.add(parseMaybeStarPattern());
        }
        int r = closeBracket(TokenKind.RPAR, lpar);
        return MatchSequence.of(items, ln(lpar), co(lpar), eln(r), eco(r), so(lpar), eo(r));
    }

    private List<Pattern> parseSequenceItems(TokenKind closer) {
        if (at(closer)) {
            return NO_PATTERNS;
        }
        ArrayList<Pattern> items = new ArrayList<>(4);
        while (!at(closer)) {
            items.add(parseMaybeStarPattern());
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        return items;
    }

    private Pattern parseMappingPattern() {
        int lbr = pos++;
        ArrayList<Expr> keys = new ArrayList<>(4);
        ArrayList<Pattern> values = new ArrayList<>(4);
        String rest = null;
        while (!at(TokenKind.RBRACE)) {
            if (at(TokenKind.DOUBLESTAR)) {
                pos++;
                int n = expect(TokenKind.NAME);
                if (nameIs(n, "_") || at(TokenKind.DOT) || at(TokenKind.LPAR) || at(TokenKind.EQUAL)) {
                    throw failAt("invalid syntax", n);
                }
                rest = identifier(n);
                accept(TokenKind.COMMA);
                if (!at(TokenKind.RBRACE)) {
                    throw unexpected();
                }
                break;
            }
            keys.add(parseMappingKey());
            expect(TokenKind.COLON);
            values.add(parsePattern());
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        int r = closeBracket(TokenKind.RBRACE, lbr);
        return MatchMapping.of(keys, values, rest, ln(lbr), co(lbr), eln(r), eco(r), so(lbr), eo(r));
    }

    /** A mapping key: a literal ({@code literal_expr}) or a dotted name of at least two parts. */
    private Expr parseMappingKey() {
        int s = pos;
        switch (kind()) {
            case NUMBER, MINUS -> {
                return parseSignedNumberOrComplex();
            }
            case STRING, FSTRING_START, TSTRING_START -> {
                return parseStrings();
            }
            case NONE, TRUE, FALSE -> {
                pos++;
                ConstantValue v = switch (tokens.kind(s)) {
                    case NONE -> ConstantValue.NONE;
                    case TRUE -> ConstantValue.TRUE;
                    default -> ConstantValue.FALSE;
                };
                return Constant.of(v, null, ln(s), co(s), eln(s), eco(s), so(s), eo(s));
            }
            case NAME -> {
                pos++;
                if (!at(TokenKind.DOT)) {
                    throw unexpected();
                }
                Expr e = Name.of(identifier(s), ExprContext.Load, ln(s), co(s), eln(s), eco(s), so(s), eo(s));
                while (accept(TokenKind.DOT)) {
                    int n = expect(TokenKind.NAME);
                    e = Attribute.of(e, identifier(n), ExprContext.Load, ln(s), co(s), eln(n), eco(n), so(s),
                            eo(n));
                }
                return e;
            }
            default -> throw unexpected();
        }
    }

    /** {@code signed_number !('+'|'-') | complex_number}: {@code 1}, {@code -1}, {@code 1 + 2j}, {@code -1 - 2j}. */
    private Expr parseSignedNumberOrComplex() {
        int s = pos;
        Expr real = parseSignedNumber();
        if (!at(TokenKind.PLUS) && !at(TokenKind.MINUS)) {
            return real;
        }
        Operator op = at(TokenKind.PLUS) ? Operator.Add : Operator.Sub;
        if (!isRealNumber(real)) {
            throw failAtNode("real number required in complex literal", real);
        }
        pos++;
        if (!at(TokenKind.NUMBER)) {
            throw unexpected();
        }
        int n = pos++;
        Constant imag = numberConstant(n);
        if (!(imag.value() instanceof ConstantValue.Complex)) {
            throw failAt("imaginary number required in complex literal", n);
        }
        return BinOp.of(real, op, imag, ln(s), co(s), eln(n), eco(n), so(s), eo(n));
    }

    private static boolean isRealNumber(Expr e) {
        Expr v = e instanceof UnaryOp u ? u.operand() : e;
        return v instanceof Constant c && !(c.value() instanceof ConstantValue.Complex);
    }

    private Expr parseSignedNumber() {
        int s = pos;
        if (accept(TokenKind.MINUS)) {
            if (!at(TokenKind.NUMBER)) {
                throw unexpected();
            }
            int n = pos++;
            Constant c = numberConstant(n);
            return UnaryOp.of(UnaryOperator.USub, c, ln(s), co(s), eln(n), eco(n), so(s), eo(n));
        }
        int n = expect(TokenKind.NUMBER);
        return numberConstant(n);
    }

    private Constant numberConstant(int t) {
        ConstantValue v = numberValue(t);
        return Constant.of(v, null, ln(t), co(t), eln(t), eco(t), so(t), eo(t));
    }
}
