package org.pressroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** sitemap.xml and robots.txt, read back with the JDK's XML parser. */
class SitemapTest {
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    /** One {@code <url>}: its lastmod and its alternates (hreflang to href), in order. */
    record Url(String lastmod, Map<String, String> alternates) {
    }

    static Map<String, Url> read(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertEquals("urlset", doc.getDocumentElement().getLocalName());
        Map<String, Url> out = new LinkedHashMap<>();
        NodeList urls = doc.getElementsByTagNameNS(SITEMAP, "url");
        for (int i = 0; i < urls.getLength(); i++) {
            org.w3c.dom.Element url = (org.w3c.dom.Element) urls.item(i);
            String loc = url.getElementsByTagNameNS(SITEMAP, "loc").item(0).getTextContent();
            NodeList lastmod = url.getElementsByTagNameNS(SITEMAP, "lastmod");
            Map<String, String> alternates = new LinkedHashMap<>();
            NodeList links = url.getElementsByTagNameNS(XHTML, "link");
            for (int j = 0; j < links.getLength(); j++) {
                org.w3c.dom.Element l = (org.w3c.dom.Element) links.item(j);
                assertEquals("alternate", l.getAttribute("rel"));
                alternates.put(l.getAttribute("hreflang"), l.getAttribute("href"));
            }
            Url previous = out.put(loc, new Url(lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent(),
                    alternates));
            assertEquals(null, previous, "listed once: " + loc);
        }
        return out;
    }

    /** Every HTML page of a built site as its URL, but the 404 page. */
    static Set<String> htmlPages(Path site, String base) throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.getFileName().toString().equals("index.html"))
                    .map(p -> base + site.relativize(p.getParent()).toString().replace('\\', '/'))
                    .map(u -> u.endsWith("/") ? u : u + "/")
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void listsEveryPageWithLastmodAndReciprocalAlternates(@TempDir Path dir) throws Exception {
        StringBuilder files = new StringBuilder(AtomFeedTest.SITE).append("""
                -- content/site.yml --
                baseUrl: https://press.example.org/
                timeZone: Asia/Seoul
                pageSize: 1
                """);
        SiteFixture site = SiteFixture.given(dir, files.toString()).build().thenSucceeds();
        Map<String, Url> urls = read(site.file("sitemap.xml"));
        Set<String> pages = htmlPages(site.site(), "https://press.example.org/");
        assertEquals(pages, new TreeSet<>(urls.keySet()), "every HTML page, and only those");
        assertTrue(urls.containsKey("https://press.example.org/ko/topics/korea-us/page/2/"), "pagination pages");
        assertTrue(urls.containsKey("https://press.example.org/en/archive/2014/02/"), "month pages");
        assertFalse(urls.keySet().stream().anyMatch(u -> u.contains("404")));

        for (Map.Entry<String, Url> e : urls.entrySet()) {
            String loc = e.getKey();
            Url url = e.getValue();
            assertTrue(url.lastmod().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}"),
                    loc + " lastmod " + url.lastmod());
            assertTrue(url.alternates().containsKey("x-default"), loc + " has x-default");
            if (loc.equals("https://press.example.org/")) {
                continue; // the chooser points at the homes, which do not point back
            }
            String own = url.alternates().entrySet().stream().filter(a -> a.getValue().equals(loc))
                    .filter(a -> !a.getKey().equals("x-default")).findFirst().orElseThrow().getKey();
            for (Map.Entry<String, String> a : url.alternates().entrySet()) {
                Url other = urls.get(a.getValue());
                assertTrue(other != null, loc + " names an alternate outside the sitemap: " + a.getValue());
                if (!a.getKey().equals("x-default")) {
                    assertEquals(loc, other.alternates().get(own), a.getValue() + " points back at " + loc);
                    assertEquals(url.alternates(), other.alternates(), "both list the same set");
                }
            }
        }
        Url meeting = urls.get("https://press.example.org/en/releases/2013-09-27-yun-kerry-meeting/");
        assertEquals(Map.of("ko", "https://press.example.org/ko/releases/2013-09-27-yun-kerry-meeting/",
                "en", "https://press.example.org/en/releases/2013-09-27-yun-kerry-meeting/",
                "x-default", "https://press.example.org/ko/releases/2013-09-27-yun-kerry-meeting/"),
                meeting.alternates());
        assertEquals("2013-09-27T00:00:00+09:00", meeting.lastmod());
        assertEquals("2013-09-28T00:00:00+09:00",
                urls.get("https://press.example.org/ko/releases/2013-09-27-yun-kerry-meeting/").lastmod(),
                "lastmod is the modified date of that version");
        Url typhoon = urls.get("https://press.example.org/ko/releases/2013-11-09-typhoon-haiyan-travel-safety/");
        assertEquals(List.of("ko", "x-default"), List.copyOf(typhoon.alternates().keySet()),
                "only translations that exist");
        assertEquals("2014-02-13T14:30:00+09:00", urls.get("https://press.example.org/ko/").lastmod());
    }

    @Test
    void sitemapAlternatesAreThoseOfEachPagesHead(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE).build().thenSucceeds();
        Map<String, Url> urls = read(site.file("sitemap.xml"));
        for (Map.Entry<String, Url> e : urls.entrySet()) {
            String path = e.getKey().substring("https://press.example.org/".length());
            Document html = Jsoup.parse(site.file(path + "index.html"));
            Map<String, String> head = new TreeMap<>();
            for (Element l : html.select("head link[rel=alternate][hreflang]")) {
                head.put(l.attr("hreflang"), l.attr("href"));
            }
            assertEquals(head, new TreeMap<>(e.getValue().alternates()), path);
            assertEquals(e.getKey(), html.selectFirst("link[rel=canonical]").attr("href"));
        }
    }

    @Test
    void robotsPointsAtTheSitemapUnderTheBaseUrl(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE).build("--base-url", "https://example.net/press/")
                .thenSucceeds();
        site.assertFile("robots.txt", """
                User-agent: *
                Sitemap: https://example.net/press/sitemap.xml
                ! Disallow: /
                """);
        assertTrue(read(site.file("sitemap.xml")).containsKey("https://example.net/press/en/"));
    }

    @Test
    void theSameInputGivesByteIdenticalFeedsAndSitemaps(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE).build().thenSucceeds();
        List<String> files = List.of("sitemap.xml", "robots.txt", "_redirects", "ko/feed.xml",
                "en/topics/korea-us/feed.xml", "ko/releases/2013-09-27-yun-kerry-meeting/index.html");
        Map<String, String> first = new LinkedHashMap<>();
        files.forEach(f -> first.put(f, site.file(f)));
        site.build().thenSucceeds();
        files.forEach(f -> assertEquals(first.get(f), site.file(f), f));
    }
}
