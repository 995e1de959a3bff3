package dev.typhon.mdtest;

import dev.typhon.semantic.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine under test: checks one file of a test and returns all of that file's diagnostics
 * (every severity, reveals included, syntax errors as {@code invalid-syntax}), and only that file's.
 * The runner calls it once per checked file, in order, with the same environment for the files of
 * one test (except a PEP 723 script, which gets a copy with its own rules and analysis settings,
 * see {@link ScriptMetadata}); a new test brings a new environment and a new file system. An exception or error
 * thrown here fails the test with its first frame, and the run goes on.
 *
 * <p>Diagnostic lines and columns are 1-based, columns in code points; a reveal has rule
 * {@code revealed-type}, headline {@code Revealed type} and annotation {@code `<display>`}.
 */
@FunctionalInterface
public interface MdtestChecker {

    List<Diagnostic> check(MdtestEnvironment env, Path file) throws Exception;
}
