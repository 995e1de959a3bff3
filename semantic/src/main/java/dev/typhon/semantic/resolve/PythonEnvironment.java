package dev.typhon.semantic.resolve;

import dev.typhon.ast.Nullable;
import dev.typhon.ast.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python environment found from {@code --python PATH} without running Python: read from
 * {@code pyvenv.cfg} and the folder layout.
 *
 * @param prefix the environment's folder (a virtual environment, or an installation prefix)
 * @param sitePackages its {@code site-packages} folders, in import order, then the folders that
 *     its {@code .pth} files add
 * @param version the Python version the layout or {@code pyvenv.cfg} shows, when it shows one
 * @param virtual true for a virtual environment (it has a {@code pyvenv.cfg})
 */
public record PythonEnvironment(Path prefix, List<Path> sitePackages, @Nullable PythonVersion version, boolean virtual) {

    public PythonEnvironment {
        sitePackages = List.copyOf(sitePackages);
    }

    private static final Pattern LIB_PYTHON = Pattern.compile("python(\\d+)\\.(\\d+)t?");
    private static final Pattern VERSION = Pattern.compile("\\s*(\\d+)\\.(\\d+).*");

    /**
     * Finds the environment that {@code path} names: a virtual environment's folder, a Python
     * interpreter inside one or inside an installation ({@code PREFIX/bin/python3}), or an
     * installation prefix.
     *
     * @throws IOException with a message for users when {@code path} is none of these
     */
    public static PythonEnvironment discover(Path path) throws IOException {
        Path given = path.toAbsolutePath().normalize();
        if (!Files.exists(given)) {
            throw new IOException(path + " does not exist");
        }
        Path prefix;
        if (Files.isDirectory(given)) {
            prefix = given;
        } else {
            // An interpreter: PREFIX/bin/python3 (POSIX) or PREFIX/Scripts/python.exe, PREFIX/python.exe (Windows).
            Path dir = given.getParent();
            Path up = dir == null ? null : dir.getParent();
            if (up != null && (Files.isRegularFile(up.resolve("pyvenv.cfg")) || !sitePackagesOf(up, null).isEmpty())) {
                prefix = up;
            } else if (dir != null) {
                prefix = dir;
            } else {
                throw new IOException(path + " is not inside a Python environment");
            }
        }
        Path cfg = prefix.resolve("pyvenv.cfg");
        if (Files.isRegularFile(cfg)) {
            return fromVenv(prefix, cfg);
        }
        List<Path> site = sitePackagesOf(prefix, null);
        if (site.isEmpty()) {
            throw new IOException(path + " is not a Python environment: no pyvenv.cfg and no lib/pythonX.Y/site-packages under "
                    + prefix + " (give a virtual environment's folder or a Python interpreter)");
        }
        return new PythonEnvironment(prefix, withPthFolders(site), versionFromLayout(prefix), false);
    }

    private static PythonEnvironment fromVenv(Path prefix, Path cfg) throws IOException {
        Map<String, String> values = readCfg(cfg);
        PythonVersion version = null;
        for (String key : List.of("version_info", "version")) {
            String v = values.get(key);
            Matcher m = v == null ? null : VERSION.matcher(v);
            if (m != null && m.matches()) {
                version = new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                break;
            }
        }
        if (version == null) {
            version = versionFromLayout(prefix);
        }
        List<Path> site = new ArrayList<>(sitePackagesOf(prefix, version));
        if ("true".equalsIgnoreCase(values.getOrDefault("include-system-site-packages", "false").strip())) {
            String home = values.get("home");
            if (home != null && !home.isBlank()) {
                // `home` is the folder of the base interpreter: PREFIX/bin (POSIX) or PREFIX (Windows).
                Path homeDir = Path.of(home.strip());
                Path base = homeDir.getFileName() != null && homeDir.getFileName().toString().equals("bin")
                        ? homeDir.getParent() : homeDir;
                if (base != null) {
                    site.addAll(sitePackagesOf(base, version));
                }
            }
        }
        return new PythonEnvironment(prefix, withPthFolders(site), version, true);
    }

    private static Map<String, String> readCfg(Path cfg) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
            }
        }
        return values;
    }

    /** {@code lib/pythonX.Y/site-packages} (preferring the given version), {@code Lib/site-packages}, Debian's dist-packages. */
    static List<Path> sitePackagesOf(Path prefix, @Nullable PythonVersion version) {
        Set<Path> found = new LinkedHashSet<>();
        for (String lib : List.of("lib", "lib64")) {
            Path libDir = prefix.resolve(lib);
            if (!Files.isDirectory(libDir)) {
                continue;
            }
            List<Path> candidates = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(libDir, "python*")) {
                for (Path p : stream) {
                    Matcher m = LIB_PYTHON.matcher(p.getFileName().toString());
                    if (!m.matches()) {
                        continue;
                    }
                    if (version != null && (Integer.parseInt(m.group(1)) != version.major()
                            || Integer.parseInt(m.group(2)) != version.minor())) {
                        continue;
                    }
                    candidates.add(p);
                }
            } catch (IOException | SecurityException e) {
                continue;
            }
            candidates.sort(null);
            for (Path p : candidates) {
                addIfFolder(found, p.resolve("site-packages"));
                addIfFolder(found, p.resolve("dist-packages"));
            }
            addIfFolder(found, libDir.resolve("python3").resolve("dist-packages"));
        }
        addIfFolder(found, prefix.resolve("Lib").resolve("site-packages"));
        return new ArrayList<>(found);
    }

    private static void addIfFolder(Set<Path> found, Path p) {
        if (Files.isDirectory(p)) {
            try {
                found.add(p.toRealPath());
            } catch (IOException e) {
                found.add(p.normalize());
            }
        }
    }

    private static @Nullable PythonVersion versionFromLayout(Path prefix) {
        for (String lib : List.of("lib", "lib64")) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(prefix.resolve(lib), "python*")) {
                for (Path p : stream) {
                    Matcher m = LIB_PYTHON.matcher(p.getFileName().toString());
                    if (m.matches() && Files.isDirectory(p.resolve("site-packages"))) {
                        return new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    }
                }
            } catch (IOException | SecurityException e) {
                // no such folder: try the next
            }
        }
        return null;
    }

    /** Appends the folders named by {@code .pth} files (editable installs), as {@code site.py} does. */
    private static List<Path> withPthFolders(List<Path> site) {
        Set<Path> all = new LinkedHashSet<>(site);
        for (Path dir : site) {
            List<Path> pths = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.pth")) {
                stream.forEach(pths::add);
            } catch (IOException | SecurityException e) {
                continue;
            }
            pths.sort(null);
            for (Path pth : pths) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(pth, StandardCharsets.UTF_8);
                } catch (IOException | SecurityException e) {
                    continue;
                }
                for (String line : lines) {
                    String s = line.strip();
                    if (s.isEmpty() || s.startsWith("#") || s.startsWith("import ") || s.startsWith("import\t")) {
                        continue;
                    }
                    try {
                        Path p = dir.resolve(s).normalize();
                        if (Files.isDirectory(p)) {
                            all.add(p);
                        }
                    } catch (java.nio.file.InvalidPathException e) {
                        // not a path: skip, as site.py does
                    }
                }
            }
        }
        return new ArrayList<>(all);
    }
}
