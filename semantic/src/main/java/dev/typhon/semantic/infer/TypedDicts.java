package dev.typhon.semantic.infer;

import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Call;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Dict;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Name;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Stmt;
import dev.typhon.ast.Subscript;
import dev.typhon.semantic.types.BoolLiteral;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.NoneType;
import dev.typhon.semantic.types.SpecialFormType;
import dev.typhon.semantic.types.StringLiteral;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code TypedDict} classes ({@code class Movie(TypedDict, total=False): title: Required[str]}):
 * their items (through the TypedDict bases, each keeping the totality of the class that declares
 * it, {@code Required} / {@code NotRequired} / {@code ReadOnly} unwrapped), subscripts by literal
 * keys, {@code get}, and the places a dict display becomes a TypedDict: constructor calls and dict
 * displays whose context (an annotation, a parameter, a return type) is a TypedDict, with ty's
 * {@code missing-typed-dict-key}, {@code invalid-key} and {@code invalid-argument-type}.
 */
final class TypedDicts {
    private final TypeInference ti;
    private final Memo<ClassLiteral, Map<String, Item>> items = new Memo<>("typed-dict-items");
    private final Memo<ClassLiteral, Boolean> typedDicts = new Memo<>("typed-dict");

    TypedDicts(TypeInference ti) {
        this.ti = ti;
    }

    /** One item: the value type, whether the key must be present, whether it may be assigned. */
    record Item(Type type, boolean required, boolean readOnly) {
    }

    /** Whether the class is a TypedDict: {@code TypedDict} is among its bases or its bases' bases. */
    boolean isTypedDict(ClassLiteral cls) {
        if (cls.known() != null) {
            return false;
        }
        return typedDicts.get(cls, c -> {
            for (ClassType m : ti.mro(c).classes()) {
                if (m.literal().known() == null && directlyTypedDict(m.literal())) {
                    return true;
                }
            }
            return false;
        }, false);
    }

    private boolean directlyTypedDict(ClassLiteral cls) {
        SourceFile file = ti.classes.file(cls);
        for (Expr base : ti.classes.node(cls).bases()) {
            if (ti.expressions.infer(file, base) == SpecialFormType.TYPED_DICT) {
                return true;
            }
        }
        return false;
    }

    /** The TypedDict class a type is an instance of, or null. */
    @Nullable ClassLiteral of(Type t) {
        return t instanceof InstanceType i && isTypedDict(i.literal()) ? i.literal() : null;
    }

    /** The items by key, in declaration order, bases first. */
    Map<String, Item> items(ClassLiteral cls) {
        return items.get(cls, this::computeItems, Map.of());
    }

    private Map<String, Item> computeItems(ClassLiteral cls) {
        Map<String, Item> out = new LinkedHashMap<>();
        List<ClassType> mro = ti.mro(cls).classes();
        for (int i = mro.size() - 1; i >= 0; i--) {
            ClassLiteral c = mro.get(i).literal();
            if (c.known() != null || !isTypedDict(c)) {
                continue;
            }
            SourceFile file = ti.classes.file(c);
            ClassDef node = ti.classes.node(c);
            boolean total = true;
            for (Keyword k : node.keywords()) {
                if ("total".equals(k.arg()) && ti.expressions.infer(file, k.value()) instanceof BoolLiteral b) {
                    total = b.value();
                }
            }
            for (Stmt s : node.body()) {
                if (s instanceof AnnAssign a && a.target() instanceof Name n) {
                    out.put(n.id(), item(file, a.annotation(), total));
                }
            }
        }
        return out;
    }

    /** An item's declaration with its qualifiers ({@code Required[ReadOnly[int]]}) read off. */
    private Item item(SourceFile file, Expr annotation, boolean total) {
        boolean required = total;
        boolean readOnly = false;
        Expr inner = annotation;
        while (inner instanceof Subscript s && ti.expressions.infer(file, s.value()) instanceof SpecialFormType f
                && (f == SpecialFormType.REQUIRED || f == SpecialFormType.NOT_REQUIRED || f == SpecialFormType.READ_ONLY)) {
            switch (f) {
                case REQUIRED -> required = true;
                case NOT_REQUIRED -> required = false;
                default -> readOnly = true;
            }
            inner = s.slice();
        }
        return new Item(ti.typeExpressions.annotation(file, inner, null), required, readOnly);
    }

    /**
     * What a key found in the TypedDict can be: one of its declared keys when it is closed
     * ({@code closed=True}), else any string (an open TypedDict may hold more keys).
     */
    List<Type> possibleKeys(ClassLiteral cls) {
        SourceFile file = ti.classes.file(cls);
        for (Keyword k : ti.classes.node(cls).keywords()) {
            if ("closed".equals(k.arg()) && ti.expressions.infer(file, k.value()) == BoolLiteral.TRUE) {
                List<Type> keys = new ArrayList<>();
                items(cls).keySet().forEach(key -> keys.add(new StringLiteral(key)));
                return keys;
            }
        }
        return List.of(ti.instance(KnownClass.STR));
    }

    // ------------------------------------------------------------------------------------------
    // reading items

    /** {@code td[key]}: the item's type for a literal key (a union of them for a union of literals); null when unknown. */
    @Nullable Type subscript(ClassLiteral cls, Type key) {
        Map<String, Item> all = items(cls);
        List<Type> keys = key instanceof UnionType u ? u.members() : List.of(key);
        UnionBuilder b = new UnionBuilder(ti);
        for (Type k : keys) {
            if (!(k instanceof StringLiteral s) || !all.containsKey(s.value())) {
                return null;
            }
            b.add(all.get(s.value()).type());
        }
        return b.build();
    }

    /** What is wrong with {@code td[key]}: an unknown literal key, or a key that is no literal string. */
    @Nullable String subscriptProblem(ClassLiteral cls, Type key) {
        if (key.isDynamic()) {
            return null;
        }
        for (Type k : key instanceof UnionType u ? u.members() : List.of(key)) {
            if (k instanceof StringLiteral s) {
                if (!items(cls).containsKey(s.value())) {
                    return unknownKey(cls, s.value());
                }
            } else {
                return "TypedDict `" + cls.name() + "` can only be subscripted with a string literal key, got key of type `"
                        + key.display() + "`";
            }
        }
        return null;
    }

    private String unknownKey(ClassLiteral cls, String key) {
        String close = null;
        for (String k : items(cls).keySet()) {
            if (k.equalsIgnoreCase(key) || editDistance(k, key) <= 1) {
                close = k;
                break;
            }
        }
        return "Unknown key \"" + key + "\" for TypedDict `" + cls.name() + "`"
                + (close == null ? "" : " - did you mean \"" + close + "\"?");
    }

    /** Edits (insert, delete, substitute, swap two neighbours) between two keys: a typo is one or two. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * {@code td["key"] = value}: the key must be declared, the value must fit the item, which must
     * not be read-only.
     */
    void storeProblems(SourceFile file, Subscript target, Expr value, List<Problem> out) {
        ClassLiteral td = of(ti.expressions.infer(file, target.value()));
        if (td == null || !(ti.expressions.infer(file, target.slice()) instanceof StringLiteral key)) {
            return;
        }
        Item item = items(td).get(key.value());
        if (item == null) {
            out.add(new Problem("invalid-key", unknownKey(td, key.value()), null, target.slice().startOffset(),
                    target.slice().endOffset()));
            return;
        }
        if (item.readOnly()) {
            out.add(new Problem("invalid-assignment", "Cannot assign to key \"" + key.value() + "\" on TypedDict `"
                    + td.name() + "`: key is marked read-only", null, target.startOffset(), target.endOffset()));
            return;
        }
        Type have = inContext(file, value, item.type());
        if (!have.isAssignableTo(ti, item.type())) {
            out.add(new Problem("invalid-assignment", "Invalid assignment to key \"" + key.value() + "\" with declared type `"
                    + item.type().display() + "` on TypedDict `" + td.name() + "`: value of type `" + have.display() + "`",
                    null, target.startOffset(), target.endOffset()));
        }
    }

    /** {@code td["key"] op= value}: the result must fit the item. */
    void augmentedStoreProblems(SourceFile file, Subscript target, Type result, List<Problem> out) {
        ClassLiteral td = of(ti.expressions.infer(file, target.value()));
        if (td == null || !(ti.expressions.infer(file, target.slice()) instanceof StringLiteral key)) {
            return;
        }
        Item item = items(td).get(key.value());
        if (item != null && !result.isAssignableTo(ti, item.type())) {
            out.add(new Problem("invalid-assignment", "Invalid assignment to key \"" + key.value() + "\" with declared type `"
                    + item.type().display() + "` on TypedDict `" + td.name() + "`: value of type `" + result.display() + "`",
                    null, target.startOffset(), target.endOffset()));
        }
    }

    /**
     * {@code td.get(key)} / {@code td.get(key, default)}: a required item's type, a non-required
     * one's joined with the default (None without one), Unknown joined with it for an unknown key;
     * null for calls of another shape.
     */
    @Nullable Type get(ClassLiteral cls, List<Type> args) {
        if (args.isEmpty() || args.size() > 2) {
            return null;
        }
        Type fallback = args.size() == 2 ? args.get(1) : NoneType.NONE;
        if (!(args.get(0) instanceof StringLiteral key)) {
            return null;
        }
        Item item = items(cls).get(key.value());
        if (item == null) {
            return UnionBuilder.of(ti, DynamicType.UNKNOWN, fallback);
        }
        return item.required() ? item.type() : UnionBuilder.of(ti, item.type(), fallback);
    }

    // ------------------------------------------------------------------------------------------
    // dict displays and constructor calls

    /**
     * The type of {@code value} where {@code expected} is wanted: a dict display with literal keys
     * becomes the TypedDict expected (its problems are reported by {@link #problems}), and a list or
     * dict display holding such displays the container expected; anything else its own type.
     */
    Type inContext(SourceFile file, Expr value, @Nullable Type expected) {
        return inContext(file, value, expected, false);
    }

    /**
     * The type of a call's argument for a parameter of the expected type: a dict display becomes a
     * TypedDict only when it is a valid one (else the argument's own type is reported as not
     * assignable, as ty does).
     */
    Type argument(SourceFile file, Expr value, @Nullable Type expected) {
        return inContext(file, value, expected, true);
    }

    private Type inContext(SourceFile file, Expr value, @Nullable Type expected, boolean onlyValid) {
        Type plain = ti.expressions.infer(file, value);
        if (expected == null || !mentionsTypedDict(expected) || plain.isAssignableTo(ti, expected)) {
            return plain;
        }
        Type target = pick(file, value, expected, onlyValid);
        if (target == null) {
            return plain;
        }
        if (of(target) != null) {
            return target;
        }
        // a container display: each element in the context of the container's element type
        if (target instanceof InstanceType i && i.classType().arguments().size() == 1 && value instanceof dev.typhon.ast.List l) {
            Type element = i.classType().arguments().get(0);
            for (Expr e : l.elts()) {
                if (!inContext(file, e, element, onlyValid).isAssignableTo(ti, element)) {
                    return plain;
                }
            }
            return KnownClass.LIST.toSpecializedInstance(ti, List.of(element));
        }
        if (target instanceof InstanceType i && i.classType().arguments().size() == 2 && value instanceof Dict d) {
            Type valueType = i.classType().arguments().get(1);
            for (int k = 0; k < d.values().size(); k++) {
                if (d.keys().get(k) == null
                        || !inContext(file, d.values().get(k), valueType, onlyValid).isAssignableTo(ti, valueType)) {
                    return plain;
                }
            }
            Type keyType = UnionBuilder.of(ti, d.keys().stream().map(k -> ti.expressions.promote(ti.expressions.infer(file, k)))
                    .toList());
            Type made = KnownClass.DICT.toSpecializedInstance(ti, List.of(keyType, valueType));
            return made.isAssignableTo(ti, expected) ? made : plain;
        }
        return plain;
    }

    /** The member of the expected type a display is meant as: a TypedDict for a dict display with literal keys, a container for a list or dict. */
    private @Nullable Type pick(SourceFile file, Expr value, Type expected, boolean onlyValid) {
        List<Type> candidates = expected instanceof UnionType u ? u.members() : List.of(expected);
        if (value instanceof Dict d && d.keys().stream().allMatch(k -> k != null
                && ti.expressions.infer(file, k) instanceof StringLiteral)) {
            Type firstTypedDict = null;
            for (Type c : candidates) {
                if (of(c) != null) {
                    if (fits(file, d, of(c))) {
                        return c;
                    }
                    firstTypedDict = firstTypedDict == null ? c : firstTypedDict;
                }
            }
            if (!onlyValid && firstTypedDict != null && candidates.stream().noneMatch(c -> c instanceof InstanceType i
                    && (i.isKnown(KnownClass.DICT) || i.classType().literal().name().equals("Mapping")))) {
                return firstTypedDict;
            }
        }
        for (Type c : candidates) {
            if (c instanceof InstanceType i && mentionsTypedDict(c) && of(c) == null
                    && ((value instanceof dev.typhon.ast.List && i.classType().arguments().size() == 1)
                    || (value instanceof Dict && i.classType().arguments().size() == 2))) {
                return c;
            }
        }
        return null;
    }

    private boolean fits(SourceFile file, Dict d, ClassLiteral td) {
        List<Problem> out = new ArrayList<>();
        dictProblems(file, d, td, out);
        return out.isEmpty();
    }

    boolean mentionsTypedDict(Type t) {
        return switch (t) {
            case InstanceType i -> of(i) != null || i.classType().arguments().stream().anyMatch(this::mentionsTypedDict);
            case UnionType u -> u.members().stream().anyMatch(this::mentionsTypedDict);
            default -> false;
        };
    }

    /** What is wrong with {@code value} as the expected type's TypedDict (recursively through list and dict displays). */
    void problems(SourceFile file, Expr value, @Nullable Type expected, List<Problem> out) {
        if (expected == null || !mentionsTypedDict(expected) || ti.expressions.infer(file, value).isAssignableTo(ti, expected)) {
            return;
        }
        Type target = pick(file, value, expected, false);
        if (target == null) {
            return;
        }
        ClassLiteral td = of(target);
        if (td != null && value instanceof Dict d) {
            dictProblems(file, d, td, out);
        } else if (target instanceof InstanceType i && value instanceof dev.typhon.ast.List l && i.classType().arguments().size() == 1) {
            l.elts().forEach(e -> problems(file, e, i.classType().arguments().get(0), out));
        } else if (target instanceof InstanceType i && value instanceof Dict d && i.classType().arguments().size() == 2) {
            d.values().forEach(e -> problems(file, e, i.classType().arguments().get(1), out));
        }
    }

    /** The problems of a dict display with literal keys as the TypedDict: unknown keys, values of the wrong type, missing keys. */
    private void dictProblems(SourceFile file, Dict d, ClassLiteral td, List<Problem> out) {
        Map<String, Item> all = items(td);
        List<String> given = new ArrayList<>();
        for (int k = 0; k < d.keys().size(); k++) {
            Expr keyExpr = d.keys().get(k);
            if (keyExpr == null) {
                return; // `**other`: what it holds is not known key by key
            }
            String key = ((StringLiteral) ti.expressions.infer(file, keyExpr)).value();
            given.add(key);
            checkItem(file, td, all, key, d.values().get(k), keyExpr, out);
        }
        missing(td, all, given, d, out);
    }

    private void checkItem(SourceFile file, ClassLiteral td, Map<String, Item> all, String key, Expr value,
            dev.typhon.ast.Located at,
            List<Problem> out) {
        Item item = all.get(key);
        if (item == null) {
            out.add(new Problem("invalid-key", unknownKey(td, key), null, at.startOffset(), at.endOffset()));
            return;
        }
        Type have = inContext(file, value, item.type());
        if (!have.isAssignableTo(ti, item.type())) {
            out.add(new Problem("invalid-argument-type", "Invalid argument to key \"" + key + "\" with declared type `"
                    + item.type().display() + "` on TypedDict `" + td.name() + "`: value of type `" + have.display() + "`",
                    null, value.startOffset(), value.endOffset()));
        } else {
            problems(file, value, item.type(), out);
        }
    }

    private void missing(ClassLiteral td, Map<String, Item> all, List<String> given, dev.typhon.ast.Located at,
            List<Problem> out) {
        for (Map.Entry<String, Item> e : all.entrySet()) {
            if (e.getValue().required() && !given.contains(e.getKey())) {
                out.add(new Problem("missing-typed-dict-key", "Missing required key '" + e.getKey() + "' in TypedDict `"
                        + td.name() + "` constructor", null, at.startOffset(), at.endOffset()));
            }
        }
    }

    /** The problems of a constructor call {@code TD(key=value, ...)} or {@code TD({...})}. */
    List<Problem> constructorProblems(SourceFile file, Call call, ClassLiteral td) {
        List<Problem> out = new ArrayList<>();
        Map<String, Item> all = items(td);
        List<String> given = new ArrayList<>();
        if (call.args().size() > 1) {
            Expr extra = call.args().get(1);
            out.add(new Problem("too-many-positional-arguments", "Too many positional arguments to TypedDict `" + td.name()
                    + "` constructor: expected 1, got " + call.args().size(), null, extra.startOffset(), extra.endOffset()));
            return out;
        }
        if (call.args().size() == 1) {
            if (!(call.args().get(0) instanceof Dict d) || d.keys().stream().anyMatch(k -> k == null
                    || !(ti.expressions.infer(file, k) instanceof StringLiteral))) {
                return out; // a mapping Typhon cannot read key by key: not judged
            }
            for (int k = 0; k < d.keys().size(); k++) {
                String key = ((StringLiteral) ti.expressions.infer(file, d.keys().get(k))).value();
                given.add(key);
                if (call.keywords().stream().noneMatch(kw -> key.equals(kw.arg()))) {
                    checkItem(file, td, all, key, d.values().get(k), d.keys().get(k), out);
                }
            }
        }
        for (Keyword k : call.keywords()) {
            if (k.arg() == null) {
                return out; // `**kwargs`: not judged key by key
            }
            given.add(k.arg());
            checkItem(file, td, all, k.arg(), k.value(), k, out);
        }
        missing(td, all, given, call, out);
        return out;
    }

    /** The class object a call constructs, when it is a TypedDict. */
    @Nullable ClassLiteral constructed(Type callee) {
        return callee instanceof ClassLiteralType c && isTypedDict(c.literal()) ? c.literal() : null;
    }

    /** {@code typing._TypedDict}, the class TypedDicts inherit their mapping methods from; null when the typeshed lacks it. */
    @Nullable Type fallbackBase() {
        Optional<SourceFile> typing = ti.program.module("typing");
        if (typing.isEmpty()) {
            return null;
        }
        Type t = ti.imports.member(typing.get(), "_TypedDict");
        return t instanceof ClassLiteralType ? t : null;
    }
}
