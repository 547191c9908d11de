package org.pressroom.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A thread-safe collector of problems for one stage of the build. */
public final class Problems {
    private final List<Problem> list = Collections.synchronizedList(new ArrayList<>());

    public void add(Problem p) {
        list.add(p);
    }

    public void add(Position pos, String message) {
        add(Problem.at(pos, message));
    }

    public void add(Position pos, String message, String hint) {
        add(Problem.at(pos, message, hint));
    }

    public void addAll(List<Problem> ps) {
        list.addAll(ps);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The problems sorted by path, line, column and message, without duplicates. */
    public List<Problem> sorted() {
        synchronized (list) {
            return list.stream().distinct().sorted(Problem.ORDER).toList();
        }
    }

    /** Throws {@link BuildFailure} carrying every problem so far, if there is any. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw new BuildFailure(sorted());
        }
    }
}
