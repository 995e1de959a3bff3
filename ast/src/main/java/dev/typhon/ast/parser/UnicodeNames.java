package dev.typhon.ast.parser;

import java.util.Locale;
import java.util.Map;

/**
 * Looks up {@code \N{...}} names the way CPython's {@code unicodedata} does: case-insensitive
 * Unicode names and name aliases, upper-case algorithmic names ({@code CJK UNIFIED IDEOGRAPH-4E00},
 * {@code HANGUL SYLLABLE GA}), no named sequences. Java's {@link Character#codePointOf} supplies the
 * names; its extra spellings (surrounding blanks, "block name + hex") are refused.
 */
final class UnicodeNames {

    private UnicodeNames() {
    }

    private static final String[] JAMO_L = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J",
        "JJ", "C", "K", "T", "P", "H"};
    private static final String[] JAMO_V = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
        "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
    private static final String[] JAMO_T = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB",
        "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

    /** Name aliases (Unicode's NameAliases.txt) that Java's name table does not know. */
    private static final Map<String, Integer> ALIASES = Map.ofEntries(
            Map.entry("NULL", 0x00), Map.entry("NUL", 0x00),
            Map.entry("START OF HEADING", 0x01), Map.entry("SOH", 0x01),
            Map.entry("START OF TEXT", 0x02), Map.entry("STX", 0x02),
            Map.entry("END OF TEXT", 0x03), Map.entry("ETX", 0x03),
            Map.entry("END OF TRANSMISSION", 0x04), Map.entry("EOT", 0x04),
            Map.entry("ENQUIRY", 0x05), Map.entry("ENQ", 0x05),
            Map.entry("ACKNOWLEDGE", 0x06), Map.entry("ACK", 0x06),
            Map.entry("ALERT", 0x07), Map.entry("BEL", 0x07),
            Map.entry("BACKSPACE", 0x08), Map.entry("BS", 0x08),
            Map.entry("CHARACTER TABULATION", 0x09), Map.entry("HORIZONTAL TABULATION", 0x09),
            Map.entry("HT", 0x09), Map.entry("TAB", 0x09),
            Map.entry("LINE FEED", 0x0A), Map.entry("NEW LINE", 0x0A), Map.entry("END OF LINE", 0x0A),
            Map.entry("LF", 0x0A), Map.entry("NL", 0x0A), Map.entry("EOL", 0x0A),
            Map.entry("LINE TABULATION", 0x0B), Map.entry("VERTICAL TABULATION", 0x0B), Map.entry("VT", 0x0B),
            Map.entry("FORM FEED", 0x0C), Map.entry("FF", 0x0C),
            Map.entry("CARRIAGE RETURN", 0x0D), Map.entry("CR", 0x0D),
            Map.entry("SHIFT OUT", 0x0E), Map.entry("LOCKING-SHIFT ONE", 0x0E), Map.entry("SO", 0x0E),
            Map.entry("SHIFT IN", 0x0F), Map.entry("LOCKING-SHIFT ZERO", 0x0F), Map.entry("SI", 0x0F),
            Map.entry("DATA LINK ESCAPE", 0x10), Map.entry("DLE", 0x10),
            Map.entry("DEVICE CONTROL ONE", 0x11), Map.entry("DC1", 0x11),
            Map.entry("DEVICE CONTROL TWO", 0x12), Map.entry("DC2", 0x12),
            Map.entry("DEVICE CONTROL THREE", 0x13), Map.entry("DC3", 0x13),
            Map.entry("DEVICE CONTROL FOUR", 0x14), Map.entry("DC4", 0x14),
            Map.entry("NEGATIVE ACKNOWLEDGE", 0x15), Map.entry("NAK", 0x15),
            Map.entry("SYNCHRONOUS IDLE", 0x16), Map.entry("SYN", 0x16),
            Map.entry("END OF TRANSMISSION BLOCK", 0x17), Map.entry("ETB", 0x17),
            Map.entry("CANCEL", 0x18), Map.entry("CAN", 0x18),
            Map.entry("END OF MEDIUM", 0x19), Map.entry("EOM", 0x19),
            Map.entry("SUBSTITUTE", 0x1A), Map.entry("SUB", 0x1A),
            Map.entry("ESCAPE", 0x1B), Map.entry("ESC", 0x1B),
            Map.entry("INFORMATION SEPARATOR FOUR", 0x1C), Map.entry("FILE SEPARATOR", 0x1C), Map.entry("FS", 0x1C),
            Map.entry("INFORMATION SEPARATOR THREE", 0x1D), Map.entry("GROUP SEPARATOR", 0x1D),
            Map.entry("GS", 0x1D),
            Map.entry("INFORMATION SEPARATOR TWO", 0x1E), Map.entry("RECORD SEPARATOR", 0x1E),
            Map.entry("RS", 0x1E),
            Map.entry("INFORMATION SEPARATOR ONE", 0x1F), Map.entry("UNIT SEPARATOR", 0x1F),
            Map.entry("US", 0x1F),
            Map.entry("SP", 0x20),
            Map.entry("DELETE", 0x7F), Map.entry("DEL", 0x7F),
            Map.entry("PADDING CHARACTER", 0x80), Map.entry("PAD", 0x80),
            Map.entry("HIGH OCTET PRESET", 0x81), Map.entry("HOP", 0x81),
            Map.entry("BREAK PERMITTED HERE", 0x82), Map.entry("BPH", 0x82),
            Map.entry("NO BREAK HERE", 0x83), Map.entry("NBH", 0x83),
            Map.entry("INDEX", 0x84), Map.entry("IND", 0x84),
            Map.entry("NEXT LINE", 0x85), Map.entry("NEL", 0x85),
            Map.entry("START OF SELECTED AREA", 0x86), Map.entry("SSA", 0x86),
            Map.entry("END OF SELECTED AREA", 0x87), Map.entry("ESA", 0x87),
            Map.entry("CHARACTER TABULATION SET", 0x88), Map.entry("HORIZONTAL TABULATION SET", 0x88),
            Map.entry("HTS", 0x88),
            Map.entry("CHARACTER TABULATION WITH JUSTIFICATION", 0x89),
            Map.entry("HORIZONTAL TABULATION WITH JUSTIFICATION", 0x89), Map.entry("HTJ", 0x89),
            Map.entry("LINE TABULATION SET", 0x8A), Map.entry("VERTICAL TABULATION SET", 0x8A),
            Map.entry("VTS", 0x8A),
            Map.entry("PARTIAL LINE FORWARD", 0x8B), Map.entry("PARTIAL LINE DOWN", 0x8B), Map.entry("PLD", 0x8B),
            Map.entry("PARTIAL LINE BACKWARD", 0x8C), Map.entry("PARTIAL LINE UP", 0x8C), Map.entry("PLU", 0x8C),
            Map.entry("REVERSE LINE FEED", 0x8D), Map.entry("REVERSE INDEX", 0x8D), Map.entry("RI", 0x8D),
            Map.entry("SINGLE SHIFT TWO", 0x8E), Map.entry("SINGLE-SHIFT-2", 0x8E), Map.entry("SS2", 0x8E),
            Map.entry("SINGLE SHIFT THREE", 0x8F), Map.entry("SINGLE-SHIFT-3", 0x8F), Map.entry("SS3", 0x8F),
            Map.entry("DEVICE CONTROL STRING", 0x90), Map.entry("DCS", 0x90),
            Map.entry("PRIVATE USE ONE", 0x91), Map.entry("PRIVATE USE-1", 0x91), Map.entry("PU1", 0x91),
            Map.entry("PRIVATE USE TWO", 0x92), Map.entry("PRIVATE USE-2", 0x92), Map.entry("PU2", 0x92),
            Map.entry("SET TRANSMIT STATE", 0x93), Map.entry("STS", 0x93),
            Map.entry("CANCEL CHARACTER", 0x94), Map.entry("CCH", 0x94),
            Map.entry("MESSAGE WAITING", 0x95), Map.entry("MW", 0x95),
            Map.entry("START OF GUARDED AREA", 0x96), Map.entry("START OF PROTECTED AREA", 0x96),
            Map.entry("SPA", 0x96),
            Map.entry("END OF GUARDED AREA", 0x97), Map.entry("END OF PROTECTED AREA", 0x97),
            Map.entry("EPA", 0x97),
            Map.entry("START OF STRING", 0x98), Map.entry("SOS", 0x98),
            Map.entry("SINGLE GRAPHIC CHARACTER INTRODUCER", 0x99), Map.entry("SGC", 0x99),
            Map.entry("SINGLE CHARACTER INTRODUCER", 0x9A), Map.entry("SCI", 0x9A),
            Map.entry("CONTROL SEQUENCE INTRODUCER", 0x9B), Map.entry("CSI", 0x9B),
            Map.entry("STRING TERMINATOR", 0x9C), Map.entry("ST", 0x9C),
            Map.entry("OPERATING SYSTEM COMMAND", 0x9D), Map.entry("OSC", 0x9D),
            Map.entry("PRIVACY MESSAGE", 0x9E), Map.entry("PM", 0x9E),
            Map.entry("APPLICATION PROGRAM COMMAND", 0x9F), Map.entry("APC", 0x9F),
            Map.entry("NBSP", 0xA0), Map.entry("SHY", 0xAD),
            Map.entry("LATIN CAPITAL LETTER GHA", 0x01A2), Map.entry("LATIN SMALL LETTER GHA", 0x01A3),
            Map.entry("CGJ", 0x034F), Map.entry("ALM", 0x061C),
            Map.entry("MVS", 0x180E), Map.entry("FVS1", 0x180B), Map.entry("FVS2", 0x180C),
            Map.entry("FVS3", 0x180D), Map.entry("FVS4", 0x180F),
            Map.entry("ZWSP", 0x200B), Map.entry("ZWNJ", 0x200C), Map.entry("ZWJ", 0x200D),
            Map.entry("LRM", 0x200E), Map.entry("RLM", 0x200F),
            Map.entry("LRE", 0x202A), Map.entry("RLE", 0x202B), Map.entry("PDF", 0x202C),
            Map.entry("LRO", 0x202D), Map.entry("RLO", 0x202E), Map.entry("NNBSP", 0x202F),
            Map.entry("MMSP", 0x205F), Map.entry("WJ", 0x2060),
            Map.entry("LRI", 0x2066), Map.entry("RLI", 0x2067), Map.entry("FSI", 0x2068), Map.entry("PDI", 0x2069),
            Map.entry("BYTE ORDER MARK", 0xFEFF), Map.entry("ZWNBSP", 0xFEFF), Map.entry("BOM", 0xFEFF),
            Map.entry("VS1", 0xFE00), Map.entry("VS16", 0xFE0F));

    /** The code point named {@code name}, or -1. */
    static int lookup(String name) {
        if (name.isEmpty() || name.length() > 256) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || c < 0x20) {
                return -1;
            }
        }
        if (name.startsWith("CJK UNIFIED IDEOGRAPH-")) {
            return cjk(name);
        }
        if (name.regionMatches(true, 0, "HANGUL SYLLABLE ", 0, 16)) {
            return hangul(name);
        }
        if (Character.isWhitespace(name.charAt(0)) || Character.isWhitespace(name.charAt(name.length() - 1))) {
            return -1;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        Integer alias = ALIASES.get(upper);
        if (alias != null) {
            return alias;
        }
        int cp;
        try {
            cp = Character.codePointOf(upper);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        String real = Character.getName(cp);
        if (real == null || !real.equals(upper)) {
            return -1;
        }
        // Java names unnamed characters "BLOCK NAME HEX"; Python has no such names.
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        if (block != null && upper.equals(block.toString().replace('_', ' ') + " "
                + Integer.toHexString(cp).toUpperCase(Locale.ROOT))) {
            return -1;
        }
        return cp;
    }

    private static int cjk(String name) {
        int len = name.length();
        if (len != 26 && len != 27) {
            return -1;
        }
        int v = 0;
        for (int i = 22; i < len; i++) {
            char c = name.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        boolean unified = (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF)
                || (v >= 0x20000 && v <= 0x2A6DF) || (v >= 0x2A700 && v <= 0x2B739)
                || (v >= 0x2B740 && v <= 0x2B81D) || (v >= 0x2B820 && v <= 0x2CEA1)
                || (v >= 0x2CEB0 && v <= 0x2EBE0) || (v >= 0x2EBF0 && v <= 0x2EE5D)
                || (v >= 0x30000 && v <= 0x3134A) || (v >= 0x31350 && v <= 0x323AF);
        return unified ? v : -1;
    }

    private static int hangul(String name) {
        int pos = 16;
        int[] found = new int[2];
        longest(name, pos, JAMO_L, found);
        int l = found[1];
        pos += found[0];
        longest(name, pos, JAMO_V, found);
        int v = found[0] > 0 ? found[1] : -1;
        pos += found[0];
        longest(name, pos, JAMO_T, found);
        int t = found[1];
        pos += found[0];
        if (l < 0 || v < 0 || t < 0 || pos != name.length()) {
            return -1;
        }
        return 0xAC00 + (l * 21 + v) * 28 + t;
    }

    /** The longest jamo name at {@code pos}: found[0] = its length, found[1] = its index (or -1). */
    private static void longest(String s, int pos, String[] names, int[] found) {
        int bestLen = -1;
        int best = -1;
        for (int i = 0; i < names.length; i++) {
            String jamo = names[i];
            if (jamo.length() > bestLen && s.startsWith(jamo, pos)) {
                bestLen = jamo.length();
                best = i;
            }
        }
        found[0] = Math.max(bestLen, 0);
        found[1] = best;
    }
}
