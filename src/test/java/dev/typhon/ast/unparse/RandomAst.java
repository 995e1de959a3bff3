package dev.typhon.ast.unparse;

import dev.typhon.ast.Alias;
import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Arg;
import dev.typhon.ast.Arguments;
import dev.typhon.ast.Assert;
import dev.typhon.ast.Assign;
import dev.typhon.ast.AsyncFor;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.AsyncWith;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.AugAssign;
import dev.typhon.ast.Await;
import dev.typhon.ast.BinOp;
import dev.typhon.ast.BoolOp;
import dev.typhon.ast.BoolOperator;
import dev.typhon.ast.Break;
import dev.typhon.ast.Call;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.CmpOperator;
import dev.typhon.ast.Compare;
import dev.typhon.ast.Comprehension;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Continue;
import dev.typhon.ast.Delete;
import dev.typhon.ast.Dict;
import dev.typhon.ast.DictComp;
import dev.typhon.ast.ExceptHandler;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.ExprStmt;
import dev.typhon.ast.For;
import dev.typhon.ast.FormattedValue;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.GeneratorExp;
import dev.typhon.ast.Global;
import dev.typhon.ast.If;
import dev.typhon.ast.IfExp;
import dev.typhon.ast.Import;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Interpolation;
import dev.typhon.ast.JoinedStr;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Lambda;
import dev.typhon.ast.ListComp;
import dev.typhon.ast.Match;
import dev.typhon.ast.MatchAs;
import dev.typhon.ast.MatchCase;
import dev.typhon.ast.MatchClass;
import dev.typhon.ast.MatchMapping;
import dev.typhon.ast.MatchOr;
import dev.typhon.ast.MatchSequence;
import dev.typhon.ast.MatchSingleton;
import dev.typhon.ast.MatchStar;
import dev.typhon.ast.MatchValue;
import dev.typhon.ast.Module;
import dev.typhon.ast.Name;
import dev.typhon.ast.NamedExpr;
import dev.typhon.ast.Nonlocal;
import dev.typhon.ast.Operator;
import dev.typhon.ast.ParamSpec;
import dev.typhon.ast.Pass;
import dev.typhon.ast.Pattern;
import dev.typhon.ast.Raise;
import dev.typhon.ast.Return;
import dev.typhon.ast.SetComp;
import dev.typhon.ast.Slice;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Stmt;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.TemplateStr;
import dev.typhon.ast.Try;
import dev.typhon.ast.TryStar;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.TypeAlias;
import dev.typhon.ast.TypeParam;
import dev.typhon.ast.TypeVar;
import dev.typhon.ast.TypeVarTuple;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.UnaryOperator;
import dev.typhon.ast.While;
import dev.typhon.ast.With;
import dev.typhon.ast.WithItem;
import dev.typhon.ast.Yield;
import dev.typhon.ast.YieldFrom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random syntax trees that some Python source produces, in exactly the shape CPython's parser
 * gives them (no adjacent string parts, no negative literals, {@code elif} chains as nested
 * {@code If}s, ...), so that {@code parse(unparse(tree))} must equal the tree itself.
 *
 * <p>Beyond the grammar, trees also keep the rules CPython checks after parsing (no
 * {@code return} outside a function, {@code await} only in {@code async def}, no duplicate
 * parameter names, no walrus or yield in annotations, ...), so a parser that adds such checks
 * still accepts them. Every node has a zero position: comparisons ignore positions.
 *
 * <p>{@code size} bounds the number of interior nodes; generation is deterministic per seed.
 */
final class RandomAst {

    private static final String[] NAMES = {
            "a", "b", "c", "x", "y", "z", "foo", "bar_1", "self", "_", "__dunder__",
            "match", "case", "type", "print", "π", "café", "数据", "Ω1",
    };
    private static final String[] ATTRS = {"real", "attr", "match", "type", "case", "_x", "ünï", "join"};
    private static final String STRING_CHARS =
            "abcXYZ 019 '\"\\\n\r\t\0\u0007\u007f{}{}!:=#éß中\u2028\u00a0\ud83d\ude00\ud800\udfff";
    private static final int[] CONVERSIONS = {-1, -1, -1, 's', 'r', 'a'};

    private final Random r;
    private int budget;
    private int fresh;

    /** What the statement being generated is nested in. */
    private record Scope(boolean function, boolean async, boolean loop, boolean exceptStar) {
        static final Scope MODULE = new Scope(false, false, false, false);
    }

    /** What an expression may contain where it is generated. */
    private record Flags(boolean yield, boolean await, boolean walrus, boolean asyncComp) {
        static final Flags PURE = new Flags(false, false, false, false);

        Flags pure() {
            return PURE;
        }

        Flags noYield() {
            return new Flags(false, await, walrus, asyncComp);
        }

        Flags inComprehension() {
            return new Flags(false, await, false, asyncComp);
        }

        Flags inLambda() {
            return new Flags(false, false, walrus, false);
        }
    }

    RandomAst(long seed, int size) {
        this.r = new Random(seed);
        this.budget = size;
    }

    // ---------------------------------------------------------------- module and statements

    Module module() {
        List<Stmt> body = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n || (budget > 0 && body.size() < 12); i++) {
            body.add(statement(Scope.MODULE, 3));
        }
        return Module.of(body, List.of());
    }

    private boolean spend() {
        if (budget <= 0) {
            return false;
        }
        budget--;
        return true;
    }

    private List<Stmt> block(Scope scope, int depth) {
        List<Stmt> body = new ArrayList<>();
        int n = 1 + r.nextInt(budget > 0 ? 3 : 1);
        for (int i = 0; i < n; i++) {
            body.add(statement(scope, depth - 1));
        }
        return body;
    }

    private Flags flags(Scope scope) {
        return new Flags(scope.function(), scope.async(), true, scope.async());
    }

    private Stmt statement(Scope scope, int depth) {
        if (depth <= 0 || !spend()) {
            return simpleStatement(scope, 0);
        }
        int pick = r.nextInt(20);
        return switch (pick) {
            case 0, 1 -> ifStatement(scope, depth);
            case 2 -> While.of(expr(flags(scope), 2), block(loop(scope), depth), maybeBlock(scope, depth), 0, 0, 0, 0, 0, 0);
            case 3 -> forStatement(scope, depth);
            case 4 -> withStatement(scope, depth);
            case 5, 6 -> tryStatement(scope, depth);
            case 7 -> matchStatement(scope, depth);
            case 8, 9 -> functionDef(scope, depth);
            case 10 -> classDef(scope, depth);
            default -> simpleStatement(scope, 2);
        };
    }

    private Scope loop(Scope scope) {
        return new Scope(scope.function(), scope.async(), true, scope.exceptStar());
    }

    private List<Stmt> maybeBlock(Scope scope, int depth) {
        return r.nextInt(3) == 0 ? block(scope, depth) : List.of();
    }

    private Stmt simpleStatement(Scope scope, int depth) {
        Flags f = flags(scope);
        int pick = r.nextInt(24);
        return switch (pick) {
            case 0, 1, 2 -> ExprStmt.of(expr(f, depth), 0, 0, 0, 0, 0, 0);
            case 3, 4, 5 -> {
                List<Expr> targets = new ArrayList<>();
                int n = 1 + (r.nextInt(4) == 0 ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    targets.add(target(ExprContext.Store, f, depth, true));
                }
                yield Assign.of(targets, valueExpr(f, depth), null, 0, 0, 0, 0, 0, 0);
            }
            case 6 -> AugAssign.of(singleTarget(ExprContext.Store, f, depth), pick(Operator.values()),
                    valueExpr(f, depth), 0, 0, 0, 0, 0, 0);
            case 7 -> annAssign(f, depth);
            case 8 -> Pass.of(0, 0, 0, 0, 0, 0);
            case 9 -> {
                List<Expr> targets = new ArrayList<>();
                int n = 1 + r.nextInt(2);
                for (int i = 0; i < n; i++) {
                    targets.add(target(ExprContext.Del, f, depth, false));
                }
                yield Delete.of(targets, 0, 0, 0, 0, 0, 0);
            }
            case 10 -> Assert.of(expr(f, depth), r.nextBoolean() ? expr(f, depth) : null, 0, 0, 0, 0, 0, 0);
            case 11 -> Import.of(aliases(false), 0, 0, 0, 0, 0, 0);
            case 12 -> {
                int level = r.nextInt(3);
                String module = level > 0 && r.nextBoolean() ? null : dottedName();
                List<Alias> names = r.nextInt(6) == 0 ? List.of(Alias.of("*", null, 0, 0, 0, 0, 0, 0)) : aliases(true);
                yield ImportFrom.of(module, names, level, 0, 0, 0, 0, 0, 0);
            }
            case 13 -> Global.of(uniqueNames(1 + r.nextInt(2)), 0, 0, 0, 0, 0, 0);
            case 14 -> scope.function()
                    ? Nonlocal.of(uniqueNames(1 + r.nextInt(2)), 0, 0, 0, 0, 0, 0)
                    : Pass.of(0, 0, 0, 0, 0, 0);
            case 15 -> {
                Expr exc = r.nextInt(4) == 0 ? null : expr(f, depth);
                yield Raise.of(exc, exc != null && r.nextBoolean() ? expr(f, depth) : null, 0, 0, 0, 0, 0, 0);
            }
            case 16, 17 -> scope.function() && !scope.exceptStar()
                    ? Return.of(r.nextInt(4) == 0 ? null : valueExpr(f, depth), 0, 0, 0, 0, 0, 0)
                    : ExprStmt.of(expr(f, depth), 0, 0, 0, 0, 0, 0);
            case 18 -> scope.loop() && !scope.exceptStar()
                    ? (r.nextBoolean() ? Break.of(0, 0, 0, 0, 0, 0) : Continue.of(0, 0, 0, 0, 0, 0))
                    : Pass.of(0, 0, 0, 0, 0, 0);
            case 19 -> {
                List<TypeParam> params = typeParams();
                yield TypeAlias.of(Name.of(name(), ExprContext.Store, 0, 0, 0, 0, 0, 0), params,
                        expr(Flags.PURE, depth), 0, 0, 0, 0, 0, 0);
            }
            // A docstring-like statement: a lone string constant.
            case 20 -> ExprStmt.of(strConstant(), 0, 0, 0, 0, 0, 0);
            default -> ExprStmt.of(expr(f, depth), 0, 0, 0, 0, 0, 0);
        };
    }

    private Stmt annAssign(Flags f, int depth) {
        int kind = r.nextInt(4);
        Expr annotation = expr(Flags.PURE, depth);
        Expr value = r.nextBoolean() ? valueExpr(f, depth) : null;
        if (kind == 0) {
            return AnnAssign.of(attribute(f, depth, ExprContext.Store), annotation, value, 0, 0, 0, 0, 0, 0, 0);
        }
        // simple == 0 on a bare name means it was written in parentheses.
        return AnnAssign.of(Name.of(name(), ExprContext.Store, 0, 0, 0, 0, 0, 0), annotation, value,
                kind == 1 ? 0 : 1, 0, 0, 0, 0, 0, 0);
    }

    private Stmt ifStatement(Scope scope, int depth) {
        List<Stmt> orelse;
        int kind = r.nextInt(3);
        if (kind == 0) {
            orelse = List.of();
        } else if (kind == 1) {
            orelse = block(scope, depth);
        } else {
            orelse = List.of(ifStatement(scope, depth - 1)); // elif
        }
        return If.of(expr(flags(scope), 2), block(scope, depth), orelse, 0, 0, 0, 0, 0, 0);
    }

    private Stmt forStatement(Scope scope, int depth) {
        Flags f = flags(scope);
        Expr target = target(ExprContext.Store, f, 1, true);
        Expr iter = valueExprNoYield(f, 2);
        if (scope.async() && r.nextBoolean()) {
            return AsyncFor.of(target, iter, block(loop(scope), depth), maybeBlock(scope, depth), null, 0, 0, 0, 0, 0, 0);
        }
        return For.of(target, iter, block(loop(scope), depth), maybeBlock(scope, depth), null, 0, 0, 0, 0, 0, 0);
    }

    private Stmt withStatement(Scope scope, int depth) {
        Flags f = flags(scope);
        List<WithItem> items = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            items.add(WithItem.of(expr(f, 2), r.nextBoolean() ? target(ExprContext.Store, f, 1, false) : null));
        }
        if (scope.async() && r.nextBoolean()) {
            return AsyncWith.of(items, block(scope, depth), null, 0, 0, 0, 0, 0, 0);
        }
        return With.of(items, block(scope, depth), null, 0, 0, 0, 0, 0, 0);
    }

    private Stmt tryStatement(Scope scope, int depth) {
        Flags f = flags(scope);
        boolean star = r.nextInt(3) == 0;
        List<ExceptHandler> handlers = new ArrayList<>();
        int n = r.nextInt(3);
        if (star && n == 0) {
            n = 1;
        }
        Scope handlerScope = star ? new Scope(scope.function(), scope.async(), scope.loop(), true) : scope;
        for (int i = 0; i < n; i++) {
            boolean bare = !star && i == n - 1 && r.nextInt(3) == 0;
            Expr type = bare ? null : (r.nextInt(3) == 0 ? tupleOf(f, 1) : expr(f, 1));
            String name = type != null && r.nextBoolean() ? name() : null;
            handlers.add(ExceptHandler.of(type, name, block(handlerScope, depth), 0, 0, 0, 0, 0, 0));
        }
        List<Stmt> orelse = n > 0 ? maybeBlock(scope, depth) : List.of();
        List<Stmt> finalbody = n == 0 || r.nextInt(3) == 0 ? block(scope, depth) : List.of();
        if (star) {
            return TryStar.of(block(scope, depth), handlers, orelse, finalbody, 0, 0, 0, 0, 0, 0);
        }
        return Try.of(block(scope, depth), handlers, orelse, finalbody, 0, 0, 0, 0, 0, 0);
    }

    private Expr tupleOf(Flags f, int depth) {
        List<Expr> elts = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            elts.add(expr(f, depth));
        }
        return Tuple.of(elts, ExprContext.Load, 0, 0, 0, 0, 0, 0);
    }

    private Stmt functionDef(Scope scope, int depth) {
        boolean async = r.nextInt(3) == 0;
        Flags outer = flags(scope);
        List<Expr> decorators = new ArrayList<>();
        int nd = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < nd; i++) {
            decorators.add(expr(outer, 2));
        }
        List<TypeParam> typeParams = r.nextInt(4) == 0 ? typeParams() : List.of();
        Arguments args = arguments(outer, true);
        Expr returns = r.nextInt(3) == 0 ? expr(Flags.PURE, 2) : null;
        Scope inner = new Scope(true, async, false, false);
        List<Stmt> body = block(inner, depth);
        if (async) {
            return AsyncFunctionDef.of(name(), args, body, decorators, returns, null, typeParams, 0, 0, 0, 0, 0, 0);
        }
        return FunctionDef.of(name(), args, body, decorators, returns, null, typeParams, 0, 0, 0, 0, 0, 0);
    }

    private Stmt classDef(Scope scope, int depth) {
        Flags outer = flags(scope);
        List<TypeParam> typeParams = r.nextInt(4) == 0 ? typeParams() : List.of();
        // Bases of a generic class are evaluated in an annotation scope: keep them pure.
        Flags baseFlags = typeParams.isEmpty() ? outer : Flags.PURE;
        List<Expr> bases = new ArrayList<>();
        int nb = r.nextInt(3);
        for (int i = 0; i < nb; i++) {
            Expr base = expr(baseFlags, 1);
            bases.add(r.nextInt(5) == 0 ? Starred.of(base, ExprContext.Load, 0, 0, 0, 0, 0, 0) : base);
        }
        List<Keyword> keywords = keywords(baseFlags, 1);
        List<Expr> decorators = r.nextInt(4) == 0 ? List.of(expr(outer, 1)) : List.of();
        return ClassDef.of(name(), bases, keywords, block(Scope.MODULE, depth), decorators, typeParams, 0, 0, 0, 0, 0, 0);
    }

    private List<TypeParam> typeParams() {
        List<TypeParam> params = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        boolean defaults = false;
        Set<String> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = uniqueName(used);
            // After the first parameter with a default, every later one needs one (PEP 696).
            defaults |= r.nextInt(3) == 0;
            Expr def = defaults ? expr(Flags.PURE, 1) : null;
            switch (r.nextInt(3)) {
                case 0 -> params.add(TypeVarTuple.of(name,
                        def != null && r.nextBoolean() ? Starred.of(def, ExprContext.Load, 0, 0, 0, 0, 0, 0) : def,
                        0, 0, 0, 0, 0, 0));
                case 1 -> params.add(ParamSpec.of(name, def, 0, 0, 0, 0, 0, 0));
                default -> params.add(TypeVar.of(name, r.nextBoolean() ? expr(Flags.PURE, 1) : null, def, 0, 0, 0, 0, 0, 0));
            }
        }
        return params;
    }

    private Arguments arguments(Flags f, boolean annotations) {
        Set<String> used = new HashSet<>();
        List<Arg> posonly = args(used, r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0, annotations);
        List<Arg> args = args(used, r.nextInt(3), annotations);
        int positional = posonly.size() + args.size();
        List<Expr> defaults = new ArrayList<>();
        int nd = positional == 0 ? 0 : r.nextInt(positional + 1);
        for (int i = 0; i < nd; i++) {
            defaults.add(expr(f, 1));
        }
        Arg vararg = r.nextInt(4) == 0 ? arg(used, annotations, true) : null;
        List<Arg> kwonly = args(used, r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0, annotations);
        List<Expr> kwDefaults = new ArrayList<>();
        for (int i = 0; i < kwonly.size(); i++) {
            kwDefaults.add(r.nextBoolean() ? expr(f, 1) : null);
        }
        Arg kwarg = r.nextInt(4) == 0 ? arg(used, annotations, false) : null;
        return Arguments.of(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    private List<Arg> args(Set<String> used, int n, boolean annotations) {
        List<Arg> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(arg(used, annotations, false));
        }
        return out;
    }

    private Arg arg(Set<String> used, boolean annotations, boolean vararg) {
        Expr annotation = null;
        if (annotations && r.nextInt(3) == 0) {
            annotation = expr(Flags.PURE, 1);
            if (vararg && r.nextBoolean()) {
                annotation = Starred.of(annotation, ExprContext.Load, 0, 0, 0, 0, 0, 0); // *args: *Ts
            }
        }
        return Arg.of(uniqueName(used), annotation, null, 0, 0, 0, 0, 0, 0);
    }

    // ---------------------------------------------------------------- match

    private Stmt matchStatement(Scope scope, int depth) {
        Flags f = flags(scope);
        List<MatchCase> cases = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            Set<String> bound = new HashSet<>();
            cases.add(MatchCase.of(pattern(bound, 2), r.nextInt(3) == 0 ? expr(f, 1) : null, block(scope, depth)));
        }
        return Match.of(valueExprNoYield(f, 2), cases, 0, 0, 0, 0, 0, 0);
    }

    private Pattern pattern(Set<String> bound, int depth) {
        int pick = depth <= 0 ? r.nextInt(4) : r.nextInt(10);
        return switch (pick) {
            case 0 -> MatchValue.of(patternValue(), 0, 0, 0, 0, 0, 0);
            case 1 -> MatchSingleton.of(pick(new ConstantValue[] {ConstantValue.NONE, ConstantValue.TRUE, ConstantValue.FALSE}),
                    0, 0, 0, 0, 0, 0);
            case 2 -> MatchAs.of(null, r.nextBoolean() ? capture(bound) : null, 0, 0, 0, 0, 0, 0);
            case 3 -> MatchValue.of(dotted(), 0, 0, 0, 0, 0, 0);
            case 4 -> {
                List<Pattern> items = new ArrayList<>();
                int n = r.nextInt(4);
                int star = n > 0 && r.nextBoolean() ? r.nextInt(n) : -1;
                for (int i = 0; i < n; i++) {
                    items.add(i == star
                            ? MatchStar.of(r.nextBoolean() ? capture(bound) : null, 0, 0, 0, 0, 0, 0)
                            : pattern(bound, depth - 1));
                }
                yield MatchSequence.of(items, 0, 0, 0, 0, 0, 0);
            }
            case 5 -> {
                List<Expr> keys = new ArrayList<>();
                List<Pattern> values = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    Expr key = r.nextInt(3) == 0 ? dotted() : patternValue();
                    if (seen.add(Unparser.unparse(key))) {
                        keys.add(key);
                        values.add(pattern(bound, depth - 1));
                    }
                }
                yield MatchMapping.of(keys, values, r.nextInt(3) == 0 ? capture(bound) : null, 0, 0, 0, 0, 0, 0);
            }
            case 6 -> {
                Expr cls = r.nextBoolean() ? Name.of(patternName(), ExprContext.Load, 0, 0, 0, 0, 0, 0) : dotted();
                List<Pattern> positional = new ArrayList<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    positional.add(pattern(bound, depth - 1));
                }
                List<String> attrs = new ArrayList<>();
                List<Pattern> kwd = new ArrayList<>();
                // `_=` is no keyword pattern: `_` there reads as the wildcard.
                Set<String> used = new HashSet<>(Set.of("_"));
                int k = r.nextInt(3);
                for (int i = 0; i < k; i++) {
                    attrs.add(uniqueName(used));
                    kwd.add(pattern(bound, depth - 1));
                }
                yield MatchClass.of(cls, positional, attrs, kwd, 0, 0, 0, 0, 0, 0);
            }
            case 7 -> {
                Pattern inner = pattern(bound, depth - 1);
                String name = capture(bound);
                yield name == null ? inner : MatchAs.of(inner, name, 0, 0, 0, 0, 0, 0);
            }
            default -> {
                // Every alternative must bind the same names: use alternatives that bind none.
                List<Pattern> alts = new ArrayList<>();
                int n = 2 + r.nextInt(2);
                for (int i = 0; i < n; i++) {
                    alts.add(pattern(new BindNothing(), depth - 1));
                }
                yield MatchOr.of(alts, 0, 0, 0, 0, 0, 0);
            }
        };
    }

    /** A name set that forbids captures: patterns generated under it bind nothing. */
    private static final class BindNothing extends HashSet<String> {
    }

    private String capture(Set<String> bound) {
        if (bound instanceof BindNothing) {
            return null;
        }
        String name;
        do {
            name = "v" + fresh++;
        } while (!bound.add(name));
        return name;
    }

    /** A literal as a value pattern: number, signed number, complex, string or bytes. */
    private Expr patternValue() {
        return switch (r.nextInt(6)) {
            case 0 -> constant(new ConstantValue.Int(BigInteger.valueOf(r.nextInt(1000))));
            case 1 -> UnaryOp.of(UnaryOperator.USub, constant(new ConstantValue.Float(r.nextInt(100) / 8.0)), 0, 0, 0, 0, 0, 0);
            case 2 -> {
                Expr real = constant(new ConstantValue.Int(BigInteger.valueOf(r.nextInt(10))));
                if (r.nextBoolean()) {
                    real = UnaryOp.of(UnaryOperator.USub, real, 0, 0, 0, 0, 0, 0);
                }
                yield BinOp.of(real, r.nextBoolean() ? Operator.Add : Operator.Sub,
                        constant(new ConstantValue.Complex(0.0, r.nextInt(10))), 0, 0, 0, 0, 0, 0);
            }
            case 3 -> constant(new ConstantValue.Complex(0.0, r.nextInt(5)));
            case 4 -> constant(new ConstantValue.Bytes(new byte[] {(byte) r.nextInt(256)}));
            default -> strConstant();
        };
    }

    private Expr dotted() {
        Expr e = Name.of(patternName(), ExprContext.Load, 0, 0, 0, 0, 0, 0);
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            e = Attribute.of(e, pick(ATTRS), ExprContext.Load, 0, 0, 0, 0, 0, 0);
        }
        return e;
    }

    // ---------------------------------------------------------------- targets

    /** An assignment, for or del target; {@code star} allows one starred element in a sequence. */
    private Expr target(ExprContext ctx, Flags f, int depth, boolean star) {
        int pick = depth <= 0 ? 0 : r.nextInt(6);
        if (pick == 4 || pick == 5) {
            List<Expr> elts = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            int starAt = star && ctx == ExprContext.Store && r.nextBoolean() ? r.nextInt(n) : -1;
            for (int i = 0; i < n; i++) {
                Expr t = target(ctx, f, depth - 1, false);
                elts.add(i == starAt ? Starred.of(t, ctx, 0, 0, 0, 0, 0, 0) : t);
            }
            return pick == 4 ? Tuple.of(elts, ctx, 0, 0, 0, 0, 0, 0) : dev.typhon.ast.List.of(elts, ctx, 0, 0, 0, 0, 0, 0);
        }
        return singleTarget(ctx, f, depth);
    }

    private Expr singleTarget(ExprContext ctx, Flags f, int depth) {
        return switch (depth <= 0 ? 0 : r.nextInt(4)) {
            case 1 -> attribute(f, depth, ctx);
            case 2 -> Subscript.of(atomish(f, depth - 1), sliceExpr(f, depth - 1), ctx, 0, 0, 0, 0, 0, 0);
            default -> Name.of(name(), ctx, 0, 0, 0, 0, 0, 0);
        };
    }

    private Expr attribute(Flags f, int depth, ExprContext ctx) {
        return Attribute.of(atomish(f, depth - 1), pick(ATTRS), ctx, 0, 0, 0, 0, 0, 0);
    }

    // ---------------------------------------------------------------- expressions

    /** A right-hand side: any expression, a starred tuple, or a yield. */
    private Expr valueExpr(Flags f, int depth) {
        int pick = r.nextInt(8);
        if (pick == 0) {
            return starredTuple(f, depth);
        }
        if (pick == 1 && f.yield()) {
            return yieldExpr(f, depth);
        }
        return expr(f, depth);
    }

    private Expr valueExprNoYield(Flags f, int depth) {
        return r.nextInt(6) == 0 ? starredTuple(f, depth) : expr(f.noYield(), depth);
    }

    private Expr starredTuple(Flags f, int depth) {
        List<Expr> elts = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            elts.add(r.nextBoolean() ? starred(f, depth) : expr(f, depth - 1));
        }
        return Tuple.of(elts, ExprContext.Load, 0, 0, 0, 0, 0, 0);
    }

    private Expr starred(Flags f, int depth) {
        return Starred.of(expr(f, depth - 1), ExprContext.Load, 0, 0, 0, 0, 0, 0);
    }

    private Expr yieldExpr(Flags f, int depth) {
        if (r.nextInt(3) == 0) {
            return YieldFrom.of(expr(f, depth - 1), 0, 0, 0, 0, 0, 0);
        }
        return Yield.of(r.nextInt(3) == 0 ? null : valueExpr(f, depth - 1), 0, 0, 0, 0, 0, 0);
    }

    /** An expression that is a primary most of the time (names, attributes, calls, subscripts). */
    private Expr atomish(Flags f, int depth) {
        return r.nextInt(3) == 0 ? expr(f, depth) : Name.of(name(), ExprContext.Load, 0, 0, 0, 0, 0, 0);
    }

    Expr expr(Flags f, int depth) {
        if (depth <= 0 || !spend()) {
            return leaf();
        }
        int pick = r.nextInt(34);
        return switch (pick) {
            case 0, 1, 2 -> BinOp.of(expr(f, depth - 1), pick(Operator.values()), expr(f, depth - 1), 0, 0, 0, 0, 0, 0);
            case 3 -> {
                List<Expr> values = new ArrayList<>();
                int n = 2 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    values.add(expr(f, depth - 1));
                }
                yield BoolOp.of(r.nextBoolean() ? BoolOperator.And : BoolOperator.Or, values, 0, 0, 0, 0, 0, 0);
            }
            case 4, 5 -> UnaryOp.of(pick(UnaryOperator.values()), expr(f, depth - 1), 0, 0, 0, 0, 0, 0);
            case 6 -> {
                List<CmpOperator> ops = new ArrayList<>();
                List<Expr> comparators = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    ops.add(pick(CmpOperator.values()));
                    comparators.add(expr(f, depth - 1));
                }
                yield Compare.of(expr(f, depth - 1), ops, comparators, 0, 0, 0, 0, 0, 0);
            }
            case 7 -> IfExp.of(expr(f, depth - 1), expr(f, depth - 1), expr(f, depth - 1), 0, 0, 0, 0, 0, 0);
            case 8 -> {
                Flags inner = f.inLambda();
                yield Lambda.of(arguments(inner, false), expr(inner, depth - 1), 0, 0, 0, 0, 0, 0);
            }
            case 9 -> f.walrus()
                    ? NamedExpr.of(Name.of(name(), ExprContext.Store, 0, 0, 0, 0, 0, 0), expr(f, depth - 1), 0, 0, 0, 0, 0, 0)
                    : leaf();
            case 10 -> {
                List<Expr> keys = new ArrayList<>();
                List<Expr> values = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    keys.add(r.nextInt(4) == 0 ? null : expr(f, depth - 1));
                    values.add(expr(f, depth - 1));
                }
                yield Dict.of(keys, values, 0, 0, 0, 0, 0, 0);
            }
            case 11 -> dev.typhon.ast.Set.of(elements(f, depth, 1), 0, 0, 0, 0, 0, 0);
            case 12 -> dev.typhon.ast.List.of(elements(f, depth, 0), ExprContext.Load, 0, 0, 0, 0, 0, 0);
            case 13 -> Tuple.of(elements(f, depth, 0), ExprContext.Load, 0, 0, 0, 0, 0, 0);
            case 14 -> comprehension(f, depth);
            case 15, 16 -> call(f, depth);
            case 17, 18 -> attribute(f, depth, ExprContext.Load);
            case 19, 20 -> Subscript.of(atomish(f, depth - 1), sliceExpr(f, depth - 1), ExprContext.Load, 0, 0, 0, 0, 0, 0);
            case 21, 22 -> joinedStr(f, depth);
            case 23 -> templateStr(f, depth);
            case 24 -> f.yield() ? yieldExpr(f, depth) : leaf();
            case 25 -> f.await() ? Await.of(expr(f, depth - 1), 0, 0, 0, 0, 0, 0) : leaf();
            default -> leaf();
        };
    }

    private List<Expr> elements(Flags f, int depth, int min) {
        List<Expr> elts = new ArrayList<>();
        int n = min + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            elts.add(r.nextInt(5) == 0 ? starred(f, depth) : expr(f, depth - 1));
        }
        return elts;
    }

    private Expr comprehension(Flags f, int depth) {
        Flags inner = f.inComprehension();
        List<Comprehension> generators = new ArrayList<>();
        int n = 1 + (r.nextInt(3) == 0 ? 1 : 0);
        for (int i = 0; i < n; i++) {
            List<Expr> ifs = new ArrayList<>();
            int k = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
            for (int j = 0; j < k; j++) {
                ifs.add(expr(inner, depth - 1));
            }
            Expr target = r.nextInt(3) == 0 ? Tuple.of(List.of(Name.of(name(), ExprContext.Store, 0, 0, 0, 0, 0, 0),
                    Name.of(name(), ExprContext.Store, 0, 0, 0, 0, 0, 0)), ExprContext.Store, 0, 0, 0, 0, 0, 0)
                    : Name.of(name(), ExprContext.Store, 0, 0, 0, 0, 0, 0);
            generators.add(Comprehension.of(target, expr(inner, depth - 1), ifs, f.asyncComp() && r.nextInt(3) == 0 ? 1 : 0));
        }
        return switch (r.nextInt(4)) {
            case 0 -> ListComp.of(expr(inner, depth - 1), generators, 0, 0, 0, 0, 0, 0);
            case 1 -> SetComp.of(expr(inner, depth - 1), generators, 0, 0, 0, 0, 0, 0);
            case 2 -> DictComp.of(expr(inner, depth - 1), expr(inner, depth - 1), generators, 0, 0, 0, 0, 0, 0);
            default -> GeneratorExp.of(expr(inner, depth - 1), generators, 0, 0, 0, 0, 0, 0);
        };
    }

    private Expr call(Flags f, int depth) {
        Expr func = atomish(f, depth - 1);
        if (r.nextInt(6) == 0) {
            // A generator expression as the only argument: f((x for x in y)).
            return Call.of(func, List.of(GeneratorExp.of(expr(f.inComprehension(), depth - 1),
                    List.of(Comprehension.of(Name.of(name(), ExprContext.Store, 0, 0, 0, 0, 0, 0),
                            expr(f.inComprehension(), depth - 1), List.of(), 0)), 0, 0, 0, 0, 0, 0)),
                    List.of(), 0, 0, 0, 0, 0, 0);
        }
        List<Expr> args = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            args.add(r.nextInt(5) == 0 ? starred(f, depth) : expr(f, depth - 1));
        }
        return Call.of(func, args, keywords(f, depth - 1), 0, 0, 0, 0, 0, 0);
    }

    private List<Keyword> keywords(Flags f, int depth) {
        List<Keyword> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(Keyword.of(r.nextInt(4) == 0 ? null : uniqueName(used), expr(f, depth), 0, 0, 0, 0, 0, 0));
        }
        return out;
    }

    private Expr sliceExpr(Flags f, int depth) {
        return switch (r.nextInt(5)) {
            case 0 -> slice(f, depth);
            case 1 -> {
                List<Expr> elts = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    int k = r.nextInt(5);
                    elts.add(k == 0 ? slice(f, depth) : k == 1 ? starred(f, depth) : expr(f, depth - 1));
                }
                yield Tuple.of(elts, ExprContext.Load, 0, 0, 0, 0, 0, 0);
            }
            default -> expr(f, depth);
        };
    }

    private Expr slice(Flags f, int depth) {
        return Slice.of(r.nextBoolean() ? expr(f, depth - 1) : null, r.nextBoolean() ? expr(f, depth - 1) : null,
                r.nextInt(3) == 0 ? expr(f, depth - 1) : null, 0, 0, 0, 0, 0, 0);
    }

    // ---------------------------------------------------------------- f-strings and t-strings

    private Expr joinedStr(Flags f, int depth) {
        return JoinedStr.of(ftParts(f, depth, false, 2), 0, 0, 0, 0, 0, 0);
    }

    /** Alternating literal text and replacement fields, never two literals in a row. */
    private List<Expr> ftParts(Flags f, int depth, boolean template, int specDepth) {
        List<Expr> parts = new ArrayList<>();
        int n = r.nextInt(4);
        boolean lastText = false;
        for (int i = 0; i < n; i++) {
            if (!lastText && r.nextBoolean()) {
                // Text from a u'' string concatenated with f-strings keeps kind 'u'.
                String kind = !template && specDepth == 2 && r.nextInt(8) == 0 ? "u" : null;
                parts.add(Constant.of(randomStr(1 + r.nextInt(6)), kind, 0, 0, 0, 0, 0, 0));
                lastText = true;
            } else {
                parts.add(field(f, depth, template, specDepth));
                lastText = false;
            }
        }
        return parts;
    }

    private Expr field(Flags f, int depth, boolean template, int specDepth) {
        Expr value = expr(f, depth - 1);
        int conversion = pick(CONVERSIONS);
        Expr spec = null;
        if (specDepth > 0 && r.nextInt(3) == 0) {
            spec = JoinedStr.of(ftParts(f, depth - 1, false, specDepth - 1), 0, 0, 0, 0, 0, 0);
        }
        if (!template) {
            return FormattedValue.of(value, conversion, spec, 0, 0, 0, 0, 0, 0);
        }
        return Interpolation.of(value, new ConstantValue.Str(interpolationText(value)), conversion, spec, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The source text CPython records for an interpolation written as the unparser writes it:
     * the expression as unparsed inside a replacement field (where a lambda or conditional needs
     * parentheses), with the space that keeps a leading brace from reading as {@code {{}.
     */
    private static String interpolationText(Expr value) {
        String text = Unparser.unparse(value);
        if (value instanceof Lambda || value instanceof IfExp) {
            text = "(" + text + ")";
        }
        return text.startsWith("{") ? " " + text : text;
    }

    private Expr templateStr(Flags f, int depth) {
        return TemplateStr.of(ftParts(f, depth, true, 2), 0, 0, 0, 0, 0, 0);
    }

    // ---------------------------------------------------------------- leaves

    private Expr leaf() {
        return switch (r.nextInt(8)) {
            case 0, 1, 2, 3 -> Name.of(name(), ExprContext.Load, 0, 0, 0, 0, 0, 0);
            default -> constant(randomConstant());
        };
    }

    private static Constant constant(ConstantValue value) {
        return Constant.of(value, null, 0, 0, 0, 0, 0, 0);
    }

    private Expr strConstant() {
        return Constant.of(randomStr(r.nextInt(12)), r.nextInt(5) == 0 ? "u" : null,
                0, 0, 0, 0, 0, 0);
    }

    private ConstantValue randomConstant() {
        return switch (r.nextInt(11)) {
            case 0 -> ConstantValue.Int.of(r.nextInt(100));
            case 1 -> new ConstantValue.Int(new BigInteger(1 + r.nextInt(200), r));
            case 2 -> new ConstantValue.Float(pick(new double[] {
                    0.0, 0.5, 1.0, 1e16, 1e-5, 1.5e300, 2.2250738585072014E-308, 4.9e-324, Double.MAX_VALUE,
                    Double.POSITIVE_INFINITY, 123456.789}));
            case 3 -> new ConstantValue.Float(Math.abs(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20)));
            case 4 -> new ConstantValue.Complex(0.0, r.nextBoolean() ? r.nextInt(10) : pick(new double[] {
                    0.25, 1e20, Double.POSITIVE_INFINITY}));
            case 5 -> randomStr(r.nextInt(10));
            case 6 -> {
                byte[] bytes = new byte[r.nextInt(6)];
                r.nextBytes(bytes);
                yield new ConstantValue.Bytes(bytes);
            }
            case 7 -> ConstantValue.Bool.of(r.nextBoolean());
            case 8 -> ConstantValue.NONE;
            case 9 -> ConstantValue.ELLIPSIS;
            default -> new ConstantValue.Str(pick(NAMES));
        };
    }

    /**
     * A random string: quotes, backslashes, braces, control characters, non-ASCII, emoji, lone
     * surrogates, and surrogate pairs that stand for two code points (as Python's
     * {@code '\\ud83d\\ude00'} does).
     */
    private ConstantValue.Str randomStr(int length) {
        StringBuilder sb = new StringBuilder(length);
        List<Integer> splits = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            char c = STRING_CHARS.charAt(r.nextInt(STRING_CHARS.length()));
            if (Character.isHighSurrogate(c) && r.nextBoolean()) {
                // Usually a whole pair, sometimes one that is two code points.
                if (r.nextInt(3) == 0) {
                    splits.add(sb.length());
                }
                sb.append("\ud83d\ude00");
            } else {
                sb.append(c);
            }
        }
        int[] at = new int[splits.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = splits.get(i);
        }
        return new ConstantValue.Str(sb.toString(), at);
    }

    // ---------------------------------------------------------------- names

    private String name() {
        return pick(NAMES);
    }

    /** A name that can start a value or class pattern: `_` there is always the wildcard. */
    private String patternName() {
        String name = pick(NAMES);
        return name.equals("_") ? "x" : name;
    }

    private String uniqueName(Set<String> used) {
        String name = pick(NAMES);
        while (!used.add(name)) {
            name = "n" + fresh++;
        }
        return name;
    }

    private List<String> uniqueNames(int n) {
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(uniqueName(used));
        }
        return out;
    }

    private String dottedName() {
        StringBuilder sb = new StringBuilder(pick(NAMES));
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            sb.append('.').append(pick(ATTRS));
        }
        return sb.toString();
    }

    private List<Alias> aliases(boolean simpleNames) {
        List<Alias> out = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(Alias.of(simpleNames ? name() : dottedName(), r.nextBoolean() ? name() : null, 0, 0, 0, 0, 0, 0));
        }
        return out;
    }

    private <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }

    private int pick(int[] values) {
        return values[r.nextInt(values.length)];
    }

    private double pick(double[] values) {
        return values[r.nextInt(values.length)];
    }
}
