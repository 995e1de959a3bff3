package dev.typhon.semantic.index.mdtest;

import dev.typhon.ast.Call;
import dev.typhon.ast.Located;
import dev.typhon.ast.MatchCase;
import dev.typhon.ast.Name;
import dev.typhon.ast.Node;
import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.parser.SyntaxError;
import dev.typhon.semantic.index.Boundness;
import dev.typhon.semantic.index.Constraint;
import dev.typhon.semantic.index.IndexOptions;
import dev.typhon.semantic.index.ReachingDefinition;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.index.SemanticError;
import dev.typhon.semantic.index.SemanticIndex;
import dev.typhon.semantic.index.SymbolFlags;
import dev.typhon.semantic.index.Use;
import dev.typhon.semantic.index.PlaceUse;
import dev.typhon.semantic.index.Reachability;
import dev.typhon.semantic.index.ReachingBindings;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.names.BuiltinNames;
import dev.typhon.semantic.names.UnresolvedReference;
import dev.typhon.semantic.names.UnresolvedReferences;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.Subscript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What our semantic-index suites can assert, as mdtest diagnostics:
 * <ul>
 * <li>{@code invalid-syntax}: parse errors and CPython's scoping errors;</li>
 * <li>{@code unresolved-reference} / {@code possibly-unresolved-reference} (ty's rule names):
 *     a name read where no path / not every path binds it;</li>
 * <li>{@code revealed-type} for {@code reveal_type(x)}: the definitions of {@code x} that reach
 *     the call in its own scope, as their line numbers with the narrowing constraints of their
 *     path in brackets, joined by {@code " | "}, plus {@code Unbound} when some path has none;
 *     {@code global} / {@code free} when the name is not local to the scope.</li>
 * </ul>
 */
final class IndexDiagnostics {

    /** The library's builtins for the suite's version, plus {@code reveal_type}, which ty lets tests call unimported. */
    static Set<String> builtins(PythonVersion version) {
        Set<String> names = new java.util.HashSet<>(BuiltinNames.of(version, "linux"));
        names.add("reveal_type");
        return names;
    }

    private IndexDiagnostics() {
    }

    static List<MdAssertions.Diagnostic> of(String code, MdSuite.Config config) {
        PythonVersion version = PythonVersion.parse(config.pythonVersion());
        ParseResult parsed = PythonParser.parse(code, new ParseOptions(version, false));
        List<MdAssertions.Diagnostic> out = new ArrayList<>();
        for (SyntaxError e : parsed.errors()) {
            out.add(new MdAssertions.Diagnostic(e.lineno(), e.column(), "invalid-syntax", e.message()));
        }
        if (parsed.hasErrors()) {
            return out;
        }
        String platform = config.platform().equals("all") ? null : config.platform();
        SemanticIndex index = SemanticIndex.of(parsed.module(), new IndexOptions(version, platform));
        String text = parsed.source().text();
        for (SemanticError e : index.errors()) {
            out.add(new MdAssertions.Diagnostic(e.lineno(), column(text, e.startOffset()), "invalid-syntax", e.message()));
        }
        Reachability.Oracle decide = oracle(index);
        for (UnresolvedReference r : UnresolvedReferences.find(index, builtins(version), decide)) {
            out.add(diagnostic(text, r.use().node(), r.rule(), r.message()));
        }
        reveals(parsed.module(), index, text, index.evaluation(decide), out);
        return out;
    }

    /**
     * How these suites decide the predicates inference will decide (see the suites' README): a
     * call to a function named {@code never...} never returns; a {@code with} whose first context
     * manager is a call to {@code suppress...} swallows exceptions; a test that calls
     * {@code always_true()} / {@code always_false()} is that; everything else may go either way.
     */
    static Reachability.Oracle oracle(SemanticIndex index) {
        return id -> {
            Constraint c = index.constraints().get(id);
            return switch (c.kind()) {
                case CALL_RETURNS -> calleeStarts(c.test(), "never") ? Reachability.Truth.ALWAYS_FALSE : Reachability.Truth.ALWAYS_TRUE;
                case WITH_SWALLOWS -> {
                    java.util.List<dev.typhon.ast.WithItem> items = c.test() instanceof dev.typhon.ast.With w ? w.items()
                            : ((dev.typhon.ast.AsyncWith) c.test()).items();
                    yield calleeStarts(items.get(0).contextExpr(), "suppress") ? Reachability.Truth.ALWAYS_TRUE
                            : Reachability.Truth.ALWAYS_FALSE;
                }
                case TEST -> calleeStarts(c.test(), "always_true") ? Reachability.Truth.ALWAYS_TRUE
                        : calleeStarts(c.test(), "always_false") ? Reachability.Truth.ALWAYS_FALSE : Reachability.Truth.AMBIGUOUS;
                case PATTERN -> Reachability.Truth.AMBIGUOUS;
            };
        };
    }

    private static boolean calleeStarts(Node node, String prefix) {
        return node instanceof Call call && call.func() instanceof Name n && n.id().startsWith(prefix);
    }

    private static void reveals(Node node, SemanticIndex index, String text, Reachability.Evaluation oracle,
                                List<MdAssertions.Diagnostic> out) {
        if (node instanceof Call c && c.func() instanceof Name f && f.id().equals("reveal_type") && c.args().size() == 1) {
            Expr arg = c.args().get(0);
            if (arg instanceof Name) {
                Use use = index.useAt(arg.startOffset());
                if (use != null) {
                    out.add(diagnostic(text, arg, "revealed-type", display(index, use, text, oracle)));
                }
            } else if (arg instanceof Attribute || arg instanceof Subscript) {
                PlaceUse use = index.placeUseAt(arg.startOffset());
                out.add(diagnostic(text, arg, "revealed-type", use == null ? "untracked"
                        : render(index, index.bindings(use), use.reachability(), "Implicit", text, oracle)));
            }
        }
        node.forEachChild(child -> reveals(child, index, text, oracle, out));
    }

    static String display(SemanticIndex index, Use use, String text, Reachability.Evaluation oracle) {
        Scope scope = index.scope(use.scope());
        int res = scope.resolution(use.symbol());
        if (scope.kind() == dev.typhon.semantic.index.ScopeKind.MODULE) {
            res = SymbolFlags.LOCAL;
        }
        if (!index.mayHold(use.reachability(), oracle)) {
            return "Unreachable";
        }
        if (res == SymbolFlags.FREE || res == SymbolFlags.GLOBAL_EXPLICIT || res == SymbolFlags.GLOBAL_IMPLICIT) {
            ReachingBindings eager = index.eagerLookup(scope, scope.symbolName(use.symbol()));
            if (eager != null) {
                return "eager: " + render(index, eager, Reachability.ALWAYS_TRUE, "Unbound", text, oracle);
            }
            return res == SymbolFlags.FREE ? "free" : "global";
        }
        List<Definition> declared = index.declarationsAt(use);
        String unbound = declared.isEmpty() ? "Unbound" : "Unbound" + declaredText(declared);
        return render(index, index.bindings(use), use.reachability(), unbound, text, oracle);
    }

    private static String declaredText(List<Definition> declared) {
        StringBuilder s = new StringBuilder(" (declared ");
        for (int i = 0; i < declared.size(); i++) {
            s.append(i > 0 ? ", " : "").append(line(declared.get(i).node(), declared.get(i).statement()));
        }
        return s.append(')').toString();
    }

    /** Bindings as line numbers with their narrowing in brackets; those the oracle rules out are left out. */
    private static String render(SemanticIndex index, ReachingBindings b, int at, String implicit, String text,
                                 Reachability.Evaluation oracle) {
        List<ReachingDefinition> defs = new ArrayList<>();
        for (ReachingDefinition d : b.definitions()) {
            if (index.mayHold(d.reachability(), oracle)) {
                defs.add(d);
            }
        }
        defs.sort(Comparator.comparingInt(d -> line(d.definition().node(), d.definition().statement())));
        List<String> parts = new ArrayList<>();
        for (ReachingDefinition d : defs) {
            StringBuilder s = new StringBuilder().append(line(d.definition().node(), d.definition().statement()));
            constraints(s, d.constraints(), text);
            List<Definition> declared = index.declarationsAt(d.definition());
            if (!declared.isEmpty() && !(declared.size() == 1 && declared.get(0).equals(d.definition()))) {
                s.append(declaredText(declared));
            }
            parts.add(s.toString());
        }
        if (b.mayBeUnbound() && index.mayHold(b.unboundReachability(), oracle)) {
            StringBuilder s = new StringBuilder(implicit);
            constraints(s, b.unboundConstraints(), text);
            parts.add(s.toString());
        }
        return parts.isEmpty() ? "Never" : String.join(" | ", parts);
    }

    private static void constraints(StringBuilder s, List<Constraint> cs, String text) {
        if (cs.isEmpty()) {
            return;
        }
        s.append(" [");
        for (int i = cs.size() - 1; i >= 0; i--) {
            s.append(constraintText(cs.get(i), text));
            if (i > 0) {
                s.append("; ");
            }
        }
        s.append(']');
    }

    private static String constraintText(Constraint c, String text) {
        String t;
        if (c.test() instanceof MatchCase mc) {
            t = "case " + text.substring(mc.pattern().startOffset(), mc.pattern().endOffset());
        } else if (c.test() instanceof Located l) {
            t = text.substring(l.startOffset(), l.endOffset());
        } else {
            t = c.test().pythonName();
        }
        return c.positive() ? t : "not " + t;
    }

    private static int line(Node node, Node statement) {
        if (node instanceof Located l) {
            return l.lineno();
        }
        return statement instanceof Located l ? l.lineno() : 0;
    }

    private static MdAssertions.Diagnostic diagnostic(String text, Located at, String rule, String message) {
        return new MdAssertions.Diagnostic(at.lineno(), column(text, at.startOffset()), rule, message);
    }

    /** 1-based column in code points of a UTF-16 offset. */
    private static int column(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset == 0) {
            lineStart = 0;
        }
        return text.codePointCount(lineStart, Math.min(offset, text.length())) + 1;
    }
}
