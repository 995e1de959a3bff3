package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;

/**
 * Something inference finds wrong, before it becomes a diagnostic: the rule it breaks, ty's wording
 * (headline and the message under the range) and where (UTF-16 offsets of the file).
 */
public record Problem(String rule, String headline, @Nullable String annotation, int start, int end) {
}
