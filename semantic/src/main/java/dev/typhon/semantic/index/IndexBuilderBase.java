package dev.typhon.semantic.index;

import dev.typhon.ast.*;
import dev.typhon.ast.Module;
import dev.typhon.ast.Set;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * The state of a {@link SemanticIndexBuilder} walk and its primitives: scopes entered and left
 * (with eager snapshots), CPython's symbol flags, definitions and uses recorded into the flow
 * (symbols, member places, declarations, star imports), and narrowing constraints. The layers
 * above it say what each piece of syntax does with them: {@link FlowBuilder} for control flow,
 * {@link SemanticIndexBuilder} for statements and expressions.
 */
abstract class IndexBuilderBase {

    /**
     * @param nodes the number of nodes of the tree (-1 if unknown): the tables are sized for it,
     *              for about as many uses, definitions, predicates and formulas as most modules of
     *              that size have, so that few grow (each growth copies every column)
     */
    IndexBuilderBase(IndexOptions options, int nodes) {
        this.statics = new StaticTruth(options);
        this.lazyAnnotations = options.pythonVersion().atLeast(dev.typhon.ast.PythonVersion.PY314);
        int n = Math.max(nodes, 0);
        definitions = new ArrayList<>(n / 5 + 8);
        uses = new UseTable(n * 3 / 10 + 16);
        dag = new Reachability(n / 4 + 16);
        declarationsAtBinding = new Bindings[n / 5 + 8];
        constraints = new ConstraintTable(n / 11 + 8);
    }

    /** Visits an expression: what the flow, narrowing and target code here call back into. */
    abstract void visitExpr(Expr e);

    static final Bindings[] NO_BINDINGS = new Bindings[0];
    static final String INNER_LOOP_CONFLICT = "comprehension inner loop cannot rebind assignment expression target '%s'";

    final StaticTruth statics;
    final ArrayList<Scope> scopes = new ArrayList<>();
    final ArrayList<Definition> definitions;
    final UseTable uses;
    final UseTable placeUses = new UseTable(0);
    final Reachability dag;
    /**
     * For each definition (by id), what of the other kind is live for its symbol where it is made:
     * for a binding, the declarations (null for none); for a pure declaration ({@code x: int}), the
     * bindings, which it must accept. A definition is one or the other, so one column serves both.
     */
    Bindings[] declarationsAtBinding;
    final ConstraintTable constraints;
    final ArrayList<SemanticError> errors = new ArrayList<>();
    final ArrayList<State> stack = new ArrayList<>();
    final ArrayList<Directive> directives = new ArrayList<>();
    /** For scope s, [2s] and [2s + 1]: the definition ids when it was entered and left (its definitions lie between). */
    int[] scopeDefinitions = new int[32];
    /** Scopes {@link ScopeAnalysis} does not reach from the module: unlisted ones and those inside them. */
    final IntArrayList unanalysedScopes = new IntArrayList(0);
    /** Whether a reachable star import was met. */
    boolean starImported;

    State cur;
    State moduleState;
    String privateName;
    boolean futureAnnotations;
    /** Annotations go to a separate, unlisted scope: under the future import (as CPython 3.11 does) or PEP 649. */
    boolean deferAnnotations;

    /** Symbols read or bound while visiting a test (for narrowing), or null when not collecting. */
    IntArrayList testSymbols;
    State testState;

    /**
     * Whether the targets being visited hold their bindings back until the value has been
     * evaluated. Held bindings wait on a stack of columns (no object per binding): a
     * {@link #visitTargets} call owns the entries from the mark it returns, and nested calls (a
     * comprehension in a subscript target) push and flush theirs above it.
     */
    boolean holding;
    private State[] pendingStates = new State[8];
    private int[] pendingSymbols = new int[8];
    private Node[] pendingNodes = new Node[8];
    private DefinitionKind[] pendingKinds = new DefinitionKind[8];
    private Node[] pendingStatements = new Node[8];
    private int pendingTop;
    DefinitionKind targetKind = DefinitionKind.ASSIGNMENT;
    Node targetStatement;

    /** PEP 649 (Python 3.14): annotations are evaluated later, in their own scope. */
    final boolean lazyAnnotations;

    // ---------------------------------------------------------------- per-scope build state

    static final class State {
        final Scope scope;
        final ScopeKind kind;
        FlowState flow = FlowState.start();
        int compIterExpr;
        boolean compIterTarget;
        ArrayList<Loop> loops;
        /**
         * The definitions made while a try, with or finally frame is open (see {@link TryFrame}),
         * each once, as (symbol, definition, reach) triples: a frame is the range of the log written
         * while it was open, nested frames included. Made on the first one; never reset (a closed
         * frame's range may still be read after later frames opened).
         */
        int[] tryLog;
        int tryLogSize;
        int openTries;
        /** Eager scopes only: the enclosing scope's symbol bindings where this scope runs. */
        Bindings[] enclosingAtEntry;
        Bindings enclosingUnsetAtEntry;
        /** Whether this scope or one around it is left out of CPython's symtable (see {@link #unanalysedScopes}). */
        boolean unanalysed;
        /** Names read here or in eager scopes inside that this scope does not bind: they read further out. */
        ArrayList<String> readsOut;

        State(Scope scope) {
            this.scope = scope;
            this.kind = scope.kind;
        }
    }

    static final class Loop {
        final ArrayList<FlowState> breaks = new ArrayList<>(2);
        final ArrayList<FlowState> continues = new ArrayList<>(2);
        /** Eager scopes run inside the loop body: their snapshots see the loop header too. */
        final IntArrayList eagerScopes = new IntArrayList(0);
    }

    /**
     * The definitions made in a try body (or a with body, or a handler before a finally): any of
     * them may be the last before an exception, under the reachability of its point. Symbols are
     * ids, places {@link #placeRef}s; statically unreachable definitions are left out. The frame is
     * the range {@code [start, end)} of its state's {@link State#tryLog}, {@code end} set on closing.
     */
    static final class TryFrame {
        final int start;
        int end = -1;

        TryFrame(int start) {
            this.start = start;
        }
    }

    /** Logs a definition for the open try frames of a state. */
    private static void logTry(State st, int sym, int def, int reach) {
        int at = st.tryLogSize;
        if (st.tryLog == null) {
            st.tryLog = new int[48];
        } else if (at + 3 > st.tryLog.length) {
            st.tryLog = java.util.Arrays.copyOf(st.tryLog, st.tryLog.length * 2);
        }
        st.tryLog[at] = sym;
        st.tryLog[at + 1] = def;
        st.tryLog[at + 2] = reach;
        st.tryLogSize = at + 3;
    }

    /** Where a global/nonlocal (or walrus-implied) declaration stands, for errors found by the analysis. */
    record Directive(int scope, String name, int lineno, int column, int startOffset) {
    }

    // ---------------------------------------------------------------- scopes

    /**
     * Records a lazy scope with nothing in it (a function's annotation scope when no parameter is
     * annotated): what {@link #enterScope} and {@link #exitScope} would leave, without a walk state.
     */
    void emptyScope(ScopeKind kind, String name, int lineno, int start, int end, boolean listed) {
        Scope parent = cur.scope;
        Scope s = new Scope(scopes.size(), kind, name, lineno, start, end, parent.id, listed);
        scopes.add(s);
        if (listed) {
            parent.addChild(s.id);
        }
        markScopeDefinitions(s.id, 0);
        markScopeDefinitions(s.id, 1);
    }

    State enterScope(ScopeKind kind, String name, int lineno, int start, int end, boolean listed) {
        Scope parent = cur.scope;
        Scope s = new Scope(scopes.size(), kind, name, lineno, start, end, parent.id, listed);
        scopes.add(s);
        markScopeDefinitions(s.id, 0);
        if (listed) {
            parent.addChild(s.id);
        }
        State st = new State(s);
        if (!listed || cur.unanalysed) {
            // The analysis walks the listed tree only: it resolves these scopes apart.
            st.unanalysed = true;
            unanalysedScopes.add(s.id);
        }
        // Comprehension iterables nest: CPython forbids walrus in all of them (bpo-37757).
        st.compIterExpr = cur.compIterExpr;
        if (s.isEager()) {
            // The enclosing state where this scope runs; only the names it reads out are kept, at exit.
            // Nothing writes the enclosing state while this scope is walked (a walrus binding out of a
            // comprehension marks it shared first, see namedExpr), so its array is borrowed, not copied.
            st.enclosingAtEntry = cur.flow.reachable ? cur.flow.symbols : NO_BINDINGS;
            st.enclosingUnsetAtEntry = cur.flow.unset;
            if (cur.loops != null && !cur.loops.isEmpty()) {
                cur.loops.get(cur.loops.size() - 1).eagerScopes.add(s.id);
            }
        }
        stack.add(st);
        cur = st;
        return st;
    }

    /** Records the current definition count as scope {@code id}'s first ({@code end} 0) or end (1) of its range. */
    void markScopeDefinitions(int id, int end) {
        if (2 * id + 1 >= scopeDefinitions.length) {
            scopeDefinitions = java.util.Arrays.copyOf(scopeDefinitions, Math.max(4 * id + 4, scopeDefinitions.length * 2));
        }
        scopeDefinitions[2 * id + end] = definitions.size();
    }

    void exitScope() {
        State done = cur;
        finishScope(done);
        markScopeDefinitions(done.scope.id, 1);
        stack.remove(stack.size() - 1);
        cur = stack.get(stack.size() - 1);
        if (done.scope.isEager()) {
            snapshot(done, cur);
        }
    }

    static void finishScope(State st) {
        st.scope.endReachable = st.flow.reachable;
        st.scope.endReach = st.flow.reachable ? st.flow.reach : Reachability.ALWAYS_FALSE;
        int symbols = st.scope.symbolCount;
        if (symbols > 0) {  // else the scope keeps its shared empty array
            Bindings[] end = new Bindings[symbols];
            for (int i = 0; i < end.length; i++) {
                end[i] = st.flow.reachable ? st.flow.get(i) : Bindings.UNBOUND;
            }
            st.scope.endState = end;
        }
        int declared = Math.min(st.flow.declarations.length, symbols);
        if (st.flow.reachable && declared > 0) {
            st.scope.endDeclarations = java.util.Arrays.copyOf(st.flow.declarations, declared);
        }
        if (st.scope.places != null) {
            Bindings[] places = new Bindings[st.scope.places.size()];
            for (int i = 0; i < places.length; i++) {
                places[i] = st.flow.reachable ? st.flow.place(i) : Bindings.UNBOUND;
            }
            st.scope.places.endState = places;
        }
    }

    /**
     * Keeps, for an eager scope that just ended, the enclosing scope's bindings of every name it
     * reads out at the point where it ran (ty's eager snapshots). Class bodies are skipped by
     * name lookup, so what a scope inside a class reads out is passed on to the class, whose own
     * snapshot covers the scope around it; the same for names the enclosing eager scope does not
     * bind, which may be free there too.
     */
    void snapshot(State done, State parent) {
        Scope s = done.scope;
        ArrayList<String> out = new ArrayList<>();
        // A class body reads a name it binds from outside while its own binding is not made yet.
        int local = s.kind == ScopeKind.CLASS ? 0 : SymbolFlags.BOUND;
        for (int i = 0; i < s.symbolCount; i++) {
            int f = s.flags[i];
            if ((f & SymbolFlags.USED) != 0 && (f & (local | SymbolFlags.GLOBAL | SymbolFlags.NONLOCAL)) == 0) {
                out.add(s.names[i]);
            }
        }
        if (done.readsOut != null) {
            for (String n : done.readsOut) {
                int sym = s.symbolId(n);
                // a class's own bindings are invisible to the scopes nested in it
                if (sym < 0 || (s.flags[sym] & SymbolFlags.BOUND) == 0 || s.kind == ScopeKind.CLASS) {
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

    String mangle(String name) {
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

    int addDef(String name, int flag, Located at) {
        return addDef(cur, mangle(name), flag, at);
    }

    int addDef(State st, String mangled, int flag, Located at) {
        Scope s = st.scope;
        int sym = s.symbol(mangled);
        int val = s.flags[sym];
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
        s.flags[sym] = val;
        if ((flag & SymbolFlags.PARAMETER) == 0 && (flag & SymbolFlags.GLOBAL) != 0) {
            // CPython records every global declaration in the module's table too.
            Scope top = scopes.get(0);
            int g = top.symbol(mangled);
            top.flags[g] |= flag;
        }
        return sym;
    }

    int lookupFlags(String name) {
        int sym = cur.scope.symbolId(mangle(name));
        return sym < 0 ? 0 : cur.scope.flags[sym];
    }

    void error(String message, Located at) {
        errors.add(new SemanticError(message, at.lineno(), at.colOffset() + 1, at.startOffset()));
    }

    // ---------------------------------------------------------------- definitions and uses

    /** Defines a symbol ({@code sym >= 0}), a member place ({@link #placeRef}), or a star import ({@code -1}). */
    int define(State st, int sym, DefinitionKind kind, Node node, Node statement) {
        int id = definitions.size();
        FlowState flow = st.flow;
        boolean reachable = flow.reachable;
        int place = sym <= -2 ? -2 - sym : -1;
        definitions.add(new Definition(id, st.scope.id, sym <= -2 ? -1 : sym, place, kind, node, statement,
                reachable, reachable ? flow.reach : Reachability.ALWAYS_FALSE));
        if (sym == -1) {
            if (kind == DefinitionKind.STAR_IMPORT && reachable) {
                starImported = true;
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
            if (reachable && place < 0 && kind == DefinitionKind.DECLARATION) {
                recordCrossLive(id, flow.get(sym));
            }
            return id;
        }
        if (reachable) {
            if (place >= 0) {
                flow.setPlace(place, mine);
                forgetLongerPaths(st.scope, flow, -1, place);
            } else {
                Bindings declared = flow.declarations(sym);
                if (!declared.isUnboundOnly()) {
                    recordCrossLive(id, declared);
                }
                flow.set(sym, mine);
                forgetLongerPaths(st.scope, flow, sym, -1);
            }
        }
        if (st.openTries > 0 && reachable) {
            logTry(st, sym, id, flow.reach);
        }
        if (testSymbols != null && testState == st) {
            testSymbols.add(sym);
        }
        return id;
    }

    private void recordCrossLive(int id, Bindings live) {
        if (id >= declarationsAtBinding.length) {
            declarationsAtBinding = java.util.Arrays.copyOf(declarationsAtBinding, Math.max(id * 2, 8));
        }
        declarationsAtBinding[id] = live;
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
    void starImport(FlowState flow, int id) {
        Bindings star = Bindings.of(id);
        int r = Reachability.ALWAYS_TRUE;
        for (int i = 0; i < flow.symbols.length; i++) {
            flow.set(i, Bindings.merge(flow.get(i), r, star, r, dag));
        }
        flow.unset = Bindings.merge(flow.unset, r, star, r, dag);
    }

    /** Rebinding a name or a place forgets what was known of the places it starts ({@code self.x} after {@code self = ...}). */
    static void forgetLongerPaths(Scope scope, FlowState flow, int rootSymbol, int prefixPlace) {
        if (flow.places.length == 0 || (rootSymbol >= 0 ? !scope.rootsPlaces(rootSymbol) : !scope.prefixesPlaces(prefixPlace))) {
            return;
        }
        for (int i = 0; i < flow.places.length; i++) {
            if (flow.places[i] == null || flow.places[i] == Bindings.UNBOUND) {
                continue;
            }
            boolean longer = rootSymbol >= 0 ? scope.places.rootSymbol(i) == rootSymbol : startsWith(scope, i, prefixPlace);
            if (longer) {
                flow.setPlace(i, Bindings.UNBOUND);
            }
        }
    }

    static boolean startsWith(Scope scope, int place, int prefix) {
        for (int q = scope.places.parent(place); q >= 0; q = scope.places.parent(q)) {
            if (q == prefix) {
                return true;
            }
        }
        return false;
    }

    void use(State st, int sym, Name node) {
        FlowState flow = st.flow;
        boolean reachable = flow.reachable;
        int u = uses.add(st.scope.id, sym, node, reachable, reachable ? flow.get(sym) : Bindings.UNBOUND,
                reachable ? flow.reach : Reachability.ALWAYS_FALSE);
        if (reachable && sym < flow.declarations.length && flow.declarations[sym] != null) {
            uses.setDeclarations(u, flow.declarations[sym]);
        }
        if (testSymbols != null && testState == st) {
            testSymbols.add(sym);
        }
    }

    /** Places share the int of a symbol id in pending bindings, tests and try frames: -2, -3, ... (-1 is a star import). */
    static int placeRef(int place) {
        return -2 - place;
    }

    /**
     * Records a read of a member place. A place is created by its first assignment or test: reads
     * before that (in this scope's walk) are left to attribute lookup, which is what they would
     * read anyway, except for an assignment later in a loop body reaching them by the back edge.
     */
    void usePlace(Expr node) {
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
    int placeOf(Expr e, boolean create) {
        if (!create && cur.scope.places == null) {
            return -1;  // the common case: attribute reads in a scope that assigns and tests none
        }
        if (e instanceof Attribute a) {
            if (a.attr().isEmpty()) {
                return -1;  // a placeholder left by error recovery
            }
            return place(a.value(), Place.SegmentKind.ATTRIBUTE, mangle(a.attr()), create);
        }
        if (e instanceof Subscript sub) {
            if (sub.slice() instanceof Constant c && c.value() instanceof ConstantValue.Str str) {
                return place(sub.value(), Place.SegmentKind.STR_SUBSCRIPT, str.value(), create);
            }
            String key = intKey(sub.slice());
            return key == null ? -1 : place(sub.value(), Place.SegmentKind.INT_SUBSCRIPT, key, create);
        }
        return -1;
    }

    /** The place of {@code prefix} followed by one segment; -1 when the prefix is no path (or unknown, unless creating). */
    int place(Expr prefix, Place.SegmentKind kind, String segment, boolean create) {
        Scope s = cur.scope;
        if (!create && !s.mayHavePlaceSegment(segment)) {
            return -1;  // most attribute reads in a scope with places: no place ends with this name
        }
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
            root = s.places.rootSymbol(prefixRef);
        }
        int found = s.findPlace(prefixRef, kind, segment);
        if (found >= 0 || !create) {
            return found;
        }
        return s.intern(prefixRef, kind, segment, root);
    }

    static String intKey(Expr slice) {
        if (slice instanceof Constant c && c.value() instanceof ConstantValue.Int i) {
            return i.value().toString();
        }
        if (slice instanceof UnaryOp u && u.op() == UnaryOperator.USub && u.operand() instanceof Constant c
                && c.value() instanceof ConstantValue.Int i) {
            return "-" + i.value();
        }
        return null;
    }

    /** Binds a name target now, or after the value when a statement's targets are held back ({@code sym} a place ref or a symbol). */
    void bindTarget(int sym, Node node) {
        if (holding) {
            int top = pendingTop;
            if (top == pendingSymbols.length) {
                int n = top * 2;
                pendingStates = java.util.Arrays.copyOf(pendingStates, n);
                pendingSymbols = java.util.Arrays.copyOf(pendingSymbols, n);
                pendingNodes = java.util.Arrays.copyOf(pendingNodes, n);
                pendingKinds = java.util.Arrays.copyOf(pendingKinds, n);
                pendingStatements = java.util.Arrays.copyOf(pendingStatements, n);
            }
            pendingStates[top] = cur;
            pendingSymbols[top] = sym;
            pendingNodes[top] = node;
            pendingKinds[top] = targetKind;
            pendingStatements[top] = targetStatement;
            pendingTop = top + 1;
        } else {
            define(cur, sym, targetKind, node, targetStatement == null ? node : targetStatement);
        }
    }

    /** Makes the bindings held since {@code mark} (a {@link #visitTargets} result), in the order they were met. */
    void flushPending(int mark) {
        int top = pendingTop;
        for (int i = mark; i < top; i++) {
            Node node = pendingNodes[i];
            Node statement = pendingStatements[i];
            define(pendingStates[i], pendingSymbols[i], pendingKinds[i], node, statement == null ? node : statement);
        }
        pendingTop = mark;
    }

    /** Forgets the bindings held since {@code mark}: targets that bind nothing after all. */
    void dropPending(int mark) {
        pendingTop = mark;
    }

    /**
     * Turns the bindings held since {@code mark} into declarations ({@code self.x: int} without a
     * value): they bind nothing, but say the attribute's type.
     */
    void declarePending(int mark) {
        for (int i = mark; i < pendingTop; i++) {
            pendingKinds[i] = DefinitionKind.DECLARATION;
        }
        flushPending(mark);
    }

    /** Visits assignment targets with their bindings held back; returns the mark for {@link #flushPending}. */
    int visitTargets(List<? extends Expr> targets, DefinitionKind kind, Node statement) {
        boolean saved = holding;
        DefinitionKind savedKind = targetKind;
        Node savedStatement = targetStatement;
        int mark = pendingTop;
        holding = true;
        targetKind = kind;
        targetStatement = statement;
        for (int i = 0, n = targets.size(); i < n; i++) {
            visitExpr(targets.get(i));
        }
        holding = saved;
        targetKind = savedKind;
        targetStatement = savedStatement;
        return mark;
    }

    /** {@link #visitTargets} of a single target. */
    int visitTarget(Expr target, DefinitionKind kind, Node statement) {
        boolean saved = holding;
        DefinitionKind savedKind = targetKind;
        Node savedStatement = targetStatement;
        int mark = pendingTop;
        holding = true;
        targetKind = kind;
        targetStatement = statement;
        visitExpr(target);
        holding = saved;
        targetKind = savedKind;
        targetStatement = savedStatement;
        return mark;
    }

    void visitBoundTarget(Expr target, DefinitionKind kind, Node statement) {
        DefinitionKind savedKind = targetKind;
        Node savedStatement = targetStatement;
        boolean saved = holding;
        holding = false;
        targetKind = kind;
        targetStatement = statement;
        visitExpr(target);
        holding = saved;
        targetKind = savedKind;
        targetStatement = savedStatement;
    }

    // ---------------------------------------------------------------- narrowing

    IntArrayList collectTest(Expr test) {
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

    int newConstraint(ConstraintKind kind, Node test, Expr subject) {
        return constraints.add(kind, test, subject);
    }

    /** Narrows, on one path, every symbol and place the test mentions; the path's reachability takes the predicate too. */
    void constrain(FlowState state, IntArrayList syms, int constraint, boolean positive) {
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
}
