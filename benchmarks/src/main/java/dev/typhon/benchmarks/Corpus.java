package dev.typhon.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The .py and .pyi files under a directory, read into memory once so that no benchmark times I/O. */
record Corpus(Path root, List<Path> paths, List<byte[]> files, long totalBytes, long totalLines) {

    /** Reads every .py/.pyi file under {@code dir} (sorted, so runs see the same order). */
    static Corpus load(String dir) {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException(
                    "no corpus given: pass a directory of Python sources, for example "
                            + "`java -jar target/benchmarks.jar ParserBenchmark -p corpus=/usr/lib/python3.13` "
                            + "(or the first argument of RetainedMemory)");
        }
        Path root = Path.of(dir);
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("corpus is not a directory: " + root.toAbsolutePath());
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> {
                String name = p.getFileName().toString();
                return (name.endsWith(".py") || name.endsWith(".pyi")) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        List<Path> kept = new ArrayList<>(paths.size());
        List<byte[]> files = new ArrayList<>(paths.size());
        long bytes = 0;
        long lines = 0;
        for (Path p : paths) {
            byte[] content;
            try {
                content = Files.readAllBytes(p);
            } catch (IOException e) {
                continue; // an unreadable file is left out of the corpus, not a reason to stop
            }
            kept.add(p);
            files.add(content);
            bytes += content.length;
            lines += countLines(content);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .py or .pyi files under " + root.toAbsolutePath());
        }
        return new Corpus(root, List.copyOf(kept), List.copyOf(files), bytes, lines);
    }

    /** Lines as an editor counts them: line breaks, plus one for a last line without one. */
    static long countLines(byte[] content) {
        long n = 0;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            if (b == '\n' || (b == '\r' && (i + 1 == content.length || content[i + 1] != '\n'))) {
                n++;
            }
        }
        if (content.length > 0 && content[content.length - 1] != '\n' && content[content.length - 1] != '\r') {
            n++;
        }
        return n;
    }

    String describe() {
        return String.format("%d files, %.1f MB, %d lines under %s",
                files.size(), totalBytes / 1e6, totalLines, root.toAbsolutePath());
    }
}
