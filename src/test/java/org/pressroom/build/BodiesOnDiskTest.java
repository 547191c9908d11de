package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.content.SourceLoader;
import org.pressroom.problem.Problems;
import org.pressroom.testing.SiteFixture;

/**
 * A build keeps the rendered Markdown bodies in a file while it runs (the next Markdown cache), not
 * in memory, and its pages are byte for byte those of a build whose bodies are held in memory
 * ({@link Incremental}, as serve runs it).
 */
class BodiesOnDiskTest {
    @TempDir
    Path dir;
    final List<String> seen = new ArrayList<>();

    @BeforeEach
    void write() {
        SiteFixture.given(dir, IncrementalTest.SITE);
    }

    @BeforeEach
    void readEveryBodyBack() {
        Build.heldBodies = 0;
    }

    @AfterEach
    void unhook() {
        Build.hook = stage -> { };
        Build.heldBodies = -1;
    }

    private BuildOptions options(Path out) {
        return new BuildOptions(dir, out, Optional.empty(), false, When.parse("2026-01-01"));
    }

    /** The files of the build cache folder, by name, with their sizes. */
    private Map<String, Long> cacheFiles() {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir.resolve(".pressroom"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(p.getFileName().toString(), Files.size(p));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void bodiesAreInAFileDuringTheBuildAndThePagesAreThoseOfBodiesInMemory() throws Exception {
        Build.hook = stage -> {
            if (stage.equals("loaded")) {
                cacheFiles().forEach((name, size) -> {
                    if (name.startsWith("markdown-") && name.endsWith(".tmp")) {
                        seen.add(name + " " + size);
                    }
                });
            }
        };
        Build.run(options(dir.resolve("site")), Progress.NONE, true);
        assertEquals(1, seen.size(), "one file of bodies while the build runs: " + seen);
        long size = Long.parseLong(seen.get(0).split(" ")[1]);
        assertTrue(size > "<p>첫 문단.</p>\n<p>둘째 문단.</p>\n".getBytes().length, "bodies written: " + seen);
        Map<String, Long> after = cacheFiles();
        assertTrue(after.keySet().stream().noneMatch(n -> n.endsWith(".tmp")), "moved into place: " + after);
        assertTrue(after.get("markdown") > size, "the bodies and their index are the next cache: " + after);

        Problems problems = new Problems();
        Incremental.Site held = new Incremental().update(options(dir.resolve("site")), SourceLoader.load(dir, problems));
        Map<String, byte[]> built = files(dir.resolve("site"));
        held.statics().forEach(f -> built.remove(f.outputPath()));
        assertEquals(held.pages().keySet(), built.keySet());
        for (Map.Entry<String, byte[]> e : held.pages().entrySet()) {
            assertArrayEquals(e.getValue(), built.get(e.getKey()), e.getKey());
        }
        assertTrue(new String(built.get("ko/releases/2013-09-27-yun-kerry/index.html"), "UTF-8")
                .contains("<p>둘째 문단.</p>"));

        // a rebuild after an edit takes the other bodies from that file and renders only the edited one
        Files.writeString(dir.resolve("content/releases/2014/2014-01-15-un-briefing.en.md"),
                "---\ntitle: UN Briefing\n---\nBriefing text, edited.\n");
        seen.clear();
        Build.hook = seen::add;
        Build.run(options(dir.resolve("site")), Progress.NONE, false);
        assertTrue(seen.contains("markdown 1"), "one body rendered: " + seen);
        assertTrue(new String(Files.readAllBytes(dir.resolve("site/ko/releases/2013-09-27-yun-kerry/index.html")),
                "UTF-8").contains("<p>둘째 문단.</p>"), "a body from the last build's file");
        assertTrue(new String(Files.readAllBytes(dir.resolve("site/en/releases/2014-01-15-un-briefing/index.html")),
                "UTF-8").contains("<p>Briefing text, edited.</p>"));
    }

    @Test
    void aFailedBuildLeavesTheLastCacheAndNoFileOfBodies() throws Exception {
        Build.run(options(dir.resolve("site")), Progress.NONE, false);
        byte[] markdown = Files.readAllBytes(cacheFolder().resolve("markdown"));
        Files.writeString(dir.resolve("content/releases/2014/2014-01-15-un-briefing.en.md"),
                "---\ntitle: UN Briefing\n---\nBriefing text, edited.\n");
        for (String stage : List.of("loaded", "rendered")) {
            Build.hook = s -> {
                if (s.equals(stage)) {
                    throw new IllegalStateException("stop at " + stage);
                }
            };
            assertThrows(IllegalStateException.class, () -> Build.run(options(dir.resolve("site")), Progress.NONE,
                    false));
            Map<String, Long> now = cacheFiles();
            assertTrue(now.keySet().stream().noneMatch(n -> n.startsWith("markdown-")), stage + ": " + now);
            assertArrayEquals(markdown, Files.readAllBytes(cacheFolder().resolve("markdown")), stage);
        }
        // a build killed before it could delete its file: the next build deletes it
        Path leftover = cacheFolder().resolve("markdown-12345.tmp");
        Files.write(leftover, new byte[1000]);
        Build.hook = stage -> { };
        Build.run(options(dir.resolve("site")), Progress.NONE, false);
        assertTrue(Files.notExists(leftover));
        assertTrue(Files.readString(dir.resolve("site/en/releases/2014-01-15-un-briefing/index.html"))
                .contains("<p>Briefing text, edited.</p>"));
        assertEquals(Set.of("markdown", "cache"), Set.copyOf(cacheFiles().keySet().stream()
                .filter(n -> n.startsWith("markdown") || n.equals("cache")).toList()));
    }

    private Path cacheFolder() {
        try (Stream<Path> s = Files.list(dir.resolve(".pressroom"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("build-")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
