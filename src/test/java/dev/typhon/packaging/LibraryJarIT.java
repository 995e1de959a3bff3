package dev.typhon.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The library artifact a user depends on carries the engine only: no CLI or mdtest classes, no
 * Main-Class, no CLI dependency on its class path. Runs after {@code package} (failsafe), on the
 * jars the build just made.
 */
class LibraryJarIT {

    private static Path jar(String property) {
        String path = System.getProperty(property);
        assertNotNull(path, "failsafe passes -D" + property);
        Path p = Path.of(path);
        assertTrue(Files.isRegularFile(p), p + " was built by `package`");
        return p;
    }

    @Test
    void libraryJarHoldsTheEngineAndNothingOfTheCommandLine() throws Exception {
        try (JarFile jar = new JarFile(jar("typhon.libraryJar").toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
            List<String> foreign = names.stream()
                    .filter(n -> n.startsWith("dev/typhon/cli/") || n.startsWith("dev/typhon/mdtest/")
                            || n.startsWith("picocli/") || n.startsWith("com/") || n.startsWith("org/"))
                    .toList();
            assertEquals(List.of(), foreign, "classes the library jar must not carry");
            assertTrue(names.contains("dev/typhon/semantic/api/Workspace.class"), "the Workspace API is in the jar");
            assertTrue(names.contains("dev/typhon/ast/parser/PythonParser.class"), "the parser is in the jar");
            assertTrue(names.stream().anyMatch(n -> n.endsWith("stdlib/builtins.pyi")), "the bundled typeshed is in the jar");
            assertNull(jar.getManifest().getMainAttributes().getValue("Main-Class"), "the library jar is not runnable");
        }
    }

    @Test
    void cliJarRunsMainAndCarriesItsDependencies() throws Exception {
        try (JarFile jar = new JarFile(jar("typhon.cliJar").toFile())) {
            assertEquals("dev.typhon.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertNotNull(jar.getEntry("dev/typhon/cli/Main.class"));
            assertNotNull(jar.getEntry("picocli/CommandLine.class"));
            assertNotNull(jar.getEntry("dev/typhon/semantic/api/Workspace.class"));
        }
    }

    /** What a project depending on the library inherits: compile/runtime dependencies that are not optional. */
    @Test
    void libraryInheritsOnlyEclipseCollections() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of(System.getProperty("typhon.pom")).toFile());
        NodeList deps = ((Element) pom.getElementsByTagName("dependencies").item(0)).getElementsByTagName("dependency");
        List<String> inherited = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            String scope = text(d, "scope");
            boolean optional = "true".equals(text(d, "optional"));
            if (!optional && (scope == null || scope.equals("compile") || scope.equals("runtime"))) {
                inherited.add(text(d, "groupId") + ":" + text(d, "artifactId"));
            }
        }
        assertEquals(new TreeSet<>(List.of("org.eclipse.collections:eclipse-collections",
                "org.eclipse.collections:eclipse-collections-api")), new TreeSet<>(inherited));
    }

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }
}
