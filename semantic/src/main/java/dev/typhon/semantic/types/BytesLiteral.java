package dev.typhon.semantic.types;

/**
 * {@code Literal[b"a"]}: one bytes value.
 *
 * @param value the bytes, one char (0 to 255) per byte, so the record compares by content
 */
public record BytesLiteral(String value) implements Type {
    public BytesLiteral {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xff) {
                throw new IllegalArgumentException("not a byte string");
            }
        }
    }

    public static BytesLiteral of(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = (char) (bytes[i] & 0xff);
        }
        return new BytesLiteral(new String(chars));
    }

    @Override
    public String display() {
        return "Literal[" + Literals.reprBytes(value) + "]";
    }
}
