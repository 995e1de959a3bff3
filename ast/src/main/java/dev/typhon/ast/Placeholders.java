package dev.typhon.ast;

/**
 * How a tree recovered from a syntax error marks what was not typed yet. A file CPython accepts
 * never contains a placeholder; a file with errors keeps its broken statements with placeholders
 * where pieces are missing ({@code x = foo.} is an {@code Assign} whose value is
 * {@code Attribute(Name foo, attr='')}).
 *
 * <ul>
 *   <li>A missing <b>expression</b> is a {@link Name} whose {@code id} is {@link #MISSING_IDENTIFIER}
 *       (the empty string), with an empty range ({@code startOffset == endOffset}) just after the
 *       last token typed before the gap. Its context is {@code Load}, or {@code Store} where it
 *       stands for a missing assignment target ({@code for in x}, {@code with a as}). No real
 *       name is ever empty, so {@link #isMissing(Expr)} cannot mistake one for a placeholder.</li>
 *   <li>A missing <b>identifier</b> (an attribute after {@code .}, a function or class name, a
 *       parameter, an {@code as} name, an exception handler name) is {@link #MISSING_IDENTIFIER}.
 *       A dotted module name cut after a dot keeps the dot: {@code import a.} gives the alias
 *       name {@code "a."}, whose last component is empty.</li>
 *   <li>A missing <b>list</b> (call arguments, parameters, import names, a block that was never
 *       indented) is simply empty or holds what was typed so far.</li>
 * </ul>
 */
public final class Placeholders {

    /** The identifier that stands for a missing one (and the {@code id} of a missing expression). */
    public static final String MISSING_IDENTIFIER = "";

    private Placeholders() {
    }

    /** Whether {@code e} is the placeholder for a missing expression. */
    public static boolean isMissing(Expr e) {
        return e instanceof Name n && n.id().isEmpty();
    }

    /** Whether {@code identifier} is the placeholder for a missing identifier (null is not: it means absent). */
    public static boolean isMissing(String identifier) {
        return identifier != null && identifier.isEmpty();
    }

    /** A missing expression at the given point (an empty range). */
    public static Name missingExpression(ExprContext ctx, int lineno, int colOffset, int offset) {
        return Name.of(MISSING_IDENTIFIER, ctx, lineno, colOffset, lineno, colOffset, offset, offset);
    }
}
