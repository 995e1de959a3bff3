package dev.typhon.semantic.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.infer.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every known class resolves in the bundled typeshed; a user's own module never defines one. */
class KnownClassTest {

    /**
     * Variants the typeshed does not define at a version, and why. Nothing else may be missing.
     */
    private static final String GROUPS = "builtins.pyi defines BaseExceptionGroup and ExceptionGroup under"
            + " `if sys.version_info >= (3, 11)`";
    private static final String ENUM_311 = "enum.pyi defines StrEnum, member and nonmember under"
            + " `if sys.version_info >= (3, 11)`";
    private static final Map<PythonVersion, Map<KnownClass, String>> ABSENT = Map.of(
            PythonVersion.PY38, Map.of(
                    KnownClass.BASE_EXCEPTION_GROUP, GROUPS,
                    KnownClass.EXCEPTION_GROUP, GROUPS,
                    KnownClass.STR_ENUM, ENUM_311,
                    KnownClass.ENUM_MEMBER, ENUM_311,
                    KnownClass.ENUM_NONMEMBER, ENUM_311),
            PythonVersion.PY314, Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"3.8", "3.14"})
    void everyVariantResolves(String v) {
        PythonVersion version = v.equals("3.8") ? PythonVersion.PY38 : PythonVersion.PY314;
        TypeFixture f = TypeFixture.create(version, "");
        Map<KnownClass, String> absent = ABSENT.get(version);
        List<String> problems = new ArrayList<>();
        for (KnownClass k : KnownClass.values()) {
            Type cls = k.toClass(f.db);
            boolean resolves = cls instanceof ClassLiteralType c && c.literal().known() == k;
            if (resolves == absent.containsKey(k)) {
                problems.add(k + (resolves ? " resolves but is listed absent" : " does not resolve (" + cls.display() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            fail("at " + v + ": " + String.join("; ", problems));
        }
    }

    /**
     * A first-party {@code typing.py} comes before the stdlib in the search order (extra paths, first
     * party, stdlib, site-packages), so it shadows typeshed's {@code typing}; its classes are never
     * known, and the known variants still come from the stdlib.
     */
    @Test
    void userTypingModuleIsNeverKnown() throws IOException {
        Path root = Files.createTempDirectory("typhon-typing");
        Path typing = root.resolve("typing.py");
        Files.writeString(typing, "class TypeVar: ...\nclass Iterable: ...\n");
        var program = new dev.typhon.semantic.infer.Program(new dev.typhon.semantic.resolve.ModuleResolver(
                new dev.typhon.semantic.resolve.ModuleResolver.Settings(PythonVersion.PY313, List.of(), List.of(root),
                        dev.typhon.semantic.resolve.Typeshed.bundled(), List.of())), "linux");
        var db = program.inference();

        SourceFile direct = program.fileAt(typing);
        Type tv = db.moduleMember(direct, "TypeVar");
        assertTrue(tv instanceof ClassLiteralType, () -> "TypeVar is " + tv);
        assertNull(((ClassLiteralType) tv).literal().known(), "a first-party class is never known");
        Type it = db.moduleMember(direct, "Iterable");
        assertNull(((ClassLiteralType) it).literal().known());

        SourceFile imported = program.module("typing").orElseThrow();
        assertEquals(direct.id(), imported.id(), "first party shadows the stdlib typing");
        Type viaImport = db.moduleMember(imported, "TypeVar");
        assertNull(((ClassLiteralType) viaImport).literal().known());

        // the variant still resolves, from the stdlib (typing_extensions), never to the user's class
        ClassLiteral known = db.knownClass(KnownClass.TYPE_VAR);
        if (known != null) {
            assertEquals(KnownClass.TYPE_VAR, known.known());
            assertTrue(!known.equals(((ClassLiteralType) tv).literal()));
        }
        // typeshed's collections.abc re-exports Iterable from typing, which is now the user's module:
        // Iterable is then not known at all (rather than known as the user's class)
        ClassLiteral iterable = db.knownClass(KnownClass.ITERABLE);
        if (iterable != null) {
            assertEquals(KnownClass.ITERABLE, iterable.known());
            assertTrue(!iterable.equals(((ClassLiteralType) it).literal()));
        }
    }
}
