package dev.typhon.semantic.infer;

import dev.typhon.ast.Expr;
import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.index.Definition;
import dev.typhon.ast.Node;
import dev.typhon.semantic.types.FunctionLiteral;
import dev.typhon.semantic.types.ClassLiteral;
import dev.typhon.semantic.types.ClassType;
import dev.typhon.semantic.types.DynamicType;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownFunction;
import dev.typhon.semantic.types.Mro;
import dev.typhon.semantic.types.Type;
import dev.typhon.semantic.types.TypeDb;
import dev.typhon.semantic.types.TypeVarType;
import java.util.List;
import java.util.Optional;

/**
 * The type queries of one {@link Program}, each a memoized function of small ids: the type of an
 * expression (file, node id), of a definition (file, definition id), a class's facts (its literal).
 * The work is done by one class per family: {@link Expressions}, {@link Names}, {@link Calls},
 * {@link Definitions}, {@link TypeExpressions}, {@link Classes}, {@link Functions}, {@link Imports}.
 * This class is also the {@link TypeDb} the type algebra asks about classes.
 */
public final class TypeInference implements TypeDb {
    final Program program;
    final Memo<Long, Type> expressionTypes = new Memo<>("expression");
    final Memo<Long, Type> definitionTypes = new Memo<>("definition");
    final Memo<Long, Type> declaredTypes = new Memo<>("declared");
    final Memo<ClassLiteral, Classes.ClassInfo> classInfos = new Memo<>("class");
    final Memo<KnownClass, Optional<ClassLiteral>> knownClasses = new Memo<>("known-class");
    final Memo<KnownFunction, Optional<Type>> knownFunctions = new Memo<>("known-function");
    final Memo<String, Type> moduleMembers = new Memo<>("module-member");
    private final java.util.concurrent.ConcurrentHashMap<Integer, java.util.Map<dev.typhon.ast.Node, List<Definition>>> byNode =
            new java.util.concurrent.ConcurrentHashMap<>();

    final Names names = new Names(this);
    final Expressions expressions = new Expressions(this);
    final Calls calls = new Calls(this);
    final Definitions definitions = new Definitions(this);
    final TypeExpressions typeExpressions = new TypeExpressions(this);
    final Classes classes = new Classes(this);
    final Functions functions = new Functions(this);
    final Imports imports = new Imports(this);
    final Narrowing narrowing = new Narrowing(this);
    final Places places = new Places(this);
    final PathNarrowing pathNarrowing = new PathNarrowing(this);
    final BoolConversion boolConversion = new BoolConversion(this);
    final Members members = new Members(this);
    final VersionInfo versionInfo = new VersionInfo(this);
    final SelfTypes selfTypes = new SelfTypes(this);
    final DisplayContext displayContext = new DisplayContext(this);
    final AttributeChecks attributeChecks = new AttributeChecks(this);
    final Unpacking unpacking = new Unpacking(this);
    final Iteration iteration = new Iteration(this);
    final AugmentedAssignment augmented = new AugmentedAssignment(this);
    final CallBinding callBinding = new CallBinding(this);
    final Operators operators = new Operators(this);
    final Dunders dunders = new Dunders(this);
    final Comparisons comparisons = new Comparisons(this);
    final Subscripts subscripts = new Subscripts(this);
    final Awaiting awaiting = new Awaiting(this);
    final SubscriptStores subscriptStores = new SubscriptStores(this);
    final GenericClasses genericClasses = new GenericClasses(this);
    final Variances variances = new Variances(this);
    final GenericContexts genericContexts = new GenericContexts(this);
    final GenericClassProblems genericClassProblems = new GenericClassProblems(this);
    final ClassConstructors constructors = new ClassConstructors(this);
    final TypeVarBinders typeVarBinders = new TypeVarBinders(this);
    final ProtocolMembers protocolMembers = new ProtocolMembers(this);
    final Enums enums = new Enums(this);
    final Supers supers = new Supers(this);
    final FinalChecks finals = new FinalChecks(this);
    final FinalOverrides finalOverrides = new FinalOverrides(this);
    final Dataclasses dataclasses = new Dataclasses(this);
    final NamedTuples namedTuples = new NamedTuples(this);
    final TypedDicts typedDicts = new TypedDicts(this);
    final DataclassProblems dataclassProblems = new DataclassProblems(this);

    private final java.util.concurrent.ConcurrentHashMap<Object, Boolean> relations = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public java.util.Map<Object, Boolean> relationMemo() {
        return relations;
    }

    TypeInference(Program program) {
        this.program = program;
    }

    public Program program() {
        return program;
    }

    static long key(int file, int id) {
        return ((long) file << 32) | (id & 0xffffffffL);
    }

    /** The type of an expression of a file (memoized by its node id). */
    public Type expressionType(SourceFile file, Expr expr) {
        return expressions.infer(file, expr);
    }

    /**
     * What a call made as a statement gives, for deciding whether the statement returns at all:
     * the call's type, or for {@code await f()} the awaited type (a coroutine of {@code Never} is
     * a value; awaiting it never returns).
     */
    public Type statementCallType(SourceFile file, Expr call) {
        return file.nodeTable().parent(call) instanceof dev.typhon.ast.Await aw && aw.value() == call
                ? expressions.infer(file, aw) : expressions.infer(file, call);
    }

    /**
     * Whether {@code value} cannot be judged against {@code declared} without structural matching:
     * the declaration names a protocol ({@code ContextManager[T]} before 3.13) that the value's class
     * does not declare as a base. Typhon does not match protocols by their members yet, so such a
     * value is not reported.
     */
    public boolean needsStructuralMatch(Type value, Type declared) {
        return callBinding.mentionsProtocol(declared) && !callBinding.nominallyDecidable(value, declared);
    }

    /** The type a definition binds (memoized by its id). */
    public Type definitionType(SourceFile file, Definition def) {
        return definitions.bindingType(file, def);
    }

    /** Whether a name is bound where it is read (through enclosing scopes, globals and builtins). */
    /**
     * The function a {@code def} defines, before its decorators apply: its own signature, with the
     * type variables of its annotations bound to it (null for a definition of anything else).
     */
    public @Nullable FunctionLiteral functionLiteral(SourceFile file, Definition def) {
        Node node = def.node();
        return node instanceof dev.typhon.ast.FunctionDef || node instanceof dev.typhon.ast.AsyncFunctionDef
                ? functions.literal(file, def) : null;
    }

    public dev.typhon.semantic.index.Boundness boundness(SourceFile file, dev.typhon.ast.Name name) {
        return names.lookup(file, name).boundness();
    }

    /** The type an annotation declares. */
    public Type annotationType(SourceFile file, Expr annotation) {
        return typeExpressions.annotation(file, annotation, null);
    }

    /** Why an annotation is not a valid type expression (empty when it is). */
    public List<String> annotationProblems(SourceFile file, Expr annotation) {
        List<String> out = new java.util.ArrayList<>();
        for (String p : typeExpressions.problems(file, annotation)) {
            String unlocated = InvalidTypeForms.unlocated(p);
            if (TypeExpressions.ruleOf(unlocated).equals("invalid-type-form")) {
                out.add(TypeExpressions.messageOf(unlocated));
            }
        }
        return out;
    }

    /** What is wrong with an annotation, each problem under its rule ({@code invalid-type-form}, {@code invalid-type-arguments}, ...). */
    public List<Problem> annotationDiagnostics(SourceFile file, Expr annotation) {
        dev.typhon.ast.Node parent = file.nodeTable().parent(annotation);
        String context = parent instanceof dev.typhon.ast.Arg ? "parameter annotation"
                : parent instanceof dev.typhon.ast.FunctionDef || parent instanceof dev.typhon.ast.AsyncFunctionDef
                ? "return type annotation" : "type expression";
        List<Problem> out = new java.util.ArrayList<>();
        for (String located : typeExpressions.problems(file, annotation)) {
            int[] at = InvalidTypeForms.location(located);
            String p = InvalidTypeForms.unlocated(located);
            out.add(new Problem(TypeExpressions.ruleOf(p), InvalidTypeForms.inContext(TypeExpressions.messageOf(p), context),
                    null, at == null ? annotation.startOffset() : at[0], at == null ? annotation.endOffset() : at[1]));
        }
        return out;
    }

    /** A parameter (or, {@code returns}, a return type) annotated {@code Final}, which only variables can be; null when it is not. */
    public @Nullable Problem finalQualifierProblem(SourceFile file, Expr annotation, boolean returns) {
        return finals.isFinalAnnotation(file, annotation) ? new Problem("invalid-type-form",
                "`Final` is not allowed in function " + (returns ? "return type" : "parameter") + " annotations", null,
                annotation.startOffset(), annotation.endOffset()) : null;
    }

    /**
     * What is wrong with an annotated statement as a declaration: a type that the name's earlier
     * bindings do not fit ({@code x = 1} then {@code x: str}); a {@code Final} that nothing in its scope
     * gives a value (outside class bodies and stubs), or that says {@code ClassVar} as well.
     */
    public List<Problem> declarationProblems(SourceFile file, dev.typhon.ast.AnnAssign ann) {
        List<Problem> out = new java.util.ArrayList<>();
        if (ann.value() == null) {
            for (Definition d : definitionsAt(file, ann)) {
                Problem invalid = definitions.invalidDeclaration(file, d);
                if (invalid != null) {
                    out.add(invalid);
                }
            }
        }
        Problem without = finals.withoutValue(file, ann);
        if (without != null) {
            out.add(without);
        }
        Problem redundant = finals.redundantClassVar(file, ann);
        if (redundant != null) {
            out.add(redundant);
        }
        return out;
    }

    /** The type of the value of {@code x: declared = value}, inferred in the context of the declared type. */
    public Type annotatedValueType(SourceFile file, Expr value, Type declared) {
        return constructors.inContext(file, value, declared);
    }

    /** What is wrong with a dict display (or a display of them) given where a TypedDict is declared. */
    public List<Problem> contextProblems(SourceFile file, Expr value, Type declared) {
        List<Problem> out = new java.util.ArrayList<>();
        typedDicts.problems(file, value, declared, out);
        return out;
    }

    /** The type of a value where {@code expected} is wanted (a dict display meant as a TypedDict). */
    public Type typeInContext(SourceFile file, Expr value, Type expected) {
        return displayContext.infer(file, value, expected);
    }

    /** The type a declaration declares ({@code x: int}, an annotated parameter). */
    public Type declaredType(SourceFile file, Definition def) {
        return definitions.declaredType(file, def);
    }

    /** The module literal of a dotted name, or null when it does not resolve. */
    public @Nullable Type moduleLiteral(String name) {
        return imports.moduleLiteral(name);
    }

    /** The dotted name a {@code from} import reads (relative ones resolved), or null when it does not resolve. */
    public @Nullable String fromModuleName(SourceFile file, dev.typhon.ast.ImportFrom stmt) {
        return imports.fromModuleName(file, stmt);
    }

    /** What {@code from m import name} binds, or null when {@code m} has no such member. */
    public @Nullable Type fromMember(SourceFile file, dev.typhon.ast.ImportFrom stmt, String name) {
        return imports.fromMember(file, stmt, name);
    }

    /** What CPython would reject in a class statement's bases (duplicate base, inconsistent MRO, invalid base). */
    public List<Problem> classProblems(SourceFile file, Definition classDefinition) {
        dev.typhon.ast.ClassDef node = (dev.typhon.ast.ClassDef) classDefinition.node();
        List<Problem> out = new java.util.ArrayList<>();
        for (Expr base : node.bases()) {
            if (expressions.infer(file, base) instanceof dev.typhon.semantic.types.ClassLiteralType c && classes.isBareGeneric(c)
                    && genericClasses.hasRequiredParameter(c.literal())
                    && !c.literal().equals(classes.literalOf(file, classDefinition))) {
                out.add(new Problem("missing-type-argument", "Generic class `" + c.literal().name()
                        + "` is missing type arguments", null, base.startOffset(), base.endOffset()));
            }
        }
        for (Expr base : node.bases()) {
            if (expressions.infer(file, base) instanceof dev.typhon.semantic.types.ClassLiteralType c && isFinal(c.literal())) {
                out.add(new Problem("subclass-of-final-class", "Class `" + node.name()
                        + "` cannot inherit from final class `" + c.literal().name() + "`", null,
                        base.startOffset(), base.endOffset()));
            }
        }
        finalOverrides.check(file, node, classes.literalOf(file, classDefinition), out);
        enums.annotationProblems(classes.literalOf(file, classDefinition), out);
        enums.genericProblem(classes.literalOf(file, classDefinition), node, out);
        genericClassProblems.of(file, node, classes.literalOf(file, classDefinition), out);
        dataclassProblems.of(file, node, classes.literalOf(file, classDefinition), out);
        String error = classes.info(classes.literalOf(file, classDefinition)).error();
        if (error == null) {
            return out;
        }
        int end = node.bases().isEmpty() ? node.startOffset() : node.bases().get(node.bases().size() - 1).endOffset();
        for (String e : error.split("\n")) {
            String rule = e.startsWith("Duplicate") ? "duplicate-base"
                    : e.startsWith("Cannot create") ? "inconsistent-mro"
                    : e.startsWith("Cyclic") ? "cyclic-class-definition"
                    : e.startsWith("Inconsistent type arguments") ? "invalid-generic-class"
                    : e.startsWith("Unsupported") ? "unsupported-base" : "invalid-base";
            int start = node.startOffset();
            int stop = end;
            if (rule.equals("unsupported-base") || rule.equals("invalid-base")) {
                // reported at the base expression whose type the message names
                for (Expr base : node.bases()) {
                    if (e.contains("`" + expressions.infer(file, base).display() + "`")) {
                        start = base.startOffset();
                        stop = base.endOffset();
                        break;
                    }
                }
            }
            out.add(new Problem(rule, e, null, start, stop));
        }
        return out;
    }

    /**
     * The definitions of a file by their node and by their statement (an {@code Assign} finds the
     * definitions it makes), built once per file.
     */
    public List<Definition> definitionsAt(SourceFile file, dev.typhon.ast.Node node) {
        java.util.Map<dev.typhon.ast.Node, List<Definition>> map = byNode.computeIfAbsent(file.id(), k -> {
            java.util.Map<dev.typhon.ast.Node, List<Definition>> m = new java.util.IdentityHashMap<>();
            for (Definition d : file.index().definitions()) {
                m.computeIfAbsent(d.node(), x -> new java.util.ArrayList<>(1)).add(d);
                if (d.statement() != d.node()) {
                    m.computeIfAbsent(d.statement(), x -> new java.util.ArrayList<>(1)).add(d);
                }
            }
            return m;
        });
        return map.getOrDefault(node, List.of());
    }

    /** Assignments of a value its name's declaration does not accept ({@code x: int} then {@code x = "a"}). */
    public List<Problem> assignmentProblems(SourceFile file, dev.typhon.ast.Assign assign) {
        List<Problem> out = new java.util.ArrayList<>();
        for (Expr target : assign.targets()) {
            if (target instanceof dev.typhon.ast.Subscript s) {
                typedDicts.storeProblems(file, s, assign.value(), out);
            }
            itemStoreProblems(file, target, target, assign.value(), out);
        }
        for (Definition d : definitionsAt(file, assign)) {
            if (d.statement() != assign || d.kind() != dev.typhon.semantic.index.DefinitionKind.ASSIGNMENT) {
                continue;
            }
            Problem conflict = definitions.conflictingDeclarations(file, d);
            if (conflict != null) {
                out.add(conflict);
            }
            Problem reassigned = finals.reassignment(file, d);
            if (reassigned != null) {
                out.add(reassigned);
                continue;
            }
            Type declared = definitions.declaredAt(file, d);
            if (declared == null) {
                continue;
            }
            Type value = null;
            for (Expr target : assign.targets()) {
                Type assigned = target == d.node() ? displayContext.infer(file, assign.value(), declared)
                        : unpacking.assignedValue(file, target, assign.value());
                Type t = unpacking.typeOfTarget(target, d.node(), assigned);
                if (t != null) {
                    value = t;
                    break;
                }
            }
            if (value != null && !value.isAssignableTo(this, declared) && !needsStructuralMatch(value, declared)) {
                Expr at = assign.targets().size() == 1 && assign.targets().get(0) == d.node() ? assign.value()
                        : (Expr) d.node();
                out.add(new Problem("invalid-assignment", "Object of type `" + value.display() + "` is not assignable to `"
                        + declared.display() + "`", null, at.startOffset(), at.endOffset()));
            }
        }
        return out;
    }

    /** Item assignments among {@code part} of an assignment's {@code target} (itself or its unpacked elements). */
    private void itemStoreProblems(SourceFile file, Expr target, Expr part, Expr value, List<Problem> out) {
        switch (part) {
            case dev.typhon.ast.Subscript s -> {
                Problem p = target == s ? subscriptStores.problem(file, s, value)
                        : subscriptStores.problem(file, s, unpacking.typeOfTarget(target, s, expressions.infer(file, value)));
                if (p != null) {
                    out.add(p);
                }
            }
            case dev.typhon.ast.Tuple t -> t.elts().forEach(e -> itemStoreProblems(file, target, e, value, out));
            case dev.typhon.ast.List l -> l.elts().forEach(e -> itemStoreProblems(file, target, e, value, out));
            case dev.typhon.ast.Starred st -> itemStoreProblems(file, target, st.value(), value, out);
            default -> {
            }
        }
    }

    /** What is wrong with an attribute read or assignment (missing, possibly missing, a value it does not accept). */
    public List<Problem> attributeProblems(SourceFile file, dev.typhon.ast.Attribute attribute) {
        return attributeChecks.problems(file, attribute);
    }

    /** What is wrong with an operator expression (binary, unary, comparison): unsupported operands, division by zero. */
    public List<Problem> operatorProblems(SourceFile file, Expr e) {
        return switch (e) {
            case dev.typhon.ast.BinOp b -> {
                Type left = expressions.infer(file, b.left());
                Type right = expressions.infer(file, b.right());
                // `int | None` between type forms builds a union type object
                yield b.op() == dev.typhon.ast.Operator.BitOr && Expressions.isTypeForm(left) && Expressions.isTypeForm(right)
                        ? List.of() : operators.binaryProblems(left, b.op(), right, b.startOffset(), b.endOffset());
            }
            case dev.typhon.ast.UnaryOp u -> {
                Problem p = operators.unaryProblem(u.op(), expressions.infer(file, u.operand()), u.startOffset(), u.endOffset());
                yield p == null ? List.of() : List.of(p);
            }
            case dev.typhon.ast.Compare c -> comparisons.problems(file, c);
            default -> List.of();
        };
    }

    /** What is wrong with a subscript expression (index out of bounds, zero slice step, not subscriptable, rejected key). */
    public List<Problem> subscriptProblems(SourceFile file, dev.typhon.ast.Subscript s) {
        Problem specialization = genericClasses.valueSubscriptProblem(file, s);
        if (specialization != null) {
            return List.of(specialization);
        }
        return subscripts.problems(file, s);
    }

    /** {@code x op= y} where no method supports the operands (for each such member of a union target). */
    public List<Problem> augmentedProblems(SourceFile file, dev.typhon.ast.AugAssign a) {
        Type value = expressions.infer(file, a.value());
        List<Problem> out = new java.util.ArrayList<>();
        for (Definition d : definitionsAt(file, a)) {
            Problem reassigned = d.statement() == a ? finals.reassignment(file, d) : null;
            if (reassigned != null) {
                out.add(reassigned);
            }
        }
        if (a.target() instanceof dev.typhon.ast.Subscript s) {
            // `td["key"] op= value` stores the result back into the item
            AugmentedAssignment.Outcome result = augmented.infer(expressions.infer(file, s), a.op(), value);
            typedDicts.augmentedStoreProblems(file, s, result.type(), out);
            List<Problem> read = subscriptProblems(file, s);
            out.addAll(read);
            if (result.unsupportedTargets().isEmpty() && read.isEmpty()) {
                // an item that cannot be read, or an operation that fails, attempts no store
                Problem p = subscriptStores.problem(file, s, result.type());
                if (p != null) {
                    out.add(p);
                }
            }
        }
        for (Type target : augmented.infer(expressions.infer(file, a.target()), a.op(), value).unsupportedTargets()) {
            out.add(new Problem("unsupported-operator", "Operator `" + Operators.symbol(a.op())
                    + "=` is not supported between objects of type `" + target.display() + "` and `" + value.display() + "`",
                    null, a.startOffset(), a.endOffset()));
        }
        return out;
    }

    /** The problem of iterating over a value that cannot be iterated, or null. */
    public @Nullable Problem iterationProblem(SourceFile file, Expr iterable) {
        Type t = expressions.infer(file, iterable);
        String verdict = iteration.isCertainlyNotIterable(t) ? "is not iterable"
                : t instanceof dev.typhon.semantic.types.UnionType u
                        && u.members().stream().anyMatch(iteration::isCertainlyNotIterable) ? "may not be iterable" : null;
        if (verdict == null) {
            return null;
        }
        return new Problem("not-iterable", "Object of type `" + t.display() + "` " + verdict, null,
                iterable.startOffset(), iterable.endOffset());
    }

    /** A {@code with} item whose context manager lacks {@code __enter__} or {@code __exit__} (their async forms for {@code async with}), or null. */
    public @Nullable Problem contextManagerProblem(SourceFile file, dev.typhon.ast.WithItem item) {
        boolean async = file.nodeTable().parent(item) instanceof dev.typhon.ast.AsyncWith;
        Type manager = expressions.infer(file, item.contextExpr());
        if (!operators.isPlainInstanceLike(manager)) {
            return null;
        }
        String enter = async ? "__aenter__" : "__enter__";
        String exit = async ? "__aexit__" : "__exit__";
        boolean hasEnter = members.member(manager, enter) != null;
        boolean hasExit = members.member(manager, exit) != null;
        if (hasEnter && hasExit) {
            return null;
        }
        String missing = !hasEnter && !hasExit ? "`" + enter + "` and `" + exit + "`" : "`" + (hasEnter ? exit : enter) + "`";
        return new Problem("invalid-context-manager", "Object of type `" + manager.display() + "` cannot be used with `"
                + (async ? "async with" : "with") + "` because it does not implement " + missing, null,
                item.contextExpr().startOffset(), item.contextExpr().endOffset());
    }

    /** What is wrong with a call's arguments (missing, unknown, too many, of the wrong type). */
    public List<Problem> callProblems(SourceFile file, dev.typhon.ast.Call call) {
        List<Problem> out = callBinding.problems(file, call);
        Problem constructor = constructors.overloadProblem(file, call);
        if (constructor == null) {
            return out;
        }
        List<Problem> all = new java.util.ArrayList<>(out);
        all.add(constructor);
        return all;
    }

    /**
     * The problems of unpacking into the targets of an assignment, a {@code for} loop, a comprehension
     * or a {@code with} item: wrong arity ({@code a, b = 1, 2, 3}) and values that are not iterable.
     */
    public List<Problem> unpackingProblems(SourceFile file, dev.typhon.ast.Node statement) {
        List<Problem> out = new java.util.ArrayList<>();
        switch (statement) {
            case dev.typhon.ast.Assign a -> {
                for (Expr target : a.targets()) {
                    if (isUnpacking(target)) {
                        out.addAll(unpacking.unpack(target, unpacking.assignedValue(file, target, a.value()), a.value())
                                .problems());
                    }
                }
            }
            case dev.typhon.ast.For f when isUnpacking(f.target()) -> out.addAll(unpacking.unpack(f.target(),
                    calls.iterate(expressions.infer(file, f.iter())), f.iter()).problems());
            case dev.typhon.ast.Comprehension c when c.isAsync() == 0 && isUnpacking(c.target()) -> out.addAll(
                    unpacking.unpack(c.target(), calls.iterate(expressions.infer(file, c.iter())), c.iter()).problems());
            case dev.typhon.ast.WithItem w when w.optionalVars() != null && isUnpacking(w.optionalVars()) -> out.addAll(
                    unpacking.unpack(w.optionalVars(), definitions.enteredValue(file, w), w.contextExpr()).problems());
            default -> {
            }
        }
        return out;
    }

    /**
     * The MRO of a class as {@code reveal_mro} shows it: a generic class without type arguments in its
     * default specialization ({@code <class 'C[Unknown]'>}), the entries specialized as the class is.
     */
    public String revealedMro(ClassType cls) {
        ClassType shown = cls.arguments().isEmpty() && !classes.info(cls.literal()).opaqueParameters()
                ? genericClasses.defaultSpecialization(cls.literal()) : cls;
        dev.typhon.semantic.types.Specialization s = genericClasses.specializationOf(shown);
        Mro mro = mro(cls.literal());
        List<Type> entries = new java.util.ArrayList<>();
        for (Type e : mro.entries()) {
            // a bare class shows itself by default, its bases with its own variables
            entries.add(entries.isEmpty() ? shown.toClassLiteral() : cls.arguments().isEmpty() ? e : s.apply(e));
        }
        return new Mro(entries, mro.error()).display();
    }

    private static boolean isUnpacking(Expr target) {
        return target instanceof dev.typhon.ast.Tuple || target instanceof dev.typhon.ast.List;
    }

    /** The type of a module's global symbol as an importer sees it, or null when the module has no such symbol. */
    public @Nullable Type moduleMember(SourceFile module, String name) {
        return imports.member(module, name);
    }

    /** A value used as a condition ({@code if x:}, {@code not x}, an operand of {@code and}) that cannot be converted to bool, or null. */
    public @Nullable Problem boolConversionProblem(SourceFile file, Expr test) {
        Type bad = boolConversion.unsupported(expressions.infer(file, test));
        return bad == null ? null : new Problem("unsupported-bool-conversion", "Boolean conversion is not supported for type `"
                + bad.display() + "`", null, test.startOffset(), test.endOffset());
    }

    // ------------------------------------------------------------------------------------------
    // TypeDb

    @Override
    public dev.typhon.semantic.types.@Nullable TupleType tupleShape(ClassLiteral cls) {
        return cls.known() != null ? null : iteration.tupleBase(ClassType.of(cls).toInstance());
    }

    @Override
    public PythonVersion pythonVersion() {
        return program.pythonVersion();
    }

    @Override
    public @Nullable ClassLiteral knownClass(KnownClass k) {
        return knownClasses.get(k, kk -> Optional.ofNullable(classes.resolveKnown(kk)), Optional.empty()).orElse(null);
    }

    @Override
    public @Nullable Type knownFunction(KnownFunction k) {
        return knownFunctions.get(k, kk -> Optional.ofNullable(functions.resolveKnown(kk)), Optional.empty()).orElse(null);
    }

    @Override
    public Mro mro(ClassLiteral cls) {
        return classes.info(cls).mro();
    }

    @Override
    public List<TypeVarType> typeParameters(ClassLiteral cls) {
        return classes.info(cls).typeParameters();
    }

    @Override
    public dev.typhon.semantic.types.Variance variance(ClassLiteral cls, int index) {
        return variances.of(cls, index);
    }

    @Override
    public ClassType metaclass(ClassLiteral cls) {
        return classes.info(cls).metaclass();
    }

    @Override
    public boolean isFinal(ClassLiteral cls) {
        // an enum with members cannot be subclassed: it is implicitly final
        return classes.info(cls).isFinal() || enums.info(cls) != null;
    }

    @Override
    public @Nullable List<String> enumMembers(ClassLiteral cls) {
        Enums.EnumInfo info = enums.info(cls);
        return info == null || info.flag() ? null : info.names();
    }

    @Override
    public boolean isDisjointBase(ClassLiteral cls) {
        return classes.info(cls).isDisjointBase();
    }

    /** The instance of a known class, or Unknown when the typeshed lacks it. */
    Type instance(KnownClass k) {
        return k.toInstance(this);
    }

    Type unknown() {
        return DynamicType.UNKNOWN;
    }
}
