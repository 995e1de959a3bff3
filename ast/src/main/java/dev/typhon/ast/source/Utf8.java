package dev.typhon.ast.source;

/**
 * UTF-8 helpers that keep undecodable bytes instead of losing them.
 *
 * <p>CPython does not validate a UTF-8 source up front: a bad byte in a comment is accepted, one in a
 * string literal or a name fails only when that token is used, with a message that gives the byte's
 * position inside the token. To reproduce that, undecodable bytes are decoded as lone surrogates
 * U+DC80..U+DCFF (Python's "surrogateescape"), so the exact bytes can be recovered wherever a later
 * stage needs to complain about them.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Where and why CPython's strict UTF-8 decoder fails: bytes [start, end) and its reason. */
    public record DecodeError(int start, int end, String reason) {
    }

    /** True for a char that stands for an undecodable byte (a surrogate escape). */
    public static boolean isEscapedByte(char c) {
        return c >= 0xDC80 && c <= 0xDCFF;
    }

    /** Decodes {@code bytes[from, to)}, turning each byte of an invalid sequence into U+DC00+byte. */
    public static String decodeSurrogateEscape(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        if (i == to) {
            return new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[to - from];
        int n = 0;
        for (int k = from; k < i; k++) {
            out[n++] = (char) bytes[k];
        }
        while (i < to) {
            int b0 = bytes[i] & 0xFF;
            if (b0 < 0x80) {
                out[n++] = (char) b0;
                i++;
                continue;
            }
            int len = validSequenceLength(bytes, i, to);
            if (len == 0) {
                out[n++] = (char) (0xDC00 + b0);
                i++;
            } else if (len == 2) {
                out[n++] = (char) (((b0 & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            } else if (len == 3) {
                out[n++] = (char) (((b0 & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                i += 3;
            } else {
                int cp = ((b0 & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12)
                        | ((bytes[i + 2] & 0x3F) << 6) | (bytes[i + 3] & 0x3F);
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return new String(out, 0, n);
    }

    /** Length of the well-formed UTF-8 sequence starting at {@code i} (lead byte >= 0x80), or 0. */
    private static int validSequenceLength(byte[] b, int i, int to) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0xC2 || b0 > 0xF4) {
            return 0;
        }
        if (b0 < 0xE0) {
            return i + 1 < to && isCont(b[i + 1]) ? 2 : 0;
        }
        if (b0 < 0xF0) {
            if (i + 2 >= to) {
                return 0;
            }
            int b1 = b[i + 1] & 0xFF;
            if (!isCont(b[i + 1]) || (b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 >= 0xA0) || !isCont(b[i + 2])) {
                return 0;
            }
            return 3;
        }
        if (i + 3 >= to) {
            return 0;
        }
        int b1 = b[i + 1] & 0xFF;
        if (!isCont(b[i + 1]) || (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90)
                || !isCont(b[i + 2]) || !isCont(b[i + 3])) {
            return 0;
        }
        return 4;
    }

    private static boolean isCont(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * The first error CPython's strict UTF-8 decoder reports for {@code bytes[from, to)}, with
     * positions relative to {@code from}, or null when the bytes are valid.
     */
    public static DecodeError firstError(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int ch = bytes[i] & 0xFF;
            if (ch < 0x80) {
                i++;
                continue;
            }
            int left = to - i;
            if (ch < 0xC2 || ch > 0xF4) {
                return new DecodeError(i - from, i - from + 1, "invalid start byte");
            }
            if (ch < 0xE0) {
                if (left < 2) {
                    return new DecodeError(i - from, to - from, "unexpected end of data");
                }
                if (!isCont(bytes[i + 1])) {
                    return invalidContinuation(i - from, 1);
                }
                i += 2;
                continue;
            }
            if (ch < 0xF0) {
                if (left >= 2) {
                    int b1 = bytes[i + 1] & 0xFF;
                    if (!isCont(bytes[i + 1]) || (b1 < 0xA0 ? ch == 0xE0 : ch == 0xED)) {
                        return invalidContinuation(i - from, 1);
                    }
                }
                if (left < 3) {
                    return new DecodeError(i - from, to - from, "unexpected end of data");
                }
                if (!isCont(bytes[i + 2])) {
                    return invalidContinuation(i - from, 2);
                }
                i += 3;
                continue;
            }
            if (left >= 2) {
                int b1 = bytes[i + 1] & 0xFF;
                if (!isCont(bytes[i + 1]) || (b1 < 0x90 ? ch == 0xF0 : ch == 0xF4)) {
                    return invalidContinuation(i - from, 1);
                }
                if (left >= 3 && !isCont(bytes[i + 2])) {
                    return invalidContinuation(i - from, 2);
                }
            }
            if (left < 4) {
                return new DecodeError(i - from, to - from, "unexpected end of data");
            }
            if (!isCont(bytes[i + 3])) {
                return invalidContinuation(i - from, 3);
            }
            i += 4;
        }
        return null;
    }

    private static DecodeError invalidContinuation(int start, int length) {
        return new DecodeError(start, start + length, "invalid continuation byte");
    }

    /**
     * CPython's text for a decode error: {@code 'utf-8' codec can't decode byte 0xf6 in position 1:
     * invalid start byte}, or {@code bytes in position a-b} for a longer range.
     */
    public static String describe(String codec, byte[] bytes, int base, DecodeError e) {
        if (e.end() - e.start() == 1) {
            return String.format("'%s' codec can't decode byte 0x%02x in position %d: %s",
                    codec, bytes[base + e.start()] & 0xFF, e.start(), e.reason());
        }
        return String.format("'%s' codec can't decode bytes in position %d-%d: %s",
                codec, e.start(), e.end() - 1, e.reason());
    }

    /**
     * The bytes CPython would hold for {@code s[from, to)}: UTF-8, with surrogate escapes turned back
     * into the raw bytes they stand for and other lone surrogates encoded as three bytes.
     */
    public static byte[] encode(CharSequence s, int from, int to) {
        byte[] out = new byte[encodedLength(s, from, to)];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[n++] = (byte) (0xF0 | (cp >> 18));
                out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (isEscapedByte(c)) {
                out[n++] = (byte) (c - 0xDC00);
            } else {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    /** Number of bytes {@link #encode} produces for {@code s[from, to)}. */
    public static int encodedLength(CharSequence s, int from, int to) {
        int len = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len++;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 4;
                i++;
            } else if (isEscapedByte(c)) {
                len++;
            } else {
                len += 3;
            }
        }
        return len;
    }

    /** True when {@code s[from, to)} holds a lone surrogate, i.e. bytes CPython could not decode. */
    public static boolean hasLoneSurrogate(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }
}
