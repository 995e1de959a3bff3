package dev.typhon.semantic.types;

/** How literal values are spelled inside {@code Literal[...]}: always double quotes, as ty prints them. */
final class Literals {
    private Literals() {
    }

    static String reprStr(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(cp -> appendEscaped(sb, cp, false));
        return sb.append('"').toString();
    }

    static String reprBytes(String latin1) {
        StringBuilder sb = new StringBuilder(latin1.length() + 3).append("b\"");
        for (int i = 0; i < latin1.length(); i++) {
            appendEscaped(sb, latin1.charAt(i), true);
        }
        return sb.append('"').toString();
    }

    private static void appendEscaped(StringBuilder sb, int cp, boolean bytes) {
        switch (cp) {
            case '\\' -> sb.append("\\\\");
            case '"' -> sb.append("\\\"");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> {
                if (cp < 0x20 || cp == 0x7f || (bytes && cp > 0x7e)) {
                    sb.append(String.format("\\x%02x", cp));
                } else {
                    sb.appendCodePoint(cp);
                }
            }
        }
    }
}
