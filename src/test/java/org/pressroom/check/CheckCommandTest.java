package org.pressroom.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** {@code pressroom check}: the build's validation and more, reported without writing anything. */
class CheckCommandTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            timeZone: Asia/Seoul
            -- content/topics.yml --
            north-korea: { ko: 북한, en: North Korea }
            -- content/files/2014/statement.pdf --
            %PDF-1.4
            -- content/releases/2014/2014-03-26-missile.ko.md --
            ---
            title: 미사일 발사
            topics: [north-korea]
            ---
            본문
            -- content/releases/2014/2014-03-26-missile.en.md --
            ---
            title: Missile launch
            ---
            Body
            -- content/releases/2013/2013-12-13-execution.ko.md --
            ---
            title: 처형
            ---
            본문
            -- content/releases/2015/2015-05-09-slbm.ko.md --
            ---
            title: SLBM
            ---
            본문
            """;

    @TempDir
    Path dir;

    private SiteFixture check(String files, String... args) {
        SiteFixture site = SiteFixture.given(dir, SITE + files);
        String[] all = Stream.concat(Stream.of("check", "--source", dir.toString(), "--now", "2020-01-01"),
                Stream.of(args)).toArray(String[]::new);
        return site.run(all);
    }

    @Test
    void passesWithATranslationReportGroupedByYear() {
        SiteFixture site = check("");
        assertEquals(0, site.status(), site.out() + site.err());
        assertEquals("""
                Translation report (3 published releases):
                  ko: every release has a version in ko
                  en: 2 of 3 releases have no version in en
                    2013 (1): 2013-12-13-execution
                    2015 (1): 2015-05-09-slbm
                Check passed: 0 errors, 0 warnings; nothing was written.
                """, site.out());
    }

    @Test
    void reportsInternalLinksThatDoNotResolveAtTheirLineAndColumn() {
        SiteFixture site = check("""
                -- content/releases/2015/2015-06-01-links.ko.md --
                ---
                title: 링크
                ---
                [있음](/ko/releases/2014-03-26-missile/), [영문](https://press.example.org/en/releases/2014-03-26-missile/),
                [주제](/en/topics/north-korea/), [연도](../../archive/2014/) and [파일](/files/2014/statement.pdf).
                [없음](/ko/releases/2014-03-26-misile/) and [외부](https://example.com/ko/releases/x/).

                See ![그림](/files/2014/chart.png) and <https://press.example.org/en/archive/2013/>.

                [참고]: /ko/topics/south-korea/
                """);
        assertEquals(1, site.status(), site.out());
        assertEquals(List.of(
                "content/releases/2015/2015-06-01-links.ko.md:6:6: link to /ko/releases/2014-03-26-misile/ does not "
                        + "resolve to a page or file of the site (hint: did you mean /ko/releases/2014-03-26-missile/?)",
                "content/releases/2015/2015-06-01-links.ko.md:8:11: link to /files/2014/chart.png does not resolve "
                        + "to a page or file of the site",
                "content/releases/2015/2015-06-01-links.ko.md:8:39: link to /en/archive/2013/ does not resolve to a "
                        + "page or file of the site (hint: did you mean /en/archive/2014/?)",
                "content/releases/2015/2015-06-01-links.ko.md:10:7: link to /ko/topics/south-korea/ does not resolve "
                        + "to a page or file of the site (hint: did you mean /ko/topics/north-korea/?)"),
                problemLines(site));
        assertEquals("Check failed: 4 errors, 0 warnings; nothing was written.", last(site));
    }

    @Test
    void explainsALinkToAReleaseThatIsNotPublished() {
        SiteFixture site = check("""
                -- content/releases/2015/2015-06-01-links.ko.md --
                ---
                title: 링크
                ---
                See [the English](/en/releases/2013-12-13-execution/).
                """);
        assertEquals(List.of("content/releases/2015/2015-06-01-links.ko.md:4:19: link to "
                + "/en/releases/2013-12-13-execution/ does not resolve to a page or file of the site (hint: release "
                + "2013-12-13-execution has no published 'en' page: it is a draft, embargoed, dated in the future, or "
                + "not translated)"), problemLines(site));
    }

    @Test
    void checksLinksUnderTheBasePathOfTheSite() {
        SiteFixture site = check("""
                -- content/site.yml --
                baseUrl: https://example.org/press/
                -- content/releases/2015/2015-06-01-links.ko.md --
                ---
                title: 링크
                ---
                [ok](/press/ko/releases/2014-03-26-missile/) [bad](/press/ko/archive/2016/) [other](/ko/archive/2016/)
                """);
        assertEquals(List.of("content/releases/2015/2015-06-01-links.ko.md:4:52: link to /press/ko/archive/2016/ "
                + "does not resolve to a page or file of the site (hint: did you mean /press/ko/archive/2015/?)"),
                problemLines(site));
    }

    @Test
    void reportsAliasesThatCollide() {
        SiteFixture site = check("""
                -- content/releases/2015/2015-06-01-aliases.ko.md --
                ---
                title: 별칭
                aliases:
                  - /news/view.do?id=7
                  - /old/7
                  - /old/7
                  - /ko/archive/
                ---
                본문
                -- content/releases/2015/2015-06-01-aliases.en.md --
                ---
                title: Aliases
                aliases: ["/news/view.do?id=7", /files/2014/statement.pdf]
                ---
                Body
                """);
        assertEquals(List.of(
                "content/releases/2015/2015-06-01-aliases.en.md:3:11: alias '/news/view.do?id=7' is also an alias at "
                        + "content/releases/2015/2015-06-01-aliases.ko.md:4:5 (hint: an earlier address can redirect to one "
                        + "page only)",
                "content/releases/2015/2015-06-01-aliases.en.md:3:33: alias '/files/2014/statement.pdf' is the address of "
                        + "the copied file content/files/2014/statement.pdf (hint: remove the alias or rename the file)",
                "content/releases/2015/2015-06-01-aliases.ko.md:6:5: alias '/old/7' is also an alias at "
                        + "content/releases/2015/2015-06-01-aliases.ko.md:5:5 (hint: an earlier address can redirect to one "
                        + "page only)",
                "content/releases/2015/2015-06-01-aliases.ko.md:7:5: alias '/ko/archive/' is the address of a live page, "
                        + "/ko/archive/ (hint: remove the alias; a page cannot redirect from a live address)"),
                problemLines(site));
    }

    @Test
    void reportsWhatTheBuildWouldRejectAndWritesNothing() throws IOException {
        SiteFixture.given(dir, SITE + """
                -- content/releases/2015/2015-06-01-typo.ko.md --
                ---
                title: 오타
                topic: [north-korea]
                ---
                본문
                """);
        Map<String, Long> before = snapshot();
        SiteFixture site = SiteFixture.given(dir, "").run("check", "--source", dir.toString());
        assertEquals(1, site.status());
        assertEquals("""
                content/releases/2015/2015-06-01-typo.ko.md:3:1: unknown field 'topic' (hint: did you mean 'topics'?)
                Check failed: 1 error, 0 warnings; nothing was written.
                """, site.out());
        assertEquals(before, snapshot());
        assertFalse(Files.exists(dir.resolve("site")));
    }

    @Test
    void writesNothingWhenTheContentIsGood() throws IOException {
        SiteFixture.given(dir, SITE);
        Map<String, Long> before = snapshot();
        assertEquals(0, SiteFixture.given(dir, "").run("check", "--source", dir.toString()).status());
        assertEquals(before, snapshot());
    }

    @Test
    void warnsOfATranslationOlderThanACorrectionOfItsOriginal() {
        SiteFixture site = check("""
                -- content/releases/2014/2014-03-26-missile.ko.md --
                ---
                title: 미사일 발사
                topics: [north-korea]
                updates:
                  - { date: 2014-03-27, note: 발사 시각 정정 }
                ---
                본문
                """);
        assertEquals(0, site.status(), site.out());
        assertEquals(List.of("content/releases/2014/2014-03-26-missile.en.md:1:1: warning: the en translation may be "
                + "stale: the original (content/releases/2014/2014-03-26-missile.ko.md) has a correction of 2014-03-27 "
                + "(발사 시각 정정), after this translation's last change (2014-03-26) (hint: bring the translation up to "
                + "date and add an updates entry to it)"), problemLines(site));
        assertEquals("  1 translation may be stale (warnings above)", site.out().lines().toList().get(
                site.out().lines().toList().size() - 2));
    }

    @Test
    void warnsOfATranslationCommittedBeforeItsOriginalInGit() throws Exception {
        SiteFixture.given(dir, SITE);
        git("init", "-q");
        git("add", "-A");
        commit("2014-03-26T10:00:00+09:00");
        Path ko = dir.resolve("content/releases/2014/2014-03-26-missile.ko.md");
        Files.writeString(ko, Files.readString(ko).replace("본문", "본문을 고쳤다"));
        git("add", "-A");
        commit("2014-03-28T09:00:00+09:00");
        SiteFixture site = SiteFixture.given(dir, "").run("check", "--source", dir.toString(), "--format", "github");
        assertEquals(0, site.status(), site.out());
        assertEquals(List.of("::warning file=content/releases/2014/2014-03-26-missile.en.md,line=1,col=1::the en "
                + "translation may be stale: the original (content/releases/2014/2014-03-26-missile.ko.md) was last "
                + "committed 2014-03-28T00:00Z, after this file (2014-03-26T01:00Z) (hint: bring the translation up to "
                + "date, or commit it again if it is current)"),
                site.out().lines().filter(l -> l.startsWith("::")).toList());
    }

    @Test
    void printsGithubAnnotationsForErrors() {
        SiteFixture site = check("""
                -- content/releases/2015/2015-06-01-links.ko.md --
                ---
                title: 링크
                ---
                [없음](/ko/releases/2099-01-01-x/)
                """, "--format", "github");
        assertEquals(1, site.status());
        assertEquals("::error file=content/releases/2015/2015-06-01-links.ko.md,line=4,col=6::link to "
                + "/ko/releases/2099-01-01-x/ does not resolve to a page or file of the site", site.out().lines()
                        .findFirst().orElseThrow());
    }

    @Test
    void checksDraftsOnlyWhenAskedTo() {
        String draft = """
                -- content/releases/2015/2015-06-01-draft.ko.md --
                ---
                title: 초안
                draft: true
                ---
                [없음](/ko/topics/nowhere/)
                """;
        assertEquals(0, check(draft).status());
        SiteFixture site = check(draft, "--drafts");
        assertEquals(1, site.status());
        assertEquals(List.of("content/releases/2015/2015-06-01-draft.ko.md:5:6: link to /ko/topics/nowhere/ does not "
                + "resolve to a page or file of the site"), problemLines(site));
    }

    @Test
    void refusesAnUnknownFormatAsWrongUsage() {
        SiteFixture site = check("", "--format", "xml");
        assertEquals(2, site.status());
    }

    private static List<String> problemLines(SiteFixture site) {
        return site.out().lines().filter(l -> l.startsWith("content/") || l.startsWith("templates/")).toList();
    }

    private static String last(SiteFixture site) {
        List<String> lines = site.out().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private Map<String, Long> snapshot() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.toString().contains("/.git")).collect(java.util.stream.Collectors.toMap(
                    p -> dir.relativize(p).toString(), p -> {
                        try {
                            return Files.isDirectory(p) ? -1L : Files.getLastModifiedTime(p).toMillis() * 31 + Files.size(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    private void commit(String date) throws Exception {
        run(Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), "git", "-c", "user.name=Editor", "-c",
                "user.email=editor@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "edit");
    }

    private void git(String... args) throws Exception {
        String[] all = Stream.concat(Stream.of("git"), Stream.of(args)).toArray(String[]::new);
        run(Map.of(), all);
    }

    private void run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ":\n" + output);
    }
}
