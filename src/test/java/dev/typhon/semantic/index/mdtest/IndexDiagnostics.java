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

    static final Set<String> BUILTINS = Set.of(("ArithmeticError AssertionError AttributeError BaseException "
            + "BaseExceptionGroup BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError "
            + "ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning "
            + "EOFError Ellipsis EncodingWarning EnvironmentError Exception ExceptionGroup False FileExistsError "
            + "FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning "
            + "IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError "
            + "MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError "
            + "OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError "
            + "PythonFinalizationError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning "
            + "StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError "
            + "TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError "
            + "UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError __build_class__ "
            + "__debug__ __import__ abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr "
            + "classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter "
            + "float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter "
            + "len license list locals map max memoryview min next object oct open ord pow print property quit "
            + "range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip "
            + "__name__ __file__ __doc__ __spec__ __loader__ __package__ __builtins__ __dict__ __path__ "
            + "__annotations__ reveal_type").split(" "));

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
        for (Use use : index.uses()) {
            Boundness b = index.boundness(use, BUILTINS::contains);
            String name = use.node().id();
            if (b == Boundness.UNBOUND) {
                out.add(diagnostic(text, use.node(), "unresolved-reference", "Name `" + name + "` used when not defined"));
            } else if (b == Boundness.POSSIBLY_UNBOUND) {
                out.add(diagnostic(text, use.node(), "possibly-unresolved-reference",
                        "Name `" + name + "` used when possibly not defined"));
            }
        }
        reveals(parsed.module(), index, text, out);
        return out;
    }

    private static void reveals(Node node, SemanticIndex index, String text, List<MdAssertions.Diagnostic> out) {
        if (node instanceof Call c && c.func() instanceof Name f && f.id().equals("reveal_type") && c.args().size() == 1
                && c.args().get(0) instanceof Name arg) {
            Use use = index.useAt(arg.startOffset());
            if (use != null) {
                out.add(diagnostic(text, arg, "revealed-type", display(index, use, text)));
            }
        }
        node.forEachChild(child -> reveals(child, index, text, out));
    }

    static String display(SemanticIndex index, Use use, String text) {
        Scope scope = index.scope(use.scope());
        int res = scope.resolution(use.symbol());
        if (scope.kind() == dev.typhon.semantic.index.ScopeKind.MODULE) {
            res = SymbolFlags.LOCAL;
        }
        if (res == SymbolFlags.FREE) {
            return "free";
        }
        if (res == SymbolFlags.GLOBAL_EXPLICIT || res == SymbolFlags.GLOBAL_IMPLICIT) {
            return "global";
        }
        List<ReachingDefinition> defs = new ArrayList<>(index.reachingDefinitions(use));
        defs.sort(Comparator.comparingInt(d -> line(d.definition().node(), d.definition().statement())));
        List<String> parts = new ArrayList<>();
        for (ReachingDefinition d : defs) {
            StringBuilder s = new StringBuilder().append(line(d.definition().node(), d.definition().statement()));
            if (!d.constraints().isEmpty()) {
                s.append(" [");
                List<Constraint> cs = d.constraints();
                for (int i = cs.size() - 1; i >= 0; i--) {
                    s.append(constraintText(cs.get(i), text));
                    if (i > 0) {
                        s.append("; ");
                    }
                }
                s.append(']');
            }
            parts.add(s.toString());
        }
        if (index.possiblyUnboundInScope(use)) {
            parts.add("Unbound");
        }
        return String.join(" | ", parts);
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
