package dev.typhon.semantic.diagnostics;

import dev.typhon.ast.Nullable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule registry: every rule the checker can report, with its default level (as ty sets it for
 * the rules ty has) and a one-line description. Settings ({@code --error RULE}, a {@code [rules]}
 * table) are validated against it, and {@link #selection} turns a user's levels into the complete
 * {@link RuleSelection} a command-line run applies, so a rule off by default stays off there.
 *
 * <p>A few diagnostic ids are not rules ({@link #NOT_RULES}): a syntax error, a file that cannot be
 * read, a revealed type and an internal failure are always reported and cannot be configured.
 */
public final class Rules {

    /** One rule: its name, the level it has unless configured, and what it checks. */
    public record Rule(String name, RuleLevel defaultLevel, String description) {
        /** Whether the rule reports anything unless a setting turns it on. */
        public boolean enabledByDefault() {
            return defaultLevel != RuleLevel.IGNORE;
        }
    }

    /** Diagnostic ids that belong to no rule: always reported, never configurable. */
    public static final Set<String> NOT_RULES = Set.of("invalid-syntax", "io", "revealed-type", "internal-error");

    private static final Map<String, Rule> RULES;

    static {
        Map<String, Rule> m = new TreeMap<>();
        for (Object[] r : new Object[][] {
            {"call-non-callable", RuleLevel.ERROR, "calls of objects that are not callable"},
            {"conflicting-declarations", RuleLevel.ERROR, "a name declared with two types that conflict"},
            {"invalid-declaration", RuleLevel.ERROR, "a declared type that the name's earlier bindings do not fit"},
            {"cyclic-class-definition", RuleLevel.ERROR, "classes that inherit from themselves"},
            {"dataclass-field-order", RuleLevel.ERROR, "dataclass fields without a default after fields with one"},
            {"duplicate-kw-only", RuleLevel.ERROR, "a dataclass with more than one `KW_ONLY` marker"},
            {"final-without-value", RuleLevel.ERROR, "`Final` names declared without a value where one is required"},
            {"invalid-dataclass-override", RuleLevel.ERROR, "dataclass methods that would override a synthesized one"},
            {"invalid-enum-member-annotation", RuleLevel.WARN, "enum members with a type annotation"},
            {"invalid-frozen-dataclass-subclass", RuleLevel.ERROR, "frozen and non-frozen dataclasses inheriting from each other"},
            {"invalid-generic-enum", RuleLevel.ERROR, "enum classes that are generic"},
            {"invalid-key", RuleLevel.ERROR, "keys a TypedDict does not define"},
            {"missing-typed-dict-key", RuleLevel.ERROR, "TypedDict values that lack a required key"},
            {"redundant-final-classvar", RuleLevel.WARN, "`ClassVar[Final[...]]` where `Final` alone implies it"},
            {"subclass-of-dataclass-with-order", RuleLevel.WARN, "subclasses of an ordered dataclass that change its fields"},
            {"subclass-of-final-class", RuleLevel.ERROR, "classes that inherit from a `@final` class or an enum with members"},
            {"division-by-zero", RuleLevel.IGNORE, "division or modulo by a literal zero (off by default: noisy)"},
            {"duplicate-base", RuleLevel.ERROR, "a class that lists the same base twice"},
            {"escape-character-in-forward-annotation", RuleLevel.ERROR, "string annotations that contain escapes"},
            {"experimental-syntax", RuleLevel.IGNORE, "syntax the checker treats as experimental"},
            {"implicit-concatenated-string-type-annotation", RuleLevel.ERROR,
                "string annotations made of implicitly concatenated strings"},
            {"inconsistent-mro", RuleLevel.ERROR, "classes whose bases admit no consistent method resolution order"},
            {"index-out-of-bounds", RuleLevel.ERROR, "a constant index outside a tuple or string of known length"},
            {"invalid-argument-type", RuleLevel.ERROR, "arguments not assignable to the parameter's type"},
            {"invalid-assignment", RuleLevel.ERROR, "values not assignable to the declared type of their target"},
            {"invalid-attribute-access", RuleLevel.ERROR, "attribute accesses the attribute's kind forbids"},
            {"invalid-base", RuleLevel.ERROR, "class bases that cannot be inherited from"},
            {"invalid-context-manager", RuleLevel.ERROR, "`with` on objects that are no context manager"},
            {"invalid-generic-class", RuleLevel.ERROR, "generic class definitions that are not valid"},
            {"invalid-return-type", RuleLevel.ERROR, "returned values not assignable to the declared return type"},
            {"invalid-syntax-in-forward-annotation", RuleLevel.ERROR, "string annotations that do not parse"},
            {"invalid-type-arguments", RuleLevel.ERROR, "type arguments of the wrong number or kind"},
            {"invalid-type-form", RuleLevel.ERROR, "expressions that are not valid in a type expression"},
            {"missing-argument", RuleLevel.ERROR, "calls that leave a required parameter without an argument"},
            {"missing-override-decorator", RuleLevel.IGNORE, "overriding methods without `@override`"},
            {"missing-type-argument", RuleLevel.IGNORE,
                "generic classes used without type arguments in annotations (off by default, as in ty: the spec reads them as Any)"},
            {"no-matching-overload", RuleLevel.ERROR, "calls that match no overload of the callee"},
            {"not-iterable", RuleLevel.ERROR, "iteration over objects that are not iterable"},
            {"not-subscriptable", RuleLevel.ERROR, "subscripts of objects that do not support them"},
            {"override-of-final-method", RuleLevel.ERROR, "methods that override a `@final` method"},
            {"override-of-final-variable", RuleLevel.ERROR, "attributes that override a `Final` one"},
            {"parameter-already-assigned", RuleLevel.ERROR, "an argument given twice for one parameter"},
            {"possibly-missing-attribute", RuleLevel.WARN, "attributes that exist on some paths or members only"},
            {"possibly-unresolved-reference", RuleLevel.IGNORE, "names that are defined on some paths only"},
            {"raw-string-type-annotation", RuleLevel.ERROR, "raw strings used as annotations"},
            {"static-assert-error", RuleLevel.ERROR, "`static_assert` whose argument is not statically true"},
            {"too-many-positional-arguments", RuleLevel.ERROR, "calls with more positional arguments than accepted"},
            {"type-assertion-failure", RuleLevel.ERROR, "`assert_type` whose argument has another type"},
            {"undefined-reveal", RuleLevel.WARN, "`reveal_type` used without importing it"},
            {"unknown-argument", RuleLevel.ERROR, "keyword arguments that match no parameter"},
            {"unresolved-attribute", RuleLevel.ERROR, "attributes the object does not have"},
            {"unresolved-import", RuleLevel.ERROR, "imports of modules or members that cannot be found"},
            {"unresolved-reference", RuleLevel.ERROR, "names that are not defined"},
            {"unsound-assignment", RuleLevel.IGNORE, "assignments accepted only through an unsound rule"},
            {"unsound-return-statement", RuleLevel.IGNORE, "returns accepted only through an unsound rule"},
            {"unsound-yield", RuleLevel.IGNORE, "yields accepted only through an unsound rule"},
            {"unsupported-base", RuleLevel.WARN, "class bases the checker cannot analyse"},
            {"unsupported-bool-conversion", RuleLevel.ERROR, "objects whose truth value cannot be taken"},
            {"unsupported-operator", RuleLevel.ERROR, "operators the operand types do not support"},
            {"unused-ignore-comment", RuleLevel.IGNORE, "`ty: ignore` / `typhon: ignore` comments that suppress nothing"},
            {"unused-type-ignore-comment", RuleLevel.IGNORE, "`type: ignore` comments that suppress nothing"},
            {"zero-stepsize-in-slice", RuleLevel.ERROR, "slices with a literal step of zero"},
        }) {
            Rule rule = new Rule((String) r[0], (RuleLevel) r[1], (String) r[2]);
            m.put(rule.name(), rule);
        }
        RULES = Collections.unmodifiableMap(m);
    }

    private Rules() {
    }

    /** Every rule, by name (sorted). */
    public static Collection<Rule> all() {
        return RULES.values();
    }

    /** The rule of that name, or null when there is none. */
    public static @Nullable Rule lookup(String name) {
        return RULES.get(name);
    }

    public static boolean isRule(String name) {
        return RULES.containsKey(name);
    }

    /**
     * The complete selection for a run: each registered rule at the level the user gave it, else at
     * its default level (so rules off by default are off, and each rule reports at its own
     * severity). Throws IllegalArgumentException naming the first unknown rule of {@code levels}.
     */
    public static RuleSelection selection(Map<String, RuleLevel> levels) {
        for (String name : levels.keySet()) {
            if (!isRule(name)) {
                throw new IllegalArgumentException(unknownRuleMessage(name));
            }
        }
        Map<String, RuleLevel> all = new LinkedHashMap<>();
        for (Rule r : RULES.values()) {
            all.put(r.name(), levels.getOrDefault(r.name(), r.defaultLevel()));
        }
        return new RuleSelection(all);
    }

    /** {@code unknown rule `x`}, with the nearest registered name when one is close. */
    public static String unknownRuleMessage(String name) {
        if (NOT_RULES.contains(name)) {
            return "`" + name + "` is no rule: such diagnostics are always reported";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : RULES.keySet()) {
            int d = distance(name, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        String hint = best != null && bestDistance <= Math.max(2, name.length() / 4) ? " (did you mean `" + best + "`?)" : "";
        return "unknown rule `" + name + "`" + hint;
    }

    /** Levenshtein distance, for the did-you-mean hint. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
