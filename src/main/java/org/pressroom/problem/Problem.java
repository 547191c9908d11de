package org.pressroom.problem;

import java.util.Comparator;
import java.util.Optional;

/**
 * One thing wrong with the input, at a position in a source file.
 *
 * @param path   path relative to the source directory, with {@code /} separators
 * @param line   1-based line number (0 when the problem concerns the whole file or no file)
 * @param column 1-based column number (0 when unknown)
 * @param message what is wrong, in one sentence
 * @param hint   how to fix it, or empty
 */
public record Problem(String path, int line, int column, String message, Optional<String> hint) {

    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public Problem {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    public static Problem at(Position pos, String message) {
        return new Problem(pos.path(), pos.line(), pos.column(), message, Optional.empty());
    }

    public static Problem at(Position pos, String message, String hint) {
        return new Problem(pos.path(), pos.line(), pos.column(), message, Optional.ofNullable(hint));
    }

    public Position position() {
        return new Position(path, Math.max(line, 1), Math.max(column, 1));
    }

    /** The one-line form: {@code path:line:col: message (hint)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(path).append(':').append(Math.max(line, 1)).append(':').append(Math.max(column, 1))
                .append(": ").append(message);
        hint.ifPresent(h -> sb.append(" (hint: ").append(h).append(')'));
        return sb.toString();
    }
}
