package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** Nothing lost, nothing half-written, the same bytes every time, embargoes kept. */
class GuaranteesTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            timeZone: Asia/Seoul
            -- content/topics.yml --
            north-korea: { ko: 북한, en: North Korea }
            -- content/files/a.txt --
            attachment
            -- content/releases/2014/2014-06-01-published.ko.md --
            ---
            title: 이미 공개된 자료
            topics: [north-korea]
            ---
            본문
            -- content/releases/2014/2014-06-01-published.en.md --
            ---
            title: Already public
            ---
            Text
            -- content/releases/2014/2014-06-02-embargoed.ko.md --
            ---
            title: 엠바고 자료
            embargo: 2014-06-02T10:00:00+09:00
            topics: [north-korea]
            ---
            본문
            -- content/releases/2014/2014-06-03-future.ko.md --
            ---
            title: 예정 자료
            ---
            본문
            -- content/releases/2014/2014-05-30-draft.ko.md --
            ---
            title: 초안 자료
            draft: true
            ---
            본문
            """;

    @TempDir
    Path dir;

    static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                MessageDigest md;
                try {
                    md = MessageDigest.getInstance("SHA-256");
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteByteIdentical() throws IOException {
        SiteFixture site = SiteFixture.given(dir, SITE).build("--now", "2014-06-10").thenSucceeds();
        Map<String, String> before = digests(site.site());
        site.write("""
                -- content/releases/2014/2014-06-04-broken.ko.md --
                ---
                title: [broken
                ---
                """).build("--now", "2014-06-10");
        assertEquals(1, site.status());
        assertTrue(site.err().contains("site/ was left as it was"), site.err());
        assertEquals(before, digests(site.site()));
        try (Stream<Path> s = Files.list(dir)) {
            // .pressroom/ is the build cache (BuildCacheTest)
            assertEquals(java.util.List.of(".pressroom", "content", "site", "templates"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left behind");
        }
    }

    @Test
    void aFailedRenderLeavesThePreviousSiteByteIdentical() throws IOException {
        SiteFixture site = SiteFixture.given(dir, SITE).build("--now", "2014-06-10").thenSucceeds();
        Map<String, String> before = digests(site.site());
        site.write("""
                -- templates/release.ftlh --
                ${content.missing}
                """).build("--now", "2014-06-10");
        assertEquals(1, site.status());
        assertEquals(before, digests(site.site()));
    }

    @Test
    void rebuildsTheSameInputToByteIdenticalOutput(@TempDir Path other) throws IOException {
        SiteFixture a = SiteFixture.given(dir, SITE).build("--now", "2014-06-10").thenSucceeds();
        SiteFixture b = SiteFixture.given(other, SITE).build("--now", "2014-06-10").thenSucceeds();
        Map<String, String> first = digests(a.site());
        assertTrue(first.size() >= 20, "a real site: " + first.keySet());
        assertEquals(first, digests(b.site()));
        a.build("--now", "2014-06-10").thenSucceeds();
        assertEquals(first, digests(a.site()));
    }

    @Test
    void replacesTheOldSiteSoRemovedReleasesDisappear() {
        SiteFixture site = SiteFixture.given(dir, SITE).build("--now", "2014-06-10").thenSucceeds();
        assertTrue(site.exists("ko/releases/2014-06-02-embargoed/index.html"));
        site.build("--now", "2014-06-02T09:59:59+09:00").thenSucceeds();
        assertFalse(site.exists("ko/releases/2014-06-02-embargoed/index.html"));
    }

    @Test
    void leavesEmbargoedFutureAndDraftReleasesOutOfEveryPage() {
        SiteFixture site = SiteFixture.given(dir, SITE).build("--now", "2014-06-02T09:59:59+09:00").thenSucceeds();
        for (String id : new String[] {"2014-06-02-embargoed", "2014-06-03-future", "2014-05-30-draft"}) {
            assertFalse(site.exists("ko/releases/" + id + "/index.html"), id);
        }
        site.assertFile("ko/index.html", "2014-06-01-published\n! embargoed\n! future\n! draft");
        site.assertFile("ko/topics/north-korea/index.html", "총 1건\n! embargoed");
        site.assertFile("ko/archive/2014/06/index.html", "! embargoed\n! 2014-06-03");
        assertFalse(site.exists("ko/archive/2014/05/index.html"), "the draft's month has nothing else");
    }

    @Test
    void publishesAnEmbargoedReleaseFromItsInstantOn() {
        SiteFixture site = SiteFixture.given(dir, SITE).build("--now", "2014-06-02T01:00:00Z").thenSucceeds();
        assertTrue(site.exists("ko/releases/2014-06-02-embargoed/index.html"));
        assertFalse(site.exists("ko/releases/2014-06-03-future/index.html"));
        site.build("--now", "2014-06-03").thenSucceeds();
        assertTrue(site.exists("ko/releases/2014-06-03-future/index.html"), "a date means its start in the site's zone");
    }

    @Test
    void includesDraftsOnlyWhenAsked() {
        SiteFixture site = SiteFixture.given(dir, SITE).build("--now", "2014-06-10", "--drafts").thenSucceeds();
        site.assertFile("ko/releases/2014-05-30-draft/index.html", "초안 — 공개되지 않은 보도자료입니다");
    }

    @Test
    void copiesFilesByteForByte() throws IOException {
        SiteFixture site = SiteFixture.given(dir, SITE).build("--now", "2014-06-10").thenSucceeds();
        assertEquals(Files.readString(dir.resolve("content/files/a.txt")), site.file("files/a.txt"));
    }

    @Test
    void refusesToReplaceAFolderThatIsNotASite() throws IOException {
        SiteFixture site = SiteFixture.given(dir, SITE);
        Path precious = dir.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.txt"), "keep me");
        site.build("--output", precious.toString());
        assertEquals(1, site.status());
        assertTrue(site.err().contains("the output folder is not empty and is not a Pressroom site; refusing to replace it"),
                site.err());
        assertEquals("keep me", Files.readString(precious.resolve("thesis.txt")));
        site.build("--output", dir.toString());
        assertEquals(1, site.status());
        assertTrue(site.err().contains("the output folder contains the source folder"), site.err());
        assertTrue(Files.isDirectory(dir.resolve("content")));
    }

    @Test
    void rejectsABadClockWithUsageStatus() {
        SiteFixture site = SiteFixture.given(dir, SITE).build("--now", "yesterday");
        assertEquals(2, site.status());
        assertTrue(site.err().contains("Invalid value for option '--now': 'yesterday' is not a date"), site.err());
    }
}
