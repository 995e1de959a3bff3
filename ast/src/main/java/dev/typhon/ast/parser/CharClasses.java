package dev.typhon.ast.parser;

/**
 * The Unicode character classes the tokenizer needs, as CPython defines them: identifier
 * characters (XID_Start, XID_Continue) and {@code str.isprintable}.
 *
 * <p>Java's {@code isUnicodeIdentifierStart/Part} implement ID_Start/ID_Continue (plus ignorable
 * controls and U+2E2F in Java's profile); XID differs from ID by the few characters whose NFKC form
 * is not an identifier, which are excluded here.
 */
public final class CharClasses {

    private CharClasses() {
    }

    /** XID_Start, which Python requires of the first character of a name (besides {@code _}). */
    public static boolean isXidStart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        }
        if (!Character.isUnicodeIdentifierStart(cp) || cp == 0x2E2F) {
            return false;
        }
        return switch (cp) {
            case 0x037A, 0x0E33, 0x0EB3, 0x309B, 0x309C, 0xFC5E, 0xFC5F, 0xFC60, 0xFC61, 0xFC62, 0xFC63, 0xFDFA,
                    0xFDFB, 0xFE70, 0xFE72, 0xFE74, 0xFE76, 0xFE78, 0xFE7A, 0xFE7C, 0xFE7E, 0xFF9E, 0xFF9F -> false;
            default -> true;
        };
    }

    /** XID_Continue, which Python requires of the other characters of a name. */
    public static boolean isXidContinue(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp) || cp == 0x2E2F) {
            return false;
        }
        return switch (cp) {
            case 0x037A, 0x309B, 0x309C, 0xFC5E, 0xFC5F, 0xFC60, 0xFC61, 0xFC62, 0xFC63, 0xFDFA, 0xFDFB, 0xFE70,
                    0xFE72, 0xFE74, 0xFE76, 0xFE78, 0xFE7A, 0xFE7C, 0xFE7E -> false;
            default -> true;
        };
    }

    /** Python's {@code str.isprintable} for one character. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
