package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pressroom.content.SourceLoader;
import org.pressroom.content.Sources;
import org.pressroom.problem.BuildFailure;
import org.pressroom.problem.Problems;
import org.pressroom.testing.SiteFixture;

/** An incremental rebuild gives byte for byte what a clean build gives, and renders only what changed. */
class IncrementalTest {
    @TempDir
    Path dir;
    SiteFixture site;
    Incremental incremental;
    Sources last;

    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            languages:
              ko: { title: 외교부 보도자료, locale: ko-KR }
              en: { title: MOFA Press Releases, locale: en-US }
            timeZone: Asia/Seoul
            pageSize: 2
            -- content/topics.yml --
            north-korea: { ko: 북한, en: North Korea }
            korea-us: { ko: 한미관계, en: Korea–US Relations }
            -- content/releases/2013/2013-09-27-yun-kerry.ko.md --
            ---
            title: 한미 외교장관회담
            topics: [korea-us]
            related: [2013-10-02-nk-statement]
            ---
            첫 문단.

            둘째 문단.
            -- content/releases/2013/2013-09-27-yun-kerry.en.md --
            ---
            title: Korea-US Foreign Ministers' Meeting
            translation: unofficial
            aliases: ["/eng/view.do?seq=301", /old/yun-kerry.html]
            ---
            First paragraph.

            Second paragraph.
            -- content/releases/2013/2013-10-02-nk-statement.ko.md --
            ---
            title: 북한 관련 성명
            type: statement
            topics: [north-korea]
            ---
            성명 본문.
            -- content/releases/2014/2014-01-15-un-briefing.ko.md --
            ---
            title: 유엔 브리핑
            type: briefing
            topics: [north-korea, korea-us]
            ---
            브리핑 본문.
            -- content/releases/2014/2014-01-15-un-briefing.en.md --
            ---
            title: UN Briefing
            ---
            Briefing text.
            """;

    @BeforeEach
    void buildOnce() {
        site = SiteFixture.given(dir, SITE);
        incremental = new Incremental();
        Incremental.Site first = update(Optional.empty());
        assertEquals(first.pages().keySet(), first.rendered(), "a first update renders every page");
        assertSameAsCleanBuild(first);
    }

    private BuildOptions options() {
        return new BuildOptions(dir, dir.resolve("site"), Optional.empty(), false, When.parse("2026-01-01"));
    }

    /** Updates after the given files changed (all when empty), as serve does. */
    private Incremental.Site update(Optional<Set<String>> changed) {
        Problems problems = new Problems();
        Sources s = last == null || changed.isEmpty() ? SourceLoader.load(dir, problems)
                : SourceLoader.reload(dir, last, changed.get(), problems);
        problems.throwIfAny();
        last = s;
        return incremental.update(options(), s);
    }

    private Incremental.Site change(String files, String... changed) {
        site.write(files);
        return update(Optional.of(Set.of(changed)));
    }

    private void assertSameAsCleanBuild(Incremental.Site inc) {
        Path clean = dir.resolve("clean-" + System.nanoTime());
        Build.run(new BuildOptions(dir, clean, Optional.empty(), false, When.parse("2026-01-01")), Progress.NONE);
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.walk(clean)) {
            s.filter(Files::isRegularFile).forEach(p -> files.add(clean.relativize(p).toString().replace('\\', '/')));
            Set<String> expected = new TreeSet<>(inc.pages().keySet());
            inc.statics().forEach(f -> expected.add(f.outputPath()));
            assertEquals(files, expected, "the same files as a clean build");
            for (var e : inc.pages().entrySet()) {
                assertArrayEquals(Files.readAllBytes(clean.resolve(e.getKey())), e.getValue(), e.getKey());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The pages made from templates (the others, feeds and sitemaps, do not use them). */
    private static Set<String> templatePages(Incremental.Site s) {
        return s.plan().pages().stream().filter(p -> p.template() != null).map(p -> p.file())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void rendersOnlyTheReleasePageWhenItsBodyChangesBelowTheSummary() {
        Incremental.Site s = change("""
                -- content/releases/2013/2013-09-27-yun-kerry.ko.md --
                ---
                title: 한미 외교장관회담
                topics: [korea-us]
                related: [2013-10-02-nk-statement]
                ---
                첫 문단.

                고친 둘째 문단.
                """, "content/releases/2013/2013-09-27-yun-kerry.ko.md");
        assertEquals(Set.of("ko/releases/2013-09-27-yun-kerry/index.html"), s.rendered().stream()
                .filter(f -> !f.startsWith("ko/search/")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of("ko/search/d/0.json"), s.rendered().stream().filter(f -> f.startsWith("ko/search/d/"))
                .toList(), "the search index follows the body, in the one document file that holds it");
        assertEquals(1, s.parsed());
        assertSameAsCleanBuild(s);
    }

    @Test
    void rendersTheReleaseItsCounterpartAndItsListsWhenTheTitleChanges() {
        Incremental.Site s = change("""
                -- content/releases/2014/2014-01-15-un-briefing.ko.md --
                ---
                title: 유엔 안보리 브리핑
                type: briefing
                topics: [north-korea, korea-us]
                ---
                브리핑 본문.
                """, "content/releases/2014/2014-01-15-un-briefing.ko.md");
        assertTrue(s.rendered().containsAll(Set.of("ko/releases/2014-01-15-un-briefing/index.html",
                "en/releases/2014-01-15-un-briefing/index.html", "ko/index.html", "ko/archive/2014/index.html",
                "ko/archive/2014/01/index.html", "ko/topics/north-korea/index.html", "ko/topics/korea-us/index.html")),
                s.rendered().toString());
        assertTrue(!s.rendered().contains("ko/releases/2013-10-02-nk-statement/index.html"), s.rendered().toString());
        assertSameAsCleanBuild(s);
    }

    @Test
    void matchesACleanBuildAfterAReleaseIsAdded() {
        assertSameAsCleanBuild(change("""
                -- content/releases/2014/2014-02-01-new-one.ko.md --
                ---
                title: 새 보도자료
                topics: [north-korea]
                related: [2013-09-27-yun-kerry]
                ---
                새 본문.
                """, "content/releases/2014/2014-02-01-new-one.ko.md"));
    }

    @Test
    void matchesACleanBuildAfterAReleaseIsDeleted() throws IOException {
        Files.delete(dir.resolve("content/releases/2014/2014-01-15-un-briefing.en.md"));
        Files.delete(dir.resolve("content/releases/2014/2014-01-15-un-briefing.ko.md"));
        Incremental.Site s = update(Optional.of(Set.of("content/releases/2014/2014-01-15-un-briefing.en.md",
                "content/releases/2014/2014-01-15-un-briefing.ko.md")));
        assertTrue(!s.pages().containsKey("ko/releases/2014-01-15-un-briefing/index.html"));
        assertSameAsCleanBuild(s);
    }

    @Test
    void rendersOnlyThePagesOfATemplateWhenItChanges() throws IOException {
        Path t = dir.resolve("templates/release.ftlh");
        Files.writeString(t, Files.readString(t).replace("<article class=\"release\">",
                "<article class=\"release edited\">"));
        Incremental.Site s = update(Optional.of(Set.of("templates/release.ftlh")));
        assertEquals(Set.of("ko/releases/2013-09-27-yun-kerry/index.html", "en/releases/2013-09-27-yun-kerry/index.html",
                "ko/releases/2013-10-02-nk-statement/index.html", "ko/releases/2014-01-15-un-briefing/index.html",
                "en/releases/2014-01-15-un-briefing/index.html"), s.rendered());
        assertSameAsCleanBuild(s);
    }

    @Test
    void rendersEveryPageWhenTheSharedLayoutChanges() throws IOException {
        Path t = dir.resolve("templates/_layout.ftlh");
        Files.writeString(t, Files.readString(t).replace("<footer class=\"site-footer\">",
                "<footer class=\"site-footer edited\">"));
        Incremental.Site s = update(Optional.of(Set.of("templates/_layout.ftlh")));
        assertEquals(templatePages(s), s.rendered());
        assertSameAsCleanBuild(s);
    }

    @Test
    void rendersEveryPageWhenAStringOfTheThemeChanges() throws IOException {
        Path t = dir.resolve("templates/i18n/en.yml");
        Files.writeString(t, Files.readString(t).replace("Latest press releases", "Newest press releases"));
        Incremental.Site s = update(Optional.of(Set.of("templates/i18n/en.yml")));
        // every view carries the strings of every language (tAll), so every page may show them
        assertEquals(templatePages(s), s.rendered());
        assertSameAsCleanBuild(s);
    }

    @Test
    void matchesACleanBuildAfterSiteYmlChanges() {
        Incremental.Site s = change("""
                -- content/site.yml --
                baseUrl: https://press.example.org/
                languages:
                  ko: { title: 외교부 보도자료, locale: ko-KR }
                  en: { title: MOFA Press Releases, locale: en-US }
                timeZone: Asia/Seoul
                pageSize: 1
                """, "content/site.yml");
        assertEquals(5, s.parsed(), "new settings parse every release file again");
        assertTrue(s.pages().containsKey("ko/archive/2013/page/2/index.html"));
        assertSameAsCleanBuild(s);
    }

    @Test
    void matchesACleanBuildAfterTopicsYmlChanges() {
        assertSameAsCleanBuild(change("""
                -- content/topics.yml --
                north-korea: { ko: 북한·북핵, en: North Korea }
                korea-us: { ko: 한미관계, en: Korea–US Relations }
                """, "content/topics.yml"));
    }

    @Test
    void keepsTheLastGoodStateAfterABrokenEditAndRecovers() {
        BuildFailure f = assertThrows(BuildFailure.class, () -> change("""
                -- content/releases/2014/2014-01-15-un-briefing.en.md --
                ---
                title: [unclosed
                ---
                Briefing text.
                """, "content/releases/2014/2014-01-15-un-briefing.en.md"));
        assertTrue(f.problems().get(0).path().equals("content/releases/2014/2014-01-15-un-briefing.en.md"),
                f.problems().toString());
        Incremental.Site s = change("""
                -- content/releases/2014/2014-01-15-un-briefing.en.md --
                ---
                title: UN Briefing, corrected
                ---
                Briefing text.
                """, "content/releases/2014/2014-01-15-un-briefing.en.md");
        assertTrue(s.rendered().contains("en/releases/2014-01-15-un-briefing/index.html"));
        assertSameAsCleanBuild(s);
    }

    @Test
    void digestsATemplateTogetherWithTheTemplatesItImports() {
        var files = java.util.List.of(
                new org.pressroom.content.RawFile("templates/a.ftlh", 0, "<#import \"_l.ftlh\" as l>".getBytes()),
                new org.pressroom.content.RawFile("templates/_l.ftlh", 0, "x".getBytes()),
                new org.pressroom.content.RawFile("templates/b.ftlh", 0, "plain".getBytes()));
        var before = Incremental.templateKeys(files);
        var after = Incremental.templateKeys(java.util.List.of(files.get(0),
                new org.pressroom.content.RawFile("templates/_l.ftlh", 0, "y".getBytes()), files.get(2)));
        assertTrue(!before.get("a.ftlh").equals(after.get("a.ftlh")), "a imports _l");
        assertEquals(before.get("b.ftlh"), after.get("b.ftlh"), "b does not");
    }

    /** Replaces {@code from} by {@code to} in a source file and updates, as an editor's save does. */
    private Incremental.Site edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(p, text.replace(from, to));
        return update(Optional.of(Set.of(file)));
    }

    @Test
    void rendersThePagesThatRelateToAReleaseWhoseTitleChanges() throws IOException {
        // 2013-09-27-yun-kerry lists 2013-10-02-nk-statement as related: its page shows that title
        Incremental.Site s = edit("content/releases/2013/2013-10-02-nk-statement.ko.md", "title: 북한 관련 성명",
                "title: 북한 관련 정부 성명");
        assertTrue(s.rendered().containsAll(Set.of("ko/releases/2013-10-02-nk-statement/index.html",
                "ko/releases/2013-09-27-yun-kerry/index.html")), s.rendered().toString());
        assertTrue(!s.rendered().contains("ko/releases/2014-01-15-un-briefing/index.html"), s.rendered().toString());
        assertTrue(!s.rendered().contains("ko/topics/index.html"), "the topic index shows no titles: " + s.rendered());
        assertSameAsCleanBuild(s);
    }

    @Test
    void rendersTheAliasPagesOfAReleaseWhoseTitleChanges() throws IOException {
        Incremental.Site s = edit("content/releases/2013/2013-09-27-yun-kerry.en.md",
                "title: Korea-US Foreign Ministers' Meeting", "title: Korea-US Foreign Ministers Meet in New York");
        assertTrue(s.rendered().contains("old/yun-kerry.html"), s.rendered().toString());
        assertSameAsCleanBuild(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            summary shown by lists and feeds | content/releases/2014/2014-01-15-un-briefing.en.md | title: UN Briefing | 'title: UN Briefing\\nsummary: A briefing to the Council.'
            an update, so a modification date | content/releases/2014/2014-01-15-un-briefing.en.md | title: UN Briefing | 'title: UN Briefing\\nupdates:\\n  - { date: 2014-02-01, note: Corrected. }'
            a number | content/releases/2013/2013-10-02-nk-statement.ko.md | type: statement | 'type: statement\\nnumber: 13-202'
            a related release dropped | content/releases/2013/2013-09-27-yun-kerry.ko.md | 'related: [2013-10-02-nk-statement]' | 'related: []'
            a topic | content/releases/2013/2013-10-02-nk-statement.ko.md | topics: [north-korea] | 'topics: [north-korea, korea-us]'
            a date with a time | content/releases/2013/2013-10-02-nk-statement.ko.md | type: statement | 'type: statement\\ndate: 2013-10-02T15:30:00+09:00'
            a draft mark | content/releases/2013/2013-10-02-nk-statement.ko.md | type: statement | 'type: statement\\ndraft: true'
            an alias | content/releases/2014/2014-01-15-un-briefing.en.md | title: UN Briefing | 'title: UN Briefing\\naliases: [/old/un.html]'
            an office | content/releases/2014/2014-01-15-un-briefing.ko.md | type: briefing | 'type: briefing\\noffice: 대변인실'
            """)
    void matchesACleanBuildAfterAnEditOf(String what, String file, String from, String to) throws IOException {
        assertSameAsCleanBuild(edit(file, from, to.replace("\\n", "\n")));
    }

    @Test
    void keepsUnchangedReleasesTheSameObjectsFromOneUpdateToTheNext() throws IOException {
        Incremental.Site before = update(Optional.of(Set.of()));
        Incremental.Site after = edit("content/releases/2013/2013-10-02-nk-statement.ko.md", "성명 본문.", "고친 성명 본문.");
        var was = before.plan().archive();
        var now = after.plan().archive();
        org.junit.jupiter.api.Assertions.assertSame(was.release("2014-01-15-un-briefing"), now.release("2014-01-15-un-briefing"));
        org.junit.jupiter.api.Assertions.assertSame(was.release("2013-09-27-yun-kerry"), now.release("2013-09-27-yun-kerry"));
        org.junit.jupiter.api.Assertions.assertNotSame(was.release("2013-10-02-nk-statement"), now.release("2013-10-02-nk-statement"));
        assertSameAsCleanBuild(after);
    }

    @Test
    void makesTheFirstPagesBeforeTheOthersWhenATemplateEditMakesMany() throws IOException {
        Path t = dir.resolve("templates/release.ftlh");
        Files.writeString(t, Files.readString(t).replace("<article class=\"release\">", "<article class=\"release edited\">"));
        String open = "en/releases/2014-01-15-un-briefing/index.html";
        String other = "ko/releases/2013-10-02-nk-statement/index.html";
        java.util.List<java.util.Map<String, byte[]>> early = new java.util.ArrayList<>();
        System.setProperty("pressroom.earlyPages", "2");
        Incremental.Site s;
        try {
            Problems problems = new Problems();
            last = SourceLoader.reload(dir, last, Set.of("templates/release.ftlh"), problems);
            s = incremental.update(options(), last, Set.of(open), early::add);
        } finally {
            System.clearProperty("pressroom.earlyPages");
        }
        assertEquals(1, early.size(), "the open page was handed over before the others were made");
        assertArrayEquals(s.pages().get(open), early.get(0).get(open));
        assertTrue(new String(early.get(0).get(open), java.nio.charset.StandardCharsets.UTF_8).contains("release edited"));
        assertTrue(!early.get(0).containsKey(other), "other release pages were not made yet");
        assertTrue(early.get(0).containsKey("ko/index.html"), "pages that did not change are ready");
        assertSameAsCleanBuild(s);
    }
}
