package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.If;
import dev.typhon.ast.Located;
import dev.typhon.ast.Name;
import dev.typhon.ast.Stmt;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.KnownClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the dataclass machinery would reject in a class statement, each under ty's rule: a required
 * field after fields with defaults ({@code dataclass-field-order}), frozen and non-frozen
 * dataclasses inheriting from each other ({@code invalid-frozen-dataclass-subclass}), methods the
 * decorator would have to overwrite ({@code invalid-dataclass-override}), more than one
 * {@code KW_ONLY} marker ({@code duplicate-kw-only}), and subclasses of an {@code order=True}
 * dataclass, whose comparisons fail across the hierarchy ({@code subclass-of-dataclass-with-order}).
 */
final class DataclassProblems {
    private static final Set<String> ORDER = Set.of("__lt__", "__le__", "__gt__", "__ge__");

    private final TypeInference ti;

    DataclassProblems(TypeInference ti) {
        this.ti = ti;
    }

    void of(SourceFile file, ClassDef node, ClassLiteral cls, List<Problem> out) {
        orderedBase(file, node, cls, out);
        Dataclasses.Params p = ti.dataclasses.params(cls);
        if (p == null) {
            return;
        }
        fieldOrder(file, node, cls, out);
        frozenInheritance(node, cls, p, out);
        overrides(node, cls, p, out);
        kwOnlyMarkers(file, node, cls, out);
    }

    private void fieldOrder(SourceFile file, ClassDef node, ClassLiteral cls, List<Problem> out) {
        List<AnnAssign> own = new ArrayList<>();
        collect(node.body(), own);
        boolean defaultSeen = false;
        for (Dataclasses.Field f : ti.dataclasses.fields(cls)) {
            if (!f.init() || f.kwOnly()) {
                continue;
            }
            if (f.defaultDisplay() != null) {
                defaultSeen = true;
                continue;
            }
            if (defaultSeen) {
                AnnAssign at = own.stream().filter(a -> a.target() instanceof Name n && n.id().equals(f.name())).findFirst()
                        .orElse(null);
                if (at != null) {
                    out.add(new Problem("dataclass-field-order", "Required field `" + f.name()
                            + "` cannot be defined after fields with default values", null, at.target().startOffset(),
                            at.target().endOffset()));
                }
            }
        }
    }

    private void frozenInheritance(ClassDef node, ClassLiteral cls, Dataclasses.Params p, List<Problem> out) {
        for (ClassType base : ti.mro(cls).classes()) {
            if (base.literal().equals(cls)) {
                continue;
            }
            Dataclasses.Params bp = ti.dataclasses.params(base.literal());
            if (bp == null) {
                continue;
            }
            if (bp.frozen() && !p.frozen()) {
                out.add(new Problem("invalid-frozen-dataclass-subclass",
                        "Non-frozen dataclass cannot inherit from frozen dataclass", null, node.startOffset(), header(node)));
            } else if (!bp.frozen() && p.frozen()) {
                out.add(new Problem("invalid-frozen-dataclass-subclass", "Frozen dataclass `" + cls.name()
                        + "` cannot inherit from non-frozen dataclass `" + base.literal().name() + "`", null,
                        node.startOffset(), header(node)));
            }
            return; // the nearest dataclass base decides
        }
    }

    private void overrides(ClassDef node, ClassLiteral cls, Dataclasses.Params p, List<Problem> out) {
        for (Stmt s : node.body()) {
            String name = s instanceof FunctionDef f ? f.name() : s instanceof AsyncFunctionDef f ? f.name() : null;
            if (name == null) {
                continue;
            }
            if (p.order() && ORDER.contains(name)) {
                out.add(new Problem("invalid-dataclass-override", "Cannot overwrite attribute `" + name + "` in dataclass `"
                        + cls.name() + "` with `order=True`", null, ((Located) s).startOffset(), ((Located) s).endOffset()));
            } else if (p.frozen() && (name.equals("__setattr__") || name.equals("__delattr__"))) {
                out.add(new Problem("invalid-dataclass-override", "Cannot overwrite attribute `" + name
                        + "` in frozen dataclass `" + cls.name() + "`", null, ((Located) s).startOffset(),
                        ((Located) s).endOffset()));
            }
        }
    }

    private void kwOnlyMarkers(SourceFile file, ClassDef node, ClassLiteral cls, List<Problem> out) {
        List<AnnAssign> own = new ArrayList<>();
        collect(node.body(), own);
        int markers = 0;
        for (AnnAssign a : own) {
            if (ti.expressions.infer(file, a.annotation()) instanceof ClassLiteralType c && c.literal().isKnown(KnownClass.KW_ONLY)) {
                markers++;
            }
        }
        if (markers > 1) {
            out.add(new Problem("duplicate-kw-only", "Dataclass `" + cls.name() + "` has more than one field annotated with `KW_ONLY`",
                    null, node.startOffset(), header(node)));
        }
    }

    /**
     * A class inheriting from an {@code order=True} dataclass: comparing its instances with the
     * base's raises at run time, unless it defines all four comparisons itself.
     */
    private void orderedBase(SourceFile file, ClassDef node, ClassLiteral cls, List<Problem> out) {
        for (ClassType base : ti.mro(cls).classes()) {
            if (base.literal().equals(cls)) {
                continue;
            }
            Dataclasses.Params bp = ti.dataclasses.params(base.literal());
            if (bp != null && bp.order()) {
                for (String m : ORDER) {
                    if (ti.classes.ownMember(cls, m) == null || ti.classes.synthesizedMember(cls, m) != null) {
                        out.add(new Problem("subclass-of-dataclass-with-order", "Class `" + cls.name()
                                + "` inherits from dataclass `" + base.literal().name()
                                + "` with `order=True`: comparing instances of the two raises at run time", null,
                                node.startOffset(), header(node)));
                        return;
                    }
                }
                return;
            }
        }
    }

    /** Where a class statement's header ends: after its bases, else after its name. */
    private static int header(ClassDef node) {
        return node.bases().isEmpty() ? node.startOffset() + 6 + node.name().length()
                : node.bases().get(node.bases().size() - 1).endOffset();
    }

    private static void collect(List<Stmt> body, List<AnnAssign> out) {
        for (Stmt s : body) {
            if (s instanceof AnnAssign a && a.target() instanceof Name) {
                out.add(a);
            } else if (s instanceof If i) {
                collect(i.body(), out);
                collect(i.orelse(), out);
            }
        }
    }
}
