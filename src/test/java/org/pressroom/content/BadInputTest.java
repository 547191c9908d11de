package org.pressroom.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** Every kind of bad input ends the build with exit 1 and exact {@code path:line:col: message} lines. */
class BadInputTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            timeZone: Asia/Seoul
            -- content/topics.yml --
            north-korea: { ko: 북한, en: North Korea }
            """;

    @TempDir
    Path dir;

    private SiteFixture given(String files) {
        return SiteFixture.given(dir, SITE + files);
    }

    @Test
    void failsWithLineAndColumnWhenYamlIsMalformed() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                topics: [north-korea
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:3:9: malformed YAML: a flow sequence opened here is "
                        + "never closed (hint: close it on the same field)");
    }

    @Test
    void failsWithLineAndColumnWhenYamlIndentationIsWrong() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                  office: 대변인
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:3:9: malformed YAML: mapping values are not allowed here");
    }

    @Test
    void refusesAYamlAliasBomb() {
        StringBuilder yaml = new StringBuilder("title: 폭탄\nsummary: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append("x").append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append("]\n");
            prev = c;
        }
        given("-- content/releases/2014/2014-03-26-bomb.ko.md --\n---\n" + yaml + "---\n본문\n").build()
                .thenFailsWith("content/releases/2014/2014-03-26-bomb.ko.md:2:1: too many YAML aliases (more than 20) "
                        + "(hint: aliases (*name) are limited so that a small file cannot expand into a huge one)");
    }

    @Test
    void refusesAYamlAliasInsideTheMappingItNames() {
        SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                params: &p
                  self: *p
                """).build().thenFailsWith("content/site.yml:2:9: a YAML alias refers to a mapping or list that "
                + "contains it (hint: aliases (*name) may only repeat a value defined apart from them)");
    }

    @Test
    void refusesYamlGlobalTagsThatWouldConstructJavaObjects() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: !!java.net.URL ["http://example.org/"]
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:2:8: YAML tag tag:yaml.org,2002:java.net.URL is not allowed "
                        + "(hint: remove the tag; Pressroom reads plain YAML values only)");
    }

    @Test
    void suggestsTheNearestFieldForAnUnknownOne() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                sumary: 요약
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:3:1: unknown field 'sumary' (hint: did you mean 'summary'?)");
    }

    @Test
    void failsWithFileAndLineWhenDateIsMalformed() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                date: 2014-03-32
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:3:7: date '2014-03-32' is not a date (2013-09-27) "
                        + "or a date-time with offset (2013-09-27T14:30:00+09:00)");
    }

    @Test
    void failsWhenTheDateFallsOnAnotherDayThanTheId() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                date: 2014-03-26T23:30:00Z
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:3:7: date 2014-03-26T23:30:00Z falls on 2014-03-27 in "
                        + "Asia/Seoul, but the release id says 2014-03-26 (hint: make the id and the date agree)");
    }

    @Test
    void namesBothPlacesWhenTheTranslationsStateDifferentDates() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                date: 2014-03-26T10:00:00+09:00
                ---
                본문
                -- content/releases/2014/2014-03-26-missile.en.md --
                ---
                title: Missile
                date: 2014-03-26T11:00:00+09:00
                ---
                Body
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.en.md:3:7: date '2014-03-26T11:00+09:00' differs from "
                        + "'2014-03-26T10:00+09:00' at content/releases/2014/2014-03-26-missile.ko.md:3:7 "
                        + "(hint: a release field may be stated in one file only, or the same in both)");
    }

    @Test
    void failsWhenTheSameIdIsInTwoFolders() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                ---
                본문
                -- content/releases/2015/2014-03-26-missile.ko.md --
                ---
                title: 미사일 2
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2015/2014-03-26-missile.ko.md:1:1: duplicate release file name: "
                        + "content/releases/2014/2014-03-26-missile.ko.md has the same id and language (hint: ids must be "
                        + "unique across folders; rename or remove one file)");
    }

    @Test
    void failsWhenTheTranslationsOfOneIdAreInDifferentFolders() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                ---
                본문
                -- content/releases/old/2014-03-26-missile.en.md --
                ---
                title: Missile
                ---
                Body
                """).build().thenFailsWith(
                "content/releases/old/2014-03-26-missile.en.md:1:1: release '2014-03-26-missile' is also in "
                        + "content/releases/2014/; its language versions must be in the same folder "
                        + "(hint: move this file next to content/releases/2014/2014-03-26-missile.ko.md)");
    }

    @Test
    void suggestsASlugForANameWithSpacesAndCapitals() {
        given("""
                -- content/releases/2014/2014-03-26-North Korea Missile.ko.md --
                ---
                title: 미사일
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-North Korea Missile.ko.md:1:1: release id '2014-03-26-North Korea Missile' "
                        + "is not yyyy-mm-dd-slug with a slug of a-z, 0-9 and hyphens (hint: try '2014-03-26-north-korea-missile')");
    }

    @Test
    void suggestsARomanizedSlugForAHangulName() {
        given("""
                -- content/releases/2014/2014-03-26-북한-미사일.ko.md --
                ---
                title: 미사일
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-북한-미사일.ko.md:1:1: release id '2014-03-26-북한-미사일' "
                        + "is not yyyy-mm-dd-slug with a slug of a-z, 0-9 and hyphens (hint: try '2014-03-26-bukhan-misail')");
    }

    @Test
    void failsOnALanguageSuffixThatIsNotASiteLanguage() {
        given("""
                -- content/releases/2014/2014-03-26-missile.jp.md --
                ---
                title: ミサイル
                ---
                本文
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.jp.md:1:1: unknown language 'jp' in file name; "
                        + "site languages are ko, en (hint: name it 2014-03-26-missile.ko.md or 2014-03-26-missile.en.md)");
    }

    @Test
    void pointsAtTheFirstByteThatIsNotUtf8() throws Exception {
        SiteFixture site = given("");
        Path file = dir.resolve("content/releases/2014/2014-03-26-missile.ko.md");
        Files.createDirectories(file.getParent());
        byte[] head = "---\ntitle: 미사일\n---\n본문 ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        Files.write(file, bytes);
        site.build().thenFailsWith("content/releases/2014/2014-03-26-missile.ko.md:4:4: invalid UTF-8: byte 0xC3 "
                + "cannot start or continue a character (hint: save the file as UTF-8)");
    }

    @Test
    void pointsAtAControlCharacterPastedIntoTheBody() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                ---
                첫 줄
                둘째\u000B줄
                """).build().thenFailsWith("content/releases/2014/2014-03-26-missile.ko.md:5:3: control character "
                + "U+000B is not allowed (hint: delete it; such characters come from pasting out of word processors)");
    }

    @Test
    void refusesAControlCharacterMadeByAYamlEscape() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: "미사일\\a발사"
                office: "대변인\\x1b[31m"
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:2:8: title contains control character U+0007 "
                        + "(hint: remove the escape that makes it)",
                "content/releases/2014/2014-03-26-missile.ko.md:3:9: office contains control character U+001B "
                        + "(hint: remove the escape that makes it)");
    }

    @Test
    void failsOnAFileOverTheSizeLimitSetInSiteYml() {
        SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                maxFileSize: 1KB
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                ---
                """ + "본문 ".repeat(200) + "\n").build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:1:1: file is 1.4 KB, over the limit of 1 KB "
                        + "(hint: split it, or raise maxFileSize in site.yml)");
    }

    @Test
    void failsOnAFileOverTheDefaultLimitOfFiveMegabytes() throws Exception {
        SiteFixture site = given("");
        Path file = dir.resolve("content/releases/2014/2014-03-26-missile.ko.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: 미사일\n---\n" + "x".repeat(5 * 1024 * 1024));
        site.build().thenFailsWith("content/releases/2014/2014-03-26-missile.ko.md:1:1: file is 5 MB, over the limit "
                + "of 5 MB (hint: split it, or raise maxFileSize in site.yml)");
    }

    @Test
    void refusesAnAliasThatLeavesTheSite() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                aliases:
                  - /news/../../etc/passwd
                  - /ok/path.do?id=3
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:4:5: alias '/news/../../etc/passwd' leaves the site (it has "
                        + "a .. segment) (hint: an alias is an earlier path of this page on this site, such as "
                        + "/press/2013/0927.html or /view.do?seq=312633)");
    }

    @Test
    void refusesAnAttachmentThatLeavesTheFilesFolder() {
        given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                attachments:
                  - { file: ../site.yml, title: 설정 }
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2014/2014-03-26-missile.ko.md:4:13: attachment '../site.yml' must be a path inside "
                        + "content/files/ without .. or a leading /");
    }

    @Test
    void namesTheTemplatePositionAndThePageWhenATemplateFailsToRender() throws Exception {
        SiteFixture site = given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                ---
                본문
                """);
        Path release = dir.resolve("templates/release.ftlh");
        Files.writeString(release, Files.readString(release).replace("<h1>${r.title}</h1>", "<h1>${r.headline}</h1>"));
        site.build().thenFailsWith("templates/release.ftlh:8:11: The following has evaluated to null or missing: "
                + "r.headline (rendering /ko/releases/2014-03-26-missile/)");
    }

    @Test
    void namesTheTemplatePositionOfASyntaxError() throws Exception {
        SiteFixture site = given("");
        Files.writeString(dir.resolve("templates/topics.ftlh"), "<#import \"_layout.ftlh\" as layout>\n<#if>\n");
        site.build().thenFailsWith("templates/topics.ftlh:2:2: template syntax: #if is an existing directive, "
                + "but the tag is malformed.");
    }

    @Test
    void failsWhenAnI18nKeyIsMissingInOneLanguage() throws Exception {
        SiteFixture site = given("");
        Path en = dir.resolve("templates/i18n/en.yml");
        Files.writeString(en, Files.readString(en).replace("skip: Skip to main content\n", ""));
        site.build().thenFailsWith("templates/i18n/en.yml:1:1: string 'skip' is missing (it is in "
                + "templates/i18n/ko.yml:6:7) (hint: every language needs every key)");
    }

    @Test
    void failsWhenATopicHasNoLabelInEveryLanguage() {
        given("""
                -- content/topics.yml --
                north-korea: { ko: 북한 }
                """).build().thenFailsWith(
                "content/topics.yml:1:14: topic 'north-korea' has no label in 'en' "
                        + "(hint: every topic needs a label in every language)");
    }

    @Test
    void leavesThePreviousSiteAsItWasWhenABuildFails() throws Exception {
        SiteFixture site = given("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일
                ---
                본문
                """).build().thenSucceeds();
        String before = site.file("ko/releases/2014-03-26-missile/index.html");
        site.write("""
                -- content/releases/2014/2014-03-27-broken.ko.md --
                ---
                title: [
                ---
                """).build();
        assertEquals(1, site.status());
        assertEquals(before, site.file("ko/releases/2014-03-26-missile/index.html"));
        assertFalse(site.exists("ko/releases/2014-03-27-broken/index.html"));
    }
}
