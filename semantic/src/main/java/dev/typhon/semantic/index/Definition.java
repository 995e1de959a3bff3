package dev.typhon.semantic.index;

import dev.typhon.ast.Node;

/**
 * One binding (or unbinding) of a symbol.
 *
 * @param id        index in {@link SemanticIndex#definitions()}, in source walk order
 * @param scope     the scope whose symbol is bound
 * @param symbol    the symbol's id within that scope ({@code -1} for a star import)
 * @param kind      how it binds
 * @param node      the binding node: a Name target, Alias, FunctionDef, Arg, ExceptHandler, pattern, ...
 * @param statement the statement or expression that provides the value (Assign, For, withitem,
 *                  comprehension, NamedExpr, ...); equal to {@code node} when there is no other
 * @param startOffset start of the binding node (UTF-16 offset), its stable identity
 * @param reachable whether static reachability lets the definition happen at all
 */
public record Definition(int id, int scope, int symbol, DefinitionKind kind, Node node, Node statement,
                         int startOffset, boolean reachable) {
}
