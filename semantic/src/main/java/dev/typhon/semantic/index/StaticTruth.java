package dev.typhon.semantic.index;

import dev.typhon.ast.Attribute;
import dev.typhon.ast.BoolOp;
import dev.typhon.ast.BoolOperator;
import dev.typhon.ast.Call;
import dev.typhon.ast.CmpOperator;
import dev.typhon.ast.Compare;
import dev.typhon.ast.Constant;
import dev.typhon.ast.ConstantValue;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Name;
import dev.typhon.ast.Slice;
import dev.typhon.ast.Subscript;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.UnaryOp;
import dev.typhon.ast.UnaryOperator;
import java.math.BigInteger;

/**
 * Decides tests that type checkers treat as static: {@code sys.version_info} comparisons (also
 * indexed and sliced), {@code sys.platform} comparisons and {@code startswith}, {@code TYPE_CHECKING}
 * (bare or as {@code typing.TYPE_CHECKING}), constants, and {@code not} / {@code and} / {@code or} of those.
 */
final class StaticTruth {
    static final int UNKNOWN = 0;
    static final int TRUE = 1;
    static final int FALSE = 2;

    private final int major;
    private final int minor;
    private final String platform;

    /** Names a module binds to {@code typing}, {@code typing_extensions} or {@code sys} ({@code import typing as t}). */
    private final java.util.Map<String, String> moduleAliases = new java.util.HashMap<>();

    StaticTruth(IndexOptions options) {
        this.major = options.pythonVersion().major();
        this.minor = options.pythonVersion().minor();
        this.platform = options.platform();
    }

    /** Records {@code import module as alias} for the modules whose attributes are decided statically. */
    void imported(String module, String alias) {
        if (module.equals("typing") || module.equals("typing_extensions") || module.equals("sys")) {
            moduleAliases.put(alias, module);
        }
    }

    /** The module a name stands for here: itself, or what an alias imported. */
    private String moduleOf(String name) {
        return moduleAliases.getOrDefault(name, name);
    }

    int evaluate(Expr test) {
        return switch (test) {
            case Constant c -> constantTruth(c.value());
            case Name n -> n.id().equals("TYPE_CHECKING") ? TRUE : UNKNOWN;
            case Attribute a when a.attr().equals("TYPE_CHECKING") && a.value() instanceof Name m
                    && (moduleOf(m.id()).equals("typing") || moduleOf(m.id()).equals("typing_extensions")) -> TRUE;
            case UnaryOp u when u.op() == UnaryOperator.Not -> negate(evaluate(u.operand()));
            case BoolOp b -> boolOp(b);
            case Compare c -> compare(c);
            case Call c -> call(c);
            default -> UNKNOWN;
        };
    }

    static int negate(int truth) {
        return truth == TRUE ? FALSE : truth == FALSE ? TRUE : UNKNOWN;
    }

    private int boolOp(BoolOp b) {
        boolean and = b.op() == BoolOperator.And;
        int result = and ? TRUE : FALSE;
        for (Expr value : b.values()) {
            int t = evaluate(value);
            if (and) {
                if (t == FALSE) {
                    return FALSE;
                }
                if (t == UNKNOWN) {
                    result = UNKNOWN;
                }
            } else {
                if (t == TRUE) {
                    return TRUE;
                }
                if (t == UNKNOWN) {
                    result = UNKNOWN;
                }
            }
        }
        return result;
    }

    private static int constantTruth(ConstantValue v) {
        return switch (v) {
            case ConstantValue.Bool b -> b.value() ? TRUE : FALSE;
            case ConstantValue.None n -> FALSE;
            case ConstantValue.Int i -> i.value().signum() != 0 ? TRUE : FALSE;
            case ConstantValue.Str s -> s.value().isEmpty() ? FALSE : TRUE;
            default -> UNKNOWN;
        };
    }

    private boolean isSysAttribute(Expr e, String attr) {
        return e instanceof Attribute a && a.attr().equals(attr) && a.value() instanceof Name n && moduleOf(n.id()).equals("sys");
    }

    private int call(Call c) {
        // sys.platform.startswith("linux")
        if (platform != null && c.func() instanceof Attribute f && f.attr().equals("startswith")
                && isSysAttribute(f.value(), "platform") && c.args().size() == 1 && c.keywords().isEmpty()
                && c.args().get(0) instanceof Constant k && k.value() instanceof ConstantValue.Str s) {
            return platform.startsWith(s.value()) ? TRUE : FALSE;
        }
        return UNKNOWN;
    }

    private int compare(Compare c) {
        if (c.ops().size() != 1) {
            return UNKNOWN;
        }
        CmpOperator op = c.ops().get(0);
        Expr left = c.left();
        Expr right = c.comparators().get(0);
        if (isSysAttribute(left, "platform") && platform != null
                && right instanceof Constant k && k.value() instanceof ConstantValue.Str s) {
            return switch (op) {
                case Eq -> platform.equals(s.value()) ? TRUE : FALSE;
                case NotEq -> platform.equals(s.value()) ? FALSE : TRUE;
                default -> UNKNOWN;
            };
        }
        long[] version = versionValue(left);
        if (version == null) {
            return UNKNOWN;
        }
        long[] literal = literal(right);
        if (literal == null) {
            return UNKNOWN;
        }
        // A version tuple longer than what we know (micro, releaselevel) compares as "greater" once
        // the known prefix is equal; past the known prefix nothing can be decided.
        int cmp = compareVersion(version, literal);
        if (cmp == Integer.MIN_VALUE) {
            return UNKNOWN;
        }
        boolean r = switch (op) {
            case Lt -> cmp < 0;
            case LtE -> cmp <= 0;
            case Gt -> cmp > 0;
            case GtE -> cmp >= 0;
            case Eq -> cmp == 0;
            case NotEq -> cmp != 0;
            default -> false;
        };
        if (op != CmpOperator.Lt && op != CmpOperator.LtE && op != CmpOperator.Gt && op != CmpOperator.GtE
                && op != CmpOperator.Eq && op != CmpOperator.NotEq) {
            return UNKNOWN;
        }
        return r ? TRUE : FALSE;
    }

    /** The known value: {major, minor, LONGER} for the full tuple; a single int is {@code {x}} with a scalar marker. */
    private static final long LONGER = Long.MIN_VALUE;
    private static final long SCALAR = Long.MAX_VALUE;

    private long[] versionValue(Expr e) {
        if (isSysAttribute(e, "version_info")) {
            return new long[] {major, minor, LONGER};
        }
        if (e instanceof Attribute a && isSysAttribute(a.value(), "version_info")) {
            return switch (a.attr()) {
                case "major" -> new long[] {major, SCALAR};
                case "minor" -> new long[] {minor, SCALAR};
                default -> null;
            };
        }
        if (e instanceof Subscript s && isSysAttribute(s.value(), "version_info")) {
            if (s.slice() instanceof Constant k && k.value() instanceof ConstantValue.Int i) {
                int index = i.value().intValue();
                if (index == 0) {
                    return new long[] {major, SCALAR};
                }
                if (index == 1) {
                    return new long[] {minor, SCALAR};
                }
                return null;
            }
            if (s.slice() instanceof Slice sl && sl.step() == null && (sl.lower() == null || isInt(sl.lower(), 0))
                    && sl.upper() instanceof Constant u && u.value() instanceof ConstantValue.Int ui) {
                int upper = ui.value().intValue();
                if (upper == 1) {
                    return new long[] {major};
                }
                if (upper == 2) {
                    return new long[] {major, minor};
                }
            }
        }
        return null;
    }

    private static boolean isInt(Expr e, int value) {
        return e instanceof Constant c && c.value() instanceof ConstantValue.Int i && i.value().equals(BigInteger.valueOf(value));
    }

    /** A tuple of ints, or a single int (then with the scalar marker). */
    private static long[] literal(Expr e) {
        if (e instanceof Constant c && c.value() instanceof ConstantValue.Int i && i.value().bitLength() < 63) {
            return new long[] {i.value().longValue(), SCALAR};
        }
        if (e instanceof Tuple t) {
            long[] out = new long[t.elts().size()];
            for (int k = 0; k < out.length; k++) {
                if (t.elts().get(k) instanceof Constant c && c.value() instanceof ConstantValue.Int i && i.value().bitLength() < 63) {
                    out[k] = i.value().longValue();
                } else {
                    return null;
                }
            }
            return out;
        }
        return null;
    }

    /** Negative, zero or positive; Integer.MIN_VALUE when undecidable or of mismatched shapes. */
    private static int compareVersion(long[] known, long[] literal) {
        boolean knownScalar = known.length == 2 && known[1] == SCALAR;
        boolean literalScalar = literal.length == 2 && literal[1] == SCALAR;
        if (knownScalar || literalScalar) {
            if (knownScalar && literalScalar) {
                return Long.compare(known[0], literal[0]);
            }
            return Integer.MIN_VALUE;
        }
        boolean longer = known.length > 0 && known[known.length - 1] == LONGER;
        int knownLength = longer ? known.length - 1 : known.length;
        int n = Math.min(knownLength, literal.length);
        for (int i = 0; i < n; i++) {
            if (known[i] != literal[i]) {
                return Long.compare(known[i], literal[i]);
            }
        }
        if (literal.length > knownLength) {
            // Known prefix equal but the literal goes on: decidable only if we know the tuple ends here.
            return longer ? Integer.MIN_VALUE : -1;
        }
        if (longer) {
            return 1;
        }
        return Integer.compare(knownLength, literal.length);
    }
}
