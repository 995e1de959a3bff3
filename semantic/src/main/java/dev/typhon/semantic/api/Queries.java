package dev.typhon.semantic.api;

import dev.typhon.ast.Alias;
import dev.typhon.ast.Arg;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.ExprContext;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Import;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.Located;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.NodeTable;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Stmt;
import dev.typhon.semantic.diagnostics.SourceRange;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.ScopeKind;
import dev.typhon.semantic.infer.Navigation;
import dev.typhon.semantic.infer.SourceFile;
import dev.typhon.semantic.infer.TypeInference;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The position-based queries of one snapshot: the node at an offset, its type, where what it names
 * is defined, its hover text. Reads the snapshot's program only; every answer is a fresh immutable value.
 */
final class Queries {
    private final Snapshot snapshot;
    private final TypeInference ti;

    Queries(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.ti = snapshot.program().inference();
    }

    // ----------------------------------------------------------------------------------- types

    Optional<TypeInfo> typeAt(Path file, int offset) {
        SourceFile sf = snapshot.sourceFile(file);
        Node target = typedNodeAt(sf, offset);
        return target == null ? Optional.empty() : Optional.of(typeOf(file, sf, target));
    }

    Optional<TypeInfo> typeOf(NodeRef ref) {
        SourceFile sf = snapshot.sourceFile(ref.file());
        Node node = nodeOf(sf, ref);
        return node == null ? Optional.empty() : Optional.of(typeOf(ref.file(), sf, node));
    }

    Optional<HoverInfo> hoverAt(Path file, int offset) {
        return typeAt(file, offset).map(t -> new HoverInfo(t.node(), hoverText(t.type())));
    }

    private static String hoverText(Type t) {
        return switch (t) {
            case ClassLiteralType c -> "class " + c.literal().name();
            case FunctionLiteral f -> f.display();
            case BoundMethodType b -> b.function().display();
            default -> t.display();
        };
    }

    /**
     * The innermost expression at the offset, or the definition whose name is there (a {@code def}'s,
     * a {@code class}'s, a parameter's, an import alias's); null when the offset is in neither.
     */
    private static @Nullable Node typedNodeAt(SourceFile sf, int offset) {
        NodeTable table = sf.nodeTable();
        Node at = table.nodeAt(offset);
        if (at == null) {
            return null;
        }
        List<Node> chain = new ArrayList<>();
        chain.add(at);
        chain.addAll(table.ancestors(at));
        for (Node n : chain) {
            if (n instanceof Expr || n instanceof Alias || n instanceof Arg) {
                return n;
            }
            if ((n instanceof FunctionDef || n instanceof AsyncFunctionDef || n instanceof ClassDef)
                    && onName(sf, n, offset)) {
                return n;
            }
            if (n instanceof Stmt) {
                return null;
            }
        }
        return null;
    }

    private static boolean onName(SourceFile sf, Node n, int offset) {
        int[] r = nameRange(sf, n);
        return r[0] <= offset && offset <= r[1];
    }

    private TypeInfo typeOf(Path file, SourceFile sf, Node node) {
        Type t = switch (node) {
            case Name n when n.ctx() != ExprContext.Load -> bindingType(sf, node, n);
            case Attribute a when a.ctx() != ExprContext.Load -> bindingType(sf, node, a);
            case Expr e -> ti.expressionType(sf, e);
            default -> bindingType(sf, node, null);
        };
        return new TypeInfo(ref(file, sf, node), t.display(), t);
    }

    /** The type a binding node binds; for an expression target without a definition, its type as read. */
    private Type bindingType(SourceFile sf, Node node, @Nullable Expr orRead) {
        for (Definition d : ti.definitionsAt(sf, node)) {
            if (d.node() == node && !d.kind().unbinds()) {
                return ti.definitionType(sf, d);
            }
        }
        return orRead != null ? ti.expressionType(sf, orRead) : dev.typhon.semantic.types.DynamicType.UNKNOWN;
    }

    NodeRef ref(Path file, SourceFile sf, Node node) {
        Located l = (Located) node;
        return new NodeRef(file, snapshot.revision(), snapshot.fileVersion(file),
                SourceRange.of(sf.lines(), l.startOffset(), l.endOffset()), node.getClass().getSimpleName()
                        .replaceFirst("^Immutable", ""));
    }

    /** The node a reference names in this snapshot's tree of its file (same range, same kind). */
    private static @Nullable Node nodeOf(SourceFile sf, NodeRef ref) {
        NodeTable table = sf.nodeTable();
        Node at = table.nodeAt(ref.range().startOffset());
        if (at == null) {
            return null;
        }
        List<Node> chain = new ArrayList<>();
        chain.add(at);
        chain.addAll(table.ancestors(at));
        for (Node n : chain) {
            Located l = (Located) n;
            if (l.startOffset() == ref.range().startOffset() && l.endOffset() == ref.range().endOffset()
                    && n.getClass().getSimpleName().replaceFirst("^Immutable", "").equals(ref.nodeKind())) {
                return n;
            }
        }
        return null;
    }

    // ----------------------------------------------------------------------------- definitions

    List<DefinitionInfo> definitionsAt(Path file, int offset) {
        SourceFile sf = snapshot.sourceFile(file);
        NodeTable table = sf.nodeTable();
        Node at = table.nodeAt(offset);
        if (at == null) {
            return List.of();
        }
        List<Navigation.Target> targets = switch (at) {
            case Name n -> Navigation.ofName(ti, sf, n);
            case Attribute a when offset >= a.value().endOffset() -> Navigation.ofAttribute(ti, sf, a);
            case Alias a when table.parent(a) instanceof Import -> Navigation.ofModule(ti, importedPrefix(a, offset));
            case Alias a when table.parent(a) instanceof ImportFrom from && !a.name().equals("*") ->
                    Navigation.ofImportedName(ti, sf, from, a.name());
            case ImportFrom from -> {
                String module = ti.fromModuleName(sf, from);
                yield module == null ? List.of() : Navigation.ofModule(ti, module);
            }
            case FunctionDef f when onName(sf, f, offset) -> Navigation.ofBinding(ti, sf, f);
            case AsyncFunctionDef f when onName(sf, f, offset) -> Navigation.ofBinding(ti, sf, f);
            case ClassDef c when onName(sf, c, offset) -> Navigation.ofBinding(ti, sf, c);
            case Arg a -> Navigation.ofBinding(ti, sf, a);
            default -> List.of();
        };
        List<DefinitionInfo> out = new ArrayList<>();
        for (Navigation.Target t : targets) {
            DefinitionInfo info = info(t);
            if (!out.contains(info)) {
                out.add(info);
            }
        }
        return List.copyOf(out);
    }

    /** In {@code import a.b.c}, the module up to the part under the offset ({@code a.b} on {@code b}). */
    private static String importedPrefix(Alias a, int offset) {
        String name = a.name();
        int rel = offset - a.startOffset();
        if (rel < 0 || rel >= name.length()) {
            return name;
        }
        int dot = name.indexOf('.', rel);
        return dot < 0 ? name : name.substring(0, dot);
    }

    private DefinitionInfo info(Navigation.Target t) {
        SourceFile f = t.file();
        Path path = snapshot.pathOf(f.path());
        Definition d = t.definition();
        if (d == null) {
            String name = f.moduleName() != null ? f.moduleName() : f.path();
            return new DefinitionInfo(name, DefinitionInfo.Kind.MODULE, f.path(), path, SourceRange.fileStart());
        }
        int[] r = nameRange(f, d.node());
        return new DefinitionInfo(nameOf(d.node()), kindOf(f, d), f.path(), path, SourceRange.of(f.lines(), r[0], r[1]));
    }

    private static DefinitionInfo.Kind kindOf(SourceFile f, Definition d) {
        return switch (d.kind()) {
            case FUNCTION -> DefinitionInfo.Kind.FUNCTION;
            case CLASS -> DefinitionInfo.Kind.CLASS;
            case PARAMETER, VARIADIC_PARAMETER, KEYWORD_VARIADIC_PARAMETER -> DefinitionInfo.Kind.PARAMETER;
            case TYPE_ALIAS -> DefinitionInfo.Kind.TYPE_ALIAS;
            case TYPE_PARAMETER -> DefinitionInfo.Kind.TYPE_PARAMETER;
            case IMPORT, IMPORT_FROM, STAR_IMPORT -> DefinitionInfo.Kind.IMPORT;
            default -> d.isPlace() || f.index().scope(d.scope()).kind() == ScopeKind.CLASS
                    ? DefinitionInfo.Kind.ATTRIBUTE : DefinitionInfo.Kind.VARIABLE;
        };
    }

    private static String nameOf(Node n) {
        return switch (n) {
            case FunctionDef f -> f.name();
            case AsyncFunctionDef f -> f.name();
            case ClassDef c -> c.name();
            case Name name -> name.id();
            case Attribute a -> a.attr();
            case Arg a -> a.arg();
            case Alias a -> a.asname() != null ? a.asname() : a.name();
            case dev.typhon.ast.TypeAlias ta when ta.name() instanceof Name name -> name.id();
            case dev.typhon.ast.TypeVar tv -> tv.name();
            case dev.typhon.ast.ParamSpec p -> p.name();
            case dev.typhon.ast.TypeVarTuple p -> p.name();
            case dev.typhon.ast.ExceptHandler h when h.name() != null -> h.name();
            default -> n.getClass().getSimpleName().replaceFirst("^Immutable", "");
        };
    }

    /** The range of the name a definition node defines (the whole node when it has no name of its own). */
    private static int[] nameRange(SourceFile sf, Node n) {
        Located l = (Located) n;
        String text = sf.parse().source().text();
        String name = nameOf(n);
        int from = switch (n) {
            case FunctionDef f -> l.startOffset() + "def".length();
            case AsyncFunctionDef f -> text.indexOf("def", l.startOffset()) + "def".length();
            case ClassDef c -> l.startOffset() + "class".length();
            case Arg a -> l.startOffset();
            case dev.typhon.ast.TypeVar tv -> l.startOffset();
            case dev.typhon.ast.ExceptHandler h when h.name() != null -> text.indexOf(" as", l.startOffset());
            // both end with the name they bind
            case Attribute a -> l.endOffset() - a.attr().length();
            case Alias a when a.asname() != null -> l.endOffset() - a.asname().length();
            default -> -1;
        };
        int start = from < 0 ? -1 : text.indexOf(name, from);
        if (start < 0 || start + name.length() > l.endOffset()) {
            return new int[] {l.startOffset(), l.endOffset()};
        }
        return new int[] {start, start + name.length()};
    }
}
