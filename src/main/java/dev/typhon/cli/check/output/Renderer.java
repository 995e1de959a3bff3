package dev.typhon.cli.check.output;

import dev.typhon.cli.check.FileResult;
import java.io.PrintWriter;
import java.util.List;

/** Writes the diagnostics of a run, file by file in the order given, in one {@link OutputFormat}. */
public sealed interface Renderer permits FullRenderer, ConciseRenderer, JsonRenderer, GithubRenderer, JunitRenderer {

    void render(List<FileResult> results, PrintWriter out);
}
