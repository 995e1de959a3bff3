package dev.typhon.semantic.types;

/**
 * A function bound to an instance (or, for a classmethod, a class): {@code bound method C.f(x: int) -> str}.
 * The signature shown drops the bound first parameter.
 */
public record BoundMethodType(FunctionLiteral function, Type self) implements Type {
    @Override
    public String display() {
        Signature s = function.signature();
        Signature shown = s.parameters().isEmpty() || s.gradual() ? s
                : new Signature(s.parameters().subList(1, s.parameters().size()), s.returnType(), false,
                        s.typeParameters());
        return "bound method " + self.display() + "." + function.name() + shown.display();
    }
}
