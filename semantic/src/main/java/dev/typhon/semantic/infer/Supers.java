package dev.typhon.semantic.infer;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.Call;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Mro;
import dev.typhon.semantic.types.Type;
import java.util.List;

/**
 * {@code super().name} and {@code super(C, obj).name}: the attribute as the classes after {@code C}
 * in the object's method resolution order define it, seen from the object (a method comes back
 * bound). Without this, every call of an overridden method through {@code super()} would read as
 * an attribute missing on {@code super} instances.
 */
final class Supers {
    private final TypeInference ti;

    Supers(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * The attribute access an attribute of a {@code super(...)} call makes, or null when the
     * attribute's object is not such a call. What cannot be worked out (an unknown base, a call
     * outside a method) reads as {@code Unknown}: never a diagnostic.
     */
    @Nullable AttributeAccess access(SourceFile file, Attribute a) {
        if (!(a.value() instanceof Call call) || !isSuper(file, call) || !call.keywords().isEmpty()) {
            return null;
        }
        ClassLiteral start;
        Type object;
        if (call.args().isEmpty()) {
            // the method the call is in (comprehensions and lambdas inside it see its `__class__` cell)
            Scope scope = file.index().scopeAt(call.startOffset());
            while (scope != null && !(scope.kind() == ScopeKind.FUNCTION)) {
                scope = scope.parent() < 0 ? null : file.index().scope(scope.parent());
            }
            start = scope == null ? null : ti.classes.enclosingClass(file, scope);
            object = start == null ? null : ClassType.of(start).toInstance();
        } else if (call.args().size() == 2 && ti.expressions.infer(file, call.args().get(0)) instanceof ClassLiteralType c) {
            start = c.literal();
            object = ti.expressions.infer(file, call.args().get(1));
        } else {
            return AttributeAccess.found(DynamicType.UNKNOWN);
        }
        if (start == null || object == null) {
            return AttributeAccess.found(DynamicType.UNKNOWN);
        }
        ClassLiteral owner = object instanceof InstanceType i ? i.literal()
                : object instanceof ClassLiteralType c ? c.literal() : start;
        Mro mro = ti.mro(owner);
        if (mro.hasDynamic()) {
            return AttributeAccess.found(DynamicType.UNKNOWN);
        }
        List<ClassType> classes = mro.classes();
        boolean after = false;
        for (ClassType c : classes) {
            if (after) {
                Type own = ti.classes.ownMember(c.literal(), a.attr());
                if (own != null) {
                    Type seenFrom = object instanceof ClassLiteralType ? c.toClassLiteral() : c.toInstance();
                    return ti.members.access(seenFrom, a.attr());
                }
            }
            after |= c.literal().equals(start);
        }
        return AttributeAccess.found(DynamicType.UNKNOWN);
    }

    private boolean isSuper(SourceFile file, Call call) {
        return call.func() instanceof dev.typhon.ast.Name
                && ti.expressions.infer(file, call.func()) instanceof ClassLiteralType c && c.literal().isKnown(KnownClass.SUPER);
    }
}
