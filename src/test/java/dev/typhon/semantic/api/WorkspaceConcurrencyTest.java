package dev.typhon.semantic.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.typhon.semantic.diagnostics.Diagnostic;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Threads query while another edits: nothing throws, and every answer is the answer of one snapshot
 * (here revision r has {@code v = r}, so a snapshot's answers name its own revision).
 */
class WorkspaceConcurrencyTest {
    private static final int EDITS = 40;
    private static final int READERS = 6;
    private static final String USER = "from lib import v\nreveal_type(v)\nx = v\n";

    @Test
    void queriesWhileEditingAnswerForSomeSnapshot() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path root = fs.getPath("/project");
            Files.createDirectories(root);
            Path user = root.resolve("user.py");
            Path lib = root.resolve("lib.py");
            Files.writeString(user, USER);
            Files.writeString(lib, "v = 0\n");
            Path other = root.resolve("other.py");
            Files.writeString(other, "import lib\ny: str = lib.v\n");
            Workspace ws = Workspace.create(WorkspaceSettings.forProject(root), List.of(user, lib, other));

            List<String> rulesBefore = ws.check().stream().map(Diagnostic::rule).toList();
            assertEquals(List.of("invalid-assignment", "undefined-reveal", "revealed-type"), rulesBefore);
            AtomicBoolean editing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
            List<Future<Integer>> readers = new ArrayList<>();
            int offset = USER.lastIndexOf('v');
            for (int i = 0; i < READERS; i++) {
                int kind = i;
                readers.add(pool.submit(() -> {
                    start.await();
                    int answers = 0;
                    while (editing.get() || answers < 5) {
                        Snapshot s = ws.snapshot();
                        String expected = "Literal[" + s.revision() + "]";
                        switch (kind % 3) {
                            case 0 -> assertEquals(expected, s.typeAt(user, offset).orElseThrow().display());
                            case 1 -> assertEquals("`" + expected + "`", revealed(s.check(user)));
                            default -> {
                                // through the workspace: some snapshot's answer
                                String shown = ws.typeAt(user, offset).orElseThrow().display();
                                assertTrue(shown.matches("Literal\\[\\d+]"), shown);
                                seen.add(shown);
                                assertEquals(rulesBefore, ws.check().stream().map(Diagnostic::rule).toList());
                            }
                        }
                        answers++;
                    }
                    return answers;
                }));
            }
            Future<?> editor = pool.submit(() -> {
                start.await();
                for (int r = 1; r <= EDITS; r++) {
                    Snapshot s = ws.setText(lib, "v = " + r + "\n");
                    assertEquals(r, s.revision());
                }
                editing.set(false);
                return null;
            });
            start.countDown();
            editor.get(120, TimeUnit.SECONDS);
            int total = 0;
            for (Future<Integer> f : readers) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertTrue(total >= READERS * 5);
            assertEquals("Literal[" + EDITS + "]", ws.typeAt(user, offset).orElseThrow().display());
            for (String s : seen) {
                int k = Integer.parseInt(s.substring("Literal[".length(), s.length() - 1));
                assertTrue(k >= 0 && k <= EDITS, s);
            }
        }
    }

    private static String revealed(List<Diagnostic> ds) {
        return ds.stream().filter(d -> d.rule().equals("revealed-type")).findFirst().orElseThrow().annotation();
    }
}
