package dev.typhon.semantic.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds real folder layouts for resolver tests: {@code Layout.at(dir).file("a/b.py").file("c/py.typed", "partial\n")}. */
final class Layout {
    private final Path root;

    private Layout(Path root) {
        this.root = root;
    }

    static Layout at(Path root) {
        return new Layout(root);
    }

    Layout file(String rel) {
        return file(rel, "");
    }

    Layout file(String rel, String content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Layout dir(String rel) {
        try {
            Files.createDirectories(root.resolve(rel));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String rel) {
        return root.resolve(rel);
    }

    Path root() {
        return root;
    }

    /** A small typeshed with the VERSIONS entries the tests gate on. */
    static Layout miniTypeshed(Path root) {
        return at(root)
                .file("stdlib/VERSIONS", """
                        # comment line
                        asyncio: 3.4-
                        asyncio.taskgroups: 3.11-   # trailing comment
                        distutils: 3.0-3.11
                        distutils.command.bdist_msi: 3.0-3.10
                        imp: 3.0-3.11
                        os: 3.0-
                        tomllib: 3.11-
                        typing: 3.5-
                        """)
                .file("stdlib/asyncio/__init__.pyi")
                .file("stdlib/asyncio/events.pyi")
                .file("stdlib/asyncio/taskgroups.pyi")
                .file("stdlib/distutils/__init__.pyi")
                .file("stdlib/distutils/command/__init__.pyi")
                .file("stdlib/distutils/command/bdist_msi.pyi")
                .file("stdlib/imp.pyi")
                .file("stdlib/os/__init__.pyi")
                .file("stdlib/os/path.pyi")
                .file("stdlib/tomllib.pyi")
                .file("stdlib/typing.pyi")
                .file("stdlib/unlisted.pyi")
                .file("stubs/requests/METADATA.toml", "version = \"2.32.*\"\n")
                .file("stubs/requests/requests/__init__.pyi")
                .file("stubs/requests/requests/adapters.pyi")
                .file("stubs/six/six/__init__.pyi")
                .file("stubs/six/six/moves/__init__.pyi")
                .file("stubs/protobuf/METADATA.toml", "partial_stub = true\n")
                .file("stubs/protobuf/google/protobuf/__init__.pyi")
                .file("commit.txt", "0123456789abcdef0123456789abcdef01234567\n")
                .file("LICENSE", "license\n");
    }
}
