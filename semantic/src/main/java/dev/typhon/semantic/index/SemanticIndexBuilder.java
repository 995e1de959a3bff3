package dev.typhon.semantic.index;

import dev.typhon.ast.*;
import dev.typhon.ast.Module;
import dev.typhon.ast.Set;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Builds the {@link SemanticIndex} of a module in one walk over its tree: scopes and symbol flags
 * exactly as CPython's symtable records them (same visiting order, mangling, walrus rules and
 * errors), and at the same time the definitions and the flow-sensitive use-def map.
 */
public final class SemanticIndexBuilder {

    private static final String INNER_LOOP_CONFLICT = "comprehension inner loop cannot rebind assignment expression target '%s'";

    private final StaticTruth statics;
    private final ArrayList<Scope> scopes = new ArrayList<>();
    private final ArrayList<Definition> definitions = new ArrayList<>();
    private final UseTable uses = new UseTable(64);
    private final UseTable placeUses = new UseTable(0);
    private final Reachability dag = new Reachability();
    /** For each binding (by definition id), the declarations of its symbol live where it binds; null for none. */
    private Bindings[] declarationsAtBinding = new Bindings[64];
    private final ArrayList<Constraint> constraints = new ArrayList<>();
    private final ArrayList<SemanticError> errors = new ArrayList<>();
    private final ArrayList<State> stack = new ArrayList<>();
    private final ArrayList<Directive> directives = new ArrayList<>();

    private State cur;
    private State moduleState;
    private String privateName;
    private boolean futureAnnotations;
    /** Annotations go to a separate, unlisted scope: under the future import (as CPython 3.11 does) or PEP 649. */
    private boolean deferAnnotations;

    /** Symbols read or bound while visiting a test (for narrowing), or null when not collecting. */
    private IntArrayList testSymbols;
    private State testState;

    /** Bindings of the target being visited, applied once the value has been evaluated. */
    private ArrayList<Pending> pending;
    private DefinitionKind targetKind = DefinitionKind.ASSIGNMENT;
    private Node targetStatement;

    private SemanticIndexBuilder(IndexOptions options) {
        this.statics = new StaticTruth(options);
        this.lazyAnnotations = options.pythonVersion().atLeast(dev.typhon.ast.PythonVersion.PY314);
    }

    /** PEP 649 (Python 3.14): annotations are evaluated later, in their own scope. */
    private final boolean lazyAnnotations;

    public static SemanticIndex build(Module module, IndexOptions options) {
        SemanticIndexBuilder b = new SemanticIndexBuilder(options);
        b.buildModule(module);
        b.uses.trim();
        b.placeUses.trim();
        b.dag.freeze();
        Bindings[] declared = java.util.Arrays.copyOf(b.declarationsAtBinding, b.definitions.size());
        return new SemanticIndex(b.scopes, b.definitions, b.uses, b.placeUses, b.constraints, b.dag, declared, b.errors);
    }

    public static SemanticIndex build(Module module) {
        return build(module, IndexOptions.DEFAULT);
    }

    // ---------------------------------------------------------------- per-scope build state

    private static final class State {
        final Scope scope;
        final ScopeKind kind;
        FlowState flow = FlowState.start();
        int compIterExpr;
        boolean compIterTarget;
        ArrayList<Loop> loops;
        ArrayList<TryFrame> tries;
        /** Eager scopes only: the enclosing scope's symbol bindings where this scope runs. */
        Bindings[] enclosingAtEntry;
        Bindings enclosingUnsetAtEntry;
        /** Names read here or in eager scopes inside that this scope does not bind: they read further out. */
        ArrayList<String> readsOut;

        State(Scope scope) {
            this.scope = scope;
            this.kind = scope.kind;
        }
    }

    private static final class Loop {
        final ArrayList<FlowState> breaks = new ArrayList<>(2);
        final ArrayList<FlowState> continues = new ArrayList<>(2);
        /** Eager scopes run inside the loop body: their snapshots see the loop header too. */
        final IntArrayList eagerScopes = new IntArrayList(0);
    }

    /**
     * The definitions made in a try body (or a with body, or a handler before a finally): any of
     * them may be the last before an exception. Symbols are ids, places complemented ({@code ~id}).
     */
    private static final class TryFrame {
        final IntArrayList symbols = new IntArrayList();
        final IntArrayList defs = new IntArrayList();
    }

    /** A binding held back until the value is evaluated; {@code symbol} is a place when complemented. */
    private record Pending(State state, int symbol, Node node, DefinitionKind kind, Node statement) {
    }

    /** Where a global/nonlocal (or walrus-implied) declaration stands, for errors found by the analysis. */
    record Directive(int scope, String name, int lineno, int column, int startOffset) {
    }

    // ---------------------------------------------------------------- scopes

    private void buildModule(Module module) {
        futureAnnotations = FutureFeatures.check(module, errors);
        deferAnnotations = futureAnnotations || lazyAnnotations;
        Scope top = new Scope(0, ScopeKind.MODULE, "top", 0, 0, Integer.MAX_VALUE, -1, true);
        scopes.add(top);
        cur = new State(top);
        moduleState = cur;
        stack.add(cur);
        visitBody(module.body());
        finishScope(cur);
        ScopeAnalysis.analyze(scopes, directives, errors);
    }

    private State enterScope(ScopeKind kind, String name, int lineno, int start, int end, boolean listed) {
        Scope parent = cur.scope;
        Scope s = new Scope(scopes.size(), kind, name, lineno, start, end, parent.id, listed);
        scopes.add(s);
        if (listed) {
            parent.children.add(s.id);
        }
        State st = new State(s);
        // Comprehension iterables nest: CPython forbids walrus in all of them (bpo-37757).
        st.compIterExpr = cur.compIterExpr;
        if (s.isEager()) {
            // The enclosing state where this scope runs; only the names it reads out are kept, at exit.
            st.enclosingAtEntry = cur.flow.reachable ? cur.flow.shareSymbols() : new Bindings[0];
            st.enclosingUnsetAtEntry = cur.flow.unset;
            if (cur.loops != null && !cur.loops.isEmpty()) {
                cur.loops.get(cur.loops.size() - 1).eagerScopes.add(s.id);
            }
        }
        stack.add(st);
        cur = st;
        return st;
    }

    private void exitScope() {
        State done = cur;
        finishScope(done);
        stack.remove(stack.size() - 1);
        cur = stack.get(stack.size() - 1);
        if (done.scope.isEager()) {
            snapshot(done, cur);
        }
    }

    private static void finishScope(State st) {
        Bindings[] end = new Bindings[st.scope.names.size()];
        for (int i = 0; i < end.length; i++) {
            end[i] = st.flow.reachable ? st.flow.get(i) : Bindings.UNBOUND;
        }
        st.scope.endState = end;
        int declared = Math.min(st.flow.declarations.length, end.length);
        if (st.flow.reachable && declared > 0) {
            st.scope.endDeclarations = java.util.Arrays.copyOf(st.flow.declarations, declared);
        }
        if (st.scope.places != null) {
            Bindings[] places = new Bindings[st.scope.places.size()];
            for (int i = 0; i < places.length; i++) {
                places[i] = st.flow.reachable ? st.flow.place(i) : Bindings.UNBOUND;
            }
            st.scope.placeEndState = places;
        }
    }

    /**
     * Keeps, for an eager scope that just ended, the enclosing scope's bindings of every name it
     * reads out at the point where it ran (ty's eager snapshots). Class bodies are skipped by
     * name lookup, so what a scope inside a class reads out is passed on to the class, whose own
     * snapshot covers the scope around it; the same for names the enclosing eager scope does not
     * bind, which may be free there too.
     */
    private void snapshot(State done, State parent) {
        Scope s = done.scope;
        ArrayList<String> out = new ArrayList<>();
        // A class body reads a name it binds from outside while its own binding is not made yet.
        int local = s.kind == ScopeKind.CLASS ? 0 : SymbolFlags.BOUND;
        for (int i = 0; i < s.names.size(); i++) {
            int f = s.flags.get(i);
            if ((f & SymbolFlags.USED) != 0 && (f & (local | SymbolFlags.GLOBAL | SymbolFlags.NONLOCAL)) == 0) {
                out.add(s.names.get(i));
            }
        }
        if (done.readsOut != null) {
            for (String n : done.readsOut) {
                int sym = s.symbolId(n);
                if (sym < 0 || (s.flags.get(sym) & SymbolFlags.BOUND) == 0) {
                    out.add(n);
                }
            }
        }
        if (out.isEmpty()) {
            return;
        }
        if (parent.scope.isEager()) {
            if (parent.readsOut == null) {
                parent.readsOut = new ArrayList<>(out.size());
            }
            parent.readsOut.addAll(out);
        }
        if (parent.kind == ScopeKind.CLASS) {
            return;
        }
        IntArrayList syms = new IntArrayList(out.size());
        ArrayList<Bindings> bindings = new ArrayList<>(out.size());
        for (String n : out) {
            int sym = parent.scope.symbolId(n);
            if (sym >= 0 && !syms.contains(sym)) {
                syms.add(sym);
                Bindings b = sym < done.enclosingAtEntry.length ? done.enclosingAtEntry[sym] : null;
                bindings.add(b == null ? done.enclosingUnsetAtEntry : b);
            }
        }
        s.snapshotSymbols = syms.toArray();
        s.snapshotBindings = bindings.toArray(new Bindings[0]);
    }

    // ---------------------------------------------------------------- symbol flags (CPython's add_def)

    private String mangle(String name) {
        if (privateName == null || !name.startsWith("__") || name.endsWith("__") || name.indexOf('.') >= 0) {
            return name;
        }
        int i = 0;
        while (i < privateName.length() && privateName.charAt(i) == '_') {
            i++;
        }
        if (i == privateName.length()) {
            return name;
        }
        return "_" + privateName.substring(i) + name;
    }

    private int addDef(String name, int flag, Located at) {
        return addDef(cur, mangle(name), flag, at);
    }

    private int addDef(State st, String mangled, int flag, Located at) {
        Scope s = st.scope;
        int sym = s.symbol(mangled);
        int val = s.flags.get(sym);
        if ((flag & SymbolFlags.PARAMETER) != 0 && (val & SymbolFlags.PARAMETER) != 0) {
            error("duplicate argument '" + mangled + "' in function definition", at);
        }
        val |= flag;
        if (st.compIterTarget) {
            if ((val & (SymbolFlags.GLOBAL | SymbolFlags.NONLOCAL)) != 0) {
                error(INNER_LOOP_CONFLICT.formatted(mangled), at);
            }
            val |= SymbolFlags.COMPREHENSION_ITER;
        }
        s.flags.set(sym, val);
        if ((flag & SymbolFlags.PARAMETER) == 0 && (flag & SymbolFlags.GLOBAL) != 0) {
            // CPython records every global declaration in the module's table too.
            Scope top = scopes.get(0);
            int g = top.symbol(mangled);
            top.flags.set(g, top.flags.get(g) | flag);
        }
        return sym;
    }

    private int lookupFlags(String name) {
        int sym = cur.scope.symbolId(mangle(name));
        return sym < 0 ? 0 : cur.scope.flags.get(sym);
    }

    private void error(String message, Located at) {
        errors.add(new SemanticError(message, at.lineno(), at.colOffset() + 1, at.startOffset()));
    }

    // ---------------------------------------------------------------- definitions and uses

    /** Defines a symbol ({@code sym >= 0}), a member place ({@link #placeRef}), or a star import ({@code -1}). */
    private int define(State st, int sym, DefinitionKind kind, Node node, Node statement) {
        int id = definitions.size();
        FlowState flow = st.flow;
        boolean reachable = flow.reachable;
        int place = sym <= -2 ? -2 - sym : -1;
        definitions.add(new Definition(id, st.scope.id, sym <= -2 ? -1 : sym, place, kind, node, statement,
                reachable, reachable ? flow.reach : Reachability.ALWAYS_FALSE));
        if (sym == -1) {
            if (kind == DefinitionKind.STAR_IMPORT && reachable) {
                starImport(flow, id);
            }
            return id;
        }
        // One immutable Bindings serves a definition that both declares and binds.
        Bindings mine = reachable ? Bindings.of(id) : null;
        if (reachable && place < 0 && declares(kind, node)) {
            flow.declare(sym, mine);
        }
        if (!kind.flows()) {
            return id;
        }
        if (reachable) {
            if (place >= 0) {
                flow.setPlace(place, mine);
                forgetLongerPaths(st.scope, flow, -1, place);
            } else {
                Bindings declared = flow.declarations(sym);
                if (!declared.isUnboundOnly()) {
                    if (id >= declarationsAtBinding.length) {
                        declarationsAtBinding = java.util.Arrays.copyOf(declarationsAtBinding, id * 2);
                    }
                    declarationsAtBinding[id] = declared;
                }
                flow.set(sym, mine);
                forgetLongerPaths(st.scope, flow, sym, -1);
            }
        }
        ArrayList<TryFrame> tries = st.tries;
        if (tries != null) {
            for (int i = 0, n = tries.size(); i < n; i++) {
                tries.get(i).symbols.add(sym);
                tries.get(i).defs.add(id);
            }
        }
        if (testSymbols != null && testState == st) {
            testSymbols.add(sym);
        }
        return id;
    }

    /** Declarations give a symbol its declared type: annotations, and the statements that are their own declaration. */
    static boolean declares(DefinitionKind kind, Node node) {
        return switch (kind) {
            case DECLARATION, ANNOTATED_ASSIGNMENT, FUNCTION, CLASS, IMPORT, IMPORT_FROM, TYPE_ALIAS, TYPE_PARAMETER -> true;
            case PARAMETER, VARIADIC_PARAMETER, KEYWORD_VARIADIC_PARAMETER -> node instanceof Arg a && a.annotation() != null;
            default -> false;
        };
    }

    /**
     * {@code from m import *} may bind any name, the module's {@code __all__} deciding later which:
     * every symbol keeps what it had and gains the import as a possible binding, and so does every
     * symbol first met after it (the state's {@code unset}).
     */
    private void starImport(FlowState flow, int id) {
        Bindings star = Bindings.of(id);
        int r = Reachability.ALWAYS_TRUE;
        for (int i = 0; i < flow.symbols.length; i++) {
            flow.set(i, Bindings.merge(flow.get(i), r, star, r, dag));
        }
        flow.unset = Bindings.merge(flow.unset, r, star, r, dag);
    }

    /** Rebinding a name or a place forgets what was known of the places it starts ({@code self.x} after {@code self = ...}). */
    private static void forgetLongerPaths(Scope scope, FlowState flow, int rootSymbol, int prefixPlace) {
        if (flow.places.length == 0 || (rootSymbol >= 0 ? !scope.rootsPlaces(rootSymbol) : !scope.prefixesPlaces(prefixPlace))) {
            return;
        }
        for (int i = 0; i < flow.places.length; i++) {
            if (flow.places[i] == null || flow.places[i] == Bindings.UNBOUND) {
                continue;
            }
            Place p = scope.places.get(i);
            boolean longer = rootSymbol >= 0 ? p.rootSymbol() == rootSymbol : startsWith(scope, p, prefixPlace);
            if (longer) {
                flow.setPlace(i, Bindings.UNBOUND);
            }
        }
    }

    private static boolean startsWith(Scope scope, Place p, int prefix) {
        for (int q = p.parent(); q >= 0; q = scope.places.get(q).parent()) {
            if (q == prefix) {
                return true;
            }
        }
        return false;
    }

    private void use(State st, int sym, Name node) {
        FlowState flow = st.flow;
        boolean reachable = flow.reachable;
        int u = uses.add(st.scope.id, sym, node, reachable, reachable ? flow.get(sym) : Bindings.UNBOUND,
                reachable ? flow.reach : Reachability.ALWAYS_FALSE);
        if (reachable && sym < flow.declarations.length && flow.declarations[sym] != null) {
            uses.declarations[u] = flow.declarations[sym];
        }
        if (testSymbols != null && testState == st) {
            testSymbols.add(sym);
        }
    }

    /** Places share the int of a symbol id in pending bindings, tests and try frames: -2, -3, ... (-1 is a star import). */
    private static int placeRef(int place) {
        return -2 - place;
    }

    /**
     * Records a read of a member place. A place is created by its first assignment or test: reads
     * before that (in this scope's walk) are left to attribute lookup, which is what they would
     * read anyway, except for an assignment later in a loop body reaching them by the back edge.
     */
    private void usePlace(Expr node) {
        int place = placeOf(node, testSymbols != null);
        if (place < 0) {
            return;
        }
        FlowState flow = cur.flow;
        boolean reachable = flow.reachable;
        placeUses.add(cur.scope.id, place, node, reachable, reachable ? flow.place(place) : Bindings.UNBOUND,
                reachable ? flow.reach : Reachability.ALWAYS_FALSE);
        if (testSymbols != null && testState == cur) {
            testSymbols.add(placeRef(place));
        }
    }

    /**
     * The place an attribute or literal-subscript path denotes in the current scope, or -1 when the
     * expression is not such a path (a call or a computed index on the way) or, unless
     * {@code create}, when the scope has not met it yet.
     */
    private int placeOf(Expr e, boolean create) {
        if (!create && cur.scope.places == null) {
            return -1;  // the common case: attribute reads in a scope that assigns and tests none
        }
        switch (e) {
            case Attribute a -> {
                if (a.attr().isEmpty()) {
                    return -1;  // a placeholder left by error recovery
                }
                return place(a.value(), Place.SegmentKind.ATTRIBUTE, mangle(a.attr()), create);
            }
            case Subscript sub -> {
                if (sub.slice() instanceof Constant c && c.value() instanceof ConstantValue.Str str) {
                    return place(sub.value(), Place.SegmentKind.STR_SUBSCRIPT, str.value(), create);
                }
                String key = intKey(sub.slice());
                return key == null ? -1 : place(sub.value(), Place.SegmentKind.INT_SUBSCRIPT, key, create);
            }
            default -> {
                return -1;
            }
        }
    }

    /** The place of {@code prefix} followed by one segment; -1 when the prefix is no path (or unknown, unless creating). */
    private int place(Expr prefix, Place.SegmentKind kind, String segment, boolean create) {
        Scope s = cur.scope;
        int prefixRef;
        int root;
        if (prefix instanceof Name n) {
            root = s.symbolId(mangle(n.id()));
            if (root < 0) {
                return -1;
            }
            prefixRef = ~root;
        } else {
            prefixRef = placeOf(prefix, create);
            if (prefixRef < 0) {
                return -1;
            }
            root = s.places.get(prefixRef).rootSymbol();
        }
        Scope.PlaceKey key = new Scope.PlaceKey(prefixRef, kind, segment);
        int found = s.findPlace(key);
        if (found >= 0 || !create) {
            return found;
        }
        String head = prefixRef < 0 ? s.symbolName(root) : s.places.get(prefixRef).text();
        String written = switch (kind) {
            case ATTRIBUTE -> "." + segment;
            case STR_SUBSCRIPT -> "[" + quoted(segment) + "]";
            case INT_SUBSCRIPT -> "[" + segment + "]";
        };
        return s.intern(key, root, head + written);
    }

    /** A string key as ty writes it: in double quotes, or Python's repr when it holds a quote, a backslash or a control character. */
    private static String quoted(String key) {
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch == '"' || ch == '\\' || ch < 0x20 || ch == 0x7f) {
                return dev.typhon.ast.dump.PyRepr.str(key);
            }
        }
        return '"' + key + '"';
    }

    private static String intKey(Expr slice) {
        if (slice instanceof Constant c && c.value() instanceof ConstantValue.Int i) {
            return i.value().toString();
        }
        if (slice instanceof UnaryOp u && u.op() == UnaryOperator.USub && u.operand() instanceof Constant c
                && c.value() instanceof ConstantValue.Int i) {
            return "-" + i.value();
        }
        return null;
    }

    /** Binds a name target now, or after the value when a statement's targets are pending. */
    private void bindTarget(int sym, Node node) {
        if (pending != null) {
            pending.add(new Pending(cur, sym, node, targetKind, targetStatement));
        } else {
            define(cur, sym, targetKind, node, targetStatement == null ? node : targetStatement);
        }
    }

    private void flushPending(ArrayList<Pending> list) {
        for (Pending p : list) {
            define(p.state, p.symbol, p.kind, p.node, p.statement == null ? p.node : p.statement);
        }
    }

    /** Visits assignment targets with their bindings held back; returns them for {@link #flushPending}. */
    private ArrayList<Pending> visitTargets(List<? extends Expr> targets, DefinitionKind kind, Node statement) {
        ArrayList<Pending> saved = pending;
        DefinitionKind savedKind = targetKind;
        Node savedStatement = targetStatement;
        ArrayList<Pending> list = new ArrayList<>(2);
        pending = list;
        targetKind = kind;
        targetStatement = statement;
        for (Expr t : targets) {
            visitExpr(t);
        }
        pending = saved;
        targetKind = savedKind;
        targetStatement = savedStatement;
        return list;
    }

    private void visitBoundTarget(Expr target, DefinitionKind kind, Node statement) {
        DefinitionKind savedKind = targetKind;
        Node savedStatement = targetStatement;
        ArrayList<Pending> saved = pending;
        pending = null;
        targetKind = kind;
        targetStatement = statement;
        visitExpr(target);
        pending = saved;
        targetKind = savedKind;
        targetStatement = savedStatement;
    }

    // ---------------------------------------------------------------- narrowing

    private IntArrayList collectTest(Expr test) {
        IntArrayList savedSymbols = testSymbols;
        State savedState = testState;
        IntArrayList mine = new IntArrayList(4);
        testSymbols = mine;
        testState = cur;
        visitExpr(test);
        testSymbols = savedSymbols;
        testState = savedState;
        if (savedSymbols != null && savedState == cur) {
            savedSymbols.addAll(mine);
        }
        return mine;
    }

    private int newConstraint(ConstraintKind kind, Node test, Expr subject) {
        constraints.add(new Constraint(kind, test, subject, true));
        return constraints.size() - 1;
    }

    /** Narrows, on one path, every symbol and place the test mentions; the path's reachability takes the predicate too. */
    private void constrain(FlowState state, IntArrayList syms, int constraint, boolean positive) {
        if (constraint < 0 || !state.reachable) {
            return;
        }
        state.reach = dag.and(state.reach, dag.atom(constraint, positive));
        int signed = constraint * 2 + (positive ? 0 : 1);
        for (int i = 0; i < syms.size(); i++) {
            int sym = syms.get(i);
            boolean seen = false;
            for (int j = 0; j < i; j++) {
                if (syms.get(j) == sym) {
                    seen = true;
                    break;
                }
            }
            if (seen) {
                continue;
            }
            if (sym >= 0) {
                state.set(sym, state.get(sym).constrain(signed));
            } else {
                int place = -2 - sym;
                state.setPlace(place, state.place(place).constrain(signed));
            }
        }
    }

    // ---------------------------------------------------------------- statements

    private void visitBody(List<Stmt> body) {
        // Indexed loops: the tree's lists are random-access, and an iterator per list adds up.
        for (int i = 0, n = body.size(); i < n; i++) {
            visitStmt(body.get(i));
        }
    }

    private void visitStmt(Stmt s) {
        switch (s) {
            case ExprStmt e -> {
                visitExpr(e.value());
                // A call made for its effect may never return (sys.exit(), assert_never(), a NoReturn function).
                Expr v = e.value() instanceof Await aw ? aw.value() : e.value();
                if (v instanceof Call call && cur.flow.reachable) {
                    int c = newConstraint(ConstraintKind.CALL_RETURNS, call, null);
                    cur.flow.reach = dag.and(cur.flow.reach, dag.atom(c, true));
                }
            }
            case Assign a -> {
                ArrayList<Pending> bound = visitTargets(a.targets(), DefinitionKind.ASSIGNMENT, a);
                visitExpr(a.value());
                flushPending(bound);
            }
            case If i -> ifStmt(i);
            case FunctionDef f -> functionDef(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams());
            case AsyncFunctionDef f -> functionDef(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams());
            case ClassDef c -> classDef(c);
            case Return r -> {
                if (r.value() != null) {
                    visitExpr(r.value());
                }
                cur.flow = FlowState.unreachable();
            }
            case Delete d -> {
                DefinitionKind saved = targetKind;
                Node savedStatement = targetStatement;
                targetKind = DefinitionKind.DELETE;
                targetStatement = d;
                for (Expr t : d.targets()) {
                    visitExpr(t);
                }
                targetKind = saved;
                targetStatement = savedStatement;
            }
            case AnnAssign a -> annAssign(a);
            case AugAssign a -> {
                if (a.target() instanceof Name n) {
                    int sym = addDef(n.id(), SymbolFlags.ASSIGNED, n);
                    // `x += 1` reads x first; CPython's flags do not count that as a use.
                    use(cur, sym, n);
                    visitExpr(a.value());
                    define(cur, sym, DefinitionKind.AUGMENTED_ASSIGNMENT, n, a);
                } else {
                    // `self.x += 1` reads the place, then binds it once the value is evaluated.
                    visitTargetOperands(a.target());
                    usePlace(a.target());
                    visitExpr(a.value());
                    int place = placeOf(a.target(), true);
                    if (place >= 0) {
                        define(cur, placeRef(place), DefinitionKind.AUGMENTED_ASSIGNMENT, a.target(), a);
                    }
                }
            }
            case TypeAlias t -> typeAlias(t);
            case For f -> forLoop(f, f.target(), f.iter(), f.body(), f.orelse());
            case AsyncFor f -> forLoop(f, f.target(), f.iter(), f.body(), f.orelse());
            case While w -> whileLoop(w);
            case With w -> withStmt(w, w.items(), w.body());
            case AsyncWith w -> withStmt(w, w.items(), w.body());
            case Match m -> match(m);
            case Raise r -> {
                if (r.exc() != null) {
                    visitExpr(r.exc());
                    if (r.cause() != null) {
                        visitExpr(r.cause());
                    }
                }
                cur.flow = FlowState.unreachable();
            }
            case Try t -> tryStmt(t.body(), t.handlers(), t.orelse(), t.finalbody());
            case TryStar t -> tryStmt(t.body(), t.handlers(), t.orelse(), t.finalbody());
            case Assert a -> {
                FlowState failed = branch(a.test());
                int truth = statics.evaluate(a.test());
                if (a.msg() != null) {
                    FlowState passed = cur.flow;
                    cur.flow = failed;
                    visitExpr(a.msg());
                    cur.flow = passed;
                }
                if (truth == StaticTruth.FALSE) {
                    cur.flow = FlowState.unreachable();
                }
            }
            case Import i -> {
                for (Alias a : i.names()) {
                    alias(a, DefinitionKind.IMPORT, i);
                }
            }
            case ImportFrom i -> {
                for (Alias a : i.names()) {
                    alias(a, DefinitionKind.IMPORT_FROM, i);
                }
            }
            case Global g -> declare(g, g.names(), true);
            case Nonlocal n -> declare(n, n.names(), false);
            case Pass p -> {
            }
            case Break b -> {
                if (cur.loops != null && !cur.loops.isEmpty()) {
                    cur.loops.get(cur.loops.size() - 1).breaks.add(cur.flow);
                }
                cur.flow = FlowState.unreachable();
            }
            case Continue c -> {
                if (cur.loops != null && !cur.loops.isEmpty()) {
                    cur.loops.get(cur.loops.size() - 1).continues.add(cur.flow);
                }
                cur.flow = FlowState.unreachable();
            }
        }
    }

    private void functionDef(Stmt node, String name, Arguments args, List<Stmt> body, List<Expr> decorators,
                             Expr returns, List<TypeParam> typeParams) {
        // Error recovery may keep a `def` whose name was not typed yet: its body is still indexed.
        int sym = Placeholders.isMissing(name) ? -1 : addDef(name, SymbolFlags.ASSIGNED, node);
        visitDefaults(args);
        State outer = cur;
        boolean generic = !typeParams.isEmpty();
        if (generic) {
            for (Expr d : decorators) {
                visitExpr(d);
            }
            enterScope(ScopeKind.TYPE_PARAMETERS, name, node.lineno(), node.startOffset(), node.endOffset(), true);
            visitTypeParams(typeParams);
        }
        visitAnnotations(node, args, returns);
        if (!generic) {
            for (Expr d : decorators) {
                visitExpr(d);
            }
        }
        State fn = enterScope(ScopeKind.FUNCTION, name, node.lineno(), node.startOffset(), node.endOffset(), true);
        addHoles(fn.scope, args, decorators, returns);
        visitParameters(args);
        visitBody(body);
        exitScope();
        if (generic) {
            exitScope();
        }
        if (sym >= 0) {
            define(outer, sym, DefinitionKind.FUNCTION, node, node);
        }
    }

    private static void addHoles(Scope s, Arguments args, List<Expr> decorators, Expr returns) {
        for (Expr d : decorators) {
            s.addHole(d.startOffset(), d.endOffset());
        }
        for (Expr d : args.defaults()) {
            s.addHole(d.startOffset(), d.endOffset());
        }
        for (Expr d : args.kwDefaults()) {
            if (d != null) {
                s.addHole(d.startOffset(), d.endOffset());
            }
        }
        if (returns != null) {
            s.addHole(returns.startOffset(), returns.endOffset());
        }
        forEachArg(args, a -> {
            if (a.annotation() != null) {
                s.addHole(a.annotation().startOffset(), a.annotation().endOffset());
            }
        });
    }

    private static void forEachArg(Arguments args, java.util.function.Consumer<Arg> action) {
        args.posonlyargs().forEach(action);
        args.args().forEach(action);
        if (args.vararg() != null) {
            action.accept(args.vararg());
        }
        args.kwonlyargs().forEach(action);
        if (args.kwarg() != null) {
            action.accept(args.kwarg());
        }
    }

    private void visitDefaults(Arguments args) {
        for (Expr d : args.defaults()) {
            visitExpr(d);
        }
        for (Expr d : args.kwDefaults()) {
            if (d != null) {
                visitExpr(d);
            }
        }
    }

    /** CPython's order: positional-only, positional, *args, **kwargs, keyword-only; then the return annotation. */
    private void visitAnnotations(Stmt node, Arguments args, Expr returns) {
        boolean hidden = deferAnnotations;
        if (hidden) {
            enterScope(ScopeKind.ANNOTATION, "_annotation", node.lineno(), node.startOffset(), node.endOffset(), false);
        }
        for (Arg a : args.posonlyargs()) {
            annotation(a.annotation());
        }
        for (Arg a : args.args()) {
            annotation(a.annotation());
        }
        if (args.vararg() != null) {
            annotation(args.vararg().annotation());
        }
        if (args.kwarg() != null) {
            annotation(args.kwarg().annotation());
        }
        for (Arg a : args.kwonlyargs()) {
            annotation(a.annotation());
        }
        if (hidden) {
            exitScope();
        }
        if (returns != null) {
            visitAnnotation(returns);
        }
    }

    private void annotation(Expr e) {
        if (e != null) {
            visitExpr(e);
        }
    }

    private void visitAnnotation(Expr annotation) {
        if (deferAnnotations) {
            enterScope(ScopeKind.ANNOTATION, "_annotation", annotation.lineno(), annotation.startOffset(),
                    annotation.endOffset(), false);
            visitExpr(annotation);
            exitScope();
        } else {
            visitExpr(annotation);
        }
    }

    private void visitParameters(Arguments args) {
        parameters(args.posonlyargs());
        parameters(args.args());
        parameters(args.kwonlyargs());
        if (args.vararg() != null) {
            parameter(args.vararg(), DefinitionKind.VARIADIC_PARAMETER);
        }
        if (args.kwarg() != null) {
            parameter(args.kwarg(), DefinitionKind.KEYWORD_VARIADIC_PARAMETER);
        }
    }

    private void parameters(List<Arg> list) {
        for (int i = 0, n = list.size(); i < n; i++) {
            parameter(list.get(i), DefinitionKind.PARAMETER);
        }
    }

    private void parameter(Arg a, DefinitionKind kind) {
        if (Placeholders.isMissing(a.arg())) {
            return;
        }
        int sym = addDef(a.arg(), SymbolFlags.PARAMETER, a);
        define(cur, sym, kind, a, a);
    }

    private void classDef(ClassDef c) {
        int sym = Placeholders.isMissing(c.name()) ? -1 : addDef(c.name(), SymbolFlags.ASSIGNED, c);
        State outer = cur;
        boolean generic = !c.typeParams().isEmpty();
        if (generic) {
            for (Expr d : c.decoratorList()) {
                visitExpr(d);
            }
            enterScope(ScopeKind.TYPE_PARAMETERS, c.name(), c.lineno(), c.startOffset(), c.endOffset(), true);
            visitTypeParams(c.typeParams());
        }
        for (Expr b : c.bases()) {
            visitExpr(b);
        }
        for (Keyword k : c.keywords()) {
            visitExpr(k.value());
        }
        if (!generic) {
            for (Expr d : c.decoratorList()) {
                visitExpr(d);
            }
        }
        State cls = enterScope(ScopeKind.CLASS, c.name(), c.lineno(), c.startOffset(), c.endOffset(), true);
        for (Expr d : c.decoratorList()) {
            cls.scope.addHole(d.startOffset(), d.endOffset());
        }
        for (Expr b : c.bases()) {
            cls.scope.addHole(b.startOffset(), b.endOffset());
        }
        for (Keyword k : c.keywords()) {
            cls.scope.addHole(k.startOffset(), k.endOffset());
        }
        String savedPrivate = privateName;
        privateName = c.name();
        visitBody(c.body());
        privateName = savedPrivate;
        exitScope();
        if (generic) {
            exitScope();
        }
        if (sym >= 0) {
            define(outer, sym, DefinitionKind.CLASS, c, c);
        }
    }

    private void visitTypeParams(List<TypeParam> params) {
        for (TypeParam p : params) {
            String name = switch (p) {
                case TypeVar v -> v.name();
                case ParamSpec v -> v.name();
                case TypeVarTuple v -> v.name();
            };
            int sym = addDef(name, SymbolFlags.ASSIGNED, p);
            define(cur, sym, DefinitionKind.TYPE_PARAMETER, p, p);
            switch (p) {
                case TypeVar v -> {
                    if (v.bound() != null) {
                        visitExpr(v.bound());
                    }
                    if (v.defaultValue() != null) {
                        visitExpr(v.defaultValue());
                    }
                }
                case ParamSpec v -> {
                    if (v.defaultValue() != null) {
                        visitExpr(v.defaultValue());
                    }
                }
                case TypeVarTuple v -> {
                    if (v.defaultValue() != null) {
                        visitExpr(v.defaultValue());
                    }
                }
            }
        }
    }

    private void typeAlias(TypeAlias t) {
        int sym = -1;
        String name = null;
        if (t.name() instanceof Name n) {
            name = n.id();
            sym = addDef(n.id(), SymbolFlags.ASSIGNED, n);
        } else {
            visitExpr(t.name());
        }
        State outer = cur;
        boolean generic = !t.typeParams().isEmpty();
        String scopeName = name == null ? "type" : name;
        if (generic) {
            enterScope(ScopeKind.TYPE_PARAMETERS, scopeName, t.lineno(), t.startOffset(), t.endOffset(), true);
            visitTypeParams(t.typeParams());
        }
        enterScope(ScopeKind.TYPE_ALIAS, scopeName, t.lineno(), t.value().startOffset(), t.value().endOffset(), true);
        visitExpr(t.value());
        exitScope();
        if (generic) {
            exitScope();
        }
        if (sym >= 0) {
            define(outer, sym, DefinitionKind.TYPE_ALIAS, t.name(), t);
        }
    }

    private void annAssign(AnnAssign a) {
        if (a.target() instanceof Name n) {
            int cur0 = lookupFlags(n.id());
            if ((cur0 & (SymbolFlags.GLOBAL | SymbolFlags.NONLOCAL)) != 0 && cur.scope.id != 0 && a.simple() != 0) {
                error(((cur0 & SymbolFlags.GLOBAL) != 0 ? "annotated name '%s' can't be global"
                        : "annotated name '%s' can't be nonlocal").formatted(n.id()), a);
            }
            // `(x): int` (not simple) without a value neither binds nor declares x.
            int sym = -1;
            if (a.simple() != 0) {
                sym = addDef(n.id(), SymbolFlags.DECLARED | SymbolFlags.ASSIGNED, n);
            } else if (a.value() != null) {
                sym = addDef(n.id(), SymbolFlags.ASSIGNED, n);
            }
            visitAnnotation(a.annotation());
            if (a.value() != null) {
                visitExpr(a.value());
                define(cur, sym, DefinitionKind.ANNOTATED_ASSIGNMENT, n, a);
            } else if (sym >= 0) {
                define(cur, sym, DefinitionKind.DECLARATION, n, a);
            }
        } else {
            // `self.x: int = v` binds the place after the value; without a value it binds nothing.
            ArrayList<Pending> bound = visitTargets(List.of(a.target()), DefinitionKind.ANNOTATED_ASSIGNMENT, a);
            visitAnnotation(a.annotation());
            if (a.value() != null) {
                visitExpr(a.value());
                flushPending(bound);
            }
        }
    }

    private void alias(Alias a, DefinitionKind kind, Stmt statement) {
        String name = a.asname() != null ? a.asname() : a.name();
        if (name.equals("*")) {
            if (cur.kind != ScopeKind.MODULE) {
                error("import * only allowed at module level", a);
            }
            define(cur, -1, DefinitionKind.STAR_IMPORT, a, statement);
            return;
        }
        int dot = name.indexOf('.');
        String stored = dot >= 0 ? name.substring(0, dot) : name;
        if (Placeholders.isMissing(stored)) {
            return;  // `import a as` cut by an edit: nothing bound yet
        }
        int sym = addDef(stored, SymbolFlags.IMPORTED, a);
        define(cur, sym, kind, a, statement);
    }

    private void declare(Stmt s, List<String> names, boolean global) {
        for (String name : names) {
            int flags = lookupFlags(name);
            if ((flags & (SymbolFlags.PARAMETER | SymbolFlags.ASSIGNED | SymbolFlags.USED | SymbolFlags.DECLARED)) != 0) {
                String what = global ? "global" : "nonlocal";
                String msg;
                if ((flags & SymbolFlags.PARAMETER) != 0) {
                    msg = "name '%s' is parameter and " + what;
                } else if ((flags & SymbolFlags.USED) != 0) {
                    msg = "name '%s' is used prior to " + what + " declaration";
                } else if ((flags & SymbolFlags.DECLARED) != 0) {
                    msg = "annotated name '%s' can't be " + what;
                } else {
                    msg = "name '%s' is assigned to before " + what + " declaration";
                }
                error(msg.formatted(name), s);
            }
            addDef(name, global ? SymbolFlags.GLOBAL : SymbolFlags.NONLOCAL, s);
            directives.add(new Directive(cur.scope.id, mangle(name), s.lineno(), s.colOffset() + 1, s.startOffset()));
        }
    }

    private void ifStmt(If i) {
        FlowState elseState = branch(i.test());
        FlowState thenState = cur.flow;
        int truth = statics.evaluate(i.test());
        if (truth == StaticTruth.FALSE) {
            thenState = FlowState.unreachable();
        } else if (truth == StaticTruth.TRUE) {
            elseState = FlowState.unreachable();
        }
        cur.flow = thenState;
        visitBody(i.body());
        FlowState afterThen = cur.flow;
        cur.flow = elseState;
        visitBody(i.orelse());
        cur.flow.mergeFrom(afterThen, dag);
    }

    private Loop pushLoop() {
        if (cur.loops == null) {
            cur.loops = new ArrayList<>(2);
        }
        Loop loop = new Loop();
        cur.loops.add(loop);
        return loop;
    }

    private void whileLoop(While w) {
        Loop loop = pushLoop();
        int firstDef = definitions.size();
        int firstUse = uses.size;
        int firstPlaceUse = placeUses.size;
        FlowState exit = branch(w.test());
        int truth = statics.evaluate(w.test());
        if (truth == StaticTruth.FALSE) {
            cur.flow = FlowState.unreachable();
        }
        visitBody(w.body());
        FlowState back = cur.flow;
        for (FlowState s : loop.continues) {
            back.mergeFrom(s, dag);
        }
        closeLoop(loop, firstUse, firstPlaceUse, firstDef, back);
        if (truth == StaticTruth.TRUE) {
            exit = FlowState.unreachable();
        } else {
            exit.mergeFrom(back, dag);
        }
        cur.flow = exit;
        visitBody(w.orelse());
        for (FlowState s : loop.breaks) {
            cur.flow.mergeFrom(s, dag);
        }
    }

    private void forLoop(Stmt node, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse) {
        ArrayList<Pending> bound = visitTargets(List.of(target), DefinitionKind.FOR_TARGET, node);
        visitExpr(iter);
        Loop loop = pushLoop();
        int firstDef = definitions.size();
        int firstUse = uses.size;
        int firstPlaceUse = placeUses.size;
        FlowState exit = cur.flow;
        cur.flow = exit.copy();
        flushPending(bound);
        visitBody(body);
        FlowState back = cur.flow;
        for (FlowState s : loop.continues) {
            back.mergeFrom(s, dag);
        }
        closeLoop(loop, firstUse, firstPlaceUse, firstDef, back);
        exit.mergeFrom(back, dag);
        cur.flow = exit;
        visitBody(orelse);
        for (FlowState s : loop.breaks) {
            cur.flow.mergeFrom(s, dag);
        }
    }

    /**
     * Ends a loop: what the body defines reaches, along the back edge, everything captured in the
     * body while it still saw the loop header: its uses, the states saved at {@code break}, and the
     * snapshots of eager scopes run in it. One walk and a fix-up, instead of walking the body twice.
     */
    private void closeLoop(Loop loop, int firstUse, int firstPlaceUse, int firstDef, FlowState back) {
        cur.loops.remove(cur.loops.size() - 1);
        if (back.reachable) {
            fixLoopUses(uses, firstUse, firstDef, back, false);
            fixLoopUses(placeUses, firstPlaceUse, firstDef, back, true);
            for (FlowState b : loop.breaks) {
                if (!b.reachable) {
                    continue;
                }
                int n = Math.max(b.symbols.length, back.symbols.length);
                for (int i = 0; i < n; i++) {
                    Bindings fixed = withBackEdge(b.get(i), back.get(i), back.reach, firstDef);
                    if (fixed != b.get(i)) {
                        b.set(i, fixed);
                    }
                }
                int places = Math.max(b.places.length, back.places.length);
                for (int i = 0; i < places; i++) {
                    Bindings fixed = withBackEdge(b.place(i), back.place(i), back.reach, firstDef);
                    if (fixed != b.place(i)) {
                        b.setPlace(i, fixed);
                    }
                }
            }
            for (int k = 0; k < loop.eagerScopes.size(); k++) {
                Scope eager = scopes.get(loop.eagerScopes.get(k));
                if (eager.snapshotSymbols == null) {
                    continue;
                }
                for (int i = 0; i < eager.snapshotSymbols.length; i++) {
                    eager.snapshotBindings[i] = withBackEdge(eager.snapshotBindings[i], back.get(eager.snapshotSymbols[i]),
                            back.reach, firstDef);
                }
            }
        }
        if (!cur.loops.isEmpty()) {
            cur.loops.get(cur.loops.size() - 1).eagerScopes.addAll(loop.eagerScopes);
        }
    }

    private void fixLoopUses(UseTable table, int firstUse, int firstDef, FlowState back, boolean places) {
        int scope = cur.scope.id;
        for (int u = firstUse; u < table.size; u++) {
            if (table.scopes[u] != scope) {
                continue;  // another scope's, or unreachable (complemented)
            }
            Bindings edge = places ? back.place(table.symbols[u]) : back.get(table.symbols[u]);
            table.bindings[u] = withBackEdge(table.bindings[u], edge, back.reach, firstDef);
        }
    }

    /**
     * Adds to bindings captured in a loop body the loop's own definitions that reach the end of
     * the body, when the captured bindings still see the loop header (a definition older than the
     * loop, or none at all); bindings made in this iteration already hide the header.
     */
    private Bindings withBackEdge(Bindings b, Bindings backEdge, int backReach, int firstDef) {
        if (!(b.mayBeUnbound || (b.defs.length > 0 && b.defs[0] < firstDef))) {
            return b;
        }
        int n = 0;
        for (int d : backEdge.defs) {
            if (d >= firstDef) {
                n++;
            }
        }
        if (n == 0) {
            return b;
        }
        int[] extra = new int[n];
        int[] reach = new int[n];
        n = 0;
        for (int k = 0; k < backEdge.defs.length; k++) {
            if (backEdge.defs[k] >= firstDef) {
                extra[n] = backEdge.defs[k];
                reach[n++] = dag.and(backEdge.reach[k], backReach);
            }
        }
        return b.plus(extra, reach, n, dag);
    }

    private void withStmt(Stmt node, List<WithItem> items, List<Stmt> body) {
        for (WithItem item : items) {
            visitExpr(item.contextExpr());
            if (item.optionalVars() != null) {
                visitBoundTarget(item.optionalVars(), DefinitionKind.WITH_TARGET, item);
            }
        }
        FlowState entry = cur.flow.copy();
        TryFrame frame = pushTry();
        visitBody(body);
        popTry();
        // A context manager whose __exit__ returns true swallows an exception from the body and
        // resumes after the block, with any body definition possibly the last: inference decides.
        if (entry.reachable) {
            addExceptionEdges(entry, frame);
            int c = newConstraint(ConstraintKind.WITH_SWALLOWS, node, null);
            entry.reach = dag.and(entry.reach, dag.atom(c, true));
            cur.flow.mergeFrom(entry, dag);
        }
    }

    private TryFrame pushTry() {
        if (cur.tries == null) {
            cur.tries = new ArrayList<>(2);
        }
        TryFrame frame = new TryFrame();
        cur.tries.add(frame);
        return frame;
    }

    private void popTry() {
        cur.tries.remove(cur.tries.size() - 1);
    }

    /** An exception may leave a block after any of its definitions: each joins the state the exception goes to. */
    private void addExceptionEdges(FlowState state, TryFrame frame) {
        if (!state.reachable) {
            return;
        }
        int[] one = new int[1];
        int[] reach = new int[1];
        for (int i = 0; i < frame.defs.size(); i++) {
            int sym = frame.symbols.get(i);
            Definition d = definitions.get(frame.defs.get(i));
            if (!d.reachable()) {
                continue;
            }
            one[0] = d.id();
            reach[0] = d.reachability();
            if (sym >= 0) {
                state.set(sym, state.get(sym).plus(one, reach, 1, dag));
            } else if (sym <= -2) {
                state.setPlace(-2 - sym, state.place(-2 - sym).plus(one, reach, 1, dag));
            }
        }
    }

    private void tryStmt(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody) {
        FlowState entry = cur.flow.copy();
        boolean hasFinally = !finalbody.isEmpty();
        // Before a finally: an exception (or a return) may leave the body, the else or a handler after any definition.
        TryFrame beforeFinally = hasFinally ? pushTry() : null;
        TryFrame frame = pushTry();
        visitBody(body);
        popTry();
        visitBody(orelse);
        FlowState result = cur.flow;
        FlowState handlerEntry = entry.copy();
        addExceptionEdges(handlerEntry, frame);
        for (ExceptHandler h : handlers) {
            cur.flow = handlerEntry.copy();
            if (h.type() != null) {
                visitExpr(h.type());
            }
            int sym = -1;
            if (h.name() != null && !Placeholders.isMissing(h.name())) {
                sym = addDef(h.name(), SymbolFlags.ASSIGNED, h);
                define(cur, sym, DefinitionKind.EXCEPT_HANDLER, h, h);
            }
            visitBody(h.body());
            if (sym >= 0) {
                define(cur, sym, DefinitionKind.EXCEPT_UNBIND, h, h);
            }
            result.mergeFrom(cur.flow, dag);
        }
        if (!hasFinally) {
            cur.flow = result;
            return;
        }
        popTry();
        // The finally block runs on normal and exceptional paths alike; only normal paths go on after it.
        FlowState exceptional = entry;
        addExceptionEdges(exceptional, beforeFinally);
        FlowState all = result.copy();
        all.mergeFrom(exceptional, dag);
        FlowState before = all.copy();
        cur.flow = all;
        visitBody(finalbody);
        FlowState after = cur.flow;
        if (!after.reachable || !result.reachable) {
            cur.flow = after.reachable ? result : FlowState.unreachable();
            return;
        }
        int n = Math.max(after.symbols.length, before.symbols.length);
        for (int i = 0; i < n; i++) {
            if (after.get(i) != before.get(i)) {
                result.set(i, after.get(i));
            }
        }
        int places = Math.max(after.places.length, before.places.length);
        for (int i = 0; i < places; i++) {
            if (after.place(i) != before.place(i)) {
                result.setPlace(i, after.place(i));
            }
        }
        cur.flow = result;
    }

    /**
     * Each case is tried on the paths where no earlier case matched: it carries the negation of
     * every earlier pattern, and where a guard failed, the earlier pattern matched (its captures
     * bound) with the guard false. The paths where no case matched go on after the statement,
     * under the negation of every pattern, for inference to find exhaustive.
     */
    private void match(Match m) {
        IntArrayList subjectSyms = collectTest(m.subject());
        FlowState next = cur.flow;
        FlowState result = FlowState.unreachable();
        for (MatchCase c : m.cases()) {
            int constraint = newConstraint(ConstraintKind.PATTERN, c, m.subject());
            FlowState failed = next.copy();
            constrain(failed, subjectSyms, constraint, false);
            cur.flow = next;
            constrain(cur.flow, subjectSyms, constraint, true);
            visitPattern(c.pattern(), c);
            if (c.guard() != null) {
                failed.mergeFrom(branch(c.guard()), dag);
            }
            visitBody(c.body());
            result.mergeFrom(cur.flow, dag);
            next = c.guard() == null && irrefutable(c.pattern()) ? FlowState.unreachable() : failed;
        }
        result.mergeFrom(next, dag);
        cur.flow = result;
    }

    /** Patterns that match whatever the subject: a capture, the wildcard, or an or-pattern with one of them. */
    private static boolean irrefutable(Pattern p) {
        return switch (p) {
            case MatchAs a -> a.pattern() == null || irrefutable(a.pattern());
            case MatchOr o -> o.patterns().stream().anyMatch(SemanticIndexBuilder::irrefutable);
            default -> false;
        };
    }

    private void visitPattern(Pattern p, MatchCase c) {
        switch (p) {
            case MatchValue v -> visitExpr(v.value());
            case MatchSingleton s -> {
            }
            case MatchSequence s -> {
                for (Pattern q : s.patterns()) {
                    visitPattern(q, c);
                }
            }
            case MatchStar s -> {
                if (s.name() != null) {
                    int sym = addDef(s.name(), SymbolFlags.ASSIGNED, s);
                    define(cur, sym, DefinitionKind.MATCH_STAR, s, c);
                }
            }
            case MatchMapping mm -> {
                for (Expr k : mm.keys()) {
                    visitExpr(k);
                }
                for (Pattern q : mm.patterns()) {
                    visitPattern(q, c);
                }
                if (mm.rest() != null) {
                    int sym = addDef(mm.rest(), SymbolFlags.ASSIGNED, mm);
                    define(cur, sym, DefinitionKind.MATCH_MAPPING_REST, mm, c);
                }
            }
            case MatchClass mc -> {
                visitExpr(mc.cls());
                for (Pattern q : mc.patterns()) {
                    visitPattern(q, c);
                }
                for (Pattern q : mc.kwdPatterns()) {
                    visitPattern(q, c);
                }
            }
            case MatchAs a -> {
                if (a.pattern() != null) {
                    visitPattern(a.pattern(), c);
                }
                if (a.name() != null) {
                    int sym = addDef(a.name(), SymbolFlags.ASSIGNED, a);
                    define(cur, sym, DefinitionKind.MATCH_CAPTURE, a, c);
                }
            }
            case MatchOr o -> {
                // Each alternative binds the same names; any one of them may have matched.
                FlowState start = cur.flow;
                FlowState merged = FlowState.unreachable();
                for (Pattern q : o.patterns()) {
                    cur.flow = start.copy();
                    visitPattern(q, c);
                    merged.mergeFrom(cur.flow, dag);
                }
                cur.flow = o.patterns().isEmpty() ? start : merged;
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    private void visitExprs(List<? extends Expr> exprs) {
        for (int i = 0, n = exprs.size(); i < n; i++) {
            visitExpr(exprs.get(i));
        }
    }

    private void visitExpr(Expr e) {
        switch (e) {
            // Most frequent first: the type switch tests cases in order.
            case Name n -> name(n);
            case Attribute a -> {
                if (a.ctx() == ExprContext.Load) {
                    usePlace(a);
                    visitExpr(a.value());
                } else {
                    visitExpr(a.value());
                    placeTarget(a, a.ctx());
                }
            }
            case Constant c -> {
            }
            case Call c -> {
                visitExpr(c.func());
                visitExprs(c.args());
                List<Keyword> keywords = c.keywords();
                for (int i = 0, n = keywords.size(); i < n; i++) {
                    visitExpr(keywords.get(i).value());
                }
            }
            case Subscript s -> {
                if (s.ctx() == ExprContext.Load) {
                    usePlace(s);
                }
                visitExpr(s.value());
                visitExpr(s.slice());
                if (s.ctx() != ExprContext.Load) {
                    placeTarget(s, s.ctx());
                }
            }
            case NamedExpr n -> namedExpr(n);
            case BoolOp b -> boolOp(b);
            case BinOp b -> {
                visitExpr(b.left());
                visitExpr(b.right());
            }
            case UnaryOp u -> visitExpr(u.operand());
            case Lambda l -> lambda(l);
            case IfExp i -> {
                FlowState orelse = branch(i.test());
                visitExpr(i.body());
                FlowState afterBody = cur.flow;
                cur.flow = orelse;
                visitExpr(i.orelse());
                cur.flow.mergeFrom(afterBody, dag);
            }
            case Dict d -> {
                for (Expr k : d.keys()) {
                    if (k != null) {
                        visitExpr(k);
                    }
                }
                visitExprs(d.values());
            }
            case Set s -> visitExprs(s.elts());
            case ListComp c -> comprehension(c, ScopeKind.LIST_COMPREHENSION, "listcomp", c.generators(), c.elt(), null);
            case SetComp c -> comprehension(c, ScopeKind.SET_COMPREHENSION, "setcomp", c.generators(), c.elt(), null);
            case DictComp c -> comprehension(c, ScopeKind.DICT_COMPREHENSION, "dictcomp", c.generators(), c.key(), c.value());
            case GeneratorExp c -> comprehension(c, ScopeKind.GENERATOR_EXPRESSION, "genexpr", c.generators(), c.elt(), null);
            case Await a -> {
                annotationCheck("await expression", a);
                visitExpr(a.value());
            }
            case Yield y -> {
                annotationCheck("yield expression", y);
                if (y.value() != null) {
                    visitExpr(y.value());
                }
                comprehensionYieldCheck(y);
            }
            case YieldFrom y -> {
                annotationCheck("yield expression", y);
                visitExpr(y.value());
                comprehensionYieldCheck(y);
            }
            case Compare c -> {
                visitExpr(c.left());
                visitExprs(c.comparators());
            }
            case FormattedValue f -> {
                visitExpr(f.value());
                if (f.formatSpec() != null) {
                    visitExpr(f.formatSpec());
                }
            }
            case Interpolation f -> {
                visitExpr(f.value());
                if (f.formatSpec() != null) {
                    visitExpr(f.formatSpec());
                }
            }
            case JoinedStr j -> visitExprs(j.values());
            case TemplateStr t -> visitExprs(t.values());
            case Starred s -> visitExpr(s.value());
            case Slice s -> {
                if (s.lower() != null) {
                    visitExpr(s.lower());
                }
                if (s.upper() != null) {
                    visitExpr(s.upper());
                }
                if (s.step() != null) {
                    visitExpr(s.step());
                }
            }
            case dev.typhon.ast.List l -> visitExprs(l.elts());
            case Tuple t -> visitExprs(t.elts());
        }
    }

    private void name(Name n) {
        if (Placeholders.isMissing(n.id())) {
            return;  // what error recovery put where an expression is missing: neither read nor bound
        }
        switch (n.ctx()) {
            case Load -> {
                int sym = addDef(n.id(), SymbolFlags.USED, n);
                use(cur, sym, n);
                if (cur.kind.isFunctionLike() && cur.kind != ScopeKind.TYPE_PARAMETERS && cur.kind != ScopeKind.TYPE_ALIAS
                        && n.id().equals("super")) {
                    // super() reads the implicit __class__ cell.
                    addDef(cur, "__class__", SymbolFlags.USED, n);
                }
            }
            case Store -> {
                int sym = addDef(n.id(), SymbolFlags.ASSIGNED, n);
                bindTarget(sym, n);
            }
            case Del -> {
                int sym = addDef(n.id(), SymbolFlags.ASSIGNED, n);
                use(cur, sym, n);
                define(cur, sym, DefinitionKind.DELETE, n, targetStatement == null ? n : targetStatement);
            }
        }
    }

    /** An attribute or subscript assigned or deleted: binds (or unbinds) its place when it is one. */
    private void placeTarget(Expr target, ExprContext ctx) {
        int place = placeOf(target, true);
        if (place < 0) {
            return;
        }
        if (ctx == ExprContext.Del) {
            define(cur, placeRef(place), DefinitionKind.DELETE, target, targetStatement == null ? target : targetStatement);
        } else {
            bindTarget(placeRef(place), target);
        }
    }

    /** The reads an attribute or subscript target makes before it is stored to: its object, and its index. */
    private void visitTargetOperands(Expr target) {
        switch (target) {
            case Attribute a -> visitExpr(a.value());
            case Subscript s -> {
                visitExpr(s.value());
                visitExpr(s.slice());
            }
            default -> visitExpr(target);
        }
    }

    private void annotationCheck(String what, Expr e) {
        if (cur.kind == ScopeKind.ANNOTATION) {
            error("'" + what + "' can not be used within an annotation", e);
        }
    }

    private void comprehensionYieldCheck(Expr e) {
        String kind = switch (cur.kind) {
            case LIST_COMPREHENSION -> "list comprehension";
            case SET_COMPREHENSION -> "set comprehension";
            case DICT_COMPREHENSION -> "dict comprehension";
            case GENERATOR_EXPRESSION -> "generator expression";
            default -> null;
        };
        if (kind != null) {
            error("'yield' inside " + kind, e);
        }
    }

    private void boolOp(BoolOp b) {
        FlowState otherwise = branch(b);
        cur.flow.mergeFrom(otherwise, dag);
    }

    /**
     * Visits a test, leaving {@code cur.flow} as the state where it is true and returning the
     * state where it is false; {@code and} / {@code or} / {@code not} split into their operands,
     * so a walrus in a condition is bound exactly where the condition held. Each operand that is
     * not itself such an operator becomes a constraint on the names it mentions.
     */
    private FlowState branch(Expr test) {
        switch (test) {
            case BoolOp b when b.op() == BoolOperator.And -> {
                FlowState falses = FlowState.unreachable();
                for (Expr v : b.values()) {
                    falses.mergeFrom(branch(v), dag);
                }
                return falses;
            }
            case BoolOp b -> {
                FlowState trues = FlowState.unreachable();
                FlowState falseState = cur.flow;
                for (Expr v : b.values()) {
                    falseState = branch(v);
                    trues.mergeFrom(cur.flow, dag);
                    cur.flow = falseState;
                }
                cur.flow = trues;
                return falseState;
            }
            case UnaryOp u when u.op() == UnaryOperator.Not -> {
                FlowState falseState = branch(u.operand());
                FlowState trueState = cur.flow;
                cur.flow = falseState;
                return trueState;
            }
            default -> {
                IntArrayList syms = collectTest(test);
                int c = newConstraint(ConstraintKind.TEST, test, null);
                FlowState falseState = cur.flow.copy();
                constrain(falseState, syms, c, false);
                constrain(cur.flow, syms, c, true);
                return falseState;
            }
        }
    }

    private void lambda(Lambda l) {
        visitDefaults(l.args());
        State st = enterScope(ScopeKind.LAMBDA, "lambda", l.lineno(), l.startOffset(), l.endOffset(), true);
        addHoles(st.scope, l.args(), List.of(), null);
        visitParameters(l.args());
        visitExpr(l.body());
        exitScope();
    }

    private void comprehension(Expr e, ScopeKind kind, String name, List<Comprehension> generators, Expr elt, Expr value) {
        if (generators.isEmpty()) {
            // Only a recovered (erroneous) tree has no generator; index what is there, never fail.
            if (value != null) {
                visitExpr(value);
            }
            visitExpr(elt);
            return;
        }
        Comprehension outermost = generators.get(0);
        cur.compIterExpr++;
        visitExpr(outermost.iter());
        cur.compIterExpr--;
        State st = enterScope(kind, name, e.lineno(), e.startOffset(), e.endOffset(), true);
        st.scope.addHole(outermost.iter().startOffset(), outermost.iter().endOffset());
        // The outermost iterable arrives as the implicit parameter ".0".
        addDef(st, ".0", SymbolFlags.PARAMETER, e);
        st.compIterTarget = true;
        visitBoundTarget(outermost.target(), DefinitionKind.COMPREHENSION_TARGET, outermost);
        st.compIterTarget = false;
        comprehensionIfs(outermost);
        for (int i = 1; i < generators.size(); i++) {
            Comprehension g = generators.get(i);
            st.compIterTarget = true;
            ArrayList<Pending> bound = visitTargets(List.of(g.target()), DefinitionKind.COMPREHENSION_TARGET, g);
            st.compIterTarget = false;
            st.compIterExpr++;
            visitExpr(g.iter());
            st.compIterExpr--;
            flushPending(bound);
            comprehensionIfs(g);
        }
        if (value != null) {
            visitExpr(value);
        }
        visitExpr(elt);
        exitScope();
    }

    private void comprehensionIfs(Comprehension g) {
        for (Expr test : g.ifs()) {
            branch(test);
        }
    }

    private void namedExpr(NamedExpr n) {
        if (cur.compIterExpr > 0) {
            error("assignment expression cannot be used in a comprehension iterable expression", n);
        }
        annotationCheck("named expression", n);
        if (!(n.target() instanceof Name target)) {
            visitExpr(n.value());
            visitExpr(n.target());
            return;
        }
        State bindIn = cur;
        int bindSym = -1;
        if (cur.kind.isComprehension()) {
            // PEP 572: the target binds in the nearest enclosing non-comprehension scope.
            String id = target.id();
            for (int i = stack.size() - 1; i >= 0; i--) {
                State ste = stack.get(i);
                if (ste.kind.isComprehension()) {
                    int existing = ste.scope.symbolId(id);
                    if (existing >= 0 && (ste.scope.flags.get(existing) & SymbolFlags.COMPREHENSION_ITER) != 0) {
                        error("assignment expression cannot rebind comprehension iteration variable '" + id + "'", target);
                    }
                    continue;
                }
                if (ste.kind == ScopeKind.MODULE) {
                    addDef(id, SymbolFlags.GLOBAL, target);
                    directives.add(new Directive(cur.scope.id, mangle(id), target.lineno(), target.colOffset() + 1, target.startOffset()));
                    bindSym = addDef(ste, mangle(id), SymbolFlags.GLOBAL, target);
                    bindIn = ste;
                    break;
                }
                if (ste.kind.isFunctionLike()) {
                    int existing = ste.scope.symbolId(id);
                    boolean global = existing >= 0 && (ste.scope.flags.get(existing) & SymbolFlags.GLOBAL) != 0;
                    addDef(id, global ? SymbolFlags.GLOBAL : SymbolFlags.NONLOCAL, target);
                    directives.add(new Directive(cur.scope.id, mangle(id), target.lineno(), target.colOffset() + 1, target.startOffset()));
                    bindSym = addDef(ste, mangle(id), SymbolFlags.ASSIGNED, target);
                    bindIn = ste;
                    break;
                }
                if (ste.kind == ScopeKind.CLASS) {
                    error("assignment expression within a comprehension cannot be used in a class body", target);
                    break;
                }
            }
        }
        visitExpr(n.value());
        int sym = addDef(target.id(), SymbolFlags.ASSIGNED, target);
        if (bindIn == cur) {
            define(cur, sym, DefinitionKind.NAMED_EXPRESSION, target, n);
        } else if (bindSym >= 0) {
            // The comprehension may run its body zero times (and a generator later or never):
            // the walrus binding joins what the enclosing scope had instead of replacing it.
            Bindings before = bindIn.flow.get(bindSym);
            int id = define(bindIn, bindSym, DefinitionKind.NAMED_EXPRESSION, target, n);
            if (bindIn.flow.reachable) {
                bindIn.flow.set(bindSym, Bindings.merge(before, Reachability.ALWAYS_TRUE, Bindings.of(id), Reachability.ALWAYS_TRUE, dag));
            }
        }
    }
}
