package dev.typhon.semantic.index;

/** What a {@link Constraint}'s predicate asks, for inference to decide. */
public enum ConstraintKind {
    /** A test expression is true ({@code if x:}, {@code while}, {@code assert}, an operand of {@code and} / {@code or}, a guard). */
    TEST,
    /** A match case's pattern matches the subject (guard apart: guards are TEST constraints). */
    PATTERN,
    /** A call made as a statement returns at all (false when it returns {@code Never} / {@code NoReturn}). */
    CALL_RETURNS,
    /** A {@code with} statement's context managers swallow an exception raised in its body ({@code __exit__} returns true). */
    WITH_SWALLOWS
}
