/**
 * The library's front door: the only package an embedder needs to import.
 *
 * <p>A {@link dev.typhon.semantic.api.Workspace} is made from {@link dev.typhon.semantic.api.WorkspaceSettings}
 * and a set of files; it checks them ({@code check()}), answers position queries ({@code typeAt},
 * {@code definitionsAt}, {@code hoverAt}) and takes edits ({@link dev.typhon.semantic.api.Edit}), each of
 * which makes a new immutable {@link dev.typhon.semantic.api.Snapshot}. Everything handed out is an
 * immutable value; a {@link dev.typhon.semantic.api.NodeRef} into a file that changed since fails with
 * {@link dev.typhon.semantic.api.StaleSnapshotException} rather than answer from stale state.
 * Thread-safe throughout.
 */
package dev.typhon.semantic.api;
