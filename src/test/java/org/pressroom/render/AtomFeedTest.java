package org.pressroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** The Atom feeds, read back by a real feed library (ROME). */
class AtomFeedTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            defaultLanguage: ko
            languages:
              ko: { title: 외교부 보도자료, locale: ko-KR }
              en: { title: MOFA Press Releases, locale: en-US }
            timeZone: Asia/Seoul
            params:
              organization: { ko: 대한민국 외교부, en: "Ministry of Foreign Affairs" }
            -- content/topics.yml --
            korea-us: { ko: 한미관계, en: Korea–US Relations }
            consular-affairs: { ko: 영사·재외국민 보호, en: Consular Affairs }
            -- content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md --
            ---
            title: 한미 외교장관회담 결과
            topics: [korea-us]
            summary: 윤병세 장관은 케리 장관과 회담하였다.
            updates:
              - { date: 2013-09-28, note: 2항의 표현을 바로잡았습니다. }
            ---
            본문.
            -- content/releases/2013/2013-09-27-yun-kerry-meeting.en.md --
            ---
            title: Outcome of the Korea–US Foreign Ministers' Meeting
            ---
            Minister Yun met Secretary Kerry.
            -- content/releases/2013/2013-11-09-typhoon-haiyan-travel-safety.ko.md --
            ---
            title: 필리핀 태풍 관련 여행 안전 공지
            topics: [consular-affairs]
            ---
            여행에 유의하시기 바랍니다.
            -- content/releases/2014/2014-02-13-kerry-visit-seoul.ko.md --
            ---
            title: 케리 국무장관 방한
            date: 2014-02-13T14:30:00+09:00
            topics: [korea-us]
            ---
            케리 장관이 방한하였다.
            -- content/releases/2014/2014-02-13-kerry-visit-seoul.en.md --
            ---
            title: Secretary Kerry Visits Seoul
            ---
            Secretary Kerry visited Seoul.
            """;

    static Feed parse(String xml) throws Exception {
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        return (Feed) input.build(new StringReader(xml));
    }

    /** The xml:lang of the document element, read by the JDK's namespace-aware parser. */
    static String xmlLang(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Element root = f.newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(xml))).getDocumentElement();
        return root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
    }

    static Map<String, Entry> byId(Feed feed) {
        return feed.getEntries().stream().collect(Collectors.toMap(Entry::getId, e -> e));
    }

    @Test
    void languageFeedHasStableIdsDatesLanguageLinksAndCategories(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE).build().thenSucceeds();
        String xml = site.file("ko/feed.xml");
        Feed feed = parse(xml);
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("ko", xmlLang(xml));
        assertEquals("tag:press.example.org,2013-09-27:feed/ko", feed.getId());
        assertEquals("외교부 보도자료", feed.getTitle());
        assertEquals(List.of("tag:press.example.org,2014-02-13:2014-02-13-kerry-visit-seoul/ko",
                "tag:press.example.org,2013-11-09:2013-11-09-typhoon-haiyan-travel-safety/ko",
                "tag:press.example.org,2013-09-27:2013-09-27-yun-kerry-meeting/ko"),
                feed.getEntries().stream().map(Entry::getId).toList(), "newest first");
        assertEquals("https://press.example.org/ko/feed.xml", feed.getOtherLinks().stream()
                .filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow().getHref());

        Entry meeting = byId(feed).get("tag:press.example.org,2013-09-27:2013-09-27-yun-kerry-meeting/ko");
        assertEquals("한미 외교장관회담 결과", meeting.getTitle());
        assertEquals("윤병세 장관은 케리 장관과 회담하였다.", meeting.getSummary().getValue());
        assertEquals(OffsetDateTime.parse("2013-09-27T00:00:00+09:00").toInstant(), meeting.getPublished().toInstant());
        assertEquals(OffsetDateTime.parse("2013-09-28T00:00:00+09:00").toInstant(), meeting.getUpdated().toInstant(),
                "updated is the last correction");
        List<Link> links = meeting.getAlternateLinks();
        assertEquals("https://press.example.org/ko/releases/2013-09-27-yun-kerry-meeting/", links.get(0).getHref());
        assertEquals("text/html", links.get(0).getType());
        assertEquals("en", links.get(1).getHreflang());
        assertEquals("https://press.example.org/en/releases/2013-09-27-yun-kerry-meeting/", links.get(1).getHref());
        List<Category> categories = meeting.getCategories();
        assertEquals(1, categories.size());
        assertEquals("korea-us", categories.get(0).getTerm());
        assertEquals("한미관계", categories.get(0).getLabel());

        Entry visit = byId(feed).get("tag:press.example.org,2014-02-13:2014-02-13-kerry-visit-seoul/ko");
        assertEquals(OffsetDateTime.parse("2014-02-13T14:30:00+09:00").toInstant(), visit.getPublished().toInstant());
        assertEquals(visit.getPublished(), visit.getUpdated(), "without corrections, updated is published");
        assertTrue(xml.contains("<published>2014-02-13T14:30:00+09:00</published>"), "dates carry their offset");
        assertTrue(xml.contains("<updated>2014-02-13T14:30:00+09:00</updated>\n  <author>"),
                "the feed is updated when its newest entry changed");

        Entry typhoon = byId(feed).get("tag:press.example.org,2013-11-09:2013-11-09-typhoon-haiyan-travel-safety/ko");
        assertEquals(1, typhoon.getAlternateLinks().size(), "no link to a translation that does not exist");
    }

    @Test
    void englishFeedListsOnlyEnglishVersionsInEnglish(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE).build().thenSucceeds();
        Feed feed = parse(site.file("en/feed.xml"));
        assertEquals("en", xmlLang(site.file("en/feed.xml")));
        assertEquals(List.of("tag:press.example.org,2014-02-13:2014-02-13-kerry-visit-seoul/en",
                "tag:press.example.org,2013-09-27:2013-09-27-yun-kerry-meeting/en"),
                feed.getEntries().stream().map(Entry::getId).toList());
        Entry meeting = feed.getEntries().get(1);
        assertEquals("Outcome of the Korea–US Foreign Ministers' Meeting", meeting.getTitle());
        assertEquals("Minister Yun met Secretary Kerry.", meeting.getSummary().getValue());
        assertEquals(OffsetDateTime.parse("2013-09-27T00:00:00+09:00").toInstant(), meeting.getUpdated().toInstant(),
                "the Korean correction does not touch the English version");
        assertEquals("Korea–US Relations", meeting.getCategories().get(0).getLabel());
        assertEquals("Ministry of Foreign Affairs", feed.getAuthors().get(0).getName());
    }

    @Test
    void topicFeedsExistInTheLanguagesThatHaveReleasesOnTheTopic(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE).build().thenSucceeds();
        Feed korea = parse(site.file("ko/topics/korea-us/feed.xml"));
        assertEquals("tag:press.example.org,2013-09-27:feed/ko/topics/korea-us", korea.getId());
        assertEquals("한미관계 – 외교부 보도자료", korea.getTitle());
        assertEquals(2, korea.getEntries().size());
        assertEquals("https://press.example.org/ko/topics/korea-us/", korea.getAlternateLinks().get(0).getHref());
        Feed consular = parse(site.file("ko/topics/consular-affairs/feed.xml"));
        assertEquals(1, consular.getEntries().size());
        assertTrue(site.exists("en/topics/korea-us/feed.xml"));
        assertFalse(site.exists("en/topics/consular-affairs/feed.xml"), "no English release on consular affairs");
    }

    @Test
    void changingTheBaseUrlKeepsEveryAtomId(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE).build().thenSucceeds();
        Feed before = parse(site.file("ko/feed.xml"));
        site.build("--base-url", "https://staging.example.net/press/").thenSucceeds();
        Feed after = parse(site.file("ko/feed.xml"));
        assertEquals(before.getId(), after.getId());
        assertEquals(before.getEntries().stream().map(Entry::getId).toList(),
                after.getEntries().stream().map(Entry::getId).toList());
        assertEquals("https://staging.example.net/press/ko/releases/2014-02-13-kerry-visit-seoul/",
                after.getEntries().get(0).getAlternateLinks().get(0).getHref(), "links follow the base URL");
        assertNotEquals(before.getEntries().get(0).getAlternateLinks().get(0).getHref(),
                after.getEntries().get(0).getAlternateLinks().get(0).getHref());
    }

    @Test
    void siteIdSetsTheAuthorityAndDateOfEveryId(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE).write("""
                -- content/site.yml --
                baseUrl: https://press.example.org/
                siteId: mofa.go.kr,2013
                timeZone: Asia/Seoul
                """).build().thenSucceeds();
        Feed feed = parse(site.file("en/feed.xml"));
        assertEquals("tag:mofa.go.kr,2013:feed/en", feed.getId());
        assertEquals("tag:mofa.go.kr,2014-02-13:2014-02-13-kerry-visit-seoul/en", feed.getEntries().get(0).getId());
    }

    @Test
    void failsWithFileAndLineWhenSiteIdIsNotATaggingEntity(@TempDir Path dir) {
        SiteFixture.given(dir, SITE).write("""
                -- content/site.yml --
                baseUrl: https://press.example.org/
                siteId: https://press.example.org/
                """).build().thenFailsWith("content/site.yml:2:9: siteId 'https://press.example.org/' is not a domain "
                + "name or e-mail address, optionally followed by a date (hint: write it like press.example.org,2013)");
    }

    @Test
    void feedHoldsTheNewestFiftyReleases(@TempDir Path dir) throws Exception {
        StringBuilder files = new StringBuilder(SITE);
        for (int day = 1; day <= 28; day++) {
            for (int month : new int[] {3, 4}) {
                String id = String.format("2015-%02d-%02d-note", month, day);
                files.append("-- content/releases/2015/").append(id).append(".ko.md --\n---\ntitle: 공지 ")
                        .append(id).append("\n---\n본문.\n");
            }
        }
        SiteFixture site = SiteFixture.given(dir, files.toString()).build().thenSucceeds();
        Feed feed = parse(site.file("ko/feed.xml"));
        assertEquals(50, feed.getEntries().size());
        assertEquals("tag:press.example.org,2015-04-28:2015-04-28-note/ko", feed.getEntries().get(0).getId());
        assertEquals("tag:press.example.org,2015-03-07:2015-03-07-note/ko", feed.getEntries().get(49).getId());
    }

    @Test
    void homeAndTopicPagesAnnounceTheirFeeds(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, SITE).build().thenSucceeds();
        Document home = Jsoup.parse(site.file("ko/index.html"));
        assertEquals(List.of("/ko/feed.xml"), home.select("head link[rel=alternate][type=application/atom+xml]")
                .eachAttr("href"));
        assertEquals("외교부 보도자료", home.selectFirst("head link[type=application/atom+xml]").attr("title"));
        Document topic = Jsoup.parse(site.file("en/topics/korea-us/index.html"));
        assertEquals(List.of("/en/topics/korea-us/feed.xml"),
                topic.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href"));
        assertEquals("/en/topics/korea-us/feed.xml", topic.selectFirst("main a[type=application/atom+xml]").attr("href"));
        Document release = Jsoup.parse(site.file("ko/releases/2013-09-27-yun-kerry-meeting/index.html"));
        assertTrue(release.select("head link[type=application/atom+xml]").isEmpty());
    }
}
