package dev.typhon.ast.parser;

import dev.typhon.ast.Module;
import dev.typhon.ast.source.SourceText;
import java.util.List;

/**
 * The outcome of parsing one file: always a tree (statements that failed to parse are left out,
 * the ones around them kept) and every syntax error found, in source order.
 */
public record ParseResult(Module module, List<SyntaxError> errors, SourceText source) {

    public ParseResult {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
