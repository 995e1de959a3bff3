package dev.typhon.mdtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the suites to run: files as given, and every {@code *.md} below each folder, sorted by path. */
public final class SuiteFinder {

    private SuiteFinder() {
    }

    /**
     * The suites under {@code paths}, in argument order; a folder's in path order.
     *
     * @throws NoSuchFileException for a path that does not exist
     * @throws IOException when a folder cannot be read
     */
    public static List<Path> find(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".md")
                                    && Files.isRegularFile(f))
                            .sorted()
                            .forEach(out::add);
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            }
        }
        return out;
    }
}
