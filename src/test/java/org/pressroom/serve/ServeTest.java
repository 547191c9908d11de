package org.pressroom.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.build.When;
import org.pressroom.testing.SiteFixture;

/** {@code pressroom serve} over real HTTP on a free loopback port. */
class ServeTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/press/
            languages:
              ko: { title: 외교부 보도자료, locale: ko-KR }
              en: { title: MOFA Press Releases, locale: en-US }
            timeZone: Asia/Seoul
            -- content/files/2013/회담 자료.pdf --
            %PDF-1.4 not really
            -- content/releases/2013/2013-09-27-yun-kerry.ko.md --
            ---
            title: 한미 외교장관회담
            attachments:
              - { file: 2013/회담 자료.pdf, title: 회담 자료 }
            ---
            본문.
            -- content/releases/2013/2013-09-27-yun-kerry.en.md --
            ---
            title: Korea-US Foreign Ministers' Meeting
            ---
            Text.
            -- content/releases/2013/2013-10-02-draft-note.ko.md --
            ---
            title: 아직 발표하지 않은 자료
            draft: true
            ---
            초안 본문.
            -- secret.txt --
            do not serve me
            """;

    @TempDir
    Path dir;
    SiteFixture site;
    Serve serve;
    final StringWriter log = new StringWriter();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Serve start() throws Exception {
        site = SiteFixture.given(dir, SITE);
        PrintWriter w = new PrintWriter(log, true);
        serve = Serve.start(dir, 0, Optional.of(When.parse("2026-01-01")), w, w);
        return serve;
    }

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(serve.url().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request line exactly as given (clients normalize dot segments; attackers do not). */
    private String raw(String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), serve.url().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(25);
        }
    }

    private String body(String path) {
        try {
            return get(path).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void servesPrettyUrlsWithTheirContentTypes() throws Exception {
        start();
        HttpResponse<String> home = get("/ko/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(home.body().contains("한미 외교장관회담"), home.body());
        assertTrue(home.body().contains("href=\"/ko/releases/2013-09-27-yun-kerry/\""), "links use the local root");

        HttpResponse<String> css = get("/assets/style.css");
        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> pdf = get("/files/2013/%ED%9A%8C%EB%8B%B4%20%EC%9E%90%EB%A3%8C.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(pdf.body().startsWith("%PDF-1.4"));

        HttpResponse<String> folder = get("/en/releases/2013-09-27-yun-kerry");
        assertEquals(301, folder.statusCode());
        assertEquals("/en/releases/2013-09-27-yun-kerry/", folder.headers().firstValue("Location").orElseThrow());

        assertEquals(200, get("/").statusCode());
    }

    @Test
    void answersUnknownPathsWithTheSites404PageAndStatus404() throws Exception {
        start();
        HttpResponse<String> r = get("/ko/releases/no-such-release/");
        assertEquals(404, r.statusCode());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("<body class=\"page-404\">"), r.body());
    }

    @Test
    void neverServesFilesOutsideTheSite() throws Exception {
        start();
        for (String path : new String[] {"/../secret.txt", "/ko/../../secret.txt", "/%2e%2e/secret.txt",
                "/%2E%2E/content/site.yml", "/assets/..%2f..%2fsecret.txt", "/assets%2f..%2f..%2fsecret.txt",
                "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/assets/..\\..\\secret.txt",
                "/files/../../content/site.yml", "/secret.txt", "/content/site.yml", "/assets%2fstyle.css",
                "/%00/secret.txt", "/%c0%ae%c0%ae/secret.txt", "//secret.txt"}) {
            String response = raw(path);
            assertTrue(response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"),
                    path + " -> " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains("do not serve me") || response.contains("baseUrl:"), path);
        }
        assertTrue(raw("/assets/style.css").startsWith("HTTP/1.1 200"), "the check itself can pass");
    }

    @Test
    void injectsTheLiveReloadScriptWhenServingButNeverIntoABuild() throws Exception {
        start();
        assertTrue(body("/ko/").contains(LiveReload.PATH));
        assertTrue(body("/nowhere/").contains(LiveReload.PATH), "the 404 page reloads too");
        assertFalse(body("/assets/style.css").contains(LiveReload.PATH));
        site.build("--drafts").thenSucceeds();
        try (Stream<Path> files = Files.walk(site.site())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).contains("__pressroom"), p.toString());
            }
        }
    }

    @Test
    void showsDraftsMarkedWhenServingButLeavesThemOutOfABuild() throws Exception {
        start();
        String home = body("/ko/");
        assertTrue(home.contains("<li class=\"release-item is-draft\">"), home);
        assertTrue(home.contains("<span class=\"item-draft\">초안</span>"), home);
        HttpResponse<String> page = get("/ko/releases/2013-10-02-draft-note/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("class=\"draft-banner\""));

        site.build().thenSucceeds();
        assertFalse(site.exists("ko/releases/2013-10-02-draft-note/index.html"));
        site.assertFile("ko/index.html", "! 아직 발표하지 않은 자료\n! item-draft");
        site.build("--drafts").thenSucceeds();
        site.assertFile("ko/index.html", "<span class=\"item-draft\">초안</span>");
    }

    @Test
    void servesAnEditedReleaseOnALaterRequest() throws Exception {
        start();
        assertTrue(body("/en/releases/2013-09-27-yun-kerry/").contains("Korea-US Foreign Ministers&#39; Meeting"));
        site.write("""
                -- content/releases/2013/2013-09-27-yun-kerry.en.md --
                ---
                title: Korea-US Foreign Ministers Met in New York
                ---
                Text.
                """);
        eventually("the edit is served", () -> body("/en/releases/2013-09-27-yun-kerry/")
                .contains("Korea-US Foreign Ministers Met in New York"));
        site.write("""
                -- content/releases/2014/2014-01-02-new-year.en.md --
                ---
                title: New Year Message
                ---
                Text.
                """);
        eventually("a new folder's release is served", () -> body("/en/").contains("New Year Message"));
    }

    @Test
    void keepsServingTheLastGoodSiteAfterABrokenEditAndTellsOpenPages() throws Exception {
        start();
        long good = serve.version();
        CompletableFuture<String> events = CompletableFuture.supplyAsync(() -> readEvents("data: content/releases/"));
        eventually("the page listens", () -> serve.live().listeners() > 0);
        site.write("""
                -- content/releases/2013/2013-09-27-yun-kerry.en.md --
                ---
                title: [unclosed
                ---
                Text.
                """);
        String stream = events.get(20, TimeUnit.SECONDS);
        assertTrue(stream.contains("data: content/releases/2013/2013-09-27-yun-kerry.en.md:"), stream);
        assertFalse(serve.healthy());
        assertTrue(log.toString().contains("still serving the last good version"), log.toString());
        assertEquals(good, serve.version());
        assertTrue(body("/en/releases/2013-09-27-yun-kerry/").contains("Korea-US Foreign Ministers&#39; Meeting"));

        CompletableFuture<String> recovery = CompletableFuture.supplyAsync(() -> readEvents("data: " + (good + 1)));
        eventually("the page listens again", () -> serve.live().listeners() > 0);
        site.write("""
                -- content/releases/2013/2013-09-27-yun-kerry.en.md --
                ---
                title: Fixed Title
                ---
                Text.
                """);
        assertTrue(recovery.get(20, TimeUnit.SECONDS).contains("event: version"));
        assertTrue(serve.healthy());
        assertTrue(body("/en/releases/2013-09-27-yun-kerry/").contains("Fixed Title"));
    }

    /** Reads the event stream until a line starts with {@code until}; returns what was read. */
    private String readEvents(String until) {
        return readEvents(LiveReload.PATH, until);
    }

    /** Reads the event stream at {@code stream} (path and query) until a line starts with {@code until}. */
    private String readEvents(String stream, String until) {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(serve.url().resolve(stream))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            StringBuilder sb = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    sb.append(line).append('\n');
                    if (line.startsWith(until)) {
                        return sb.toString();
                    }
                }
            }
            return sb.toString();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void servesTheProblemsUntilTheFirstGoodBuild() throws Exception {
        site = SiteFixture.given(dir, SITE.replace("title: 아직 발표하지 않은 자료", "title: [broken"));
        PrintWriter w = new PrintWriter(log, true);
        serve = Serve.start(dir, 0, Optional.of(When.parse("2026-01-01")), w, w);
        HttpResponse<String> r = get("/ko/");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("content/releases/2013/2013-10-02-draft-note.ko.md:"), r.body());
        assertTrue(r.body().contains(LiveReload.PATH));
        site.write(SITE);
        eventually("the fixed site is served", () -> body("/ko/").contains("한미 외교장관회담"));
    }

    @Test
    void reportsATakenPortAndExitsWithStatus1() throws Exception {
        site = SiteFixture.given(dir, SITE);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            site.run("serve", "--source", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, site.status());
            assertTrue(site.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use"), site.err());
            assertTrue(site.err().contains("--port N"), site.err());
        }
    }

    @Test
    void refusesAPortOutOfRangeAsWrongUsage() {
        site = SiteFixture.given(dir, SITE);
        site.run("serve", "--source", dir.toString(), "--port", "70000");
        assertEquals(2, site.status());
        assertTrue(site.err().contains("--port 70000 is not a port"), site.err());
    }

    @Test
    void servesHeadRequestsWithoutABody() throws Exception {
        start();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(serve.url() + "ko/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void makesTheOpenPagesFirstWhenAnEditMakesManyAndServesTheOthersOnceMade() throws Exception {
        System.setProperty("pressroom.earlyPages", "2");
        try {
            start();
            long v = serve.version();
            String open = "/en/releases/2013-09-27-yun-kerry/";
            CompletableFuture<String> events = CompletableFuture.supplyAsync(() -> readEvents(LiveReload.PATH
                    + "?page=" + java.net.URLEncoder.encode(open, StandardCharsets.UTF_8), "data: " + (v + 1)));
            eventually("the page listens", () -> serve.live().openFiles()
                    .equals(java.util.Set.of("en/releases/2013-09-27-yun-kerry/index.html")));
            Path t = dir.resolve("templates/release.ftlh");
            Files.writeString(t, Files.readString(t).replace("<article class=\"release\">",
                    "<article class=\"release edited\">"));
            assertTrue(events.get(20, TimeUnit.SECONDS).contains("event: version"));
            assertTrue(body(open).contains("release edited"), "the open page");
            assertTrue(body("/ko/releases/2013-09-27-yun-kerry/").contains("release edited"), "another release page");
            eventually("the whole site is made", () -> serve.preview().current().complete() == null);
            assertTrue(log.toString().contains("(open pages first)"), log.toString());
        } finally {
            System.clearProperty("pressroom.earlyPages");
        }
    }

    @Test
    void knowsWhichPageAnEventStreamIsOpenFor() {
        assertEquals(Optional.of("ko/releases/2013-09-27-x/index.html"),
                LiveReload.pageFile("page=%2Fko%2Freleases%2F2013-09-27-x%2F"));
        assertEquals(Optional.of("ko/topics/북한/index.html"),
                LiveReload.pageFile("page=" + java.net.URLEncoder.encode("/ko/topics/%EB%B6%81%ED%95%9C/", StandardCharsets.UTF_8)));
        assertEquals(Optional.of("index.html"), LiveReload.pageFile("x=1&page=%2F"));
        assertEquals(Optional.empty(), LiveReload.pageFile("page=%2F..%2F..%2Fetc%2Fpasswd"));
        assertEquals(Optional.empty(), LiveReload.pageFile("page=relative"));
        assertEquals(Optional.empty(), LiveReload.pageFile(null));
    }

    @Test
    void aRequestForAPageStillBeingMadeWaitsForTheWholeSite() throws Exception {
        CompletableFuture<Preview.Snapshot> whole = new CompletableFuture<>();
        Preview.Snapshot done = new Preview.Snapshot(2, java.util.Map.of("a.html", new byte[] {1}), java.util.Map.of(), null);
        Preview.Snapshot early = new Preview.Snapshot(2, java.util.Map.of(), java.util.Map.of(), whole);
        CompletableFuture<Preview.Snapshot> asked = CompletableFuture.supplyAsync(early::whole);
        Thread.sleep(100);
        assertFalse(asked.isDone(), "waits while the site is being made");
        whole.complete(done);
        assertEquals(done, asked.get(5, TimeUnit.SECONDS));
        assertEquals(done, done.whole());
    }
}
