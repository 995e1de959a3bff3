package dev.typhon.cli.check.output;

/** The values of {@code --output-format}, and the renderer of each. */
public enum OutputFormat {
    FULL, CONCISE, JSON, GITHUB, JUNIT;

    public Renderer renderer() {
        return switch (this) {
            case FULL -> new FullRenderer();
            case CONCISE -> new ConciseRenderer();
            case JSON -> new JsonRenderer();
            case GITHUB -> new GithubRenderer();
            case JUNIT -> new JunitRenderer();
        };
    }

    /**
     * Whether stdout must hold the report alone (a document another program parses): the summary
     * and statistics then go to stderr.
     */
    public boolean isDocument() {
        return this == JSON || this == JUNIT;
    }
}
