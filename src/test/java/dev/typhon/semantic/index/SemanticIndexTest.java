package dev.typhon.semantic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.ast.Module;
import dev.typhon.ast.PythonVersion;
import dev.typhon.ast.parser.ParseOptions;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library queries of the semantic index. */
class SemanticIndexTest {

    private static String source;

    private static SemanticIndex index(String code) {
        source = code;
        ParseResult r = PythonParser.parse(code, new ParseOptions(PythonVersion.PY313, false));
        assertTrue(r.errors().isEmpty(), () -> "parse errors: " + r.errors());
        Module m = r.module();
        return SemanticIndex.of(m, new IndexOptions(PythonVersion.PY313, "linux"));
    }

    private static int at(String needle) {
        int i = source.indexOf(needle);
        assertTrue(i >= 0, needle);
        return i;
    }

    private static int atLast(String needle) {
        int i = source.lastIndexOf(needle);
        assertTrue(i >= 0, needle);
        return i;
    }

    @Test
    void scopeAtAnOffset() {
        SemanticIndex ix = index("""
                @deco
                def f(a=default):
                    return [x for x in a]
                class C:
                    body = 1
                """);
        assertEquals(ScopeKind.MODULE, ix.scopeAt(at("deco")).kind());
        assertEquals(ScopeKind.MODULE, ix.scopeAt(at("default")).kind());
        assertEquals("f", ix.scopeAt(at("return")).name());
        assertEquals(ScopeKind.LIST_COMPREHENSION, ix.scopeAt(at("x for")).kind());
        // The outermost iterable runs in the enclosing function.
        assertEquals("f", ix.scopeAt(atLast("a]")).name());
        assertEquals(ScopeKind.CLASS, ix.scopeAt(at("body")).kind());
    }

    @Test
    void symbolTableOfAScope() {
        SemanticIndex ix = index("""
                import os
                def f(p, *args):
                    global g
                    x: int = 1
                    return os, x, p
                """);
        Scope f = ix.scopeAt(at("return"));
        int p = f.symbolId("p");
        int x = f.symbolId("x");
        int os = f.symbolId("os");
        int g = f.symbolId("g");
        assertTrue(f.isParameter(p) && f.isUsed(p) && f.isBound(p));
        assertTrue(f.isDeclared(x) && f.isBound(x));
        assertTrue(f.isGlobal(os) && !f.isBound(os));
        assertTrue(f.isGlobal(g) && (f.flags(g) & SymbolFlags.GLOBAL) != 0);
        assertTrue(ix.moduleScope().isImported(ix.moduleScope().symbolId("os")));
        assertEquals(-1, f.symbolId("missing"));
    }

    @Test
    void reachingDefinitionsCarryTheirConstraints() {
        SemanticIndex ix = index("""
                def f(x):
                    if isinstance(x, int):
                        return x
                    x = str(x)
                    return x
                """);
        Use narrowed = ix.useAt(at("x\n    x ="));
        assertNotNull(narrowed);
        List<ReachingDefinition> defs = ix.reachingDefinitions(narrowed);
        assertEquals(1, defs.size());
        assertEquals(DefinitionKind.PARAMETER, defs.get(0).definition().kind());
        assertEquals(1, defs.get(0).constraints().size());
        assertTrue(defs.get(0).constraints().get(0).positive());
        Use last = ix.useAt(atLast("x\n"));
        List<ReachingDefinition> lastDefs = ix.reachingDefinitions(last);
        assertEquals(1, lastDefs.size());
        assertEquals(DefinitionKind.ASSIGNMENT, lastDefs.get(0).definition().kind());
        assertFalse(ix.possiblyUnboundInScope(last));
    }

    @Test
    void allDefinitionsOfASymbolIncludeUnreachableOnes() {
        SemanticIndex ix = index("""
                import sys
                if sys.version_info < (3, 0):
                    x = 1
                else:
                    x = 2
                x = 3
                """);
        Scope m = ix.moduleScope();
        List<Definition> defs = ix.definitionsOf(m, m.symbolId("x"));
        assertEquals(3, defs.size());
        assertFalse(defs.get(0).reachable());
        assertTrue(defs.get(1).reachable());
        List<ReachingDefinition> end = ix.endOfScopeDefinitions(m, m.symbolId("x"));
        assertEquals(1, end.size());
        assertEquals(defs.get(2), end.get(0).definition());
    }

    @Test
    void publicSymbolsAndStarImports() {
        SemanticIndex ix = index("""
                from os.path import *
                import json
                _private = 1
                gone = 2
                del gone
                def api(): pass
                class Model: pass
                if flag:
                    maybe = 1
                """);
        assertEquals(List.of("json", "api", "Model", "maybe"), ix.publicSymbols());
        assertEquals(1, ix.starImports().size());
        Scope m = ix.moduleScope();
        assertTrue(ix.possiblyUnboundAtEnd(m, m.symbolId("maybe")));
        assertFalse(ix.possiblyUnboundAtEnd(m, m.symbolId("api")));
    }

    @Test
    void usesInLoopsSeeDefinitionsFromTheBackEdge() {
        SemanticIndex ix = index("""
                def f(n):
                    total = 0
                    while n:
                        total = total + n
                        n = n - 1
                    return total
                """);
        Use inLoop = ix.useAt(at("total + n"));
        assertEquals(2, ix.reachingDefinitions(inLoop).size());
        Use n = ix.useAt(at("n:"));
        assertEquals(2, ix.reachingDefinitions(n).size());
    }

    @Test
    void boundnessLooksThroughEnclosingScopes() {
        SemanticIndex ix = index("""
                def outer():
                    def inner():
                        return later, undefined_name, len
                    later = 1
                    return inner
                """);
        assertEquals(Boundness.BOUND, ix.boundness(ix.useAt(at("later,")), n -> false));
        assertEquals(Boundness.UNBOUND, ix.boundness(ix.useAt(at("undefined_name")), n -> false));
        assertEquals(Boundness.BOUND, ix.boundness(ix.useAt(at("len")), "len"::equals));
    }
}
