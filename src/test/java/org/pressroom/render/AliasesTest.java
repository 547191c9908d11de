package org.pressroom.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** Aliases: redirect pages, _redirects and the problems of aliases that cannot work. */
class AliasesTest {
    static final String WITH_ALIASES = """
            -- content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md --
            ---
            title: 한미 외교장관회담 결과
            aliases:
              - /press/2013/0927.html
              - /old/yun-kerry
              - /보도자료/2013/0927/
            ---
            본문.
            -- content/releases/2013/2013-09-27-yun-kerry-meeting.en.md --
            ---
            title: Outcome of the Korea–US Foreign Ministers' Meeting
            aliases:
              - /eng/brd/m_5676/view.do?seq=312633&lang=en
            ---
            Minister Yun met Secretary Kerry.
            """;

    @Test
    void eachAliasGetsARedirectPageAndARedirectRule(@TempDir Path dir) {
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE + WITH_ALIASES).build().thenSucceeds();
        String html = site.file("press/2013/0927.html");
        Document page = Jsoup.parse(html);
        assertEquals("ko", page.selectFirst("html").attr("lang"));
        assertEquals("https://press.example.org/ko/releases/2013-09-27-yun-kerry-meeting/",
                page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("0; url=/ko/releases/2013-09-27-yun-kerry-meeting/",
                page.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("/ko/releases/2013-09-27-yun-kerry-meeting/", page.selectFirst("main a").attr("href"));
        assertTrue(page.selectFirst("main").text().contains("이 보도자료는 다음 주소로 옮겨졌습니다"));
        assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
        assertTrue(site.exists("old/yun-kerry/index.html"), "a path without extension becomes a folder");
        assertTrue(site.exists("보도자료/2013/0927/index.html"));
        assertFalse(site.exists("eng/brd/m_5676/view.do"), "query aliases live in _redirects only");

        site.assertFile("_redirects", """
                /eng/brd/m_5676/view.do seq=312633 lang=en /en/releases/2013-09-27-yun-kerry-meeting/ 301
                /press/2013/0927.html /ko/releases/2013-09-27-yun-kerry-meeting/ 301
                /old/yun-kerry /ko/releases/2013-09-27-yun-kerry-meeting/ 301
                /%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C/2013/0927/ /ko/releases/2013-09-27-yun-kerry-meeting/ 301
                """);
        String redirects = site.file("_redirects");
        assertTrue(redirects.indexOf("view.do") < redirects.indexOf("/press/"), "query rules come first");
        site.assertFile("sitemap.xml", """
                ! 0927
                ! yun-kerry<
                """);
    }

    @Test
    void redirectsFollowTheBasePath(@TempDir Path dir) {
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE + WITH_ALIASES)
                .build("--base-url", "https://example.net/archive/").thenSucceeds();
        site.assertFile("_redirects", """
                /archive/press/2013/0927.html /archive/ko/releases/2013-09-27-yun-kerry-meeting/ 301
                /archive/eng/brd/m_5676/view.do seq=312633 lang=en /archive/en/releases/2013-09-27-yun-kerry-meeting/ 301
                """);
        site.assertFile("press/2013/0927.html", """
                <meta http-equiv="refresh" content="0; url=/archive/ko/releases/2013-09-27-yun-kerry-meeting/">
                <link rel="canonical" href="https://example.net/archive/ko/releases/2013-09-27-yun-kerry-meeting/">
                """);
    }

    @Test
    void anUnpublishedReleaseGetsNoRedirects(@TempDir Path dir) {
        SiteFixture site = SiteFixture.given(dir, AtomFeedTest.SITE + """
                -- content/releases/2013/2013-12-01-draft.ko.md --
                ---
                title: 초안
                draft: true
                aliases: [/draft-notice]
                ---
                본문.
                """).build().thenSucceeds();
        assertFalse(site.exists("draft-notice/index.html"));
        site.assertFile("_redirects", "! draft");
    }

    @Test
    void failsNamingBothFilesWhenAnAliasCollidesWithALivePageOrAnotherAlias(@TempDir Path dir) {
        SiteFixture.given(dir, AtomFeedTest.SITE + """
                -- content/files/2013/briefing.pdf --
                PDF
                -- content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md --
                ---
                title: 한미 외교장관회담 결과
                aliases:
                  - /ko/releases/2013-11-09-typhoon-haiyan-travel-safety/
                  - /old/notice.html
                  - /files/2013/briefing.pdf
                  - /sitemap.xml
                ---
                본문.
                -- content/releases/2014/2014-02-13-kerry-visit-seoul.en.md --
                ---
                title: Secretary Kerry Visits Seoul
                aliases: [/old/notice.html, "/view.do?seq=1", '/view.do?seq=1']
                ---
                Secretary Kerry visited Seoul.
                """).build().thenFailsWith(
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:4:5: alias "
                        + "'/ko/releases/2013-11-09-typhoon-haiyan-travel-safety/' is the address of a live page, "
                        + "/ko/releases/2013-11-09-typhoon-haiyan-travel-safety/ "
                        + "(content/releases/2013/2013-11-09-typhoon-haiyan-travel-safety.ko.md) "
                        + "(hint: remove the alias; a page cannot redirect from a live address)",
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:6:5: alias '/files/2013/briefing.pdf' is "
                        + "the address of the copied file content/files/2013/briefing.pdf "
                        + "(hint: remove the alias or rename the file)",
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:7:5: alias '/sitemap.xml' is the address "
                        + "of a live page, /sitemap.xml (hint: remove the alias; a page cannot redirect from a live address)",
                "content/releases/2014/2014-02-13-kerry-visit-seoul.en.md:3:11: alias '/old/notice.html' is also an "
                        + "alias at content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:5:5 "
                        + "(hint: an earlier address can redirect to one page only)",
                "content/releases/2014/2014-02-13-kerry-visit-seoul.en.md:3:47: alias '/view.do?seq=1' is also an "
                        + "alias at content/releases/2014/2014-02-13-kerry-visit-seoul.en.md:3:29 "
                        + "(hint: an earlier address can redirect to one page only)");
    }

    @Test
    void failsWhenAnAliasLeavesTheSiteOrIsNotAPlainPath(@TempDir Path dir) {
        String hint = " (hint: an alias is an earlier path of this page on this site, such as /press/2013/0927.html "
                + "or /view.do?seq=312633)";
        SiteFixture.given(dir, AtomFeedTest.SITE + """
                -- content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md --
                ---
                title: 한미 외교장관회담 결과
                aliases:
                  - /../../etc/passwd
                  - //evil.example.com/x
                  - /a/%2e%2e/%2E%2E/b
                  - /with space
                  - press/2013
                  - /view.do?seq
                  - /bad%zz
                ---
                본문.
                """).build().thenFailsWith(
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:4:5: alias '/../../etc/passwd' leaves the "
                        + "site (it has a .. segment)" + hint,
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:5:5: alias '//evil.example.com/x' leaves "
                        + "the site (a path starting with // names another host)" + hint,
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:6:5: alias '/a/%2e%2e/%2E%2E/b' leaves the "
                        + "site (it has a .. segment)" + hint,
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:7:5: alias '/with space' contains a space "
                        + "or control character; write it as %20" + hint,
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:8:5: alias 'press/2013' must be a site "
                        + "path starting with /" + hint,
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:9:5: alias '/view.do?seq' has a query that "
                        + "is not key=value pairs joined by &" + hint,
                "content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md:10:5: alias '/bad%zz' has a malformed "
                        + "%-escape" + hint);
    }
}
