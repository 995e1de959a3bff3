package dev.typhon.semantic.index;

import dev.typhon.ast.*;
import dev.typhon.ast.Module;
import dev.typhon.ast.Set;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Control flow in the index: branches and their narrowing ({@code if}, {@code and} / {@code or},
 * conditional expressions), loops with their back edges ({@code break}, {@code continue}, and what
 * the body captured while it saw the loop header), {@code try} / {@code except} / {@code finally},
 * {@code with} blocks that may swallow exceptions, and {@code match} cases, each tried where the
 * earlier ones failed. Every branch leaves its predicate in the states' reachability formulas.
 */
abstract class FlowBuilder extends IndexBuilderBase {

    FlowBuilder(IndexOptions options, int nodes) {
        super(options, nodes);
    }

    abstract void visitBody(List<Stmt> body);

    abstract void visitPattern(Pattern p, MatchCase c);

    void ifStmt(If i) {
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

    Loop pushLoop() {
        if (cur.loops == null) {
            cur.loops = new ArrayList<>(2);
        }
        Loop loop = new Loop();
        cur.loops.add(loop);
        return loop;
    }

    void whileLoop(While w) {
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
        for (int j = 0, count = loop.continues.size(); j < count; j++) {
            FlowState s = loop.continues.get(j);
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
        for (int j = 0, count = loop.breaks.size(); j < count; j++) {
            FlowState s = loop.breaks.get(j);
            cur.flow.mergeFrom(s, dag);
        }
    }

    void forLoop(Stmt node, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse) {
        int bound = visitTarget(target, DefinitionKind.FOR_TARGET, node);
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
        for (int j = 0, count = loop.continues.size(); j < count; j++) {
            FlowState s = loop.continues.get(j);
            back.mergeFrom(s, dag);
        }
        closeLoop(loop, firstUse, firstPlaceUse, firstDef, back);
        exit.mergeFrom(back, dag);
        cur.flow = exit;
        visitBody(orelse);
        for (int j = 0, count = loop.breaks.size(); j < count; j++) {
            FlowState s = loop.breaks.get(j);
            cur.flow.mergeFrom(s, dag);
        }
    }

    /**
     * Ends a loop: what the body defines reaches, along the back edge, everything captured in the
     * body while it still saw the loop header: its uses, the states saved at {@code break}, and the
     * snapshots of eager scopes run in it. One walk and a fix-up, instead of walking the body twice.
     */
    void closeLoop(Loop loop, int firstUse, int firstPlaceUse, int firstDef, FlowState back) {
        cur.loops.remove(cur.loops.size() - 1);
        if (back.reachable) {
            fixLoopUses(uses, firstUse, firstDef, back, false);
            fixLoopUses(placeUses, firstPlaceUse, firstDef, back, true);
            for (int d = firstDef, count = definitions.size(); d < count; d++) {
                Definition def = definitions.get(d);
                if (def.kind() == DefinitionKind.DECLARATION && def.scope() == cur.scope.id && !def.isPlace()
                        && declarationsAtBinding[d] != null) {
                    // a declaration in the body must also accept what the previous iteration bound
                    declarationsAtBinding[d] = withBackEdge(declarationsAtBinding[d], back.get(def.symbol()), back.reach, firstDef);
                }
            }
            for (int j = 0, count = loop.breaks.size(); j < count; j++) {
                FlowState b = loop.breaks.get(j);
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

    void fixLoopUses(UseTable table, int firstUse, int firstDef, FlowState back, boolean places) {
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
    Bindings withBackEdge(Bindings b, Bindings backEdge, int backReach, int firstDef) {
        if (!(b.mayBeUnbound() || (b.defs.length > 0 && b.defs[0] < firstDef))) {
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

    void withStmt(Stmt node, List<WithItem> items, List<Stmt> body) {
        for (int j = 0, count = items.size(); j < count; j++) {
            WithItem item = items.get(j);
            visitExpr(item.contextExpr());
            if (item.optionalVars() != null) {
                visitBoundTarget(item.optionalVars(), DefinitionKind.WITH_TARGET, item);
            }
        }
        FlowState entry = cur.flow.copy();
        TryFrame frame = pushTry();
        visitBody(body);
        popTry(frame);
        // A context manager whose __exit__ returns true swallows an exception from the body and
        // resumes after the block, with any body definition possibly the last: inference decides.
        if (entry.reachable) {
            addExceptionEdges(entry, frame);
            int c = newConstraint(ConstraintKind.WITH_SWALLOWS, node, null);
            entry.reach = dag.and(entry.reach, dag.atom(c, true));
            cur.flow.mergeFrom(entry, dag);
        }
    }

    TryFrame pushTry() {
        cur.openTries++;
        return new TryFrame(cur.tryLogSize);
    }

    /** Closes the innermost open frame, {@code frame}. */
    void popTry(TryFrame frame) {
        cur.openTries--;
        frame.end = cur.tryLogSize;
    }

    /** An exception may leave a block after any of its definitions: each joins the state the exception goes to. */
    void addExceptionEdges(FlowState state, TryFrame frame) {
        if (!state.reachable) {
            return;
        }
        int[] one = new int[1];
        int[] reach = new int[1];
        int[] log = cur.tryLog;
        for (int i = frame.start; i < frame.end; i += 3) {
            int sym = log[i];
            one[0] = log[i + 1];
            reach[0] = log[i + 2];
            if (sym >= 0) {
                state.set(sym, state.get(sym).plus(one, reach, 1, dag));
            } else if (sym <= -2) {
                state.setPlace(-2 - sym, state.place(-2 - sym).plus(one, reach, 1, dag));
            }
        }
    }

    void tryStmt(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody) {
        FlowState entry = cur.flow.copy();
        boolean hasFinally = !finalbody.isEmpty();
        // Before a finally: an exception (or a return) may leave the body, the else or a handler after any definition.
        TryFrame beforeFinally = hasFinally ? pushTry() : null;
        TryFrame frame = pushTry();
        visitBody(body);
        popTry(frame);
        visitBody(orelse);
        FlowState result = cur.flow;
        FlowState handlerEntry = entry.copy();
        addExceptionEdges(handlerEntry, frame);
        for (int j = 0, count = handlers.size(); j < count; j++) {
            ExceptHandler h = handlers.get(j);
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
        popTry(beforeFinally);
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
    void match(Match m) {
        IntArrayList subjectSyms = collectTest(m.subject());
        FlowState next = cur.flow;
        FlowState result = FlowState.unreachable();
        for (int j = 0, count = m.cases().size(); j < count; j++) {
            MatchCase c = m.cases().get(j);
            int constraint = newConstraint(ConstraintKind.PATTERN, c, m.subject());
            int before = next.sharedBits();
            FlowState failed = next.copy();
            constrain(failed, subjectSyms, constraint, false);
            next.reclaim(failed, before);
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
    static boolean irrefutable(Pattern p) {
        return switch (p) {
            case MatchAs a -> a.pattern() == null || irrefutable(a.pattern());
            case MatchOr o -> o.patterns().stream().anyMatch(SemanticIndexBuilder::irrefutable);
            default -> false;
        };
    }

    void boolOp(BoolOp b) {
        FlowState otherwise = branch(b);
        cur.flow.mergeFrom(otherwise, dag);
    }

    /**
     * Visits a test, leaving {@code cur.flow} as the state where it is true and returning the
     * state where it is false; {@code and} / {@code or} / {@code not} split into their operands,
     * so a walrus in a condition is bound exactly where the condition held. Each operand that is
     * not itself such an operator becomes a constraint on the names it mentions.
     */
    FlowState branch(Expr test) {
        // instanceof tests rather than a pattern switch (see SemanticIndexBuilder.visitExpr).
        if (test instanceof BoolOp b && b.op() == BoolOperator.And) {
            FlowState falses = FlowState.unreachable();
            for (int j = 0, count = b.values().size(); j < count; j++) {
                Expr v = b.values().get(j);
                falses.mergeFrom(branch(v), dag);
            }
            return falses;
        } else if (test instanceof BoolOp b) {
            FlowState trues = FlowState.unreachable();
            FlowState falseState = cur.flow;
            for (int j = 0, count = b.values().size(); j < count; j++) {
                Expr v = b.values().get(j);
                falseState = branch(v);
                trues.mergeFrom(cur.flow, dag);
                cur.flow = falseState;
            }
            cur.flow = trues;
            return falseState;
        } else if (test instanceof UnaryOp u && u.op() == UnaryOperator.Not) {
            FlowState falseState = branch(u.operand());
            FlowState trueState = cur.flow;
            cur.flow = falseState;
            return trueState;
        } else {
            IntArrayList syms = collectTest(test);
            int c = newConstraint(ConstraintKind.TEST, test, null);
            int before = cur.flow.sharedBits();
            FlowState falseState = cur.flow.copy();
            constrain(falseState, syms, c, false);
            cur.flow.reclaim(falseState, before);
            constrain(cur.flow, syms, c, true);
            return falseState;
        }
    }
}
