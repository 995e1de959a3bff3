package dev.typhon.semantic.infer;

import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.Type;
import java.util.List;

/**
 * What reading {@code value.name} finds: the type, and whether the attribute surely exists. A
 * failed lookup still has a type (Unknown, or the union of what the members of a union that do
 * have it give), so inference goes on; the checker reports the failure.
 *
 * @param boundness BOUND, or POSSIBLY_UNBOUND when some path defines it and some does not
 * @param failure   why the attribute is not (always) there
 * @param missingOn the members of a union that lack it (for {@link Failure#PARTLY_MISSING})
 */
record AttributeAccess(Type type, Boundness boundness, Failure failure, List<Type> missingOn) {

    enum Failure {
        NONE,
        /** No such attribute at all. */
        MISSING,
        /** An attribute only instances have, read on the class object. */
        INSTANCE_ONLY,
        /** Some members of a union have it, some do not. */
        PARTLY_MISSING
    }

    static final AttributeAccess MISSING = new AttributeAccess(DynamicType.UNKNOWN, Boundness.UNBOUND, Failure.MISSING,
            List.of());
    static final AttributeAccess INSTANCE_ONLY = new AttributeAccess(DynamicType.UNKNOWN, Boundness.UNBOUND,
            Failure.INSTANCE_ONLY, List.of());

    static AttributeAccess found(Type t) {
        return new AttributeAccess(t, Boundness.BOUND, Failure.NONE, List.of());
    }

    static AttributeAccess found(Type t, Boundness b) {
        return new AttributeAccess(t, b, Failure.NONE, List.of());
    }

    boolean isFound() {
        return failure == Failure.NONE;
    }
}
