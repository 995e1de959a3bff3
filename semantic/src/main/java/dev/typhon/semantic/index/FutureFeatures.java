package dev.typhon.semantic.index;

import dev.typhon.ast.Alias;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.ExprStmt;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Module;
import dev.typhon.ast.Stmt;
import java.util.List;
import java.util.Set;

/** The {@code from __future__ import ...} statements at the top of a module, checked as CPython's future.c does. */
final class FutureFeatures {
    private static final Set<String> KNOWN = Set.of("nested_scopes", "generators", "division", "absolute_import",
            "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations");

    private FutureFeatures() {
    }

    /** Returns whether {@code annotations} is enabled; adds CPython's errors for bad future imports. */
    static boolean check(Module module, List<SemanticError> errors) {
        boolean annotations = false;
        boolean done = false;
        boolean docstring = false;
        int prevLine = 0;
        for (Stmt s : module.body()) {
            if (done && s.lineno() > prevLine) {
                return annotations;
            }
            prevLine = s.lineno();
            if (s instanceof ImportFrom f) {
                if ("__future__".equals(f.module())) {
                    if (done) {
                        // CPython reports this one at the 0-based column (future.c passes col_offset as is).
                        errors.add(new SemanticError("from __future__ imports must occur at the beginning of the file",
                                s.lineno(), s.colOffset(), s.startOffset()));
                        return annotations;
                    }
                    for (Alias a : f.names()) {
                        if (a.name().equals("annotations")) {
                            annotations = true;
                        } else if (a.name().equals("braces")) {
                            errors.add(new SemanticError("not a chance", s.lineno(), s.colOffset() + 1, s.startOffset()));
                            return annotations;
                        } else if (!KNOWN.contains(a.name())) {
                            errors.add(new SemanticError("future feature " + a.name() + " is not defined",
                                    s.lineno(), s.colOffset() + 1, s.startOffset()));
                            return annotations;
                        }
                    }
                } else {
                    done = true;
                }
            } else if (s instanceof ExprStmt e && !docstring) {
                if (!(e.value() instanceof Constant c && c.value() instanceof ConstantValue.Str)) {
                    done = true;
                }
                docstring = true;
            } else {
                done = true;
            }
        }
        return annotations;
    }
}
