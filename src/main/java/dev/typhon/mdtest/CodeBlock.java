package dev.typhon.mdtest;

/**
 * One fenced code block's share of an {@link EmbeddedFile}.
 *
 * @param fenceLine the 1-based Markdown line of the opening fence; the block's first code line is
 *     the next one
 * @param firstLine the 1-based line of the embedded file where this block's code starts
 * @param lineCount how many lines of the file the block contributes (0 for an empty block)
 * @param snapshotLine the Markdown line of the {@code snapshot} block attached to this block, or 0
 */
public record CodeBlock(int fenceLine, int firstLine, int lineCount, int snapshotLine) {

    /** True when the 1-based file line comes from this block. */
    public boolean containsFileLine(int fileLine) {
        return fileLine >= firstLine && fileLine < firstLine + lineCount;
    }

    public boolean hasSnapshot() {
        return snapshotLine > 0;
    }
}
