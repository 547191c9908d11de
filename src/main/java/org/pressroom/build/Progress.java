package org.pressroom.build;

/** Receives progress of the long stage of a build. Must be thread-safe. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} pages are written. */
    void pages(int done, int total);
}
