package dev.typhon.ast.unparse;

import dev.typhon.ast.Alias;
import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Arguments;
import dev.typhon.ast.Assert;
import dev.typhon.ast.Assign;
import dev.typhon.ast.AsyncFor;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.AsyncWith;
import dev.typhon.ast.AugAssign;
import dev.typhon.ast.Break;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Continue;
import dev.typhon.ast.Delete;
import dev.typhon.ast.ExceptHandler;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprStmt;
import dev.typhon.ast.For;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Global;
import dev.typhon.ast.If;
import dev.typhon.ast.Import;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Match;
import dev.typhon.ast.MatchCase;
import dev.typhon.ast.Name;
import dev.typhon.ast.Nonlocal;
import dev.typhon.ast.Pass;
import dev.typhon.ast.Raise;
import dev.typhon.ast.Return;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Stmt;
import dev.typhon.ast.Try;
import dev.typhon.ast.TryStar;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.TypeAlias;
import dev.typhon.ast.TypeIgnore;
import dev.typhon.ast.TypeParam;
import dev.typhon.ast.While;
import dev.typhon.ast.With;
import dev.typhon.ast.WithItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes statements as CPython 3.14's {@code ast.unparse} does: one statement per line, four
 * spaces per block level, a blank line before each function and class, docstrings in triple
 * quotes, nested {@code else: if} folded into {@code elif}, and {@code # type:} comments when the
 * tree carries them.
 */
final class StatementWriter extends ExpressionWriter {

    private int indent;
    /** Whether anything was written yet (CPython's "is _source non-empty"). */
    private boolean started;
    /** Interactive input: top-level simple statements are joined with "; " (CPython 3.14). */
    private boolean interactive;
    /** `# type: ignore` comments of the module, by line. */
    private Map<Integer, String> typeIgnores = Map.of();

    StatementWriter(StringBuilder sb) {
        super(sb);
    }

    void module(List<Stmt> body, List<TypeIgnore> ignores) {
        if (!ignores.isEmpty()) {
            typeIgnores = new HashMap<>();
            for (TypeIgnore ignore : ignores) {
                typeIgnores.put(ignore.lineno(), "ignore" + ignore.tag());
            }
        }
        bodyWithDocstring(body);
        typeIgnores = Map.of();
    }

    void interactive(List<Stmt> body) {
        // No docstring here: CPython only looks for one in modules, classes and functions.
        interactive = true;
        statements(body);
        interactive = false;
    }

    // ---------------------------------------------------------------- layout

    private void maybeNewline() {
        if (started) {
            sb.append('\n');
        }
    }

    /** Starts a new line at the current indentation with {@code text}. */
    private void fill(String text) {
        fill(text, true);
    }

    private void fill(String text, boolean allowSemicolon) {
        if (interactive && indent == 0 && allowSemicolon) {
            if (started) {
                sb.append("; ");
            }
        } else {
            maybeNewline();
            sb.repeat("    ", indent);
        }
        started = true;
        sb.append(text);
    }

    private void block(List<Stmt> body) {
        block(body, null);
    }

    /** ":" (and a type comment), then the statements one level deeper. */
    private void block(List<Stmt> body, String typeComment) {
        sb.append(':');
        if (typeComment != null) {
            sb.append(typeComment);
        }
        indent++;
        statements(body);
        indent--;
    }

    void statements(List<Stmt> body) {
        for (Stmt s : body) {
            statement(s);
        }
    }

    private void bodyWithDocstring(List<Stmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof ExprStmt e
                && e.value() instanceof Constant c && c.value() instanceof ConstantValue.Str s) {
            fill("", false);
            if ("u".equals(c.kind())) {
                sb.append('u');
            }
            StringLiterals.Literal literal = StringLiterals.literal(s, StringLiterals.MULTI_QUOTES, false);
            String quote = literal.quotes().get(0);
            sb.append(quote).append(literal.body()).append(quote);
            statements(body.subList(1, body.size()));
        } else {
            statements(body);
        }
    }

    private String typeComment(Stmt node, String comment) {
        String ignore = typeIgnores.get(node.lineno());
        String text = ignore != null ? ignore : comment;
        return text == null ? null : " # type: " + text;
    }

    // ---------------------------------------------------------------- statements

    void statement(Stmt s) {
        switch (s) {
            case ExprStmt e -> {
                fill("");
                expr(e.value(), Precedence.YIELD);
            }
            case Assign a -> {
                fill("");
                for (Expr target : a.targets()) {
                    expr(target, Precedence.TUPLE);
                    sb.append(" = ");
                }
                expr(a.value(), Precedence.TEST);
                String comment = typeComment(a, a.typeComment());
                if (comment != null) {
                    sb.append(comment);
                }
            }
            case AugAssign a -> {
                fill("");
                expr(a.target(), Precedence.TEST);
                sb.append(switch (a.op()) {
                    case Add -> " += ";
                    case Sub -> " -= ";
                    case Mult -> " *= ";
                    case MatMult -> " @= ";
                    case Div -> " /= ";
                    case Mod -> " %= ";
                    case FloorDiv -> " //= ";
                    case LShift -> " <<= ";
                    case RShift -> " >>= ";
                    case BitOr -> " |= ";
                    case BitXor -> " ^= ";
                    case BitAnd -> " &= ";
                    case Pow -> " **= ";
                });
                expr(a.value(), Precedence.TEST);
            }
            case AnnAssign a -> annAssign(a);
            case Return r -> {
                fill("return");
                if (r.value() != null) {
                    sb.append(' ');
                    expr(r.value(), Precedence.TEST);
                }
            }
            case Pass p -> fill("pass");
            case Break b -> fill("break");
            case Continue c -> fill("continue");
            case Delete d -> {
                fill("del ");
                commaSeparated(d.targets());
            }
            case Assert a -> {
                fill("assert ");
                expr(a.test(), Precedence.TEST);
                if (a.msg() != null) {
                    sb.append(", ");
                    expr(a.msg(), Precedence.TEST);
                }
            }
            case Global g -> {
                fill("global ");
                sb.append(String.join(", ", g.names()));
            }
            case Nonlocal n -> {
                fill("nonlocal ");
                sb.append(String.join(", ", n.names()));
            }
            case Import i -> {
                fill("import ");
                aliases(i.names());
            }
            case ImportFrom i -> {
                fill("from ");
                sb.repeat('.', Math.max(0, i.level()));
                if (i.module() != null) {
                    sb.append(i.module());
                }
                sb.append(" import ");
                aliases(i.names());
            }
            case Raise r -> {
                fill("raise");
                if (r.exc() != null) {
                    sb.append(' ');
                    expr(r.exc(), Precedence.TEST);
                    if (r.cause() != null) {
                        sb.append(" from ");
                        expr(r.cause(), Precedence.TEST);
                    }
                }
            }
            case FunctionDef f -> function("def ", f.name(), f.typeParams(), f.args(), f.returns(),
                    f.decoratorList(), f.body(), typeComment(f, f.typeComment()));
            case AsyncFunctionDef f -> function("async def ", f.name(), f.typeParams(), f.args(), f.returns(),
                    f.decoratorList(), f.body(), typeComment(f, f.typeComment()));
            case ClassDef c -> classDef(c);
            case TypeAlias t -> {
                fill("type ");
                expr(t.name(), Precedence.TEST);
                typeParams(t.typeParams());
                sb.append(" = ");
                expr(t.value(), Precedence.TEST);
            }
            case For f -> forLoop("for ", f.target(), f.iter(), f.body(), f.orelse(), typeComment(f, f.typeComment()));
            case AsyncFor f -> forLoop("async for ", f.target(), f.iter(), f.body(), f.orelse(),
                    typeComment(f, f.typeComment()));
            case While w -> {
                fill("while ", false);
                expr(w.test(), Precedence.TEST);
                block(w.body());
                orElse(w.orelse());
            }
            case If i -> ifStatement(i);
            case With w -> with("with ", w.items(), w.body(), typeComment(w, w.typeComment()));
            case AsyncWith w -> with("async with ", w.items(), w.body(), typeComment(w, w.typeComment()));
            case Match m -> {
                fill("match ", false);
                expr(m.subject(), Precedence.TEST);
                sb.append(':');
                indent++;
                for (MatchCase c : m.cases()) {
                    matchCase(c);
                }
                indent--;
            }
            case Try t -> tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody(), false);
            case TryStar t -> tryStatement(t.body(), t.handlers(), t.orelse(), t.finalbody(), true);
        }
    }

    private void annAssign(AnnAssign a) {
        fill("");
        // simple == 0 marks a parenthesized name: `(x): int` creates no local annotation.
        boolean parens = a.simple() == 0 && a.target() instanceof Name;
        if (parens) {
            sb.append('(');
        }
        expr(a.target(), Precedence.TEST);
        if (parens) {
            sb.append(')');
        }
        sb.append(": ");
        expr(a.annotation(), Precedence.TEST);
        if (a.value() != null) {
            sb.append(" = ");
            expr(a.value(), Precedence.TEST);
        }
    }

    void aliases(List<Alias> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            alias(names.get(i));
        }
    }

    void alias(Alias a) {
        sb.append(a.name());
        if (a.asname() != null) {
            sb.append(" as ").append(a.asname());
        }
    }

    private void decorators(List<Expr> decorators) {
        maybeNewline();
        for (Expr d : decorators) {
            fill("@", false);
            expr(d, Precedence.TEST);
        }
    }

    private void function(String keyword, String name, List<TypeParam> typeParams, Arguments args, Expr returns,
                          List<Expr> decoratorList, List<Stmt> body, String typeComment) {
        decorators(decoratorList);
        fill(keyword, false);
        sb.append(name);
        typeParams(typeParams);
        sb.append('(');
        arguments(args);
        sb.append(')');
        if (returns != null) {
            sb.append(" -> ");
            expr(returns, Precedence.TEST);
        }
        sb.append(':');
        if (typeComment != null) {
            sb.append(typeComment);
        }
        indent++;
        bodyWithDocstring(body);
        indent--;
    }

    private void classDef(ClassDef c) {
        decorators(c.decoratorList());
        fill("class ", false);
        sb.append(c.name());
        typeParams(c.typeParams());
        if (!c.bases().isEmpty() || !c.keywords().isEmpty()) {
            argumentList(c.bases(), c.keywords());
        }
        sb.append(':');
        indent++;
        bodyWithDocstring(c.body());
        indent--;
    }

    private void forLoop(String keyword, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse,
                         String typeComment) {
        fill(keyword, false);
        expr(target, Precedence.TUPLE);
        sb.append(" in ");
        expr(iter, Precedence.TEST);
        block(body, typeComment);
        orElse(orelse);
    }

    private void orElse(List<Stmt> orelse) {
        if (!orelse.isEmpty()) {
            fill("else", false);
            block(orelse);
        }
    }

    private void ifStatement(If node) {
        fill("if ", false);
        expr(node.test(), Precedence.TEST);
        block(node.body());
        // A lone `if` in an else branch is written as elif: the tree is the same.
        while (node.orelse().size() == 1 && node.orelse().get(0) instanceof If nested) {
            node = nested;
            fill("elif ", false);
            expr(node.test(), Precedence.TEST);
            block(node.body());
        }
        orElse(node.orelse());
    }

    private void with(String keyword, List<WithItem> items, List<Stmt> body, String typeComment) {
        fill(keyword, false);
        if (items.size() == 1 && isAmbiguousTuple(items.get(0))) {
            // `with (a, b):` reads as two context managers (3.9+ parenthesized items), so a
            // lone tuple gets a second pair. CPython writes one pair and reads back a different tree.
            sb.append('(');
            withItem(items.get(0));
            sb.append(')');
        } else {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                withItem(items.get(i));
            }
        }
        block(body, typeComment);
    }

    /** A lone item `(a, b)` without `as`, which would parse as a parenthesized item list. */
    private static boolean isAmbiguousTuple(WithItem item) {
        if (item.optionalVars() != null || !(item.contextExpr() instanceof Tuple t) || t.elts().isEmpty()) {
            return false;
        }
        for (Expr e : t.elts()) {
            if (e instanceof Starred) {
                return false;
            }
        }
        return true;
    }

    void withItem(WithItem item) {
        expr(item.contextExpr(), Precedence.TEST);
        if (item.optionalVars() != null) {
            sb.append(" as ");
            expr(item.optionalVars(), Precedence.TEST);
        }
    }

    void matchCase(MatchCase c) {
        fill("case ", false);
        pattern(c.pattern(), Precedence.TEST);
        if (c.guard() != null) {
            sb.append(" if ");
            expr(c.guard(), Precedence.TEST);
        }
        block(c.body());
    }

    private void tryStatement(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse,
                              List<Stmt> finalbody, boolean star) {
        fill("try", false);
        block(body);
        for (ExceptHandler h : handlers) {
            exceptHandler(h, star);
        }
        orElse(orelse);
        if (!finalbody.isEmpty()) {
            fill("finally", false);
            block(finalbody);
        }
    }

    void exceptHandler(ExceptHandler h, boolean star) {
        fill(star ? "except*" : "except", false);
        if (h.type() != null) {
            sb.append(' ');
            // A tuple prints parenthesized: `except (A, B):` reads the same in every version,
            // while 3.14's bare `except A, B:` does not parse before 3.14.
            expr(h.type(), Precedence.TEST);
        }
        if (h.name() != null) {
            sb.append(" as ").append(h.name());
        }
        block(h.body());
    }
}
