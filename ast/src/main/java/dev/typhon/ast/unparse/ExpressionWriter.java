package dev.typhon.ast.unparse;

import dev.typhon.ast.Arg;
import dev.typhon.ast.Arguments;
import dev.typhon.ast.Attribute;
import dev.typhon.ast.Await;
import dev.typhon.ast.BinOp;
import dev.typhon.ast.BoolOp;
import dev.typhon.ast.Call;
import dev.typhon.ast.Compare;
import dev.typhon.ast.Comprehension;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Dict;
import dev.typhon.ast.DictComp;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FormattedValue;
import dev.typhon.ast.GeneratorExp;
import dev.typhon.ast.IfExp;
import dev.typhon.ast.Interpolation;
import dev.typhon.ast.JoinedStr;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Lambda;
import dev.typhon.ast.ListComp;
import dev.typhon.ast.MatchAs;
import dev.typhon.ast.MatchClass;
import dev.typhon.ast.MatchMapping;
import dev.typhon.ast.MatchOr;
import dev.typhon.ast.MatchSequence;
import dev.typhon.ast.MatchSingleton;
import dev.typhon.ast.MatchStar;
import dev.typhon.ast.MatchValue;
import dev.typhon.ast.Name;
import dev.typhon.ast.NamedExpr;
import dev.typhon.ast.ParamSpec;
import dev.typhon.ast.Pattern;
import dev.typhon.ast.SetComp;
import dev.typhon.ast.Slice;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.TemplateStr;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.TypeParam;
import dev.typhon.ast.TypeVar;
import dev.typhon.ast.TypeVarTuple;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.Yield;
import dev.typhon.ast.YieldFrom;
import dev.typhon.ast.dump.PyRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes expressions, patterns, argument lists and type parameters the way CPython 3.14's
 * {@code ast.unparse} does: each context asks for a {@link Precedence} and a node that binds more
 * loosely is parenthesized, so the output is valid source for the same tree with the fewest
 * parentheses CPython would print (its quirks included, such as {@code (x := (a + b))}).
 */
class ExpressionWriter {

    /** What CPython writes for an infinite float: a literal too large for a double. */
    private static final String INF = "1e309";

    protected StringBuilder sb;

    ExpressionWriter(StringBuilder sb) {
        this.sb = sb;
    }

    // ---------------------------------------------------------------- expressions

    /**
     * Writes {@code e} where the context asks for {@code ctx}. Every case only delegates: this
     * method is on the stack once per level of nesting, so it keeps its frame small (the deepest
     * trees the parser accepts then unparse in well under a megabyte of stack).
     */
    final void expr(Expr e, Precedence ctx) {
        switch (e) {
            case Name n -> sb.append(n.id());
            case Constant c -> constant(c);
            case Attribute a -> attribute(a);
            case Call c -> call(c);
            case BinOp b -> binOp(b, ctx);
            case BoolOp b -> boolOp(b, ctx);
            case Compare c -> compare(c, ctx);
            case UnaryOp u -> unaryOp(u, ctx);
            case Subscript s -> subscript(s);
            case Tuple t -> tuple(t, ctx);
            case dev.typhon.ast.List l -> list(l);
            case Dict d -> dict(d);
            case dev.typhon.ast.Set s -> set(s);
            case Starred s -> starred(s);
            case Slice s -> slice(s);
            case NamedExpr n -> namedExpr(n, ctx);
            case Lambda l -> lambda(l, ctx);
            case IfExp i -> ifExp(i, ctx);
            case ListComp c -> comprehension('[', c.elt(), null, c.generators(), ']');
            case SetComp c -> comprehension('{', c.elt(), null, c.generators(), '}');
            case DictComp c -> comprehension('{', c.key(), c.value(), c.generators(), '}');
            case GeneratorExp g -> comprehension('(', g.elt(), null, g.generators(), ')');
            case Await a -> prefixed("await", a.value(), Precedence.AWAIT, ctx);
            case Yield y -> prefixed("yield", y.value(), Precedence.YIELD, ctx);
            case YieldFrom y -> prefixed("yield from", y.value(), Precedence.YIELD, ctx);
            case JoinedStr j -> ftString('f', j.values());
            case TemplateStr t -> ftString('t', t.values());
            // Only inside f-/t-strings in a parsed tree; alone, write the replacement field.
            case FormattedValue f -> formattedValue(f);
            case Interpolation i -> interpolation(i);
        }
    }

    private void list(dev.typhon.ast.List l) {
        sb.append('[');
        commaSeparated(l.elts());
        sb.append(']');
    }

    private void set(dev.typhon.ast.Set s) {
        if (s.elts().isEmpty()) {
            // `{}` is a dict and `set` may be shadowed.
            sb.append("{*()}");
        } else {
            sb.append('{');
            commaSeparated(s.elts());
            sb.append('}');
        }
    }

    private void starred(Starred s) {
        sb.append('*');
        expr(s.value(), Precedence.EXPR);
    }

    private void namedExpr(NamedExpr n, Precedence ctx) {
        boolean parens = ctx.needsParens(Precedence.NAMED_EXPR);
        open(parens);
        expr(n.target(), Precedence.ATOM);
        sb.append(" := ");
        expr(n.value(), Precedence.ATOM);
        close(parens);
    }

    private void ifExp(IfExp i, Precedence ctx) {
        boolean parens = ctx.needsParens(Precedence.TEST);
        open(parens);
        expr(i.body(), Precedence.OR);
        sb.append(" if ");
        expr(i.test(), Precedence.OR);
        sb.append(" else ");
        expr(i.orelse(), Precedence.TEST);
        close(parens);
    }

    private void formattedValue(FormattedValue f) {
        sb.append(replacementField(f.value(), null, f.conversion(), f.formatSpec()));
    }

    private void interpolation(Interpolation i) {
        sb.append(replacementField(i.value(), i.str(), i.conversion(), i.formatSpec()));
    }

    /** Writes expressions separated by ", ", each where a plain test is expected. */
    final void commaSeparated(List<? extends Expr> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            expr(items.get(i), Precedence.TEST);
        }
    }

    /** CPython's {@code items_view}: a one-element sequence gets a trailing comma. */
    private void itemsView(List<? extends Expr> items) {
        if (items.size() == 1) {
            expr(items.get(0), Precedence.TEST);
            sb.append(',');
        } else {
            commaSeparated(items);
        }
    }

    private void open(boolean parens) {
        if (parens) {
            sb.append('(');
        }
    }

    private void close(boolean parens) {
        if (parens) {
            sb.append(')');
        }
    }

    private void constant(Constant c) {
        ConstantValue value = c.value();
        if (value instanceof ConstantValue.Ellipsis) {
            sb.append("...");
            return;
        }
        if ("u".equals(c.kind())) {
            sb.append('u');
        }
        constantValue(value);
    }

    /** The repr of a constant, with infinities (and NaNs) as literals that evaluate to them. */
    final void constantValue(ConstantValue value) {
        switch (value) {
            case ConstantValue.Float f when !Double.isFinite(f.value()) -> nonFinite(value);
            case ConstantValue.Complex c when !Double.isFinite(c.real()) || !Double.isFinite(c.imag()) ->
                    nonFinite(value);
            case ConstantValue.Ellipsis e -> sb.append("...");
            default -> PyRepr.constant(sb, value);
        }
    }

    private void nonFinite(ConstantValue value) {
        String repr = PyRepr.constant(value);
        sb.append(repr.replace("inf", INF).replace("nan", "(" + INF + "-" + INF + ")"));
    }

    private void attribute(Attribute a) {
        Expr value = a.value();
        expr(value, Precedence.ATOM);
        // `3.real` would lex as a float: CPython separates an int (or bool) literal with a space.
        if (value instanceof Constant c
                && (c.value() instanceof ConstantValue.Int || c.value() instanceof ConstantValue.Bool)) {
            sb.append(' ');
        }
        sb.append('.').append(a.attr());
    }

    private void call(Call c) {
        expr(c.func(), Precedence.ATOM);
        argumentList(c.args(), c.keywords());
    }

    /** {@code (positional, ..., keyword, ...)}: a call's arguments or a class's bases. */
    final void argumentList(List<Expr> positional, List<Keyword> keywords) {
        sb.append('(');
        boolean comma = false;
        for (Expr arg : positional) {
            if (comma) {
                sb.append(", ");
            }
            comma = true;
            expr(arg, Precedence.TEST);
        }
        for (Keyword k : keywords) {
            if (comma) {
                sb.append(", ");
            }
            comma = true;
            keyword(k);
        }
        sb.append(')');
    }

    final void keyword(Keyword k) {
        if (k.arg() == null) {
            sb.append("**");
        } else {
            sb.append(k.arg()).append('=');
        }
        expr(k.value(), Precedence.TEST);
    }

    private void binOp(BinOp b, Precedence ctx) {
        Precedence own = switch (b.op()) {
            case Add, Sub -> Precedence.ARITH;
            case Mult, MatMult, Div, Mod, FloorDiv -> Precedence.TERM;
            case LShift, RShift -> Precedence.SHIFT;
            case BitOr -> Precedence.BOR;
            case BitXor -> Precedence.BXOR;
            case BitAnd -> Precedence.BAND;
            case Pow -> Precedence.POWER;
        };
        String op = switch (b.op()) {
            case Add -> " + ";
            case Sub -> " - ";
            case Mult -> " * ";
            case MatMult -> " @ ";
            case Div -> " / ";
            case Mod -> " % ";
            case FloorDiv -> " // ";
            case LShift -> " << ";
            case RShift -> " >> ";
            case BitOr -> " | ";
            case BitXor -> " ^ ";
            case BitAnd -> " & ";
            case Pow -> " ** ";
        };
        boolean parens = ctx.needsParens(own);
        open(parens);
        // '**' is right-associative: the tighter side is the left one.
        boolean rightAssoc = b.op() == dev.typhon.ast.Operator.Pow;
        expr(b.left(), rightAssoc ? own.next() : own);
        sb.append(op);
        expr(b.right(), rightAssoc ? own : own.next());
        close(parens);
    }

    private void boolOp(BoolOp b, Precedence ctx) {
        Precedence level = b.op() == dev.typhon.ast.BoolOperator.And ? Precedence.AND : Precedence.OR;
        String op = b.op() == dev.typhon.ast.BoolOperator.And ? " and " : " or ";
        boolean parens = ctx.needsParens(level);
        open(parens);
        List<Expr> values = b.values();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(op);
            }
            // CPython raises the level for each operand in turn (so `a and (not b)`): kept for
            // identical output.
            level = level.next();
            expr(values.get(i), level);
        }
        close(parens);
    }

    private void compare(Compare c, Precedence ctx) {
        boolean parens = ctx.needsParens(Precedence.CMP);
        open(parens);
        Precedence operand = Precedence.CMP.next();
        expr(c.left(), operand);
        int n = Math.min(c.ops().size(), c.comparators().size());
        for (int i = 0; i < n; i++) {
            sb.append(switch (c.ops().get(i)) {
                case Eq -> " == ";
                case NotEq -> " != ";
                case Lt -> " < ";
                case LtE -> " <= ";
                case Gt -> " > ";
                case GtE -> " >= ";
                case Is -> " is ";
                case IsNot -> " is not ";
                case In -> " in ";
                case NotIn -> " not in ";
            });
            expr(c.comparators().get(i), operand);
        }
        close(parens);
    }

    private void unaryOp(UnaryOp u, Precedence ctx) {
        Precedence own = u.op() == dev.typhon.ast.UnaryOperator.Not ? Precedence.NOT : Precedence.FACTOR;
        boolean parens = ctx.needsParens(own);
        open(parens);
        sb.append(switch (u.op()) {
            case Invert -> "~";
            case Not -> "not ";
            case UAdd -> "+";
            case USub -> "-";
        });
        expr(u.operand(), own);
        close(parens);
    }

    private void subscript(Subscript s) {
        expr(s.value(), Precedence.ATOM);
        sb.append('[');
        if (s.slice() instanceof Tuple t && !t.elts().isEmpty()) {
            // A non-empty tuple needs no parentheses in a subscript: a[1:2, 3], a[*b,].
            itemsView(t.elts());
        } else {
            expr(s.slice(), Precedence.TEST);
        }
        sb.append(']');
    }

    private void tuple(Tuple t, Precedence ctx) {
        boolean parens = t.elts().isEmpty() || ctx.needsParens(Precedence.TUPLE);
        open(parens);
        itemsView(t.elts());
        close(parens);
    }

    private void dict(Dict d) {
        sb.append('{');
        int n = Math.min(d.keys().size(), d.values().size());
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Expr key = d.keys().get(i);
            if (key == null) {
                // PEP 448 unpacking: {**a, 'b': 1}
                sb.append("**");
                expr(d.values().get(i), Precedence.EXPR);
            } else {
                expr(key, Precedence.TEST);
                sb.append(": ");
                expr(d.values().get(i), Precedence.TEST);
            }
        }
        sb.append('}');
    }

    private void slice(Slice s) {
        if (s.lower() != null) {
            expr(s.lower(), Precedence.TEST);
        }
        sb.append(':');
        if (s.upper() != null) {
            expr(s.upper(), Precedence.TEST);
        }
        if (s.step() != null) {
            sb.append(':');
            expr(s.step(), Precedence.TEST);
        }
    }

    private void lambda(Lambda l, Precedence ctx) {
        boolean parens = ctx.needsParens(Precedence.TEST);
        open(parens);
        sb.append("lambda");
        int mark = sb.length();
        sb.append(' ');
        arguments(l.args());
        if (sb.length() == mark + 1) {
            sb.setLength(mark);
        }
        sb.append(": ");
        expr(l.body(), Precedence.TEST);
        close(parens);
    }

    private void comprehension(char open, Expr elt, Expr value, List<Comprehension> generators, char close) {
        sb.append(open);
        expr(elt, Precedence.TEST);
        if (value != null) {
            sb.append(": ");
            expr(value, Precedence.TEST);
        }
        for (Comprehension g : generators) {
            generator(g);
        }
        sb.append(close);
    }

    /** One {@code for ... in ... if ...} clause, with its leading space. */
    final void generator(Comprehension g) {
        sb.append(g.isAsync() != 0 ? " async for " : " for ");
        expr(g.target(), Precedence.TUPLE);
        sb.append(" in ");
        expr(g.iter(), Precedence.OR);
        for (Expr cond : g.ifs()) {
            sb.append(" if ");
            expr(cond, Precedence.OR);
        }
    }

    /** await / yield / yield from: the operand binds as an atom, as in CPython. */
    private void prefixed(String keyword, Expr value, Precedence own, Precedence ctx) {
        boolean parens = ctx.needsParens(own);
        open(parens);
        sb.append(keyword);
        if (value != null) {
            sb.append(' ');
            expr(value, Precedence.ATOM);
        }
        close(parens);
    }

    // ---------------------------------------------------------------- f-strings and t-strings

    private void ftString(char prefix, List<Expr> values) {
        if (prefix == 'f' && hasUnicodePart(values)) {
            concatenation(values);
            return;
        }
        List<StringLiterals.Part> parts = new ArrayList<>(values.size());
        StringBuilder text = new StringBuilder();
        for (Expr value : values) {
            if (value instanceof Constant c && c.value() instanceof ConstantValue.Str s) {
                parts.add(new StringLiterals.Part(doubleBraces(s), true));
            } else {
                text.setLength(0);
                ftStringInner(text, value, false);
                parts.add(new StringLiterals.Part(new ConstantValue.Str(text.toString()), false));
            }
        }
        sb.append(prefix);
        StringLiterals.writeFtString(sb, parts);
    }

    /** Literal f-string text with braces doubled, its split surrogate pairs moved along. */
    private static ConstantValue.Str doubleBraces(ConstantValue.Str s) {
        String value = s.value();
        if (value.indexOf('{') < 0 && value.indexOf('}') < 0) {
            return s;
        }
        int[] splits = s.splitPairs();
        StringBuilder out = new StringBuilder(value.length() + 8);
        int k = 0;
        for (int i = 0; i < value.length(); i++) {
            if (k < splits.length && splits[k] == i) {
                splits[k++] = out.length();
            }
            char c = value.charAt(i);
            out.append(c);
            if (c == '{' || c == '}') {
                out.append(c);
            }
        }
        return new ConstantValue.Str(out.toString(), splits);
    }

    /**
     * Whether a literal part is marked {@code u}: CPython keeps the mark of the first string of an
     * implicit concatenation such as {@code u'a' f'{x}'}, so the part can only be written as a
     * separate {@code u''} string. CPython's unparser drops the mark; we keep the round trip.
     */
    private static boolean hasUnicodePart(List<Expr> values) {
        for (Expr v : values) {
            if (isUnicodePart(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnicodePart(Expr v) {
        return v instanceof Constant c && "u".equals(c.kind()) && c.value() instanceof ConstantValue.Str;
    }

    /** An f-string with {@code u}-marked parts, as {@code u'a' f'{x}' u'b'}. */
    private void concatenation(List<Expr> values) {
        boolean wroteFString = false;
        int i = 0;
        while (i < values.size()) {
            if (i > 0) {
                sb.append(' ');
            }
            if (isUnicodePart(values.get(i))) {
                sb.append('u');
                PyRepr.str(sb, (ConstantValue.Str) ((Constant) values.get(i)).value());
                i++;
            } else {
                int end = i;
                while (end < values.size() && !isUnicodePart(values.get(end))) {
                    end++;
                }
                ftString('f', values.subList(i, end));
                wroteFString = true;
                i = end;
            }
        }
        if (!wroteFString) {
            // Only an f-string makes the concatenation a JoinedStr.
            sb.append(" f''");
        }
    }

    /** CPython's {@code _write_ftstring_inner}: one value of an f-string body or format spec. */
    private void ftStringInner(StringBuilder out, Expr value, boolean formatSpec) {
        switch (value) {
            case JoinedStr j -> {
                for (Expr v : j.values()) {
                    ftStringInner(out, v, formatSpec);
                }
            }
            case Constant c when c.value() instanceof ConstantValue.Str s -> literalText(out, s, formatSpec);
            case FormattedValue f -> out.append(replacementField(f.value(), null, f.conversion(), f.formatSpec()));
            case Interpolation i -> out.append(replacementField(i.value(), i.str(), i.conversion(), i.formatSpec()));
            default -> {
                // Not produced by a parser: write it as a replacement field so the text stays valid.
                out.append(replacementField(value, null, -1, null));
            }
        }
    }

    private static void literalText(StringBuilder out, ConstantValue.Str str, boolean formatSpec) {
        String s = str.value();
        for (int i = 0; i < s.length(); ) {
            int cp = StringLiterals.codePointAt(str, i);
            i += Character.charCount(cp);
            switch (cp) {
                // In a format spec `{{` opens a nested field rather than escaping a brace, so a
                // literal brace there (which only an escape such as \x7b can produce) is written
                // as that escape. CPython writes `{{` and does not read back the same tree.
                case '{' -> out.append(formatSpec ? "\\x7b" : "{{");
                case '}' -> out.append(formatSpec ? "\\x7d" : "}}");
                default -> {
                    if (!formatSpec) {
                        out.appendCodePoint(cp);
                    } else if (cp == '\\' || cp == '\'' || cp == '"') {
                        out.append('\\').appendCodePoint(cp);
                    } else if (cp == '\n') {
                        out.append("\\n");
                    } else if (cp == '\t' || StringLiterals.isPrintable(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        // CPython writes these raw, which breaks for \r, NUL and lone surrogates.
                        StringLiterals.unicodeEscape(out, cp);
                    }
                }
            }
        }
    }

    /**
     * {@code {expr!c:spec}}. A t-string interpolation keeps its source text ({@code str}), which is
     * what CPython 3.14 writes and what makes the round trip give the same {@code str} back.
     */
    private String replacementField(Expr value, ConstantValue str, int conversion, Expr formatSpec) {
        StringBuilder out = new StringBuilder();
        out.append('{');
        String text;
        if (str instanceof ConstantValue.Str s) {
            text = s.value();
        } else {
            StringBuilder saved = sb;
            sb = new StringBuilder();
            expr(value, Precedence.TEST.next());
            text = sb.toString();
            sb = saved;
        }
        if (text.startsWith("{")) {
            // `{{` would be an escaped brace.
            out.append(' ');
        }
        out.append(text);
        if (conversion != -1) {
            out.append('!').appendCodePoint(conversion);
        }
        if (formatSpec != null) {
            out.append(':');
            ftStringInner(out, formatSpec, true);
        }
        out.append('}');
        return out.toString();
    }

    // ---------------------------------------------------------------- arguments and type params

    /** A parameter list without its parentheses; writes nothing for an empty one. */
    final void arguments(Arguments a) {
        boolean first = true;
        int positional = a.posonlyargs().size() + a.args().size();
        int firstDefault = positional - a.defaults().size();
        for (int i = 0; i < positional; i++) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            Arg arg = i < a.posonlyargs().size() ? a.posonlyargs().get(i) : a.args().get(i - a.posonlyargs().size());
            arg(arg);
            if (i >= firstDefault) {
                sb.append('=');
                expr(a.defaults().get(i - firstDefault), Precedence.TEST);
            }
            if (i + 1 == a.posonlyargs().size()) {
                sb.append(", /");
            }
        }
        if (a.vararg() != null || !a.kwonlyargs().isEmpty()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append('*');
            if (a.vararg() != null) {
                arg(a.vararg());
            }
        }
        int kwonly = a.kwonlyargs().size();
        for (int i = 0; i < kwonly; i++) {
            sb.append(", ");
            arg(a.kwonlyargs().get(i));
            Expr d = i < a.kwDefaults().size() ? a.kwDefaults().get(i) : null;
            if (d != null) {
                sb.append('=');
                expr(d, Precedence.TEST);
            }
        }
        if (a.kwarg() != null) {
            if (!first) {
                sb.append(", ");
            }
            sb.append("**");
            arg(a.kwarg());
        }
    }

    final void arg(Arg arg) {
        sb.append(arg.arg());
        if (arg.annotation() != null) {
            sb.append(": ");
            expr(arg.annotation(), Precedence.TEST);
        }
    }

    /** {@code [T: int = str, *Ts, **P]}, or nothing when there are none. */
    final void typeParams(List<TypeParam> params) {
        typeParams(params, true);
    }

    final void typeParams(List<TypeParam> params, boolean brackets) {
        if (params.isEmpty()) {
            return;
        }
        if (brackets) {
            sb.append('[');
        }
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Expr defaultValue;
            switch (params.get(i)) {
                case TypeVar t -> {
                    sb.append(t.name());
                    if (t.bound() != null) {
                        sb.append(": ");
                        expr(t.bound(), Precedence.TEST);
                    }
                    defaultValue = t.defaultValue();
                }
                case TypeVarTuple t -> {
                    sb.append('*').append(t.name());
                    defaultValue = t.defaultValue();
                }
                case ParamSpec p -> {
                    sb.append("**").append(p.name());
                    defaultValue = p.defaultValue();
                }
            }
            if (defaultValue != null) {
                sb.append(" = ");
                expr(defaultValue, Precedence.TEST);
            }
        }
        if (brackets) {
            sb.append(']');
        }
    }

    // ---------------------------------------------------------------- patterns

    /** Writes a match pattern where the context asks for {@code ctx} (TEST at the top). */
    final void pattern(Pattern p, Precedence ctx) {
        switch (p) {
            case MatchValue v -> expr(v.value(), Precedence.TEST);
            case MatchSingleton s -> constantValue(s.value());
            case MatchSequence s -> {
                sb.append('[');
                patterns(s.patterns());
                sb.append(']');
            }
            case MatchStar s -> sb.append('*').append(s.name() == null ? "_" : s.name());
            case MatchMapping m -> {
                sb.append('{');
                int n = Math.min(m.keys().size(), m.patterns().size());
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    expr(m.keys().get(i), Precedence.TEST);
                    sb.append(": ");
                    pattern(m.patterns().get(i), Precedence.TEST);
                }
                if (m.rest() != null) {
                    if (!m.keys().isEmpty()) {
                        sb.append(", ");
                    }
                    sb.append("**").append(m.rest());
                }
                sb.append('}');
            }
            case MatchClass c -> {
                expr(c.cls(), Precedence.ATOM);
                sb.append('(');
                patterns(c.patterns());
                int n = Math.min(c.kwdAttrs().size(), c.kwdPatterns().size());
                for (int i = 0; i < n; i++) {
                    if (i > 0 || !c.patterns().isEmpty()) {
                        sb.append(", ");
                    }
                    sb.append(c.kwdAttrs().get(i)).append('=');
                    pattern(c.kwdPatterns().get(i), Precedence.TEST);
                }
                sb.append(')');
            }
            case MatchAs a -> {
                if (a.name() == null) {
                    sb.append('_');
                } else if (a.pattern() == null) {
                    sb.append(a.name());
                } else {
                    boolean parens = ctx.needsParens(Precedence.TEST);
                    open(parens);
                    pattern(a.pattern(), Precedence.BOR);
                    sb.append(" as ").append(a.name());
                    close(parens);
                }
            }
            case MatchOr o -> {
                boolean parens = ctx.needsParens(Precedence.BOR);
                open(parens);
                for (int i = 0; i < o.patterns().size(); i++) {
                    if (i > 0) {
                        sb.append(" | ");
                    }
                    pattern(o.patterns().get(i), Precedence.BOR.next());
                }
                close(parens);
            }
        }
    }

    private void patterns(List<Pattern> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            pattern(patterns.get(i), Precedence.TEST);
        }
    }
}
