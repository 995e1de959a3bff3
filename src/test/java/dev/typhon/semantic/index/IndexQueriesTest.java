package dev.typhon.semantic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.testing.Interpreters;
import dev.typhon.testing.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The index's prepared lookups answer what a scan of every definition and use would, on the
 * whole standard library; what it hands out is consistent (a reaching definition binds the
 * symbol read); and the lookups built lazily are safe to race on from many threads.
 */
class IndexQueriesTest {

    private static List<Path> stdlibSample(int every) throws Exception {
        Optional<Path> python = Interpreters.cpython(11);
        assumeTrue(python.isPresent(), "no CPython 3.11+ found");
        List<Path> files = Stdlib.pythonFiles(Stdlib.of(python.get()));
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i += every) {
            out.add(files.get(i));
        }
        return out;
    }

    @Test
    void lookupsBySymbolMatchAScanOnTheStdlib() throws Exception {
        int checkedFiles = 0;
        long checkedUses = 0;
        for (Path file : stdlibSample(3)) {
            ParseResult parsed = PythonParser.parse(Files.readAllBytes(file));
            if (parsed.hasErrors()) {
                continue;
            }
            SemanticIndex ix = SemanticIndex.of(parsed.module());
            Map<Long, List<Definition>> defs = new HashMap<>();
            for (Definition d : ix.definitions()) {
                if (d.symbol() >= 0) {
                    defs.computeIfAbsent(key(d.scope(), d.symbol()), k -> new ArrayList<>()).add(d);
                }
            }
            Map<Long, List<Integer>> uses = new HashMap<>();
            for (Use u : ix.uses()) {
                uses.computeIfAbsent(key(u.scope(), u.symbol()), k -> new ArrayList<>()).add(u.id());
            }
            for (Scope s : ix.scopes()) {
                for (int sym = 0; sym < s.symbolCount(); sym++) {
                    assertEquals(defs.getOrDefault(key(s.id(), sym), List.of()), ix.definitionsOf(s, sym), file + " " + s + " " + s.symbolName(sym));
                    assertEquals(uses.getOrDefault(key(s.id(), sym), List.of()),
                            ix.usesOf(s, sym).stream().map(Use::id).toList(), file + " " + s.symbolName(sym));
                    for (Definition d : ix.declarationsOf(s, sym)) {
                        assertTrue(SemanticIndexBuilder.declares(d.kind(), d.node()));
                    }
                }
            }
            for (Use u : ix.uses()) {
                for (ReachingDefinition r : ix.reachingDefinitions(u)) {
                    Definition d = r.definition();
                    assertEquals(u.scope(), d.scope(), file + " use at " + u.startOffset());
                    assertTrue(d.symbol() == u.symbol() || d.kind() == DefinitionKind.STAR_IMPORT,
                            file + " use at " + u.startOffset());
                    assertTrue(r.reachability() < ix.reachability().size());
                }
                checkedUses++;
            }
            for (PlaceUse u : ix.placeUses()) {
                for (ReachingDefinition r : ix.bindings(u).definitions()) {
                    assertEquals(u.place(), r.definition().place(), file + " place use at " + u.node().startOffset());
                }
            }
            checkedFiles++;
        }
        assertTrue(checkedFiles > 100, "too few files checked: " + checkedFiles);
        assertTrue(checkedUses > 10_000);
    }

    private static long key(int scope, int symbol) {
        return ((long) scope << 32) | symbol;
    }

    @Test
    void lazyLookupTablesAreSafeToRaceOn() throws Exception {
        StringBuilder src = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            src.append("v").append(i).append(" = 1\nprint(v").append(i).append(", self.a").append(i % 7).append(")\n");
        }
        ParseResult parsed = PythonParser.parse(src.toString(), dev.typhon.ast.parser.ParseOptions.DEFAULT);
        for (int round = 0; round < 20; round++) {
            SemanticIndex ix = SemanticIndex.of(parsed.module());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    answers.add(pool.submit(() -> {
                        int found = 0;
                        for (Use u : ix.uses()) {
                            Use back = ix.useAt(u.startOffset());
                            if (back != null && back.id() == u.id()) {
                                found++;
                            }
                        }
                        return found;
                    }));
                }
                for (Future<Integer> f : answers) {
                    assertEquals(ix.useCount(), f.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void placesAreKeyedAsWritten() {
        SemanticIndex ix = SemanticIndex.of(PythonParser.parse(("""
                def f(self, d, t):
                    self.a.b = 1
                    d["k"] = 2
                    t[-1] = 3
                    d['it"s'] = 4
                """).getBytes(java.nio.charset.StandardCharsets.UTF_8)).module());
        Scope f = ix.scopes().stream().filter(s -> s.name().equals("f")).findFirst().orElseThrow();
        assertEquals(List.of("self.a", "self.a.b", "d[\"k\"]", "t[-1]", "d['it\"s']"),
                f.places().stream().map(Place::text).toList());
        Place ab = f.places().get(f.placeId("self.a.b"));
        assertEquals(f.placeId("self.a"), ab.parent());
        assertEquals(f.symbolId("self"), ab.rootSymbol());
        assertEquals(1, ix.definitionsOfPlace(f, f.placeId("self.a.b")).size());
        assertEquals(0, ix.definitionsOfPlace(f, f.placeId("self.a")).size());
    }
}
