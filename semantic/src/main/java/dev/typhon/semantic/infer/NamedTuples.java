package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Name;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Stmt;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.SubclassOfType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Classes that inherit from {@code typing.NamedTuple} directly ({@code class P(NamedTuple): x: int}):
 * their fields (the annotated names of the body, in order), the constructor {@code __new__} and the
 * {@code _replace} / {@code __match_args__} the NamedTuple machinery synthesizes from them, and the
 * tuple they are ({@code tuple[int, str]}), which indexing, unpacking and {@code len} see through.
 */
final class NamedTuples {
    private final TypeInference ti;
    private final Memo<ClassLiteral, List<Field>> fields = new Memo<>("named-tuple-fields");

    NamedTuples(TypeInference ti) {
        this.ti = ti;
    }

    /** One field: its name, declared type, and whether the body gives it a default. */
    record Field(String name, Type type, @Nullable String defaultDisplay) {
    }

    /** Whether {@code NamedTuple} is one of the class statement's bases. */
    boolean isNamedTuple(ClassLiteral cls) {
        if (cls.known() != null) {
            return false;
        }
        for (Type b : ti.classes.info(cls).bases()) {
            if (b instanceof ClassLiteralType c && c.literal().isKnown(KnownClass.NAMED_TUPLE)) {
                return true;
            }
        }
        return false;
    }

    List<Field> fields(ClassLiteral cls) {
        return fields.get(cls, this::computeFields, List.of());
    }

    private List<Field> computeFields(ClassLiteral cls) {
        SourceFile file = ti.classes.file(cls);
        List<Field> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Stmt s : ti.classes.node(cls).body()) {
            if (s instanceof AnnAssign a && a.target() instanceof Name n && !seen.contains(n.id())) {
                seen.add(n.id());
                Type type = ti.typeExpressions.annotation(file, a.annotation(), null);
                String shown = a.value() == null ? null : defaultDisplay(ti.expressions.infer(file, a.value()));
                out.add(new Field(n.id(), type, shown));
            }
        }
        return out;
    }

    private static String defaultDisplay(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.IntLiteral i -> Long.toString(i.value());
            case dev.typhon.semantic.types.BoolLiteral b -> b.value() ? "True" : "False";
            case StringLiteral s -> "\"" + s.value() + "\"";
            case dev.typhon.semantic.types.NoneType n -> "None";
            default -> "...";
        };
    }

    /**
     * The tuple an instance of the class is, through the nearest named tuple class of its MRO; null
     * when it has none or a class between them defines its own {@code __getitem__}-changing base.
     */
    @Nullable TupleType tupleShape(ClassLiteral cls) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (c.literal().known() != null) {
                return null;
            }
            if (isNamedTuple(c.literal())) {
                List<Type> elements = new ArrayList<>();
                for (Field f : fields(c.literal())) {
                    elements.add(f.type());
                }
                return TupleType.fixed(elements);
            }
        }
        return null;
    }

    /** Whether {@code name} is a field of the nearest named tuple class of the class's MRO. */
    boolean isField(ClassLiteral cls, String name) {
        for (ClassType c : ti.mro(cls).classes()) {
            if (c.literal().known() != null) {
                return false;
            }
            if (isNamedTuple(c.literal())) {
                return fields(c.literal()).stream().anyMatch(f -> f.name().equals(name));
            }
        }
        return false;
    }

    /** A member the NamedTuple machinery gives the class, or null. */
    @Nullable Type member(ClassLiteral cls, String name) {
        if (!name.equals("__new__") && !name.equals("_replace") && !name.equals("__match_args__")
                && !name.equals("_fields")) {
            return null;
        }
        if (!isNamedTuple(cls)) {
            return null;
        }
        Type self = ClassType.of(cls).toInstance();
        List<Parameter> ps = new ArrayList<>();
        switch (name) {
            case "__new__" -> {
                ps.add(new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, "_cls", new SubclassOfType(self), null));
                for (Field f : fields(cls)) {
                    ps.add(new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, f.name(), f.type(), f.defaultDisplay()));
                }
                return new FunctionLiteral("__new__", cls.ref(), null, Signature.of(ps, self), true);
            }
            case "_replace" -> {
                ps.add(new Parameter(Parameter.Kind.POSITIONAL_OR_KEYWORD, "self", self, null));
                for (Field f : fields(cls)) {
                    ps.add(new Parameter(Parameter.Kind.KEYWORD_ONLY, f.name(), f.type(), "..."));
                }
                return new FunctionLiteral("_replace", cls.ref(), null, Signature.of(ps, self), true);
            }
            default -> {
                List<Type> names = new ArrayList<>();
                for (Field f : fields(cls)) {
                    names.add(new StringLiteral(f.name()));
                }
                return TupleType.fixed(names);
            }
        }
    }
}
