package dev.typhon.semantic.types;

import java.util.List;

/** A function defined by several {@code @overload}s: {@code Overload[(x: int) -> int, (x: str) -> str]}. */
public record OverloadedFunction(String name, List<FunctionLiteral> overloads) implements Type {
    public OverloadedFunction {
        overloads = List.copyOf(overloads);
    }

    @Override
    public String display() {
        StringBuilder sb = new StringBuilder("Overload[");
        for (int i = 0; i < overloads.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(overloads.get(i).signature().display());
        }
        return sb.append(']').toString();
    }
}
