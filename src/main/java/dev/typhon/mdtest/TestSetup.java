package dev.typhon.mdtest;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import dev.typhon.semantic.resolve.PythonEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one test's files in a fresh {@link TestFileSystem} and builds its
 * {@link MdtestEnvironment} (§4.2, 4.4, 5): relative labels under {@code /src}, absolute ones as
 * they are, {@code <path-to-site-packages>} expanded, {@code pth} files pointed at {@code /src}, a
 * custom typeshed given a {@code VERSIONS} when it has none, the Python environment discovered.
 */
public final class TestSetup implements AutoCloseable {

    /** The magic path component that stands for {@code lib/pythonX.Y/site-packages}. */
    public static final String SITE_PACKAGES_PLACEHOLDER = "<path-to-site-packages>";

    /** A test that cannot be set up: what is wrong, on which Markdown line. */
    public static final class SetupException extends Exception {

        private static final long serialVersionUID = 1L;

        private final int line;

        SetupException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** A checked file: where it was written, and the embedded file it came from. */
    public record CheckedFile(Path path, EmbeddedFile source) {
    }

    private final TestFileSystem fs;
    private final MdtestEnvironment environment;
    private final List<CheckedFile> checkedFiles;

    private TestSetup(TestFileSystem fs, MdtestEnvironment environment, List<CheckedFile> checkedFiles) {
        this.fs = fs;
        this.environment = environment;
        this.checkedFiles = List.copyOf(checkedFiles);
    }

    public MdtestEnvironment environment() {
        return environment;
    }

    public List<CheckedFile> checkedFiles() {
        return checkedFiles;
    }

    public TestFileSystem fileSystem() {
        return fs;
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }

    /**
     * Writes {@code test}'s files into a new file system and returns the environment to check them in.
     *
     * @param cliTypeshed the runner's {@code --typeshed} folder, used when the test has no custom one
     */
    public static TestSetup create(MarkdownTest test, @Nullable Path cliTypeshed) throws SetupException, IOException {
        TestConfig config = test.config();
        TestFileSystem fs = config.osFileSystem() ? TestFileSystem.temporary() : TestFileSystem.inMemory();
        try {
            return build(test, config, fs, cliTypeshed);
        } catch (SetupException | IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    private static TestSetup build(MarkdownTest test, TestConfig config, TestFileSystem fs, @Nullable Path cliTypeshed)
            throws SetupException, IOException {
        PythonVersion version = config.effectivePythonVersion();
        int configLine = config == TestConfig.DEFAULT || test.configLine() == 0 ? test.line() : test.configLine();
        Path src = fs.path("/src");
        Files.createDirectories(src);
        String typeshedVirtual = config.typeshed() == null ? null
                : virtual(expandSitePackages(config.typeshed(), version));
        List<String> stubModules = new ArrayList<>();
        List<CheckedFile> checked = new ArrayList<>();
        for (EmbeddedFile file : test.files()) {
            if (!EmbeddedFile.WRITABLE_LANGUAGES.contains(file.lang())) {
                throw new SetupException(file.fenceLine(), "cannot write `" + file.path() + "`: files of language `"
                        + file.lang() + "` are not supported (supported: py, python, pyi, ipynb, text, cfg, pth)");
            }
            String virtual = normalise(expandSitePackages(file.virtualPath(), version));
            Path path;
            try {
                path = fs.path(virtual);
            } catch (IllegalArgumentException e) {
                throw new SetupException(file.fenceLine(), "cannot write `" + file.path() + "`: " + e.getMessage());
            }
            String content = file.lang().equals("pth") ? rewritePth(file.code(), fs) : file.code();
            try {
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SetupException(file.fenceLine(), "cannot write `" + file.path() + "`: " + e);
            }
            if (typeshedVirtual != null && virtual.startsWith(typeshedVirtual + "/stdlib/") && virtual.endsWith(".pyi")) {
                String module = virtual.substring((typeshedVirtual + "/stdlib/").length(), virtual.length() - ".pyi".length());
                if (module.endsWith("/__init__")) {
                    module = module.substring(0, module.length() - "/__init__".length());
                }
                stubModules.add(module.replace('/', '.'));
            }
            if (virtual.startsWith("/src/") && file.isCheckable()) {
                checked.add(new CheckedFile(path, file));
            }
        }
        Path typeshed = cliTypeshed;
        if (typeshedVirtual != null) {
            typeshed = pathOrFail(fs, typeshedVirtual, configLine, "environment.typeshed");
            Path versions = typeshed.resolve("stdlib").resolve("VERSIONS");
            if (!Files.exists(versions)) {
                StringBuilder sb = new StringBuilder();
                for (String module : stubModules) {
                    sb.append(module).append(": 3.8-\n");
                }
                Files.createDirectories(versions.getParent());
                Files.writeString(versions, sb.toString(), StandardCharsets.UTF_8);
            }
        }
        Path python = null;
        List<Path> sitePackages = List.of();
        if (config.python() != null) {
            python = pathOrFail(fs, virtual(expandSitePackages(config.python(), version)), configLine, "environment.python");
            try {
                sitePackages = PythonEnvironment.discover(python).sitePackages();
            } catch (IOException | RuntimeException e) {
                throw new SetupException(configLine, "environment.python: " + e.getMessage());
            }
        }
        List<Path> extraPaths = new ArrayList<>();
        for (String extra : config.extraPaths()) {
            extraPaths.add(pathOrFail(fs, virtual(expandSitePackages(extra, version)), configLine, "environment.extra-paths"));
        }
        MdtestEnvironment env = new MdtestEnvironment(fs.root(), src, version, config.effectivePlatform(), typeshed,
                extraPaths, sitePackages, python, config.rules(), config.analysis(), config.verbose(),
                checked.stream().map(CheckedFile::path).toList());
        return new TestSetup(fs, env, checked);
    }

    private static Path pathOrFail(TestFileSystem fs, String virtual, int line, String key) throws SetupException {
        try {
            return fs.path(virtual);
        } catch (IllegalArgumentException e) {
            throw new SetupException(line, key + ": " + e.getMessage());
        }
    }

    /** A configured path as a virtual absolute one: relative paths are taken from {@code /src}. */
    static String virtual(String configured) {
        return normalise(configured.startsWith("/") ? configured : "/src/" + configured);
    }

    /** Removes {@code .} components, empty components and a trailing slash (but keeps {@code ..} for the root check). */
    static String normalise(String virtual) {
        StringBuilder sb = new StringBuilder();
        for (String part : virtual.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            sb.append('/').append(part);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /** Replaces each {@code <path-to-site-packages>} component with {@code lib/pythonX.Y/site-packages}. */
    public static String expandSitePackages(String path, PythonVersion version) {
        if (!path.contains(SITE_PACKAGES_PLACEHOLDER)) {
            return path;
        }
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(SITE_PACKAGES_PLACEHOLDER)) {
                parts[i] = "lib/python" + version + "/site-packages";
            }
        }
        return String.join("/", parts);
    }

    /** A {@code .pth} file's content: a relative entry becomes {@code /src/<entry>} (§3.2). */
    static String rewritePth(String content, TestFileSystem fs) {
        String absolute = content.startsWith("/") ? content : "/src/" + content;
        if (!fs.isOs()) {
            return absolute;
        }
        return fs.root().toString() + absolute;
    }
}
