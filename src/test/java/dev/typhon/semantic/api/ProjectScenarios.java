package dev.typhon.semantic.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random small multi-file Python projects and random edit sequences over them, for the
 * incremental-equals-fresh property: modules and a package importing each other (plain, {@code from},
 * relative, star, aliased imports), functions, classes with attributes, type errors, unresolved
 * imports and names, syntax errors that come and go.
 */
final class ProjectScenarios {
    /** Modules a project may have (relative paths without {@code .py}); the last ones start absent. */
    static final List<String> MODULES = List.of("m0", "m1", "m2", "pkg/__init__", "pkg/a", "pkg/b", "m3", "pkg/c",
            "sub/d");
    private static final int INITIAL = 6;
    static final String BROKEN = "\ndef broken(:\n";

    /** One step of a scenario. */
    sealed interface Step {
        /** New unsaved text for a module (adding it when absent). */
        record SetText(String module, String text) implements Step {}
        /** A module written to disk, then added (or re-read) from there. */
        record AddFromDisk(String module, String text) implements Step {}
        /** A module deleted from disk and removed. */
        record Remove(String module) implements Step {}
        /** A syntax error appended to a module, or taken out again. */
        record ToggleSyntaxError(String module) implements Step {}
    }

    record Scenario(Map<String, String> initial, List<Step> steps) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("initial files:\n");
            initial.forEach((m, t) -> sb.append("--- ").append(m).append(".py\n").append(t));
            sb.append("steps:\n");
            steps.forEach(s -> sb.append("  ").append(s).append('\n'));
            return sb.toString();
        }
    }

    private ProjectScenarios() {
    }

    static Scenario generate(long seed) {
        Random r = new Random(seed);
        Map<String, String> initial = new LinkedHashMap<>();
        for (String m : MODULES.subList(0, INITIAL)) {
            if (r.nextInt(5) > 0) {
                initial.put(m, module(r, m));
            }
        }
        List<Step> steps = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String m = MODULES.get(r.nextInt(r.nextBoolean() ? 3 : MODULES.size()));
            steps.add(switch (r.nextInt(6)) {
                case 0, 1 -> new Step.SetText(m, module(r, m));
                case 2 -> new Step.AddFromDisk(m, module(r, m));
                case 3 -> new Step.Remove(m);
                default -> new Step.ToggleSyntaxError(m);
            });
        }
        return new Scenario(initial, steps);
    }

    /** The text of a module: a few statements, each drawn from the kinds above. */
    static String module(Random r, String self) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(statement(r, self));
        }
        return sb.toString();
    }

    private static String dotted(String module) {
        String d = module.replace('/', '.');
        return d.endsWith(".__init__") ? d.substring(0, d.length() - ".__init__".length()) : d;
    }

    private static String statement(Random r, String self) {
        // targets mostly among the first modules, so chains of imports (a re-exports b's v) are common
        String t = dotted(MODULES.get(r.nextInt(r.nextBoolean() ? 3 : MODULES.size())));
        boolean inPkg = self.startsWith("pkg/");
        return switch (r.nextInt(22)) {
            case 18 -> "from " + t + " import v\n";
            case 19 -> "from " + t + " import v\nreveal_type(v)\n";
            case 20 -> "from " + t + " import f\nreveal_type(f)\n";
            case 21 -> "def f(x: str) -> str:\n    return x\n";
            case 0 -> "import " + t + "\n";
            case 1 -> "from " + t + " import f\n";
            case 2 -> "from " + t + " import C\n";
            case 3 -> "from " + t + " import *\n";
            case 4 -> "import nowhere" + r.nextInt(2) + "\n";
            case 5 -> "def f(x: int) -> int:\n    return x\n";
            case 6 -> "def f(x: int) -> int:\n    return \"no\"\n";
            case 7 -> "class C:\n    attr: int = 0\n    def __init__(self) -> None:\n        self.label = \"x\"\n";
            case 8 -> "v = " + r.nextInt(3) + "\n";
            case 9 -> "v = \"s\"\n";
            case 10 -> "import " + t + "\nw: int = " + t + ".v\n";
            case 11 -> "from " + t + " import C\nc = C()\nn: str = c.attr\nc.label\nc.missing\n";
            case 12 -> "from " + t + " import f\nres = f(1)\nreveal_type(res)\n";
            case 13 -> inPkg ? "from . import " + (r.nextBoolean() ? "a" : "b") + "\n" : "from pkg import a\n";
            case 14 -> inPkg ? "from .b import f\n" : "from pkg.a import v\n";
            case 15 -> "import " + t + " as alias\nalias.f(1)\nalias.C().attr\n";
            case 16 -> "x = undefined_name\n";
            default -> "class D(C):\n    def g(self) -> str:\n        return self.attr\n";
        };
    }
}
