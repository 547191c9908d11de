package org.pressroom.content;

import java.util.List;
import java.util.Optional;

/**
 * Everything a build reads from disk, read once by {@link SourceLoader}; later stages never touch
 * the disk for input.
 */
public record Sources(Optional<RawFile> siteYml, Optional<RawFile> topicsYml, List<RawFile> releases,
        List<RawFile> templates, List<RawFile> i18n, List<StaticFile> files, List<StaticFile> assets) {
}
