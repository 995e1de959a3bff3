/**
 * The semantic layer: module resolution, scopes, symbols, definitions and use-def flow, built on
 * the syntax tree of {@code dev.typhon.ast}. The syntax layer never depends on this one.
 */
package dev.typhon.semantic;
