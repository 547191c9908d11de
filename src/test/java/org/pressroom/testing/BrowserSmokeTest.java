package org.pressroom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The browser harness itself works: Chromium opens a built page served on loopback. */
class BrowserSmokeTest {
    @Test
    void opensABuiltPageInHeadlessChromium(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                languages:
                  ko: { title: 외교부 보도자료, locale: ko-KR }
                  en: { title: MOFA Press Releases, locale: en-US }
                -- content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md --
                ---
                title: 한미 외교장관회담 결과
                ---
                본문.
                """).build().thenSucceeds();
        ChromeDriver driver = Browser.open(1280, 900);
        try (StaticServer server = StaticServer.serve(site.site())) {
            driver.get(server.url() + "ko/releases/2013-09-27-yun-kerry-meeting/");
            assertEquals("한미 외교장관회담 결과", driver.findElement(By.tagName("h1")).getText());
        } finally {
            driver.quit();
        }
    }
}
