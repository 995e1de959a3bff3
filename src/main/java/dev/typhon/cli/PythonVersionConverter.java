package dev.typhon.cli;

import dev.typhon.ast.PythonVersion;
import picocli.CommandLine;

/** Turns {@code 3.12} into a {@link PythonVersion}, with a message picocli shows on bad input. */
final class PythonVersionConverter implements CommandLine.ITypeConverter<PythonVersion> {
    @Override
    public PythonVersion convert(String value) {
        try {
            return PythonVersion.parseSupported(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
