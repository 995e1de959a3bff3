package dev.typhon.semantic.infer;

import dev.typhon.ast.Nullable;
import dev.typhon.semantic.index.Definition;
import dev.typhon.semantic.index.DefinitionKind;
import dev.typhon.semantic.types.InstanceType;
import dev.typhon.semantic.types.IntLiteral;
import dev.typhon.semantic.types.KnownClass;
import dev.typhon.semantic.types.KnownModule;
import dev.typhon.semantic.types.TupleType;
import dev.typhon.semantic.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sys.version_info}: typeshed declares it a {@code _version_info}, a tuple of five ints and a
 * release level; Typhon checks code for one Python version, so its major and minor parts are that
 * version's literals. Comparisons with it ({@code sys.version_info >= (3, 9)}), its items and slices
 * ({@code [:2]}) and its {@code major} / {@code minor} fields then fold to literals wherever it goes
 * (an alias, {@code from sys import version_info}). Other {@code _version_info} values
 * ({@code sys.implementation.version}) keep the plain class: they are not the language version.
 */
final class VersionInfo {
    /** The fields of {@code _version_info}, in tuple order. */
    private static final List<String> FIELDS = List.of("major", "minor", "micro", "releaselevel", "serial");

    private final TypeInference ti;

    VersionInfo(TypeInference ti) {
        this.ti = ti;
    }

    /** Whether {@code def} is the declaration of {@code version_info} in the real {@code sys} module. */
    boolean isDeclaration(SourceFile file, Definition def) {
        return file.knownModule() == KnownModule.SYS && def.kind() == DefinitionKind.DECLARATION && !def.isPlace()
                && def.symbol() >= 0 && def.scope() == 0
                && "version_info".equals(file.index().scope(def.scope()).symbolName(def.symbol()));
    }

    /** The declared {@code _version_info} with the configured version's major and minor parts as literals. */
    Type withConfiguredVersion(Type declared) {
        if (!(declared instanceof InstanceType i) || !i.isKnown(KnownClass.VERSION_INFO) || i.exactShape() != null) {
            return declared;
        }
        TupleType base = ti.iteration.tupleBase(i);
        if (base == null || !base.isFixed() || base.elements().size() != FIELDS.size()) {
            return declared;
        }
        List<Type> elements = new ArrayList<>(base.elements());
        elements.set(0, new IntLiteral(ti.pythonVersion().major()));
        elements.set(1, new IntLiteral(ti.pythonVersion().minor()));
        return new InstanceType(i.classType(), TupleType.fixed(elements));
    }

    /** A named field ({@code major}, ...) of a {@code sys.version_info} whose elements are known, else null. */
    @Nullable Type field(Type self, String name) {
        if (!(self instanceof InstanceType i) || i.exactShape() == null || !i.isKnown(KnownClass.VERSION_INFO)) {
            return null;
        }
        int at = FIELDS.indexOf(name);
        return at < 0 || !i.exactShape().isFixed() || at >= i.exactShape().elements().size() ? null
                : i.exactShape().elements().get(at);
    }
}
