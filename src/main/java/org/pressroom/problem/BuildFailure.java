package org.pressroom.problem;

import java.util.List;

/** Ends a build after a stage that found problems; carries all of them. */
public final class BuildFailure extends RuntimeException {
    private final transient List<Problem> problems;

    public BuildFailure(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
