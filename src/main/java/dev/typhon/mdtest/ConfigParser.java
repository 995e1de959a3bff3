package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.RuleLevel;
import dev.typhon.semantic.diagnostics.RuleSelection;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.typhon.ast.PythonVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code toml} configuration block (§7.2) strictly: a key or table that the schema does not
 * have, or a value of the wrong type, is an error, as in ty.
 */
public final class ConfigParser {

    /** A configuration block that is not valid; {@link #line()} is 1-based within the block, or 0 when unknown. */
    public static final class ConfigException extends Exception {

        private static final long serialVersionUID = 1L;

        private final int line;

        ConfigException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final TomlMapper MAPPER = new TomlMapper();

    private static final List<String> TOP_KEYS = List.of("log", "verbose", "system", "environment", "rules", "analysis", "project");
    private static final List<String> ENVIRONMENT_KEYS = List.of("python-version", "python-platform", "typeshed", "extra-paths", "python");
    private static final List<String> ANALYSIS_KEYS = List.of("strict-generic-narrowing", "strict-equality-semantics",
            "strict-literal-narrowing", "respect-type-ignore-comments", "allowed-unresolved-imports", "replace-imports-with-any");
    private static final List<String> PROJECT_KEYS = List.of("dependencies");
    private static final Set<String> SYSTEMS = Set.of("in-memory", "os");

    private ConfigParser() {
    }

    /** Parses the text of a {@code toml} block. */
    public static TestConfig parse(String toml) throws ConfigException {
        JsonNode root;
        try {
            root = MAPPER.readTree(toml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(at == null ? 0 : Math.max(0, at.getLineNr()),
                    "invalid TOML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return TestConfig.DEFAULT;
        }
        checkKeys(root, "", TOP_KEYS);
        PythonVersion version = null;
        String platform = null;
        String typeshed = null;
        List<String> extraPaths = List.of();
        String python = null;
        JsonNode env = table(root, "environment");
        if (env != null) {
            checkKeys(env, "environment.", ENVIRONMENT_KEYS);
            String v = string(env, "python-version", "environment.");
            if (v != null) {
                try {
                    version = PythonVersion.parse(v);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(0, "environment.python-version: " + e.getMessage());
                }
            }
            platform = string(env, "python-platform", "environment.");
            typeshed = string(env, "typeshed", "environment.");
            List<String> extra = strings(env, "extra-paths", "environment.");
            extraPaths = extra == null ? List.of() : extra;
            python = string(env, "python", "environment.");
        }
        RuleSelection rules = rules(table(root, "rules"), "rules.");
        AnalysisSettings analysis = analysis(table(root, "analysis"), "analysis.");
        List<String> dependencies = null;
        JsonNode project = table(root, "project");
        if (project != null) {
            checkKeys(project, "project.", PROJECT_KEYS);
            List<String> deps = strings(project, "dependencies", "project.");
            dependencies = deps == null ? List.of() : deps;
        }
        Boolean verbose = bool(root, "verbose", "");
        String system = string(root, "system", "");
        if (system != null && !SYSTEMS.contains(system)) {
            throw new ConfigException(0, "system: unknown variant `" + system + "`, expected `in-memory` or `os`");
        }
        String log = null;
        JsonNode logNode = root.get("log");
        if (logNode != null) {
            if (logNode.isBoolean() || logNode.isTextual()) {
                log = logNode.asText();
            } else {
                throw new ConfigException(0, "log: expected a boolean or a string");
            }
        }
        return new TestConfig(version, platform, typeshed, extraPaths, python, rules, analysis,
                verbose != null && verbose, "os".equals(system), log, dependencies);
    }

    /** A {@code [rules]} table (null: the default selection); {@code prefix} names it in messages. */
    static RuleSelection rules(JsonNode rulesTable, String prefix) throws ConfigException {
        if (rulesTable == null) {
            return RuleSelection.DEFAULT;
        }
        Map<String, RuleLevel> levels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : rulesTable.properties()) {
            if (!e.getValue().isTextual()) {
                throw new ConfigException(0, prefix + e.getKey() + ": expected a string (`ignore`, `warn` or `error`)");
            }
            try {
                levels.put(e.getKey(), RuleLevel.parse(e.getValue().textValue()));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(0, prefix + e.getKey() + ": " + ex.getMessage());
            }
        }
        return new RuleSelection(levels);
    }

    /** An {@code [analysis]} table (null: the defaults); {@code prefix} names it in messages. */
    static AnalysisSettings analysis(JsonNode analysisTable, String prefix) throws ConfigException {
        if (analysisTable == null) {
            return AnalysisSettings.DEFAULT;
        }
        checkKeys(analysisTable, prefix, ANALYSIS_KEYS);
        if (analysisTable.has("strict-equality-semantics") && analysisTable.has("strict-literal-narrowing")) {
            throw new ConfigException(0, prefix + "strict-literal-narrowing: duplicate field `strict-equality-semantics` "
                    + "(`strict-literal-narrowing` is its alias)");
        }
        Boolean equality = bool(analysisTable, "strict-equality-semantics", prefix);
        if (equality == null) {
            equality = bool(analysisTable, "strict-literal-narrowing", prefix);
        }
        Boolean generic = bool(analysisTable, "strict-generic-narrowing", prefix);
        Boolean typeIgnore = bool(analysisTable, "respect-type-ignore-comments", prefix);
        List<String> allowed = strings(analysisTable, "allowed-unresolved-imports", prefix);
        List<String> replace = strings(analysisTable, "replace-imports-with-any", prefix);
        AnalysisSettings d = AnalysisSettings.DEFAULT;
        return new AnalysisSettings(generic != null ? generic : d.strictGenericNarrowing(),
                equality != null ? equality : d.strictEqualitySemantics(),
                typeIgnore != null ? typeIgnore : d.respectTypeIgnoreComments(),
                allowed != null ? allowed : d.allowedUnresolvedImports(),
                replace != null ? replace : d.replaceImportsWithAny());
    }

    private static void checkKeys(JsonNode table, String prefix, List<String> allowed) throws ConfigException {
        for (Map.Entry<String, JsonNode> e : table.properties()) {
            if (!allowed.contains(e.getKey())) {
                throw new ConfigException(0, "unknown field `" + prefix + e.getKey() + "`, expected one of "
                        + String.join(", ", allowed.stream().map(k -> "`" + k + "`").toList()));
            }
        }
    }

    static JsonNode table(JsonNode parent, String key) throws ConfigException {
        JsonNode node = parent.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw new ConfigException(0, key + ": expected a table");
        }
        return node;
    }

    private static String string(JsonNode parent, String key, String prefix) throws ConfigException {
        JsonNode node = parent.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ConfigException(0, prefix + key + ": expected a string");
        }
        return node.textValue();
    }

    private static Boolean bool(JsonNode parent, String key, String prefix) throws ConfigException {
        JsonNode node = parent.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new ConfigException(0, prefix + key + ": expected a boolean");
        }
        return node.booleanValue();
    }

    private static List<String> strings(JsonNode parent, String key, String prefix) throws ConfigException {
        JsonNode node = parent.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new ConfigException(0, prefix + key + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new ConfigException(0, prefix + key + ": expected an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }
}
