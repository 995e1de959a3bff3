package dev.typhon.cli;

import dev.typhon.ast.Nullable;
import picocli.CommandLine.Option;

/** {@code --python-platform}, shared by the commands that analyse code (a picocli mixin). */
public final class PlatformOption {

    @Option(names = "--python-platform", paramLabel = "NAME",
            description = "sys.platform to assume: linux, darwin, win32, ... (default: the configuration's, else linux).")
    @Nullable String platform;

    /** The platform given, or {@code fallback}. */
    public String platformOr(String fallback) {
        return platform != null ? platform : fallback;
    }

    public @Nullable String platform() {
        return platform;
    }
}
