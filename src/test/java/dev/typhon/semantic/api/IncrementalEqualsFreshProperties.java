package dev.typhon.semantic.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * After every edit of a random sequence, a workspace kept up to date incrementally answers exactly as
 * a fresh workspace built from the same files on disk: the same diagnostics, and the same type and
 * definitions at every name of every file. 200 tries whatever {@code typhon.fuzz.tries} says: the
 * property is the proof that carrying results over is sound, and each try builds many workspaces.
 */
class IncrementalEqualsFreshProperties {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    @Property(tries = 200)
    void incrementalAnswersEqualFreshOnes(@ForAll long seed) throws IOException {
        ProjectScenarios.Scenario scenario = ProjectScenarios.generate(seed);
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path root = fs.getPath("/project");
            Files.createDirectories(root);
            Map<String, String> model = new TreeMap<>(scenario.initial());
            for (Map.Entry<String, String> e : model.entrySet()) {
                write(root, e.getKey(), e.getValue());
            }
            List<Path> files = new ArrayList<>();
            model.keySet().forEach(m -> files.add(path(root, m)));
            Workspace ws = Workspace.create(WorkspaceSettings.forProject(root), files);
            ws.check(); // results to carry over (both workspaces start from the same disk: nothing to compare yet)
            int step = 0;
            for (ProjectScenarios.Step s : scenario.steps()) {
                step++;
                switch (s) {
                    case ProjectScenarios.Step.SetText t -> {
                        ws.setText(path(root, t.module()), t.text());
                        model.put(t.module(), t.text());
                    }
                    case ProjectScenarios.Step.AddFromDisk a -> {
                        write(root, a.module(), a.text());
                        ws.addFile(path(root, a.module()));
                        model.put(a.module(), a.text());
                    }
                    case ProjectScenarios.Step.Remove r -> {
                        deleteWithEmptyFolders(root, path(root, r.module()));
                        ws.removeFile(path(root, r.module()));
                        model.remove(r.module());
                    }
                    case ProjectScenarios.Step.ToggleSyntaxError t -> {
                        String text = model.getOrDefault(t.module(), "");
                        String toggled = text.endsWith(ProjectScenarios.BROKEN)
                                ? text.substring(0, text.length() - ProjectScenarios.BROKEN.length())
                                : text + ProjectScenarios.BROKEN;
                        ws.setText(path(root, t.module()), toggled);
                        model.put(t.module(), toggled);
                    }
                }
                // some steps are not compared: the next edit then carries over results carried over before
                if (step == scenario.steps().size() || ((seed >>> step) & 3) != 0) {
                    compare(ws, model, scenario, "after step " + step + " (" + s + ")");
                }
            }
        }
    }

    private static Path path(Path root, String module) {
        return root.resolve(module + ".py");
    }

    /**
     * Deletes a file and the folders it leaves empty: the fresh workspace is built from the model's
     * files alone, and an empty folder left behind would still be a namespace package on one disk only.
     */
    private static void deleteWithEmptyFolders(Path root, Path file) throws IOException {
        Files.deleteIfExists(file);
        for (Path dir = file.getParent(); dir != null && !dir.equals(root) && Files.isDirectory(dir); dir = dir.getParent()) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            }
            Files.delete(dir);
        }
    }

    private static void write(Path root, String module, String text) throws IOException {
        Path p = path(root, module);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Compares the incremental workspace with one built from scratch on a new file system. */
    private static void compare(Workspace ws, Map<String, String> model, ProjectScenarios.Scenario scenario,
            String when) throws IOException {
        List<Diagnostic> incremental = ws.check();
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path root = fs.getPath("/project");
            Files.createDirectories(root);
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : model.entrySet()) {
                write(root, e.getKey(), e.getValue());
                files.add(path(root, e.getKey()));
            }
            Workspace fresh = Workspace.create(WorkspaceSettings.forProject(root), files);
            String context = when + "\n" + scenario;
            assertEquals(fresh.check(), incremental, "diagnostics " + context);
            for (Map.Entry<String, String> e : model.entrySet()) {
                Path inc = path(ws.settings().projectRoot(), e.getKey());
                Path frs = path(root, e.getKey());
                Matcher m = NAME.matcher(e.getValue());
                while (m.find()) {
                    int at = m.start();
                    assertEquals(types(fresh, frs, at), types(ws, inc, at), "typeAt " + e.getKey() + ":" + at + " " + context);
                    assertEquals(fresh.definitionsAt(frs, at).toString(), ws.definitionsAt(inc, at).toString(),
                            "definitionsAt " + e.getKey() + ":" + at + " " + context);
                }
            }
        }
    }

    private static String types(Workspace ws, Path file, int at) {
        return ws.typeAt(file, at).map(t -> t.display() + " " + t.node().range() + " " + t.node().nodeKind()).orElse("-");
    }
}
