package org.pressroom.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.pressroom.archive.Archive;
import org.pressroom.content.ConfigParser;
import org.pressroom.content.Content;
import org.pressroom.content.RawFile;
import org.pressroom.content.Release;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Sources;
import org.pressroom.content.StaticFile;
import org.pressroom.content.Topic;
import org.pressroom.markdown.Markdown;
import org.pressroom.plan.Page;
import org.pressroom.plan.Aliases;
import org.pressroom.plan.Plan;
import org.pressroom.problem.BuildFailure;
import org.pressroom.problem.Problem;
import org.pressroom.problem.Problems;
import org.pressroom.render.Renderer;
import org.pressroom.render.Theme;

/**
 * Random front matter, Markdown, names and bytes thrown at the parse stage and everything after it:
 * nothing but {@link BuildFailure} may come out, and every problem names a file and a 1-based
 * position in it.
 */
class LoaderFuzzTest {
    static final String SITE_YML = """
            baseUrl: https://press.example.org/
            timeZone: Asia/Seoul
            pageSize: 2
            """;
    static final String TOPICS_YML = "north-korea: { ko: 북한, en: North Korea }\nun: { ko: 유엔, en: UN }\n";
    static final SiteConfig SITE;
    static final Map<String, Topic> TOPICS;
    static final Sources THEME_SOURCES = themeSources();
    static final Theme THEME;
    static final List<StaticFile> FILES = List.of(new StaticFile("content/files/a.pdf", Path.of("a.pdf"),
            "files/a.pdf", 10));

    static {
        Problems p = new Problems();
        SITE = ConfigParser.site(Optional.of(raw("content/site.yml", SITE_YML)), p).orElseThrow();
        TOPICS = ConfigParser.topics(Optional.of(raw("content/topics.yml", TOPICS_YML)), SITE, p);
        THEME = Theme.of(THEME_SOURCES, SITE, p).orElseThrow();
        p.throwIfAny();
    }

    @Property(tries = 200)
    void randomReleasesGiveProblemsWithPositionsOrAWholeSite(@ForAll("releaseFiles") List<RawFile> files) {
        Sources sources = new Sources(Optional.empty(), Optional.empty(), files, THEME_SOURCES.templates(),
                THEME_SOURCES.i18n(), FILES, List.of());
        Set<String> paths = files.stream().map(RawFile::path).collect(Collectors.toSet());
        Problems problems = new Problems();
        try {
            List<Release> releases = Content.releases(sources, SITE, TOPICS, new Markdown(false), problems);
            problems.throwIfAny();
            Plan plan = Plan.of(Archive.assemble(SITE, TOPICS, releases, true, Instant.parse("2100-01-01T00:00:00Z")));
            Checks checks = new Checks(plan, sources);
            List<Problem> found = new ArrayList<>(checks.links());
            assertEquals(List.of(), checks.hreflang(), "hreflang is reciprocal");
            Problems aliasProblems = new Problems();
            Aliases.check(plan, releases, Map.of(), aliasProblems);
            found.addAll(aliasProblems.sorted());
            found.addAll(checks.staleTranslations(Map.of()));
            found.forEach(p -> assertPositioned(p, paths));
            assertFalse(checks.missingLanguages().isEmpty());
            Renderer renderer = new Renderer(plan, THEME);
            for (Page page : plan.pages()) {
                Renderer.Result r = renderer.render(page);
                assertEquals(Optional.empty(), r.problem(), "the theme renders every valid release");
            }
            Statistics.label("outcome").collect("rendered");
        } catch (BuildFailure f) {
            Statistics.label("outcome").collect("problems");
            assertFalse(f.problems().isEmpty());
            f.problems().forEach(p -> assertPositioned(p, paths));
        }
    }

    @Property(tries = 100)
    void randomSettingsGiveProblemsWithPositionsOrSettings(@ForAll("settings") String siteYml,
            @ForAll("topics") String topicsYml) {
        Problems problems = new Problems();
        Optional<SiteConfig> site = ConfigParser.site(Optional.of(raw("content/site.yml", siteYml)), problems);
        site.ifPresent(s -> ConfigParser.topics(Optional.of(raw("content/topics.yml", topicsYml)), s, problems));
        if (site.isEmpty()) {
            assertFalse(problems.isEmpty(), "settings refused without a problem");
        }
        problems.sorted().forEach(p -> assertPositioned(p, Set.of("content/site.yml", "content/topics.yml")));
    }

    private static void assertPositioned(Problem p, Set<String> paths) {
        assertTrue(p.line() >= 1 && p.column() >= 1, () -> "no position: " + p);
        assertTrue(paths.contains(p.path()) || p.path().equals("content/site.yml"), () -> "no such file: " + p);
        assertFalse(p.message().isBlank(), () -> "no message: " + p);
    }

    // ---- generators ----

    static final List<String> KEYS = List.of("title", "title", "title", "date", "type", "topics", "number", "office",
            "translation", "summary", "aliases", "draft", "embargo", "updates", "attachments", "related", "titel",
            "Title", "\"title\"", "? title", "- title", "[title]", "&x title", "*x", "title:", "!!str title", "1", "~");

    static final List<String> VALUES = List.of("미사일 발사", "\"따옴표\"", "'single ''quote'''", "Missile launch",
            "[north-korea]", "[north-korea, un]", "[nowhere]", "north-korea", "2014-03-26", "2014-03-26T10:00:00+09:00",
            "2014-03-26T23:30:00Z", "2014-13-45", "2014-03-27", "true", "false", "yes", "~", "\"\"", "''",
            "{file: a.pdf, title: 첨부}", "[{file: a.pdf}, {file: ../x}, {file: /etc/passwd}]", "[{file: b.pdf, size: 1}]",
            "[{date: 2014-03-27, note: 정정}]", "[{date: 2014-03-01, note: x}, {date: 2014-03-27}]", "[{date: x}]",
            "&a [x, *a]", "*nope", "!!java.net.URL [\"http://x/\"]", "!custom x", "!!binary aGk=", "!!set {a, b}",
            "[/old, \"../x\", \"//evil\", /a?b=c, \"/a b\"]", "/old/path", "\"\\a\"", "\"\\x1b[31m\"", "\"\\u0000\"",
            "|\n  block\n  text", ">-\n  folded\n  text", "[unclosed", "{a: 1, a: 2}", "12345678901234567890",
            "\n  - item\n  - 2014-03-26-missile", "@reserved", "`tick", "{ }", "[[[[[[[[[[]]]]]]]]]]", "\t tab",
            "official", "machine", "original", "unofficial", "press-release", "briefing", "nope-type",
            "[2014-03-26-missile]", "[2013-12-13-execution, 2013-12-13-execution]", "0x1F", ".inf", "2014-03-26 10:00",
            "\"</script><img src=x onerror=alert(1)>\"", "한글 ' 따옴표", "%TAG", "--- second doc", "... end");

    static final List<String> MARKDOWN = List.of("본문 첫 문단.", "# 제목", "1. 첫째\n2. 둘째\n    - 가\n    - 나",
            "[a](/ko/releases/2014-03-26-missile/)", "[b](../2013-12-13-execution/)", "[c](/en/topics/nowhere/)",
            "<https://press.example.org/ko/archive/2014/>", "![i](/files/a.png)", "[d](/files/a.pdf)",
            "| a | b |\n|---|---|\n| 1 | 2 |", "각주[^1]\n\n[^1]: 설명", "<script>alert(1)</script>", "<div>\nraw\n</div>",
            "```\ncode\n```", "> 인용", "***", "---", "...", "[ref]: /ko/topics/un/ \"t\"", "[ref]", "&#106;&amp;",
            "\\\\", "[x](<a b>)", "[x](http://[::1]/)", "[x](/ko/%zz/)", "[x](/ko/releases/%C3%28/)", "[x](javascript:y)",
            "[x](//press.example.org/ko/)", "[x](https://press.example.org:8443/ko/)", "[x](#top)", "[x]()",
            "[x](?q=1)", "[x](/ko/releases/2014-03-26-missile/index.html)", "   indented code", "\t- tab list",
            "* * *", "- [ ] task", "<!-- comment", "<", "]]>", "${7*7}", "<#if>", "📰 emoji 😀 \uD83D", "\uFEFF");

    @Provide
    Arbitrary<List<RawFile>> releaseFiles() {
        Arbitrary<String> id = Arbitraries.of("2014-03-26-missile", "2014-03-26-missile", "2013-12-13-execution",
                "2014-02-30-bad-date", "2014-03-26-North Korea", "2014-03-26-북한", "x", "2014-03-26-", "2014-03-26-a--b",
                "2015-01-01-new", "9999-12-31-far");
        Arbitrary<String> lang = Arbitraries.of("ko", "ko", "en", "en", "jp", "", "KO", "ko.en");
        Arbitrary<String> folder = Arbitraries.of("2014/", "2014/", "2013/", "old/", "2014/deep/", "");
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(VALUES),
                Arbitraries.of("", "", "  ", "\t")).as((k, v, indent) -> indent + k + ": " + v);
        Arbitrary<String> frontMatter = field.list().ofMaxSize(8).map(l -> String.join("\n", l));
        Arbitrary<String> body = Combinators.combine(Arbitraries.of(MARKDOWN).list().ofMaxSize(10),
                Arbitraries.of("\n\n", "\n")).as((l, sep) -> String.join(sep, l));
        Arbitrary<String> text = Combinators.combine(frontMatter, body, Arbitraries.integers().between(0, 9))
                .as((fm, b, shape) -> switch (shape) {
                    case 0 -> "---\n" + fm + "\n" + b;
                    case 1 -> "\uFEFF---\r\n" + fm.replace("\n", "\r\n") + "\r\n---\r\n" + b;
                    case 2 -> fm + "\n---\n" + b;
                    case 3 -> "---\n---\n" + b;
                    case 4 -> "---\n" + fm + "\n...\n" + b;
                    default -> "---\ntitle: 제목\n" + fm + "\n---\n" + b;
                });
        Arbitrary<byte[]> bytes = Combinators.combine(text, Arbitraries.integers().between(-1, 400),
                Arbitraries.of((byte) 0xC3, (byte) 0xFF, (byte) 0x80, (byte) 0x0B)).as((t, at, b) -> {
                    byte[] raw = t.getBytes(StandardCharsets.UTF_8);
                    if (at >= 0 && at < raw.length && Math.floorMod(at, 5) == 0) {
                        raw[at] = b;
                    }
                    return raw;
                });
        Arbitrary<RawFile> file = Combinators.combine(folder, id, lang, bytes).as((f, i, l, b) ->
                new RawFile("content/releases/" + f + i + (l.isEmpty() ? "" : "." + l) + ".md", b.length, b));
        Arbitrary<List<RawFile>> hostile = file.list().ofMinSize(1).ofMaxSize(5);
        return Arbitraries.frequencyOf(Tuple.of(1, hostile), Tuple.of(1, friendlyFiles(body)));
    }

    static final Map<String, List<String>> FRIENDLY = Map.of(
            "summary", List.of("요약", "\"A summary: with colon\"", "'</script>'"),
            "office", List.of("대변인", "Spokesperson and Deputy Minister"),
            "topics", List.of("[north-korea]", "[north-korea, un]", "[un]"),
            "number", List.of("제14-123호", "\"123\""),
            "translation", List.of("unofficial", "machine", "official"),
            "aliases", List.of("[/old/view.do?id=1]", "[\"/old/a b\"]", "[/en/old/1, /ko/old/1]"),
            "updates", List.of("[{date: 2016-01-02, note: 정정}]", "[{date: 2016-01-02, note: a}, {date: 2016-02-03, note: b}]"),
            "attachments", List.of("[{file: a.pdf, title: 첨부}]", "[{file: a.pdf}]"),
            "draft", List.of("true", "false"),
            "embargo", List.of("2016-05-01T10:00:00+09:00", "2099-01-01T00:00:00Z"));

    /** Sets of mostly valid files, so that the later stages and the theme get exercised too. */
    private static Arbitrary<List<RawFile>> friendlyFiles(Arbitrary<String> body) {
        Arbitrary<String> id = Arbitraries.of("2014-03-26-missile", "2013-12-13-execution", "2015-01-01-new",
                "2015-01-02-other", "2014-03-27-more");
        Arbitrary<Map<String, Integer>> fields = Arbitraries.maps(Arbitraries.of(FRIENDLY.keySet()),
                Arbitraries.integers().between(0, 9)).ofMaxSize(5);
        Arbitrary<RawFile> file = Combinators.combine(id, Arbitraries.of("ko", "en"), fields, body,
                Arbitraries.of("미사일 발사", "Missile \"launch\"", "'<b>굵게</b> & \\'")).as((i, l, f, b, title) -> {
                    StringBuilder t = new StringBuilder("---\ntitle: " + title + "\n");
                    f.forEach((k, n) -> {
                        List<String> options = FRIENDLY.get(k);
                        t.append(k).append(": ").append(options.get(n % options.size())).append('\n');
                    });
                    t.append("---\n").append(b).append('\n');
                    return raw("content/releases/" + i.substring(0, 4) + "/" + i + "." + l + ".md", t.toString());
                });
        return file.list().ofMinSize(1).ofMaxSize(6).uniqueElements(RawFile::path);
    }

    @Provide
    Arbitrary<String> settings() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.of("baseUrl", "baseUrl", "defaultLanguage",
                "languages", "timeZone", "pageSize", "types", "maxFileSize", "rawHtml", "params", "baseurl", "theme"),
                Arbitraries.of("https://press.example.org/", "ftp://x/", "ko", "jp", "Asia/Seoul", "Mars/Base", "20",
                        "0", "-1", "99999999999", "5MB", "5 XB", "true", "maybe", "{ko: {title: 보도자료}}",
                        "{ko: {title: 보도자료, locale: ko-KR}, en: {title: Press, locale: \"en US\"}}", "{KO: x}",
                        "{press-release: {ko: 보도자료}}", "{Press Release: {ko: a, en: b}}", "[list]", "{a: [1, {b: 2}]}",
                        "&a {x: *a}", "!!java.io.File x", "\"\\a\"", "[unclosed", "~", "\"\"")).as((k, v) -> k + ": " + v);
        return line.list().ofMaxSize(8).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<String> topics() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.of("north-korea", "un", "North Korea", "북한", "a--b",
                "x"), Arbitraries.of("{ko: 북한, en: North Korea}", "{ko: 북한}", "{jp: x}", "{ko: \"\", en: x}", "plain",
                "[x]", "~", "{ko: {nested: x}, en: y}")).as((k, v) -> k + ": " + v);
        return line.list().ofMaxSize(5).map(l -> String.join("\n", l));
    }

    // ---- fixtures ----

    private static RawFile raw(String path, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new RawFile(path, b.length, b);
    }

    private static Sources themeSources() {
        Path root = Path.of("templates");
        List<RawFile> templates = new ArrayList<>();
        List<RawFile> i18n = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = "templates/" + root.relativize(p).toString().replace('\\', '/');
                byte[] b = Files.readAllBytes(p);
                if (rel.endsWith(".ftlh")) {
                    templates.add(new RawFile(rel, b.length, b));
                } else if (rel.startsWith("templates/i18n/")) {
                    i18n.add(new RawFile(rel, b.length, b));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sources(Optional.empty(), Optional.empty(), List.of(), templates, i18n, List.of(), List.of());
    }
}
