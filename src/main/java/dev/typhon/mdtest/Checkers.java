package dev.typhon.mdtest;

/** Where the runner gets its checker: the one place to plug the inference engine in. */
public final class Checkers {

    private Checkers() {
    }

    /** The checker {@code typhon mdtest} runs. */
    public static MdtestChecker defaultChecker() {
        return new InferenceChecker();
    }
}
