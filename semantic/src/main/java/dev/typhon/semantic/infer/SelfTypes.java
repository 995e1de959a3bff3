package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DefinitionRef;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.Specialization;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.TypeVariables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code typing.Self}: in a method, a type variable the method binds ({@code Self@copy}), bounded by
 * its class and solved from the receiver, so {@code Sub().copy()} is a {@code Sub}; in a class-level
 * annotation ({@code next: Self | None}), the instance it is read through. A method that speaks of
 * {@code Self} sees its unannotated {@code self} as {@code Self@method} (and {@code cls} as
 * {@code type[Self@method]}), so that {@code return self} is what it promises.
 */
final class SelfTypes {
    private final TypeInference ti;

    SelfTypes(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * {@code Self} written at {@code offset} (in the file): the variable of the method around it, or of
     * the class for an annotation in the class body; null outside any class. {@code binder} is the
     * function whose signature is being read, when it is.
     */
    @Nullable TypeVarType at(SourceFile file, int offset, @Nullable String binder) {
        Scope s = file.index().scopeAt(offset);
        Scope method = null;
        while (s != null && s.kind() != ScopeKind.CLASS) {
            if (s.kind() == ScopeKind.FUNCTION) {
                method = s;
            }
            s = s.parent() < 0 ? null : file.index().scope(s.parent());
        }
        if (s == null) {
            return null;
        }
        ClassLiteral cls = ti.genericClasses.classOfBody(file, s);
        if (cls == null) {
            return null;
        }
        // a method's signature is read in the class scope: the def whose range holds the offset is the method
        int at = method != null ? method.startOffset() : offset;
        String name = method != null ? method.name() : binder;
        Definition def = name == null ? null : methodAt(file, s, name, at);
        Type bound = bound(cls);
        return def == null ? TypeVarType.self("", cls.ref(), bound)
                : TypeVarType.self(name, new DefinitionRef(file.id(), def.id()), bound);
    }

    private static @Nullable Definition methodAt(SourceFile file, Scope classBody, String name, int offset) {
        int sym = classBody.symbolId(name);
        if (sym < 0) {
            return null;
        }
        for (Definition d : file.index().definitionsOf(classBody, sym)) {
            if (d.kind() == DefinitionKind.FUNCTION && d.node() instanceof dev.typhon.ast.Located l
                    && l.startOffset() <= offset && offset <= l.endOffset()) {
                return d;
            }
        }
        return null;
    }

    /**
     * The instances of a class: what {@code Self} is bounded by. A generic class's parameters are left
     * gradual ({@code Box}, not {@code Box[T]}), so that a specialized receiver ({@code Box[int]}) meets
     * the bound whatever its arguments.
     */
    Type bound(ClassLiteral cls) {
        return ClassType.of(cls).toInstance();
    }

    /** The {@code Self} variable a signature binds for its unannotated receiver, or null. */
    static @Nullable TypeVarType implicitSelf(Signature s) {
        if (s.parameters().isEmpty() || s.parameters().get(0).annotatedType() != null) {
            return null;
        }
        for (TypeVarType v : s.typeParameters()) {
            if (v.isSelf()) {
                return v;
            }
        }
        return null;
    }

    /**
     * What the receiver is matched against: {@code Self}, or {@code type[Self]} when the receiver is a
     * class object and the method's class is not a metaclass (a classmethod, {@code __new__}).
     */
    Type receiverFormal(TypeVarType self, Type receiver) {
        boolean classObject = receiver instanceof ClassLiteralType || receiver instanceof SubclassOfType;
        if (classObject && !(self.bound() instanceof dev.typhon.semantic.types.InstanceType i && isMetaclass(i.literal()))) {
            return new SubclassOfType(self);
        }
        return self;
    }

    private boolean isMetaclass(ClassLiteral cls) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (c.literal().isKnown(dev.typhon.semantic.types.KnownClass.TYPE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code t}, the declared type of an attribute, with the class-level {@code Self} replaced by the
     * instance it is read through ({@code node.next}); a method's own {@code Self} is left to its call.
     */
    static Type substitute(Type t, Type self) {
        return substitute(t, self, false);
    }

    /**
     * The same for an attribute a method declares ({@code self.parent: Self | None} in {@code __init__}):
     * every {@code Self} in it, the method's included, is the instance it is read through.
     */
    static Type substituteAll(Type t, Type self) {
        return substitute(t, self, true);
    }

    private static Type substitute(Type t, Type self, boolean methods) {
        if (!TypeVariables.any(t, v -> v.isSelf() && (methods || v.binder().isEmpty()))) {
            return t;
        }
        List<TypeVarType> vars = new ArrayList<>();
        TypeVariables.collect(t, vars);
        vars.removeIf(v -> !v.isSelf() || !(methods || v.binder().isEmpty()));
        return Specialization.of(vars, Collections.nCopies(vars.size(), self)).apply(t);
    }

    /** The parameters of {@code s} with an unannotated receiver typed as its {@code Self}, for the method's own body. */
    static @Nullable Type receiverInBody(Signature s, boolean classReceiver) {
        TypeVarType self = implicitSelf(s);
        if (self == null) {
            return null;
        }
        return classReceiver ? new SubclassOfType(self) : self;
    }
}
