package org.pressroom.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies kept in a file: round trip, concurrent appends and reads, equality by content, the render cache's file. */
class BodyStoreTest {
    @TempDir
    Path dir;

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void roundTripsAnyTextAndDeletesItsFileWhenClosed() throws Exception {
        List<String> texts = List.of("", "<p>한국어 본문 &amp; 표</p>\n", "emoji 🇰🇷 and \u0000 and \uFFFD",
                "x".repeat(100_000));
        Path file;
        try (BodyStore store = BodyStore.create(dir, "t-")) {
            file = store.file();
            List<Body> bodies = new ArrayList<>();
            for (String t : texts) {
                bodies.add(store.put(t));
            }
            long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
            assertEquals(bytes, store.size());
            assertEquals(bytes, Files.size(file), "the bodies are in the file");
            for (int i = texts.size() - 1; i >= 0; i--) {
                Body b = bodies.get(i);
                assertFalse(b.held());
                assertEquals(texts.get(i), b.html());
                assertEquals(texts.get(i).hashCode(), b.hashCode());
            }
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void manyThreadsAppendAndReadAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (BodyStore store = BodyStore.create(dir, "t-")) {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<Body> mine = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        String html = "<p>스레드 " + thread + " 본문 " + i + "</p>" + "가".repeat(i % 37);
                        mine.add(store.put(html));
                        // read back an earlier one while the others keep appending
                        int j = (i * 7) % mine.size();
                        String want = "<p>스레드 " + thread + " 본문 " + j + "</p>" + "가".repeat(j % 37);
                        if (!mine.get(j).html().equals(want)) {
                            return "thread " + thread + " read " + mine.get(j).html() + " for " + want;
                        }
                    }
                    for (int i = 0; i < mine.size(); i++) {
                        String want = "<p>스레드 " + thread + " 본문 " + i + "</p>" + "가".repeat(i % 37);
                        if (!mine.get(i).html().equals(want)) {
                            return "thread " + thread + " body " + i + " is " + mine.get(i).html();
                        }
                    }
                    return "ok";
                }));
            }
            for (Future<String> f : results) {
                assertEquals("ok", f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aStoreHoldsTheFirstBodiesInMemoryUpToItsShare() throws Exception {
        try (BodyStore store = BodyStore.create(dir, "t-", 2 * 10 + 2 * 10)) {
            Body first = store.put("0123456789");
            Body second = store.put("abcdefghij");
            Body third = store.put("ABCDEFGHIJ");
            Body fourth = store.put("x");
            assertTrue(first.held());
            assertTrue(second.held());
            assertFalse(third.held(), "no room left");
            assertFalse(fourth.held(), "no room left, even for a small one");
            assertEquals(31, Files.size(store.file()), "every body is in the file, held or not");
            assertEquals("0123456789abcdefghijABCDEFGHIJx", new String(Files.readAllBytes(store.file()),
                    StandardCharsets.UTF_8));
            assertEquals("ABCDEFGHIJ", third.html());
            assertEquals(first, Body.of("0123456789"));
        }
        try (RenderCache c = RenderCache.empty("v1", dir, 1 << 20)) {
            Markdown.Rendered r = new Markdown(false, c).render("본문");
            assertTrue(r.body().held());
            c.write(dir.resolve("markdown"));
        }
        try (RenderCache c = RenderCache.read(dir.resolve("markdown"), "v1", 1 << 20)) {
            Markdown.Rendered r = new Markdown(false, c).render("본문");
            assertEquals(0, c.made());
            assertEquals("<p>본문</p>\n", r.html(), "a held body was written to the cache's file too");
        }
    }

    @Test
    void bodiesAreEqualWhenTheirHtmlIsEqualWhereverTheyAreKept() throws Exception {
        try (BodyStore store = BodyStore.create(dir, "t-")) {
            Body a = store.put("<p>같은 본문</p>\n");
            Body b = store.put("<p>같은 본문</p>\n");
            Body held = Body.of("<p>같은 본문</p>\n");
            Body other = store.put("<p>다른 본문</p>\n");
            assertEquals(a, b);
            assertEquals(a, held);
            assertEquals(held, a);
            assertEquals(a.hashCode(), held.hashCode());
            assertNotEquals(a, other);
            assertNotEquals(held, other);
            // same hash, different text: "Aa" and "BB" collide in String.hashCode
            Body aa = store.put("Aa");
            Body bb = store.put("BB");
            assertEquals(aa.hashCode(), bb.hashCode());
            assertNotEquals(aa, bb);
            assertEquals(aa, Body.of("Aa"));
        }
    }

    @Test
    void theRenderCacheKeepsBodiesInItsFileAndTheNextBuildFindsThem() throws Exception {
        Path file = dir.resolve("markdown");
        String[] docs = {"첫 문단.\n\n둘째 문단.", "| a | b |\n|---|---|\n| 1 | 2 |", "Text with a footnote[^1].\n\n[^1]: 주석."};
        List<Markdown.Rendered> plain = new ArrayList<>();
        for (String d : docs) {
            plain.add(new Markdown(false).render(d));
        }

        try (RenderCache first = RenderCache.read(file, "v1")) {
            Markdown md = new Markdown(false, first);
            for (int i = 0; i < docs.length; i++) {
                Markdown.Rendered r = md.render(docs[i]);
                assertFalse(r.body().held(), "a cached build keeps bodies in the cache's file");
                assertEquals(plain.get(i), r);
            }
            assertEquals(3, first.made());
            assertNotNull(first.file());
            assertTrue(first.file().startsWith(dir), "the file is beside the cache: " + first.file());
            first.write(file);
        }
        assertEquals(List.of(file), files(), "written and moved into place; nothing else left");

        // the next build renders nothing it has seen, and keeps only what it used
        try (RenderCache second = RenderCache.read(file, "v1")) {
            Markdown md = new Markdown(false, second);
            assertEquals(plain.get(1), md.render(docs[1]));
            assertEquals(plain.get(2), md.render(docs[2]));
            assertEquals(plain.get(2).html(), md.render(docs[2]).html());
            assertEquals(0, second.made());
            assertEquals(plain.get(0).summary(), md.render(docs[0]).summary());
            assertEquals(0, second.made());
            assertEquals("<p>새 본문</p>\n", md.render("새 본문").html());
            assertEquals(1, second.made());
            second.write(file);
        }
        try (RenderCache third = RenderCache.read(file, "v1")) {
            Markdown md = new Markdown(false, third);
            for (int i = 0; i < docs.length; i++) {
                assertEquals(plain.get(i), md.render(docs[i]));
            }
            assertEquals(0, third.made());
            assertEquals(plain.get(0), new Markdown(true, third).render(docs[0]), "raw HTML is another key");
            assertEquals(1, third.made());
        }
        assertEquals(List.of(file), files(), "a cache that is not written leaves no file behind");

        // another version, a damaged file: empty
        try (RenderCache other = RenderCache.read(file, "v2")) {
            new Markdown(false, other).render(docs[0]);
            assertEquals(1, other.made());
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        try (RenderCache damaged = RenderCache.read(file, "v1")) {
            assertEquals(plain.get(0), new Markdown(false, damaged).render(docs[0]));
            assertEquals(1, damaged.made());
        }
    }

    @Test
    void withoutAFolderForItsFileTheRenderCacheHoldsBodiesElsewhere() throws Exception {
        Path missing = dir.resolve("no/such/folder");
        try (RenderCache c = RenderCache.empty("v1", missing)) {
            Markdown.Rendered r = new Markdown(false, c).render("본문");
            assertEquals("<p>본문</p>\n", r.html());
            if (c.file() != null) {
                assertFalse(c.file().startsWith(dir), "in the system's temporary folder: " + c.file());
            }
        }
    }
}
