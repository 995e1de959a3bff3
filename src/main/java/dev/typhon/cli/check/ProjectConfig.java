package dev.typhon.cli.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import dev.typhon.cli.UsageException;
import dev.typhon.semantic.diagnostics.RuleLevel;
import dev.typhon.semantic.diagnostics.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's settings file: {@code typhon.toml} (keys at the top level) or the
 * {@code [tool.typhon]} table of {@code pyproject.toml}, laid out as ty lays out {@code [tool.ty]}:
 * <pre>
 * [tool.typhon.environment]   python-version, python-platform, python, extra-paths, typeshed
 * [tool.typhon.rules]         rule-name = "error" | "warn" | "ignore"
 * [tool.typhon.src]           include, exclude, respect-ignore-files
 * </pre>
 * Read strictly: an unknown key, a value of the wrong type, a bad level or an unknown rule is a
 * {@link UsageException} naming the file and the line. Paths are resolved against the file's folder.
 *
 * @param file the file read, or null when the project has none
 * @param folder the folder the file is in (the project root it implies)
 */
public record ProjectConfig(@Nullable Path file, Path folder, @Nullable PythonVersion pythonVersion,
        @Nullable String pythonPlatform, @Nullable Path python, List<Path> extraPaths, @Nullable Path typeshed,
        Map<String, RuleLevel> rules, List<String> include, List<String> exclude, boolean respectIgnoreFiles) {

    static final String TYPHON_TOML = "typhon.toml";
    static final String PYPROJECT = "pyproject.toml";

    private static final TomlMapper MAPPER = new TomlMapper();
    private static final List<String> TOP_KEYS = List.of("environment", "rules", "src");
    private static final List<String> ENVIRONMENT_KEYS = List.of("python-version", "python-platform", "python",
            "extra-paths", "typeshed");
    private static final List<String> SRC_KEYS = List.of("include", "exclude", "respect-ignore-files");

    /** No file: every setting at its default. */
    public static ProjectConfig none(Path folder) {
        return new ProjectConfig(null, folder, null, null, null, List.of(), null, Map.of(), List.of(), List.of(), true);
    }

    /**
     * The settings of {@code folder}: its {@code typhon.toml} if it has one (it wins over
     * pyproject.toml, as ty.toml does), else its pyproject.toml's {@code [tool.typhon]}; empty when
     * neither holds settings.
     */
    public static @Nullable ProjectConfig readFolder(Path folder) throws UsageException {
        Path typhonToml = folder.resolve(TYPHON_TOML);
        if (Files.isRegularFile(typhonToml)) {
            return read(typhonToml, false);
        }
        Path pyproject = folder.resolve(PYPROJECT);
        if (Files.isRegularFile(pyproject)) {
            return read(pyproject, true);
        }
        return null;
    }

    /**
     * The project around {@code start} when no root is given, as ty finds it: the nearest folder
     * (start or an ancestor) with a typhon.toml or a pyproject.toml with {@code [tool.typhon]};
     * else the nearest folder with a pyproject.toml (the project root, without settings); else
     * {@code start} itself.
     */
    public static ProjectConfig discover(Path start) throws UsageException {
        Path firstPyproject = null;
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            ProjectConfig c = readFolder(dir);
            if (c != null && c.file() != null) {
                return c;
            }
            if (firstPyproject == null && Files.isRegularFile(dir.resolve(PYPROJECT))) {
                firstPyproject = dir;
            }
        }
        return none(firstPyproject != null ? firstPyproject : start);
    }

    /** Reads one file; a pyproject.toml without {@code [tool.typhon]} gives settings with no file. */
    static ProjectConfig read(Path file, boolean pyproject) throws UsageException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(Paths.shown(file) + ": cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(0, at.getLineNr());
            throw new UsageException(where(file, line) + "invalid TOML: " + e.getOriginalMessage());
        }
        List<String> prefix = pyproject ? List.of("tool", "typhon") : List.of();
        JsonNode settings = root;
        for (String key : prefix) {
            settings = settings == null ? null : settings.get(key);
        }
        if (settings == null || settings.isMissingNode() || settings.isNull()) {
            return none(folder);
        }
        return new Reader(file, folder, TomlLines.of(text), prefix).read(settings);
    }

    /** {@code path:line: }, or {@code path: } when the line is unknown. */
    static String where(Path file, int line) {
        return Paths.shown(file) + (line > 0 ? ":" + line : "") + ": ";
    }

    /** Reads the settings table, knowing where each key is written for the messages. */
    private record Reader(Path file, Path folder, TomlLines lines, List<String> prefix) {

        ProjectConfig read(JsonNode settings) throws UsageException {
            table(settings, List.of());
            keys(settings, List.of(), TOP_KEYS);
            PythonVersion version = null;
            String platform = null;
            Path python = null;
            Path typeshed = null;
            List<Path> extraPaths = List.of();
            JsonNode env = settings.get("environment");
            if (env != null) {
                List<String> at = List.of("environment");
                table(env, at);
                keys(env, at, ENVIRONMENT_KEYS);
                String v = string(env, at, "python-version");
                if (v != null) {
                    try {
                        version = PythonVersion.parseSupported(v);
                    } catch (IllegalArgumentException e) {
                        throw error(List.of("environment", "python-version"), "invalid python-version: " + e.getMessage());
                    }
                }
                platform = string(env, at, "python-platform");
                String p = string(env, at, "python");
                python = p == null ? null : folder.resolve(p).normalize();
                String t = string(env, at, "typeshed");
                typeshed = t == null ? null : folder.resolve(t).normalize();
                List<String> extra = strings(env, at, "extra-paths");
                if (extra != null) {
                    extraPaths = extra.stream().map(x -> folder.resolve(x).normalize()).toList();
                }
            }
            Map<String, RuleLevel> rules = new LinkedHashMap<>();
            JsonNode rulesNode = settings.get("rules");
            if (rulesNode != null) {
                List<String> at = List.of("rules");
                table(rulesNode, at);
                for (Map.Entry<String, JsonNode> e : rulesNode.properties()) {
                    List<String> key = List.of("rules", e.getKey());
                    if (!Rules.isRule(e.getKey())) {
                        throw error(key, Rules.unknownRuleMessage(e.getKey()));
                    }
                    if (!e.getValue().isTextual()) {
                        throw error(key, "`" + dotted(key) + "` must be \"error\", \"warn\" or \"ignore\"");
                    }
                    try {
                        rules.put(e.getKey(), RuleLevel.parse(e.getValue().textValue()));
                    } catch (IllegalArgumentException ex) {
                        throw error(key, "`" + dotted(key) + "`: " + ex.getMessage());
                    }
                }
            }
            List<String> include = List.of();
            List<String> exclude = List.of();
            boolean respectIgnoreFiles = true;
            JsonNode src = settings.get("src");
            if (src != null) {
                List<String> at = List.of("src");
                table(src, at);
                keys(src, at, SRC_KEYS);
                List<String> in = strings(src, at, "include");
                include = in == null ? List.of() : in;
                List<String> ex = strings(src, at, "exclude");
                exclude = ex == null ? List.of() : ex;
                JsonNode r = src.get("respect-ignore-files");
                if (r != null) {
                    if (!r.isBoolean()) {
                        throw error(List.of("src", "respect-ignore-files"), "`" + dotted(List.of("src", "respect-ignore-files"))
                                + "` must be true or false");
                    }
                    respectIgnoreFiles = r.booleanValue();
                }
            }
            return new ProjectConfig(file.toAbsolutePath().normalize(), folder, version, platform, python, extraPaths,
                    typeshed, rules, include, exclude, respectIgnoreFiles);
        }

        private String dotted(List<String> key) {
            List<String> all = new ArrayList<>(prefix);
            all.addAll(key);
            return String.join(".", all);
        }

        private UsageException error(List<String> key, String message) {
            List<String> all = new ArrayList<>(prefix);
            all.addAll(key);
            return new UsageException(where(file, lines.lineOf(all)) + message);
        }

        private void table(JsonNode node, List<String> at) throws UsageException {
            if (!node.isObject()) {
                throw error(at, "`" + dotted(at) + "` must be a table");
            }
        }

        private void keys(JsonNode table, List<String> at, List<String> allowed) throws UsageException {
            for (Map.Entry<String, JsonNode> e : table.properties()) {
                if (!allowed.contains(e.getKey())) {
                    List<String> key = new ArrayList<>(at);
                    key.add(e.getKey());
                    throw error(key, "unknown key `" + dotted(key) + "`, expected one of "
                            + String.join(", ", allowed.stream().map(k -> "`" + k + "`").toList()));
                }
            }
        }

        private @Nullable String string(JsonNode table, List<String> at, String name) throws UsageException {
            JsonNode node = table.get(name);
            if (node == null) {
                return null;
            }
            List<String> key = new ArrayList<>(at);
            key.add(name);
            if (!node.isTextual()) {
                throw error(key, "`" + dotted(key) + "` must be a string");
            }
            return node.textValue();
        }

        private @Nullable List<String> strings(JsonNode table, List<String> at, String name) throws UsageException {
            JsonNode node = table.get(name);
            if (node == null) {
                return null;
            }
            List<String> key = new ArrayList<>(at);
            key.add(name);
            if (!node.isArray()) {
                throw error(key, "`" + dotted(key) + "` must be an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw error(key, "`" + dotted(key) + "` must be an array of strings");
                }
                out.add(item.textValue());
            }
            return out;
        }
    }
}
