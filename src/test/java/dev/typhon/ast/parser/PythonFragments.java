package dev.typhon.ast.parser;

import java.util.List;
import java.util.Random;

/**
 * Pieces of Python text for fuzzing: tokens of every kind (keywords, soft keywords, operators,
 * brackets, numbers good and bad, string and f-/t-string literals and their fragments, layout and
 * comments), and random edits of whole files.
 */
final class PythonFragments {

    static final List<String> TOKENS = List.of(
            // keywords and soft keywords
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "except*", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "match", "case", "type", "_", "print",
            // names
            "a", "b", "x", "foo", "self", "π", "__init__", "naïve", "ℌ", "a1", "\u0663",
            // operators and delimiters
            "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "~", "<", ">", "<=", ">=",
            "==", "!=", "->", ":=", "=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "<<=", ">>=",
            "&=", "|=", "^=", ".", "...", ",", ":", ";", "!", "(", ")", "[", "]", "{", "}", "$", "?", "`",
            "<>",
            // numbers, some malformed
            "0", "1", "42", "0x1f", "0o7", "0b1", "1_000", "1.5", ".5", "1.", "1e10", "1e-3", "3j", "1.5J",
            "1e", "1_", "0x", "00", "09", "1__0", "0b2", "1_000.000_1e+1_0j", "0xg", "12345678901234567890123",
            // strings
            "'a'", "\"b\"", "'''c'''", "\"\"\"d\"\"\"", "r'\\d'", "b'x'", "rb\"y\"", "u'z'", "'\\x41\\n'",
            "'\\N{BULLET}'", "'\\N{nope}'", "'\\x4'", "b'\\u1234'", "b'é'", "'unterminated", "\"\"\"open",
            "'''", "\"", "'",
            // f-strings and t-strings, whole and in pieces
            "f'{x}'", "f\"{x!r:>{y}}\"", "f'{x=}'", "f'{x = !s:^10}'", "f'{{}}'", "f'{'", "f'}'",
            "f\"{'a'}\"", "f'{f'{x}'}'", "f'''{x\n}'''", "rf'{x}\\n'", "t'{x}'", "t'{x:{y}}'", "tr'{x}'",
            "f'{x!z}'", "f'{}'", "f'{x:{y:{z}}}'", "f'{lambda: 1}'", "f'{yield}'", "f'{*x}'", "f'{x:\\n}'",
            "f'", "f\"", "f'''", "t'", "t\"\"\"", "{", "}", "!r", "!s", "!a", ":>10", "=}", "{x}",
            // layout and comments
            "\n", "\n", "\n", "\n    ", "\n        ", "\n\t", "\r\n", "\r", "\\\n", "\f", " ", "  ", "\t",
            "# comment", "# type: int", "# type: ignore[x]", "#!shebang", "\0", "\ufeff", "\u00a0", "\u200b",
            "\ud800", "\udc80");

    /** Characters a mutation may insert: everything that means something to the tokenizer. */
    private static final String CHARS = "()[]{}:;,.=+-*/%@<>!&|^~'\"\\#\n\r\t\f 0123456789abcfrtuxjJeE_$?`\0é€😀\ud800";

    private PythonFragments() {
    }

    /** Applies {@code count} random edits to {@code source}. */
    static String mutate(String source, Random r, int count) {
        StringBuilder sb = new StringBuilder(source);
        for (int i = 0; i < count; i++) {
            int n = sb.length();
            int at = r.nextInt(n + 1);
            switch (r.nextInt(9)) {
                case 0 -> sb.delete(at, Math.min(n, at + 1 + r.nextInt(8)));
                case 1 -> sb.insert(at, CHARS.charAt(r.nextInt(CHARS.length())));
                case 2 -> sb.insert(at, TOKENS.get(r.nextInt(TOKENS.size())));
                case 3 -> {
                    if (at + 1 < n) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
                case 4 -> {
                    int end = Math.min(n, at + 1 + r.nextInt(40));
                    String copy = sb.substring(at, end);
                    sb.insert(r.nextInt(sb.length() + 1), copy);
                }
                case 5 -> {
                    if (at < n) {
                        sb.setCharAt(at, CHARS.charAt(r.nextInt(CHARS.length())));
                    }
                }
                case 6 -> {
                    // delete the line around `at`
                    int ls = sb.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
                    int le = sb.indexOf("\n", at);
                    sb.delete(ls, le < 0 ? n : le + 1);
                }
                case 7 -> {
                    // move a range elsewhere
                    int end = Math.min(n, at + 1 + r.nextInt(30));
                    String cut = sb.substring(at, end);
                    sb.delete(at, end);
                    sb.insert(r.nextInt(sb.length() + 1), cut);
                }
                default -> {
                    // change the indentation of the line around `at`
                    int ls = sb.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
                    switch (r.nextInt(3)) {
                        case 0 -> sb.insert(ls, r.nextBoolean() ? "    " : "\t");
                        case 1 -> {
                            int k = 0;
                            while (ls + k < sb.length() && k < 4 && sb.charAt(ls + k) == ' ') {
                                k++;
                            }
                            sb.delete(ls, ls + k);
                        }
                        default -> sb.insert(ls, " ");
                    }
                }
            }
        }
        return sb.toString();
    }
}
