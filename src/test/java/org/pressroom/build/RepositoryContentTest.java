package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** The repository's own sample archive and theme build with zero problems. */
class RepositoryContentTest {
    @Test
    void buildsTheRepositoryContentAndTemplatesWithoutProblems(@TempDir Path out) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        SiteFixture run = SiteFixture.given(out.resolve("unused"), "")
                .run("build", "--source", repo.toString(), "--output", out.resolve("site").toString());
        run.thenSucceeds();
        assertTrue(run.err().isEmpty(), run.err());
        Path site = out.resolve("site");
        assertTrue(Files.isRegularFile(site.resolve("ko/releases/2015-06-01-korea-china-fta-signing/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("en/topics/north-korea/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("ko/topics/north-korea/page/2/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("ko/archive/2015/page/2/index.html")));
        assertTrue(Files.isRegularFile(site.resolve("files/2015/korea-china-fta-fact-sheet.pdf")));
    }
}
