package dev.typhon.semantic.types;

/**
 * Where a class, function or type variable is defined: a file of the program (its small id) and the
 * definition's id in that file's semantic index. Two refs are equal exactly when they name the same
 * definition of the same snapshot of the program.
 */
public record DefinitionRef(int file, int definition) {
}
