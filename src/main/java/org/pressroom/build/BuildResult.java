package org.pressroom.build;

import java.nio.file.Path;
import java.time.Duration;

/** A successful build: how many pages and copied files it wrote, where, and how long it took. */
public record BuildResult(Path output, int pages, int files, Duration elapsed) {
}
