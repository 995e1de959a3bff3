package dev.typhon.semantic.infer;

import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Nullable;

/**
 * ty's wording for expressions that cannot be type expressions ({@code [int]}, {@code f()},
 * {@code 1 < 2}) and for string annotations written in a form a forward reference may not take
 * (raw, escaped, implicitly concatenated: each has its own rule). Messages name the context as
 * "type expression(s)"; {@link #inContext} rewords them for a parameter or return annotation.
 * A message for a rule other than {@code invalid-type-form} carries it ({@link TypeExpressions#withRule}), and
 * one that knows the offending expression carries its range ({@link #located}).
 */
final class InvalidTypeForms {
    private InvalidTypeForms() {
    }

    /** Why an expression of this kind is no type expression, or null when its kind is not the reason. */
    static @Nullable String describe(Expr e) {
        return switch (e) {
            case dev.typhon.ast.List l -> "List literals are not allowed in this context in a type expression";
            case dev.typhon.ast.Tuple t -> "Tuple literals are not allowed in this context in a type expression";
            case dev.typhon.ast.Dict d -> "Dict literals are not allowed in type expressions";
            case dev.typhon.ast.Set s -> "Set literals are not allowed in type expressions";
            case dev.typhon.ast.ListComp c -> "List comprehensions are not allowed in type expressions";
            case dev.typhon.ast.SetComp c -> "Set comprehensions are not allowed in type expressions";
            case dev.typhon.ast.DictComp c -> "Dict comprehensions are not allowed in type expressions";
            case dev.typhon.ast.GeneratorExp g -> "Generator expressions are not allowed in type expressions";
            case dev.typhon.ast.Call c -> "Function calls are not allowed in type expressions";
            case dev.typhon.ast.Await a -> "`await` expressions are not allowed in type expressions";
            case dev.typhon.ast.Yield y -> "`yield` expressions are not allowed in type expressions";
            case dev.typhon.ast.YieldFrom y -> "`yield from` expressions are not allowed in type expressions";
            case dev.typhon.ast.Compare c -> "Comparison expressions are not allowed in type expressions";
            case dev.typhon.ast.BoolOp b -> "Boolean operations are not allowed in type expressions";
            case dev.typhon.ast.NamedExpr n -> "Named expressions are not allowed in type expressions";
            case dev.typhon.ast.UnaryOp u -> "Unary operations are not allowed in type expressions";
            case dev.typhon.ast.Lambda l -> "`lambda` expressions are not allowed in type expressions";
            case dev.typhon.ast.IfExp i -> "`if` expressions are not allowed in type expressions";
            case dev.typhon.ast.JoinedStr j -> "F-strings are not allowed in type expressions";
            case dev.typhon.ast.Slice s -> "Slices are not allowed in type expressions";
            case Constant c -> switch (c.value()) {
                case ConstantValue.Bytes b -> "Bytes literals are not allowed in this context in a type expression";
                case ConstantValue.Int i -> "Int literals are not allowed in this context in a type expression";
                case ConstantValue.Float f -> "Float literals are not allowed in this context in a type expression";
                case ConstantValue.Complex x -> "Complex literals are not allowed in this context in a type expression";
                case ConstantValue.Bool b -> "Boolean literals are not allowed in this context in a type expression";
                default -> null;
            };
            default -> null;
        };
    }

    /**
     * Why a string literal cannot hold a forward reference, judged from its source text, or null:
     * the text inside must be exactly what the annotation means, so no prefix that changes how it is
     * read, no escapes, and a single literal.
     */
    static @Nullable String stringForm(String source, Constant c) {
        int start = c.startOffset();
        int end = Math.min(c.endOffset(), source.length());
        if (start < 0 || start >= end) {
            return null;
        }
        String text = source.substring(start, end);
        int i = 0;
        boolean raw = false;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            raw |= text.charAt(i) == 'r' || text.charAt(i) == 'R';
            i++;
        }
        if (i >= text.length()) {
            return null;
        }
        char q = text.charAt(i);
        if (q != '\'' && q != '"') {
            return null;
        }
        boolean triple = text.startsWith(String.valueOf(q).repeat(3), i);
        String close = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        int bodyStart = i + close.length();
        int j = bodyStart;
        boolean escaped = false;
        while (j < text.length() && !text.startsWith(close, j)) {
            if (text.charAt(j) == '\\') {
                escaped = true;
                j++;
            }
            j++;
        }
        if (j + close.length() < text.length()) {
            return TypeExpressions.withRule("implicit-concatenated-string-type-annotation",
                    "Type expressions cannot span multiple string literals");
        }
        if (raw) {
            return TypeExpressions.withRule("raw-string-type-annotation", "Raw string literals are not allowed in type expressions");
        }
        if (escaped) {
            return TypeExpressions.withRule("escape-character-in-forward-annotation",
                    "Escape characters are not allowed in type expressions");
        }
        return null;
    }

    /** A message that says where in the file the offending expression is ({@code @start,end|message}). */
    static String located(String message, Expr at) {
        return "@" + at.startOffset() + "," + at.endOffset() + "|" + message;
    }

    /** The range a located message names, or null. */
    static int @Nullable [] location(String message) {
        int bar = message.indexOf('|');
        int comma = message.indexOf(',');
        if (!message.startsWith("@") || bar < 0 || comma < 0 || comma > bar) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(message.substring(1, comma)), Integer.parseInt(message.substring(comma + 1, bar))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A message without its location. */
    static String unlocated(String message) {
        return location(message) == null ? message : message.substring(message.indexOf('|') + 1);
    }

    /** A message reworded for where the annotation is: "parameter annotation", "return type annotation". */
    static String inContext(String message, String context) {
        return message.replace("are not allowed in type expressions", "are not allowed in " + context + "s")
                .replace("are not allowed in this context in a type expression", "are not allowed in this context in a " + context)
                .replace("when used in a type expression", "when used in a " + context);
    }
}
