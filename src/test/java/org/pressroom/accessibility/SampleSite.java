package org.pressroom.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pressroom.cli.Main;

/**
 * The repository's own sample archive ({@code content/} and {@code templates/}), built once into a
 * temporary folder, and one page of each kind in each language to check.
 */
final class SampleSite {
    /** The repository root: Maven runs tests from there. */
    static final Path REPO = Path.of("").toAbsolutePath();

    private SampleSite() {
    }

    /**
     * One page to check.
     *
     * @param kind         the page kind, for messages and screenshot names
     * @param lang         the language of the page ({@code <html lang>})
     * @param path         URL path, starting with {@code /}, perhaps with a query
     * @param switchesTo   where the language switch must land (URL path), or null when the page has none
     */
    record SamplePage(String kind, String lang, String path, String switchesTo) {
        String name() {
            return kind + "-" + lang;
        }

        /** The path without its query. */
        String urlPath() {
            int q = path.indexOf('?');
            return q < 0 ? path : path.substring(0, q);
        }

        @Override
        public String toString() {
            return name() + " " + path;
        }
    }

    /**
     * Waits, at most a few seconds, for a page's script to finish: until a live status region in
     * main says something (the search page announces its results so). Pages without one are ready.
     */
    static void settle(WebDriver driver) {
        String status = "const s = document.querySelector('main [role=status]');"
                + "return s === null || s.textContent.trim() !== '' && s.getAttribute('aria-busy') !== 'true';";
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript(status)));
        } catch (TimeoutException e) {
            // Checked as it is: the tests then see the page in the state a reader would.
        }
    }

    /** Builds the sample archive into {@code out} (which must not exist or be empty) and returns it. */
    static Path build(Path out) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = Main.run(new PrintWriter(o), new PrintWriter(e), "build", "--source", REPO.toString(),
                "--output", out.toString(), "--now", "2026-01-01T00:00:00+09:00");
        assertEquals(0, status, () -> "the sample archive must build:\n" + e);
        return out;
    }

    /** The pages to check, every kind in Korean and English; the search page once it exists. */
    static List<SamplePage> pages(Path site) {
        List<SamplePage> pages = new ArrayList<>();
        pages.add(new SamplePage("root", "ko", "/", null));
        for (String lang : List.of("ko", "en")) {
            String other = lang.equals("ko") ? "en" : "ko";
            pages.add(exact("home", lang, other, "/"));
            pages.add(exact("release", lang, other, "/releases/2015-06-01-korea-china-fta-signing/"));
            pages.add(exact("release-related", lang, other, "/releases/2016-09-09-north-korea-fifth-nuclear-test/"));
            pages.add(exact("topics", lang, other, "/topics/"));
            pages.add(exact("topic", lang, other, "/topics/north-korea/"));
            pages.add(exact("topic-page2", lang, other, "/topics/north-korea/page/2/"));
            pages.add(exact("archive", lang, other, "/archive/"));
            pages.add(exact("year", lang, other, "/archive/2015/"));
            pages.add(exact("month", lang, other, "/archive/2015/06/"));
            if (Files.exists(site.resolve(lang + "/search/index.html"))) {
                pages.add(exact("search", lang, other, "/search/"));
                String q = URLEncoder.encode(lang.equals("ko") ? "핵실험" : "nuclear test", StandardCharsets.UTF_8);
                pages.add(new SamplePage("search-results", lang, "/" + lang + "/search/?q=" + q, "/" + other + "/search/"));
            }
        }
        // Only Korean has these: their switches go to the nearest English page.
        pages.add(new SamplePage("release-untranslated", "ko", "/ko/releases/2015-05-09-slbm-launch/", "/en/"));
        pages.add(new SamplePage("year-page2", "ko", "/ko/archive/2015/page/2/", "/en/archive/2015/"));
        pages.add(new SamplePage("month-untranslated", "ko", "/ko/archive/2015/05/", "/en/archive/2015/"));
        pages.add(new SamplePage("404", "ko", "/404.html", null));
        for (SamplePage p : pages) {
            if (!Files.isRegularFile(file(site, p))) {
                throw new IllegalStateException("the sample archive has no page " + p + " (" + file(site, p) + ")");
            }
        }
        return List.copyOf(pages);
    }

    private static SamplePage exact(String kind, String lang, String other, String rest) {
        return new SamplePage(kind, lang, "/" + lang + rest, "/" + other + rest);
    }

    /** The built file of a page. */
    static Path file(Path site, SamplePage p) {
        String rel = p.urlPath().substring(1);
        return site.resolve(rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel);
    }

    static String read(Path site, SamplePage p) {
        try {
            return Files.readString(file(site, p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
