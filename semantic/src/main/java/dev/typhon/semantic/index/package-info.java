/**
 * The semantic index of a module, built in one walk over its tree before any type is known.
 *
 * <ul>
 * <li>{@link dev.typhon.semantic.index.Scope}: module, class, function, lambda, comprehension,
 *     annotation and PEP 695 scopes, each with a symbol table whose flags are CPython's symtable
 *     flags bit for bit and whose resolution (local, global, free, cell) follows CPython's
 *     analysis; {@code typhon debug symtable} prints them in CPython 3.11's layout. Each scope
 *     also has its member {@link dev.typhon.semantic.index.Place places} ({@code self.x},
 *     {@code d["k"]}), tracked through the flow like symbols.</li>
 * <li>{@link dev.typhon.semantic.index.Definition}: every binding, declaration and unbinding form,
 *     of a symbol or a place, identified by its id in the index.</li>
 * <li>{@link dev.typhon.semantic.index.Use} / {@link dev.typhon.semantic.index.PlaceUse}: every
 *     name (and tracked place) read, with the definitions that can reach it in its scope along the
 *     control flow ({@link dev.typhon.semantic.index.ReachingBindings}), each with the narrowing
 *     {@link dev.typhon.semantic.index.Constraint}s of its path and the
 *     {@link dev.typhon.semantic.index.Reachability} formula under which it is live, and whether
 *     the implicit start state (unbound) reaches too.</li>
 * <li>Declarations ({@code x: int}, annotated parameters, {@code def}, imports) live where each
 *     binding happens and at the end of each scope; star imports as possible bindings of every
 *     name; eagerly run scopes (class bodies, comprehensions) keep the enclosing bindings where
 *     they run (eager snapshots); lazy ones read the end of the enclosing scope.</li>
 * <li>Reachability: what is static ({@code sys.version_info}, {@code sys.platform},
 *     {@code TYPE_CHECKING}, constants, per {@link dev.typhon.semantic.index.IndexOptions}) prunes
 *     paths as the index is built; what only inference can decide (a call that never returns, a
 *     {@code with} that swallows exceptions, a test or pattern always true, a match that is
 *     exhaustive) is recorded as formulas over the module's constraints, for an
 *     {@link dev.typhon.semantic.index.Reachability.Oracle} to evaluate.</li>
 * </ul>
 *
 * <p>Flow states are arrays of immutable per-symbol {@code Bindings} indexed by symbol id, so a
 * branch copies one array and a merge unions sorted definition ids; loops add the definitions of
 * their back edge to what the body captured while it saw the loop header (uses, {@code break}
 * states, eager snapshots); a try body records its definitions for the handlers and the finally
 * block. Lookups by symbol (definitions, uses, declarations) and by place are prepared once, on
 * the first such query, and take constant time. Start with {@link dev.typhon.semantic.index.SemanticIndex#of}.
 *
 * <p>Thread safety: a {@link dev.typhon.semantic.index.SemanticIndex} and everything it hands out
 * (scopes, definitions, uses, constraints, reachability formulas) is immutable once
 * {@code SemanticIndex.of} returns and may be read from any number of threads. The lookup tables
 * it builds on first use (by offset for {@code useAt} / {@code placeUseAt}, by symbol and place
 * for {@code definitionsOf} and the like) are published through volatile fields and never
 * changed after: two racing threads may both build one, equal and either fine to keep. Building an index is single-threaded; build different
 * modules' indexes on different threads freely. The API returns Java collections only.
 */
package dev.typhon.semantic.index;
