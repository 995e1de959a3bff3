package dev.typhon.cli.check;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What checking one file gave: its diagnostics (by position) or, when the checker itself failed on
 * it, the failure's description.
 *
 * @param file absolute
 * @param shown the path as shown to the user
 */
public record FileResult(Path file, String shown, List<Diagnostic> diagnostics, @Nullable String failure) {
    public FileResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
