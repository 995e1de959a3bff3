package dev.typhon.ast.parser;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.Name;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an expression parsed in load context into an assignment or deletion target: targets are
 * parsed as expressions (one pass, no backtracking) and rebuilt here with the Store or Del
 * context once the {@code =}, {@code in} or {@code del} tells what they are.
 */
final class Targets {

    /** What kind of target list is being converted; decides the error wording and what is allowed. */
    enum Kind {
        STAR_TARGETS, FOR_TARGETS, DEL_TARGETS
    }

    private Targets() {
    }

    /**
     * The sub-expression that keeps {@code e} from being a target, or null when it is a valid one:
     * CPython's {@code _PyPegen_get_invalid_target}.
     */
    static Expr invalidTarget(Expr e, Kind kind) {
        switch (e) {
            case dev.typhon.ast.List l -> {
                for (Expr x : l.elts()) {
                    Expr bad = invalidTarget(x, kind);
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            }
            case Tuple t -> {
                for (Expr x : t.elts()) {
                    Expr bad = invalidTarget(x, kind);
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            }
            case Starred s -> {
                return kind == Kind.DEL_TARGETS ? s : invalidTarget(s.value(), kind);
            }
            case dev.typhon.ast.Compare c -> {
                if (kind == Kind.FOR_TARGETS) {
                    return c.ops().get(0) == dev.typhon.ast.CmpOperator.In
                            ? invalidTarget(c.left(), kind) : null;
                }
                return c;
            }
            case Name n -> {
                return null;
            }
            case Subscript s -> {
                return null;
            }
            case Attribute a -> {
                return null;
            }
            default -> {
                return e;
            }
        }
    }

    /**
     * Rebuilds a valid target with context {@code ctx}. The caller has checked it with
     * {@link #invalidTarget}; anything else is returned unchanged.
     */
    static Expr withContext(Expr e, ExprContext ctx) {
        switch (e) {
            case Name n -> {
                return Name.of(n.id(), ctx, n.lineno(), n.colOffset(), n.endLineno(), n.endColOffset(),
                        n.startOffset(), n.endOffset());
            }
            case Attribute a -> {
                return Attribute.of(a.value(), a.attr(), ctx, a.lineno(), a.colOffset(), a.endLineno(),
                        a.endColOffset(), a.startOffset(), a.endOffset());
            }
            case Subscript s -> {
                return Subscript.of(s.value(), s.slice(), ctx, s.lineno(), s.colOffset(), s.endLineno(),
                        s.endColOffset(), s.startOffset(), s.endOffset());
            }
            case Starred s -> {
                return Starred.of(withContext(s.value(), ctx), ctx, s.lineno(), s.colOffset(),
                        s.endLineno(), s.endColOffset(), s.startOffset(), s.endOffset());
            }
            case Tuple t -> {
                return Tuple.of(withContext(t.elts(), ctx), ctx, t.lineno(), t.colOffset(), t.endLineno(),
                        t.endColOffset(), t.startOffset(), t.endOffset());
            }
            case dev.typhon.ast.List l -> {
                return dev.typhon.ast.List.of(withContext(l.elts(), ctx), ctx, l.lineno(), l.colOffset(),
                        l.endLineno(), l.endColOffset(), l.startOffset(), l.endOffset());
            }
            default -> {
                return e;
            }
        }
    }

    private static List<Expr> withContext(List<Expr> elts, ExprContext ctx) {
        ArrayList<Expr> out = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            out.add(withContext(x, ctx));
        }
        return out;
    }

    /** CPython's {@code _PyPegen_get_expr_name}: how error messages name an expression. */
    static String describe(Expr e) {
        return switch (e) {
            case Attribute a -> "attribute";
            case Subscript s -> "subscript";
            case Starred s -> "starred";
            case Name n -> "name";
            case dev.typhon.ast.List l -> "list";
            case Tuple t -> "tuple";
            case dev.typhon.ast.Lambda l -> "lambda";
            case dev.typhon.ast.Call c -> "function call";
            case dev.typhon.ast.BoolOp b -> "expression";
            case dev.typhon.ast.BinOp b -> "expression";
            case dev.typhon.ast.UnaryOp u -> "expression";
            case dev.typhon.ast.GeneratorExp g -> "generator expression";
            case dev.typhon.ast.Yield y -> "yield expression";
            case dev.typhon.ast.YieldFrom y -> "yield expression";
            case dev.typhon.ast.Await a -> "await expression";
            case dev.typhon.ast.ListComp l -> "list comprehension";
            case dev.typhon.ast.SetComp s -> "set comprehension";
            case dev.typhon.ast.DictComp d -> "dict comprehension";
            case dev.typhon.ast.Dict d -> "dict literal";
            case dev.typhon.ast.Set s -> "set display";
            case dev.typhon.ast.JoinedStr j -> "f-string expression";
            case dev.typhon.ast.FormattedValue f -> "f-string expression";
            case dev.typhon.ast.TemplateStr t -> "t-string expression";
            case dev.typhon.ast.Interpolation i -> "t-string expression";
            case Constant c -> describeConstant(c.value());
            case dev.typhon.ast.Compare c -> "comparison";
            case dev.typhon.ast.IfExp i -> "conditional expression";
            case dev.typhon.ast.NamedExpr n -> "named expression";
            case dev.typhon.ast.Slice s -> "slice";
        };
    }

    private static String describeConstant(ConstantValue v) {
        if (v instanceof ConstantValue.None) {
            return "None";
        }
        if (v instanceof ConstantValue.Bool b) {
            return b.value() ? "True" : "False";
        }
        if (v instanceof ConstantValue.Ellipsis) {
            return "ellipsis";
        }
        return "literal";
    }
}
