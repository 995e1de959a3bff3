package dev.typhon.semantic.types;

/**
 * A module object: {@code <module 'os.path'>}.
 *
 * @param name the module's dotted name
 * @param file the program's id of the module's file
 */
public record ModuleLiteral(String name, int file) implements Type {
    @Override
    public String display() {
        return "<module '" + name + "'>";
    }
}
