package dev.typhon.semantic.types;

/** What {@code bool(x)} is for every inhabitant of a type, as far as the type alone tells. */
public enum Truthiness {
    ALWAYS_TRUE,
    ALWAYS_FALSE,
    AMBIGUOUS;

    public Truthiness negate() {
        return switch (this) {
            case ALWAYS_TRUE -> ALWAYS_FALSE;
            case ALWAYS_FALSE -> ALWAYS_TRUE;
            case AMBIGUOUS -> AMBIGUOUS;
        };
    }

    /** {@code Literal[True]}, {@code Literal[False]} or {@code bool}. */
    public Type toType(TypeDb db) {
        return switch (this) {
            case ALWAYS_TRUE -> BoolLiteral.TRUE;
            case ALWAYS_FALSE -> BoolLiteral.FALSE;
            case AMBIGUOUS -> KnownClass.BOOL.toInstance(db);
        };
    }

    /**
     * The truthiness of a type from its structure (literals, None, class and module objects, tuples
     * of known length, unions and intersections). Instances of classes are ambiguous here; inference
     * refines them through {@code __bool__} and {@code __len__}.
     */
    public static Truthiness of(Type t) {
        return switch (t) {
            case IntLiteral i -> i.value() != 0 ? ALWAYS_TRUE : ALWAYS_FALSE;
            case BoolLiteral b -> b.value() ? ALWAYS_TRUE : ALWAYS_FALSE;
            case StringLiteral s -> s.value().isEmpty() ? ALWAYS_FALSE : ALWAYS_TRUE;
            case BytesLiteral b -> b.value().isEmpty() ? ALWAYS_FALSE : ALWAYS_TRUE;
            case NoneType n -> ALWAYS_FALSE;
            case TruthinessType tt -> tt == TruthinessType.ALWAYS_TRUTHY ? ALWAYS_TRUE : ALWAYS_FALSE;
            case ModuleLiteral m -> ALWAYS_TRUE;
            case FunctionLiteral f -> ALWAYS_TRUE;
            case OverloadedFunction f -> ALWAYS_TRUE;
            case BoundMethodType b -> ALWAYS_TRUE;
            case ClassLiteralType c -> ALWAYS_TRUE;
            case SpecialFormType s -> ALWAYS_TRUE;
            case TupleType tt -> tt.minLength() > 0 ? ALWAYS_TRUE : tt.isFixed() ? ALWAYS_FALSE : AMBIGUOUS;
            case InstanceType i -> i.isKnown(KnownClass.ELLIPSIS_TYPE) ? ALWAYS_TRUE
                    : i.isKnown(KnownClass.NONE_TYPE) ? ALWAYS_FALSE : AMBIGUOUS;
            case UnionType u -> {
                Truthiness first = of(u.members().get(0));
                for (Type m : u.members()) {
                    if (of(m) != first) {
                        yield AMBIGUOUS;
                    }
                }
                yield first;
            }
            case IntersectionType x -> {
                for (Type p : x.positive()) {
                    Truthiness tp = of(p);
                    if (tp != AMBIGUOUS) {
                        yield tp;
                    }
                }
                for (Type n : x.negative()) {
                    if (n == TruthinessType.ALWAYS_FALSY) {
                        yield ALWAYS_TRUE;
                    }
                    if (n == TruthinessType.ALWAYS_TRUTHY) {
                        yield ALWAYS_FALSE;
                    }
                }
                yield AMBIGUOUS;
            }
            default -> AMBIGUOUS;
        };
    }
}
