package dev.typhon.semantic.infer;

import dev.typhon.ast.Arg;
import dev.typhon.ast.Arguments;
import dev.typhon.ast.AsyncFunctionDef;
import dev.typhon.ast.Expr;
import dev.typhon.ast.FunctionDef;
import dev.typhon.ast.Node;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.TypeParam;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.index.Scope;
import dev.typhon.semantic.types.DefinitionRef;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.KnownInstanceType;
import dev.typhon.semantic.types.KnownModule;
import dev.typhon.semantic.types.OverloadedFunction;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeVarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Functions from their {@code def} statements: the function literal (known or not), its signature
 * from annotations and defaults, and {@code @overload} sequences gathered into one overloaded value.
 */
final class Functions {
    private final TypeInference ti;

    Functions(TypeInference ti) {
        this.ti = ti;
    }

    /** The value a {@code def} binds: its function literal, or the overloads it ends. */
    Type functionType(SourceFile file, Definition def) {
        FunctionLiteral f = literal(file, def);
        if (isOverload(file, def)) {
            List<FunctionLiteral> overloads = previousOverloads(file, def);
            overloads.add(f);
            return overloads.size() == 1 ? f : new OverloadedFunction(f.name(), overloads);
        }
        List<FunctionLiteral> overloads = previousOverloads(file, def);
        if (!overloads.isEmpty()) {
            return new OverloadedFunction(f.name(), overloads);
        }
        return f;
    }

    /**
     * What a {@code def} binds once its decorators ran, innermost first. A decorator Typhon reads
     * itself ({@code staticmethod}, {@code classmethod}, {@code property} and its accessors,
     * {@code overload}) or that gives back a function or a callable (identity decorators,
     * {@code functools.wraps}, {@code contextlib.contextmanager}) leaves the function as it is: its
     * signature is the best account of the result. One that makes a descriptor
     * ({@code functools.cached_property}, {@code functools.cache}, a user's descriptor class) binds
     * that object, so reading it through an instance runs its {@code __get__}. An unknown decorator
     * makes the result unknown.
     */
    Type decorated(SourceFile file, Definition def, Type function) {
        if (!(function instanceof FunctionLiteral)) {
            return function;
        }
        List<Expr> ds = decorators(def.node());
        Type value = function;
        for (int i = ds.size() - 1; i >= 0; i--) {
            Expr d = ds.get(i);
            if (propertyOfAccessor(file, d) != null) {
                return function;
            }
            Type decorator = ti.expressions.infer(file, d);
            if (decorator.isDynamic()) {
                return decorator;
            }
            Type current = value;
            Type applied = switch (decorator) {
                case dev.typhon.semantic.types.ClassLiteralType c when c.literal().isKnown(
                        dev.typhon.semantic.types.KnownClass.STATICMETHOD) || c.literal().isKnown(
                        dev.typhon.semantic.types.KnownClass.CLASSMETHOD) || ti.mro(c.literal()).classes().stream()
                        .anyMatch(k -> k.isKnown(dev.typhon.semantic.types.KnownClass.PROPERTY)) -> null;
                case dev.typhon.semantic.types.ClassLiteralType c -> ti.constructors.construct(c.classType(),
                        List.of(value), java.util.Map.of(), null);
                case FunctionLiteral f when f.known() != null -> null;
                case FunctionLiteral f when current instanceof FunctionLiteral decorated && passesParameters(f) ->
                        passThrough(f, decorated);
                case OverloadedFunction o when current instanceof FunctionLiteral decorated
                        && o.overloads().stream().allMatch(Functions::passesParameters) -> {
                    FunctionLiteral chosen = null;
                    for (FunctionLiteral f : o.overloads()) {
                        if (ti.calls.accepts(f.signature(), List.of(current), 0, 0)) {
                            chosen = f;
                            break;
                        }
                    }
                    yield chosen == null ? null : passThrough(chosen, decorated);
                }
                case FunctionLiteral f -> ti.calls.returnOf(f.signature(), CallArguments.positional(List.of(value)), 0, null);
                case dev.typhon.semantic.types.CallableType c ->
                        ti.calls.returnOf(c.signature(), CallArguments.positional(List.of(value)), 0, null);
                default -> null;
            };
            if (applied instanceof FunctionLiteral passed && passed.synthesized()) {
                value = applied; // the decorated function's parameters, the decorator's return type
                continue;
            }
            if (!(applied instanceof dev.typhon.semantic.types.InstanceType made) || applied.isDynamic()
                    || ti.members.classAttribute(made.classType(), "__get__") == null) {
                return value; // a function or a callable again: the function describes it best
            }
            value = applied;
        }
        return value;
    }

    /**
     * {@code @contextmanager} on {@code def f(path: str) -> Iterator[int]}: the decorator's
     * {@code (**P) -> _GeneratorContextManager[T]} with P the decorated function's parameters and T
     * solved from its return type. It keeps the function's name and place (it binds as a method
     * does) and shows as its signature, as ty shows a callable; null when the call does not solve.
     */
    private @Nullable Type passThrough(FunctionLiteral decorator, FunctionLiteral decorated) {
        Type out = ti.calls.returnOf(decorator.signature(), CallArguments.positional(List.of(decorated)), 0, null);
        if (!(out instanceof dev.typhon.semantic.types.CallableType c) || c.paramSpec() == null) {
            return null;
        }
        Signature kept = decorated.signature();
        return new FunctionLiteral(decorated.name(), decorated.ref(), null,
                new Signature(kept.parameters(), c.signature().returns(), kept.gradual(), kept.typeParameters()), true);
    }

    /**
     * A decorator typed {@code (f: Callable[P, X]) -> Callable[P, Y]}: what it returns takes the
     * parameters of the function it decorates.
     */
    private static boolean passesParameters(FunctionLiteral decorator) {
        List<Parameter> ps = decorator.signature().parameters();
        return !ps.isEmpty() && ps.get(0).annotatedType() instanceof dev.typhon.semantic.types.CallableType in
                && in.paramSpec() != null
                && decorator.signature().returns() instanceof dev.typhon.semantic.types.CallableType out
                && in.paramSpec().equals(out.paramSpec());
    }

    FunctionLiteral literal(SourceFile file, Definition def) {
        Node node = def.node();
        String name = node instanceof FunctionDef fd ? fd.name() : ((AsyncFunctionDef) node).name();
        KnownModule km = file.knownModule();
        KnownFunction known = km != null && def.scope() == 0 ? KnownFunction.lookup(km, name) : null;
        return new FunctionLiteral(name, new DefinitionRef(file.id(), def.id()), known, signature(file, node, name));
    }

    private boolean isOverload(SourceFile file, Definition def) {
        for (Expr d : decorators(def.node())) {
            if (ti.expressions.infer(file, d) instanceof FunctionLiteral f && f.isKnown(KnownFunction.OVERLOAD)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code @overload} definitions of the same name directly before this one. */
    private List<FunctionLiteral> previousOverloads(SourceFile file, Definition def) {
        List<FunctionLiteral> out = new ArrayList<>();
        if (def.symbol() < 0) {
            return out;
        }
        Scope scope = file.index().scope(def.scope());
        List<Definition> all = file.index().definitionsOf(scope, def.symbol());
        int at = all.indexOf(def);
        for (int i = at - 1; i >= 0; i--) {
            Definition prev = all.get(i);
            if (prev.kind() != DefinitionKind.FUNCTION || !isOverload(file, prev)) {
                break;
            }
            out.add(0, literal(file, prev));
        }
        return out;
    }

    private static List<Expr> decorators(Node node) {
        return node instanceof FunctionDef fd ? fd.decoratorList() : ((AsyncFunctionDef) node).decoratorList();
    }

    Signature signature(SourceFile file, Node node, String name) {
        Arguments args = node instanceof FunctionDef fd ? fd.args() : ((AsyncFunctionDef) node).args();
        Expr returns = node instanceof FunctionDef fd ? fd.returns() : ((AsyncFunctionDef) node).returns();
        List<TypeParam> typeParams = node instanceof FunctionDef fd ? fd.typeParams() : ((AsyncFunctionDef) node).typeParams();
        List<Parameter> params = parameters(file, args, name);
        return signature(file, node, name, params, returns, typeParams);
    }

    /**
     * A {@code lambda}: its parameters (unannotated, so shown by name and default) and, as its
     * return type, the type of its body.
     */
    Type lambda(SourceFile file, dev.typhon.ast.Lambda l) {
        return dev.typhon.semantic.types.CallableType.ofFunction(
                Signature.of(parameters(file, l.args(), "<lambda>"), ti.expressions.infer(file, l.body())));
    }

    /** The parameters a {@code def} or {@code lambda} declares, in order, with their defaults' source. */
    private List<Parameter> parameters(SourceFile file, Arguments args, String name) {
        List<Parameter> params = new ArrayList<>();
        List<Arg> positional = new ArrayList<>(args.posonlyargs());
        positional.addAll(args.args());
        int firstDefault = positional.size() - args.defaults().size();
        for (int i = 0; i < positional.size(); i++) {
            Arg a = positional.get(i);
            Parameter.Kind kind = i < args.posonlyargs().size() ? Parameter.Kind.POSITIONAL_ONLY
                    : Parameter.Kind.POSITIONAL_OR_KEYWORD;
            Expr dflt = i >= firstDefault ? args.defaults().get(i - firstDefault) : null;
            params.add(parameter(file, kind, a, dflt, name));
        }
        if (args.vararg() != null) {
            params.add(parameter(file, Parameter.Kind.VARIADIC, args.vararg(), null, name));
        }
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
            Expr dflt = i < args.kwDefaults().size() ? args.kwDefaults().get(i) : null;
            if (dflt != null && dev.typhon.ast.Placeholders.isMissing(dflt)) {
                dflt = null;
            }
            params.add(parameter(file, Parameter.Kind.KEYWORD_ONLY, args.kwonlyargs().get(i), dflt, name));
        }
        if (args.kwarg() != null) {
            params.add(parameter(file, Parameter.Kind.KEYWORD_VARIADIC, args.kwarg(), null, name));
        }
        return params;
    }

    private Signature signature(SourceFile file, Node node, String name, List<Parameter> params, @Nullable Expr returns,
            List<TypeParam> typeParams) {
        Type ret = coroutine(node, returns == null ? null : ti.typeExpressions.annotation(file, returns, name));
        List<TypeVarType> typeVars = new ArrayList<>();
        for (TypeParam p : typeParams) {
            if (ti.definitions.typeParameter(file, p) instanceof KnownInstanceType k && k.value() instanceof TypeVarType v) {
                typeVars.add(v.boundBy(name));
            }
        }
        if (!mentionsOwnVariables(params, ret, name)) {
            return new Signature(params, ret, false, typeVars);
        }
        // legacy variables (and PEP 695 ones of an enclosing scope) go to the scope that binds them
        List<TypeVarType> enclosing = ti.typeVarBinders.enclosing(file, node);
        List<Parameter> rebound = new ArrayList<>();
        List<TypeVarType> own = new ArrayList<>();
        for (Parameter p : params) {
            Type t = p.annotatedType() == null ? null : ti.typeVarBinders.rebind(p.annotatedType(), name, enclosing);
            rebound.add(new Parameter(p.kind(), p.name(), t, p.defaultDisplay()));
            if (t != null) {
                dev.typhon.semantic.types.TypeVariables.collect(t, own);
            }
        }
        Type returnType = ret == null ? null : ti.typeVarBinders.rebind(ret, name, enclosing);
        if (returnType != null) {
            dev.typhon.semantic.types.TypeVariables.collect(returnType, own);
        }
        for (TypeVarType v : own) {
            if (v.binder().equals(name) && typeVars.stream().noneMatch(t -> t.ref().equals(v.ref()))) {
                typeVars.add(v);
            }
        }
        return new Signature(rebound, returnType, false, typeVars);
    }

    /**
     * What calling the function returns, from its declared return type: an {@code async def} that
     * does not {@code yield} returns a coroutine, {@code CoroutineType[Any, Any, R]}, which
     * {@code await} turns into R (an async generator's declared type is what a call returns).
     */
    private @Nullable Type coroutine(Node node, @Nullable Type declared) {
        if (!(node instanceof AsyncFunctionDef f) || yields(f.body())) {
            return declared;
        }
        return dev.typhon.semantic.types.KnownClass.COROUTINE_TYPE.toSpecializedInstance(ti, List.of(
                dev.typhon.semantic.types.DynamicType.ANY, dev.typhon.semantic.types.DynamicType.ANY,
                declared == null ? dev.typhon.semantic.types.DynamicType.UNKNOWN : declared));
    }

    /** Whether a function body has a {@code yield} of its own (not of a function, class or lambda in it). */
    static boolean yields(List<dev.typhon.ast.Stmt> body) {
        java.util.Deque<Node> stack = new java.util.ArrayDeque<>(body);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            switch (n) {
                case dev.typhon.ast.Yield y -> {
                    return true;
                }
                case dev.typhon.ast.YieldFrom y -> {
                    return true;
                }
                case FunctionDef d -> {
                    continue;
                }
                case AsyncFunctionDef d -> {
                    continue;
                }
                case dev.typhon.ast.ClassDef c -> {
                    continue;
                }
                case dev.typhon.ast.Lambda l -> {
                    continue;
                }
                default -> {
                }
            }
            n.forEachChild(stack::push);
        }
        return false;
    }

    private static boolean mentionsOwnVariables(List<Parameter> params, @Nullable Type ret, String name) {
        for (Parameter p : params) {
            if (p.annotatedType() != null && TypeVarBinders.mentionsOwn(p.annotatedType(), name)) {
                return true;
            }
        }
        return ret != null && TypeVarBinders.mentionsOwn(ret, name);
    }

    /** A parameter's annotation as the function's body sees it: its type variables bound where {@link #signature} binds them. */
    Type parameterAnnotation(SourceFile file, Node function, String name, Type annotated) {
        if (!TypeVarBinders.mentionsOwn(annotated, name)) {
            return annotated;
        }
        return ti.typeVarBinders.rebind(annotated, name, ti.typeVarBinders.enclosing(file, function));
    }

    private Parameter parameter(SourceFile file, Parameter.Kind kind, Arg a, @Nullable Expr dflt, String function) {
        Type t = a.annotation() == null ? null : ti.typeExpressions.annotation(file, a.annotation(), function);
        String shown = dflt == null ? null : source(file, dflt);
        return new Parameter(kind, a.arg(), t, shown);
    }

    private static String source(SourceFile file, Expr e) {
        String text = file.parse().source().text();
        int end = Math.min(e.endOffset(), text.length());
        return e.startOffset() <= end ? text.substring(e.startOffset(), end) : "...";
    }

    /** How a function defined in a class body binds when looked up on an instance or the class. */
    enum MethodKind { INSTANCE, STATIC, CLASS, PROPERTY }

    MethodKind methodKind(FunctionLiteral f) {
        if (f.name().equals("__new__")) {
            return MethodKind.STATIC;
        }
        if (f.name().equals("__init_subclass__") || f.name().equals("__class_getitem__")) {
            return MethodKind.CLASS;
        }
        SourceFile file = ti.program.file(f.ref().file());
        Node node = file.index().definition(f.ref().definition()).node();
        if (f.synthesized() && !(node instanceof FunctionDef) && !(node instanceof AsyncFunctionDef)) {
            return f.name().equals("_make") ? MethodKind.CLASS : MethodKind.INSTANCE; // no decorators: its ref is its class
        }
        for (Expr d : decorators(node)) {
            Type t = ti.expressions.infer(file, d);
            if (t instanceof dev.typhon.semantic.types.ClassLiteralType c) {
                if (c.literal().isKnown(dev.typhon.semantic.types.KnownClass.STATICMETHOD)) {
                    return MethodKind.STATIC;
                }
                if (c.literal().isKnown(dev.typhon.semantic.types.KnownClass.CLASSMETHOD)) {
                    return MethodKind.CLASS;
                }
                // `property` and its subclasses (`types.DynamicClassAttribute`, `enum.property`)
                if (ti.mro(c.literal()).classes().stream()
                        .anyMatch(k -> k.isKnown(dev.typhon.semantic.types.KnownClass.PROPERTY))) {
                    return MethodKind.PROPERTY;
                }
            }
            if (propertyOfAccessor(file, d) != null) {
                return MethodKind.PROPERTY;
            }
        }
        return MethodKind.INSTANCE;
    }

    /**
     * The getter of a property whose {@code setter}/{@code deleter}/{@code getter} decorates a
     * function ({@code @x.setter}), or null for any other decorator.
     */
    private @Nullable FunctionLiteral propertyOfAccessor(SourceFile file, Expr decorator) {
        if (decorator instanceof dev.typhon.ast.Attribute a
                && (a.attr().equals("setter") || a.attr().equals("deleter") || a.attr().equals("getter"))
                && ti.expressions.infer(file, a.value()) instanceof FunctionLiteral g
                && methodKind(g) == MethodKind.PROPERTY) {
            return g;
        }
        return null;
    }

    /** What reading a property returns: its getter's declared return type (a setter leads back to the getter). */
    @Nullable Type propertyType(FunctionLiteral f) {
        if (f.synthesized()) {
            return f.signature().returns();
        }
        SourceFile file = ti.program.file(f.ref().file());
        Node node = file.index().definition(f.ref().definition()).node();
        for (Expr d : decorators(node)) {
            FunctionLiteral getter = propertyOfAccessor(file, d);
            if (getter != null && !(d instanceof dev.typhon.ast.Attribute a && a.attr().equals("getter"))) {
                return propertyType(getter);
            }
        }
        return f.signature().returns();
    }

    /**
     * What assigning to a property accepts: the declared type of its setter's value parameter
     * ({@code Unknown} when it has none), null when the property has no setter (it is read-only).
     * The property's value is the last accessor its class body defines, so a deleter or a getter
     * redefinition leads back along {@code @x.deleter} to the property it was made from.
     */
    @Nullable Type propertySetterValue(FunctionLiteral f) {
        if (f.synthesized()) {
            return DynamicType.UNKNOWN; // made by a transform (a dataclass field): Typhon cannot tell
        }
        SourceFile file = ti.program.file(f.ref().file());
        Node node = file.index().definition(f.ref().definition()).node();
        for (Expr d : decorators(node)) {
            if (d instanceof dev.typhon.ast.Attribute a) {
                FunctionLiteral base = propertyOfAccessor(file, d);
                if (base != null && a.attr().equals("setter")) {
                    List<Parameter> ps = f.signature().parameters();
                    return ps.size() < 2 ? DynamicType.UNKNOWN : ps.get(1).type();
                }
                if (base != null) {
                    return propertySetterValue(base);
                }
            }
        }
        return null;
    }

    /** The name of the function whose parameter a definition is (for {@code T@f}), or null. */
    @Nullable String enclosingFunctionName(SourceFile file, Definition def) {
        Scope s = file.index().scope(def.scope());
        return s.kind().isFunctionLike() ? s.name() : null;
    }

    /** The function a known variant names in the configured typeshed. */
    @Nullable Type resolveKnown(KnownFunction k) {
        for (KnownModule m : k.modules()) {
            Optional<SourceFile> file = ti.program.module(m.moduleName());
            if (file.isEmpty()) {
                continue;
            }
            Type t = ti.imports.member(file.get(), k.symbol());
            if (t instanceof FunctionLiteral f && f.known() == k) {
                return f;
            }
            if (t instanceof OverloadedFunction o && !o.overloads().isEmpty() && o.overloads().get(0).known() == k) {
                return o;
            }
        }
        return null;
    }
}
