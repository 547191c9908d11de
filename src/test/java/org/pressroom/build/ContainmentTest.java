package org.pressroom.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/**
 * Whatever the input, a build reads only inside its source and writes only inside its output folder.
 * Symbolic links are refused, not followed: copying a link's target could publish any file the
 * editor's machine can read.
 */
class ContainmentTest {
    static final String SITE = """
            -- content/site.yml --
            baseUrl: https://press.example.org/
            -- content/releases/2014/2014-03-26-missile.ko.md --
            ---
            title: 미사일
            ---
            본문
            """;

    @TempDir
    Path dir;

    @Test
    void refusesASymbolicLinkInFilesThatPointsOutsideTheSource() throws IOException {
        Path source = dir.resolve("project");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "password");
        SiteFixture site = SiteFixture.given(source, SITE);
        Files.createDirectories(source.resolve("content/files"));
        Files.createSymbolicLink(source.resolve("content/files/secret.txt"), secret);
        site.build().thenFailsWith("content/files/secret.txt:1:1: symbolic links are not followed "
                + "(hint: replace the link with the file itself)");
        assertFalse(Files.exists(source.resolve("site")));
    }

    @Test
    void refusesASymbolicLinkToAFolderOutsideTheSource() throws IOException {
        Path source = dir.resolve("project");
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/private.pdf"), "%PDF");
        SiteFixture site = SiteFixture.given(source, SITE);
        Files.createDirectories(source.resolve("content/files"));
        Files.createSymbolicLink(source.resolve("content/files/shared"), dir.resolve("elsewhere"));
        site.build().thenFailsWith("content/files/shared:1:1: symbolic links are not followed "
                + "(hint: replace the link with the file itself)");
    }

    @Test
    void refusesAFilesFolderThatIsItselfASymbolicLink() throws IOException {
        Path source = dir.resolve("project");
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/private.pdf"), "%PDF");
        SiteFixture site = SiteFixture.given(source, SITE);
        Files.createSymbolicLink(source.resolve("content/files"), dir.resolve("elsewhere"));
        site.build().thenFailsWith("content/files:1:1: symbolic links are not followed "
                + "(hint: replace the link with the folder itself)");
    }

    @Test
    void refusesATopicKeyThatCouldNameAPathOutsideTheSite() {
        SiteFixture.given(dir, SITE + """
                -- content/topics.yml --
                ../../escape: { ko: 탈출, en: Escape }
                """).build().thenFailsWith("content/topics.yml:1:1: topic key '../../escape' must be lower-case "
                + "ASCII words joined by hyphens (hint: for example 'escape')");
    }

    @Test
    void writesEveryFileInsideTheOutputFolderAndNothingElsewhere() throws IOException {
        Path source = dir.resolve("project");
        Path output = dir.resolve("out/site");
        SiteFixture.given(source, SITE + """
                -- content/topics.yml --
                north-korea: { ko: 북한, en: North Korea }
                -- content/files/x..dots..pdf --
                %PDF
                -- content/files/a/b/c..d/%2e%2e/x.pdf --
                %PDF
                -- content/releases/2014/2014-03-27-links.en.md --
                ---
                title: Links
                topics: [north-korea]
                aliases: [/old/x, "/%2e%2e/%2e%2e/etc"]
                attachments: [{file: a/b/c..d/%2e%2e/x.pdf}]
                ---
                [up](../../../../../../etc/passwd)
                """);
        Files.createDirectories(output.getParent());
        Map<String, String> before = snapshot(dir, output);
        SiteFixture site = SiteFixture.given(source, "").build("--output", output.toString());
        assertEquals(1, site.status(), "the encoded dots in the alias are refused");
        assertTrue(site.err().contains("alias '/%2e%2e/%2e%2e/etc' leaves the site (it has a .. segment)"),
                site.err());
        Files.writeString(source.resolve("content/releases/2014/2014-03-27-links.en.md"),
                Files.readString(source.resolve("content/releases/2014/2014-03-27-links.en.md"))
                        .replace(", \"/%2e%2e/%2e%2e/etc\"", ""), StandardCharsets.UTF_8);
        site.build("--output", output.toString()).thenSucceeds();
        Path real = output.toRealPath();
        try (Stream<Path> s = Files.walk(output)) {
            s.forEach(p -> {
                try {
                    assertTrue(p.toRealPath().startsWith(real), "outside the output: " + p);
                    assertFalse(Files.isSymbolicLink(p), "link in the output: " + p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertTrue(Files.exists(output.resolve("files/x..dots..pdf")));
        assertTrue(Files.exists(output.resolve("files/a/b/c..d/%2e%2e/x.pdf")));
        Map<String, String> after = snapshot(dir, output);
        after.keySet().removeIf(k -> k.startsWith("project/content/releases/2014/2014-03-27-links.en.md"));
        before.keySet().removeIf(k -> k.startsWith("project/content/releases/2014/2014-03-27-links.en.md"));
        // the one other place a build writes: its cache, in the source folder (BuildCacheTest)
        assertTrue(after.keySet().removeIf(k -> k.startsWith("project/.pressroom")), "the build cache");
        assertEquals(before, after, "nothing changed outside the output folder and the cache");
    }

    @Test
    void theWriterRefusesPathsThatLeaveTheStagingFolder() throws IOException {
        SiteWriter writer = SiteWriter.open(dir.resolve("site"));
        try {
            for (String bad : new String[] {"../escape.txt", "a/../../escape.txt", "/tmp/escape.txt", ""}) {
                assertThrows(IllegalArgumentException.class, () -> writer.write(bad, new byte[] {1}), bad);
            }
            writer.write("ok/../fine.txt", new byte[] {1});
        } finally {
            writer.abandon();
        }
        assertFalse(Files.exists(dir.resolve("escape.txt")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "staging folder removed");
        }
    }

    /** Every file and folder under {@code root} except those inside {@code output}, with its content. */
    private static Map<String, String> snapshot(Path root, Path output) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (p.startsWith(output)) {
                    continue;
                }
                String key = root.relativize(p).toString();
                out.put(key, Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "<dir>");
            }
        }
        return out;
    }
}
