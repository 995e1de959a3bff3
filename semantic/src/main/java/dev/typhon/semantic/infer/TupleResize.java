package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeDb;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The targets of an unpacking as a tuple shape ({@code a, b} takes exactly two values,
 * {@code a, *b, c} at least two), and how a value's tuple shape is cut to fit it: each plain target
 * gets one element type, the starred one the union of the elements it absorbs ({@code Never} when
 * it absorbs none).
 */
record TupleResize(TypeDb db, int targets, int star) {

    /** ty's wording of the arity a target list needs: "2" or "at least 2". */
    String expected() {
        return star < 0 ? Integer.toString(targets) : "at least " + (targets - 1);
    }

    /** Whether {@code spec} fails to fit because it has too many values (else too few). */
    boolean tooMany(TupleType spec) {
        return star < 0 && spec.minLength() > targets;
    }

    /** One type per target, or null when the value's length cannot fit the targets. */
    @Nullable List<Type> resize(TupleType spec) {
        List<Type> out = new ArrayList<>(targets);
        if (star < 0) {
            if (spec.isFixed()) {
                return spec.elements().size() == targets ? spec.elements() : null;
            }
            int repeated = targets - spec.minLength();
            if (repeated < 0) {
                return null;
            }
            out.addAll(spec.prefix());
            out.addAll(Collections.nCopies(repeated, spec.variable()));
            out.addAll(spec.suffix());
            return out;
        }
        int before = star;
        int after = targets - 1 - star;
        if (spec.isFixed()) {
            List<Type> all = spec.elements();
            if (all.size() < before + after) {
                return null;
            }
            out.addAll(all.subList(0, before));
            out.add(UnionBuilder.of(db, all.subList(before, all.size() - after)));
            out.addAll(all.subList(all.size() - after, all.size()));
            return out;
        }
        // Value elements beyond the targets' prefix (or suffix) go to the starred target. Target
        // elements beyond the value's prefix come from its variable part or, when that is empty, from
        // the value's suffix elements the starred target would otherwise take (and symmetrically).
        List<Type> prefix = spec.prefix();
        List<Type> suffix = spec.suffix();
        Type variable = spec.variable();
        List<Type> prefixOverflow = prefix.subList(Math.min(before, prefix.size()), prefix.size());
        List<Type> suffixOverflow = suffix.subList(0, Math.max(0, suffix.size() - after));
        for (int i = 0; i < before; i++) {
            if (i < prefix.size()) {
                out.add(prefix.get(i));
            } else {
                int k = i - prefix.size();
                List<Type> candidates = new ArrayList<>();
                candidates.add(variable);
                candidates.addAll(suffixOverflow.subList(0, Math.min(k + 1, suffixOverflow.size())));
                out.add(UnionBuilder.of(db, candidates));
            }
        }
        List<Type> absorbed = new ArrayList<>(prefixOverflow);
        absorbed.add(variable);
        absorbed.addAll(suffixOverflow);
        out.add(UnionBuilder.of(db, absorbed));
        int underflow = Math.max(0, after - suffix.size());
        for (int j = 0; j < underflow; j++) {
            int k = underflow - 1 - j;
            List<Type> candidates = new ArrayList<>();
            candidates.add(variable);
            candidates.addAll(prefixOverflow.subList(Math.max(0, prefixOverflow.size() - k - 1), prefixOverflow.size()));
            out.add(UnionBuilder.of(db, candidates));
        }
        out.addAll(suffix.subList(suffixOverflow.size(), suffix.size()));
        return out;
    }
}
