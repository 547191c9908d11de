package org.pressroom.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pressroom.build.When;
import org.pressroom.testing.Browser;
import org.pressroom.testing.SiteFixture;

/** An open page in headless Chromium reloads after an edit, shows a broken edit's problems, and recovers. */
class LiveReloadBrowserTest {
    static String release(String title) {
        return """
                -- content/releases/2013/2013-09-27-yun-kerry.en.md --
                ---
                title: %s
                ---
                Text.
                """.formatted(title);
    }

    @Test
    void reloadsAnOpenPageAfterAnEditAndShowsProblemsOfABrokenEditUntilFixed(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                languages:
                  ko: { title: 외교부 보도자료, locale: ko-KR }
                  en: { title: MOFA Press Releases, locale: en-US }
                """ + release("First Title"));
        ChromeDriver driver = Browser.open(1280, 900);
        PrintWriter log = new PrintWriter(new StringWriter(), true);
        try (Serve serve = Serve.start(dir, 0, Optional.of(When.parse("2026-01-01")), log, log)) {
            driver.get(serve.url() + "en/releases/2013-09-27-yun-kerry/");
            assertEquals("First Title", h1(driver));
            waitFor("the page listens for changes", () -> serve.live().listeners() > 0);
            driver.executeScript("window.notReloaded = true;");

            site.write(release("Second Title"));
            waitFor("the page reloads with the edit", () -> "Second Title".equals(h1(driver))
                    && driver.executeScript("return window.notReloaded === undefined;").equals(Boolean.TRUE));

            waitFor("the reloaded page listens", () -> serve.live().listeners() > 0);
            site.write(release("[broken"));
            waitFor("the overlay shows the problem", () -> overlay(driver).contains(
                    "content/releases/2013/2013-09-27-yun-kerry.en.md:"));
            assertTrue(overlay(driver).contains("malformed YAML"), overlay(driver));
            assertEquals("Second Title", h1(driver), "the last good page stays");
            assertTrue(driver.findElement(By.id("pressroom-problems")).isDisplayed());

            site.write(release("Third Title"));
            waitFor("the page recovers", () -> "Third Title".equals(h1(driver)) && overlay(driver).isEmpty());
        } finally {
            driver.quit();
        }
    }

    private static String h1(ChromeDriver driver) {
        return (String) driver.executeScript("var h = document.querySelector('h1'); return h ? h.textContent : null;");
    }

    private static String overlay(ChromeDriver driver) {
        Object text = driver.executeScript(
                "var o = document.getElementById('pressroom-problems'); return o ? o.textContent : '';");
        return text == null ? "" : (String) text;
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Boolean ok;
            try {
                ok = condition.get();
            } catch (RuntimeException e) {
                ok = false; // the page is reloading
            }
            if (Boolean.TRUE.equals(ok)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
