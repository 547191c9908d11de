package org.pressroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Feed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** Open Graph and JSON-LD in the head of pages, and their safety against hostile text. */
class HeadMetadataTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode jsonLd(Document page) throws Exception {
        List<Element> scripts = page.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size(), "one JSON-LD block");
        return JSON.readTree(scripts.get(0).data());
    }

    static Map<String, List<String>> og(Document page) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Element m : page.select("head meta[property^=og:]")) {
            out.computeIfAbsent(m.attr("property"), k -> new java.util.ArrayList<>()).add(m.attr("content"));
        }
        return out;
    }

    @Test
    void releasePageDescribesItselfAsANewsArticleWithItsTranslation(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE).build().thenSucceeds();
        JsonNode ko = jsonLd(Jsoup.parse(site.file("ko/releases/2013-09-27-yun-kerry-meeting/index.html")));
        assertEquals("https://schema.org", ko.get("@context").asText());
        assertEquals("NewsArticle", ko.get("@type").asText());
        assertEquals("한미 외교장관회담 결과", ko.get("headline").asText());
        assertEquals("2013-09-27T00:00:00+09:00", ko.get("datePublished").asText());
        assertEquals("2013-09-28T00:00:00+09:00", ko.get("dateModified").asText());
        assertEquals("ko-KR", ko.get("inLanguage").asText());
        assertEquals("press release", ko.get("genre").asText());
        assertEquals("대한민국 외교부", ko.get("publisher").get("name").asText());
        assertEquals("Organization", ko.get("publisher").get("@type").asText());
        assertEquals("https://press.example.org/ko/releases/2013-09-27-yun-kerry-meeting/", ko.get("url").asText());
        assertEquals("윤병세 장관은 케리 장관과 회담하였다.", ko.get("description").asText());
        JsonNode translations = ko.get("workTranslation");
        assertEquals(1, translations.size());
        assertEquals("https://press.example.org/en/releases/2013-09-27-yun-kerry-meeting/",
                translations.get(0).get("url").asText());
        assertEquals("en-US", translations.get(0).get("inLanguage").asText());
        assertNull(ko.get("translationOfWork"));

        JsonNode en = jsonLd(Jsoup.parse(site.file("en/releases/2013-09-27-yun-kerry-meeting/index.html")));
        assertEquals("en-US", en.get("inLanguage").asText());
        assertEquals("2013-09-27T00:00:00+09:00", en.get("dateModified").asText());
        assertEquals("https://press.example.org/ko/releases/2013-09-27-yun-kerry-meeting/#article",
                en.get("translationOfWork").get("@id").asText());
        assertEquals(ko.get("@id").asText(), en.get("translationOfWork").get("@id").asText());
        assertNull(en.get("workTranslation"));

        JsonNode alone = jsonLd(Jsoup.parse(site.file("ko/releases/2013-11-09-typhoon-haiyan-travel-safety/index.html")));
        assertNull(alone.get("workTranslation"), "no translation, no workTranslation");
        JsonNode timed = jsonLd(Jsoup.parse(site.file("en/releases/2014-02-13-kerry-visit-seoul/index.html")));
        assertEquals("2014-02-13T14:30:00+09:00", timed.get("datePublished").asText());
        assertTrue(Jsoup.parse(site.file("ko/topics/index.html")).select("script[type=application/ld+json]").isEmpty());
    }

    @Test
    void everyPageHasOpenGraphForItsLanguageAndExistingTranslations(@TempDir Path dir) {
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE).build().thenSucceeds();
        Map<String, List<String>> release = og(Jsoup.parse(site.file("en/releases/2013-09-27-yun-kerry-meeting/index.html")));
        assertEquals(List.of("en_US"), release.get("og:locale"));
        assertEquals(List.of("ko_KR"), release.get("og:locale:alternate"));
        assertEquals(List.of("Outcome of the Korea–US Foreign Ministers' Meeting"), release.get("og:title"));
        assertEquals(List.of("Minister Yun met Secretary Kerry."), release.get("og:description"));
        assertEquals(List.of("https://press.example.org/en/releases/2013-09-27-yun-kerry-meeting/"), release.get("og:url"));
        assertEquals(List.of("article"), release.get("og:type"));

        Map<String, List<String>> alone = og(Jsoup.parse(site.file("ko/releases/2013-11-09-typhoon-haiyan-travel-safety/index.html")));
        assertNull(alone.get("og:locale:alternate"), "no alternate locale without a translation");
        Map<String, List<String>> topic = og(Jsoup.parse(site.file("ko/topics/consular-affairs/index.html")));
        assertEquals(List.of("ko_KR"), topic.get("og:locale"));
        assertNull(topic.get("og:locale:alternate"), "the topic has no English page");
        assertEquals(List.of("website"), topic.get("og:type"));
        Map<String, List<String>> root = og(Jsoup.parse(site.file("index.html")));
        assertEquals(List.of("ko_KR"), root.get("og:locale"));
        assertEquals(List.of("en_US"), root.get("og:locale:alternate"));
        assertEquals(List.of("https://press.example.org/"), root.get("og:url"));
        Map<String, List<String>> missing = og(Jsoup.parse(site.file("404.html")));
        assertNull(missing.get("og:url"), "404 has no address of its own");
    }

    @Test
    void scriptEndingsAndCdataEndsInContentCannotBreakOutOfJsonLdOrFeeds(@TempDir Path dir) throws Exception {
        String title = "Talks </script><script>alert(1)</script> ]]> & <!-- \"quoted\"";
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE + """
                -- content/releases/2015/2015-01-05-hostile.en.md --
                ---
                title: 'TITLE'
                summary: "Summary </SCRIPT > ]]> \\u2028 end"
                topics: [korea-us]
                ---
                Body.
                """.replace("TITLE", title.replace("'", "''"))).build().thenSucceeds();
        String html = site.file("en/releases/2015-01-05-hostile/index.html");
        Document page = Jsoup.parse(html);
        JsonNode ld = jsonLd(page);
        assertEquals(title, ld.get("headline").asText());
        assertEquals("Summary </SCRIPT > ]]> \u2028 end", ld.get("description").asText());
        String json = page.selectFirst("script[type=application/ld+json]").data();
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("\u2028"), json);
        assertTrue(json.contains("Talks \\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), json);
        assertEquals(1, page.select("script").size(), "no script element was injected");
        assertTrue(html.contains("<h1>Talks &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &lt;!--"));

        Feed feed = AtomFeedTest.parse(site.file("en/feed.xml"));
        assertEquals(title, feed.getEntries().get(0).getTitle());
        assertEquals("Summary </SCRIPT > ]]> \u2028 end", feed.getEntries().get(0).getSummary().getValue());
        Feed topic = AtomFeedTest.parse(site.file("en/topics/korea-us/feed.xml"));
        assertEquals(title, topic.getEntries().get(0).getTitle());
        assertTrue(SitemapTest.read(site.file("sitemap.xml"))
                .containsKey("https://press.example.org/en/releases/2015-01-05-hostile/"));
    }
}
