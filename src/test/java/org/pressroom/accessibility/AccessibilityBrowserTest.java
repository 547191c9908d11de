package org.pressroom.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pressroom.accessibility.SampleSite.SamplePage;
import org.pressroom.testing.Browser;
import org.pressroom.testing.StaticServer;

/**
 * Every kind of page of the sample archive, in Korean and English, in headless Chromium: axe-core
 * finds no WCAG 2.1 A/AA violation, the keyboard reaches the skip link first and it leads into main,
 * focus is visible, and the language switch lands on the exact counterpart.
 */
class AccessibilityBrowserTest {
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Map<String, String> SKIP_LABEL = Map.of("ko", "본문 바로가기", "en", "Skip to main content");

    @TempDir
    static Path dir;
    static Path site;
    static StaticServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void serveSampleArchiveInABrowser() throws Exception {
        site = SampleSite.build(dir.resolve("site"));
        server = StaticServer.serve(site);
        driver = Browser.open(1280, 900);
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static void visit(SamplePage p) {
        driver.get(server.url() + p.path().substring(1));
        SampleSite.settle(driver);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void runsTheAxeScriptShippedInsideItsMavenJar() {
        URL script = AxeBuilder.class.getResource("/axe.min.js");
        assertNotNull(script, "axe.min.js must come with com.deque.html.axe-core:selenium");
        assertTrue(script.toString().startsWith("jar:") && script.toString().contains("selenium-4.10.1.jar"),
                script::toString);
    }

    @TestFactory
    Stream<DynamicTest> axeFindsNoWcag21AaViolationOnAnyPageKind() {
        return SampleSite.pages(site).stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            visit(p);
            Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
            assertTrue(results.getErrorMessage() == null, () -> "axe failed on " + p + ": " + results.getErrorMessage());
            assertTrue(results.getPasses().size() > 10, () -> "axe ran too few checks on " + p);
            List<Rule> violations = results.getViolations();
            assertTrue(violations.isEmpty(), () -> p + ": axe-core finds " + violations.size() + " violation(s):\n"
                    + describe(violations));
        }));
    }

    static String describe(List<Rule> violations) {
        StringBuilder b = new StringBuilder();
        for (Rule r : violations) {
            b.append("- ").append(r.getId()).append(" (").append(r.getImpact()).append("): ").append(r.getHelp())
                    .append('\n');
            for (CheckedNode n : r.getNodes()) {
                b.append("    at ").append(n.getTarget()).append(": ").append(n.getHtml()).append('\n');
                if (n.getFailureSummary() != null) {
                    b.append("      ").append(n.getFailureSummary().replace("\n", "\n      ")).append('\n');
                }
            }
        }
        return b.toString();
    }

    @TestFactory
    Stream<DynamicTest> firstTabFocusesTheSkipLinkInThePageLanguageAndItLeadsIntoMain() {
        return SampleSite.pages(site).stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            visit(p);
            assertEquals(p.lang(), js("return document.documentElement.lang"), "html lang");
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            assertEquals("skip-link", focused.getAttribute("class"), () -> p + ": first Tab focused "
                    + focused.getAttribute("outerHTML"));
            assertEquals(SKIP_LABEL.get(p.lang()), focused.getText(), "skip link label");
            assertTrue(focused.isDisplayed() && focused.getRect().getY() >= 0, "the focused skip link is on screen");
            focused.sendKeys(Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(
                    js("return document.activeElement.closest('main') !== null")));
            assertTrue(URI.create(driver.getCurrentUrl()).getFragment().equals("main"), driver::getCurrentUrl);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFocusedControlShowsAVisibleFocusIndicator() {
        return SampleSite.pages(site).stream().filter(p -> List.of("home-ko", "release-en", "topic-page2-ko", "404-ko",
                "root-ko").contains(p.name())).map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            visit(p);
            for (int i = 0; i < 12; i++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
                WebElement focused = driver.switchTo().activeElement();
                if (focused.getTagName().equals("body")) {
                    break;
                }
                String style = (String) js("const s = getComputedStyle(arguments[0]);"
                        + "return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow;", focused);
                assertTrue(!style.startsWith("none") && !style.contains(" 0px none"),
                        () -> p + ": no visible focus on " + focused.getAttribute("outerHTML") + " (" + style + ")");
                if (i == 2) {
                    // A focused link, for review of the focus style.
                    Files.createDirectories(LayoutBrowserTest.SCREENSHOTS);
                    Files.write(LayoutBrowserTest.SCREENSHOTS.resolve("focus-" + p.name() + ".png"),
                            driver.getScreenshotAs(OutputType.BYTES));
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> languageSwitchLandsOnTheExactCounterpart() {
        return SampleSite.pages(site).stream().filter(p -> p.switchesTo() != null)
                .map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
                    visit(p);
                    String other = p.lang().equals("ko") ? "en" : "ko";
                    WebElement link = driver.findElement(By.cssSelector(".language-switch a[hreflang='" + other + "']"));
                    assertEquals(other, link.getAttribute("lang"), "the switch label is marked with its language");
                    link.click();
                    new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                            d -> !URI.create(d.getCurrentUrl()).getPath().equals(p.urlPath()));
                    assertEquals(p.switchesTo(), URI.create(driver.getCurrentUrl()).getPath(), p::toString);
                    assertEquals(other, js("return document.documentElement.lang"));
                }));
    }

    @Test
    void rootChooserLeadsToEachLanguageHome() {
        SamplePage root = SampleSite.pages(site).get(0);
        visit(root);
        List<String> targets = driver.findElements(By.cssSelector(".chooser-list a")).stream()
                .map(a -> URI.create(a.getAttribute("href")).getPath()).collect(Collectors.toList());
        assertEquals(List.of("/ko/", "/en/"), targets);
        driver.findElement(By.cssSelector(".chooser-list a[hreflang='en']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/en/"));
        assertEquals("en", js("return document.documentElement.lang"));
    }
}
