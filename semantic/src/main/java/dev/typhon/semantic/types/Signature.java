package dev.typhon.semantic.types;

import dev.typhon.ast.Nullable;
import java.util.List;

/**
 * A callable's parameters and return type. A signature of {@code (...)} ({@code gradual}) accepts any
 * arguments.
 *
 * @param parameters in order
 * @param returnType the declared return type, or null when not annotated (shown as {@code Unknown})
 * @param gradual true for {@code (...) -> R}, which accepts every call
 * @param typeParameters the type variables the signature binds ({@code [T](x: T) -> T})
 */
public record Signature(List<Parameter> parameters, @Nullable Type returnType, boolean gradual,
        List<TypeVarType> typeParameters) {

    public Signature {
        parameters = List.copyOf(parameters);
        typeParameters = List.copyOf(typeParameters);
    }

    public static Signature of(List<Parameter> parameters, @Nullable Type returnType) {
        return new Signature(parameters, returnType, false, List.of());
    }

    /** {@code (...) -> R}. */
    public static Signature gradual(Type returnType) {
        return new Signature(List.of(), returnType, true, List.of());
    }

    public Type returns() {
        return returnType == null ? DynamicType.UNKNOWN : returnType;
    }

    /** {@code (a: int, /, b: str = "x", *args, c, **kw) -> bool}, as ty shows it. */
    public String display() {
        if (!typeParameters.isEmpty()) {
            // inside its own signature a variable the signature binds is shown bare: [T](x: T) -> T
            List<Type> bare = new java.util.ArrayList<>();
            for (TypeVarType v : typeParameters) {
                bare.add(v.boundBy(""));
            }
            Signature shown = Specialization.of(typeParameters, bare).apply(this);
            return shown.displayWith(typeParameters);
        }
        return displayWith(typeParameters);
    }

    private String displayWith(List<TypeVarType> typeParameters) {
        StringBuilder sb = new StringBuilder();
        if (!typeParameters.isEmpty()) {
            sb.append('[');
            for (int i = 0; i < typeParameters.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(typeParameters.get(i).name());
            }
            sb.append(']');
        }
        sb.append('(');
        if (gradual) {
            sb.append("...");
        } else {
            boolean first = true;
            boolean positionalOnlyOpen = false;
            boolean starSeen = false;
            for (Parameter p : parameters) {
                if (positionalOnlyOpen && p.kind() != Parameter.Kind.POSITIONAL_ONLY) {
                    sb.append(", /");
                    positionalOnlyOpen = false;
                }
                if (p.kind() == Parameter.Kind.KEYWORD_ONLY && !starSeen) {
                    sb.append(first ? "*" : ", *");
                    first = false;
                    starSeen = true;
                }
                if (p.kind() == Parameter.Kind.VARIADIC) {
                    starSeen = true;
                }
                if (!first) {
                    sb.append(", ");
                }
                sb.append(p.display());
                first = false;
                if (p.kind() == Parameter.Kind.POSITIONAL_ONLY) {
                    positionalOnlyOpen = true;
                }
            }
            if (positionalOnlyOpen) {
                sb.append(", /");
            }
        }
        sb.append(") -> ").append(Displays.asReturn(returns()));
        return sb.toString();
    }
}
