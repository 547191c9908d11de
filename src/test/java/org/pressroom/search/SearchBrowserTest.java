package org.pressroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pressroom.testing.Browser;
import org.pressroom.testing.SiteFixture;
import org.pressroom.testing.StaticServer;

/**
 * The search page in headless Chromium: queries typed into a built site, results, filters, the URL and
 * Back, and the shared tokenizer vectors run through search.js itself.
 */
class SearchBrowserTest {
    private static Path dir;
    private static StaticServer server;
    private static ChromeDriver driver;

    private static final String FIRST = "북한의 제3차 핵실험에 대한 정부 성명";
    private static final String UN = "UN안보리 결의 채택 환영";
    private static final String CLIMATE = "기후변화 대응 협력 강화";
    private static final String FOURTH = "북한 제4차 핵실험 규탄 성명";
    private static final String GREEN = "녹색 동반자 관계 출범";

    @BeforeAll
    static void buildAndServe() throws Exception {
        dir = Files.createTempDirectory("pressroom-search");
        SiteFixture site = SearchSite.built(dir);
        driver = Browser.open(1280, 900);
        server = StaticServer.serve(site.site());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (driver != null) {
            driver.quit();
        }
        if (dir != null) {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void openSearchPage() {
        open("ko/search/");
    }

    private void open(String path) {
        driver.get(server.url() + path);
    }

    /** Types a query into the search page's box and presses Enter. */
    private void search(String query) {
        WebElement q = driver.findElement(By.id("search-q"));
        q.clear();
        q.sendKeys(query, Keys.ENTER);
    }

    /** Waits until the live region holds {@code status} for the URL's query {@code q}; returns the titles. */
    private List<String> results(String q, String status) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            Object ok = ((JavascriptExecutor) d).executeScript("var s = document.getElementById('search-status');"
                    + "return new URLSearchParams(location.search).get('q') === arguments[0]"
                    + " && s.getAttribute('aria-busy') === 'false' && s.textContent === arguments[1];", q, status);
            return Boolean.TRUE.equals(ok);
        });
        return driver.findElements(By.cssSelector("#search-list .item-title a")).stream().map(WebElement::getText)
                .toList();
    }

    @Test
    void searchJsGivesTheSharedTokenizerVectors() {
        @SuppressWarnings("unchecked")
        Map<String, Object> actual = (Map<String, Object>) driver.executeScript("""
                var v = JSON.parse(arguments[0]), S = window.PressroomSearch;
                return {
                  tokens: v.tokens.map(function (c) { return S.tokens(c.text); }),
                  terms: v.terms.map(function (c) { return S.terms(c.query).map(function (t) {
                    return { text: t.text, prefix: t.prefix, grams: t.grams }; }); }),
                  postings: v.postings.map(function (c) { return S.decode(c.text); })
                };""", Vectors.text());
        List<?> tokens = (List<?>) actual.get("tokens");
        List<Map<String, Object>> tokenCases = Vectors.section("tokens");
        for (int i = 0; i < tokenCases.size(); i++) {
            assertEquals(tokenCases.get(i).get("tokens"), tokens.get(i), "tokens of " + tokenCases.get(i).get("text"));
        }
        List<?> terms = (List<?>) actual.get("terms");
        List<Map<String, Object>> termCases = Vectors.section("terms");
        for (int i = 0; i < termCases.size(); i++) {
            assertEquals(termCases.get(i).get("terms"), terms.get(i), "terms of " + termCases.get(i).get("query"));
        }
        List<?> postings = (List<?>) actual.get("postings");
        List<Map<String, Object>> postingCases = Vectors.section("postings");
        for (int i = 0; i < postingCases.size(); i++) {
            assertEquals(postingCases.get(i).get("numbers"), postings.get(i), "decoding " + postingCases.get(i));
        }
    }

    @Test
    void loadsAtMostSevenShardsPerQueryGivingEachTermItsFirstGramFirst() {
        @SuppressWarnings("unchecked")
        Map<String, Object> plan = (Map<String, Object>) driver.executeScript("""
                var S = window.PressroomSearch, ix = new S.Index('/none/index.json');
                var list = S.terms('가나다라마바사아자차카 nucl');
                var keys = [''].concat(list[0].grams, ['nucl']).sort();
                ix.manifest = { count: 0, shards: keys.map(function (k) { return [k, 'x']; }) };
                var plan = ix.plan(list), shards = {};
                plan.forEach(function (p) { p.forEach(function (r) { if (r) { shards[r[0]] = 1; shards[r[1]] = 1; } }); });
                var wide = new S.Index('/none/index.json');
                wide.manifest = { count: 0, shards: ['', 'nucl', 'nucla', 'nuclb', 'nuclc', 'nucld', 'nucle', 'nuclf',
                    'nuclg', 'nuclh', 'o'].map(function (k) { return [k, 'x']; }) };
                return {
                  korean: plan[0].filter(function (r) { return r !== null; }).length,
                  english: plan[1].filter(function (r) { return r !== null; }).length,
                  shards: Object.keys(shards).length,
                  wide: wide.plan(S.terms('nucl'))[0][0],
                  narrow: wide.plan(S.terms('nucla'))[0][0]
                };""");
        assertEquals(6L, plan.get("korean"), "six of the ten bigrams of the long word");
        assertEquals(1L, plan.get("english"), "the English term keeps its gram");
        assertEquals(7L, plan.get("shards"));
        assertEquals(List.of(1L, 1L), plan.get("wide"), "a prefix spanning nine shards is looked up exactly");
        assertEquals(List.of(2L, 2L), plan.get("narrow"));
    }

    @Test
    void findsKoreanWordsFollowedByParticlesTitleMatchesFirst() {
        search("북한");
        assertEquals(List.of(FOURTH, FIRST, UN), results("북한", "검색 결과 3건"),
                "북한 in titles (newest first: 북한, 북한의), then 북한은 in a body");
    }

    @Test
    void findsAKoreanCompoundInsideALongerWordAndMarksIt() {
        search("비핵화");
        assertEquals(List.of(FOURTH, FIRST), results("비핵화", "검색 결과 2건"));
        List<String> marks = driver.findElements(By.cssSelector("#search-list .item-summary mark")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("비핵화", "비핵화"), marks, "한반도비핵화 and 비핵화 both highlighted in the snippets");
    }

    @Test
    void splitsLatinFromHangulInAQuery() {
        search("UN안보리");
        assertEquals(List.of(UN), results("UN안보리", "검색 결과 1건"));
        assertEquals("UN안보리", driver.findElement(By.cssSelector("#search-list .item-title mark")).getText());
    }

    @Test
    void matchesEnglishWordsByPrefix() {
        open("en/search/?q=nucl");
        assertEquals(List.of("Statement Condemning North Korea's Fourth Nuclear Test",
                "Government Statement on North Korea's Third Nuclear Test"), results("nucl", "2 results"));
        assertEquals("Nuclear", driver.findElement(By.cssSelector("#search-list .item-title mark")).getText());
    }

    @Test
    void ranksTitleMatchesAboveNewerBodyMatches() {
        search("기후변화");
        assertEquals(List.of(CLIMATE, GREEN), results("기후변화", "검색 결과 2건"));
    }

    @Test
    void filtersByTopic() {
        driver.findElement(By.id("search-q")).sendKeys("북한");
        new Select(driver.findElement(By.id("search-topic"))).selectByValue("united-nations");
        driver.findElement(By.cssSelector(".search-submit")).click();
        assertEquals(List.of(UN), results("북한", "검색 결과 1건"));
        assertTrue(driver.getCurrentUrl().endsWith("?q=%EB%B6%81%ED%95%9C&topic=united-nations"), driver.getCurrentUrl());
    }

    @Test
    void filtersByType() {
        driver.findElement(By.id("search-q")).sendKeys("북한");
        new Select(driver.findElement(By.id("search-type"))).selectByValue("statement");
        driver.findElement(By.cssSelector(".search-submit")).click();
        assertEquals(List.of(FOURTH, FIRST), results("북한", "검색 결과 2건"));
    }

    @Test
    void filtersByYearFromASharedUrl() {
        open("ko/search/?q=%EB%B6%81%ED%95%9C&year=2016");
        assertEquals(List.of(FOURTH), results("북한", "검색 결과 1건"));
        assertEquals("2016", new Select(driver.findElement(By.id("search-year"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("북한", driver.findElement(By.id("search-q")).getAttribute("value"));
    }

    @Test
    void listsAFilterAloneNewestFirst() {
        open("ko/search/?topic=climate-change");
        assertEquals(List.of(GREEN, CLIMATE), results(null, "검색 결과 2건"));
    }

    @Test
    void saysClearlyWhenNothingMatches() {
        search("존재하지않는말");
        assertEquals(List.of(), results("존재하지않는말",
                "‘존재하지않는말’에 해당하는 보도자료가 없습니다. 다른 검색어를 쓰거나 필터를 해제해 보십시오."));
        assertTrue(!driver.findElement(By.id("search-results")).isDisplayed(), "no empty result list is shown");
    }

    @Test
    void goesBackToThePreviousSearch() {
        search("북한");
        results("북한", "검색 결과 3건");
        search("기후변화");
        assertEquals(List.of(CLIMATE, GREEN), results("기후변화", "검색 결과 2건"));
        driver.navigate().back();
        assertEquals(List.of(FOURTH, FIRST, UN), results("북한", "검색 결과 3건"));
        assertEquals("북한", driver.findElement(By.id("search-q")).getAttribute("value"));
        driver.navigate().forward();
        assertEquals(List.of(CLIMATE, GREEN), results("기후변화", "검색 결과 2건"));
    }

    @Test
    void searchesFromTheHeaderBoxOfAnyPage() {
        open("ko/");
        driver.findElement(By.id("site-search")).sendKeys("UN안보리", Keys.ENTER);
        assertEquals(List.of(UN), results("UN안보리", "검색 결과 1건"));
        assertTrue(driver.getCurrentUrl().contains("/ko/search/?q="), driver.getCurrentUrl());
    }

    @Test
    void showsContentTextAsTextNeverAsMarkup() {
        search("문의");
        assertEquals(List.of(GREEN), results("문의", "검색 결과 1건"));
        String snippet = driver.findElement(By.cssSelector("#search-list .item-summary")).getText();
        assertTrue(snippet.contains("<script>alert(1)</script>"), snippet);
        assertEquals(0, driver.findElements(By.cssSelector("#search-list script")).size());
    }

    @Test
    void letsTheKeyboardReachEveryResult() {
        search("북한");
        results("북한", "검색 결과 3건");
        WebElement link = driver.findElements(By.cssSelector("#search-list .item-title a")).get(0);
        String shownDate = driver.findElement(By.cssSelector("#search-list time")).getText();
        driver.findElement(By.cssSelector(".search-submit")).sendKeys(Keys.TAB);
        assertEquals(link, driver.switchTo().activeElement(), "Tab from the search button reaches the first result");
        link.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(
                "/ko/releases/2016-01-06-fourth-nuclear-test/"));
        assertEquals(FOURTH, driver.findElement(By.tagName("h1")).getText());
        assertEquals(driver.findElement(By.cssSelector(".release-meta time")).getText(), shownDate,
                "a result shows its date as the release page does");
    }

    @Test
    void treatsAQueryOfPunctuationOnlyAsMatchingNothing() {
        search("?!…");
        assertEquals(List.of(), results("?!…",
                "‘?!…’에 해당하는 보도자료가 없습니다. 다른 검색어를 쓰거나 필터를 해제해 보십시오."));
    }

    @Test
    void showsMoreResultsByKeyboardAndMovesTheFocusToThem() throws Exception {
        Path many = Files.createTempDirectory("pressroom-search-many");
        StringBuilder files = new StringBuilder(SearchSite.FILES.substring(0, SearchSite.FILES.indexOf("-- content/releases")));
        for (int i = 1; i <= 12; i++) {
            files.append(String.format("-- content/releases/2015/2015-03-%02d-note-%d.en.md --%n---%ntitle: Notice "
                    + "number %d on treaties%n---%nText.%n", i, i, i));
        }
        SiteFixture site = SiteFixture.given(many, files.toString()).build("--now", "2020-01-01").thenSucceeds();
        try (StaticServer other = StaticServer.serve(site.site())) {
            driver.get(other.url() + "en/search/?q=treat");
            List<String> first = results("treat", "12 results");
            assertEquals(10, first.size());
            assertEquals("Notice number 12 on treaties", first.get(0), "newest first");
            WebElement more = driver.findElement(By.id("search-more"));
            more.sendKeys(Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(
                    By.cssSelector("#search-list .item-title a")).size() == 12);
            assertEquals("Notice number 2 on treaties", driver.switchTo().activeElement().getText(),
                    "the focus moves to the first added result");
            assertTrue(!more.isDisplayed(), "no more button once all results are shown");
        } finally {
            try (var s = Files.walk(many)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
