package org.pressroom.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Language of parts (WCAG 3.1.2) and machine-readable dates, over every HTML page of the sample
 * archive: text in the other language carries {@code lang}; dates shown are {@code <time datetime>}.
 */
class LanguageOfPartsTest {
    static final Pattern HANGUL = Pattern.compile("[\\p{IsHangul}]");
    static final Pattern KO_DATE = Pattern.compile("\\d{4}년 \\d{1,2}월( \\d{1,2}일)?");
    static final Pattern EN_DATE = Pattern.compile("(January|February|March|April|May|June|July|August|September"
            + "|October|November|December) (\\d{1,2}, )?\\d{4}");

    @TempDir
    static Path dir;
    static Path site;
    static List<Document> pages;

    @BeforeAll
    static void buildSampleArchive() throws IOException {
        site = SampleSite.build(dir.resolve("site"));
        pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                pages.add(Jsoup.parse(f.toFile(), "UTF-8", "https://press.example.org/" + site.relativize(f)));
            }
        }
        assertTrue(pages.size() > 100, "the sample archive has its pages");
    }

    /** The language a node is in: its nearest {@code lang} attribute. */
    static String langOf(Node n) {
        for (Node e = n; e != null; e = e.parent()) {
            if (e instanceof Element el && el.hasAttr("lang")) {
                return el.attr("lang");
            }
        }
        return "";
    }

    static boolean inside(Node n, String tag) {
        for (Node e = n.parent(); e != null; e = e.parent()) {
            if (e instanceof Element el && el.tagName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    static List<TextNode> texts(Document d) {
        List<TextNode> out = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank() && !inside(t, "script") && !inside(t, "style")) {
                out.add(t);
            }
        }, d.body());
        return out;
    }

    @Test
    void hangulOnEnglishPagesIsMarkedKorean() {
        List<String> unmarked = new ArrayList<>();
        int checked = 0;
        for (Document d : pages) {
            if (!d.select("html").attr("lang").equals("en")) {
                continue;
            }
            for (TextNode t : texts(d)) {
                if (HANGUL.matcher(t.text()).find()) {
                    checked++;
                    if (!langOf(t).equals("ko")) {
                        unmarked.add(d.location() + ": " + t.parent().outerHtml());
                    }
                }
            }
        }
        assertTrue(checked > 0, "English pages show some Korean (the language switch at least)");
        assertEquals(List.of(), unmarked, () -> "Korean text without lang=\"ko\":\n" + String.join("\n", unmarked));
    }

    @Test
    void theOtherLanguagesNamesAndLinksAreMarkedWithTheirLanguage() {
        for (Document d : pages) {
            String page = d.select("html").attr("lang");
            for (Element a : d.select(".language-switch a")) {
                assertEquals(a.attr("hreflang"), langOf(a.textNodes().get(0)), d.location() + ": " + a.outerHtml());
                assertTrue(!a.attr("hreflang").equals(page), d.location() + ": the switch offers the page's own language");
            }
            for (Element a : d.select(".release-versions a[hreflang]")) {
                Element title = a.selectFirst("[lang]");
                assertTrue(title != null && title.attr("lang").equals(a.attr("hreflang")), d.location() + ": "
                        + a.outerHtml());
            }
        }
        Document root = pages.stream().filter(d -> d.location().endsWith("/index.html") && d.location()
                .equals("https://press.example.org/index.html")).findFirst().orElseThrow();
        assertEquals("ko", root.select("html").attr("lang"));
        assertEquals(List.of("en"), root.select(".chooser-list li[lang]").eachAttr("lang"));
        assertEquals("en", root.selectFirst("h1 [lang]").attr("lang"));
    }

    @Test
    void datesShownOutsideReleaseTextAreTimeElementsWithMachineReadableValues() {
        List<String> bare = new ArrayList<>();
        int times = 0;
        for (Document d : pages) {
            Pattern date = d.select("html").attr("lang").equals("en") ? EN_DATE : KO_DATE;
            for (TextNode t : texts(d)) {
                if (inside(t, "time") || t.parent().closest(".release-body, .item-summary, .release-updates li") != null) {
                    continue;
                }
                if (date.matcher(t.text()).find()) {
                    bare.add(d.location() + ": " + t.parent().outerHtml());
                }
            }
            for (Element time : d.select("time")) {
                times++;
                String v = time.attr("datetime");
                assertTrue(valid(v), d.location() + ": " + time.outerHtml());
            }
        }
        int shown = times;
        assertTrue(shown > 300, () -> "the archive shows many dates, found " + shown);
        assertEquals(List.of(), bare, () -> "dates not in <time datetime>:\n" + String.join("\n", bare));
    }

    static boolean valid(String v) {
        try {
            if (v.matches("\\d{4}")) {
                return true;
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                YearMonth.parse(v);
                return true;
            }
            if (v.length() == 10) {
                LocalDate.parse(v);
                return true;
            }
            OffsetDateTime.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
