package dev.typhon.semantic.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A union of two or more types, already simplified by {@link UnionBuilder} (the only way to make
 * one). Members keep the order in which they were added, which is the order they are shown in.
 */
public record UnionType(List<Type> members) implements Type {

    public UnionType {
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a union has at least two members");
        }
    }

    /**
     * {@code int | str | None}, with every literal member gathered into one {@code Literal[...]} at
     * the place of the first, as ty shows it: {@code Literal[1, "a"] | None}. Intersections in a
     * union are parenthesised, and so are callables.
     */
    @Override
    public String display() {
        List<String> parts = new ArrayList<>();
        java.util.Map<Object, List<String>> literals = null;
        int literalSlot = -1;
        boolean hasInt = has(KnownClass.INT);
        boolean hasFloat = has(KnownClass.FLOAT);
        boolean hasComplex = has(KnownClass.COMPLEX);
        // the numeric tower of the typing spec: int | float is shown as float, int | float | complex as complex
        String tower = hasInt && hasFloat && hasComplex ? "complex" : hasInt && hasFloat ? "float" : null;
        boolean towerShown = false;
        for (Type m : members) {
            if (tower != null && m instanceof InstanceType i && i.classType().arguments().isEmpty()
                    && (i.isKnown(KnownClass.INT) || i.isKnown(KnownClass.FLOAT)
                    || (tower.equals("complex") && i.isKnown(KnownClass.COMPLEX)))) {
                if (!towerShown) {
                    parts.add(tower);
                    towerShown = true;
                }
                continue;
            }
            String inner = literalInner(m);
            if (inner != null) {
                if (literals == null) {
                    literals = new java.util.LinkedHashMap<>();
                    literalSlot = parts.size();
                    parts.add(null);
                }
                // grouped by kind, the kinds in the order they first appear: `Literal[1, 2, "a"]` for 1 | "a" | 2
                literals.computeIfAbsent(literalKind(m), k -> new ArrayList<>()).add(inner);
            } else {
                parts.add(Displays.inUnion(m));
            }
        }
        if (literals != null) {
            List<String> all = new ArrayList<>();
            literals.values().forEach(all::addAll);
            parts.set(literalSlot, "Literal[" + String.join(", ", all) + "]");
        }
        return String.join(" | ", parts);
    }

    private boolean has(KnownClass k) {
        for (Type m : members) {
            if (m instanceof InstanceType i && i.isKnown(k) && i.classType().arguments().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** What groups a literal with others in the display: its kind, and an enum member's class. */
    private static Object literalKind(Type t) {
        return t instanceof EnumLiteral e ? e.enumClass() : t.getClass();
    }

    /** What a literal type puts inside {@code Literal[...]}; null for a type that is not a literal. */
    static String literalInner(Type t) {
        return switch (t) {
            case IntLiteral i -> Long.toString(i.value());
            case BoolLiteral b -> b.value() ? "True" : "False";
            case StringLiteral s -> Literals.reprStr(s.value());
            case BytesLiteral b -> Literals.reprBytes(b.value());
            case EnumLiteral e -> e.inner();
            default -> null;
        };
    }
}
