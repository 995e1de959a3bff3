package dev.typhon.semantic.infer;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.ModuleLiteral;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with an attribute expression, in ty's rules and words: a read of an attribute the
 * object lacks ({@code unresolved-attribute}) or may lack ({@code possibly-missing-attribute}), an
 * instance-only attribute read or written on the class, a {@code ClassVar} written through an
 * instance, and an assignment of a value the attribute's type does not accept.
 */
final class AttributeChecks {
    private final TypeInference ti;

    AttributeChecks(TypeInference ti) {
        this.ti = ti;
    }

    List<Problem> problems(SourceFile file, Attribute a) {
        List<Problem> out = new ArrayList<>();
        Node parent = file.nodeTable().parent(a);
        boolean augmented = parent instanceof dev.typhon.ast.AugAssign aug && aug.target() == a;
        if (a.ctx() == ExprContext.Load || augmented) {
            read(file, a, out);
        }
        if (a.ctx() == ExprContext.Store && (!augmented || out.isEmpty())) {
            // an augmented assignment that cannot read its target attempts no assignment
            write(file, a, out);
        }
        return out;
    }

    private void read(SourceFile file, Attribute a, List<Problem> out) {
        if (ti.supers.access(file, a) != null) {
            return; // found after the class in the MRO, or unknown: nothing to report
        }
        Type value = ti.expressions.infer(file, a.value());
        if (value.isDynamic()) {
            return;
        }
        String name = PrivateNames.effective(ti, file, a, value);
        AttributeAccess access = ti.members.access(value, name);
        switch (access.failure()) {
            case NONE -> possiblyMissing(value, name, access, a, out);
            case MISSING -> out.add(problem("unresolved-attribute", missingHeadline(value, name), a));
            case INSTANCE_ONLY -> out.add(problem("unresolved-attribute", "Attribute `" + name
                    + "` can only be accessed on instances, not on the class object `" + value.display() + "` itself.", a));
            case PARTLY_MISSING -> {
                StringBuilder on = new StringBuilder();
                for (Type m : access.missingOn()) {
                    on.append(on.isEmpty() ? "" : ", ").append('`').append(m.display()).append('`');
                }
                Type union = value instanceof dev.typhon.semantic.types.TypeVarType v && v.bound() != null ? v.bound() : value;
                out.add(problem("unresolved-attribute", "Attribute `" + name + "` is not defined on " + on
                        + " in union `" + union.display() + "`", a));
            }
        }
    }

    private static void possiblyMissing(Type value, String name, AttributeAccess access, Attribute a, List<Problem> out) {
        if (access.boundness() != Boundness.POSSIBLY_UNBOUND) {
            return;
        }
        String headline = switch (value) {
            case ModuleLiteral m -> "Member `" + name + "` may be missing on module `" + m.name() + "`";
            case ClassLiteralType c -> "Attribute `" + name + "` may be missing on class `" + c.classType().display() + "`";
            default -> "Attribute `" + name + "` may be missing on object of type `" + value.display() + "`";
        };
        out.add(problem("possibly-missing-attribute", headline, a));
    }

    private static String missingHeadline(Type value, String name) {
        return switch (value) {
            case ModuleLiteral m -> "Module `" + m.name() + "` has no member `" + name + "`";
            case ClassLiteralType c -> "Class `" + c.classType().display() + "` has no attribute `" + name + "`";
            default -> "Object of type `" + value.display() + "` has no attribute `" + name + "`";
        };
    }

    private void write(SourceFile file, Attribute a, List<Problem> out) {
        Type object = ti.expressions.infer(file, a.value());
        if (object.isDynamic()) {
            return;
        }
        Type value = assignedValue(file, a);
        String name = PrivateNames.effective(ti, file, a, object);
        boolean augmented = file.nodeTable().parent(a) instanceof dev.typhon.ast.AugAssign;
        if (!augmented) {
            AttributeAccess access = ti.members.access(object, name);
            if (access.isFound()) {
                possiblyMissing(object, name, access, a, out);
            }
        }
        if (ti.finals.isFinalAttribute(object, name)
                && (!initializesOwnFinal(file, a) || ti.finals.hasClassLevelValue(object, name))) {
            out.add(problem("invalid-assignment", "Cannot assign to final attribute `" + name + "` on type `"
                    + object.display() + "`", a));
            return;
        }
        if (object instanceof UnionType u) {
            for (Type m : u.members()) {
                String failure = writeFailure(m, name, value);
                if (failure != null && failure.startsWith("type:")) {
                    out.add(problem("invalid-assignment", "Object of type `" + value.display()
                            + "` is not assignable to attribute `" + name + "` on type `" + object.display() + "`", a));
                    return;
                }
            }
            return;
        }
        String failure = writeFailure(object, name, value);
        if (failure == null) {
            return;
        }
        if (failure.startsWith("type:")) {
            out.add(problem("invalid-assignment", "Object of type `" + value.display() + "` is not assignable to attribute `"
                    + name + "` of type `" + failure.substring(5) + "`", a));
        } else if (failure.equals("instance-only")) {
            out.add(problem("invalid-attribute-access", "Cannot assign to instance attribute `" + name
                    + "` from the class object `" + object.display() + "`", a));
        } else if (failure.equals("class-var")) {
            out.add(problem("invalid-attribute-access", "Cannot assign to ClassVar `" + name
                    + "` from an instance of type `" + object.display() + "`", a));
        } else if (failure.startsWith("frozen:")) {
            // mypy's wording, which ty took over: a frozen dataclass's attributes are read-only properties
            out.add(problem("invalid-assignment", "Property `" + name + "` defined in `" + failure.substring(7)
                    + "` is read-only", a));
        } else if (failure.startsWith("read-only:")) {
            out.add(problem("invalid-assignment", "Cannot assign to read-only property `" + name + "` on object of type `"
                    + failure.substring(10) + "`", a));
        } else if (failure.startsWith("setattr-never:")) {
            out.add(problem("invalid-assignment", "Cannot assign to attribute `" + name + "` on type `" + failure.substring(14)
                    + "` whose `__setattr__` method returns `Never`/`NoReturn`", a));
        } else if (failure.startsWith("setattr-rejected:")) {
            out.add(problem("invalid-assignment", "Cannot assign object of type `" + value.display() + "` to attribute `" + name
                    + "` on type `" + failure.substring(17) + "`", a));
        } else if (failure.startsWith("descriptor:")) {
            out.add(problem("invalid-assignment", "Invalid assignment to data descriptor attribute `" + name
                    + "` on type `" + failure.substring(11) + "` with custom `__set__` method", a));
        } else if (failure.equals("frozen-missing")) {
            out.add(problem("invalid-assignment", "Cannot assign to unresolved attribute `" + name + "` on type `"
                    + object.display() + "`", a));
        } else if (failure.equals("missing")) {
            out.add(problem("unresolved-attribute", "Unresolved attribute `" + name + "` on type `" + object.display()
                    + "`.", a));
        }
    }

    /**
     * Why {@code object.name = value} is wrong: "type:T" (the attribute's type T does not accept the
     * value), "instance-only", "class-var", "missing"; null when it is fine or Typhon cannot tell.
     */
    private @Nullable String writeFailure(Type object, String name, @Nullable Type value) {
        return switch (object) {
            case InstanceType i -> instanceWriteFailure(i, i.classType(), name, value);
            case ClassLiteralType c -> classWriteFailure(c.classType(), name, value);
            case dev.typhon.semantic.types.SubclassOfType sub when sub.subclassOf() instanceof InstanceType i
                    && ti.members.hasCustomSetattr(ti.metaclass(i.literal())) && ti.members.classAttribute(i.classType(), name) == null ->
                    classWriteFailure(i.classType(), name, value);
            case ModuleLiteral m -> {
                AttributeAccess access = ti.members.access(m, name);
                yield !access.isFound() ? "missing"
                        : access.type() instanceof dev.typhon.semantic.types.FunctionLiteral ? null
                        : typeFailure(access.type(), value);
            }
            default -> null;
        };
    }

    private @Nullable String instanceWriteFailure(InstanceType self, ClassType cls, String name, @Nullable Type value) {
        Members.ClassAttribute ca = ti.members.classAttribute(cls, name);
        if (ca != null && ca.type().isDynamic()) {
            return null;
        }
        if (ca != null && ti.members.isDataDescriptor(ca.type())) {
            return descriptorWriteFailure(self, ca.type(), value);
        }
        if (ca != null && ca.classVar()) {
            return "class-var";
        }
        if (ti.dataclasses.isFrozen(cls.literal(), name)) {
            // a frozen dataclass's `__setattr__` raises for every name
            return ti.members.access(self, name).isFound() ? "frozen:" + self.display() : "frozen-missing";
        }
        if (ti.namedTuples.isField(cls.literal(), name)) {
            return "read-only:" + self.display(); // a named tuple's fields are read-only properties
        }
        if (ti.members.hasCustomSetattr(cls)) {
            return customSetattrFailure(self, cls, name, value);
        }
        AttributeAccess access = ti.members.access(self, name);
        if (!access.isFound()) {
            return access.failure() == AttributeAccess.Failure.MISSING && !ti.members.hasGetattr(cls) ? "missing" : null;
        }
        if (ca != null && ca.type() instanceof dev.typhon.semantic.types.FunctionLiteral) {
            return null; // replacing a method: a signature check Typhon does not make yet
        }
        // an attribute only inferred from what methods assign takes any value: nothing declares it
        Type expected = ti.members.assignableInstanceAttribute(cls, name);
        return expected == null ? null : typeFailure(expected, value);
    }

    /**
     * An assignment through a data descriptor on the class: a property takes what its setter's value
     * parameter accepts (without a setter it is read-only); any other descriptor, what its
     * {@code __set__(instance, value)} accepts.
     */
    private @Nullable String descriptorWriteFailure(InstanceType self, Type descriptor, @Nullable Type value) {
        if (descriptor instanceof dev.typhon.semantic.types.FunctionLiteral property) {
            Type accepted = ti.functions.propertySetterValue(property);
            return accepted == null ? "read-only:" + self.display() : typeFailure(accepted, value);
        }
        if (value == null || value.isDynamic()) {
            return null;
        }
        Dunders.Outcome set = ti.dunders.call(descriptor, "__set__", List.of(self, value));
        return set instanceof Dunders.Rejected ? "descriptor:" + self.display() : null;
    }

    /**
     * An assignment to an instance whose class defines {@code __setattr__}: one that returns
     * {@code Never} refuses every assignment; otherwise an attribute the class declares keeps its
     * declared type, and any other name is judged by what {@code __setattr__(name, value)} accepts.
     */
    private @Nullable String customSetattrFailure(InstanceType self, ClassType cls, String name, @Nullable Type value) {
        Type setattr = ti.dunders.lookup(self, "__setattr__");
        boolean found = ti.members.access(self, name).isFound();
        if (setattr instanceof dev.typhon.semantic.types.BoundMethodType b && b.function().signature().returns().isNever()) {
            return found ? "setattr-never:" + self.display() : "frozen-missing";
        }
        if (found) {
            Type expected = ti.members.assignableInstanceAttribute(cls, name);
            return expected == null ? null : typeFailure(expected, value);
        }
        if (value == null || value.isDynamic()) {
            return null;
        }
        Dunders.Outcome set = ti.dunders.call(self, "__setattr__",
                List.of(new dev.typhon.semantic.types.StringLiteral(name), value));
        return set instanceof Dunders.Rejected ? "setattr-rejected:" + self.display() : null;
    }

    private @Nullable String classWriteFailure(ClassType cls, String name, @Nullable Type value) {
        Members.ClassAttribute ca = ti.members.classAttribute(cls, name);
        if (ca != null && ca.type() instanceof dev.typhon.semantic.types.FunctionLiteral f) {
            return methodReplacementFailure(f, value);
        }
        if (ca != null) {
            return ca.type().isDynamic() ? null : typeFailure(ca.type(), value);
        }
        if (ti.members.isInstanceOnly(cls, name)) {
            return "instance-only";
        }
        AttributeAccess access = ti.members.access(cls.toClassLiteral(), name);
        if (!access.isFound() && ti.members.hasCustomSetattr(ti.metaclass(cls.literal()))) {
            // a name the class does not have goes through its metaclass's `__setattr__`
            Type setattr = ti.dunders.lookup(cls.toClassLiteral(), "__setattr__");
            if (setattr instanceof dev.typhon.semantic.types.BoundMethodType b && b.function().signature().returns().isNever()) {
                return "frozen-missing";
            }
            if (value == null || value.isDynamic()) {
                return null;
            }
            Dunders.Outcome set = ti.dunders.call(cls.toClassLiteral(), "__setattr__",
                    List.of(new dev.typhon.semantic.types.StringLiteral(name), value));
            return set instanceof Dunders.Rejected ? "setattr-rejected:" + cls.toClassLiteral().display() : null;
        }
        return access.isFound() ? null : "missing";
    }

    /**
     * {@code C.method = replacement}: any callable of a compatible signature may replace a method (a
     * function is not a singleton here); a static or class method, only something bound the same way.
     */
    private @Nullable String methodReplacementFailure(dev.typhon.semantic.types.FunctionLiteral method, @Nullable Type value) {
        Functions.MethodKind kind = ti.functions.methodKind(method);
        if (value instanceof dev.typhon.semantic.types.FunctionLiteral f
                && (kind == Functions.MethodKind.STATIC || kind == Functions.MethodKind.CLASS)
                && ti.functions.methodKind(f) != kind) {
            return "type:" + method.display();
        }
        if (kind == Functions.MethodKind.PROPERTY) {
            return null;
        }
        return typeFailure(new dev.typhon.semantic.types.CallableType(method.signature()), value);
    }

    private @Nullable String typeFailure(Type attribute, @Nullable Type value) {
        if (value == null || attribute.isDynamic() || value.isAssignableTo(ti, attribute)) {
            return null;
        }
        return "type:" + attribute.display();
    }

    /**
     * {@code self.x: Final[int]} (or {@code self.x = ...} after it) inside {@code __init__}: the one
     * place a final instance attribute is bound.
     */
    private static boolean initializesOwnFinal(SourceFile file, Attribute a) {
        if (!(a.value() instanceof dev.typhon.ast.Name)) {
            return false;
        }
        for (Node n = file.nodeTable().parent(a); n != null; n = file.nodeTable().parent(n)) {
            if (n instanceof dev.typhon.ast.FunctionDef f) {
                return f.name().equals("__init__") && !f.args().args().isEmpty()
                        && f.args().args().get(0).arg().equals(((dev.typhon.ast.Name) a.value()).id());
            }
        }
        return false;
    }

    /** The value an assignment statement gives the attribute target, or null when Typhon does not know it. */
    private @Nullable Type assignedValue(SourceFile file, Attribute a) {
        Node n = a;
        Node parent = file.nodeTable().parent(n);
        while (parent instanceof dev.typhon.ast.Tuple || parent instanceof dev.typhon.ast.List
                || parent instanceof dev.typhon.ast.Starred) {
            n = parent;
            parent = file.nodeTable().parent(n);
        }
        Node outer = n;
        return switch (parent) {
            // `obj.attr = [...]`: a display takes the attribute's declared type as its context
            case dev.typhon.ast.Assign assign when outer == a -> ti.displayContext.infer(file, assign.value(),
                    ti.members.assignmentType(ti.expressions.infer(file, a.value()),
                            PrivateNames.effective(ti, file, a, ti.expressions.infer(file, a.value()))));
            case dev.typhon.ast.Assign assign when outer instanceof dev.typhon.ast.Expr target ->
                    ti.unpacking.typeOfTarget(target, a, ti.expressions.infer(file, assign.value()));
            case dev.typhon.ast.AugAssign aug -> {
                AugmentedAssignment.Outcome o = ti.augmented.infer(ti.expressions.infer(file, aug.target()), aug.op(),
                        ti.expressions.infer(file, aug.value()));
                // an operation that fails (reported as such) assigns nothing
                yield o.unsupportedTargets().isEmpty() ? o.type() : null;
            }
            case dev.typhon.ast.For f when outer instanceof dev.typhon.ast.Expr target && f.target() == target ->
                    ti.unpacking.typeOfTarget(target, a, ti.calls.iterate(ti.expressions.infer(file, f.iter())));
            default -> null;
        };
    }

    private static Problem problem(String rule, String headline, Attribute a) {
        return new Problem(rule, headline, null, a.startOffset(), a.endOffset());
    }
}
