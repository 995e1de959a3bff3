package dev.typhon.semantic.names;

import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.index.Reachability;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.index.Use;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the names a module reads where they may not be bound, from its semantic index alone:
 * flow within each scope, Python's lookup through enclosing scopes (eager scopes as they run,
 * lazy ones at the end), the module's globals, and the builtins. Reachability predicates are
 * decided by an oracle: before inference, {@link SemanticIndex#DEFAULT_ORACLE}'s assumptions.
 */
public final class UnresolvedReferences {

    private UnresolvedReferences() {
    }

    public static List<UnresolvedReference> find(SemanticIndex index, Set<String> builtins) {
        return find(index, builtins, SemanticIndex.DEFAULT_ORACLE);
    }

    public static List<UnresolvedReference> find(SemanticIndex index, Set<String> builtins, Reachability.Oracle oracle) {
        List<UnresolvedReference> out = new ArrayList<>();
        Reachability.Evaluation evaluation = index.evaluation(oracle);
        for (int u = 0, n = index.useCount(); u < n; u++) {
            Use use = index.use(u);
            Boundness b = index.boundness(use, builtins::contains, evaluation);
            if (b != Boundness.BOUND) {
                out.add(new UnresolvedReference(use, b));
            }
        }
        return out;
    }
}
