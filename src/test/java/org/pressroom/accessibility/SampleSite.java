package org.pressroom.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * @param path         URL path, starting with {@code /}
     * @param switchesTo   where the language switch must land (URL path), or null when the page has none
     */
    record SamplePage(String kind, String lang, String path, String switchesTo) {
        String name() {
            return kind + "-" + lang;
        }

        @Override
        public String toString() {
            return name() + " " + path;
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
        String rel = p.path().substring(1);
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
