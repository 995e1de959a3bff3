package dev.typhon.semantic.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library example compiles against the library, runs, and prints what the README says it
 * prints: the example cannot rot.
 */
class ReadmeLibraryExampleTest {

    @Test
    void theReadmeExampleCompilesRunsAndPrintsWhatTheReadmeShows(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("\n## Library API\n");
        assertTrue(section >= 0, "README.md has a Library API section");
        String java = block(readme, "```java\n", section);
        String expected = block(readme, "```text\n", readme.indexOf(java, section));

        Path source = dir.resolve("LibraryExample.java");
        Files.writeString(source, java);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null, List.of("-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), "-proc:none"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source)).call();
        assertTrue(ok, "the example compiles:\n" + errors);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("LibraryExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        assertEquals(expected, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    /** The text of the first fenced block opened by {@code fence} after {@code from}. */
    private static String block(String text, String fence, int from) {
        int start = text.indexOf(fence, from);
        assertTrue(start >= 0, "no " + fence.strip() + " block");
        start += fence.length();
        int end = text.indexOf("```", start);
        return text.substring(start, end);
    }
}
