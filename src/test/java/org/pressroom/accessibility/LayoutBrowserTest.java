package org.pressroom.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.pressroom.accessibility.SampleSite.SamplePage;
import org.pressroom.testing.Browser;
import org.pressroom.testing.StaticServer;

/**
 * Every kind of page at a phone's width (375 px: nothing scrolls sideways) and a desktop's (1280 px:
 * the header holds one row, the text column is bounded); a full-page screenshot of each is saved under
 * {@code target/screenshots/} for review. Also the print stylesheet.
 */
class LayoutBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
        Files.createDirectories(SCREENSHOTS);
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

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static long number(String script, Object... args) {
        return ((Number) js(script, args)).longValue();
    }

    /** Sets the viewport (not the window) to {@code width} CSS pixels, as a phone or desktop has it. */
    static void viewport(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    static void visit(SamplePage p) {
        driver.get(server.url() + p.path().substring(1));
        SampleSite.settle(driver);
    }

    /** Saves a full-page screenshot, the whole height of the document. */
    static void screenshot(String name) throws Exception {
        long height = number("return document.documentElement.scrollHeight");
        long width = number("return document.documentElement.clientWidth");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height",
                        Math.min(height, 8000), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** The elements that stick out to the right of the viewport, for failure messages. */
    static String tooWide() {
        return (String) js("return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
                + ".slice(0, 5).map(e => e.outerHTML.slice(0, 160)).join('\\n')");
    }

    @TestFactory
    Stream<DynamicNode> atPhoneWidthNothingScrollsSidewaysAndAxeStillFindsNoViolation() {
        List<SamplePage> pages = SampleSite.pages(site);
        return Stream.of(DynamicContainer.dynamicContainer("375 px", pages.stream().map(p -> DynamicTest.dynamicTest(
                p.toString(), () -> {
                    viewport(375);
                    visit(p);
                    assertEquals(375, number("return window.innerWidth"), "viewport width");
                    screenshot(p.name() + "-375");
                    long scroll = number("return document.documentElement.scrollWidth");
                    assertTrue(scroll <= 375, () -> p + " scrolls sideways at 375 px (scrollWidth " + scroll
                            + "); too wide:\n" + tooWide());
                    Results results = new AxeBuilder().withTags(AccessibilityBrowserTest.WCAG_TAGS).analyze(driver);
                    assertTrue(results.getViolations().isEmpty(), () -> p + " at 375 px: axe-core finds:\n"
                            + AccessibilityBrowserTest.describe(results.getViolations()));
                }))));
    }

    /** WCAG 1.4.10 Reflow: 320 CSS px (1280 px zoomed to 400 %) needs no horizontal scrolling. */
    @TestFactory
    Stream<DynamicNode> atReflowWidthNothingScrollsSideways() {
        List<SamplePage> pages = SampleSite.pages(site);
        return Stream.of(DynamicContainer.dynamicContainer("320 px", pages.stream().map(p -> DynamicTest.dynamicTest(
                p.toString(), () -> {
                    viewport(320);
                    visit(p);
                    long scroll = number("return document.documentElement.scrollWidth");
                    assertTrue(scroll <= 320, () -> p + " scrolls sideways at 320 px (scrollWidth " + scroll
                            + "); too wide:\n" + tooWide());
                }))));
    }

    @Test
    void anUnknownAddressShowsTheStyledNotFoundPageInBothLanguages() {
        viewport(1280);
        driver.get(server.url() + "ko/releases/no-such-release/");
        assertEquals(List.of("ko", "en"), List.of(js("return document.documentElement.lang"),
                js("return document.querySelector('.not-found[lang]').lang")));
        assertEquals("rgb(11, 45, 91)", js("return getComputedStyle(document.querySelector('.header-bar')).backgroundColor"),
                "the stylesheet loads at any depth");
        for (String lang : List.of("ko", "en")) {
            List<String> links = driver.findElements(By.cssSelector(".not-found:nth-of-type(" + (lang.equals("ko") ? 1 : 2)
                    + ") a")).stream().map(a -> URI.create(a.getAttribute("href")).getPath()).toList();
            assertEquals("/" + lang + "/", links.get(0), "each language's part leads first to its home");
            assertTrue(links.stream().allMatch(l -> l.startsWith("/" + lang + "/")), links::toString);
        }
    }

    @TestFactory
    Stream<DynamicNode> atDesktopWidthTheLayoutHolds() {
        List<SamplePage> pages = SampleSite.pages(site);
        return Stream.of(DynamicContainer.dynamicContainer("1280 px", pages.stream().map(p -> DynamicTest.dynamicTest(
                p.toString(), () -> {
                    viewport(1280);
                    visit(p);
                    screenshot(p.name() + "-1280");
                    assertTrue(number("return document.documentElement.scrollWidth") <= 1280, "no sideways scroll");
                    // The content column is centred and bounded, not stretched across the screen.
                    long left = number("return Math.round(document.querySelector('main .wrap').getBoundingClientRect().left)");
                    long right = number("return Math.round(document.querySelector('main .wrap').getBoundingClientRect().right)");
                    assertTrue(left > 40 && Math.abs((1280 - right) - left) <= 2, () -> p + ": main column at " + left
                            + ".." + right);
                    if (!p.kind().equals("root")) {
                        // Menu and search box share one row of the header bar.
                        long rows = number("return new Set([...document.querySelectorAll('.main-menu li, .search-box')]"
                                + ".map(e => Math.round(e.getBoundingClientRect().top / 20))).size");
                        assertEquals(1, rows, () -> p + ": the menu and search box wrap onto " + rows + " rows");
                    }
                    if (p.kind().equals("home")) {
                        long latestRight = number("return document.querySelector('.home-latest').getBoundingClientRect().right");
                        long sideLeft = number("return document.querySelector('.home-side').getBoundingClientRect().left");
                        assertTrue(sideLeft > latestRight, "the home page's side column stands beside the latest releases");
                    }
                }))));
    }

    @Test
    void printingAReleaseHidesNavigationAndShowsItsIdDateLanguageAndCanonicalUrl() throws Exception {
        viewport(1280);
        SamplePage p = SampleSite.pages(site).stream().filter(x -> x.name().equals("release-en")).findFirst().orElseThrow();
        visit(p);
        assertEquals("none", js("return getComputedStyle(document.querySelector('.print-only')).display"),
                "the print block is hidden on screen");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String hidden : List.of(".site-header nav", ".main-menu", ".language-switch", ".search-box", ".skip-link",
                    ".site-footer", ".release-versions")) {
                assertEquals(0L, number("return [...document.querySelectorAll(arguments[0])]"
                        + ".filter(e => e.getClientRects().length > 0).length", hidden), hidden + " is printed");
            }
            String printed = (String) js("return document.querySelector('.print-only').innerText");
            assertTrue(printed.contains("2015-06-01-korea-china-fta-signing"), printed);
            assertTrue(printed.contains("English"), printed);
            assertTrue(printed.contains("https://press.example.org/en/releases/2015-06-01-korea-china-fta-signing/"),
                    printed);
            String date = (String) js("return document.querySelector('.release-meta time').innerText");
            assertEquals("June 1, 2015", date);
            assertTrue(((Boolean) js("return document.querySelector('.release-meta time').getClientRects().length > 0")),
                    "the date is printed");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        // The printed page itself, for review.
        Pdf pdf = driver.print(new PrintOptions());
        Files.write(SCREENSHOTS.resolve(p.name() + "-print.pdf"), Base64.getDecoder().decode(pdf.getContent()));
    }
}
