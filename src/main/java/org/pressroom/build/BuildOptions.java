package org.pressroom.build;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to build.
 *
 * @param source  the project folder holding {@code content/} and {@code templates/}
 * @param output  the site folder to replace
 * @param baseUrl overrides site.yml's baseUrl when present
 * @param drafts  include drafts
 * @param now     the clock for embargoes and future dates
 */
public record BuildOptions(Path source, Path output, Optional<URI> baseUrl, boolean drafts, When now) {
}
