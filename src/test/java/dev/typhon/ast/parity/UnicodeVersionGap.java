package dev.typhon.ast.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The one way our dump may honestly differ from an older CPython's: {@code repr} shows a
 * printable character as itself, and whether a code point is assigned depends on the Unicode
 * database. Typhon follows Python 3.14 (Unicode 16.0, as this JDK); CPython 3.13 has Unicode
 * 15.1, so it escapes characters added in 16.0 ({@code '\U00014000'}). This class asks the oracle
 * which code points its database leaves unassigned, and rewrites our line the way that oracle's
 * {@code repr} would write those characters, so that only this difference is forgiven.
 */
final class UnicodeVersionGap {

    private final BitSet unassignedInOracle;
    private final String oracleVersion;

    private UnicodeVersionGap(BitSet unassignedInOracle, String oracleVersion) {
        this.unassignedInOracle = unassignedInOracle;
        this.oracleVersion = oracleVersion;
    }

    static UnicodeVersionGap of(Path python) throws IOException, InterruptedException {
        String code = "import unicodedata, sys\n"
                + "print(unicodedata.unidata_version)\n"
                + "cn = [c for c in range(0x110000) if unicodedata.category(chr(c)) == 'Cn']\n"
                + "print(' '.join(map(str, cn)))\n";
        Process p = new ProcessBuilder(python.toString(), "-c", code).redirectErrorStream(true).start();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n");
        if (p.waitFor() != 0 || lines.length < 2) {
            throw new IOException("could not read the oracle's Unicode database: " + String.join("\n", lines));
        }
        BitSet unassigned = new BitSet(0x110000);
        for (String n : lines[1].strip().split(" ")) {
            if (!n.isEmpty()) {
                unassigned.set(Integer.parseInt(n));
            }
        }
        return new UnicodeVersionGap(unassigned, lines[0].strip());
    }

    String oracleVersion() {
        return oracleVersion;
    }

    /** The Unicode version of this JDK, which Typhon's character classes follow. */
    String ourVersion() {
        return Runtime.version().feature() >= 24 ? "16.0" : Runtime.version().feature() >= 22 ? "15.1" : "15.0";
    }

    /**
     * Our line with every character that the oracle holds unassigned, but this JDK assigned,
     * written as the oracle's {@code repr} writes an unassigned character.
     */
    String escapeUnassigned(CharSequence line) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); ) {
            int cp = Character.codePointAt(line, i);
            i += Character.charCount(cp);
            if (cp >= 0x80 && unassignedInOracle.get(cp) && Character.getType(cp) != Character.UNASSIGNED) {
                out.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
