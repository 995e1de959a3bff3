package dev.typhon.ast.parser;

import dev.typhon.ast.Module;
import dev.typhon.ast.NodeIds;
import dev.typhon.ast.source.Comments;
import dev.typhon.ast.source.SourceText;
import java.util.List;

/**
 * The outcome of parsing one file: always a tree (statements that failed to parse are left out,
 * the ones around them kept), every syntax error found, in source order, and the file's comments
 * as a side table of ranges ({@link dev.typhon.ast.source.CommentDirectives} reads the directives among them).
 *
 * <p>The tree is numbered ({@link dev.typhon.ast.Node#nodeId()}) before this result is built:
 * the ids are plain fields of the nodes, and this record's final fields publish them safely to any
 * thread that reads the tree through it.
 *
 * @param nodeCount how many nodes the module has; their ids are {@code 0 .. nodeCount - 1}
 */
public record ParseResult(Module module, List<SyntaxError> errors, SourceText source, Comments comments, int nodeCount) {

    public ParseResult {
        errors = List.copyOf(errors);
        comments = comments == null ? Comments.EMPTY : comments;
        if (module.nodeId() != 0) {
            throw new IllegalArgumentException("the module is not numbered; use NodeIds.assign or the 3-argument constructor");
        }
    }

    /** A result for {@code module}, which this numbers, without a comment table. */
    public ParseResult(Module module, List<SyntaxError> errors, SourceText source) {
        this(module, errors, source, Comments.EMPTY, NodeIds.assign(module));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
