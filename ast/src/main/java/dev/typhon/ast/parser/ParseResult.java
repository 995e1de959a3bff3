package dev.typhon.ast.parser;

import dev.typhon.ast.Module;
import dev.typhon.ast.source.Comments;
import dev.typhon.ast.source.SourceText;
import java.util.List;

/**
 * The outcome of parsing one file: always a tree (statements that failed to parse are left out,
 * the ones around them kept), every syntax error found, in source order, and the file's comments
 * as a side table of ranges ({@link dev.typhon.ast.source.CommentDirectives} reads the directives among them).
 */
public record ParseResult(Module module, List<SyntaxError> errors, SourceText source, Comments comments) {

    public ParseResult {
        errors = List.copyOf(errors);
        comments = comments == null ? Comments.EMPTY : comments;
    }

    /** A result without a comment table. */
    public ParseResult(Module module, List<SyntaxError> errors, SourceText source) {
        this(module, errors, source, Comments.EMPTY);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
