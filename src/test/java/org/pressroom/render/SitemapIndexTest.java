package org.pressroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.pressroom.archive.Archive;
import org.pressroom.content.ConfigParser;
import org.pressroom.content.Language;
import org.pressroom.content.Release;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Translation;
import org.pressroom.content.TranslationStatus;
import org.pressroom.plan.Page;
import org.pressroom.plan.Plan;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Above the sitemap limit, sitemap.xml becomes an index of numbered sitemaps that share the pages. */
class SitemapIndexTest {
    static Archive archive(int releases) {
        SiteConfig site = new SiteConfig(URI.create("https://press.example.org/"), "ko",
                List.of(new Language("ko", "보도자료", Locale.forLanguageTag("ko-KR"))), ZoneId.of("Asia/Seoul"), 20,
                ConfigParser.DEFAULT_TYPES, SiteConfig.DEFAULT_MAX_FILE_SIZE, false, Map.of());
        List<Release> list = new ArrayList<>();
        for (int i = 1; i <= releases; i++) {
            String id = String.format("2013-09-%02d-note", i);
            Translation t = new Translation("ko", "content/releases/2013/" + id + ".ko.md", "공지 " + i, null,
                    TranslationStatus.ORIGINAL, "", List.of(), List.of(), List.of(), "<p>본문</p>");
            list.add(new Release(id, LocalDate.of(2013, 9, i).atStartOfDay(site.timeZone()), false, "press-release",
                    List.of(), null, false, Optional.empty(), List.of(), Map.of("ko", t)));
        }
        return Archive.assemble(site, Map.of(), list, false, Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void splitsThePagesIntoNumberedSitemapsUnderAnIndex() throws Exception {
        Plan plan = Plan.of(archive(5), 4);
        List<Page> html = plan.pages().stream().filter(Plan::inSitemap).toList();
        assertEquals(12, html.size(), "root, home, 5 releases, topics, years, a year, a month and search");
        List<Page.Sitemap> parts = plan.pages().stream().filter(p -> p instanceof Page.Sitemap)
                .map(p -> (Page.Sitemap) p).toList();
        assertEquals(List.of("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"),
                parts.stream().map(Page::path).toList());
        assertEquals(html, parts.stream().flatMap(p -> p.pages().stream()).toList(), "each page in one part, in order");
        Page.SitemapIndex index = (Page.SitemapIndex) plan.page("sitemap.xml").orElseThrow();

        SiteFiles files = new SiteFiles(plan, null);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder()
                .parse(new InputSource(new StringReader(files.render(index))));
        assertEquals("sitemapindex", doc.getDocumentElement().getLocalName());
        NodeList locs = doc.getElementsByTagNameNS(SitemapTest.SITEMAP, "loc");
        assertEquals(3, locs.getLength());
        assertEquals("https://press.example.org/sitemap-2.xml", locs.item(1).getTextContent());
        assertEquals("2013-09-05T00:00:00+09:00",
                doc.getElementsByTagNameNS(SitemapTest.SITEMAP, "lastmod").item(0).getTextContent());
        assertEquals(4, SitemapTest.read(files.render(parts.get(0))).size());
        assertEquals(4, SitemapTest.read(files.render(parts.get(2))).size());
        assertTrue(SitemapTest.read(files.render(parts.get(2))).values().stream()
                .allMatch(u -> u.alternates().containsKey("x-default")));
    }

    @Test
    void keepsOneSitemapUpToTheLimit() {
        Plan plan = Plan.of(archive(5), 12);
        assertTrue(plan.page("sitemap.xml").orElseThrow() instanceof Page.Sitemap s && s.pages().size() == 12);
        assertTrue(plan.page("sitemap-1.xml").isEmpty());
    }
}
