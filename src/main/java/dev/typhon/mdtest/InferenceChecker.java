package dev.typhon.mdtest;

import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.diagnostics.Diagnostic;
import dev.typhon.semantic.diagnostics.FileChecker;
import dev.typhon.semantic.infer.Program;
import dev.typhon.semantic.infer.SourceFile;
import dev.typhon.semantic.infer.StubCache;
import dev.typhon.semantic.resolve.ModuleResolver;
import dev.typhon.semantic.resolve.Typeshed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checker of the mdtest runner backed by Typhon's inference: one {@link Program} per test (the
 * files of a test are checked against one snapshot), stubs of a shared typeshed parsed once for the
 * whole run, and the test's {@code [rules]} applied to each diagnostic's rule.
 */
public final class InferenceChecker implements MdtestChecker {
    private final Map<MdtestEnvironment, Program> programs = new ConcurrentHashMap<>();
    private final Map<String, StubCache> stubCaches = new ConcurrentHashMap<>();
    private final Map<Path, Typeshed> typesheds = new ConcurrentHashMap<>();

    @Override
    public List<Diagnostic> check(MdtestEnvironment env, Path file) throws Exception {
        Program program = programs.computeIfAbsent(env, this::program);
        SourceFile source = program.fileAt(file);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : FileChecker.check(program.inference(), source)) {
            Optional<dev.typhon.semantic.diagnostics.Severity> severity = env.rules().severityOf(d.rule(), d.severity(), true);
            if (d.rule().equals("revealed-type") || d.rule().equals("invalid-syntax")) {
                out.add(d);
            } else if (severity.isPresent()) {
                out.add(new Diagnostic(d.rule(), severity.get(), d.headline(), d.annotation(), env.displayPath(file),
                        d.range()));
            }
        }
        if (programs.size() > 64) {
            programs.clear(); // tests do not come back to an environment once the next has started
        }
        return out;
    }

    private Program program(MdtestEnvironment env) {
        PythonVersion version = PythonVersion.LATEST.atLeast(env.pythonVersion()) ? env.pythonVersion() : PythonVersion.LATEST;
        Typeshed typeshed;
        StubCache cache = null;
        Path ts = env.typeshed();
        try {
            if (ts == null) {
                typeshed = Typeshed.bundled();
                cache = stubCaches.computeIfAbsent("bundled|" + version + "|" + env.pythonPlatform(), k -> new StubCache());
            } else if (!ts.getFileSystem().equals(env.root().getFileSystem())) {
                typeshed = typesheds.computeIfAbsent(ts, InferenceChecker::load);
                cache = stubCaches.computeIfAbsent(ts + "|" + version + "|" + env.pythonPlatform(), k -> new StubCache());
            } else {
                typeshed = Typeshed.fromDirectory(ts); // a test's own typeshed: nothing to share
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read typeshed " + ts + ": " + e.getMessage(), e);
        }
        ModuleResolver resolver = new ModuleResolver(new ModuleResolver.Settings(version, env.extraPaths(),
                List.of(env.srcRoot()), typeshed, env.sitePackages()));
        Program program = new Program(resolver, env.pythonPlatform(), cache);
        program.setStrictEqualitySemantics(env.analysis().strictEqualitySemantics());
        return program;
    }

    private static Typeshed load(Path dir) {
        try {
            return Typeshed.fromDirectory(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read typeshed " + dir + ": " + e.getMessage(), e);
        }
    }
}
