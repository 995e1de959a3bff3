package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.ReachingBindings;
import dev.typhon.semantic.index.ReachingDefinition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.SpecialFormType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import java.util.List;

/**
 * What a class body says about one of its names, as seen from outside the class: the type (the
 * declared type, else the union of the bindings live at the end of the body), whether some path
 * leaves it unbound, whether it is declared, bound, or declared {@code ClassVar}. Attribute lookup
 * needs these facts apart: a name only declared in the body is an instance variable the class
 * still exposes, a {@code ClassVar} is no instance variable at all.
 */
final class ClassSymbols {
    private final TypeInference ti;

    ClassSymbols(TypeInference ti) {
        this.ti = ti;
    }

    /**
     * @param type       the declared type, else the bindings' union with literals widened (an
     *                   undeclared attribute can be reassigned through any instance)
     * @param boundness  BOUND, or POSSIBLY_UNBOUND when some path through the body skips every binding
     *                   (a declared-only name counts as bound: it is a promise that the attribute exists)
     * @param declared   some declaration ({@code x: int}) is live at the end of the body
     * @param bound      some binding is live at the end of the body
     * @param classVar   a live declaration says {@code ClassVar}
     */
    record ClassSymbol(Type type, Boundness boundness, boolean declared, boolean bound, boolean classVar) {
    }

    /** The class body's symbol of that name, or null when the body neither binds nor declares it. */
    @Nullable ClassSymbol own(ClassLiteral cls, String name) {
        Scope body = ti.classes.bodyScope(cls);
        if (body == null) {
            return null;
        }
        int sym = body.symbolId(name);
        if (sym < 0 || ti.typedDicts.isTypedDict(cls)) {
            // a TypedDict's body declares keys, not attributes of the class or its instances
            return synthesizedOrFromClassMethods(cls, name);
        }
        SourceFile file = ti.classes.file(cls);
        List<Definition> declarations = file.index().endOfScopeDeclarations(body, sym);
        ReachingBindings rb = file.index().endOfScopeBindings(body, sym);
        UnionBuilder bindings = new UnionBuilder(ti);
        boolean bound = false;
        for (ReachingDefinition rd : rb.definitions()) {
            Definition d = rd.definition();
            if (d.kind().unbinds() || !d.reachable()) {
                continue;
            }
            bound = true;
            bindings.add(ti.definitions.bindingType(file, d));
        }
        boolean classVar = false;
        boolean annotated = false;
        UnionBuilder declared = new UnionBuilder(ti);
        for (Definition d : declarations) {
            declared.add(ti.definitions.declaredType(file, d));
            if (d.statement() instanceof AnnAssign a) {
                // a `def` or `class` statement declares its name too, but only an annotation makes
                // the name an instance variable
                annotated = true;
                classVar |= isClassVar(file, a.annotation());
            }
        }
        if (declarations.isEmpty() && !bound) {
            return synthesizedOrFromClassMethods(cls, name);
        }
        // a declaration without a binding is a promise the attribute exists; a binding some path skips is not
        Boundness boundness = (bound ? !rb.mayBeUnbound() : !declarations.isEmpty()) ? Boundness.BOUND
                : Boundness.POSSIBLY_UNBOUND;
        Type type = !declarations.isEmpty() ? declared.build()
                : file.isStub() ? bindings.build() : ti.expressions.promote(bindings.build());
        if (declarations.isEmpty() && type instanceof dev.typhon.semantic.types.NoneType) {
            // an undeclared `x = None` default is a placeholder for values assigned later, not a promise of None forever
            type = UnionBuilder.of(ti, type, dev.typhon.semantic.types.DynamicType.UNKNOWN);
        }
        return new ClassSymbol(type, boundness, annotated, bound, classVar);
    }

    /** A member the class's decorator or special base synthesizes (a dataclass's {@code __init__}), else {@link #fromClassMethods}. */
    private @Nullable ClassSymbol synthesizedOrFromClassMethods(ClassLiteral cls, String name) {
        Type synthesized = ti.classes.synthesizedMember(cls, name);
        if (synthesized != null) {
            return new ClassSymbol(synthesized, Boundness.BOUND, false, true, false);
        }
        return fromClassMethods(cls, name);
    }

    /** A class attribute only class methods assign ({@code cls.x = ...}): a class variable too. */
    private @Nullable ClassSymbol fromClassMethods(ClassLiteral cls, String name) {
        InstanceAttributes.Implicit i = ti.members.implicitAttributes().ofClass(cls, name);
        return i == null ? null : new ClassSymbol(i.type(), Boundness.BOUND, i.declared(), true, false);
    }

    /** {@code ClassVar} or {@code ClassVar[...]}, possibly inside {@code Final[...]} and friends. */
    boolean isClassVar(SourceFile file, Expr annotation) {
        Expr head = annotation instanceof dev.typhon.ast.Subscript s ? s.value() : annotation;
        Type t = ti.expressions.infer(file, head);
        if (t == SpecialFormType.CLASS_VAR) {
            return true;
        }
        if (t == SpecialFormType.FINAL && annotation instanceof dev.typhon.ast.Subscript s) {
            return isClassVar(file, s.slice());
        }
        return false;
    }
}
