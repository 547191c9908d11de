package org.pressroom.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** Attachments, the corrections log with the modified date, and related releases on both sides. */
class ReleaseExtrasTest {
    static final String EXTRAS = AtomFeedTest.SITE + """
            -- content/files/2013/fact-sheet.pdf --
            %s
            -- content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md --
            ---
            title: 한미 외교장관회담 결과
            topics: [korea-us]
            attachments:
              - { file: 2013/fact-sheet.pdf, title: 회담 자료 }
            updates:
              - { date: 2013-09-28, note: 2항의 표현을 바로잡았습니다. }
              - { date: 2013-09-30, note: 첨부파일을 추가하였습니다. }
            ---
            본문.
            -- content/releases/2013/2013-09-27-yun-kerry-meeting.en.md --
            ---
            title: Outcome of the Korea–US Foreign Ministers' Meeting
            updates:
              - { date: 2013-09-28, note: Paragraph 2 was corrected. }
            ---
            Minister Yun met Secretary Kerry.
            -- content/releases/2014/2014-02-13-kerry-visit-seoul.ko.md --
            ---
            title: 케리 국무장관 방한
            date: 2014-02-13T14:30:00+09:00
            topics: [korea-us]
            related: [2013-09-27-yun-kerry-meeting]
            ---
            케리 장관이 방한하였다.
            """.formatted("x".repeat(2999));

    @Test
    void attachmentsAreCopiedAndShownWithFormatAndSizeInBothLanguages(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, EXTRAS).build().thenSucceeds();
        assertArrayEquals(Files.readAllBytes(dir.resolve("content/files/2013/fact-sheet.pdf")),
                Files.readAllBytes(site.site().resolve("files/2013/fact-sheet.pdf")), "copied byte for byte");
        Element ko = Jsoup.parse(site.file("ko/releases/2013-09-27-yun-kerry-meeting/index.html"))
                .selectFirst(".release-attachments li");
        assertEquals("회담 자료 (PDF, 3 KB)", ko.text());
        assertEquals("/files/2013/fact-sheet.pdf", ko.selectFirst("a").attr("href"));
        Element en = Jsoup.parse(site.file("en/releases/2013-09-27-yun-kerry-meeting/index.html"))
                .selectFirst(".release-attachments li");
        assertEquals("회담 자료 (PDF, 3 KB, in Korean)", en.text(), "borrowed from the Korean version");
        assertEquals("ko", en.selectFirst("a span").attr("lang"));
        assertEquals("ko", en.selectFirst("a").attr("hreflang"));
    }

    @Test
    void correctionsLogReadsAsASentenceAndSetsTheModifiedDate(@TempDir Path dir) {
        SiteFixture site = SiteFixture.given(dir, EXTRAS).build().thenSucceeds();
        Document ko = Jsoup.parse(site.file("ko/releases/2013-09-27-yun-kerry-meeting/index.html"));
        assertEquals(List.of("2013년 9월 28일 (토) 수정: 2항의 표현을 바로잡았습니다.",
                "2013년 9월 30일 (월) 수정: 첨부파일을 추가하였습니다."), ko.select(".release-updates li").eachText());
        assertEquals("2013-09-28", ko.selectFirst(".release-updates time").attr("datetime"));
        assertEquals("최종 수정일 2013년 9월 30일 (월)", ko.select(".release-meta div").get(1).text());
        Document en = Jsoup.parse(site.file("en/releases/2013-09-27-yun-kerry-meeting/index.html"));
        assertEquals(List.of("Updated September 28, 2013: Paragraph 2 was corrected."),
                en.select(".release-updates li").eachText());
        assertEquals("Last updated September 28, 2013", en.select(".release-meta div").get(1).text());
        Document uncorrected = Jsoup.parse(site.file("ko/releases/2014-02-13-kerry-visit-seoul/index.html"));
        assertEquals(0, uncorrected.select(".release-updates").size());
        assertEquals(0, uncorrected.select(".release-meta dt:contains(최종 수정일)").size());
    }

    @Test
    void relatedReleasesAppearOnBothSidesInEveryLanguageThatHasThem(@TempDir Path dir) {
        SiteFixture site = SiteFixture.given(dir, EXTRAS).build().thenSucceeds();
        Document stating = Jsoup.parse(site.file("ko/releases/2014-02-13-kerry-visit-seoul/index.html"));
        assertEquals(List.of("/ko/releases/2013-09-27-yun-kerry-meeting/"),
                stating.select(".release-related .item-title a").eachAttr("href"));
        Document other = Jsoup.parse(site.file("ko/releases/2013-09-27-yun-kerry-meeting/index.html"));
        assertEquals(List.of("/ko/releases/2014-02-13-kerry-visit-seoul/"),
                other.select(".release-related .item-title a").eachAttr("href"), "stated on one side only");
        Document english = Jsoup.parse(site.file("en/releases/2013-09-27-yun-kerry-meeting/index.html"));
        assertEquals(List.of("/en/releases/2014-02-13-kerry-visit-seoul/"),
                english.select(".release-related .item-title a").eachAttr("href"), "the English side too");
    }

    @Test
    void notFoundPageHelpsInBothLanguages(@TempDir Path dir) {
        SiteFixture site = SiteFixture.given(dir, EXTRAS).build().thenSucceeds();
        Document page = Jsoup.parse(site.file("404.html"));
        assertEquals(2, page.select("section.not-found").size());
        Element en = page.selectFirst("section.not-found[lang=en]");
        assertEquals("Page not found", en.selectFirst("h2").text());
        assertEquals(List.of("/en/", "/en/topics/", "/en/archive/"), en.select("a").eachAttr("href"));
        Element ko = page.select("section.not-found").get(0);
        assertEquals("페이지를 찾을 수 없습니다", ko.selectFirst("h1").text());
        assertEquals(List.of("/ko/", "/ko/topics/", "/ko/archive/"), ko.select("a").eachAttr("href"));
        assertEquals(0, page.select("link[rel=canonical], link[hreflang]").size(), "no canonical, no hreflang");
    }
}
