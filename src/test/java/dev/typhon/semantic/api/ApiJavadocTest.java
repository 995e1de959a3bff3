package dev.typhon.semantic.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * api/ is the product's public surface: every public type, constructor and method there carries a
 * Javadoc comment (records document their components with {@code @param}).
 */
class ApiJavadocTest {
    private static final Pattern PUBLIC = Pattern.compile("^\\s*public\\s.*");

    @Test
    void everyPublicDeclarationOfTheApiIsDocumented() throws IOException {
        Path dir = Path.of("semantic/src/main/java/dev/typhon/semantic/api");
        List<String> undocumented = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                if (lines.stream().noneMatch(l -> l.matches("public .*(class|interface|record|enum) .*"))
                        && !f.getFileName().toString().equals("package-info.java")) {
                    continue; // a package-private type: not the public surface
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (PUBLIC.matcher(lines.get(i)).matches() && !documented(lines, i)) {
                        undocumented.add(f.getFileName() + ":" + (i + 1) + " " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), undocumented);
    }

    /** A Javadoc comment ends just above the declaration (annotations may sit between them). */
    private static boolean documented(List<String> lines, int at) {
        for (int i = at - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (l.equals("@Override")) {
                return true; // documented where it is declared
            }
            if (l.startsWith("@")) {
                continue;
            }
            if (!l.endsWith("*/")) {
                return false;
            }
            for (int j = i; j >= 0; j--) {
                String open = lines.get(j).strip();
                if (open.startsWith("/**")) {
                    return true;
                }
                if (open.startsWith("/*")) {
                    return false;
                }
            }
            return false;
        }
        return false;
    }
}
