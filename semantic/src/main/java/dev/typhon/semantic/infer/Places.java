package dev.typhon.semantic.infer;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Subscript;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.index.PlaceUse;
import dev.typhon.semantic.index.ReachingBindings;
import dev.typhon.semantic.index.ReachingDefinition;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The type of a member place where it is read ({@code a.b}, {@code d["k"]}): what the assignments
 * to it that reach the read assigned ({@code a.b = 0} then {@code a.b} is {@code Literal[0]}), and
 * where none does, what the attribute or item is by its class; each narrowed by the tests on the way
 * ({@code if a.b is not None:}). The index forgets a place when a prefix of it is rebound.
 */
final class Places {
    private final TypeInference ti;
    /** The place reads of a file by their node, built once per file (several places can start at one offset). */
    private final ConcurrentHashMap<Integer, Map<Node, PlaceUse>> usesByNode = new ConcurrentHashMap<>();

    Places(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * The flow type of a place read, or null when the flow says nothing of it (then it is what
     * {@code declared} computes: the attribute or item by its class).
     */
    @Nullable Type flowType(SourceFile file, Expr place, Supplier<Type> declared) {
        PlaceUse use = useOf(file, place);
        if (use == null) {
            return null;
        }
        ReachingBindings rb = file.index().bindings(use);
        if (rb.definitions().isEmpty() && (!rb.mayBeUnbound() || rb.unboundConstraints().isEmpty())) {
            return null;
        }
        Narrowing.Target target = Narrowing.Target.place(place);
        UnionBuilder u = new UnionBuilder(ti);
        Type fallback = null;
        boolean any = false;
        for (ReachingDefinition rd : rb.definitions()) {
            Definition d = rd.definition();
            if (!d.reachable()) {
                continue;
            }
            Type assigned = d.kind().unbinds() ? null : assigned(file, d, place);
            if (assigned == null) {
                if (fallback == null) {
                    fallback = declared.get();
                }
                assigned = fallback;
            }
            u.add(ti.narrowing.narrow(file, assigned, rd.constraints(), target));
            any = true;
        }
        if (rb.mayBeUnbound() || !any) {
            if (fallback == null) {
                fallback = declared.get();
            }
            u.add(ti.narrowing.narrow(file, fallback, rb.unboundConstraints(), target));
        }
        return u.build();
    }

    private @Nullable PlaceUse useOf(SourceFile file, Expr place) {
        Map<Node, PlaceUse> map = usesByNode.computeIfAbsent(file.id(), k -> {
            Map<Node, PlaceUse> m = new IdentityHashMap<>();
            for (PlaceUse u : file.index().placeUses()) {
                m.putIfAbsent(u.node(), u);
            }
            return m;
        });
        return map.get(place);
    }

    /**
     * The value an assignment to the place gives it, or null when reading it back need not give
     * that value: a descriptor's {@code __set__} may store anything, and only builtin collections
     * are trusted to return what was stored by item.
     */
    private @Nullable Type assigned(SourceFile file, Definition d, Expr place) {
        if (d.kind() == DefinitionKind.DECLARATION) {
            return null;
        }
        switch (place) {
            case Attribute a -> {
                Type owner = ti.expressions.infer(file, a.value());
                if (!ti.members.narrowsByAssignment(owner, a.attr())) {
                    return null;
                }
                // a value the attribute's declared type rejects (an error at the assignment) leaves the declared type
                Type value = ti.definitions.bindingType(file, d);
                Type declared = ti.members.assignmentType(owner, a.attr());
                return declared == null || value.isAssignableTo(ti, declared) ? value : declared;
            }
            case Subscript s -> {
                Type owner = ti.expressions.infer(file, s.value());
                if (!(owner instanceof InstanceType i) || !trustsItems(i)) {
                    return null;
                }
            }
            default -> {
                return null;
            }
        }
        return ti.definitions.bindingType(file, d);
    }

    /** The builtin and {@code collections} containers, whose items read back as stored. */
    private static boolean trustsItems(InstanceType i) {
        KnownClass k = i.literal().known();
        return k == KnownClass.LIST || k == KnownClass.DICT || k == KnownClass.BYTEARRAY
                || i.literal().module().equals("collections");
    }
}
