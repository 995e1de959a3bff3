package dev.typhon.semantic.infer;

import dev.typhon.ast.Alias;
import dev.typhon.ast.AnnAssign;
import dev.typhon.ast.Arg;
import dev.typhon.ast.Assign;
import dev.typhon.ast.AugAssign;
import dev.typhon.ast.ClassDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.ImportFrom;
import dev.typhon.ast.List;
import dev.typhon.ast.NamedExpr;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.Node;
import dev.typhon.ast.Starred;
import dev.typhon.ast.Tuple;
import dev.typhon.ast.TypeParam;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DefinitionRef;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownInstanceType;
import dev.typhon.semantic.types.Never;
import dev.typhon.semantic.types.TodoType;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import dev.typhon.semantic.types.UnionBuilder;
import dev.typhon.semantic.types.UnionType;
import dev.typhon.semantic.types.Variance;

/**
 * The type each kind of definition binds ({@code x = 1} binds {@code Literal[1]}, {@code def f}
 * its function literal, {@code import os} a module literal) and the type a declaration declares
 * ({@code x: int}, an annotated parameter).
 */
final class Definitions {
    private final TypeInference ti;

    Definitions(TypeInference ti) {
        this.ti = ti;
    }

    /** Rounds of a binding's fixpoint (a loop that rebinds a name from itself) before its type stands widened. */
    static final int FIXPOINT_ROUNDS = 4;

    Type bindingType(SourceFile file, Definition def) {
        long key = TypeInference.key(file.id(), def.id());
        if (!iteratesToFixpoint(def.kind())) {
            // a class or function that reaches itself (a base naming a subclass, an import cycle)
            // has no least solution: its cycle stays Unknown
            return ti.definitionTypes.get(key, k -> computeBinding(file, def), DynamicType.UNKNOWN);
        }
        return ti.definitionTypes.getFixpoint(key, k -> computeBinding(file, def),
                Never.NEVER, this::joinAndWiden, FIXPOINT_ROUNDS, DynamicType.UNKNOWN);
    }

    /** The kinds whose value is computed from an expression that may read the binding itself in a loop. */
    private static boolean iteratesToFixpoint(DefinitionKind kind) {
        return switch (kind) {
            case ASSIGNMENT, ANNOTATED_ASSIGNMENT, AUGMENTED_ASSIGNMENT, FOR_TARGET, WITH_TARGET,
                    COMPREHENSION_TARGET, NAMED_EXPRESSION -> true;
            default -> false;
        };
    }

    /**
     * The next assumption of a binding's fixpoint: what it was assumed and what it came out as,
     * joined, literals widened to their classes and tuples that grew to variable-length ones, so
     * that {@code x = x + 1} in a loop settles on {@code int} and {@code t = t + (i,)} on
     * {@code tuple[int, ...]}.
     */
    Type joinAndWiden(Type assumed, Type computed) {
        return widen(UnionBuilder.of(ti, assumed, computed));
    }

    /** How deep a fixpoint's answer may nest generics before the deeper part stands {@code Unknown}. */
    private static final int MAX_NESTING = 3;

    private Type widen(Type t) {
        return widen(t, 0);
    }

    /**
     * Widens one assumption; {@code depth} counts the generic arguments and tuple elements around
     * {@code t}, so that {@code x = [x]} in a loop stops at {@code list[list[list[Unknown]]]} rather
     * than nesting one level per round.
     */
    private Type widen(Type t, int depth) {
        if (depth > MAX_NESTING) {
            return DynamicType.UNKNOWN;
        }
        return switch (t) {
            case UnionType u -> {
                // each member widened, then tuples of several lengths joined into one of any length
                UnionBuilder b = new UnionBuilder(ti);
                u.members().forEach(m -> b.add(widen(m, depth)));
                yield ti.expressions.tuplesJoined(b.build());
            }
            case TupleType tt -> {
                java.util.List<Type> prefix = new java.util.ArrayList<>();
                tt.prefix().forEach(e -> prefix.add(widen(e, depth + 1)));
                java.util.List<Type> suffix = new java.util.ArrayList<>();
                tt.suffix().forEach(e -> suffix.add(widen(e, depth + 1)));
                yield new TupleType(prefix, tt.variable() == null ? null : widen(tt.variable(), depth + 1), suffix);
            }
            case InstanceType it when !it.classType().arguments().isEmpty()
                    && it.exactShape() == null -> {
                java.util.List<Type> args = new java.util.ArrayList<>();
                it.classType().arguments().forEach(a -> args.add(widen(a, depth + 1)));
                yield new InstanceType(
                        new ClassType(it.classType().literal(), args));
            }
            default -> ti.expressions.promote(t);
        };
    }

    Type declaredType(SourceFile file, Definition def) {
        return ti.declaredTypes.get(TypeInference.key(file.id(), def.id()), k -> computeDeclared(file, def),
                DynamicType.UNKNOWN);
    }

    /** {@code Final}, {@code ClassVar} or {@code TypeAlias} alone: the declared type is the value's. */
    boolean isBareQualifier(SourceFile file, Expr annotation) {
        if (annotation instanceof dev.typhon.ast.Subscript s) {
            // `Final[ClassVar]`, `ClassVar[Final]`: qualifiers around a bare qualifier say no type either
            Type head = ti.expressions.infer(file, s.value());
            return (head == dev.typhon.semantic.types.SpecialFormType.FINAL
                    || head == dev.typhon.semantic.types.SpecialFormType.CLASS_VAR) && isBareQualifier(file, s.slice());
        }
        Type t = ti.expressions.infer(file, annotation);
        return t == dev.typhon.semantic.types.SpecialFormType.FINAL || t == dev.typhon.semantic.types.SpecialFormType.CLASS_VAR
                || t == dev.typhon.semantic.types.SpecialFormType.TYPE_ALIAS;
    }

    private Type computeDeclared(SourceFile file, Definition def) {
        if (isTypeCheckingConstant(file, def)) {
            return dev.typhon.semantic.types.BoolLiteral.of(true);
        }
        if ((def.kind() == DefinitionKind.DECLARATION || def.kind() == DefinitionKind.ANNOTATED_ASSIGNMENT)
                && isBareQualifier(file, ((AnnAssign) def.statement()).annotation())) {
            AnnAssign a = (AnnAssign) def.statement();
            return a.value() == null ? DynamicType.UNKNOWN : ti.expressions.infer(file, a.value());
        }
        if (ti.versionInfo.isDeclaration(file, def)) {
            return ti.versionInfo.withConfiguredVersion(ti.typeExpressions.annotation(file,
                    ((AnnAssign) def.statement()).annotation(), null));
        }
        return switch (def.kind()) {
            case DECLARATION, ANNOTATED_ASSIGNMENT -> ti.typeExpressions.annotation(file,
                    ((AnnAssign) def.statement()).annotation(), null);
            case PARAMETER, VARIADIC_PARAMETER, KEYWORD_VARIADIC_PARAMETER -> parameterType(file, def);
            default -> bindingType(file, def);
        };
    }

    private Type computeBinding(SourceFile file, Definition def) {
        Node node = def.node();
        Node stmt = def.statement();
        if (isTypeCheckingConstant(file, def)) {
            return dev.typhon.semantic.types.BoolLiteral.of(true);
        }
        return switch (def.kind()) {
            case CLASS -> decoratedClass(file, (ClassDef) node, new ClassLiteralType(ClassType.of(ti.classes.literalOf(file, def))));
            case FUNCTION -> ti.functions.decorated(file, def, ti.functions.functionType(file, def));
            case ASSIGNMENT -> {
                if (stmt instanceof Assign a) {
                    for (Expr target : a.targets()) {
                        Type declared = target == node ? declaredAt(file, def) : null;
                        // `l = [None]` where `l: list[str | None]` is declared: the display takes the declaration as context
                        Type value = declared != null && !declared.isDynamic()
                                ? ti.constructors.inContext(file, a.value(), declared)
                                : ti.unpacking.assignedValue(file, target, a.value());
                        if (target == node) {
                            value = typeVarDefinition(file, def, a.value(), value);
                        }
                        Type t = ti.unpacking.typeOfTarget(target, node, value);
                        if (t != null) {
                            yield againstDeclarations(file, def, t);
                        }
                    }
                    yield DynamicType.UNKNOWN;
                }
                yield DynamicType.UNKNOWN;
            }
            case ANNOTATED_ASSIGNMENT -> {
                AnnAssign a = (AnnAssign) stmt;
                Type declared = declaredType(file, def);
                if (a.value() == null) {
                    yield declared;
                }
                Type value = ti.constructors.inContext(file, a.value(), declared);
                if (isBareQualifier(file, a.annotation())) {
                    yield value;
                }
                if (declared instanceof KnownInstanceType || declared.isDynamic()) {
                    yield declared.isDynamic() ? declared : value;
                }
                if (!value.isAssignableTo(ti, declared) || value.isDynamic()) {
                    yield declared;
                }
                // assignable both ways: the types differ in graduality (`list[Any]` and `list[int]`),
                // not in what they admit, and the annotation says what the user means
                yield declared.isAssignableTo(ti, value) ? declared : value;
            }
            case AUGMENTED_ASSIGNMENT -> {
                AugAssign a = (AugAssign) stmt;
                yield ti.expressions.augmentedAssignment(file, a.target(), a.op(), a.value());
            }
            case NAMED_EXPRESSION -> ti.expressions.infer(file, ((NamedExpr) stmt).value());
            case FOR_TARGET -> {
                Expr iter = stmt instanceof dev.typhon.ast.For f ? f.iter()
                        : stmt instanceof dev.typhon.ast.AsyncFor af ? af.iter() : null;
                Expr target = stmt instanceof dev.typhon.ast.For f ? f.target()
                        : stmt instanceof dev.typhon.ast.AsyncFor af ? af.target() : null;
                if (iter == null) {
                    yield DynamicType.UNKNOWN;
                }
                Type element = stmt instanceof dev.typhon.ast.AsyncFor ? ti.awaiting.element(ti.expressions.infer(file, iter))
                        : ti.calls.iterate(ti.expressions.infer(file, iter));
                Type t = ti.unpacking.typeOfTarget(target, node, element);
                yield t == null ? DynamicType.UNKNOWN : t;
            }
            case COMPREHENSION_TARGET -> {
                if (stmt instanceof dev.typhon.ast.Comprehension c) {
                    Type iterable = ti.expressions.infer(file, c.iter());
                    Type element = c.isAsync() != 0 ? ti.awaiting.element(iterable) : ti.calls.iterate(iterable);
                    Type t = ti.unpacking.typeOfTarget(c.target(), node, element);
                    yield t == null ? DynamicType.UNKNOWN : t;
                }
                yield DynamicType.UNKNOWN;
            }
            case WITH_TARGET -> {
                if (stmt instanceof dev.typhon.ast.WithItem w && w.optionalVars() != null) {
                    Type t = ti.unpacking.typeOfTarget(w.optionalVars(), node, enteredValue(file, w));
                    yield t == null ? DynamicType.UNKNOWN : t;
                }
                yield DynamicType.UNKNOWN;
            }
            case IMPORT -> ti.imports.importBinding((Alias) node);
            case IMPORT_FROM -> ti.imports.fromBinding(file, (ImportFrom) stmt, (Alias) node);
            case PARAMETER, VARIADIC_PARAMETER, KEYWORD_VARIADIC_PARAMETER -> parameterType(file, def);
            case TYPE_PARAMETER -> typeParameter(file, (TypeParam) node);
            case DECLARATION -> declaredType(file, def);
            case MATCH_CAPTURE -> captureType(file, def);
            default -> DynamicType.UNKNOWN;
        };
    }

    /** What {@code with cm as target} binds: the result of {@code cm.__enter__()} (the awaited {@code __aenter__()} for {@code async with}). */
    Type enteredValue(SourceFile file, dev.typhon.ast.WithItem item) {
        if (file.nodeTable().parent(item) instanceof dev.typhon.ast.AsyncWith) {
            return ti.awaiting.entered(ti.expressions.infer(file, item.contextExpr()));
        }
        Type manager = ti.expressions.infer(file, item.contextExpr());
        if (manager.isDynamic()) {
            return manager;
        }
        Type entered = ti.calls.callDunder(manager, "__enter__", java.util.List.of());
        return entered == null ? DynamicType.UNKNOWN : entered;
    }

    /**
     * What a decorated class statement binds: an unresolved decorator hides the class (Unknown), a
     * class used as a decorator binds its instance; decorators that are functions are taken to
     * return the class they are given.
     */
    private Type decoratedClass(SourceFile file, ClassDef node, Type cls) {
        Type result = cls;
        if (file.isStub()) {
            return cls; // stubs' class decorators are markers (`@final`, `@disjoint_base`) Typhon may not resolve
        }
        for (int i = node.decoratorList().size() - 1; i >= 0; i--) {
            Expr decorator = node.decoratorList().get(i);
            Type d = ti.expressions.infer(file, decorator);
            // a name that resolves to nothing known (unresolved, or imported from an unresolved module)
            if (d == DynamicType.UNKNOWN && decorator instanceof dev.typhon.ast.Name) {
                result = d;
            } else if (d instanceof ClassLiteralType c && c.literal().known() == null && c.classType().arguments().isEmpty()) {
                result = c.classType().toInstance();
            }
        }
        return result;
    }

    /**
     * {@code case ... as x} or {@code case x}, at the top of a case's pattern (or of one of its
     * alternatives): the subject as the pattern narrows it. Deeper captures are not typed yet.
     */
    private Type captureType(SourceFile file, Definition def) {
        if (!(def.node() instanceof dev.typhon.ast.MatchAs capture) || !(def.statement() instanceof dev.typhon.ast.MatchCase c)
                || !(file.nodeTable().parent(c) instanceof dev.typhon.ast.Match m)) {
            return DynamicType.UNKNOWN;
        }
        boolean top = c.pattern() == capture || (c.pattern() instanceof dev.typhon.ast.MatchOr o
                && o.patterns().stream().anyMatch(p -> p == capture));
        if (!top) {
            return DynamicType.UNKNOWN;
        }
        Type subject = ti.expressions.infer(file, m.subject());
        if (capture.pattern() == null) {
            return subject;
        }
        Type t = ti.narrowing.pattern(file, capture.pattern(), true, subject);
        return t == null ? subject : t;
    }

    /**
     * A binding of a declared name: the value when the declaration accepts it (it is narrowed to it),
     * else the declared type (the assignment is an error, reported by the checker).
     */
    private Type againstDeclarations(SourceFile file, Definition def, Type value) {
        Type declared = declaredAt(file, def);
        if (declared == null || value.isAssignableTo(ti, declared)) {
            return value;
        }
        return declared;
    }

    /** The type the declarations live at a binding give its name, or null when it is not declared. */
    Type declaredAt(SourceFile file, Definition def) {
        if (def.isPlace() || def.symbol() < 0) {
            return null;
        }
        java.util.List<Definition> declarations = file.index().declarationsAt(def);
        if (declarations.isEmpty()) {
            return null;
        }
        UnionBuilder u = new UnionBuilder(ti);
        for (Definition d : declarations) {
            if (d != def) {
                u.add(declaredType(file, d));
            }
        }
        return u.isEmpty() ? null : u.build();
    }

    /**
     * A binding where declarations of different types are live ({@code x: str} on one path,
     * {@code x: int} on another): the name has no single declared type; null when there is no conflict.
     */
    @Nullable Problem conflictingDeclarations(SourceFile file, Definition binding) {
        if (binding.isPlace() || binding.symbol() < 0 || !(binding.node() instanceof dev.typhon.ast.Name name)) {
            return null;
        }
        java.util.List<Type> distinct = new java.util.ArrayList<>();
        for (Definition d : file.index().declarationsAt(binding)) {
            if (d == binding) {
                continue;
            }
            Type t = declaredType(file, d);
            if (distinct.stream().noneMatch(x -> x.equals(t) || x.isEquivalentTo(ti, t))) {
                distinct.add(t);
            }
        }
        if (distinct.size() < 2) {
            return null;
        }
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < distinct.size(); i++) {
            if (i > 0) {
                listed.append(i == distinct.size() - 1 ? " and " : ", ");
            }
            listed.append('`').append(distinct.get(i).display()).append('`');
        }
        return new Problem("conflicting-declarations", "Conflicting declared types for `" + name.id() + "`: " + listed,
                null, name.startOffset(), name.endOffset());
    }

    /**
     * A declaration without a value ({@code x: str}) of a name already bound to something it does not
     * accept ({@code x = 1} before it, or in the previous iteration of a loop): null when it accepts them.
     */
    @Nullable Problem invalidDeclaration(SourceFile file, Definition declaration) {
        if (declaration.kind() != DefinitionKind.DECLARATION || declaration.isPlace() || declaration.symbol() < 0
                || !(declaration.statement() instanceof AnnAssign ann)) {
            return null;
        }
        Names.Lookup prior = ti.names.fromBindings(file, file.index().bindingsAtDeclaration(declaration), java.util.List.of(),
                file.index().scope(declaration.scope()).symbolName(declaration.symbol()));
        if (prior.boundness() == dev.typhon.semantic.index.Boundness.UNBOUND) {
            return null;
        }
        Type declared = declaredType(file, declaration);
        if (prior.type().isAssignableTo(ti, declared)) {
            return null;
        }
        return new Problem("invalid-declaration", "Cannot declare type `" + declared.display() + "` for inferred type `"
                + prior.type().display() + "`", null, ann.startOffset(), ann.endOffset());
    }

    private Type parameterType(SourceFile file, Definition def) {
        Arg arg = (Arg) def.node();
        if (arg.annotation() == null) {
            return switch (def.kind()) {
                case VARIADIC_PARAMETER -> TupleType.homogeneous(DynamicType.UNKNOWN);
                case KEYWORD_VARIADIC_PARAMETER -> KnownClass.DICT.toSpecializedInstance(ti,
                        java.util.List.of(KnownClass.STR.toInstance(ti), DynamicType.UNKNOWN));
                default -> {
                    Type receiver = implicitReceiver(file, def, arg);
                    Expr dflt = receiver == DynamicType.UNKNOWN ? defaultOf(file, arg) : null;
                    // an unannotated parameter takes any argument, and its default when none is passed
                    yield dflt == null ? receiver : UnionBuilder.of(ti, DynamicType.UNKNOWN, ti.expressions.infer(file, dflt));
                }
            };
        }
        String binder = ti.functions.enclosingFunctionName(file, def);
        Type t = ti.typeExpressions.annotation(file, arg.annotation(), binder);
        dev.typhon.ast.Node fn = file.nodeTable().parent(file.nodeTable().parent(arg));
        if (binder != null && (fn instanceof FunctionDef || fn instanceof dev.typhon.ast.AsyncFunctionDef)) {
            t = ti.functions.parameterAnnotation(file, fn, binder, t);
        }
        return switch (def.kind()) {
            case VARIADIC_PARAMETER -> TupleType.homogeneous(t);
            case KEYWORD_VARIADIC_PARAMETER -> KnownClass.DICT.toSpecializedInstance(ti,
                    java.util.List.of(KnownClass.STR.toInstance(ti), t));
            default -> t;
        };
    }

    /** The default value of a parameter of a {@code def} or {@code lambda}, or null. */
    private static @Nullable Expr defaultOf(SourceFile file, Arg arg) {
        if (!(file.nodeTable().parent(arg) instanceof dev.typhon.ast.Arguments args)) {
            return null;
        }
        java.util.List<Arg> positional = new java.util.ArrayList<>(args.posonlyargs());
        positional.addAll(args.args());
        int at = positional.indexOf(arg);
        if (at >= 0) {
            int firstDefault = positional.size() - args.defaults().size();
            return at >= firstDefault ? args.defaults().get(at - firstDefault) : null;
        }
        int kw = args.kwonlyargs().indexOf(arg);
        if (kw >= 0 && kw < args.kwDefaults().size()) {
            Expr d = args.kwDefaults().get(kw);
            return d == null || dev.typhon.ast.Placeholders.isMissing(d) ? null : d;
        }
        return null;
    }

    /** An unannotated first parameter of a method: the instance ({@code self}) or, for a classmethod, the class. */
    private Type implicitReceiver(SourceFile file, Definition def, Arg arg) {
        dev.typhon.semantic.index.Scope scope = file.index().scope(def.scope());
        if (scope.kind() != dev.typhon.semantic.index.ScopeKind.FUNCTION) {
            return DynamicType.UNKNOWN;
        }
        dev.typhon.ast.Node fn = file.nodeTable().parent(file.nodeTable().parent(arg));
        if (!(fn instanceof FunctionDef fd)) {
            return DynamicType.UNKNOWN;
        }
        java.util.List<Arg> positional = new java.util.ArrayList<>(fd.args().posonlyargs());
        positional.addAll(fd.args().args());
        if (positional.isEmpty() || positional.get(0) != arg) {
            return DynamicType.UNKNOWN;
        }
        dev.typhon.semantic.types.ClassLiteral cls = ti.classes.enclosingClass(file, scope);
        if (cls == null) {
            return DynamicType.UNKNOWN;
        }
        boolean classReceiver = fd.name().equals("__new__") || fd.name().equals("__init_subclass__")
                || fd.name().equals("__class_getitem__");
        for (Expr d : fd.decoratorList()) {
            if (d instanceof dev.typhon.ast.Name n && n.id().equals("staticmethod")) {
                return DynamicType.UNKNOWN;
            }
            if (d instanceof dev.typhon.ast.Name n && n.id().equals("classmethod")) {
                classReceiver = true;
            }
        }
        // a method that speaks of `Self` receives its `Self` (what `return self` must be)
        Type self = SelfTypes.receiverInBody(ti.functions.signature(file, fd, fd.name()), classReceiver);
        if (self != null) {
            return self;
        }
        return classReceiver ? new ClassLiteralType(ClassType.of(cls)) : ClassType.of(cls).toInstance();
    }

    /**
     * {@code TYPE_CHECKING = False} (or a bare {@code TYPE_CHECKING: bool} in a stub, as typing's own):
     * whatever module defines it, the constant is true while type checking, as mypy and pyright agree.
     */
    private static boolean isTypeCheckingConstant(SourceFile file, Definition def) {
        if (def.isPlace() || def.symbol() < 0 || !"TYPE_CHECKING".equals(file.index().scope(def.scope()).symbolName(def.symbol()))) {
            return false;
        }
        Expr value = switch (def.statement()) {
            case Assign a when a.targets().size() == 1 && a.targets().get(0) == def.node() -> a.value();
            case AnnAssign a when a.target() == def.node() -> a.value();
            default -> null;
        };
        if (value == null) {
            return def.kind() == DefinitionKind.DECLARATION && file.isStub();
        }
        if (!(value instanceof dev.typhon.ast.Constant c)) {
            return false;
        }
        return c.value() instanceof dev.typhon.ast.ConstantValue.Bool b && !b.value()
                || (file.isStub() && c.value() instanceof dev.typhon.ast.ConstantValue.Ellipsis);
    }

    /**
     * {@code UserId = NewType("UserId", int)}: the pseudo-class, whose instances are a subtype of the
     * base; the value unchanged when the call is not one (a name that is not a string, no base).
     */
    private Type newTypeDefinition(SourceFile file, Definition def, dev.typhon.ast.Call call, Type value) {
        if (call.args().size() != 2 || !(call.args().get(0) instanceof dev.typhon.ast.Constant k)
                || !(k.value() instanceof dev.typhon.ast.ConstantValue.Str s)) {
            return value;
        }
        Type base = ti.typeExpressions.annotation(file, call.args().get(1), null);
        dev.typhon.semantic.types.NewTypeInstance instance = new dev.typhon.semantic.types.NewTypeInstance(s.value(),
                new DefinitionRef(file.id(), def.id()), base);
        return new KnownInstanceType(KnownClass.NEW_TYPE, instance, s.value());
    }

    /** {@code T = TypeVar("T", ...)}: the binding is the type variable itself (and a NewType's, its pseudo-class). */
    private Type typeVarDefinition(SourceFile file, Definition def, Expr valueExpr, Type value) {
        if (!(valueExpr instanceof dev.typhon.ast.Call call) || call.args().isEmpty()) {
            return value;
        }
        Type callee = ti.expressions.infer(file, call.func());
        if (callee instanceof ClassLiteralType c && c.literal().isKnown(KnownClass.NEW_TYPE)) {
            return newTypeDefinition(file, def, call, value);
        }
        if (!(callee instanceof ClassLiteralType c) || !c.literal().isKnown(KnownClass.TYPE_VAR)) {
            return value;
        }
        if (!(call.args().get(0) instanceof dev.typhon.ast.Constant k)
                || !(k.value() instanceof dev.typhon.ast.ConstantValue.Str s)) {
            return value;
        }
        Type bound = null;
        java.util.List<Type> constraints = new java.util.ArrayList<>();
        for (int i = 1; i < call.args().size(); i++) {
            constraints.add(ti.typeExpressions.annotation(file, call.args().get(i), null));
        }
        Variance variance = Variance.INVARIANT;
        for (dev.typhon.ast.Keyword kw : call.keywords()) {
            if ("bound".equals(kw.arg())) {
                bound = ti.typeExpressions.annotation(file, kw.value(), null);
            } else if ("covariant".equals(kw.arg()) && isTrue(kw.value())) {
                variance = Variance.COVARIANT;
            } else if ("contravariant".equals(kw.arg()) && isTrue(kw.value())) {
                variance = Variance.CONTRAVARIANT;
            }
        }
        TypeVarType v = new TypeVarType(s.value(), "", new DefinitionRef(file.id(), def.id()), bound, constraints,
                variance);
        return new KnownInstanceType(KnownClass.TYPE_VAR, v, s.value());
    }

    private static boolean isTrue(Expr e) {
        return e instanceof dev.typhon.ast.Constant c && c.value() instanceof dev.typhon.ast.ConstantValue.Bool b
                && b.value();
    }

    /** A PEP 695 type parameter: {@code class C[T: int]}. */
    Type typeParameter(SourceFile file, TypeParam p) {
        if (p instanceof dev.typhon.ast.TypeVar tv) {
            Definition def = null;
            for (Definition d : ti.definitionsAt(file, p)) {
                if (d.node() == p) {
                    def = d;
                    break;
                }
            }
            int id = def == null ? -p.nodeId() - 1 : def.id();
            Type bound = null;
            java.util.List<Type> constraints = java.util.List.of();
            if (tv.bound() instanceof Tuple t) {
                // `T: (int, str)`: constraints, each a type expression
                java.util.List<Type> cs = new java.util.ArrayList<>();
                for (Expr x : t.elts()) {
                    cs.add(ti.typeExpressions.annotation(file, x, null));
                }
                constraints = cs;
            } else if (tv.bound() != null) {
                bound = ti.typeExpressions.annotation(file, tv.bound(), null);
            }
            TypeVarType v = new TypeVarType(tv.name(), "", new DefinitionRef(file.id(), id), bound, constraints,
                    Variance.INVARIANT);
            return new KnownInstanceType(KnownClass.TYPE_VAR, v, tv.name());
        }
        return new TodoType("ParamSpec / TypeVarTuple");
    }

}
