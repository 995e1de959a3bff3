package dev.typhon.semantic.types;

import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.infer.Program;
import dev.typhon.semantic.infer.SourceFile;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real {@link TypeDb}: inference over the bundled typeshed at Python 3.13, with a small user module
 * {@code m} in a temporary first-party root. One per JVM (the program is thread-safe and memoizes).
 */
final class TypeFixture {
    static final String USER_MODULE = """
            from enum import Enum
            from typing import final

            class A: ...
            class B(A): ...
            class C: ...
            class D(B, C): ...
            @final
            class F: ...
            class X: ...
            class Y: ...
            class Bad(X, Y): ...
            class Bad2(Y, X): ...
            class Inconsistent(X, Bad): ...
            class Color(Enum):
                RED = 1
                GREEN = 2
                BLUE = 3
            """;

    private static volatile TypeFixture shared;

    final Path root;
    final Program program;
    final TypeDb db;
    final SourceFile m;

    private TypeFixture(PythonVersion version, Path root) {
        this.root = root;
        this.program = new Program(new ModuleResolver(new ModuleResolver.Settings(version, List.of(), List.of(root),
                Typeshed.bundled(), List.of())), "linux");
        this.db = program.inference();
        this.m = program.module("m").orElse(null);
    }

    static TypeFixture get() {
        TypeFixture f = shared;
        if (f == null) {
            synchronized (TypeFixture.class) {
                f = shared;
                if (f == null) {
                    f = create(PythonVersion.PY313, USER_MODULE);
                    shared = f;
                }
            }
        }
        return f;
    }

    /** A fresh program at {@code version} whose first-party root holds {@code m.py} with {@code source}. */
    static TypeFixture create(PythonVersion version, String source) {
        try {
            Path root = Files.createTempDirectory("typhon-types");
            root.toFile().deleteOnExit();
            Path file = root.resolve("m.py");
            Files.writeString(file, source);
            file.toFile().deleteOnExit();
            return new TypeFixture(version, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class literal {@code <class 'name'>} of the user module. */
    ClassLiteralType userClass(String name) {
        Type t = program.inference().moduleMember(m, name);
        if (!(t instanceof ClassLiteralType c)) {
            throw new AssertionError("m." + name + " is " + (t == null ? "missing" : t.display()));
        }
        return c;
    }

    InstanceType user(String name) {
        return userClass(name).classType().toInstance();
    }

    Type instance(KnownClass k) {
        Type t = k.toInstance(db);
        if (t.isDynamic()) {
            throw new AssertionError(k + " does not resolve");
        }
        return t;
    }

    Type union(Type... ts) {
        return UnionBuilder.of(db, ts);
    }

    Type not(Type t) {
        return t.negate(db);
    }

    Type and(Type... ts) {
        IntersectionBuilder b = new IntersectionBuilder(db);
        for (Type t : ts) {
            b.addPositive(t);
        }
        return b.build();
    }
}
