package dev.typhon.semantic.resolve;

import java.util.ArrayList;
import java.util.List;

/** Every {@code .pyi} under a folder of a tree, in a stable order. */
final class StubFiles {
    private StubFiles() {
    }

    static List<String> list(FileTree tree, String dir) {
        List<String> out = new ArrayList<>();
        walk(tree, dir, out);
        return out;
    }

    private static void walk(FileTree tree, String dir, List<String> out) {
        for (String name : tree.list(dir)) {
            String rel = FileTree.join(dir, name);
            if (tree.isDirectory(rel)) {
                walk(tree, rel, out);
            } else if (name.endsWith(".pyi")) {
                out.add(rel);
            }
        }
    }
}
