package dev.typhon.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.typhon.mdtest.Checkers;
import dev.typhon.mdtest.MdtestChecker;
import dev.typhon.mdtest.MdtestRunner;
import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.RuleLevel;
import dev.typhon.semantic.diagnostics.RuleSelection;
import dev.typhon.semantic.diagnostics.Rules;
import dev.typhon.semantic.diagnostics.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule registry knows every rule the checker reports, and turns user levels into a full selection. */
class RulesRegistryTest {

    @Test
    void everyRuleTheCheckerEmitsOnTheInferenceSuitesIsRegistered() throws Exception {
        Set<String> emitted = new ConcurrentSkipListSet<>();
        MdtestChecker inner = Checkers.defaultChecker();
        MdtestChecker recording = (env, file) -> {
            List<Diagnostic> out = inner.check(env, file);
            out.forEach(d -> emitted.add(d.rule()));
            return out;
        };
        MdtestRunner runner = new MdtestRunner(recording, null, null, new MdtestRunner.Reporter() {
            @Override
            public void failure(String line) {
            }

            @Override
            public void note(String line) {
            }
        });
        Path suites = Path.of("src/test/resources/mdtest/inference");
        try (Stream<Path> walk = Files.walk(suites)) {
            for (Path suite : walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                runner.runSuite(suite);
            }
        }
        assertTrue(emitted.size() >= 10, "the suites reported too few rules to mean anything: " + emitted);
        Set<String> unknown = new TreeSet<>();
        for (String rule : emitted) {
            if (!Rules.isRule(rule) && !Rules.NOT_RULES.contains(rule)) {
                unknown.add(rule);
            }
        }
        assertEquals(Set.of(), unknown, "rules the checker reports but the registry does not know");
    }

    @Test
    void everyRuleNamedAsALiteralInTheCheckerIsRegistered() throws Exception {
        // The places that make diagnostics name their rule first: new Problem("rule", ...), report("rule", ...).
        Pattern literal = Pattern.compile("(?:new Problem\\(|report\\(|withRule\\()\\s*\"([a-z]+(?:-[a-z]+)+)\"");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(Path.of("semantic/src/main/java"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertTrue(named.size() >= 15, "the pattern found too few rules: " + named);
        named.removeIf(r -> Rules.isRule(r) || Rules.NOT_RULES.contains(r));
        assertEquals(Set.of(), named);
    }

    @Test
    void selectionKeepsDefaultsAndAppliesTheUsersLevels() {
        RuleSelection s = Rules.selection(Map.of("unresolved-reference", RuleLevel.WARN, "division-by-zero", RuleLevel.ERROR));
        assertEquals(Severity.WARNING, s.severityOf("unresolved-reference", Severity.ERROR, true).orElseThrow());
        assertEquals(Severity.ERROR, s.severityOf("division-by-zero", Severity.ERROR, true).orElseThrow());
        assertTrue(s.severityOf("possibly-unresolved-reference", Severity.WARNING, true).isEmpty());
        assertEquals(Severity.WARNING, s.severityOf("unsupported-base", Severity.ERROR, true).orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rules.selection(Map.of("invalid-asignment", RuleLevel.WARN)));
        assertEquals("unknown rule `invalid-asignment` (did you mean `invalid-assignment`?)", e.getMessage());
        assertFalse(Rules.isRule("invalid-syntax"));
        for (Rules.Rule r : Rules.all()) {
            assertFalse(r.description().isBlank(), r.name());
        }
    }
}
