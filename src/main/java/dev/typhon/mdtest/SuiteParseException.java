package dev.typhon.mdtest;

/** A malformed suite: what is wrong and on which (1-based) Markdown line. */
public final class SuiteParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public SuiteParseException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based Markdown line the problem is on. */
    public int line() {
        return line;
    }
}
