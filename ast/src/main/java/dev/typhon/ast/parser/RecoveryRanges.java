package dev.typhon.ast.parser;

import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Located;
import dev.typhon.ast.Node;
import dev.typhon.ast.Stmt;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;

/**
 * The range check a statement rebuilt by error recovery must pass to enter the tree: every node
 * has start &lt;= end and lies inside its parent (decorators, which CPython places before their
 * definition, inside the definition's parent), and the statements inside {@code [lo, hi]}.
 */
final class RecoveryRanges {

    private RecoveryRanges() {
    }

    private record Item(Node node, int lo, int hi) {
    }

    /** Whether {@code stmts} are well nested within {@code [lo, hi]}; nodes in {@code trusted} are not entered. */
    static boolean wellNested(List<? extends Stmt> stmts, int lo, int hi, Set<? extends Node> trusted) {
        ArrayDeque<Item> todo = new ArrayDeque<>();
        for (Stmt s : stmts) {
            todo.push(new Item(s, lo, hi));
        }
        while (!todo.isEmpty()) {
            Item item = todo.pop();
            Node node = item.node();
            int clo = item.lo();
            int chi = item.hi();
            if (node instanceof Located at) {
                if (at.startOffset() > at.endOffset() || at.startOffset() < clo || at.endOffset() > chi) {
                    return false;
                }
                clo = at.startOffset();
                chi = at.endOffset();
            }
            if (trusted.contains(node)) {
                continue;
            }
            List<Expr> decorators = switch (node) {
                case FunctionDef f -> f.decoratorList();
                case AsyncFunctionDef f -> f.decoratorList();
                case ClassDef c -> c.decoratorList();
                default -> List.of();
            };
            int plo = clo;
            int phi = chi;
            node.forEachChild(child -> {
                if (!decorators.isEmpty() && containsIdentity(decorators, child)) {
                    todo.push(new Item(child, item.lo(), item.hi()));
                } else {
                    todo.push(new Item(child, plo, phi));
                }
            });
        }
        return true;
    }

    private static boolean containsIdentity(List<Expr> list, Node n) {
        for (Expr e : list) {
            if (e == n) {
                return true;
            }
        }
        return false;
    }
}
