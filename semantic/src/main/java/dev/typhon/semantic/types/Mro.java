package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A class's method resolution order: the class itself first, then its ancestors by C3 linearization
 * as CPython computes it. Each entry is a {@link ClassLiteralType} (specialized as the class's bases
 * say, e.g. {@code <class 'Sequence[_T_co]'>}) or a dynamic type standing for a base that is not a
 * known class.
 *
 * @param entries the linearization
 * @param error why CPython would reject the class statement (duplicate base, inconsistent order,
 *     invalid base), or null; an invalid class still gets an MRO: itself, Unknown, object
 */
public record Mro(List<Type> entries, @Nullable String error) {

    public Mro {
        entries = List.copyOf(entries);
    }

    /** The classes in the MRO that are not dynamic. */
    public List<ClassType> classes() {
        List<ClassType> out = new ArrayList<>();
        for (Type t : entries) {
            if (t instanceof ClassLiteralType c) {
                out.add(c.classType());
            }
        }
        return out;
    }

    /** True when a base is dynamic (then every attribute and subclass check may be anything). */
    public boolean hasDynamic() {
        for (Type t : entries) {
            if (t.isDynamic()) {
                return true;
            }
        }
        return false;
    }

    /** The entry for {@code literal}, specialized as this MRO has it, or null. */
    public @Nullable ClassType find(ClassLiteral literal) {
        for (Type t : entries) {
            if (t instanceof ClassLiteralType c && c.classType().literal().equals(literal)) {
                return c.classType();
            }
        }
        return null;
    }

    /** {@code (<class 'C'>, <class 'B'>, <class 'object'>)}, as {@code reveal_mro} shows it. */
    public String display() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Type e = entries.get(i);
            sb.append(e instanceof SpecialFormType f ? f.qualifiedName() : e.display());
        }
        if (entries.size() == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    /**
     * C3 linearization of {@code self} from its explicit bases ({@link ClassLiteralType} or dynamic
     * types) and their MROs, with CPython's errors.
     *
     * @param object the class {@code object} (the implicit base), or null when unknown
     */
    public static Mro compute(TypeDb db, ClassType self, List<Type> bases, @Nullable ClassType object) {
        Type selfEntry = new ClassLiteralType(self);
        if (bases.isEmpty()) {
            if (object == null || object.literal().equals(self.literal())) {
                return new Mro(List.of(selfEntry), null);
            }
            return new Mro(List.of(selfEntry, new ClassLiteralType(object)), null);
        }
        Set<Object> seen = new LinkedHashSet<>();
        Set<String> duplicated = new LinkedHashSet<>();
        for (Type b : bases) {
            if (b instanceof ClassLiteralType c && !seen.add(c.literal())) {
                duplicated.add("Duplicate base class `" + c.literal().name() + "`");
            }
            if (b instanceof SpecialFormType f && !seen.add(f)) {
                String name = f.qualifiedName().substring(f.qualifiedName().lastIndexOf('.') + 1);
                duplicated.add("Duplicate base class `" + name + "`");
            }
        }
        if (!duplicated.isEmpty()) {
            // one error per duplicated class, one per line
            return fallback(selfEntry, object, String.join("\n", duplicated));
        }
        // equal dynamic bases (two `Unknown`s) are one entry: they may well stand for one class
        List<Type> distinct = new ArrayList<>();
        for (Type b : bases) {
            if (!(b.isDynamic() && distinct.contains(b))) {
                distinct.add(b);
            }
        }
        bases = distinct;
        // C3 over entries; each dynamic base is an entry of its own (two `Any` bases are not a duplicate)
        List<List<Object>> sequences = new ArrayList<>();
        List<Object> baseEntries = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            Type b = bases.get(i);
            Object entry = b instanceof ClassLiteralType || b instanceof SpecialFormType ? b : new DynamicSlot(b, i);
            baseEntries.add(entry);
            if (b instanceof ClassLiteralType c) {
                sequences.add(new ArrayList<>(specialize(db, c.classType())));
            } else if (b instanceof SpecialFormType f) {
                // typing.Protocol's MRO is (Protocol, Generic, object), typing.Generic's (Generic, object)
                List<Object> seq = new ArrayList<>();
                if (f == SpecialFormType.PROTOCOL) {
                    seq.add(SpecialFormType.PROTOCOL);
                }
                seq.add(SpecialFormType.GENERIC);
                if (object != null) {
                    seq.add(new ClassLiteralType(object));
                }
                sequences.add(seq);
            } else if (object != null) {
                // a dynamic base stands for a class whose MRO ends with object, as every class's does
                sequences.add(new ArrayList<>(List.of(entry, new ClassLiteralType(object))));
            } else {
                sequences.add(new ArrayList<>(List.of(entry)));
            }
        }
        sequences.add(new ArrayList<>(baseEntries));
        List<Type> result = new ArrayList<>();
        result.add(selfEntry);
        while (true) {
            sequences.removeIf(List::isEmpty);
            if (sequences.isEmpty()) {
                return new Mro(result, null);
            }
            Object candidate = null;
            for (List<Object> seq : sequences) {
                Object head = seq.get(0);
                boolean inTail = false;
                for (List<Object> other : sequences) {
                    for (int i = 1; i < other.size() && !inTail; i++) {
                        inTail = sameEntry(other.get(i), head);
                    }
                }
                if (!inTail) {
                    candidate = head;
                    break;
                }
            }
            if (candidate == null) {
                StringBuilder list = new StringBuilder("[");
                for (int i = 0; i < bases.size(); i++) {
                    list.append(i > 0 ? ", " : "").append(bases.get(i).display());
                }
                return fallback(selfEntry, object, "Cannot create a consistent method resolution order (MRO) for class `"
                        + self.literal().name() + "` with bases list `" + list.append(']') + "`");
            }
            result.add(candidate instanceof DynamicSlot d ? d.type() : (Type) candidate);
            for (List<Object> seq : sequences) {
                if (sameEntry(seq.get(0), candidate)) {
                    seq.remove(0);
                }
            }
        }
    }

    /** A dynamic base in a linearization: equal only to itself. */
    private record DynamicSlot(Type type, int index) {
    }

    /** The base's own MRO, with its type parameters replaced by the arguments the base was given. */
    private static List<Object> specialize(TypeDb db, ClassType base) {
        Mro baseMro = db.mro(base.literal());
        if (base.arguments().isEmpty()) {
            List<Object> out = new ArrayList<>(baseMro.entries());
            out.set(0, new ClassLiteralType(base));
            return out;
        }
        Specialization s = Specialization.of(db.typeParameters(base.literal()), base.arguments());
        List<Object> out = new ArrayList<>();
        for (Type t : baseMro.entries()) {
            out.add(s.apply(t));
        }
        out.set(0, new ClassLiteralType(base));
        return out;
    }

    /** Classes compare by their literal; a dynamic entry only to itself. */
    private static boolean sameEntry(Object a, Object b) {
        if (a instanceof ClassLiteralType x && b instanceof ClassLiteralType y) {
            return x.literal().equals(y.literal());
        }
        return a.equals(b);
    }

    private static Mro fallback(Type self, @Nullable ClassType object, String error) {
        List<Type> entries = new ArrayList<>();
        entries.add(self);
        entries.add(DynamicType.UNKNOWN);
        if (object != null) {
            entries.add(new ClassLiteralType(object));
        }
        return new Mro(entries, error);
    }
}
