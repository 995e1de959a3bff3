package dev.typhon.semantic.types;

import java.util.ArrayList;
import java.util.List;

/**
 * An intersection of positive types and negated types, {@code P & Q & ~R}, already simplified by
 * {@link IntersectionBuilder} (the only way to make one): it holds no union, no {@code Never}, and
 * at least two elements or one negative.
 */
public record IntersectionType(List<Type> positive, List<Type> negative) implements Type {

    public IntersectionType {
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
        if (positive.size() + negative.size() < 2 && negative.isEmpty()) {
            throw new IllegalArgumentException("an intersection has two elements or a negation");
        }
    }

    @Override
    public String display() {
        List<String> parts = new ArrayList<>();
        for (Type p : positive) {
            parts.add(Displays.inIntersection(p));
        }
        for (Type n : negative) {
            parts.add("~" + Displays.inIntersection(n));
        }
        return String.join(" & ", parts);
    }
}
