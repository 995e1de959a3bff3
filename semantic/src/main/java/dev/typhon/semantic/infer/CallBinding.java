package dev.typhon.semantic.infer;

import dev.typhon.ast.Call;
import dev.typhon.ast.Expr;
import dev.typhon.ast.Keyword;
import dev.typhon.ast.Starred;
import dev.typhon.semantic.types.BoundMethodType;
import dev.typhon.semantic.types.ClassLiteralType;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.Parameter;
import dev.typhon.semantic.types.Signature;
import dev.typhon.semantic.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Binding a call's arguments to a function's parameters as Python does (positional first, then
 * keywords by name, defaults for the rest) and checking each argument against its parameter's type,
 * with ty's rules: {@code too-many-positional-arguments}, {@code unknown-argument},
 * {@code parameter-already-assigned}, {@code missing-argument}, {@code invalid-argument-type}.
 * Calls with {@code *args} or {@code **kwargs} arguments, overloads and generic parameters are not
 * checked yet (they are not reported rather than reported wrongly).
 */
final class CallBinding {
    private final TypeInference ti;

    CallBinding(TypeInference ti) {
        this.ti = ti;
    }

    List<Problem> problems(SourceFile file, Call call) {
        List<Problem> out = new ArrayList<>();
        collect(file, call, ti.expressions.infer(file, call.func()), out);
        return out;
    }

    /**
     * The problems of calling {@code callee}: each member of a union is called (and reported) on its
     * own, except that a union none of whose members is callable is reported once, as a whole.
     */
    private void collect(SourceFile file, Call call, Type callee, List<Problem> out) {
        switch (callee) {
            case dev.typhon.semantic.types.UnionType u -> {
                List<Type> notCallable = new ArrayList<>();
                for (Type m : u.members()) {
                    if (isCallable(m)) {
                        collect(file, call, m, out);
                    } else {
                        notCallable.add(m);
                    }
                }
                if (notCallable.size() == u.members().size()) {
                    out.add(notCallable(call, callee));
                } else {
                    notCallable.forEach(m -> out.add(notCallable(call, m)));
                }
            }
            case FunctionLiteral fl -> {
                if (fl.known() == null && !isInitOrNew(fl)) {
                    bind(file, call, fl.signature(), 0, "function `" + qualifiedName(fl) + "`", out);
                }
            }
            case BoundMethodType b -> {
                if (!isInitOrNew(b.function())) {
                    bind(file, call, b.function().signature(), 1, b.self(),
                            nameOf(b.function(), "bound method `" + qualifiedName(b.function()) + "`"), out);
                }
            }
            case dev.typhon.semantic.types.OverloadedFunction o -> overloaded(file, call, o, out);
            case ClassLiteralType c -> construct(file, call, c.classType(), out);
            // a NewType's pseudo-class takes one positional argument of its base: `(item: int, /) -> UserId`
            case dev.typhon.semantic.types.KnownInstanceType k when k.kind() == dev.typhon.semantic.types.KnownClass.NEW_TYPE
                    && k.value() instanceof dev.typhon.semantic.types.NewTypeInstance n -> bind(file, call,
                    new Signature(List.of(new Parameter(Parameter.Kind.POSITIONAL_ONLY, "item", n.base(), null)), n, false,
                            List.of()), 0, "new type `" + n.name() + "`", out);
            case dev.typhon.semantic.types.SubclassOfType s when s.subclassOf() instanceof InstanceType i ->
                    construct(file, call, i.classType(), out);
            default -> {
                if (!isCallable(callee)) {
                    out.add(notCallable(call, callee));
                } else if (callee instanceof InstanceType && ti.dunders.lookup(callee, "__call__") instanceof BoundMethodType b) {
                    bind(file, call, b.function().signature(), 1, b.self(), "bound method `" + qualifiedName(b.function()) + "`", out);
                }
            }
        }
    }

    /**
     * A call of an overloaded function or method that no overload accepts: ty's
     * {@code no-matching-overload}. Only overloads of checked (non-stub) files, which Typhon binds
     * faithfully; typeshed's are left to the return-type inference, which picks the first that fits.
     */
    private void overloaded(SourceFile file, Call call, dev.typhon.semantic.types.OverloadedFunction o, List<Problem> out) {
        if (o.overloads().isEmpty() || o.overloads().stream().anyMatch(f -> f.known() != null || f.synthesized())
                || ti.program.file(o.overloads().get(0).ref().file()).isStub() || isInitOrNew(o.overloads().get(0))) {
            return;
        }
        Type receiver = ti.calls.boundReceiver(file, call, o);
        Functions.MethodKind kind = ti.functions.methodKind(o.overloads().get(0));
        int skip = receiver != null || (kind == Functions.MethodKind.CLASS && call.func() instanceof dev.typhon.ast.Attribute) ? 1 : 0;
        for (FunctionLiteral f : o.overloads()) {
            Signature s = f.signature();
            Type self = skip == 1 && !s.parameters().isEmpty() ? s.parameters().get(0).annotatedType() : null;
            if (receiver != null && self != null && !dev.typhon.semantic.types.TypeVariables.mentioned(self)
                    && !receiver.isAssignableTo(ti, self)) {
                continue;
            }
            List<Problem> trial = new ArrayList<>();
            bind(file, call, s, skip, receiver, "", trial);
            if (trial.isEmpty()) {
                return;
            }
        }
        // an argument of a union type may match different overloads member by member; without
        // expanding it over them, Typhon does not judge the call
        for (Expr a : call.args()) {
            if (ti.expressions.infer(file, a instanceof Starred st ? st.value() : a) instanceof dev.typhon.semantic.types.UnionType) {
                return;
            }
        }
        for (Keyword k : call.keywords()) {
            if (ti.expressions.infer(file, k.value()) instanceof dev.typhon.semantic.types.UnionType) {
                return;
            }
        }
        String what = skip == 1 ? "bound method `" + qualifiedName(o.overloads().get(0)) + "`"
                : "function `" + qualifiedName(o.overloads().get(0)) + "`";
        out.add(new Problem("no-matching-overload", "No overload of " + what + " matches arguments", null,
                call.startOffset(), call.endOffset()));
    }

    private static boolean isInitOrNew(FunctionLiteral f) {
        return f.name().equals("__new__") || f.name().equals("__init__");
    }

    private Problem notCallable(Call call, Type callee) {
        if (callee instanceof InstanceType i && i.isKnown(dev.typhon.semantic.types.KnownClass.NOT_IMPLEMENTED_TYPE)) {
            return new Problem("call-non-callable", "`NotImplemented` is not callable", null, call.startOffset(),
                    call.endOffset());
        }
        return new Problem("call-non-callable", "Object of type `" + callee.display() + "` is not callable", null,
                call.startOffset(), call.endOffset());
    }

    /**
     * Whether calling a value of this type can work: functions, methods, classes, callables, objects
     * whose class has {@code __call__}, dynamic types. {@code NotImplemented} is an instance of a class
     * with an unknown base, but calling it is always a mistake (for {@code NotImplementedError}).
     */
    boolean isCallable(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.DynamicType d -> true;
            case dev.typhon.semantic.types.TodoType d -> true;
            case FunctionLiteral f -> true;
            case BoundMethodType b -> true;
            case dev.typhon.semantic.types.OverloadedFunction o -> true;
            case ClassLiteralType c -> true;
            case dev.typhon.semantic.types.SubclassOfType s -> true;
            case dev.typhon.semantic.types.CallableType c -> true;
            case dev.typhon.semantic.types.TypeVarType v -> true;
            case dev.typhon.semantic.types.IntersectionType x -> true;
            case dev.typhon.semantic.types.Never n -> true;
            case dev.typhon.semantic.types.UnionType u -> u.members().stream().allMatch(this::isCallable);
            case dev.typhon.semantic.types.SpecialFormType f -> switch (f) {
                case ANY, UNION, OPTIONAL, LITERAL, LITERAL_STRING, NEVER, NO_RETURN, CALLABLE, FINAL, CLASS_VAR, ANNOTATED,
                        TYPE_ALIAS, TYPE_GUARD, TYPE_IS, CONCATENATE, UNPACK, REQUIRED, NOT_REQUIRED, READ_ONLY, SELF -> false;
                default -> true;
            };
            case InstanceType i when i.isKnown(dev.typhon.semantic.types.KnownClass.NOT_IMPLEMENTED_TYPE) -> false;
            default -> ti.dunders.lookup(t, "__call__") != null;
        };
    }

    /**
     * A class called as a constructor: its {@code __new__} and {@code __init__} (when they are not
     * {@code object}'s) each bind the arguments. Classes whose metaclass defines {@code __call__}
     * construct as that method says, which is not checked here.
     */
    private void construct(SourceFile file, Call call, ClassType cls, List<Problem> out) {
        if (ti.typedDicts.isTypedDict(cls.literal())) {
            out.addAll(ti.typedDicts.constructorProblems(file, call, cls.literal()));
            return;
        }
        ClassType meta = ti.metaclass(cls.literal());
        if (meta == null || !callsLikeType(meta) || ti.mro(cls.literal()).hasDynamic()) {
            return;
        }
        String module = cls.literal().module();
        if (module.equals("typing") || module.equals("typing_extensions") || module.startsWith("ty_extensions")) {
            return; // TypeVar(...), NewType(...) and friends are special forms whose stubs do not describe their calls
        }
        // a generic class called without arguments infers them from the call: its own variables are not checked
        List<dev.typhon.semantic.types.TypeVarType> own = ti.typeParameters(cls.literal());
        ClassType seen = cls.arguments().isEmpty() && !own.isEmpty()
                ? new ClassType(cls.literal(), own.stream().map(v -> (Type) dev.typhon.semantic.types.DynamicType.UNKNOWN).toList())
                : cls;
        Type newMethod = ti.classes.member(cls, "__new__");
        Members.ClassAttribute newOwner = ti.members.classAttribute(cls, "__new__");
        boolean tuplesNew = newOwner != null && newOwner.owner() != null
                && newOwner.owner().isKnown(dev.typhon.semantic.types.KnownClass.TUPLE) && !cls.isKnown(dev.typhon.semantic.types.KnownClass.TUPLE);
        // a tuple subclass's `tuple.__new__` takes the elements its tuple base describes, not `Iterable[_T_co]`
        if (newMethod instanceof FunctionLiteral f && !definedByObject(f) && !tuplesNew) {
            bind(file, call, ti.members.specialize(seen, f) instanceof FunctionLiteral s ? s.signature() : f.signature(), 1,
                    nameOf(f, "class `" + cls.literal().name() + "`"), out);
        }
        Type init = ti.classes.member(cls, "__init__");
        if (init instanceof FunctionLiteral f && !definedByObject(f)) {
            bind(file, call, ti.members.specialize(seen, f) instanceof FunctionLiteral s ? s.signature() : f.signature(), 1,
                    nameOf(f, "`" + qualifiedName(f) + "`"), out);
        }
    }

    /** A metaclass whose {@code __call__} is {@code type}'s: calling its classes runs {@code __new__} and {@code __init__}. */
    private boolean callsLikeType(ClassType meta) {
        if (meta.isKnown(dev.typhon.semantic.types.KnownClass.TYPE)) {
            return true;
        }
        Members.ClassAttribute call = ti.members.classAttribute(meta, "__call__");
        return call != null && call.owner() != null && call.owner().isKnown(dev.typhon.semantic.types.KnownClass.TYPE);
    }

    /**
     * How messages name a method: a synthesized one (a dataclass's {@code __init__}) has no name of
     * its own to show, and ty leaves it out ({@code Argument is incorrect}).
     */
    private String nameOf(FunctionLiteral f, String shown) {
        return f.synthesized() ? "" : shown;
    }

    private static String to(String name) {
        return name.isEmpty() ? "" : " to " + name;
    }

    private static String of(String name) {
        return name.isEmpty() ? "" : " of " + name;
    }

    private boolean definedByObject(FunctionLiteral f) {
        return qualifiedName(f).startsWith("object.");
    }

    /** A function's name qualified by the classes whose bodies define it: {@code C.f}. */
    String qualifiedName(FunctionLiteral f) {
        try {
            SourceFile file = ti.program.file(f.ref().file());
            dev.typhon.semantic.index.SemanticIndex index = file.index();
            dev.typhon.semantic.index.Scope scope = index.scope(index.definition(f.ref().definition()).scope());
            StringBuilder name = new StringBuilder(f.name());
            if (f.synthesized() && index.definition(f.ref().definition()).node() instanceof dev.typhon.ast.ClassDef cd) {
                name.insert(0, cd.name() + "."); // a synthesized method's ref is its class
            }
            while (scope.kind() == dev.typhon.semantic.index.ScopeKind.CLASS) {
                name.insert(0, scope.name() + ".");
                if (scope.parent() < 0) {
                    break;
                }
                scope = index.scope(scope.parent());
            }
            return name.toString();
        } catch (RuntimeException e) {
            return f.name();
        }
    }

    /**
     * Binds a call's arguments to a signature (after {@code skip} bound parameters, {@code self} the
     * receiver of a bound method when known) and reports what does not fit.
     */
    private void bind(SourceFile file, Call call, Signature s, int skip, String name, List<Problem> out) {
        bind(file, call, s, skip, null, name, out);
    }

    private void bind(SourceFile file, Call call, Signature s, int skip, @dev.typhon.ast.Nullable Type self, String name,
            List<Problem> out) {
        if (s.gradual()) {
            return;
        }
        for (Expr a : call.args()) {
            if (a instanceof Starred) {
                return;
            }
        }
        for (Keyword k : call.keywords()) {
            if (k.arg() == null) {
                return;
            }
        }
        List<Parameter> ps = s.parameters().subList(Math.min(skip, s.parameters().size()), s.parameters().size());
        TypeVarSolver.Solution solution = null;
        java.util.Set<Expr> violating = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (!s.typeParameters().isEmpty()) {
            CallArguments arguments = CallArguments.of(ti, file, call);
            solution = arguments.solve(ti, s, skip, self);
            for (TypeVarSolver.Violation v : solution.violations()) {
                Expr at = v.argument() >= 0 && v.argument() < arguments.exprs().size() ? arguments.exprs().get(v.argument()) : null;
                if (at != null && violating.add(at)) {
                    out.add(new Problem("invalid-argument-type", "Argument" + to(name) + " is incorrect", v.message(),
                            at.startOffset(), at.endOffset()));
                }
            }
        }
        Checker check = new Checker(file, name, out, solution, violating);
        boolean[] bound = new boolean[ps.size()];
        List<Parameter> positional = new ArrayList<>();
        int variadic = -1;
        int kwVariadic = -1;
        for (int i = 0; i < ps.size(); i++) {
            switch (ps.get(i).kind()) {
                case POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD -> positional.add(ps.get(i));
                case VARIADIC -> variadic = i;
                case KEYWORD_VARIADIC -> kwVariadic = i;
                default -> {
                }
            }
        }
        List<Expr> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            if (i < positional.size()) {
                bound[ps.indexOf(positional.get(i))] = true;
                check.check(args.get(i), positional.get(i));
            } else if (variadic >= 0) {
                check.check(args.get(i), ps.get(variadic));
            } else {
                out.add(new Problem("too-many-positional-arguments", "Too many positional arguments" + to(name)
                        + ": expected " + positional.size() + ", got " + args.size(), null, args.get(i).startOffset(),
                        args.get(i).endOffset()));
                break;
            }
        }
        for (Keyword k : call.keywords()) {
            int at = -1;
            for (int i = 0; i < ps.size(); i++) {
                Parameter p = ps.get(i);
                if (k.arg().equals(p.name()) && (p.kind() == Parameter.Kind.POSITIONAL_OR_KEYWORD
                        || p.kind() == Parameter.Kind.KEYWORD_ONLY)) {
                    at = i;
                    break; // a keyword names the first parameter of that name
                }
            }
            if (at < 0) {
                if (kwVariadic >= 0) {
                    check.check(k.value(), ps.get(kwVariadic));
                } else {
                    out.add(new Problem("unknown-argument", "Argument `" + k.arg() + "` does not match any known parameter"
                            + of(name), null, k.startOffset(), k.endOffset()));
                }
                continue;
            }
            if (bound[at]) {
                out.add(new Problem("parameter-already-assigned", "Multiple values provided for parameter `" + k.arg()
                        + "`" + of(name), null, k.startOffset(), k.endOffset()));
                continue;
            }
            bound[at] = true;
            check.check(k.value(), ps.get(at));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            boolean required = !p.hasDefault() && p.kind() != Parameter.Kind.VARIADIC
                    && p.kind() != Parameter.Kind.KEYWORD_VARIADIC;
            if (required && !bound[i]) {
                missing.add("`" + p.name() + "`");
            }
        }
        if (!missing.isEmpty()) {
            String what = missing.size() == 1 ? "No argument provided for required parameter " + missing.get(0)
                    : "No arguments provided for required parameters " + String.join(", ", missing);
            out.add(new Problem("missing-argument", what + of(name), null, call.startOffset(), call.endOffset()));
        }
    }

    /**
     * Checks arguments against their parameters' types, with the call's solution of the signature's
     * type variables applied (an argument already reported for violating a bound is not checked again).
     */
    private final class Checker {
        private final SourceFile file;
        private final String name;
        private final List<Problem> out;
        private final TypeVarSolver.@dev.typhon.ast.Nullable Solution solution;
        private final java.util.Set<Expr> violating;

        Checker(SourceFile file, String name, List<Problem> out, TypeVarSolver.@dev.typhon.ast.Nullable Solution solution,
                java.util.Set<Expr> violating) {
            this.file = file;
            this.name = name;
            this.out = out;
            this.solution = solution;
            this.violating = violating;
        }

        void check(Expr arg, Parameter p) {
            Type want = p.annotatedType();
            if (want == null || violating.contains(arg)) {
                return;
            }
            if (solution != null) {
                if (!want.isFullyStatic()) {
                    return; // an Any in the declaration itself: not checked (only the solution's Unknowns are)
                }
                want = solution.apply(want);
            } else if (mentionsTypeVariable(want)) {
                return;
            }
            // a solution's Unknowns are checked gradually (nothing is assignable to P[Unknown] but a P)
            if ((solution == null && !want.isFullyStatic())
                    || want instanceof dev.typhon.semantic.types.CallableType || mentionsCallable(want)) {
                return;
            }
            if (p.kind() == Parameter.Kind.VARIADIC && want instanceof dev.typhon.semantic.types.TupleType t && !t.isFixed()) {
                want = t.variable();
            }
            Type have = ti.displayContext.argument(file, arg, want);
            if (mentionsProtocol(want) && !nominallyDecidable(have, want)) {
                return;
            }
            if (!have.isAssignableTo(ti, want)) {
                out.add(new Problem("invalid-argument-type", "Argument" + to(name) + " is incorrect",
                        "Expected `" + want.display() + "`, found `" + have.display() + "`", arg.startOffset(), arg.endOffset()));
            }
        }
    }

    private static boolean mentionsCallable(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.CallableType c -> true;
            case dev.typhon.semantic.types.InstanceType i -> i.classType().arguments().stream().anyMatch(CallBinding::mentionsCallable);
            case dev.typhon.semantic.types.UnionType u -> u.members().stream().anyMatch(CallBinding::mentionsCallable);
            case dev.typhon.semantic.types.TupleType tt -> tt.allElements().stream().anyMatch(CallBinding::mentionsCallable);
            default -> false;
        };
    }

    /**
     * A shallow structural test for choosing among overloads: an argument may satisfy a protocol
     * when its type has every member the protocol's body defines ({@code SupportsIndex} needs
     * {@code __index__}, which a {@code slice} lacks). Member types are not compared.
     */
    boolean mightSatisfy(Type arg, Type want) {
        if (arg.isDynamic() || !arg.isFullyStatic()) {
            return true;
        }
        if (arg instanceof dev.typhon.semantic.types.UnionType u) {
            // every value the argument may be must fit (`int | float` for an `int` parameter does not)
            return u.members().stream().allMatch(m -> mightSatisfy(m, want));
        }
        return switch (want) {
            case dev.typhon.semantic.types.UnionType u -> u.members().stream()
                    .anyMatch(m -> mentionsProtocol(m) ? mightSatisfy(arg, m) : arg.isAssignableTo(ti, m));
            case dev.typhon.semantic.types.InstanceType i when ti.classes.info(i.literal()).isProtocol()
                    && !(arg instanceof dev.typhon.semantic.types.UnionType)
                    && !(arg instanceof dev.typhon.semantic.types.IntersectionType)
                    && !(arg instanceof dev.typhon.semantic.types.TypeVarType) -> {
                dev.typhon.semantic.index.Scope body = ti.classes.bodyScope(i.literal());
                if (body == null) {
                    yield true;
                }
                for (String name : body.symbolNames()) {
                    int sym = body.symbolId(name);
                    if (!body.isBound(sym) && !body.isDeclared(sym)) {
                        continue; // only read in the body (a decorator's name), not a member
                    }
                    if (name.equals("__slots__") || name.equals("__doc__") || name.equals("__module__")
                            || name.equals("__qualname__") || name.equals("__class_getitem__") || name.equals("__init__")) {
                        continue;
                    }
                    if (ti.dunders.lookup(arg, name) == null && ti.members.member(arg, name) == null) {
                        yield false;
                    }
                }
                yield true;
            }
            // a class whose arguments mention a protocol (`slice[SupportsIndex | None, ...]`): at least its class
            case dev.typhon.semantic.types.InstanceType i when !ti.classes.info(i.literal()).isProtocol() ->
                    arg.isAssignableTo(ti, want) || nominallyCompatible(arg, want);
            default -> true;
        };
    }

    /**
     * For a parameter whose type mentions type variables ({@code list[_T]}, a bare generic
     * {@code slice}): whether the argument is at least an instance of that class, whatever the type
     * arguments. Lenient wherever the argument's class is not fully known.
     */
    boolean nominallyCompatible(Type arg, Type want) {
        if (!(want instanceof dev.typhon.semantic.types.InstanceType w) || arg.isDynamic()
                || arg instanceof dev.typhon.semantic.types.UnionType || arg instanceof dev.typhon.semantic.types.IntersectionType
                || arg instanceof dev.typhon.semantic.types.TypeVarType || arg instanceof dev.typhon.semantic.types.Never) {
            return true;
        }
        if (ti.classes.info(w.literal()).isProtocol()) {
            return mightSatisfy(arg, want);
        }
        if (w.isKnown(dev.typhon.semantic.types.KnownClass.OBJECT)) {
            return true;
        }
        ClassType meta = ti.dunders.metaType(arg);
        if (meta == null) {
            return true;
        }
        dev.typhon.semantic.types.Mro mro = ti.mro(meta.literal());
        if (mro.hasDynamic()) {
            return true;
        }
        for (ClassType c : mro.classes()) {
            if (c.literal().equals(w.literal())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an argument for a parameter typed with a protocol can be judged without structural
     * matching: every protocol the parameter names at its top level ({@code Iterable[int]},
     * {@code Iterable[int] | None}) is a base of the argument's class (a {@code list} is declared an
     * {@code Iterable}), and no protocol hides inside the type arguments. A class that satisfies a
     * protocol only by its members is not judged.
     */
    boolean nominallyDecidable(Type have, Type want) {
        if (!(have instanceof dev.typhon.semantic.types.InstanceType || have instanceof dev.typhon.semantic.types.TupleType
                || have instanceof dev.typhon.semantic.types.StringLiteral || have instanceof dev.typhon.semantic.types.BytesLiteral
                || have instanceof dev.typhon.semantic.types.LiteralStringType)) {
            return false;
        }
        ClassType meta = ti.dunders.metaType(have);
        if (meta == null || ti.mro(meta.literal()).hasDynamic()) {
            return false;
        }
        List<Type> members = want instanceof dev.typhon.semantic.types.UnionType u ? u.members() : List.of(want);
        for (Type m : members) {
            if (!(m instanceof dev.typhon.semantic.types.InstanceType i) || !ti.classes.info(i.literal()).isProtocol()) {
                if (mentionsProtocol(m)) {
                    return false;
                }
                continue;
            }
            if (i.classType().arguments().stream().anyMatch(this::mentionsProtocol)) {
                return false;
            }
            boolean inherited = false;
            for (ClassType c : ti.mro(meta.literal()).classes()) {
                inherited |= c.literal().equals(i.literal());
            }
            if (!inherited) {
                return false;
            }
        }
        return true;
    }

    /** Protocols are structural; until Typhon checks them so, arguments for them are not checked. */
    boolean mentionsProtocol(Type t) {
        return switch (t) {
            case dev.typhon.semantic.types.InstanceType i -> ti.classes.info(i.literal()).isProtocol()
                    || i.classType().arguments().stream().anyMatch(this::mentionsProtocol);
            case dev.typhon.semantic.types.UnionType u -> u.members().stream().anyMatch(this::mentionsProtocol);
            case dev.typhon.semantic.types.IntersectionType x -> x.positive().stream().anyMatch(this::mentionsProtocol);
            case dev.typhon.semantic.types.TupleType tt -> tt.allElements().stream().anyMatch(this::mentionsProtocol);
            default -> false;
        };
    }

    private static boolean mentionsTypeVariable(Type t) {
        return dev.typhon.semantic.types.TypeVariables.mentioned(t);
    }
}
