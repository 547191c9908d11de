package org.pressroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** The repository's own archive: every feed parses, the sitemap covers it, every release has JSON-LD. */
class SampleArchiveFeedsTest {
    @Test
    void theSampleArchivePublishesValidFeedsSitemapAndStructuredData(@TempDir Path dir) throws Exception {
        SiteFixture.copyTree(Path.of("content").toAbsolutePath(), dir.resolve("content"));
        SiteFixture site = SiteFixture.given(dir, "").build("--now", "2020-01-01").thenSucceeds();
        List<Path> feeds;
        try (Stream<Path> s = Files.walk(site.site())) {
            feeds = s.filter(p -> p.getFileName().toString().equals("feed.xml")).sorted().toList();
        }
        assertTrue(feeds.size() > 10, "language and topic feeds: " + feeds);
        Set<String> ids = new HashSet<>();
        for (Path p : feeds) {
            String rel = site.site().relativize(p).toString().replace('\\', '/');
            Feed feed = AtomFeedTest.parse(site.file(rel));
            assertEquals(rel.substring(0, 2), AtomFeedTest.xmlLang(site.file(rel)));
            assertTrue(ids.add(feed.getId()), "feed ids are unique: " + feed.getId());
            assertFalse(feed.getEntries().isEmpty(), rel);
            for (Entry e : feed.getEntries()) {
                assertTrue(e.getId().matches("tag:press\\.example\\.org,\\d{4}-\\d{2}-\\d{2}:\\d{4}-\\d{2}-\\d{2}-[a-z0-9-]+/"
                        + rel.substring(0, 2)), e.getId());
                assertTrue(site.exists(e.getAlternateLinks().get(0).getHref().substring("https://press.example.org/".length())
                        + "index.html"), "entry links resolve: " + e.getAlternateLinks().get(0).getHref());
            }
        }
        Set<String> pages = SitemapTest.htmlPages(site.site(), "https://press.example.org/");
        assertEquals(pages, new TreeSet<>(SitemapTest.read(site.file("sitemap.xml")).keySet()));
        for (String url : pages) {
            if (url.contains("/releases/")) {
                String path = url.substring("https://press.example.org/".length()) + "index.html";
                JsonNode ld = HeadMetadataTest.jsonLd(Jsoup.parse(site.file(path)));
                assertEquals(url, ld.get("url").asText());
            }
        }
        site.assertFile("_redirects", """
                /eng/brd/m_5676/view.do seq=312633 /en/releases/2013-09-27-yun-kerry-meeting/ 301
                /press/2013/0927-yun-kerry.html /ko/releases/2013-09-27-yun-kerry-meeting/ 301
                """);
    }
}
