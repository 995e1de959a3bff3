package dev.typhon.semantic.infer;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.PlaceUse;
import dev.typhon.semantic.index.ReachingBindings;
import dev.typhon.semantic.index.ReachingDefinition;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;

/**
 * Attribute places narrowed by assignment: after {@code c.x = 1} in the same scope, {@code c.x}
 * reads {@code Literal[1]} (what mypy and pyright do too, though another reference to the object
 * could change it). An assignment the attribute's type does not accept (an error reported on the
 * assignment) leaves the attribute's type; a path without an assignment gives the attribute's
 * type as lookup finds it.
 */
final class AttributePlaces {
    private final TypeInference ti;
    /** Per file: the place read each attribute node is (several share a start offset: {@code a.b} in {@code a.b.c}). */
    private final java.util.concurrent.ConcurrentHashMap<Integer, java.util.Map<dev.typhon.ast.Expr, PlaceUse>> uses =
            new java.util.concurrent.ConcurrentHashMap<>();

    AttributePlaces(TypeInference ti) {
        this.ti = ti;
    }

    private @Nullable PlaceUse placeUse(SourceFile file, Attribute a) {
        PlaceUse atOffset = file.index().placeUseAt(a.startOffset());
        if (atOffset == null) {
            return null;
        }
        if (atOffset.node() == a) {
            return atOffset;
        }
        return uses.computeIfAbsent(file.id(), k -> {
            java.util.Map<dev.typhon.ast.Expr, PlaceUse> m = new java.util.IdentityHashMap<>();
            for (PlaceUse u : file.index().placeUses()) {
                m.putIfAbsent(u.node(), u);
            }
            return m;
        }).get(a);
    }

    /** The type of an attribute read narrowed by the assignments that reach it, or null when none does. */
    @Nullable Type narrowed(SourceFile file, Attribute a, Type object, Type attributeType) {
        SemanticIndex index = file.index();
        PlaceUse use = placeUse(file, a);
        if (use == null) {
            return null;
        }
        ReachingBindings rb = index.bindings(use);
        String path = Narrowing.pathText(a);
        if (rb.definitions().isEmpty() && rb.unboundConstraints().isEmpty()) {
            return null;
        }
        Type declared = ti.members.assignmentType(object, a.attr());
        UnionBuilder u = new UnionBuilder(ti);
        for (ReachingDefinition rd : rb.definitions()) {
            Definition d = rd.definition();
            if (!d.reachable() || d.kind().unbinds()) {
                continue;
            }
            Type t = ti.definitions.bindingType(file, d);
            t = declared == null || t.isAssignableTo(ti, declared) ? t : declared;
            u.add(path == null ? t : ti.narrowing.narrowPath(file, t, rd.constraints(), path));
        }
        if (rb.mayBeUnbound()) {
            u.add(path == null ? attributeType : ti.narrowing.narrowPath(file, attributeType, rb.unboundConstraints(), path));
        }
        if (u.isEmpty()) {
            return null;
        }
        return u.build();
    }
}
