package org.pressroom.build;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A successful build: how many pages and copied files the site has, where, how long it took, and how
 * many files it wrote or deleted (0 when the site was up to date).
 */
public record BuildResult(Path output, int pages, int files, Duration elapsed, int written) {
}
