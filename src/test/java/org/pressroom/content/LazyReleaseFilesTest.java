package org.pressroom.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.markdown.Markdown;
import org.pressroom.problem.Problems;
import org.pressroom.testing.SiteFixture;

/**
 * Release files are left on disk by the load stage and read by the parse stage, one at a time; the
 * parse cache compares what it read by digest, so unchanged files are not parsed again.
 */
class LazyReleaseFilesTest {
    static final String KO = "content/releases/2013/2013-09-27-a.ko.md";
    static final String EN = "content/releases/2013/2013-09-27-a.en.md";

    @TempDir
    Path dir;
    SiteConfig site;
    Map<String, Topic> topics;

    @BeforeEach
    void write() {
        SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                -- content/releases/2013/2013-09-27-a.ko.md --
                ---
                title: 가
                ---
                첫 문단.
                -- content/releases/2013/2013-09-27-a.en.md --
                ---
                title: A
                ---
                First paragraph.
                """);
    }

    private Sources load() {
        Problems problems = new Problems();
        Sources s = SourceLoader.load(dir, problems);
        assertTrue(problems.isEmpty(), problems.sorted().toString());
        site = ConfigParser.site(s.siteYml(), problems).orElseThrow();
        topics = ConfigParser.topics(s.topicsYml(), site, problems);
        return s;
    }

    private List<Release> parse(Sources s, ParseCache cache, Problems problems) {
        return Content.releases(s, site, topics, new Markdown(false), problems, cache);
    }

    @Test
    void aListingReadsNothingAndTheLoadAfterItReadsSettingsAsTheyAreThen() throws Exception {
        Files.createDirectories(dir.resolve("templates/i18n"));
        Files.createDirectories(dir.resolve("content/files"));
        Files.writeString(dir.resolve("templates/_layout.ftlh"), "<p>old</p>");
        Files.writeString(dir.resolve("templates/i18n/ko.yml"), "a: 가");
        Files.writeString(dir.resolve("content/files/note.txt"), "note");
        Sources whole = load();
        Problems problems = new Problems();
        SourceLoader.Listing listing = SourceLoader.list(dir, problems);
        // saved after the listing (a build lists while it takes the inputs' sizes and times), before the load
        Files.writeString(dir.resolve("content/site.yml"), "baseUrl: https://other.example.org/\n");
        Files.writeString(dir.resolve("templates/_layout.ftlh"), "<p>new</p>");
        Sources s = SourceLoader.load(dir, listing, problems);
        assertTrue(problems.isEmpty(), problems.sorted().toString());
        assertEquals("baseUrl: https://other.example.org/\n",
                new String(s.siteYml().orElseThrow().bytes(), StandardCharsets.UTF_8));
        RawFile layout = s.templates().stream().filter(f -> f.path().equals("templates/_layout.ftlh")).findFirst()
                .orElseThrow();
        assertEquals("<p>new</p>", new String(layout.bytes(), StandardCharsets.UTF_8));
        // the same files as one load finds, in the same order
        assertEquals(whole.releases().stream().map(f -> f.path() + " " + f.size()).toList(),
                s.releases().stream().map(f -> f.path() + " " + f.size()).toList());
        assertEquals(List.of(EN, KO), s.releases().stream().map(RawFile::path).toList());
        assertEquals(whole.templates().stream().map(RawFile::path).toList(), s.templates().stream().map(RawFile::path).toList());
        assertEquals(whole.i18n().stream().map(RawFile::path).toList(), s.i18n().stream().map(RawFile::path).toList());
        assertTrue(s.i18n().stream().anyMatch(f -> f.path().equals("templates/i18n/ko.yml")));
        assertEquals(whole.files(), s.files());
        assertEquals(List.of("files/note.txt"), s.files().stream().map(StaticFile::outputPath).toList());
        assertEquals(whole.assets(), s.assets());
    }

    @Test
    void releasesStayOnDiskAndEveryReadSeesTheFileAsItIsNow() throws Exception {
        Sources s = load();
        RawFile ko = s.releases().stream().filter(f -> f.path().equals(KO)).findFirst().orElseThrow();
        assertTrue(ko.onDisk(), "release bytes are not held by the load stage");
        assertTrue(s.templates().stream().noneMatch(RawFile::onDisk), "templates are read whole");
        assertTrue(s.siteYml().orElseThrow().bytes().length > 0);
        assertEquals(Files.size(dir.resolve(KO)), ko.size());
        assertArrayEquals(Files.readAllBytes(dir.resolve(KO)), ko.bytes());

        Files.writeString(dir.resolve(KO), "---\ntitle: 나\n---\n", StandardCharsets.UTF_8);
        assertEquals("---\ntitle: 나\n---\n", new String(ko.read(), StandardCharsets.UTF_8),
                "nothing of the file was kept: it is read again");
    }

    @Test
    void aFileThatCannotBeReadWhenParsedIsAProblemAtItsPath() throws Exception {
        Sources s = load();
        Files.delete(dir.resolve(EN));
        Problems problems = new Problems();
        List<Release> releases = parse(s, new ParseCache(), problems);
        assertEquals(1, problems.sorted().size(), problems.sorted().toString());
        assertTrue(problems.sorted().get(0).toString().startsWith(EN + ":1:1: cannot read file: "),
                problems.sorted().get(0).toString());
        assertEquals(Set.of("ko"), releases.get(0).translations().keySet());
    }

    @Test
    void theParseCacheParsesOnlyFilesWhoseBytesChanged() throws Exception {
        ParseCache cache = new ParseCache();
        Sources first = load();
        List<Release> before = parse(first, cache, new Problems());
        assertEquals(2, cache.parsedLastTime());

        // the same file objects: nothing is read or parsed again
        assertEquals(before, parse(first, cache, new Problems()));
        assertEquals(0, cache.parsedLastTime());

        // listed again (new file objects), same bytes: read and compared, not parsed
        Files.setLastModifiedTime(dir.resolve(KO), java.nio.file.attribute.FileTime.fromMillis(0));
        Sources again = SourceLoader.reload(dir, first, Set.of(KO), new Problems());
        assertFalse(again.releases().contains(first.releases().stream().filter(f -> f.path().equals(KO))
                .findFirst().orElseThrow()), "the changed path is a new file object");
        List<Release> same = parse(again, cache, new Problems());
        assertEquals(0, cache.parsedLastTime());
        assertEquals(before, same);

        // changed bytes: parsed again; the other file is the same object as before
        Files.writeString(dir.resolve(KO), "---\ntitle: 나\n---\n둘째.\n", StandardCharsets.UTF_8);
        Sources changed = SourceLoader.reload(dir, again, Set.of(KO), new Problems());
        assertSame(again.releases().stream().filter(f -> f.path().equals(EN)).findFirst().orElseThrow(),
                changed.releases().stream().filter(f -> f.path().equals(EN)).findFirst().orElseThrow());
        List<Release> after = parse(changed, cache, new Problems());
        assertEquals(1, cache.parsedLastTime());
        assertEquals("나", after.get(0).translations().get("ko").title());
        assertEquals("<p>둘째.</p>\n", after.get(0).translations().get("ko").bodyHtml());
    }

    @Test
    void aCacheForOneCallRemembersNothing() {
        ParseCache once = ParseCache.once();
        Sources s = load();
        List<Release> first = parse(s, once, new Problems());
        assertEquals(2, once.parsedLastTime());
        List<Release> second = parse(s, once, new Problems());
        assertEquals(first, second);
        assertEquals(2, once.parsedLastTime(), "parsed again: nothing was kept");
        assertTrue(first.get(0) != second.get(0), "assembled again: nothing was kept");
        ParseCache kept = new ParseCache();
        assertSame(parse(s, kept, new Problems()).get(0), parse(s, kept, new Problems()).get(0),
                "a cache that keeps gives the same release object for the same files");
    }

    @Test
    void aFileOverTheLimitIsNotReadAtAll() throws Exception {
        SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                maxFileSize: 10
                """);
        Sources s = load();
        Files.delete(dir.resolve(KO)); // it would be a read problem if it were read
        Problems problems = new Problems();
        parse(s, new ParseCache(), problems);
        assertTrue(problems.sorted().stream().anyMatch(p -> p.toString().startsWith(KO + ":1:1: file is ")
                && p.toString().contains("over the limit of 10 B")), problems.sorted().toString());
        assertTrue(problems.sorted().stream().noneMatch(p -> p.toString().contains("cannot read")),
                problems.sorted().toString());
    }
}
