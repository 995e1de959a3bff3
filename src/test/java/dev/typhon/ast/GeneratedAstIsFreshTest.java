package dev.typhon.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.codegen.AstGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checked-in node types must be exactly what the generator makes of the schema. */
class GeneratedAstIsFreshTest {

    private static final Path SCHEMA = Path.of("ast/python.asdl");
    private static final Path GENERATED = Path.of("ast/src/generated/java");
    private static final String REGENERATE =
            "; regenerate with: java ast/codegen/dev/typhon/ast/codegen/AstGenerator.java ast/python.asdl ast/src/generated/java";

    @Test
    void checkedInSourcesMatchTheSchema() throws IOException {
        SortedMap<String, String> expected =
                AstGenerator.generate(Files.readString(SCHEMA, StandardCharsets.UTF_8));
        TreeSet<String> actualFiles = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(GENERATED)) {
            walk.filter(Files::isRegularFile)
                    .forEach(p -> actualFiles.add(GENERATED.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(expected.keySet(), actualFiles, "generated file set is stale" + REGENERATE);
        for (var e : expected.entrySet()) {
            String actual = Files.readString(GENERATED.resolve(e.getKey()), StandardCharsets.UTF_8);
            assertEquals(e.getValue(), actual, e.getKey() + " is stale or was edited by hand" + REGENERATE);
        }
    }

    @Test
    void generatorRejectsAMalformedSchema() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AstGenerator.generate("module M { expr = Name(identifier id) | }"));
        assertTrue(error.getMessage().contains("schema"), error.getMessage());
    }

    @Test
    void everySchemaConstructorBecomesAVisitorMethod() throws IOException {
        String visitor = AstGenerator.generate(Files.readString(SCHEMA, StandardCharsets.UTF_8))
                .get("dev/typhon/ast/AstVisitor.java");
        // Spot checks on the renames the generator applies to avoid Java clashes.
        assertTrue(visitor.contains("R visitExprStmt(ExprStmt node);"));
        assertTrue(visitor.contains("R visitExceptHandler(ExceptHandler node);"));
        assertTrue(visitor.contains("R visitTemplateStr(TemplateStr node);"));
    }
}
