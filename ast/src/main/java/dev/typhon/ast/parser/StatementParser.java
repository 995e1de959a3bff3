package dev.typhon.ast.parser;

import dev.typhon.ast.Alias;
import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Arguments;
import dev.typhon.ast.Assert;
import dev.typhon.ast.Assign;
import dev.typhon.ast.AsyncFor;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.AsyncWith;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.AugAssign;
import dev.typhon.ast.Break;
import dev.typhon.ast.Call;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Continue;
import dev.typhon.ast.Delete;
import dev.typhon.ast.ExceptHandler;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.ExprStmt;
import dev.typhon.ast.For;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.GeneratorExp;
import dev.typhon.ast.Global;
import dev.typhon.ast.If;
import dev.typhon.ast.Import;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Match;
import dev.typhon.ast.MatchCase;
import dev.typhon.ast.Module;
import dev.typhon.ast.Name;
import dev.typhon.ast.Nonlocal;
import dev.typhon.ast.Operator;
import dev.typhon.ast.Pass;
import dev.typhon.ast.Pattern;
import dev.typhon.ast.Placeholders;
import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.Raise;
import dev.typhon.ast.Return;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Stmt;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Try;
import dev.typhon.ast.TryStar;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.TypeAlias;
import dev.typhon.ast.TypeIgnore;
import dev.typhon.ast.TypeParam;
import dev.typhon.ast.While;
import dev.typhon.ast.With;
import dev.typhon.ast.WithItem;
import dev.typhon.ast.Yield;
import dev.typhon.ast.YieldFrom;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements, blocks and error recovery. When a statement fails to parse, the error is recorded,
 * the rest of its logical line skipped (an indented block under it is parsed for its own errors),
 * and parsing goes on with the next statement. The failed statement keeps what was typed: it is
 * parsed once more in recovery mode ({@link #lenient}), with placeholders for the missing pieces
 * (see {@link dev.typhon.ast.Placeholders}) and the indented block under a broken header as its
 * body; a compound statement that fails after a block (in an {@code elif}, {@code except},
 * {@code else} clause) keeps the clauses that parsed. That second parse reports nothing: the
 * errors are those of the first. Where it cannot build a sane statement, the statement is left out.
 */
final class StatementParser extends PatternParser {

    private static final List<Stmt> NO_STMTS = List.of();
    private static final List<Expr> NO_DECORATORS = List.of();
    private static final List<TypeParam> NO_TYPE_PARAMS = List.of();

    private final ArrayList<TypeIgnore> typeIgnores = new ArrayList<>(0);
    /** Last token of the last statement that parsed without error. */
    private int lastStmtEnd;
    /** The ':' of the last compound-statement header parsed. */
    private int lastColon;
    /** Whether the last statement failed (its else/elif/except clauses then fail silently). */
    private boolean previousFailed;
    /** Set by a compound statement to its last token (its end is not simply the last token read). */
    private int stmtEnd = -1;
    /** What a compound statement that failed after one of its blocks had parsed (see {@link #parseStatementRecovering}). */
    private Stmt partial;
    /** Where {@link #recover} stopped skipping: the token ending the failed statement's last line. */
    private int recoverFence;
    /** Recovery mode: the block skipped after the failed line, for the header that lacks one. */
    private List<Stmt> pendingBlock = NO_STMTS;
    /** Recovery mode: the last token of {@link #pendingBlock}. */
    private int pendingBlockEnd = -1;
    /** Recovery mode: the last header lacks its ':', so its body is the pending block. */
    private boolean headerIncomplete;

    StatementParser(TokenBuffer tokens, ParseOptions options) {
        super(tokens, options);
    }

    Module parseModule() {
        ArrayList<Stmt> body = new ArrayList<>();
        while (!at(TokenKind.ENDMARKER)) {
            if (at(TokenKind.NEWLINE) || at(TokenKind.DEDENT)) {
                pos++; // stray layout after an error
                continue;
            }
            parseStatementRecovering(body);
        }
        // The module spans the whole text, leading and trailing comments and blank lines included.
        return Module.of(body, typeIgnores, 0, src.length());
    }

    /** Records a {@code # type: ignore} comment (called by the entry point for each one). */
    void addTypeIgnore(TokenBuffer.TypeIgnore ignore) {
        typeIgnores.add(TypeIgnore.of(ignore.line(), ignore.tag(), ignore.start(), ignore.end()));
    }

    // ---- statement loop and recovery ----

    private void parseStatementRecovering(List<Stmt> out) {
        int start = pos;
        TokenKind first = kind();
        if (previousFailed && (first == TokenKind.ELIF || first == TokenKind.ELSE || first == TokenKind.EXCEPT
                || first == TokenKind.FINALLY)) {
            // A clause of the compound statement that just failed: that error covers it.
            pos++;
            recover(start);
            return;
        }
        int savedDepth = depth;
        int savedStack = stack;
        int kept = out.size();
        try {
            stmtEnd = -1;
            partial = null;
            parseStatement(out);
            lastStmtEnd = stmtEnd >= 0 ? stmtEnd : endTok();
            stmtEnd = -1;
            previousFailed = false;
        } catch (Bail b) {
            previousFailed = true;
            // Statements of an 'a; b' list that parsed before the error stay in the tree.
            depth = savedDepth;
            stack = savedStack;
            int failedAt = pos;
            Stmt salvaged = partial;
            partial = null;
            List<Stmt> block = recover(start);
            keepWhatWasTyped(out, kept, start, failedAt, salvaged, block);
        } catch (StackOverflowError e) {
            previousFailed = true;
            // Safety net only: the stack budget keeps parsing within 512 KB of stack.
            depth = savedDepth;
            stack = savedStack;
            reportAtToken("Python source too complex to parse (stack overflow)", Math.min(pos, last));
            recover(start);
        }
    }

    /**
     * Skips the rest of the failed statement: its logical line, and a block indented under it,
     * whose statements are returned (the failed header's body, if recovery keeps the header).
     */
    private List<Stmt> recover(int start) {
        if (pos == start && !at(TokenKind.ENDMARKER) && !at(TokenKind.NEWLINE)) {
            pos++;
        }
        while (!at(TokenKind.NEWLINE) && !at(TokenKind.ENDMARKER)) {
            if (at(TokenKind.INDENT) || at(TokenKind.DEDENT)) {
                break;
            }
            pos++;
        }
        int fence = pos;
        accept(TokenKind.NEWLINE);
        List<Stmt> skipped = NO_STMTS;
        if (at(TokenKind.INDENT)) {
            pos++;
            ArrayList<Stmt> dropped = new ArrayList<>();
            while (!at(TokenKind.DEDENT) && !at(TokenKind.ENDMARKER)) {
                parseStatementRecovering(dropped);
            }
            accept(TokenKind.DEDENT);
            skipped = dropped;
        }
        // The failed statement's own clauses (else, except, ...) may follow.
        previousFailed = true;
        recoverFence = fence;
        return skipped;
    }

    /**
     * After the statement at {@code start} failed at {@code failedAt} and {@link #recover} skipped
     * it (leaving {@code block}, the block indented under its last line): puts what was typed of
     * it into {@code out}, in place of the statements the failed parse left there from index
     * {@code kept} on. A statement that failed before any block of its own is parsed again in
     * recovery mode, which reads no further than the line where it failed; one that failed after
     * a block keeps {@code salvaged}, the clauses its failed parse completed. The cursor, the
     * errors and the parser state stay where the failed parse and {@code recover} left them.
     */
    private void keepWhatWasTyped(List<Stmt> out, int kept, int start, int failedAt, Stmt salvaged,
            List<Stmt> block) {
        boolean afterBlock = false;
        for (int i = start; i < failedAt; i++) {
            if (tokens.kind(i) == TokenKind.INDENT) {
                afterBlock = true;
                break;
            }
        }
        if (afterBlock) {
            if (salvaged != null && RecoveryRanges.wellNested(List.of(salvaged), so(start), eo(lastRealToken(pos - 1)),
                    java.util.Set.of())) {
                out.add(salvaged);
                lastStmtEnd = Math.max(lastStmtEnd, tokenEndingAt(salvaged.endOffset(), lastRealToken(pos - 1)));
            }
            return;
        }
        int resume = pos;
        int fence = recoverFence;
        int savedErrors = errors.size();
        int savedDepth = depth;
        int savedStack = stack;
        int savedLastStmtEnd = lastStmtEnd;
        int savedLastColon = lastColon;
        int savedStmtEnd = stmtEnd;
        boolean savedPreviousFailed = previousFailed;
        int blockEnd = block.isEmpty() ? -1 : tokenEndingAt(block.get(block.size() - 1).endOffset(), resume - 1);
        ArrayList<Stmt> again = new ArrayList<>(1);
        boolean ok = false;
        boolean blockUsed = false;
        int end = -1;
        lenient = true;
        lenientStart = start;
        pendingBlock = block;
        pendingBlockEnd = blockEnd;
        headerIncomplete = false;
        pos = start;
        stmtEnd = -1;
        lastStmtEnd = -1;
        lastColon = -1;
        try {
            parseStatement(again);
            blockUsed = pendingBlock == null;
            end = stmtEnd >= 0 ? stmtEnd : endTok();
            ok = pos > start && pos <= fence + 1 && !again.isEmpty();
        } catch (Bail | StackOverflowError e) {
            ok = false;
        } catch (RuntimeException e) {
            ok = false; // a placeholder the node factories refuse: keep the statement out
        } finally {
            lenient = false;
            pendingBlock = NO_STMTS;
            headerIncomplete = false;
            while (errors.size() > savedErrors) {
                errors.remove(errors.size() - 1);
            }
            depth = savedDepth;
            stack = savedStack;
            lastColon = savedLastColon;
            stmtEnd = savedStmtEnd;
            previousFailed = savedPreviousFailed;
            lastStmtEnd = savedLastStmtEnd;
            pos = resume;
        }
        if (!ok) {
            return;
        }
        int limit = Math.max(eo(Math.min(fence, last)), blockEnd >= 0 ? eo(blockEnd) : 0);
        java.util.Set<Stmt> trusted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (blockUsed) {
            trusted.addAll(block); // parsed (and checked) already
        }
        if (!RecoveryRanges.wellNested(again, so(start), limit, trusted)) {
            return;
        }
        while (out.size() > kept) {
            out.remove(out.size() - 1);
        }
        out.addAll(again);
        if (end >= 0) {
            lastStmtEnd = Math.max(lastStmtEnd, end);
        }
    }

    /** The last non-layout token at or before {@code from} that ends at or before {@code offset}. */
    private int tokenEndingAt(int offset, int from) {
        int t = Math.min(from, last);
        while (t > 0 && (tokens.end(t) > offset || isLayout(tokens.kind(t)))) {
            t--;
        }
        return t;
    }

    /** Recovery mode: the block skipped after the failed line, as the body of the header that lacks one. */
    private List<Stmt> takePendingBlock() {
        List<Stmt> b = pendingBlock == null ? NO_STMTS : pendingBlock;
        pendingBlock = null;
        headerIncomplete = false;
        if (!b.isEmpty()) {
            lastStmtEnd = Math.max(lastStmtEnd, pendingBlockEnd);
        }
        return b;
    }

    private void parseStatement(List<Stmt> out) {
        int s = pos;
        switch (kind()) {
            case DEF -> out.add(parseFunctionDef(s, NO_DECORATORS, false));
            case CLASS -> out.add(parseClassDef(s, NO_DECORATORS));
            case IF -> out.add(parseIf());
            case WHILE -> out.add(parseWhile());
            case FOR -> out.add(parseFor(s, false));
            case WITH -> out.add(parseWith(s, false));
            case TRY -> out.add(parseTry());
            case AT -> out.add(parseDecorated());
            case ASYNC -> {
                switch (peek(1)) {
                    case DEF -> {
                        pos++;
                        out.add(parseFunctionDef(s, NO_DECORATORS, true));
                    }
                    case FOR -> {
                        pos++;
                        out.add(parseFor(s, true));
                    }
                    case WITH -> {
                        pos++;
                        out.add(parseWith(s, true));
                    }
                    default -> {
                        pos++;
                        throw unexpected();
                    }
                }
            }
            case NAME -> {
                if (nameIs(s, "match") && isMatchStatement()) {
                    out.add(parseMatch());
                } else {
                    parseSimpleStatements(out);
                }
            }
            case INDENT -> {
                reportUnexpectedIndent(s);
                pos++;
                while (!at(TokenKind.DEDENT) && !at(TokenKind.ENDMARKER)) {
                    parseStatementRecovering(out);
                }
                accept(TokenKind.DEDENT);
            }
            default -> parseSimpleStatements(out);
        }
    }

    // ---- blocks ----

    /**
     * The body after a compound statement's ':': an indented block, or simple statements on the
     * same line. A missing indented block is reported and gives an empty body.
     */
    private List<Stmt> parseBlock(String what, int headerTok) {
        if (lenient && (headerIncomplete || pos >= recoverFence)) {
            return takePendingBlock();
        }
        if (at(TokenKind.NEWLINE)) {
            pos++;
            if (!at(TokenKind.INDENT)) {
                if (atReportedError()) {
                    return NO_STMTS;
                }
                reportAtToken("expected an indented block after " + what + " on line " + ln(headerTok), pos);
                return NO_STMTS;
            }
            pos++;
            ArrayList<Stmt> body = new ArrayList<>();
            while (!at(TokenKind.DEDENT) && !at(TokenKind.ENDMARKER)) {
                parseStatementRecovering(body);
            }
            accept(TokenKind.DEDENT);
            return body;
        }
        ArrayList<Stmt> body = new ArrayList<>(1);
        switch (kind()) {
            case DEF, CLASS, IF, WHILE, FOR, WITH, TRY, AT, ASYNC -> throw unexpected();
            default -> {
            }
        }
        if (at(TokenKind.ENDMARKER)) {
            reportAtToken("expected an indented block after " + what + " on line " + ln(headerTok), pos);
            return NO_STMTS;
        }
        parseSimpleStatements(body);
        lastStmtEnd = endTok();
        return body;
    }

    /**
     * Where a compound statement ends: its last statement that parsed (or its last header, when
     * its body failed), so that a broken final statement does not stretch it over garbage.
     */
    private int blockEnd() {
        int m = Math.max(lastStmtEnd, lastColon);
        return lastRealToken(lenient ? Math.max(m, endTok()) : m);
    }

    /**
     * The ':' ending a header. CPython says "expected ':'" where its grammar forces the colon
     * ({@code def}, {@code try}, {@code else}, {@code finally}: {@code forced}) or the line ends
     * right there; elsewhere the generic message.
     */
    private int expectColon(boolean forced) {
        if (at(TokenKind.COLON)) {
            lastColon = pos;
            return pos++;
        }
        if (lenient) {
            headerIncomplete = true;
            return -1;
        }
        if (atReportedError()) {
            throw BAIL;
        }
        throw fail(forced || at(TokenKind.NEWLINE) ? "expected ':'" : "invalid syntax");
    }

    /** A type comment right after a header's ':' (only in type-comment mode). */
    private String headerTypeComment() {
        if (at(TokenKind.TYPE_COMMENT)) {
            return typeCommentText(pos++);
        }
        if (at(TokenKind.NEWLINE) && peek(1) == TokenKind.TYPE_COMMENT && peek(2) == TokenKind.NEWLINE
                && peek(3) == TokenKind.INDENT) {
            pos++;
            return typeCommentText(pos++);
        }
        return null;
    }

    /** A function's type comment, which may also stand alone on the line after the header. */
    private String functionTypeComment() {
        if (at(TokenKind.TYPE_COMMENT) && peek(1) == TokenKind.NEWLINE && peek(2) == TokenKind.TYPE_COMMENT) {
            throw failAt("Cannot have two type comments on def", pos + 2);
        }
        return headerTypeComment();
    }

    // ---- simple statements ----

    private void parseSimpleStatements(List<Stmt> out) {
        while (true) {
            int before = pos;
            Stmt st = parseSimpleStatement();
            if (lenient && pos == before) {
                break; // nothing typed: no statement
            }
            out.add(st);
            if (accept(TokenKind.SEMI)) {
                if (at(TokenKind.NEWLINE)) {
                    break;
                }
                continue;
            }
            break;
        }
        if (lenient && !at(TokenKind.NEWLINE)) {
            return; // the statement keeps what parsed; the rest of the line is skipped
        }
        if (!at(TokenKind.NEWLINE)) {
            // The statement is not complete after all ('w = 5 6'): it stays out of the tree.
            Bail b = unexpectedAfterStatement(out.remove(out.size() - 1));
            throw b;
        }
        pos++;
    }

    private Bail unexpectedAfterStatement(Stmt last) {
        if (atReportedError()) {
            return BAIL;
        }
        if (last instanceof ExprStmt es && es.value() instanceof Name n
                && (n.id().equals("print") || n.id().equals("exec")) && startsExpression(kind())) {
            report("Missing parentheses in call to '" + n.id() + "'. Did you mean " + n.id() + "(...)?",
                    n.startOffset(), tokens.end(pos));
            return BAIL;
        }
        return unexpected();
    }

    private Stmt parseSimpleStatement() {
        int s = pos;
        switch (kind()) {
            case PASS -> {
                pos++;
                return Pass.of(ln(s), co(s), eln(s), eco(s), so(s), eo(s));
            }
            case BREAK -> {
                pos++;
                return Break.of(ln(s), co(s), eln(s), eco(s), so(s), eo(s));
            }
            case CONTINUE -> {
                pos++;
                return Continue.of(ln(s), co(s), eln(s), eco(s), so(s), eo(s));
            }
            case RETURN -> {
                pos++;
                Expr v = startsStarExpression(kind()) ? parseStarExpressions() : null;
                int e = endTok();
                return Return.of(v, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
            }
            case RAISE -> {
                return parseRaise();
            }
            case GLOBAL, NONLOCAL -> {
                return parseGlobal();
            }
            case DEL -> {
                return parseDel();
            }
            case ASSERT -> {
                pos++;
                Expr test = parseExpression();
                Expr msg = null;
                if (accept(TokenKind.COMMA)) {
                    msg = parseExpression();
                }
                int e = endTok();
                return Assert.of(test, msg, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
            }
            case IMPORT -> {
                return parseImport();
            }
            case FROM -> {
                return parseFromImport();
            }
            case NAME -> {
                if (peek(1) == TokenKind.NAME && nameIs(s, "type")) {
                    return parseTypeAlias();
                }
                return parseExpressionStatement();
            }
            case NEWLINE, SEMI -> throw unexpected();
            default -> {
                return parseExpressionStatement();
            }
        }
    }

    private Stmt parseExpressionStatement() {
        int s = pos;
        Expr first = at(TokenKind.YIELD) ? parseYield() : parseStarExpressions();
        TokenKind k = kind();
        if (k == TokenKind.EQUAL) {
            ArrayList<Expr> targets = new ArrayList<>(1);
            Expr value = first;
            while (at(TokenKind.EQUAL)) {
                int eq = pos++;
                targets.add(assignTarget(value, targets.isEmpty(), eq));
                value = at(TokenKind.YIELD) ? parseYield() : parseStarExpressions();
            }
            String typeComment = null;
            if (at(TokenKind.TYPE_COMMENT)) {
                typeComment = typeCommentText(pos++);
            }
            int e = endTok();
            return Assign.of(targets, value, typeComment, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        if (k == TokenKind.COLON) {
            return parseAnnotatedAssignment(s, first);
        }
        Operator aug = augmentedOperator(k);
        if (aug != null) {
            if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript)) {
                throw failAtNode("'" + Targets.describe(first) + "' is an illegal expression for augmented assignment",
                        first);
            }
            pos++;
            Expr value = at(TokenKind.YIELD) ? parseYield() : parseStarExpressions();
            int e = endTok();
            return AugAssign.of(Targets.withContext(first, ExprContext.Store), aug, value, ln(s), co(s), eln(e),
                    eco(e), so(s), eo(e));
        }
        int e = endTok();
        return ExprStmt.of(first, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** Checks and converts the left side of an '=' (the token at {@code eq}). */
    private Expr assignTarget(Expr e, boolean firstTarget, int eq) {
        if (e instanceof Yield || e instanceof YieldFrom) {
            throw failAtNode("assignment to yield expression not possible", e);
        }
        Expr bad = Targets.invalidTarget(e, Targets.Kind.STAR_TARGETS);
        if (bad != null) {
            boolean hint = bad == e && firstTarget && !(e instanceof dev.typhon.ast.List) && !(e instanceof Tuple)
                    && !(e instanceof GeneratorExp) && !isKeywordConstant(e) && isBitwiseOrLevel(e)
                    && peek(0) != TokenKind.EQUAL;
            throw failAtNode("cannot assign to " + Targets.describe(bad)
                    + (hint ? " here. Maybe you meant '==' instead of '='?" : ""), bad);
        }
        return Targets.withContext(e, ExprContext.Store);
    }

    private static boolean isKeywordConstant(Expr e) {
        return e instanceof Constant c && (c.value() instanceof ConstantValue.None
                || c.value() instanceof ConstantValue.Bool);
    }

    /** Whether {@code e} is an expression CPython's {@code bitwise_or} rule can produce. */
    private static boolean isBitwiseOrLevel(Expr e) {
        return !(e instanceof dev.typhon.ast.BoolOp || e instanceof dev.typhon.ast.Compare
                || e instanceof dev.typhon.ast.IfExp || e instanceof dev.typhon.ast.Lambda
                || e instanceof Starred
                || (e instanceof dev.typhon.ast.UnaryOp u && u.op() == dev.typhon.ast.UnaryOperator.Not));
    }

    private Stmt parseAnnotatedAssignment(int s, Expr target) {
        if (target instanceof Tuple || target instanceof dev.typhon.ast.List) {
            throw failAtNode("only single target (not " + Targets.describe(target) + ") can be annotated", target);
        }
        if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
            throw failAtNode("illegal target for annotation", target);
        }
        int simple = target instanceof Name && tokens.start(s) == target.startOffset() ? 1 : 0;
        pos++; // ':'
        Expr annotation = parseExpression();
        Expr value = null;
        if (accept(TokenKind.EQUAL)) {
            value = at(TokenKind.YIELD) ? parseYield() : parseStarExpressions();
        }
        int e = endTok();
        return AnnAssign.of(Targets.withContext(target, ExprContext.Store), annotation, value, simple, ln(s), co(s),
                eln(e), eco(e), so(s), eo(e));
    }

    private static Operator augmentedOperator(TokenKind k) {
        return switch (k) {
            case PLUSEQUAL -> Operator.Add;
            case MINEQUAL -> Operator.Sub;
            case STAREQUAL -> Operator.Mult;
            case ATEQUAL -> Operator.MatMult;
            case SLASHEQUAL -> Operator.Div;
            case PERCENTEQUAL -> Operator.Mod;
            case AMPEREQUAL -> Operator.BitAnd;
            case VBAREQUAL -> Operator.BitOr;
            case CIRCUMFLEXEQUAL -> Operator.BitXor;
            case LEFTSHIFTEQUAL -> Operator.LShift;
            case RIGHTSHIFTEQUAL -> Operator.RShift;
            case DOUBLESTAREQUAL -> Operator.Pow;
            case DOUBLESLASHEQUAL -> Operator.FloorDiv;
            default -> null;
        };
    }

    private Stmt parseRaise() {
        int s = pos++;
        Expr exc = null;
        Expr cause = null;
        if (startsExpression(kind())) {
            exc = parseExpression();
            if (accept(TokenKind.FROM)) {
                cause = parseExpression();
            }
        }
        int e = endTok();
        return Raise.of(exc, cause, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private Stmt parseGlobal() {
        int s = pos++;
        boolean global = tokens.kind(s) == TokenKind.GLOBAL;
        ArrayList<String> names = new ArrayList<>(2);
        do {
            if (lenient && !at(TokenKind.NAME)) {
                break;
            }
            int n = expect(TokenKind.NAME);
            names.add(identifier(n));
        } while (accept(TokenKind.COMMA));
        int e = endTok();
        return global ? Global.of(names, ln(s), co(s), eln(e), eco(e), so(s), eo(e))
                : Nonlocal.of(names, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private Stmt parseDel() {
        int s = pos++;
        ArrayList<Expr> targets = new ArrayList<>(2);
        do {
            if (!startsStarExpression(kind())) {
                if (targets.isEmpty() && !lenient) {
                    throw unexpected();
                }
                break;
            }
            Expr t = parseStarExpression();
            Expr bad = Targets.invalidTarget(t, Targets.Kind.DEL_TARGETS);
            if (bad != null) {
                throw failAtNode("cannot delete " + Targets.describe(bad), bad);
            }
            targets.add(Targets.withContext(t, ExprContext.Del));
        } while (accept(TokenKind.COMMA));
        if (!at(TokenKind.NEWLINE) && !at(TokenKind.SEMI) && !lenient) {
            throw unexpected();
        }
        int e = endTok();
        return Delete.of(targets, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private Stmt parseImport() {
        int s = pos++;
        ArrayList<Alias> names = new ArrayList<>(1);
        do {
            int a = pos;
            if (lenient && !at(TokenKind.NAME)) {
                break;
            }
            String name = parseDottedName();
            String asname = null;
            if (accept(TokenKind.AS)) {
                asname = lenient && !at(TokenKind.NAME) ? Placeholders.MISSING_IDENTIFIER
                        : identifier(expect(TokenKind.NAME));
            }
            int e = endTok();
            names.add(Alias.of(name, asname, ln(a), co(a), eln(e), eco(e), so(a), eo(e)));
        } while (accept(TokenKind.COMMA));
        int e = endTok();
        return Import.of(names, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private String parseDottedName() {
        int first = expect(TokenKind.NAME);
        if (!at(TokenKind.DOT)) {
            return identifier(first);
        }
        StringBuilder sb = new StringBuilder(identifier(first));
        while (accept(TokenKind.DOT)) {
            if (lenient && !at(TokenKind.NAME)) {
                sb.append('.'); // the missing last component is the empty identifier
                break;
            }
            sb.append('.').append(identifier(expect(TokenKind.NAME)));
        }
        return sb.toString();
    }

    private Stmt parseFromImport() {
        int s = pos++;
        int level = 0;
        while (true) {
            if (accept(TokenKind.DOT)) {
                level++;
            } else if (accept(TokenKind.ELLIPSIS)) {
                level += 3;
            } else {
                break;
            }
        }
        String module = null;
        if (at(TokenKind.NAME)) {
            module = parseDottedName();
        } else if (level == 0) {
            if (!lenient) {
                throw unexpected();
            }
            module = Placeholders.MISSING_IDENTIFIER;
        }
        ArrayList<Alias> names = new ArrayList<>(2);
        if (lenient && (!at(TokenKind.IMPORT) || !startsImportName(peek(1)))) {
            // 'from m', 'from m import': no names yet
            accept(TokenKind.IMPORT);
            int e = endTok();
            return ImportFrom.of(module, names, level, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        if (!accept(TokenKind.IMPORT)) {
            throw fail("invalid syntax");
        }
        if (at(TokenKind.NEWLINE)) {
            throw fail("Expected one or more names after 'import'");
        }
        if (at(TokenKind.STAR)) {
            int t = pos++;
            names.add(Alias.of("*", null, ln(t), co(t), eln(t), eco(t), so(t), eo(t)));
        } else {
            boolean paren = accept(TokenKind.LPAR);
            int open = pos - 1;
            while (true) {
                if (lenient && !at(TokenKind.NAME)) {
                    break;
                }
                int a = expect(TokenKind.NAME);
                String name = identifier(a);
                String asname = null;
                if (accept(TokenKind.AS)) {
                    asname = lenient && !at(TokenKind.NAME) ? Placeholders.MISSING_IDENTIFIER
                            : identifier(expect(TokenKind.NAME));
                }
                int e = endTok();
                names.add(Alias.of(name, asname, ln(a), co(a), eln(e), eco(e), so(a), eo(e)));
                if (!accept(TokenKind.COMMA)) {
                    break;
                }
                if (paren ? at(TokenKind.RPAR) : !at(TokenKind.NAME)) {
                    if (!paren && !lenient) {
                        throw fail("trailing comma not allowed without surrounding parentheses");
                    }
                    break;
                }
            }
            if (paren) {
                closeBracket(TokenKind.RPAR, open);
            }
        }
        int e = endTok();
        return ImportFrom.of(module, names, level, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private static boolean startsImportName(TokenKind k) {
        return k == TokenKind.NAME || k == TokenKind.STAR || k == TokenKind.LPAR;
    }

    private Stmt parseTypeAlias() {
        int s = pos++;
        int n = pos++;
        requireVersion(PythonVersion.PY312, "`type` statement", s);
        Name name = Name.of(identifier(n), ExprContext.Store, ln(n), co(n), eln(n), eco(n), so(n), eo(n));
        List<TypeParam> params = at(TokenKind.LSQB) ? parseTypeParams() : NO_TYPE_PARAMS;
        Expr value;
        if (!accept(TokenKind.EQUAL)) {
            if (!lenient) {
                throw fail("invalid syntax");
            }
            value = missingExpression();
        } else {
            value = parseExpression();
        }
        int e = endTok();
        return TypeAlias.of(name, params, value, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    // ---- compound statements ----

    private Stmt parseDecorated() {
        int first = pos;
        ArrayList<Expr> decorators = new ArrayList<>(2);
        while (at(TokenKind.AT)) {
            pos++;
            Expr d = parseNamedExpression();
            if (!isPep614Free(d)) {
                requireVersion(PythonVersion.PY39, "arbitrary expressions as decorators", d.startOffset(),
                        d.endOffset());
            }
            decorators.add(d);
            if (!at(TokenKind.NEWLINE)) {
                throw unexpected();
            }
            pos++;
        }
        int s = pos;
        switch (kind()) {
            case DEF -> {
                return parseFunctionDef(s, decorators, false);
            }
            case CLASS -> {
                return parseClassDef(s, decorators);
            }
            case ASYNC -> {
                if (peek(1) == TokenKind.DEF) {
                    pos++;
                    return parseFunctionDef(s, decorators, true);
                }
                throw unexpected();
            }
            default -> {
                if (first == s) {
                    throw unexpected();
                }
                throw unexpected();
            }
        }
    }

    /** Whether a decorator had the pre-3.9 shape: a dotted name, optionally called once. */
    private static boolean isPep614Free(Expr d) {
        Expr e = d instanceof Call c ? c.func() : d;
        while (e instanceof Attribute a) {
            e = a.value();
        }
        return e instanceof Name;
    }

    /** {@code def} at the cursor ({@code s} is where the statement starts: 'def' or 'async'). */
    private Stmt parseFunctionDef(int s, List<Expr> decorators, boolean async) {
        pos++; // 'def'
        String name = definedName();
        List<TypeParam> typeParams = at(TokenKind.LSQB) ? parseTypeParams() : NO_TYPE_PARAMS;
        Arguments args;
        if (!lenient || at(TokenKind.LPAR)) {
            int lpar = expect(TokenKind.LPAR, "expected '('");
            args = parseDefParameters();
            closeBracket(TokenKind.RPAR, lpar);
        } else {
            args = emptyArguments();  // recovery: `def f` typed so far
        }
        Expr returns = null;
        if (accept(TokenKind.RARROW)) {
            returns = parseExpression();
        }
        int colon = expectColon(true);
        String typeComment = functionTypeComment();
        List<Stmt> body = parseBlock("function definition", s);
        int e = blockEnd();
        stmtEnd = e;
        if (async) {
            return AsyncFunctionDef.of(name, args, body, decorators, returns, typeComment, typeParams, ln(s), co(s),
                    eln(e), eco(e), so(s), eo(e));
        }
        return FunctionDef.of(name, args, body, decorators, returns, typeComment, typeParams, ln(s), co(s), eln(e),
                eco(e), so(s), eo(e));
    }

    /** The name after 'def' or 'class' (in recovery mode, the empty identifier when missing). */
    private String definedName() {
        if (lenient && !at(TokenKind.NAME)) {
            return Placeholders.MISSING_IDENTIFIER;
        }
        return identifier(expect(TokenKind.NAME));
    }

    private Stmt parseClassDef(int s, List<Expr> decorators) {
        pos++; // 'class'
        String name = definedName();
        List<TypeParam> typeParams = at(TokenKind.LSQB) ? parseTypeParams() : NO_TYPE_PARAMS;
        List<Expr> bases = NO_EXPRS;
        List<Keyword> keywords = List.of();
        if (at(TokenKind.LPAR)) {
            int lpar = pos++;
            if (!at(TokenKind.RPAR)) {
                ArrayList<Expr> b = new ArrayList<>(2);
                keywords = parseArguments(lpar, b, false);
                bases = b;
            }
            closeBracket(TokenKind.RPAR, lpar);
        }
        int colon = expectColon(false);
        List<Stmt> body = parseBlock("class definition", s);
        int e = blockEnd();
        stmtEnd = e;
        return ClassDef.of(name, bases, keywords, body, decorators, typeParams, ln(s), co(s), eln(e), eco(e), so(s),
                eo(e));
    }

    private Stmt parseIf() {
        // An elif chain is built bottom-up after a loop, not by recursion: generated code can
        // have thousands of elifs.
        ArrayList<Integer> starts = new ArrayList<>(1);
        ArrayList<Expr> tests = new ArrayList<>(1);
        ArrayList<List<Stmt>> bodies = new ArrayList<>(1);
        List<Stmt> orelse = NO_STMTS;
        int s = pos;
        String what = "'if' statement";
        int branchesEnd = -1;
        try {
            while (true) {
                pos++; // 'if' / 'elif'
                Expr test = parseNamedExpression();
                expectColon(false);
                List<Stmt> body = parseBlock(what, s);
                starts.add(s);
                tests.add(test);
                bodies.add(body);
                branchesEnd = blockEnd();
                if (at(TokenKind.ELIF)) {
                    s = pos;
                    what = "'elif' statement";
                    if (starts.size() + depth > MAX_DEPTH) {
                        throw fail("too many nested statements: Python source too complex to parse");
                    }
                    continue;
                }
                if (at(TokenKind.ELSE)) {
                    int el = pos++;
                    expectColon(true);
                    orelse = parseBlock("'else' statement", el);
                }
                break;
            }
        } catch (Bail b) {
            if (!starts.isEmpty()) {
                partial = buildIf(starts, tests, bodies, NO_STMTS, branchesEnd); // the branches that parsed
            }
            throw b;
        }
        int e = blockEnd();
        stmtEnd = e;
        return buildIf(starts, tests, bodies, orelse, e);
    }

    /** An if/elif chain ending at token {@code e}, built bottom-up. */
    private Stmt buildIf(List<Integer> starts, List<Expr> tests, List<List<Stmt>> bodies, List<Stmt> orelse, int e) {
        Stmt result = null;
        for (int i = starts.size() - 1; i >= 0; i--) {
            int st = starts.get(i);
            List<Stmt> elseBody = result == null ? orelse : List.of(result);
            result = If.of(tests.get(i), bodies.get(i), elseBody, ln(st), co(st), eln(e), eco(e), so(st), eo(e));
        }
        return result;
    }

    private Stmt parseWhile() {
        int s = pos++;
        Expr test = parseNamedExpression();
        expectColon(false);
        List<Stmt> body = parseBlock("'while' statement", s);
        List<Stmt> orelse;
        try {
            orelse = parseElse();
        } catch (Bail b) {
            int e = blockEndBeforeElse;
            partial = While.of(test, body, NO_STMTS, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
            throw b;
        }
        int e = blockEnd();
        stmtEnd = e;
        return While.of(test, body, orelse, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /** Where the statement whose 'else' {@link #parseElse} reads ended before it. */
    private int blockEndBeforeElse;

    private List<Stmt> parseElse() {
        blockEndBeforeElse = blockEnd();
        if (!at(TokenKind.ELSE)) {
            return NO_STMTS;
        }
        int el = pos++;
        expectColon(true);
        return parseBlock("'else' statement", el);
    }

    private Stmt parseFor(int s, boolean async) {
        int f = pos++; // 'for'
        Expr target = parseForTargets();
        Expr iter;
        if (!accept(TokenKind.IN)) {
            if (!lenient) {
                throw fail("invalid syntax");
            }
            iter = missingExpression();
        } else {
            iter = parseStarExpressions();
        }
        expectColon(false);
        String typeComment = headerTypeComment();
        List<Stmt> body = parseBlock("'for' statement", f);
        List<Stmt> orelse;
        try {
            orelse = parseElse();
        } catch (Bail b) {
            int e = blockEndBeforeElse;
            partial = async
                    ? AsyncFor.of(target, iter, body, NO_STMTS, typeComment, ln(s), co(s), eln(e), eco(e), so(s), eo(e))
                    : For.of(target, iter, body, NO_STMTS, typeComment, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
            throw b;
        }
        int e = blockEnd();
        stmtEnd = e;
        if (async) {
            return AsyncFor.of(target, iter, body, orelse, typeComment, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        return For.of(target, iter, body, orelse, typeComment, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private Stmt parseWith(int s, boolean async) {
        int w = pos++; // 'with'
        List<WithItem> items = null;
        if (at(TokenKind.LPAR)) {
            items = tryParenthesizedWithItems();
        }
        if (items == null) {
            ArrayList<WithItem> list = new ArrayList<>(1);
            do {
                list.add(parseWithItem());
            } while (accept(TokenKind.COMMA));
            items = list;
        }
        expectColon(false);
        String typeComment = headerTypeComment();
        List<Stmt> body = parseBlock("'with' statement", w);
        int e = blockEnd();
        stmtEnd = e;
        if (async) {
            return AsyncWith.of(items, body, typeComment, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        return With.of(items, body, typeComment, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    /**
     * {@code with ( item, ... ) :} when the parenthesis closes just before the ':' and its content
     * reads as with-items; null (cursor unchanged) when it is an ordinary expression instead, like
     * {@code (a, b) as c} or {@code (yield)}.
     */
    private List<WithItem> tryParenthesizedWithItems() {
        int open = pos;
        int close = matchingClose(open);
        if (close < 0 || kind(close + 1) != TokenKind.COLON) {
            return null;
        }
        int savedErrors = errors.size();
        int savedDepth = depth;
        int savedStack = stack;
        try {
            pos++;
            ArrayList<WithItem> items = new ArrayList<>(2);
            boolean sawAs = false;
            while (true) {
                WithItem item = parseWithItem();
                sawAs |= item.optionalVars() != null;
                items.add(item);
                if (!accept(TokenKind.COMMA)) {
                    break;
                }
                if (at(TokenKind.RPAR)) {
                    break;
                }
            }
            if (pos != close) {
                throw BAIL;
            }
            pos++;
            if (sawAs) {
                requireVersion(PythonVersion.PY39, "parenthesized context managers", open);
            }
            return items;
        } catch (Bail b) {
            while (errors.size() > savedErrors) {
                errors.remove(errors.size() - 1);
            }
            depth = savedDepth;
            stack = savedStack;
            pos = open;
            return null;
        }
    }

    /** The index of the bracket closing the one at {@code open}, or -1 if the line ends first. */
    private int matchingClose(int open) {
        int nest = 0;
        for (int i = open; i <= last; i++) {
            switch (tokens.kind(i)) {
                case LPAR, LSQB, LBRACE -> nest++;
                case RPAR, RSQB, RBRACE -> {
                    if (--nest == 0) {
                        return i;
                    }
                }
                case NEWLINE, ENDMARKER -> {
                    return -1;
                }
                default -> {
                }
            }
        }
        return -1;
    }

    private WithItem parseWithItem() {
        int s = pos;
        Expr ctx = parseExpression();
        Expr vars = null;
        if (accept(TokenKind.AS)) {
            Expr t = parseTargetElement();
            TokenKind k = kind();
            if (k != TokenKind.COMMA && k != TokenKind.RPAR && k != TokenKind.COLON && !lenient) {
                throw unexpected();
            }
            vars = storeTarget(t, Targets.Kind.STAR_TARGETS);
        }
        // `expr as target`: from the expression (its parentheses included) to the target.
        return WithItem.of(ctx, vars, so(s), eo(endTok()));
    }

    private Stmt parseTry() {
        int s = pos++;
        expectColon(true);
        List<Stmt> body = parseBlock("'try' statement", s);
        ArrayList<ExceptHandler> handlers = new ArrayList<>(1);
        int clausesEnd = blockEnd();
        try {
            return parseTryClauses(s, body, handlers);
        } catch (Bail b) {
            if (!lenient) {
                int e = clausesEnd;
                if (!handlers.isEmpty()) {
                    e = tokenEndingAt(handlers.get(handlers.size() - 1).endOffset(), pos);
                }
                partial = Try.of(body, handlers, NO_STMTS, NO_STMTS, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
            }
            throw b;
        }
    }

    private Stmt parseTryClauses(int s, List<Stmt> body, ArrayList<ExceptHandler> handlers) {
        boolean sawStar = false;
        boolean sawPlain = false;
        while (at(TokenKind.EXCEPT)) {
            int h = pos++;
            boolean star = false;
            if (at(TokenKind.STAR)) {
                pos++;
                star = true;
                requireVersion(PythonVersion.PY311, "`except*`", h);
            }
            if (star ? sawPlain : sawStar) {
                reportAtToken("cannot have both 'except' and 'except*' on the same 'try'", h);
            }
            sawStar |= star;
            sawPlain |= !star;
            Expr type = null;
            String name = null;
            if (!at(TokenKind.COLON)) {
                int ts = pos;
                type = parseExpression();
                if (at(TokenKind.COMMA)) {
                    ArrayList<Expr> elts = new ArrayList<>(2);
                    elts.add(type);
                    while (accept(TokenKind.COMMA)) {
                        if (!startsExpression(kind())) {
                            break;
                        }
                        elts.add(parseExpression());
                    }
                    int te = endTok();
                    if (at(TokenKind.AS)) {
                        throw failAtNode("multiple exception types must be parenthesized when using 'as'", type);
                    }
                    requireVersion(PythonVersion.PY314, "unparenthesized exception types", so(ts), eo(te));
                    type = Tuple.of(elts, ExprContext.Load, ln(ts), co(ts), eln(te), eco(te), so(ts), eo(te));
                }
                if (accept(TokenKind.AS)) {
                    if (!at(TokenKind.NAME)) {
                        if (!lenient) {
                            throw fail("invalid syntax");
                        }
                        name = Placeholders.MISSING_IDENTIFIER;
                    } else {
                        int n = pos++;
                        if (!at(TokenKind.COLON) && !lenient) {
                            throw fail("invalid syntax");
                        }
                        name = identifier(n);
                    }
                }
            } else if (star && !lenient) {
                throw fail("expected one or more exception types");
            }
            expectColon(false);
            List<Stmt> hbody = parseBlock(star ? "'except*' statement" : "'except' statement", h);
            int e = blockEnd();
            stmtEnd = e;
            handlers.add(ExceptHandler.of(type, name, hbody, ln(h), co(h), eln(e), eco(e), so(h), eo(e)));
        }
        List<Stmt> orelse = NO_STMTS;
        if (at(TokenKind.ELSE)) {
            if (handlers.isEmpty()) {
                throw fail("expected 'except' or 'finally' block");
            }
            orelse = parseElse();
        }
        List<Stmt> finalbody = NO_STMTS;
        if (at(TokenKind.FINALLY)) {
            int f = pos++;
            expectColon(true);
            finalbody = parseBlock("'finally' statement", f);
        } else if (handlers.isEmpty() && !lenient) {
            throw fail("expected 'except' or 'finally' block");
        }
        int e = blockEnd();
        stmtEnd = e;
        if (sawStar) {
            return TryStar.of(body, handlers, orelse, finalbody, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
        }
        return Try.of(body, handlers, orelse, finalbody, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    // ---- match ----

    /**
     * Whether the statement starting with the soft keyword {@code match} is a match statement:
     * its logical line ends with ':' and the word is followed by something that can start the
     * subject (so {@code match = 1}, {@code match.x}, {@code match: int} stay ordinary).
     */
    private boolean isMatchStatement() {
        TokenKind next = peek(1);
        if (!startsStarExpression(next)) {
            return false;
        }
        int i = pos + 1;
        while (i <= last) {
            TokenKind k = tokens.kind(i);
            if (k == TokenKind.NEWLINE || k == TokenKind.ENDMARKER) {
                break;
            }
            i++;
        }
        return kind(i - 1) == TokenKind.COLON;
    }

    private Stmt parseMatch() {
        if (lenient) {
            throw BAIL; // a broken match statement is left out
        }
        int s = pos++;
        requireVersion(PythonVersion.PY310, "`match` statement", s);
        Expr subject = parseStarNamedExpressionsTuple();
        if (subject instanceof Starred) {
            throw failAtNode("invalid syntax", subject);
        }
        expectColon(false);
        if (!accept(TokenKind.NEWLINE)) {
            throw unexpected();
        }
        if (!at(TokenKind.INDENT)) {
            throw fail("expected an indented block after 'match' statement on line " + ln(s));
        }
        pos++;
        ArrayList<MatchCase> cases = new ArrayList<>(4);
        while (!at(TokenKind.DEDENT) && !at(TokenKind.ENDMARKER)) {
            if (!nameIs(pos, "case")) {
                if (cases.isEmpty()) {
                    throw unexpected();
                }
                // A stray statement among the cases: report, skip it and go on.
                int before = pos;
                reportAtToken("invalid syntax", pos);
                recover(before);
                continue;
            }
            int savedDepth = depth;
            int savedStack = stack;
            int c = pos;
            try {
                cases.add(parseCase());
            } catch (Bail b) {
                depth = savedDepth;
                stack = savedStack;
                recover(c);
            }
        }
        if (cases.isEmpty()) {
            throw fail("invalid syntax");
        }
        accept(TokenKind.DEDENT);
        int e = blockEnd();
        stmtEnd = e;
        return Match.of(subject, cases, ln(s), co(s), eln(e), eco(e), so(s), eo(e));
    }

    private MatchCase parseCase() {
        int c = pos++;
        Pattern pattern = parsePatterns();
        Expr guard = null;
        if (accept(TokenKind.IF)) {
            guard = parseNamedExpression();
        }
        expectColon(false);
        List<Stmt> body = parseBlock("'case' statement", c);
        // `case pattern if guard: body`, ending where its last statement does (as a compound
        // statement's range does); at the colon when the body failed.
        int end = body.isEmpty() ? eo(lastRealToken(lastColon)) : body.get(body.size() - 1).endOffset();
        return MatchCase.of(pattern, guard, body, so(c), end);
    }
}
