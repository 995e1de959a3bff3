package dev.typhon.cli.check;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on stderr, drawn only when the output goes to a terminal; it redraws at
 * most ten times a second and erases itself when done, so no half line is left behind.
 */
final class Progress implements AutoCloseable {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintStream err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private volatile long lastDrawn;
    private boolean drawn;

    private Progress(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    /** A bar on {@code err} when it is a terminal, else one that draws nothing. */
    static Progress open(PrintStream err, int total, boolean enabled) {
        return new Progress(enabled ? err : null, total);
    }

    /**
     * Whether stderr is a terminal. On Linux {@code /proc/self/fd/2} tells where stderr goes.
     * Elsewhere the console decides: {@code System.console()} alone is not enough, as on JDK 22+ it
     * is non-null for pipes too, so {@code Console.isTerminal()} (JDK 22+, called reflectively so
     * Java 21 still runs this) is asked; it looks at stdin and stdout, not stderr.
     */
    static boolean isTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // not allowed to look: ask the console
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only when attached to a terminal
        }
    }

    void fileDone() {
        int n = done.incrementAndGet();
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawn >= INTERVAL_NANOS || n == total) {
            lastDrawn = now;
            draw(n);
        }
    }

    private synchronized void draw(int n) {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) n * width / total);
        err.print("\r[" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total + " files");
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (err != null && drawn) {
            err.print("\r\033[2K");
            err.flush();
        }
    }
}
