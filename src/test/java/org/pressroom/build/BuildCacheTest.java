package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pressroom.problem.BuildFailure;
import org.pressroom.testing.SiteFixture;

/**
 * {@code build} with its cache in {@code .pressroom/}: the site after any change is byte for byte
 * that of a clean build, an unchanged site is not written at all, and an interrupted build leaves
 * both the site and the cache usable.
 */
class BuildCacheTest {
    @TempDir
    Path dir;
    SiteFixture site;
    List<String> stages = new ArrayList<>();

    @BeforeEach
    void buildOnce() {
        site = SiteFixture.given(dir, IncrementalTest.SITE);
        age();
        Build.hook = stages::add;
        build();
    }

    @AfterEach
    void unhook() {
        Build.hook = stage -> { };
    }

    private BuildResult build(String... now) {
        return Build.run(options(dir.resolve("site"), now.length == 0 ? "2026-01-01" : now[0]), Progress.NONE, false);
    }

    private BuildOptions options(Path output, String now) {
        return new BuildOptions(dir, output, Optional.empty(), false, When.parse(now));
    }

    /** Dates every source file an hour back, as files not edited during the build are. */
    private void age() {
        try (Stream<Path> s = Files.walk(dir)) {
            FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve(".pressroom"))
                    && !p.startsWith(dir.resolve("site"))).toList()) {
                Files.setLastModifiedTime(p, hourAgo);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static Map<String, FileTime> times(Path root) {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private void assertSameAsCleanBuild() {
        Path clean = dir.resolve("clean-" + System.nanoTime());
        Build.run(options(clean, "2026-01-01"), Progress.NONE, true);
        Map<String, byte[]> expected = files(clean);
        Map<String, byte[]> actual = files(dir.resolve("site"));
        assertEquals(expected.keySet(), actual.keySet(), "the same files as a clean build");
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
        try (Stream<Path> s = Files.walk(dir.resolve("site"))) {
            assertTrue(s.filter(Files::isDirectory).allMatch(d -> d.toFile().list().length > 0), "no empty folders");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void editRelease() {
        site.write("""
                -- content/releases/2013/2013-09-27-yun-kerry.ko.md --
                ---
                title: 한미 외교장관회담 (수정)
                topics: [korea-us]
                related: [2013-10-02-nk-statement]
                ---
                첫 문단.

                고친 둘째 문단.
                """);
    }

    @Test
    void writesNothingAndParsesNothingWhenNothingChanged() {
        Map<String, FileTime> before = times(dir.resolve("site"));
        stages.clear();
        BuildResult r = build();
        assertEquals(0, r.written());
        assertEquals(List.of(), stages, "the sources were not even loaded");
        assertEquals(before, times(dir.resolve("site")));
        assertTrue(r.pages() > 10, "the result still counts the site's pages");
        site.build().thenSucceeds();
        assertTrue(site.out().endsWith("; every file was up to date, none was written\n"), site.out());
    }

    @Test
    void writesOnlyTheChangedFilesWhenOneReleaseBodyChanges() {
        Map<String, FileTime> before = times(dir.resolve("site"));
        site.write("""
                -- content/releases/2013/2013-09-27-yun-kerry.en.md --
                ---
                title: Korea-US Foreign Ministers' Meeting
                translation: unofficial
                aliases: ["/eng/view.do?seq=301", /old/yun-kerry.html]
                ---
                First paragraph.

                Second paragraph, corrected.
                """);
        BuildResult r = build();
        Map<String, FileTime> after = times(dir.resolve("site"));
        java.util.Set<String> all = new java.util.TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        List<String> changed = all.stream().filter(k -> !java.util.Objects.equals(before.get(k), after.get(k))).toList();
        // the page, and the search files that hold the body's words
        assertTrue(changed.contains("en/releases/2013-09-27-yun-kerry/index.html"), changed.toString());
        assertEquals(List.of("en/releases/2013-09-27-yun-kerry/index.html"),
                changed.stream().filter(f -> !f.startsWith("en/search/")).toList());
        assertEquals(changed.size(), r.written());
        assertSameAsCleanBuild();
    }

    @Test
    void rendersTheMarkdownOfOnlyTheEditedReleaseAndAllOfItWhenClean() {
        editRelease();
        stages.clear();
        build();
        assertTrue(stages.contains("markdown 1"), stages.toString());
        assertSameAsCleanBuild();
        stages.clear();
        Build.run(options(dir.resolve("site"), "2026-01-01"), Progress.NONE, true);
        assertTrue(stages.contains("markdown 5"), "--clean renders every body: " + stages);
    }

    @Test
    void tokenizesForSearchOnlyTheEditedReleaseAndAllOfThemWhenClean() throws java.io.IOException {
        editRelease();
        stages.clear();
        build();
        assertTrue(stages.contains("tokens 1"), stages.toString());
        assertSameAsCleanBuild();
        stages.clear();
        Build.run(options(dir.resolve("site"), "2026-01-01"), Progress.NONE, true);
        assertTrue(stages.contains("tokens 5"), "--clean tokenizes every version: " + stages);
        // a changed site.yml (even a comment) makes every version be tokenized again
        Path yml = dir.resolve("content/site.yml");
        java.nio.file.Files.writeString(yml, java.nio.file.Files.readString(yml) + "# edited\n");
        stages.clear();
        build();
        assertTrue(stages.contains("tokens 5"), stages.toString());
        assertSameAsCleanBuild();
    }

    @Test
    void matchesACleanBuildAfterAReleaseIsEdited() {
        editRelease();
        build();
        assertSameAsCleanBuild();
    }

    @Test
    void matchesACleanBuildAfterAReleaseIsAdded() {
        site.write("""
                -- content/releases/2014/2014-02-01-new-one.ko.md --
                ---
                title: 새 보도자료
                topics: [north-korea]
                related: [2013-09-27-yun-kerry]
                ---
                새 본문.
                """);
        build();
        assertTrue(Files.exists(dir.resolve("site/ko/releases/2014-02-01-new-one/index.html")));
        assertSameAsCleanBuild();
    }

    @Test
    void matchesACleanBuildAfterAReleaseIsDeleted() throws IOException {
        Files.delete(dir.resolve("content/releases/2014/2014-01-15-un-briefing.en.md"));
        Files.delete(dir.resolve("content/releases/2014/2014-01-15-un-briefing.ko.md"));
        build();
        assertFalse(Files.exists(dir.resolve("site/ko/releases/2014-01-15-un-briefing")));
        assertSameAsCleanBuild();
    }

    @Test
    void matchesACleanBuildAfterAReleaseIsRenamed() throws IOException {
        Files.move(dir.resolve("content/releases/2013/2013-10-02-nk-statement.ko.md"),
                dir.resolve("content/releases/2013/2013-10-03-nk-statement.ko.md"));
        site.write("""
                -- content/releases/2013/2013-09-27-yun-kerry.ko.md --
                ---
                title: 한미 외교장관회담
                topics: [korea-us]
                related: [2013-10-03-nk-statement]
                ---
                첫 문단.
                """);
        build();
        assertFalse(Files.exists(dir.resolve("site/ko/releases/2013-10-02-nk-statement")));
        assertSameAsCleanBuild();
    }

    @ParameterizedTest
    @ValueSource(strings = {"templates/release.ftlh", "templates/_layout.ftlh", "templates/i18n/en.yml",
        "templates/i18n/ko.yml"})
    void matchesACleanBuildAfterAThemeFileIsEdited(String file) throws IOException {
        Path t = dir.resolve(file);
        String text = Files.readString(t);
        String edited = text.replace("Latest press releases", "Newest press releases").replace("주제별", "주제")
                + (file.endsWith(".ftlh") ? "\n<#-- edited -->\n" : "");
        assertFalse(edited.equals(text));
        Files.writeString(t, edited);
        build();
        assertSameAsCleanBuild();
    }

    @Test
    void matchesACleanBuildAfterSiteYmlChanges() {
        site.write("""
                -- content/site.yml --
                baseUrl: https://press.example.org/
                languages:
                  ko: { title: 외교부 보도자료, locale: ko-KR }
                  en: { title: MOFA Press Releases, locale: en-US }
                timeZone: Asia/Seoul
                pageSize: 1
                """);
        build();
        assertTrue(Files.exists(dir.resolve("site/ko/archive/2013/page/2/index.html")));
        assertSameAsCleanBuild();
    }

    @Test
    void matchesACleanBuildAfterTopicsYmlChanges() {
        site.write("""
                -- content/topics.yml --
                north-korea: { ko: 북한·북핵, en: North Korea }
                korea-us: { ko: 한미관계, en: Korea–US Relations }
                """);
        build();
        assertSameAsCleanBuild();
    }

    @Test
    void matchesACleanBuildWhenACopiedFileGivesWayToAFolderOfTheSameName() throws IOException {
        site.write("""
                -- content/files/notes.txt --
                first
                """);
        build();
        assertTrue(Files.isRegularFile(dir.resolve("site/files/notes.txt")));
        Files.delete(dir.resolve("content/files/notes.txt"));
        site.write("""
                -- content/files/notes.txt/inner.txt --
                second
                """);
        build();
        assertTrue(Files.isRegularFile(dir.resolve("site/files/notes.txt/inner.txt")));
        assertSameAsCleanBuild();
    }

    @Test
    void restoresAnOutputFileThatWasDeletedOrEditedByHand() throws IOException {
        Files.delete(dir.resolve("site/ko/index.html"));
        Files.writeString(dir.resolve("site/en/index.html"), "changed by hand");
        Files.writeString(dir.resolve("site/stray.html"), "not made by the build");
        build();
        assertSameAsCleanBuild();
    }

    @Test
    void publishesAnEmbargoedReleaseOnceTheClockPassesItsEmbargo() {
        site.write("""
                -- content/releases/2014/2014-03-01-later.ko.md --
                ---
                title: 엠바고 보도자료
                date: 2014-03-01
                embargo: 2026-06-01T09:00:00+09:00
                ---
                본문.
                """);
        age();
        build();
        assertFalse(Files.exists(dir.resolve("site/ko/releases/2014-03-01-later/index.html")));
        BuildResult r = build("2026-07-01");
        assertTrue(r.written() > 0);
        assertTrue(Files.exists(dir.resolve("site/ko/releases/2014-03-01-later/index.html")));
    }

    @Test
    void givesEveryPageAFileOfItsOwn() {
        // two of this site's English filters (topics, types) have the same documents: one file serves both
        List<String> files = Build.load(options(dir.resolve("site"), "2026-01-01")).plan().pages().stream()
                .map(org.pressroom.plan.Page::file).toList();
        assertEquals(files.size(), new java.util.HashSet<>(files).size(), "no file made twice");
        assertEquals(files.size() + 2, files(dir.resolve("site")).size(), "every page and the two assets");
    }

    @Test
    void cleanIgnoresTheCacheAndRewritesEveryFile() throws IOException {
        Path home = dir.resolve("site/en/index.html");
        byte[] good = Files.readAllBytes(home);
        FileTime time = Files.getLastModifiedTime(home);
        byte[] bad = good.clone();
        bad[bad.length / 2] = (byte) (bad[bad.length / 2] == 'x' ? 'y' : 'x');
        Files.write(home, bad);
        Files.setLastModifiedTime(home, time);
        assertEquals(0, build().written(), "same size and time: the cache trusts the file");
        BuildResult r = Build.run(options(dir.resolve("site"), "2026-01-01"), Progress.NONE, true);
        assertEquals(files(dir.resolve("site")).size(), r.written(), "every file written");
        assertArrayEquals(good, Files.readAllBytes(home));
    }

    @Test
    void leavesTheSiteAndTheCacheAsTheyWereWhenABuildFails() {
        Map<String, byte[]> before = files(dir.resolve("site"));
        site.write("""
                -- content/releases/2014/2014-01-15-un-briefing.en.md --
                ---
                title: [unclosed
                ---
                Briefing text.
                """);
        assertThrows(BuildFailure.class, () -> build());
        assertEquals(List.of("cache", "markdown", "search"), files(dir.resolve(".pressroom")).keySet().stream()
                .map(k -> Path.of(k).getFileName().toString()).toList(), "no pending files or journal left");
        Map<String, byte[]> after = files(dir.resolve("site"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        site.write("""
                -- content/releases/2014/2014-01-15-un-briefing.en.md --
                ---
                title: UN Briefing, corrected
                ---
                Briefing text.
                """);
        build();
        assertSameAsCleanBuild();
    }

    @ParameterizedTest
    @ValueSource(strings = {"loaded", "rendered", "journal", "applying", "applied", "cached"})
    void leavesTheSiteAndCacheUsableWhenInterrupted(String stage) {
        editRelease();
        site.write("""
                -- content/releases/2014/2014-02-01-new-one.ko.md --
                ---
                title: 새 보도자료
                topics: [north-korea]
                ---
                새 본문.
                """);
        Build.hook = s -> {
            if (s.equals(stage)) {
                throw new IllegalStateException("interrupted at " + s);
            }
        };
        assertThrows(IllegalStateException.class, () -> build());
        Build.hook = s -> { };
        build();
        assertSameAsCleanBuild();
        assertEquals(0, build().written(), "the cache works again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staged", "swapped", "cached"})
    void leavesTheSiteAndCacheUsableWhenACleanBuildIsInterrupted(String stage) {
        editRelease();
        Build.hook = s -> {
            if (s.equals(stage)) {
                throw new IllegalStateException("interrupted at " + s);
            }
        };
        assertThrows(IllegalStateException.class,
                () -> Build.run(options(dir.resolve("site"), "2026-01-01"), Progress.NONE, true));
        Build.hook = s -> { };
        build();
        assertSameAsCleanBuild();
        assertEquals(0, build().written(), "the cache works again");
    }
}
