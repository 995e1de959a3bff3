/**
 * The semantic index of a module, built in one walk over its tree before any type is known.
 *
 * <ul>
 * <li>{@link dev.typhon.semantic.index.Scope}: module, class, function, lambda, comprehension,
 *     annotation and PEP 695 scopes, each with a symbol table whose flags are CPython's symtable
 *     flags bit for bit and whose resolution (local, global, free, cell) follows CPython's
 *     analysis; {@code typhon debug symtable} prints them in CPython 3.11's layout.</li>
 * <li>{@link dev.typhon.semantic.index.Definition}: every binding form, with the node that binds
 *     and the statement that provides the value; identified by start offsets.</li>
 * <li>{@link dev.typhon.semantic.index.Use}: every name read, with the definitions that reach it
 *     in its scope along the control flow, each with the narrowing
 *     {@link dev.typhon.semantic.index.Constraint}s of its path, and whether some path leaves the
 *     name unbound. Branches that {@link dev.typhon.semantic.index.IndexOptions} rule out
 *     statically ({@code sys.version_info}, {@code sys.platform}, {@code TYPE_CHECKING},
 *     constants) contribute nothing.</li>
 * </ul>
 *
 * <p>Flow states are arrays of immutable per-symbol {@code Bindings} indexed by symbol id, so a
 * branch copies one array and a merge unions sorted definition ids; loops add the definitions of
 * their back edge to the uses that still see the loop header; a try body records its definitions
 * for the handlers. Start with {@link dev.typhon.semantic.index.SemanticIndex#of}.
 */
package dev.typhon.semantic.index;
