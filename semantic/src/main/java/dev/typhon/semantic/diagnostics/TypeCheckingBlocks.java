package dev.typhon.semantic.diagnostics;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.Expr;
import dev.typhon.ast.If;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.UnaryOperator;
import dev.typhon.semantic.infer.SourceFile;

/**
 * Code that only type checkers see: the body of {@code if TYPE_CHECKING:} (or
 * {@code typing.TYPE_CHECKING}) and the {@code else} of {@code if not TYPE_CHECKING:}, at any depth.
 * It never runs, so what would fail at run time there (an unimported {@code reveal_type}, a body
 * left out) is fine.
 */
final class TypeCheckingBlocks {
    private TypeCheckingBlocks() {
    }

    static boolean contains(SourceFile file, Node node) {
        Node child = node;
        for (Node ancestor : file.nodeTable().ancestors(node)) {
            if (ancestor instanceof If branch) {
                boolean inBody = branch.body().contains(child);
                if (inBody && isTypeChecking(branch.test()) || !inBody && isNotTypeChecking(branch.test())) {
                    return true;
                }
            }
            child = ancestor;
        }
        return false;
    }

    private static boolean isTypeChecking(Expr test) {
        return test instanceof Name n && n.id().equals("TYPE_CHECKING")
                || test instanceof Attribute a && a.attr().equals("TYPE_CHECKING");
    }

    private static boolean isNotTypeChecking(Expr test) {
        return test instanceof UnaryOp u && u.op() == UnaryOperator.Not && isTypeChecking(u.operand());
    }
}
