package org.pressroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;
import org.pressroom.testing.SiteFixture;

/** The index files a build writes under /{lang}/search/, and the search page around them. */
class SearchIndexTest {
    @TempDir
    Path dir;

    @Test
    void blanksAreTheSixAsciiWhiteSpaceCharacters() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            boolean expected = " \t\n\u000B\f\r".indexOf(c) >= 0;
            assertEquals(expected, SearchIndex.Plain.blank((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(SiteFixture site, String path) {
        return new Json().toType(site.file(path), Json.MAP_TYPE);
    }

    @Test
    void writesAManifestWithYearsTopicsAndTypesPerLanguage() {
        SiteFixture site = SearchSite.built(dir);
        Map<String, Object> ko = json(site, "ko/search/index.json");
        assertEquals(5L, ko.get("count"), "published Korean releases; the draft is left out");
        assertEquals(Map.of("2013", List.of(0L, 0L), "2014", List.of(1L, 1L), "2015", List.of(2L, 2L), "2016",
                List.of(3L, 4L)), ko.get("years"));
        assertEquals(List.of("climate-change", "north-korea", "united-nations"),
                List.copyOf(((Map<String, Object>) ko.get("topics")).keySet()).stream().sorted().toList());
        assertEquals(4L, json(site, "en/search/index.json").get("count"), "a release without English is not in it");
        assertEquals(2L, ko.get("version"), "version 2: documents in files of docsPerFile");
        assertEquals((long) SearchIndex.DOCS_PER_FILE, ko.get("docsPerFile"));
        assertTrue(site.exists("ko/search/d/1.json"), "five documents: the fifth is in the second file of four");
        assertFalse(site.exists("ko/search/d/2.json"));
        assertFalse(site.exists("en/search/d/1.json"), "four English documents fill one file");
    }

    @Test
    void keepsDocumentsInFilesOfFourInNumberOrder() {
        SiteFixture site = SearchSite.built(dir);
        List<Object> ids = new java.util.ArrayList<>();
        for (int k = 0; k < 2; k++) {
            List<Map<String, Object>> file = documentFile(site, "ko/search/d/" + k + ".json");
            assertEquals(k == 0 ? 4 : 1, file.size(), "file " + k);
            file.forEach(d -> ids.add(d.get("id")));
        }
        assertEquals(List.of("2013-02-12-third-nuclear-test", "2014-03-10-security-council-resolution",
                "2015-06-01-climate-cooperation", "2016-01-06-fourth-nuclear-test", "2016-08-01-green-partnership"), ids,
                "document n is item n % 4 of file n / 4, oldest first");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documentFile(SiteFixture site, String path) {
        return (List<Map<String, Object>>) (List<?>) new Json().toType(site.file(path), List.class);
    }

    /** Document {@code n} of a language, found as search.js finds it. */
    private static Map<String, Object> document(SiteFixture site, String lang, int n) {
        long per = (Long) json(site, lang + "/search/index.json").get("docsPerFile");
        return documentFile(site, lang + "/search/d/" + (n / per) + ".json").get((int) (n % per));
    }

    @Test
    void numbersDocumentsOldestFirstWithWhatAResultShows() {
        SiteFixture site = SearchSite.built(dir);
        Map<String, Object> first = document(site, "ko", 0);
        assertEquals("2013-02-12-third-nuclear-test", first.get("id"));
        assertEquals("북한의 제3차 핵실험에 대한 정부 성명", first.get("title"));
        assertEquals("2013-02-12", first.get("date"));
        assertEquals("2013년 2월 12일 (화)", first.get("dateText"), "the date as the theme writes it");
        assertEquals("statement", first.get("type"));
        assertEquals("성명", first.get("typeLabel"));
        assertEquals(List.of("north-korea"), first.get("topics"));
        assertEquals("13-089", first.get("number"));
        assertEquals("정부는 한반도비핵화 원칙을 다시 확인한다. 국제사회는 단호히 대응할 것이다.", first.get("text"));
        assertEquals("2016-08-01-green-partnership", document(site, "ko", 4).get("id"));
    }

    @Test
    void findsTokensInTheShardTheManifestPointsTo() {
        SiteFixture site = SearchSite.built(dir);
        Map<String, List<Integer>> docs = new TreeMap<>();
        for (String token : List.of("북한", "비핵", "핵화", "un", "안보", "13")) {
            docs.put(token, postings(site, "ko", token));
        }
        assertEquals(List.of(0, 1, 3), docs.get("북한"), "북한의, 북한은 and 북한 all give the bigram");
        assertEquals(List.of(0, 3), docs.get("비핵"));
        assertEquals(List.of(0, 3), docs.get("핵화"));
        assertEquals(List.of(1), docs.get("un"));
        assertEquals(List.of(1), docs.get("안보"));
        assertEquals(List.of(0), docs.get("13"), "the release number is searchable");
    }

    /** All documents with {@code token}, looked up the way search.js does. */
    @SuppressWarnings("unchecked")
    private static List<Integer> postings(SiteFixture site, String lang, String token) {
        Map<String, Object> manifest = json(site, lang + "/search/index.json");
        List<List<String>> shards = (List<List<String>>) manifest.get("shards");
        String file = null;
        for (List<String> s : shards) {
            if (s.get(0).compareTo(token) <= 0) {
                file = s.get(1);
            }
        }
        Map<String, Object> shard = json(site, lang + "/search/s/" + file + ".json");
        List<String> lists = (List<String>) shard.get(token);
        if (lists == null) {
            return List.of();
        }
        TreeMap<Integer, Boolean> all = new TreeMap<>();
        Postings.decode(lists.get(0)).forEach(n -> all.put(n, true));
        Postings.decode(lists.get(1)).forEach(n -> all.put(n, false));
        return List.copyOf(all.keySet());
    }

    @Test
    void escapesMarkupInTheIndexFiles() {
        SiteFixture site = SearchSite.built(dir);
        String doc = site.file("ko/search/d/1.json");
        assertTrue(doc.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), doc);
        assertFalse(doc.contains("<"), doc);
    }

    @Test
    void writesByteIdenticalIndexFilesOnEveryBuild() throws IOException {
        SiteFixture site = SearchSite.built(dir);
        Map<String, String> first = searchFiles(site.site());
        site.build("--now", "2020-01-01").thenSucceeds();
        assertEquals(first, searchFiles(site.site()));
        assertTrue(first.size() > 10, "index files: " + first.keySet());
    }

    private static Map<String, String> searchFiles(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString();
                if (rel.contains("/search/")) {
                    files.put(rel, Files.readString(p));
                }
            }
        }
        return files;
    }

    @Test
    void rendersASearchPageWithFiltersAndALinkToBrowseWithoutJavaScript() {
        SearchSite.built(dir).assertFile("ko/search/index.html", """
                <title>보도자료 검색 | 외교부 보도자료</title>
                <form id="search-form" class="search-form" role="search" action="/ko/search/" method="get"
                data-index="/ko/search/index.json"
                <input id="search-q" name="q" type="search"
                <option value="north-korea">북한·북핵</option>
                <option value="statement">성명</option>
                <option value="2016">2016년</option>
                <noscript>
                <li><a href="/ko/topics/">주제별 보도자료</a></li>
                <li><a href="/ko/archive/">연도별 보도자료</a></li>
                role="status" aria-live="polite"
                <script src="/assets/search.js" defer></script>
                ! id="site-search"
                """).assertFile("en/search/index.html", """
                <option value="north-korea">North Korea</option>
                data-count="{n} results"
                """).assertFile("ko/index.html", """
                action="/ko/search/"
                ! search.js
                """);
    }

    @Test
    void makesThePlainTextOfABodyAsSearchKeepsIt() {
        assertEquals("첫 문단. 둘째 문단.", SearchIndex.plain("<p>첫 문단.</p>\n<p>둘째 문단.</p>\n"));
        assertEquals("abc d", SearchIndex.plain("<p>a<em>b</em>c<br />d</p>"), "inline tags join, block tags separate");
        assertEquals("하나 둘 1", SearchIndex.plain("<ol>\n<li>하나</li>\n<li>둘<sup>1</sup></li>\n</ol>"));
        assertEquals("R&D <tag> \"q\" 'a'", SearchIndex.plain("<p>R&amp;D &lt;tag&gt; &quot;q&quot; &apos;a&apos;</p>"));
        assertEquals("한국 A B", SearchIndex.plain("<p>&#54620;&#xAD6D; &#X41;&nbsp;&nbsp;B</p>"));
        assertEquals("&copy; &amp", SearchIndex.plain("<p>&#000000065; &#x110000; &copy; &amp</p>"),
                "over-long and invalid references are dropped; other entities stay text");
        assertEquals("a < b", SearchIndex.plain("<p>a < b</p>"), "a < that opens no tag is text");
        assertEquals("a b c", SearchIndex.plain("<P CLASS=x>a</P><Pre>b</Pre><pq>c</pq>"));
        assertEquals("앞뒤 공백", SearchIndex.plain("\u3000<p> \t 앞뒤 공백 </p>\u3000"));
    }

    /** The start of the plain text, made only as far as needed, is the plain text cut. */
    @Property(tries = 300)
    void cutsThePlainTextAsAWholeTextWouldBeCut(@ForAll("bodies") String html, @ForAll @IntRange(min = 1, max = 40) int codePoints) {
        String plain = SearchIndex.plain(html);
        String cut = plain.codePointCount(0, plain.length()) <= codePoints ? plain
                : plain.substring(0, plain.offsetByCodePoints(0, codePoints));
        assertEquals(cut, SearchIndex.plainStart(html, codePoints), html);
    }

    @Test
    void cutsThePlainTextWhereBlanksOutlastTheFirstPart() {
        assertEquals("ab", SearchIndex.plainStart("<p>ab" + "\u3000".repeat(300) + "</p>", 3), "trailing blanks are stripped");
        assertEquals("abc", SearchIndex.plainStart("<p>" + "\u3000".repeat(300) + "abcdef</p>", 3), "leading blanks too");
        assertEquals("ab\u3000\u3000", SearchIndex.plainStart("<p>ab" + "\u3000".repeat(300) + "c</p>", 4));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> piece = Arbitraries.of("<p>", "</p>", "한국어 ", "word", " ", "\n", "\u3000", "\u3000\u3000\u3000", "&nbsp;",
                "&amp;", "&#x1F1F0;", "\uD83C\uDDF0", "<br />", "<em>", "</em>", "<", ">", "x", "가나다라마바사아자차카타파하");
        return piece.list().ofMaxSize(120).map(l -> String.join("", l));
    }
}
