package org.pressroom.problem;

/**
 * A place in a source file. Line and column are 1-based; {@code path} is relative to the source
 * directory with {@code /} separators.
 */
public record Position(String path, int line, int column) {

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    public static Position startOf(String path) {
        return new Position(path, 1, 1);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
