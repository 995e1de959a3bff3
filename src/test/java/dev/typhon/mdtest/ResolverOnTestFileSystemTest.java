package dev.typhon.mdtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.typhon.ast.Stmt;
import dev.typhon.ast.Import;
import dev.typhon.ast.parser.ParseResult;
import dev.typhon.ast.parser.PythonParser;
import dev.typhon.ast.source.LineIndex;
import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.Severity;
import dev.typhon.semantic.diagnostics.SourceRange;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.Resolution;
import dev.typhon.semantic.resolve.Typeshed;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library's module resolver works inside a test's in-memory file system: first-party code under
 * {@code /src}, a custom typeshed with its generated {@code VERSIONS}, a virtual environment's
 * site-packages and a {@code .pth} folder, extra paths. The checker here reports every
 * {@code import X} that does not resolve as {@code unresolved-import}.
 */
class ResolverOnTestFileSystemTest {

    static final MdtestChecker UNRESOLVED_IMPORTS = (env, file) -> {
        Typeshed typeshed = env.typeshed() == null ? Typeshed.bundled() : Typeshed.fromDirectory(env.typeshed());
        ModuleResolver resolver = new ModuleResolver(new ModuleResolver.Settings(env.pythonVersion(), env.extraPaths(),
                List.of(env.srcRoot()), typeshed, env.sitePackages()));
        ParseResult parsed = PythonParser.parse(Files.readAllBytes(file));
        LineIndex lines = LineIndex.of(parsed.source().text());
        List<Diagnostic> out = new ArrayList<>();
        for (Stmt stmt : parsed.module().body()) {
            if (stmt instanceof Import imp) {
                for (var alias : imp.names()) {
                    if (resolver.resolve(alias.name()) instanceof Resolution.NotFound) {
                        int start = alias.startOffset();
                        out.add(new Diagnostic("unresolved-import", Severity.ERROR, "Cannot resolve imported module `" + alias.name() + "`",
                                null, env.displayPath(file), new SourceRange(start, alias.endOffset(), lines.lineOf(start),
                                        lines.charColOf(start) + 1, lines.lineOf(alias.endOffset()), lines.charColOf(alias.endOffset()) + 1)));
                    }
                }
            }
        }
        return out;
    };

    @Test
    void importsResolveAgainstTheTestsFiles() {
        MdtestRunnerTest.Lines lines = new MdtestRunnerTest.Lines();
        MdtestRunner.Summary summary = new MdtestRunner(UNRESOLVED_IMPORTS, null, null, lines).runSuite("s.md", "s.md", """
                # Everything resolves

                ```toml
                [environment]
                python-version = "3.11"
                typeshed = "/typeshed"
                python = "/.venv"
                extra-paths = ["/extra"]
                ```

                `/typeshed/stdlib/os/__init__.pyi`:

                ```pyi
                ```

                `/typeshed/stdlib/builtins.pyi`:

                ```pyi
                ```

                `/.venv/pyvenv.cfg`:

                ```cfg
                home = /do/not/care
                ```

                `/.venv/<path-to-site-packages>/thirdparty.py`:

                ```py
                ```

                `/.venv/<path-to-site-packages>/more.pth`:

                ```pth
                vendored
                ```

                `vendored/vendored_mod.py`:

                ```py
                ```

                `/extra/extra_mod.py`:

                ```py
                ```

                `pkg/__init__.py`:

                ```py
                ```

                `main.py`:

                ```py
                import os
                import pkg
                import thirdparty
                import vendored_mod
                import extra_mod
                import sys  # error: [unresolved-import] "`sys`"
                ```
                """);
        assertEquals(List.of(), lines.failures);
        assertEquals(new MdtestRunner.Summary(1, 0, 0), summary);
    }
}
