package dev.typhon.semantic.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A function bound to an instance (or, for a classmethod, a class): {@code bound method C.f(x: int) -> str}.
 * The signature shown drops the bound first parameter.
 */
public record BoundMethodType(FunctionLiteral function, Type self) implements Type {
    @Override
    public String display() {
        return "bound method " + self.display() + "." + function.name() + withoutReceiver().display();
    }

    /**
     * The signature a call of the bound method sees: without its first parameter, and with the
     * method's implicit {@code Self} (its unannotated receiver's) replaced by the receiver it is bound to.
     */
    public Signature withoutReceiver() {
        Signature s = function.signature();
        if (s.parameters().isEmpty() || s.gradual()) {
            return s;
        }
        Signature rest = new Signature(s.parameters().subList(1, s.parameters().size()), s.returnType(), false,
                s.typeParameters());
        if (s.parameters().get(0).annotatedType() != null) {
            return rest;
        }
        TypeVarType selfVariable = null;
        List<TypeVarType> others = new ArrayList<>();
        for (TypeVarType v : s.typeParameters()) {
            if (v.isSelf() && selfVariable == null) {
                selfVariable = v;
            } else {
                others.add(v);
            }
        }
        if (selfVariable == null) {
            return rest;
        }
        Type receiver = switch (self) {
            case ClassLiteralType c -> c.classType().toInstance();
            case SubclassOfType c -> c.subclassOf();
            default -> self;
        };
        Signature bound = Specialization.of(List.of(selfVariable), List.of(receiver)).apply(rest);
        return new Signature(bound.parameters(), bound.returnType(), false, others);
    }
}
