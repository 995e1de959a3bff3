package dev.typhon.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Says in words why a file could not be handled, for the {@code !Error} lines and messages of
 * every command, so they all describe the same failure the same way.
 */
final class FileFailures {

    private static final long MB = 1024 * 1024;

    private FileFailures() {
    }

    /** Why reading failed: "no such file", "permission denied", "is a folder", or the system's reason. */
    static String describe(IOException e, Path file) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a parent in the path is not a folder";
        }
        if (Files.isDirectory(file)) {
            return "is a folder, not a file";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return lowerFirst(fs.getReason());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : lowerFirst(m);
    }

    /**
     * Why a file could not be read or parsed for lack of memory: its size, the heap's limit and how
     * to raise it (the launcher passes {@code TYPHON_JAVA_OPTS} and {@code JAVA_OPTS} to the JVM).
     */
    static String tooLarge(Path file) {
        long size = -1;
        try {
            size = Files.size(file);
        } catch (IOException | SecurityException e) {
            // The size is a detail of the message; without it the message still says what to do.
        }
        String sizeText = size < 0 ? "" : megabytes(size) + " file, ";
        return "file too large to parse with the available memory (" + sizeText
                + megabytes(Runtime.getRuntime().maxMemory()) + " max heap); "
                + "raise the heap with TYPHON_JAVA_OPTS=-Xmx<size> (or JAVA_OPTS), e.g. -Xmx8g";
    }

    private static String megabytes(long bytes) {
        return bytes >= 10 * MB || bytes % MB == 0 ? (bytes / MB) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }

    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
