package org.pressroom.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {
    @Test
    void keepsTheNewestCommitOfEachPathWithHangulNamesAsNfc() {
        String decomposed = java.text.Normalizer.normalize("content/releases/2014/보도.ko.md", java.text.Normalizer.Form.NFD);
        String log = "\u00012014-03-28T09:00:00+09:00\n\ncontent/releases/2014/a.ko.md\n" + decomposed + "\n"
                + "\u00012014-03-26T10:00:00+09:00\n\ncontent/releases/2014/a.ko.md\ncontent/releases/2014/a.en.md\n";
        assertEquals(Map.of("content/releases/2014/a.ko.md", Instant.parse("2014-03-28T00:00:00Z"),
                "content/releases/2014/보도.ko.md", Instant.parse("2014-03-28T00:00:00Z"),
                "content/releases/2014/a.en.md", Instant.parse("2014-03-26T01:00:00Z")), GitHistory.parse(log));
    }

    @Test
    void isEmptyOutsideAGitRepository(@TempDir Path dir) {
        assertEquals(Map.of(), GitHistory.lastCommits(dir));
    }
}
