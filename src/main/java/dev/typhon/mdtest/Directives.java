package dev.typhon.mdtest;

import dev.typhon.ast.Nullable;

/**
 * The HTML-comment directives in force for a section (§8), its own and its ancestors'.
 *
 * @param snapshotDiagnostics {@code <!-- snapshot-diagnostics -->}: ty writes the diagnostics to an
 *     external snapshot; this runner grades such tests by their assertions alone
 * @param expectPanic {@code <!-- expect-panic: TEXT -->}: the checker must crash with a message that
 *     contains the text ({@code ""} when no text was given); null when not expected
 * @param pullTypesSkip {@code <!-- pull-types:skip -->}: ty skips a robustness pass this runner
 *     does not have
 */
public record Directives(boolean snapshotDiagnostics, @Nullable String expectPanic, boolean pullTypesSkip) {

    public static final Directives NONE = new Directives(false, null, false);
}
