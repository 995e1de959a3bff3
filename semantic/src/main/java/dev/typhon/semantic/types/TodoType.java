package dev.typhon.semantic.types;

/**
 * A type for what Typhon does not model yet: it behaves as {@code Unknown}, and says so, so a gap is
 * never silently wrong. Displayed as {@code @Todo} (ty's release form; the reason is for developers).
 *
 * @param reason what is missing, e.g. {@code "ParamSpec"}
 */
public record TodoType(String reason) implements Type {
    @Override
    public String display() {
        return "@Todo";
    }
}
