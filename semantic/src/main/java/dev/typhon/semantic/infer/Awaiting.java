package dev.typhon.semantic.infer;

import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.List;

/**
 * The asynchronous protocols: {@code await x} (what {@code x.__await__()}'s generator returns),
 * {@code async with} (the awaited {@code __aenter__()}) and {@code async for} (the awaited
 * {@code __anext__()} of {@code __aiter__()}). Unions are awaited member by member; what cannot be
 * awaited is Unknown (the checker reports it where it reports such problems).
 */
final class Awaiting {
    private final TypeInference ti;

    Awaiting(TypeInference ti) {
        this.ti = ti;
    }

    /** The value {@code await value} gives. */
    Type awaited(Type value) {
        if (value instanceof UnionType u) {
            UnionBuilder b = new UnionBuilder(ti);
            u.members().forEach(m -> b.add(awaited(m)));
            return b.build();
        }
        if (value.isDynamic()) {
            return value;
        }
        Type generator = ti.calls.callDunder(value, "__await__", List.of());
        if (generator instanceof InstanceType g && g.classType().arguments().size() == 3
                && (g.isKnown(KnownClass.GENERATOR) || g.isKnown(KnownClass.GENERATOR_TYPE))) {
            return g.classType().arguments().get(2); // Generator[Yield, Send, Return]
        }
        return generator != null && generator.isDynamic() ? generator : DynamicType.UNKNOWN;
    }

    /** What {@code async with manager as target} binds. */
    Type entered(Type manager) {
        if (manager.isDynamic()) {
            return manager;
        }
        Type coroutine = ti.calls.callDunder(manager, "__aenter__", List.of());
        return coroutine == null ? DynamicType.UNKNOWN : awaited(coroutine);
    }

    /** What {@code async for target in iterable} binds. */
    Type element(Type iterable) {
        if (iterable.isDynamic()) {
            return iterable;
        }
        Type iterator = ti.calls.callDunder(iterable, "__aiter__", List.of());
        if (iterator == null) {
            return DynamicType.UNKNOWN;
        }
        Type next = ti.calls.callDunder(iterator, "__anext__", List.of());
        return next == null ? DynamicType.UNKNOWN : awaited(next);
    }
}
