package dev.typhon.semantic.infer;

import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A first, name-only approximation of structural protocol satisfaction: a type can satisfy a
 * protocol when it has every member the protocol (and the protocols it extends) declares. Used where
 * a nominal check would wrongly reject, such as a type variable's protocol bound.
 */
final class ProtocolMembers {
    private static final Set<String> IMPLICIT = Set.of("__doc__", "__module__", "__qualname__", "__slots__",
            "__annotations__", "__dict__", "__weakref__", "__init__", "__new__", "__init_subclass__",
            "__class_getitem__", "__parameters__", "__orig_bases__", "__protocol_attrs__", "__non_callable_proto_members__",
            "__abstractmethods__", "__firstlineno__", "__static_attributes__");

    private final TypeInference ti;

    ProtocolMembers(TypeInference ti) {
        this.ti = ti;
    }

    /** Whether {@code t} can be assigned to {@code target}, judging protocols by their members' names. */
    boolean assignable(Type t, Type target) {
        if (t instanceof UnionType u) {
            return u.members().stream().allMatch(m -> assignable(m, target));
        }
        return switch (target) {
            case UnionType u -> u.members().stream().anyMatch(m -> assignable(t, m));
            case InstanceType i when ti.classes.info(i.literal()).isProtocol() -> t.isAssignableTo(ti, target)
                    || hasMembers(t, i.classType());
            default -> t.isAssignableTo(ti, target);
        };
    }

    private boolean hasMembers(Type t, ClassType protocol) {
        for (String name : members(protocol)) {
            if (ti.members.member(t, name) == null) {
                return false;
            }
        }
        return true;
    }

    /** The names the protocol classes of a protocol's MRO declare in their bodies. */
    Set<String> members(ClassType protocol) {
        Set<String> out = new LinkedHashSet<>();
        for (ClassType c : ti.mro(protocol.literal()).classes()) {
            ClassLiteral lit = c.literal();
            if (!ti.classes.info(lit).isProtocol()) {
                continue;
            }
            Scope body = ti.classes.bodyScope(lit);
            if (body == null) {
                continue;
            }
            for (int i = 0; i < body.symbolCount(); i++) {
                String name = body.symbolName(i);
                if ((body.isBound(i) || body.isDeclared(i)) && !IMPLICIT.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
