package org.pressroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** {@code pressroom new}: release skeletons. */
class NewCommandTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            languages:
              ko: { title: 외교부 보도자료, locale: ko-KR }
              en: { title: MOFA Press Releases, locale: en-US }
            timeZone: Asia/Seoul
            """;
    static final String KO = "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md";
    static final String EN = "content/releases/2013/2013-09-27-yun-kerry-meeting.en.md";

    @TempDir
    Path dir;

    private String read(String rel) throws Exception {
        return Files.readString(dir.resolve(rel), StandardCharsets.UTF_8);
    }

    @Test
    void writesADraftSkeletonInEveryLanguageAndPrintsThePaths() throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE);
        site.run("new", "yun-kerry-meeting", "--date", "2013-09-27", "--type", "briefing", "--source", dir.toString());
        assertEquals(0, site.status(), site.err());
        assertEquals(2, site.out().lines().count(), site.out());
        assertTrue(site.out().lines().anyMatch(l -> l.endsWith(KO)), site.out());
        assertTrue(site.out().lines().anyMatch(l -> l.endsWith(EN)), site.out());
        assertEquals("""
                ---
                title: "제목을 쓰세요"
                type: briefing
                draft: true
                # topics: [topic-key]    # keys of content/topics.yml
                # number: ""
                ---

                본문을 쓰세요.
                """, read(KO));
        assertEquals("""
                ---
                title: "Write the title"
                translation: unofficial
                ---

                Write the text.
                """, read(EN));

        site.build().thenSucceeds();
        assertFalse(site.exists("ko/releases/2013-09-27-yun-kerry-meeting/index.html"), "a new release is a draft");
        site.build("--drafts").thenSucceeds();
        site.assertFile("en/releases/2013-09-27-yun-kerry-meeting/index.html", """
                <h1>Write the title</h1>
                class="draft-banner"
                Briefing
                *Unofficial translation
                """);
    }

    @Test
    void refusesToOverwriteAnExistingReleaseAndWritesNothing() throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE + """
                -- content/releases/2013/2013-09-27-yun-kerry-meeting.en.md --
                ---
                title: Already written
                ---
                Text.
                """);
        site.run("new", "yun-kerry-meeting", "--date", "2013-09-27", "--source", dir.toString());
        assertEquals(1, site.status());
        assertEquals(EN + ":1:1: the release file exists already; nothing was written (hint: choose another slug or "
                + "date, or edit the file)\n", site.err());
        assertTrue(read(EN).contains("title: Already written"));
        assertFalse(Files.exists(dir.resolve(KO)), "no file of the release is written");
    }

    @Test
    void refusesABadSlugAndSuggestsAFixedOne() {
        SiteFixture site = SiteFixture.given(dir, SITE);
        site.run("new", "Yun Kerry  Meeting!", "--date", "2013-09-27", "--source", dir.toString());
        assertEquals(2, site.status());
        assertTrue(site.err().contains("'Yun Kerry  Meeting!' is not a slug: use a-z, 0-9 and single hyphens; "
                + "did you mean 'yun-kerry-meeting'?"), site.err());
        assertFalse(Files.exists(dir.resolve("content/releases")));
    }

    @Test
    void refusesATypeThatSiteYmlDoesNotList() {
        SiteFixture site = SiteFixture.given(dir, SITE);
        site.run("new", "x", "--type", "breifing", "--source", dir.toString());
        assertEquals(2, site.status());
        assertTrue(site.err().contains("--type 'breifing' is not a type of site.yml"), site.err());
        assertTrue(site.err().contains("did you mean 'briefing'?"), site.err());
    }

    @Test
    void refusesALanguageThatSiteYmlDoesNotList() {
        SiteFixture site = SiteFixture.given(dir, SITE);
        site.run("new", "x", "--lang", "ko,ja", "--source", dir.toString());
        assertEquals(2, site.status());
        assertTrue(site.err().contains("--lang 'ja' is not a language of site.yml; they are ko, en"), site.err());
    }

    @Test
    void addsATranslationToAnExistingReleaseWithoutRepeatingItsFields() throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE);
        site.run("new", "yun-kerry-meeting", "--date", "2013-09-27", "--lang", "ko", "--source", dir.toString());
        assertEquals(0, site.status(), site.err());
        assertFalse(Files.exists(dir.resolve(EN)));
        site.run("new", "yun-kerry-meeting", "--date", "2013-09-27", "--lang", "en", "--source", dir.toString());
        assertEquals(0, site.status(), site.err());
        assertFalse(read(EN).contains("draft"), read(EN));
        assertTrue(read(EN).contains("translation: unofficial"));
        site.build("--drafts").thenSucceeds();
    }

    @Test
    void writesAnOnlyVersionInAnotherLanguageWithTheReleaseFieldsAndNoTranslationStatus() throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE);
        site.run("new", "yun-kerry-meeting", "--date", "2013-09-27", "--lang", "en", "--source", dir.toString());
        assertEquals(0, site.status(), site.err());
        assertTrue(read(EN).contains("draft: true"));
        assertFalse(read(EN).contains("translation:"), read(EN));
    }

    @Test
    void datesTheReleaseTodayInTheSitesTimeZoneByDefault() throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE);
        LocalDate before = LocalDate.now(ZoneId.of("Asia/Seoul"));
        site.run("new", "today", "--lang", "ko", "--source", dir.toString());
        LocalDate after = LocalDate.now(ZoneId.of("Asia/Seoul"));
        assertEquals(0, site.status(), site.err());
        boolean found = false;
        for (LocalDate d : new LocalDate[] {before, after}) {
            found |= Files.exists(dir.resolve("content/releases/" + d.getYear() + "/" + d + "-today.ko.md"));
        }
        assertTrue(found, site.out());
    }
}
