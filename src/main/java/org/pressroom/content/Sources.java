package org.pressroom.content;

import java.util.List;
import java.util.Optional;

/**
 * Everything a build reads from disk, found by {@link SourceLoader}; later stages never open source
 * files themselves. Settings, templates and strings are held in memory; release files are handles
 * that read their bytes when the parse stage asks ({@link RawFile#onDisk()}), so that the bytes of
 * all releases are never held at once.
 */
public record Sources(Optional<RawFile> siteYml, Optional<RawFile> topicsYml, List<RawFile> releases,
        List<RawFile> templates, List<RawFile> i18n, List<StaticFile> files, List<StaticFile> assets) {
}
