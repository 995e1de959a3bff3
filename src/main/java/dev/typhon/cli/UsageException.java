package dev.typhon.cli;

/**
 * Bad usage or bad configuration found after picocli's own parsing: the message is printed after
 * {@code typhon: } and the command exits with status 2.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
