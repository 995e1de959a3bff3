package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * A tuple type: fixed ({@code tuple[int, str]}, {@code tuple[()]}), or with a variable-length part
 * ({@code tuple[int, ...]}, {@code tuple[str, *tuple[int, ...], bytes]}).
 *
 * @param prefix the elements before the variable part (all of them when {@code variable} is null)
 * @param variable the element type repeated zero or more times, or null for a fixed-length tuple
 * @param suffix the elements after the variable part (empty when fixed)
 */
public record TupleType(List<Type> prefix, @Nullable Type variable, List<Type> suffix) implements Type {

    public TupleType {
        prefix = List.copyOf(prefix);
        suffix = List.copyOf(suffix);
        if (variable == null && !suffix.isEmpty()) {
            throw new IllegalArgumentException("a fixed tuple has no suffix");
        }
    }

    public static TupleType fixed(List<Type> elements) {
        return new TupleType(elements, null, List.of());
    }

    public static TupleType homogeneous(Type element) {
        return new TupleType(List.of(), element, List.of());
    }

    public boolean isFixed() {
        return variable == null;
    }

    /** The elements of a fixed-length tuple. */
    public List<Type> elements() {
        if (variable != null) {
            throw new IllegalStateException("not a fixed-length tuple");
        }
        return prefix;
    }

    /** The smallest length. */
    public int minLength() {
        return prefix.size() + suffix.size();
    }

    /** Every element type that may occur, in order. */
    public List<Type> allElements() {
        List<Type> all = new ArrayList<>(prefix);
        if (variable != null) {
            all.add(variable);
        }
        all.addAll(suffix);
        return all;
    }

    @Override
    public String display() {
        return "tuple[" + displayArguments() + "]";
    }

    /** What goes between the brackets of {@code tuple[...]}. */
    public String displayArguments() {
        if (variable == null && prefix.isEmpty()) {
            return "()";
        }
        StringBuilder sb = new StringBuilder();
        for (Type t : prefix) {
            sep(sb).append(t.display());
        }
        if (variable != null) {
            if (prefix.isEmpty() && suffix.isEmpty()) {
                sb.append(variable.display()).append(", ...");
            } else {
                sep(sb).append("*tuple[").append(variable.display()).append(", ...]");
            }
        }
        for (Type t : suffix) {
            sep(sb).append(t.display());
        }
        return sb.toString();
    }

    private static StringBuilder sep(StringBuilder sb) {
        return sb.isEmpty() ? sb : sb.append(", ");
    }
}
