package org.pressroom.search;

import java.nio.file.Path;
import org.pressroom.testing.SiteFixture;

/** A small bilingual archive for the search tests: particles, compounds, mixed scripts, three filters. */
final class SearchSite {
    private SearchSite() {
    }

    static final String FILES = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            languages:
              ko: { title: 외교부 보도자료, locale: ko-KR }
              en: { title: MOFA Press Releases, locale: en-US }
            timeZone: Asia/Seoul
            -- content/topics.yml --
            north-korea: { ko: 북한·북핵, en: North Korea }
            united-nations: { ko: 유엔, en: United Nations }
            climate-change: { ko: 기후변화, en: Climate Change }
            -- content/releases/2013/2013-02-12-third-nuclear-test.ko.md --
            ---
            title: 북한의 제3차 핵실험에 대한 정부 성명
            type: statement
            topics: [north-korea]
            number: 13-089
            ---
            정부는 한반도비핵화 원칙을 다시 확인한다. 국제사회는 단호히 대응할 것이다.
            -- content/releases/2013/2013-02-12-third-nuclear-test.en.md --
            ---
            title: Government Statement on North Korea's Third Nuclear Test
            ---
            The Government reaffirms the principle of denuclearization of the Korean Peninsula.
            -- content/releases/2014/2014-03-10-security-council-resolution.ko.md --
            ---
            title: UN안보리 결의 채택 환영
            topics: [united-nations]
            ---
            정부는 북한은 결의를 준수해야 한다고 강조하였다.
            -- content/releases/2014/2014-03-10-security-council-resolution.en.md --
            ---
            title: Welcoming the Adoption of a UN Security Council Resolution
            ---
            The Government stresses that the resolution must be implemented in full.
            -- content/releases/2015/2015-06-01-climate-cooperation.ko.md --
            ---
            title: 기후변화 대응 협력 강화
            type: briefing
            topics: [climate-change]
            ---
            양국은 녹색성장 분야의 협력을 확대하기로 하였다.
            -- content/releases/2015/2015-06-01-climate-cooperation.en.md --
            ---
            title: Stronger Cooperation on Climate Change
            ---
            The two countries agreed to expand cooperation on green growth.
            -- content/releases/2016/2016-01-06-fourth-nuclear-test.ko.md --
            ---
            title: 북한 제4차 핵실험 규탄 성명
            type: statement
            topics: [north-korea]
            ---
            정부는 북한의 핵실험을 강력히 규탄하며 비핵화 의지를 재확인한다.
            -- content/releases/2016/2016-01-06-fourth-nuclear-test.en.md --
            ---
            title: Statement Condemning North Korea's Fourth Nuclear Test
            ---
            The Government strongly condemns the test.
            -- content/releases/2016/2016-08-01-green-partnership.ko.md --
            ---
            title: 녹색 동반자 관계 출범
            topics: [climate-change]
            ---
            이번 협력은 기후변화 대응에 기여할 것이다.

            문의: <script>alert(1)</script>
            -- content/releases/2016/2016-09-01-draft-note.ko.md --
            ---
            title: 비공개 초안 북한
            draft: true
            ---
            초안.
            """;

    static SiteFixture built(Path dir) {
        return SiteFixture.given(dir, FILES).build("--now", "2020-01-01").thenSucceeds();
    }
}
