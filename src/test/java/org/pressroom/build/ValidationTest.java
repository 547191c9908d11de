package org.pressroom.build;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** Bad input is reported with its exact path:line:col, all problems at once, and exit status 1. */
class ValidationTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            timeZone: Asia/Seoul
            -- content/topics.yml --
            north-korea: { ko: 북한, en: North Korea }
            """;

    @TempDir
    Path dir;

    SiteFixture given(String files) {
        return SiteFixture.given(dir, SITE + files);
    }

    @Test
    void failsWithFileAndLineWhenAFieldIsUnknownAndSuggestsTheNearOne() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                titel: 가
                ---
                본문
                """).build().thenFailsWith(
                "content/releases/2013/2013-09-27-a.ko.md:2:1: title is missing (hint: add title: … to the front matter)",
                "content/releases/2013/2013-09-27-a.ko.md:2:1: unknown field 'titel' (hint: did you mean 'title'?)");
    }

    @Test
    void failsWithFileAndLineWhenDateIsMalformed() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                date: 2013-13-45
                ---
                """).build().thenFailsWith("content/releases/2013/2013-09-27-a.ko.md:3:7: date '2013-13-45' is not a "
                + "date (2013-09-27) or a date-time with offset (2013-09-27T14:30:00+09:00)");
    }

    @Test
    void failsWhenTheDateFallsOnAnotherDayInTheSiteTimeZoneThanTheId() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                date: 2013-09-27T20:00:00Z
                ---
                """).build().thenFailsWith("content/releases/2013/2013-09-27-a.ko.md:3:7: date 2013-09-27T20:00:00Z "
                + "falls on 2013-09-28 in Asia/Seoul, but the release id says 2013-09-27 (hint: make the id and the date agree)");
    }

    @Test
    void failsNamingBothPlacesWhenASharedFieldDiffersBetweenLanguages() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                type: briefing
                ---
                -- content/releases/2013/2013-09-27-a.en.md --
                ---
                title: A
                type: statement
                ---
                """).build().thenFailsWith("content/releases/2013/2013-09-27-a.en.md:3:7: type 'statement' differs from "
                + "'briefing' at content/releases/2013/2013-09-27-a.ko.md:3:7 (hint: a release field may be stated in one "
                + "file only, or the same in both)");
    }

    @Test
    void acceptsASharedFieldStatedIdenticallyInBothLanguages() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                topics: [north-korea]
                ---
                -- content/releases/2013/2013-09-27-a.en.md --
                ---
                title: A
                topics: [north-korea]
                ---
                """).build().thenSucceeds();
    }

    @Test
    void reportsMalformedYamlAtItsPosition() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                topics: [north-korea
                ---
                """).build().thenFailsWith("content/releases/2013/2013-09-27-a.ko.md:3:9: malformed YAML: a flow sequence "
                + "opened here is never closed (hint: close it on the same field)");
    }

    @Test
    void reportsEveryProblemOfEveryFileAtOnce() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                type: memo
                topics: [north-koera]
                related: [2013-01-01-nothing]
                ---
                -- content/releases/2013/2013-09-28-b.ko.md --
                ---
                title: ""
                draft: maybe
                ---
                """).build().thenFailsWith(
                "content/releases/2013/2013-09-27-a.ko.md:3:7: unknown type 'memo'; site.yml types are press-release, "
                        + "briefing, statement, speech, commentary (hint: add it to types in site.yml)",
                "content/releases/2013/2013-09-27-a.ko.md:4:10: unknown topic 'north-koera' (hint: did you mean 'north-korea'?)",
                "content/releases/2013/2013-09-27-a.ko.md:5:11: related release '2013-01-01-nothing' does not exist",
                "content/releases/2013/2013-09-28-b.ko.md:2:8: title must not be empty",
                "content/releases/2013/2013-09-28-b.ko.md:3:8: draft must be true or false");
    }

    @Test
    void rejectsNamesOutsideTheIdPatternWithASuggestedSlug() {
        given("""
                -- content/releases/2013/2013-09-27-Yun Kerry_Meeting.ko.md --
                ---
                title: 가
                ---
                -- content/releases/2013/2013-09-27-x.jp.md --
                ---
                title: 가
                ---
                """).build().thenFailsWith(
                "content/releases/2013/2013-09-27-Yun Kerry_Meeting.ko.md:1:1: release id '2013-09-27-Yun Kerry_Meeting' is "
                        + "not yyyy-mm-dd-slug with a slug of a-z, 0-9 and hyphens (hint: try '2013-09-27-yun-kerry-meeting')",
                "content/releases/2013/2013-09-27-x.jp.md:1:1: unknown language 'jp' in file name; site languages are ko, en "
                        + "(hint: name it 2013-09-27-x.ko.md or 2013-09-27-x.en.md)");
    }

    @Test
    void rejectsTheSameIdInTwoFolders() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                ---
                -- content/releases/old/2013-09-27-a.ko.md --
                ---
                title: 가
                ---
                """).build().thenFailsWith("content/releases/old/2013-09-27-a.ko.md:1:1: duplicate release file name: "
                + "content/releases/2013/2013-09-27-a.ko.md has the same id and language (hint: ids must be unique across "
                + "folders; rename or remove one file)");
    }

    @Test
    void rejectsUnknownSiteSettingsWithASuggestion() {
        SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                pagesize: 10
                """).build().thenFailsWith(
                "content/site.yml:2:1: unknown setting 'pagesize' (hint: did you mean 'pageSize'?)");
    }

    @Test
    void requiresEveryTopicToHaveALabelInEveryLanguage() {
        SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                -- content/topics.yml --
                korea-us: { ko: 한미관계 }
                """).build().thenFailsWith("content/topics.yml:1:11: topic 'korea-us' has no label in 'en' (hint: every "
                + "topic needs a label in every language)");
    }

    @Test
    void rejectsAnAttachmentThatIsNotInContentFiles() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                attachments:
                  - { file: 2013/missing.pdf, title: 자료 }
                  - { file: ../../etc/passwd, title: 밖 }
                ---
                """).build().thenFailsWith(
                "content/releases/2013/2013-09-27-a.ko.md:4:13: attachment '2013/missing.pdf' is not in content/files/",
                "content/releases/2013/2013-09-27-a.ko.md:5:13: attachment '../../etc/passwd' must be a path inside "
                        + "content/files/ without .. or a leading /");
    }

    @Test
    void reportsATemplateErrorAtTheTemplatePositionAndNamesThePage() {
        given("""
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                ---
                """).write("""
                -- templates/topics.ftlh --
                <#import "_layout.ftlh" as layout>
                <@layout.frame>
                ${content.nothing.here}
                </@layout.frame>
                """).build().thenFailsWith(
                "templates/topics.ftlh:3:3: The following has evaluated to null or missing: content.nothing (rendering /en/topics/)",
                "templates/topics.ftlh:3:3: The following has evaluated to null or missing: content.nothing (rendering /ko/topics/)");
    }

    @Test
    void reportsTemplateSyntaxErrorsBeforeRenderingAnything() {
        given("").write("""
                -- templates/home.ftlh --
                <#if>
                """).build().thenFailsWith("templates/home.ftlh:1:2: template syntax: #if is an existing directive, but the "
                + "tag is malformed.");
    }

    @Test
    void requiresEveryUiStringInEveryLanguage() {
        given("").write("""
                -- templates/i18n/en.yml --
                date: { day: "MMMM d, yyyy", month: "MMMM yyyy" }
                language: { name: English, ko: Korean, en: English }
                """).build();
        String err = given("").build().err();
        org.junit.jupiter.api.Assertions.assertTrue(err.contains("templates/i18n/en.yml:1:1: string 'skip' is missing (it is "
                + "in templates/i18n/ko.yml:6:7) (hint: every language needs every key)"), err);
        org.junit.jupiter.api.Assertions.assertFalse(err.contains("'language.name' is missing"), err);
    }
}
