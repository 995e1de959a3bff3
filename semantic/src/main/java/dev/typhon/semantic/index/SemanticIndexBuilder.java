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
public final class SemanticIndexBuilder extends FlowBuilder {

    /** (scope, symbol) pairs the analysis resolved as explicitly global. */
    private IntArrayList globalExplicit;

    private SemanticIndexBuilder(IndexOptions options, int nodes) {
        super(options, nodes);
    }

    public static SemanticIndex build(Module module, IndexOptions options) {
        SemanticIndexBuilder b = new SemanticIndexBuilder(options, estimateNodeCount(module));
        b.buildModule(module);
        b.definitions.trimToSize();
        b.uses.trim();
        b.placeUses.trim();
        b.constraints.trim();
        b.dag.freeze();
        Bindings[] declared = java.util.Arrays.copyOf(b.declarationsAtBinding, b.definitions.size());
        return new SemanticIndex(b.scopes, b.definitions, b.uses, b.placeUses, b.constraints, b.dag, declared, b.errors,
                b.scopeDefinitions, b.starImported, b.globalExplicit);
    }

    /**
     * About how many nodes a tree has, -1 when it is not numbered: ids are dense in pre-order of the
     * source-order walk, so the last statement's id counts the nodes before it, and its share of the
     * text gives the rest at the same density. Only tables are sized by it: a guess is fine, and
     * reading just that statement leaves the rest of the tree where it is in memory.
     */
    static int estimateNodeCount(Module module) {
        List<Stmt> body = module.body();
        if (body.isEmpty()) {
            return 0;
        }
        Stmt last = body.get(body.size() - 1);
        int before = last.nodeId();
        if (before < 0) {
            return -1;
        }
        long end = module.endOffset();
        long start = last.startOffset();
        long estimate = start > 0 ? before * end / start : end / 8;
        return (int) Math.min(estimate, end + 1);
    }

    public static SemanticIndex build(Module module) {
        return build(module, IndexOptions.DEFAULT);
    }

    // ---------------------------------------------------------------- the module

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
        markScopeDefinitions(0, 1);
        globalExplicit = ScopeAnalysis.analyze(scopes, directives, errors, unanalysedScopes);
    }

    // ---------------------------------------------------------------- statements

    @Override
    void visitBody(List<Stmt> body) {
        // Indexed loops: the tree's lists are random-access, and an iterator per list adds up.
        for (int i = 0, n = body.size(); i < n; i++) {
            visitStmt(body.get(i));
        }
    }

    private void visitStmt(Stmt s) {
        // instanceof tests rather than a pattern switch, most frequent first (see visitExpr).
        if (s instanceof ExprStmt e) {
            visitExpr(e.value());
            // A call made for its effect may never return (sys.exit(), assert_never(), a NoReturn function).
            Expr v = e.value() instanceof Await aw ? aw.value() : e.value();
            if (v instanceof Call call && cur.flow.reachable) {
                int c = newConstraint(ConstraintKind.CALL_RETURNS, call, null);
                cur.flow.reach = dag.and(cur.flow.reach, dag.atom(c, true));
            }
        } else if (s instanceof Assign a) {
            int bound = visitTargets(a.targets(), DefinitionKind.ASSIGNMENT, a);
            visitExpr(a.value());
            flushPending(bound);
        } else if (s instanceof If i) {
            ifStmt(i);
        } else if (s instanceof FunctionDef f) {
            functionDef(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams());
        } else if (s instanceof AsyncFunctionDef f) {
            functionDef(f, f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams());
        } else if (s instanceof ClassDef c) {
            classDef(c);
        } else if (s instanceof Return r) {
            if (r.value() != null) {
                visitExpr(r.value());
            }
            cur.scope.addReturn(r.nodeId(), cur.flow.reachable ? cur.flow.reach : Reachability.ALWAYS_FALSE);
            cur.flow = FlowState.unreachable();
        } else if (s instanceof Delete d) {
            DefinitionKind saved = targetKind;
            Node savedStatement = targetStatement;
            targetKind = DefinitionKind.DELETE;
            targetStatement = d;
            for (int j = 0, count = d.targets().size(); j < count; j++) {
                Expr t = d.targets().get(j);
                visitExpr(t);
            }
            targetKind = saved;
            targetStatement = savedStatement;
        } else if (s instanceof AnnAssign a) {
            annAssign(a);
        } else if (s instanceof AugAssign a) {
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
        } else if (s instanceof TypeAlias t) {
            typeAlias(t);
        } else if (s instanceof For f) {
            forLoop(f, f.target(), f.iter(), f.body(), f.orelse());
        } else if (s instanceof AsyncFor f) {
            forLoop(f, f.target(), f.iter(), f.body(), f.orelse());
        } else if (s instanceof While w) {
            whileLoop(w);
        } else if (s instanceof With w) {
            withStmt(w, w.items(), w.body());
        } else if (s instanceof AsyncWith w) {
            withStmt(w, w.items(), w.body());
        } else if (s instanceof Match m) {
            match(m);
        } else if (s instanceof Raise r) {
            if (r.exc() != null) {
                visitExpr(r.exc());
                if (r.cause() != null) {
                    visitExpr(r.cause());
                }
            }
            cur.flow = FlowState.unreachable();
        } else if (s instanceof Try t) {
            tryStmt(t.body(), t.handlers(), t.orelse(), t.finalbody());
        } else if (s instanceof TryStar t) {
            tryStmt(t.body(), t.handlers(), t.orelse(), t.finalbody());
        } else if (s instanceof Assert a) {
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
        } else if (s instanceof Import i) {
            for (int j = 0, count = i.names().size(); j < count; j++) {
                Alias a = i.names().get(j);
                alias(a, DefinitionKind.IMPORT, i);
                if (a.asname() != null) {
                    statics.imported(a.name(), a.asname()); // `if t.TYPE_CHECKING:` after `import typing as t`
                }
            }
        } else if (s instanceof ImportFrom i) {
            for (int j = 0, count = i.names().size(); j < count; j++) {
                Alias a = i.names().get(j);
                alias(a, DefinitionKind.IMPORT_FROM, i);
            }
        } else if (s instanceof Global g) {
            declare(g, g.names(), true);
        } else if (s instanceof Nonlocal n) {
            declare(n, n.names(), false);
        } else if (s instanceof Pass p) {
        } else if (s instanceof Break b) {
            if (cur.loops != null && !cur.loops.isEmpty()) {
                cur.loops.get(cur.loops.size() - 1).breaks.add(cur.flow);
            }
            cur.flow = FlowState.unreachable();
        } else if (s instanceof Continue c) {
            if (cur.loops != null && !cur.loops.isEmpty()) {
                cur.loops.get(cur.loops.size() - 1).continues.add(cur.flow);
            }
            cur.flow = FlowState.unreachable();
        } else {
            throw new IllegalStateException("unknown statement: " + s.getClass().getName());
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
            for (int j = 0, count = decorators.size(); j < count; j++) {
                Expr d = decorators.get(j);
                visitExpr(d);
            }
            enterScope(ScopeKind.TYPE_PARAMETERS, name, node.lineno(), node.startOffset(), node.endOffset(), true);
            visitTypeParams(typeParams);
        }
        visitAnnotations(node, args, returns);
        if (!generic) {
            for (int j = 0, count = decorators.size(); j < count; j++) {
                Expr d = decorators.get(j);
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
        for (int j = 0, count = decorators.size(); j < count; j++) {
            Expr d = decorators.get(j);
            s.addHole(d.startOffset(), d.endOffset());
        }
        for (int j = 0, count = args.defaults().size(); j < count; j++) {
            Expr d = args.defaults().get(j);
            s.addHole(d.startOffset(), d.endOffset());
        }
        for (int j = 0, count = args.kwDefaults().size(); j < count; j++) {
            Expr d = args.kwDefaults().get(j);
            if (d != null) {
                s.addHole(d.startOffset(), d.endOffset());
            }
        }
        if (returns != null) {
            s.addHole(returns.startOffset(), returns.endOffset());
        }
        annotationHoles(s, args.posonlyargs());
        annotationHoles(s, args.args());
        annotationHole(s, args.vararg());
        annotationHoles(s, args.kwonlyargs());
        annotationHole(s, args.kwarg());
    }

    private static void annotationHoles(Scope s, List<Arg> args) {
        for (int j = 0, count = args.size(); j < count; j++) {
            annotationHole(s, args.get(j));
        }
    }

    private static void annotationHole(Scope s, Arg a) {
        if (a != null && a.annotation() != null) {
            s.addHole(a.annotation().startOffset(), a.annotation().endOffset());
        }
    }

    private void visitDefaults(Arguments args) {
        for (int j = 0, count = args.defaults().size(); j < count; j++) {
            Expr d = args.defaults().get(j);
            visitExpr(d);
        }
        for (int j = 0, count = args.kwDefaults().size(); j < count; j++) {
            Expr d = args.kwDefaults().get(j);
            if (d != null) {
                visitExpr(d);
            }
        }
    }

    /** CPython's order: positional-only, positional, *args, **kwargs, keyword-only; then the return annotation. */
    private void visitAnnotations(Stmt node, Arguments args, Expr returns) {
        boolean hidden = deferAnnotations;
        if (hidden && !anyAnnotation(args)) {
            emptyScope(ScopeKind.ANNOTATION, "_annotation", node.lineno(), node.startOffset(), node.endOffset(), false);
            hidden = false;
        } else if (hidden) {
            enterScope(ScopeKind.ANNOTATION, "_annotation", node.lineno(), node.startOffset(), node.endOffset(), false);
        }
        for (int j = 0, count = args.posonlyargs().size(); j < count; j++) {
            Arg a = args.posonlyargs().get(j);
            annotation(a.annotation());
        }
        for (int j = 0, count = args.args().size(); j < count; j++) {
            Arg a = args.args().get(j);
            annotation(a.annotation());
        }
        if (args.vararg() != null) {
            annotation(args.vararg().annotation());
        }
        if (args.kwarg() != null) {
            annotation(args.kwarg().annotation());
        }
        for (int j = 0, count = args.kwonlyargs().size(); j < count; j++) {
            Arg a = args.kwonlyargs().get(j);
            annotation(a.annotation());
        }
        if (hidden) {
            exitScope();
        }
        if (returns != null) {
            visitAnnotation(returns);
        }
    }

    private static boolean anyAnnotation(Arguments args) {
        return anyAnnotation(args.posonlyargs()) || anyAnnotation(args.args()) || anyAnnotation(args.kwonlyargs())
                || (args.vararg() != null && args.vararg().annotation() != null)
                || (args.kwarg() != null && args.kwarg().annotation() != null);
    }

    private static boolean anyAnnotation(List<Arg> args) {
        for (int j = 0, count = args.size(); j < count; j++) {
            if (args.get(j).annotation() != null) {
                return true;
            }
        }
        return false;
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
            for (int j = 0, count = c.decoratorList().size(); j < count; j++) {
                Expr d = c.decoratorList().get(j);
                visitExpr(d);
            }
            enterScope(ScopeKind.TYPE_PARAMETERS, c.name(), c.lineno(), c.startOffset(), c.endOffset(), true);
            visitTypeParams(c.typeParams());
        }
        for (int j = 0, count = c.bases().size(); j < count; j++) {
            Expr b = c.bases().get(j);
            visitExpr(b);
        }
        for (int j = 0, count = c.keywords().size(); j < count; j++) {
            Keyword k = c.keywords().get(j);
            visitExpr(k.value());
        }
        if (!generic) {
            for (int j = 0, count = c.decoratorList().size(); j < count; j++) {
                Expr d = c.decoratorList().get(j);
                visitExpr(d);
            }
        }
        State cls = enterScope(ScopeKind.CLASS, c.name(), c.lineno(), c.startOffset(), c.endOffset(), true);
        for (int j = 0, count = c.decoratorList().size(); j < count; j++) {
            Expr d = c.decoratorList().get(j);
            cls.scope.addHole(d.startOffset(), d.endOffset());
        }
        for (int j = 0, count = c.bases().size(); j < count; j++) {
            Expr b = c.bases().get(j);
            cls.scope.addHole(b.startOffset(), b.endOffset());
        }
        for (int j = 0, count = c.keywords().size(); j < count; j++) {
            Keyword k = c.keywords().get(j);
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
        for (int j = 0, count = params.size(); j < count; j++) {
            TypeParam p = params.get(j);
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
            int bound = visitTarget(a.target(), DefinitionKind.ANNOTATED_ASSIGNMENT, a);
            visitAnnotation(a.annotation());
            if (a.value() != null) {
                visitExpr(a.value());
                flushPending(bound);
            } else {
                declarePending(bound);
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

    @Override
    void visitPattern(Pattern p, MatchCase c) {
        switch (p) {
            case MatchValue v -> visitExpr(v.value());
            case MatchSingleton s -> {
            }
            case MatchSequence s -> {
                for (int j = 0, count = s.patterns().size(); j < count; j++) {
                    Pattern q = s.patterns().get(j);
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
                for (int j = 0, count = mm.keys().size(); j < count; j++) {
                    Expr k = mm.keys().get(j);
                    visitExpr(k);
                }
                for (int j = 0, count = mm.patterns().size(); j < count; j++) {
                    Pattern q = mm.patterns().get(j);
                    visitPattern(q, c);
                }
                if (mm.rest() != null) {
                    int sym = addDef(mm.rest(), SymbolFlags.ASSIGNED, mm);
                    define(cur, sym, DefinitionKind.MATCH_MAPPING_REST, mm, c);
                }
            }
            case MatchClass mc -> {
                visitExpr(mc.cls());
                for (int j = 0, count = mc.patterns().size(); j < count; j++) {
                    Pattern q = mc.patterns().get(j);
                    visitPattern(q, c);
                }
                for (int j = 0, count = mc.kwdPatterns().size(); j < count; j++) {
                    Pattern q = mc.kwdPatterns().get(j);
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
                for (int j = 0, count = o.patterns().size(); j < count; j++) {
                    Pattern q = o.patterns().get(j);
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

    @Override
    void visitExpr(Expr e) {
        // A chain of instanceof tests rather than a pattern switch: each test is one class compare
        // (the node classes are final), cheaper than the switch's type-switch call site, which this
        // hot path pays on every node. Most frequent first.
        if (e instanceof Name n) {
            name(n);
        } else if (e instanceof Attribute a) {
            if (a.ctx() == ExprContext.Load) {
                usePlace(a);
                visitExpr(a.value());
            } else {
                visitExpr(a.value());
                placeTarget(a, a.ctx());
            }
        } else if (e instanceof Constant c) {
        } else if (e instanceof Call c) {
            visitExpr(c.func());
            visitExprs(c.args());
            List<Keyword> keywords = c.keywords();
            for (int i = 0, n = keywords.size(); i < n; i++) {
                visitExpr(keywords.get(i).value());
            }
        } else if (e instanceof Subscript s) {
            if (s.ctx() == ExprContext.Load) {
                usePlace(s);
            }
            visitExpr(s.value());
            visitExpr(s.slice());
            if (s.ctx() != ExprContext.Load) {
                placeTarget(s, s.ctx());
            }
        } else if (e instanceof NamedExpr n) {
            namedExpr(n);
        } else if (e instanceof BoolOp b) {
            boolOp(b);
        } else if (e instanceof BinOp b) {
            visitExpr(b.left());
            visitExpr(b.right());
        } else if (e instanceof UnaryOp u) {
            visitExpr(u.operand());
        } else if (e instanceof Lambda l) {
            lambda(l);
        } else if (e instanceof IfExp i) {
            FlowState orelse = branch(i.test());
            visitExpr(i.body());
            FlowState afterBody = cur.flow;
            cur.flow = orelse;
            visitExpr(i.orelse());
            cur.flow.mergeFrom(afterBody, dag);
        } else if (e instanceof Dict d) {
            for (int j = 0, count = d.keys().size(); j < count; j++) {
                Expr k = d.keys().get(j);
                if (k != null) {
                    visitExpr(k);
                }
            }
            visitExprs(d.values());
        } else if (e instanceof Set s) {
            visitExprs(s.elts());
        } else if (e instanceof ListComp c) {
            comprehension(c, ScopeKind.LIST_COMPREHENSION, "listcomp", c.generators(), c.elt(), null);
        } else if (e instanceof SetComp c) {
            comprehension(c, ScopeKind.SET_COMPREHENSION, "setcomp", c.generators(), c.elt(), null);
        } else if (e instanceof DictComp c) {
            comprehension(c, ScopeKind.DICT_COMPREHENSION, "dictcomp", c.generators(), c.key(), c.value());
        } else if (e instanceof GeneratorExp c) {
            comprehension(c, ScopeKind.GENERATOR_EXPRESSION, "genexpr", c.generators(), c.elt(), null);
        } else if (e instanceof Await a) {
            annotationCheck("await expression", a);
            visitExpr(a.value());
        } else if (e instanceof Yield y) {
            annotationCheck("yield expression", y);
            if (y.value() != null) {
                visitExpr(y.value());
            }
            comprehensionYieldCheck(y);
        } else if (e instanceof YieldFrom y) {
            annotationCheck("yield expression", y);
            visitExpr(y.value());
            comprehensionYieldCheck(y);
        } else if (e instanceof Compare c) {
            visitExpr(c.left());
            visitExprs(c.comparators());
        } else if (e instanceof FormattedValue f) {
            visitExpr(f.value());
            if (f.formatSpec() != null) {
                visitExpr(f.formatSpec());
            }
        } else if (e instanceof Interpolation f) {
            visitExpr(f.value());
            if (f.formatSpec() != null) {
                visitExpr(f.formatSpec());
            }
        } else if (e instanceof JoinedStr j) {
            visitExprs(j.values());
        } else if (e instanceof TemplateStr t) {
            visitExprs(t.values());
        } else if (e instanceof Starred s) {
            visitExpr(s.value());
        } else if (e instanceof Slice s) {
            if (s.lower() != null) {
                visitExpr(s.lower());
            }
            if (s.upper() != null) {
                visitExpr(s.upper());
            }
            if (s.step() != null) {
                visitExpr(s.step());
            }
        } else if (e instanceof dev.typhon.ast.List l) {
            visitExprs(l.elts());
        } else if (e instanceof Tuple t) {
            visitExprs(t.elts());
        } else {
            throw new IllegalStateException("unknown expression: " + e.getClass().getName());
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
            int bound = visitTarget(g.target(), DefinitionKind.COMPREHENSION_TARGET, g);
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
        for (int j = 0, count = g.ifs().size(); j < count; j++) {
            Expr test = g.ifs().get(j);
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
                    if (existing >= 0 && (ste.scope.flags[existing] & SymbolFlags.COMPREHENSION_ITER) != 0) {
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
                    boolean global = existing >= 0 && (ste.scope.flags[existing] & SymbolFlags.GLOBAL) != 0;
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
            // The comprehension just inside bindIn borrowed its symbol array for its snapshot: copy before writing.
            bindIn.flow.shareSymbols();
            int id = define(bindIn, bindSym, DefinitionKind.NAMED_EXPRESSION, target, n);
            if (bindIn.flow.reachable) {
                bindIn.flow.set(bindSym, Bindings.merge(before, Reachability.ALWAYS_TRUE, Bindings.of(id), Reachability.ALWAYS_TRUE, dag));
            }
        }
    }
}
