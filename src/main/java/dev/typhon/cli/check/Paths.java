package dev.typhon.cli.check;

import java.nio.file.Path;

/** How paths are shown to a user: relative to the current folder when below it, else absolute. */
final class Paths {
    private Paths() {
    }

    static String shown(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String s = abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return s.replace(java.io.File.separatorChar, '/');
    }
}
