package dev.typhon.mdtest;

/** An assertion comment that does not follow the grammar; the message says why. */
public final class InvalidAssertionException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidAssertionException(String message) {
        super(message);
    }
}
