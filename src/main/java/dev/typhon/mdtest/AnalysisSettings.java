package dev.typhon.mdtest;

import java.util.List;

/**
 * A test's {@code [analysis]} table (§7.2); what is not given has ty's default.
 *
 * @param strictGenericNarrowing {@code strict-generic-narrowing}
 * @param strictEqualitySemantics {@code strict-equality-semantics} (alias {@code strict-literal-narrowing})
 * @param respectTypeIgnoreComments {@code respect-type-ignore-comments} (default true)
 * @param allowedUnresolvedImports {@code allowed-unresolved-imports}: glob patterns of module names
 * @param replaceImportsWithAny {@code replace-imports-with-any}: glob patterns of module names
 */
public record AnalysisSettings(boolean strictGenericNarrowing, boolean strictEqualitySemantics,
        boolean respectTypeIgnoreComments, List<String> allowedUnresolvedImports, List<String> replaceImportsWithAny) {

    public static final AnalysisSettings DEFAULT = new AnalysisSettings(false, false, true, List.of(), List.of());

    public AnalysisSettings {
        allowedUnresolvedImports = List.copyOf(allowedUnresolvedImports);
        replaceImportsWithAny = List.copyOf(replaceImportsWithAny);
    }
}
