package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build process killed (SIGKILL, as a CI timeout or a closed terminal does) at any moment leaves a
 * site and a cache that the next build completes: it then gives what a clean build gives, and the
 * build after that writes nothing. Complements {@code BuildCacheTest}, whose hook interrupts a build at
 * each named stage inside one JVM.
 */
class KilledBuildTest {
    @TempDir
    Path dir;

    private static final int PAIRS = 100;

    private void writeArchive(int edition) throws IOException {
        if (!Files.isDirectory(dir.resolve("templates"))) {
            try (Stream<Path> s = Files.walk(Path.of("templates"))) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path to = dir.resolve(p.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
        Files.createDirectories(dir.resolve("content/releases/2015"));
        Files.writeString(dir.resolve("content/site.yml"), """
                baseUrl: https://press.example.org/
                languages:
                  ko: { title: 외교부 보도자료, locale: ko-KR }
                  en: { title: MOFA Press Releases, locale: en-US }
                timeZone: Asia/Seoul
                pageSize: 10
                """);
        Files.writeString(dir.resolve("content/topics.yml"), """
                north-korea: { ko: 북한, en: North Korea }
                korea-us: { ko: 한미관계, en: Korea–US Relations }
                """);
        for (int i = 0; i < PAIRS; i++) {
            String id = String.format("2015-%02d-%02d-release-%03d", 1 + i % 12, 1 + i % 28, i);
            String topic = i % 2 == 0 ? "north-korea" : "korea-us";
            // each edition changes the body of every seventh release and the title of every eleventh
            int bodyEdition = i % 7 == edition % 7 ? edition : 0;
            int titleEdition = i % 11 == edition % 11 ? edition : 0;
            Files.writeString(dir.resolve("content/releases/2015/" + id + ".ko.md"), "---\ntitle: 보도자료 " + i + " 제"
                    + titleEdition + "판\ntopics: [" + topic + "]\n---\n1. 정부는 " + i + "번째 회의를 개최하였다.\n\n2. 판 "
                    + bodyEdition + ". " + "양측은 협력을 강화하기로 하였다. ".repeat(20) + "\n");
            Files.writeString(dir.resolve("content/releases/2015/" + id + ".en.md"), "---\ntitle: Release " + i
                    + " edition " + titleEdition + "\n---\n1. The Government held meeting " + i + ".\n\n2. Edition "
                    + bodyEdition + ". " + "Both sides agreed to strengthen cooperation. ".repeat(20) + "\n");
        }
        // one release comes and goes
        Path extra = dir.resolve("content/releases/2015/2015-12-31-extra.ko.md");
        if (edition % 2 == 1) {
            Files.writeString(extra, "---\ntitle: 추가 보도자료 " + edition + "\n---\n본문.\n");
        } else {
            Files.deleteIfExists(extra);
        }
    }

    private BuildOptions options(Path out) {
        return new BuildOptions(dir, out, Optional.empty(), false, When.parse("2026-01-01"));
    }

    private Process startChildBuild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dorg.freemarker.loggerLibrary=none", "-cp",
                System.getProperty("java.class.path"), "org.pressroom.cli.Main", "build", "--source", dir.toString(),
                "--now", "2026-01-01").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aBuildKilledAtAnyMomentIsCompletedByTheNextBuild() throws Exception {
        writeArchive(0);
        Build.run(options(dir.resolve("site")), Progress.NONE);
        // how long a whole build takes in a child JVM here, so the kills can be spread over it
        long start = System.nanoTime();
        writeArchive(1);
        Process first = startChildBuild();
        assertTrue(first.waitFor(120, TimeUnit.SECONDS), "a child build finishes");
        assertEquals(0, first.exitValue());
        long whole = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int killedWhileRunning = 0;
        List<String> log = new ArrayList<>();
        for (int k = 1; k <= 6; k++) {
            writeArchive(k + 1);
            long delay = whole * k / 7;
            Process p = startChildBuild();
            boolean exited = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!exited) {
                killedWhileRunning++;
                p.destroyForcibly();
                p.waitFor();
            }
            log.add("kill after " + delay + " ms: " + (exited ? "had finished" : "killed"));
            assertTrue(Files.isRegularFile(dir.resolve("site/404.html")), "still a site after " + log);
            if (k % 3 == 0) {
                // the next build (in this JVM) completes what the killed one left
                BuildResult r = Build.run(options(dir.resolve("site")), Progress.NONE);
                assertSameAsCleanBuild();
                assertEquals(0, Build.run(options(dir.resolve("site")), Progress.NONE).written(),
                        "a build after the recovering one writes nothing; " + r + " " + log);
            }
        }
        System.out.println("KilledBuildTest: a build took " + whole + " ms; " + log);
        assertTrue(killedWhileRunning >= 4, "most builds were killed while running: " + log + " (a build took "
                + whole + " ms)");
    }

    private void assertSameAsCleanBuild() throws IOException {
        Path clean = dir.resolve("clean-" + System.nanoTime());
        Build.run(options(clean), Progress.NONE, true);
        Set<String> expected = files(clean);
        Path site = dir.resolve("site");
        assertEquals(expected, files(site), "the same files as a clean build");
        for (String f : expected) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(site.resolve(f)), f);
        }
    }

    private static Set<String> files(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        }
        return out;
    }
}
