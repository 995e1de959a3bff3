package dev.typhon.semantic.index;

/**
 * A member place of a scope: an attribute or literal-subscript path from a name
 * ({@code self.x}, {@code a.b.c}, {@code d["k"]}, {@code t[0]}) that assignments bind and tests
 * narrow, tracked through the flow like a symbol. Rebinding a prefix ({@code self = ...},
 * {@code a.b = ...}) forgets what was known of the longer paths.
 *
 * @param id         index in its scope's {@link Scope#places()}
 * @param rootSymbol the symbol id of the name the path starts from
 * @param parent     the place one segment shorter, or -1 when that is the root name itself
 * @param kind       what the last segment is
 * @param segment    the attribute name (mangled as CPython mangles it), or the subscript key's
 *                   value (the string, or the integer's decimal text)
 * @param text       the path as it would be written: {@code self.x}, {@code d["k"]}, {@code t[0]}
 */
public record Place(int id, int rootSymbol, int parent, SegmentKind kind, String segment, String text) {

    public enum SegmentKind { ATTRIBUTE, INT_SUBSCRIPT, STR_SUBSCRIPT }
}
