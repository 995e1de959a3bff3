package dev.typhon.ast.unparse;

import dev.typhon.ast.Alias;
import dev.typhon.ast.Arg;
import dev.typhon.ast.Arguments;
import dev.typhon.ast.Comprehension;
import dev.typhon.ast.ExceptHandler;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Expression;
import dev.typhon.ast.FunctionType;
import dev.typhon.ast.Interactive;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.MatchCase;
import dev.typhon.ast.Module;
import dev.typhon.ast.Node;
import dev.typhon.ast.Pattern;
import dev.typhon.ast.Stmt;
import dev.typhon.ast.TypeIgnore;
import dev.typhon.ast.TypeParam;
import dev.typhon.ast.WithItem;

/**
 * Turns a syntax tree back into Python source, like CPython 3.14's {@code ast.unparse}: parsing
 * the result gives a tree equal to the input (positions aside), and for trees parsed from source
 * the text is the same as CPython's, character for character. Formatting and comments of the
 * original are not kept; parentheses are the fewest needed by CPython's precedence rules.
 *
 * <p>Never throws on a tree the parser produces. A hand-built tree that no source could produce
 * (an empty statement body, say) is written as faithfully as possible but need not parse back.
 */
public final class Unparser {

    private Unparser() {
    }

    /** The source text of {@code node}: a module, statement, expression or any other node. */
    public static String unparse(Node node) {
        StringBuilder sb = new StringBuilder(256);
        StatementWriter writer = new StatementWriter(sb);
        switch (node) {
            case Module m -> writer.module(m.body(), m.typeIgnores());
            case Interactive i -> writer.interactive(i.body());
            case Expression e -> writer.expr(e.body(), Precedence.TEST);
            case FunctionType f -> {
                sb.append('(');
                writer.commaSeparated(f.argtypes());
                sb.append(") -> ");
                writer.expr(f.returns(), Precedence.TEST);
            }
            case Stmt s -> writer.statement(s);
            case Expr e -> writer.expr(e, Precedence.TEST);
            case Pattern p -> writer.pattern(p, Precedence.TEST);
            case TypeParam t -> writer.typeParams(java.util.List.of(t), false);
            case Arguments a -> writer.arguments(a);
            case Arg a -> writer.arg(a);
            case Keyword k -> writer.keyword(k);
            case Alias a -> writer.alias(a);
            case WithItem w -> writer.withItem(w);
            case MatchCase c -> writer.matchCase(c);
            case Comprehension c -> writer.generator(c);
            case ExceptHandler h -> writer.exceptHandler(h, false);
            case TypeIgnore t -> {
                // CPython's unparser has no rule for it and writes nothing.
            }
        }
        return sb.toString();
    }
}
