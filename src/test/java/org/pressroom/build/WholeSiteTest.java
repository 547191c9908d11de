package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** A small bilingual archive built once, asserted page by page in both languages. */
class WholeSiteTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            defaultLanguage: ko
            languages:
              ko: { title: 외교부 보도자료, locale: ko-KR }
              en: { title: MOFA Press Releases, locale: en-US }
            timeZone: Asia/Seoul
            pageSize: 2
            types:
              press-release: { ko: 보도자료, en: Press Release }
              statement: { ko: 성명, en: Statement }
            -- content/topics.yml --
            north-korea: { ko: 북한·북핵, en: North Korea }
            korea-us: { ko: 한미관계, en: Korea–US Relations }
            -- content/files/2013/fact-sheet.pdf --
            %PDF-1.4 test
            -- content/releases/2013/2013-09-27-yun-kerry-meeting.ko.md --
            ---
            title: 한미 외교장관회담 결과
            type: press-release
            topics: [korea-us, north-korea]
            number: "13-612"
            office: 외교부 대변인
            attachments:
              - { file: 2013/fact-sheet.pdf, title: 회담 자료 }
            updates:
              - { date: 2013-09-28, note: 2항의 표현을 바로잡음 }
            ---
            1. 윤병세 외교부 장관은 9.27.(금) 뉴욕에서 존 케리 미 국무장관과 회담을 가졌다.

            2. 양 장관은 다음에 의견을 같이하였다.
                - 북한 비핵화를 위한 긴밀한 공조
                - 한미동맹의 포괄적 발전
            -- content/releases/2013/2013-09-27-yun-kerry-meeting.en.md --
            ---
            title: Outcome of the Korea–US Foreign Ministers' Meeting
            office: Spokesperson and Deputy Minister for Public Relations
            translation: unofficial
            ---
            1. Minister Yun Byung-se met Secretary of State John Kerry in New York on September 27.
            -- content/releases/2013/2013-10-02-north-korea-statement.ko.md --
            ---
            title: 북한 관련 정부 성명
            type: statement
            topics: [north-korea]
            related: [2013-09-27-yun-kerry-meeting]
            ---
            정부는 북한의 도발을 규탄한다.
            -- content/releases/2013/2013-10-15-korea-us-consultation.ko.md --
            ---
            title: 한미 정책협의회 개최
            topics: [north-korea, korea-us]
            ---
            한미 양국은 10월 15일 서울에서 정책협의회를 개최하였다.
            -- content/releases/2013/2013-10-15-korea-us-consultation.en.md --
            ---
            title: Korea–US Policy Consultation Held
            ---
            Korea and the United States held a policy consultation in Seoul on October 15.
            -- content/releases/2013/2013-11-20-apec-outcome.ko.md --
            ---
            title: APEC 정상회의 결과
            ---
            APEC 정상회의가 열렸다.
            -- content/releases/2014/2014-01-06-new-year-briefing.ko.md --
            ---
            title: 신년 정책 브리핑
            topics: [north-korea]
            ---
            외교부는 2014년 외교 정책 방향을 설명하였다.
            """;

    @TempDir
    static Path dir;
    static SiteFixture site;

    @BeforeAll
    static void build() {
        site = SiteFixture.given(dir, SITE).build("--now", "2026-01-01").thenSucceeds();
    }

    @Test
    void writesEveryPageKindInBothLanguages() {
        for (String p : new String[] {"index.html", "404.html", "ko/index.html", "en/index.html",
                "ko/releases/2013-09-27-yun-kerry-meeting/index.html", "en/releases/2013-09-27-yun-kerry-meeting/index.html",
                "ko/topics/index.html", "en/topics/index.html", "ko/topics/north-korea/index.html",
                "ko/topics/north-korea/page/2/index.html", "en/topics/north-korea/index.html",
                "ko/archive/index.html", "en/archive/index.html", "ko/archive/2013/index.html",
                "ko/archive/2013/page/2/index.html", "ko/archive/2013/10/index.html", "en/archive/2013/10/index.html",
                "ko/archive/2014/01/index.html", "files/2013/fact-sheet.pdf", "assets/style.css"}) {
            assertTrue(site.exists(p), () -> p + " missing; site has:\n" + site.listing());
        }
    }

    @Test
    void leavesNoPageForALanguageARelaseDoesNotExistIn() {
        assertFalse(site.exists("en/releases/2013-10-02-north-korea-statement/index.html"));
        assertFalse(site.exists("en/archive/2014/index.html"), "no English release in 2014");
        assertFalse(site.exists("en/topics/north-korea/page/2/index.html"), "two English releases fit one page");
        assertFalse(site.exists("ko/topics/north-korea/page/3/index.html"), "four Korean releases make two pages");
    }

    @Test
    void rendersTheKoreanReleaseWithEverythingTheSpecLists() {
        site.assertFile("ko/releases/2013-09-27-yun-kerry-meeting/index.html", """
                <html lang="ko">
                <title>한미 외교장관회담 결과 | 외교부 보도자료</title>
                <a class="skip-link" href="#main">본문 바로가기</a>
                <main id="main"
                <time datetime="2013-09-27">2013년 9월 27일 (금)</time>
                <p class="release-type">보도자료</p>
                <dd>13-612</dd>
                <a href="/ko/topics/korea-us/">한미관계</a>
                <a href="/ko/topics/north-korea/">북한·북핵</a>
                <li>북한 비핵화를 위한 긴밀한 공조</li>
                <p class="release-office">외교부 대변인</p>
                <a href="/files/2013/fact-sheet.pdf" download><span>회담 자료</span></a>
                (PDF, 14 B)
                <time datetime="2013-09-28">2013년 9월 28일 (토)</time> 수정:</span> 2항의 표현을 바로잡음
                <dt>최종 수정일</dt>
                <a href="/en/releases/2013-09-27-yun-kerry-meeting/" hreflang="en"><span class="version-lang">영어</span> <span lang="en">Outcome of the Korea–US Foreign Ministers&#39; Meeting</span></a>
                <a href="/ko/releases/2013-10-02-north-korea-statement/">북한 관련 정부 성명</a>
                ! translation-notice
                """);
    }

    @Test
    void marksTheUnofficialEnglishTranslationAndBorrowsTheKoreanAttachments() {
        site.assertFile("en/releases/2013-09-27-yun-kerry-meeting/index.html", """
                <html lang="en">
                <a class="skip-link" href="#main">Skip to main content</a>
                <time datetime="2013-09-27">September 27, 2013</time>
                *Unofficial translation.
                <p class="release-type">Press Release</p>
                <dd>13-612</dd>
                <a href="/en/topics/north-korea/">North Korea</a>
                <a href="/files/2013/fact-sheet.pdf" hreflang="ko" download><span lang="ko">회담 자료</span></a>
                in Korean
                <a href="/ko/releases/2013-09-27-yun-kerry-meeting/" hreflang="ko"><span class="version-lang">Korean</span> <span lang="ko">한미 외교장관회담 결과</span></a>
                ! 2013-10-02-north-korea-statement
                """);
    }

    @Test
    void inheritsReleaseFieldsIntoATranslationThatHoldsOnlyItsTitle() {
        site.assertFile("en/releases/2013-10-15-korea-us-consultation/index.html", """
                <p class="release-type">Press Release</p>
                <a href="/en/topics/north-korea/">North Korea</a>
                <a href="/en/topics/korea-us/">Korea–US Relations</a>
                <time datetime="2013-10-15">October 15, 2013</time>
                ! translation-notice
                """);
    }

    @Test
    void showsRelatedReleasesOnBothSidesWhenStatedOnOne() {
        site.assertFile("ko/releases/2013-09-27-yun-kerry-meeting/index.html",
                "<h2 id=\"related\">관련 보도자료</h2>\n/ko/releases/2013-10-02-north-korea-statement/");
        site.assertFile("ko/releases/2013-10-02-north-korea-statement/index.html",
                "<h2 id=\"related\">관련 보도자료</h2>\n/ko/releases/2013-09-27-yun-kerry-meeting/");
    }

    @Test
    void saysPlainlyWhenNoTranslationExistsAndSwitchesToTheOtherHome() {
        site.assertFile("ko/releases/2013-10-02-north-korea-statement/index.html", """
                이 보도자료는 영어판이 없습니다.
                <li><a href="/en/" lang="en" hreflang="en" data-exact="false">English</a></li>
                <link rel="alternate" hreflang="ko" href="https://press.example.org/ko/releases/2013-10-02-north-korea-statement/">
                <link rel="alternate" hreflang="x-default" href="https://press.example.org/ko/releases/2013-10-02-north-korea-statement/">
                ! hreflang="en" href="https://press.example.org/en/releases/2013-10-02-north-korea-statement/"
                """);
    }

    @Test
    void switchesEachPageToItsExactCounterpart() {
        site.assertFile("ko/releases/2013-09-27-yun-kerry-meeting/index.html",
                "<a href=\"/en/releases/2013-09-27-yun-kerry-meeting/\" lang=\"en\" hreflang=\"en\" data-exact=\"true\">English</a>");
        site.assertFile("en/topics/north-korea/index.html",
                "<a href=\"/ko/topics/north-korea/\" lang=\"ko\" hreflang=\"ko\" data-exact=\"true\">한국어</a>");
        site.assertFile("ko/archive/2013/10/index.html",
                "<a href=\"/en/archive/2013/10/\" lang=\"en\" hreflang=\"en\" data-exact=\"true\">English</a>");
        site.assertFile("ko/index.html", "<a href=\"/en/\" lang=\"en\" hreflang=\"en\" data-exact=\"true\">English</a>");
        site.assertFile("ko/topics/index.html", "<a href=\"/en/topics/\" lang=\"en\"");
        site.assertFile("ko/archive/index.html", "<a href=\"/en/archive/\" lang=\"en\"");
    }

    @Test
    void switchesToTheNearestPageWhenTheCounterpartDoesNotExist() {
        // page 2 of the Korean topic has no English page 2: the English list's last page
        site.assertFile("ko/topics/north-korea/page/2/index.html",
                "<a href=\"/en/topics/north-korea/\" lang=\"en\" hreflang=\"en\" data-exact=\"false\">English</a>");
        // a year with no English release: the English archive index
        site.assertFile("ko/archive/2014/index.html",
                "<a href=\"/en/archive/\" lang=\"en\" hreflang=\"en\" data-exact=\"false\">English</a>");
        // a month with no English release, in a year that has some: that English year
        site.assertFile("ko/archive/2013/11/index.html",
                "<a href=\"/en/archive/2013/\" lang=\"en\" hreflang=\"en\" data-exact=\"false\">English</a>");
    }

    @Test
    void listsHreflangAlternatesForExactCounterpartsWithXDefault() {
        site.assertFile("en/topics/north-korea/index.html", """
                <link rel="canonical" href="https://press.example.org/en/topics/north-korea/">
                <link rel="alternate" hreflang="ko" href="https://press.example.org/ko/topics/north-korea/">
                <link rel="alternate" hreflang="en" href="https://press.example.org/en/topics/north-korea/">
                <link rel="alternate" hreflang="x-default" href="https://press.example.org/ko/topics/north-korea/">
                """);
        site.assertFile("ko/topics/north-korea/page/2/index.html", """
                <link rel="alternate" hreflang="x-default" href="https://press.example.org/ko/topics/north-korea/page/2/">
                ! hreflang="en" href="https://
                """);
    }

    @Test
    void paginatesListsNewestFirstWithLinksBothWays() {
        site.assertFile("ko/topics/north-korea/index.html", """
                <title>북한·북핵 | 외교부 보도자료</title>
                총 4건
                /ko/releases/2014-01-06-new-year-briefing/
                /ko/releases/2013-10-15-korea-us-consultation/
                ! /ko/releases/2013-10-02-north-korea-statement/
                <a href="/ko/topics/north-korea/page/2/" rel="next">
                ! rel="prev"
                """);
        site.assertFile("ko/topics/north-korea/page/2/index.html", """
                <title>북한·북핵 – 2쪽 | 외교부 보도자료</title>
                /ko/releases/2013-10-02-north-korea-statement/
                /ko/releases/2013-09-27-yun-kerry-meeting/
                <a href="/ko/topics/north-korea/" rel="prev">
                <a href="/ko/topics/north-korea/page/2/" aria-current="page">2</a>
                ! rel="next"
                """);
        String first = site.file("ko/archive/2013/10/index.html");
        assertTrue(first.indexOf("2013-10-15-korea-us-consultation") < first.indexOf("2013-10-02-north-korea-statement"),
                "newest first");
    }

    @Test
    void showsAYearWithItsMonthsAndCounts() {
        site.assertFile("ko/archive/2013/index.html", """
                <h1>2013년</h1>
                <a href="/ko/archive/2013/09/"><time datetime="2013-09">2013년 9월</time></a> <span class="count">1건</span>
                <a href="/ko/archive/2013/10/"><time datetime="2013-10">2013년 10월</time></a> <span class="count">2건</span>
                <a href="/ko/archive/2013/11/"><time datetime="2013-11">2013년 11월</time></a> <span class="count">1건</span>
                총 4건
                <a href="/ko/archive/2013/page/2/" rel="next">
                """);
        site.assertFile("en/archive/index.html", """
                <a href="/en/archive/2013/">2013</a> <span class="count">2</span>
                <a href="/en/archive/2013/09/"><time datetime="2013-09">September 2013</time></a>
                ! /en/archive/2014/
                """);
        site.assertFile("ko/archive/2013/10/index.html", """
                <h1><time datetime="2013-10">2013년 10월</time></h1>
                <a href="/ko/archive/2013/10/" aria-current="page"><time datetime="2013-10">2013년 10월</time></a>
                /ko/releases/2013-10-15-korea-us-consultation/
                /ko/releases/2013-10-02-north-korea-statement/
                """);
    }

    @Test
    void listsTopicsWithCountsPerLanguage() {
        site.assertFile("ko/topics/index.html", """
                <a href="/ko/topics/north-korea/"><span class="topic-name">북한·북핵</span> <span class="count">4건</span></a>
                <a href="/ko/topics/korea-us/"><span class="topic-name">한미관계</span> <span class="count">2건</span></a>
                """);
        site.assertFile("en/topics/index.html", """
                <span class="topic-name">North Korea</span> <span class="count">2</span>
                <span class="topic-name">Korea–US Relations</span> <span class="count">2</span>
                """);
    }

    @Test
    void showsTheNewestReleasesOnEachHome() {
        site.assertFile("ko/index.html", """
                <title>외교부 보도자료</title>
                /ko/releases/2014-01-06-new-year-briefing/
                /ko/releases/2013-11-20-apec-outcome/
                ! /ko/releases/2013-10-15-korea-us-consultation/
                <a href="/ko/topics/">주제별</a>
                <a href="/ko/archive/">연도별</a>
                <form class="search-box" role="search" action="/ko/search/"
                """);
        site.assertFile("en/index.html", """
                <html lang="en">
                /en/releases/2013-10-15-korea-us-consultation/
                /en/releases/2013-09-27-yun-kerry-meeting/
                """);
    }

    @Test
    void offersBothLanguagesAtTheRootInTheDefaultLanguage() {
        site.assertFile("index.html", """
                <html lang="ko">
                <link rel="alternate" hreflang="ko" href="https://press.example.org/ko/">
                <link rel="alternate" hreflang="en" href="https://press.example.org/en/">
                <link rel="alternate" hreflang="x-default" href="https://press.example.org/">
                <li lang="en">
                <a href="/en/" hreflang="en">
                ! role="search"
                """);
    }

    @Test
    void writesANotFoundPageInBothLanguagesWithoutCanonicalOrHreflang() {
        site.assertFile("404.html", """
                <h1>페이지를 찾을 수 없습니다</h1>
                <section class="not-found" lang="en">
                Page not found
                ! rel="canonical"
                ! hreflang=
                """);
    }

    @Test
    void escapesRawHtmlInBodiesByDefault(@TempDir Path other) {
        SiteFixture s = SiteFixture.given(other, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                -- content/releases/2013/2013-01-01-raw.ko.md --
                ---
                title: "<b>굵게</b>"
                ---
                본문 <script>alert(1)</script> 끝
                """).build().thenSucceeds();
        s.assertFile("ko/releases/2013-01-01-raw/index.html", """
                &lt;b&gt;굵게&lt;/b&gt;
                &lt;script&gt;alert(1)&lt;/script&gt;
                ! <script>alert(1)
                ! <b>굵게
                """);
    }

    @Test
    void keepsRawHtmlWhenTheSiteAllowsIt(@TempDir Path other) {
        SiteFixture s = SiteFixture.given(other, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                rawHtml: true
                -- content/releases/2013/2013-01-01-raw.ko.md --
                ---
                title: 표
                ---
                <div class="box">상자</div>

                | 국가 | 금액 |
                |---|---|
                | 네팔 | 100만 달러 |

                주석이 있다.[^1]

                [^1]: 주석 내용.

                https://www.0404.go.kr 참고
                """).build().thenSucceeds();
        s.assertFile("ko/releases/2013-01-01-raw/index.html", """
                <div class="box">상자</div>
                <table>
                <td>네팔</td>
                class="footnote-ref"
                <a href="https://www.0404.go.kr">https://www.0404.go.kr</a>
                """);
    }

    @Test
    void usesTheBaseUrlPathForLinksAndTheCommandLineBaseUrlOverSiteYml(@TempDir Path other) {
        SiteFixture s = SiteFixture.given(other, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                -- content/releases/2013/2013-01-01-a.ko.md --
                ---
                title: 가
                ---
                본문
                """).build("--base-url", "https://www.example.go.kr/press").thenSucceeds();
        s.assertFile("ko/index.html", """
                <link rel="canonical" href="https://www.example.go.kr/press/ko/">
                <a href="/press/ko/releases/2013-01-01-a/">
                <link rel="stylesheet" href="/press/assets/style.css">
                """);
    }

    @Test
    void summarisesTheFirstBlockWhenNoSummaryIsGiven() {
        site.assertFile("ko/archive/2013/10/index.html",
                "<p class=\"item-summary\">한미 양국은 10월 15일 서울에서 정책협의회를 개최하였다.</p>");
        site.assertFile("ko/archive/2013/09/index.html",
                "<p class=\"item-summary\">윤병세 외교부 장관은 9.27.(금) 뉴욕에서 존 케리 미 국무장관과 회담을 가졌다.</p>");
    }

    @Test
    void printsAOneLineSummaryOfWhatWasWritten() {
        assertTrue(site.out().matches("Built \\d+ pages and copied 3 files into .* in \\d+\\.\\d\\d s; \\d+ written\\n"), site.out());
        assertEquals("", site.err());
    }
}
