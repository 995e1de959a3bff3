package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.RuleSelection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checked file's PEP 723 script block ({@code # /// script} ... {@code # ///}, §5): a file with a
 * valid one is its own single-file project, whose {@code [tool.ty.rules]} and
 * {@code [tool.ty.analysis]} replace the test's (absent tables meaning the defaults, not the test's).
 * An indented, trailing, unclosed or invalid block establishes nothing.
 */
public final class ScriptMetadata {

    /** PEP 723's reference expression: a block at column 0, every content line a comment. */
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^# /// (?<type>[a-zA-Z0-9-]+)$\\s(?<content>(^#(| .*)$\\s)+)^# ///$");
    private static final TomlMapper MAPPER = new TomlMapper();

    /**
     * The project settings of a script.
     *
     * @param rules its {@code [tool.ty.rules]} (the default selection when absent)
     * @param analysis its {@code [tool.ty.analysis]} (the defaults when absent)
     */
    public record Settings(RuleSelection rules, AnalysisSettings analysis) {
    }

    private ScriptMetadata() {
    }

    /** The settings of the script block in {@code text}, or empty when it has no valid one. */
    public static Optional<Settings> read(String text) {
        if (!text.contains("# /// script")) {
            return Optional.empty();
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (!m.group("type").equals("script")) {
                continue;
            }
            StringBuilder toml = new StringBuilder();
            for (String line : m.group("content").split("\n", -1)) {
                String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (l.isEmpty()) {
                    continue;
                }
                toml.append(l.startsWith("# ") ? l.substring(2) : l.substring(1)).append('\n');
            }
            try {
                JsonNode root = MAPPER.readTree(toml.toString());
                JsonNode ty = root == null ? null : root.path("tool").path("ty");
                JsonNode rules = ty == null || !ty.has("rules") ? null : ConfigParser.table(ty, "rules");
                JsonNode analysis = ty == null || !ty.has("analysis") ? null : ConfigParser.table(ty, "analysis");
                return Optional.of(new Settings(ConfigParser.rules(rules, "tool.ty.rules."),
                        ConfigParser.analysis(analysis, "tool.ty.analysis.")));
            } catch (JsonProcessingException | ConfigParser.ConfigException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
