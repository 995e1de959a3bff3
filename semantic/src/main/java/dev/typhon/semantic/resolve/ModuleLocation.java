package dev.typhon.semantic.resolve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A file or folder of a module, inside the search path it was found in. */
public record ModuleLocation(SearchPath searchPath, String relativePath) {
    public String display() {
        return searchPath.tree().displayPath(relativePath);
    }

    public Optional<Path> path() {
        return searchPath.tree().toPath(relativePath);
    }

    public byte[] read() throws IOException {
        return searchPath.tree().read(relativePath);
    }

    @Override
    public String toString() {
        return display();
    }
}
