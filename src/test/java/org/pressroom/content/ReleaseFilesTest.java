package org.pressroom.content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressroom.testing.SiteFixture;

/** Byte-level details of release files: BOM, CRLF, decomposed Hangul. */
class ReleaseFilesTest {
    @Test
    void acceptsAByteOrderMarkAndCrlfLineEndsAndReportsPositionsByLine(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                """);
        Path f = dir.resolve("content/releases/2013/2013-09-27-a.ko.md");
        Files.createDirectories(f.getParent());
        Files.write(f, ("\uFEFF---\r\ntitle: 가\r\nnumber: \"1\"\r\n---\r\n본문\r\n").getBytes(StandardCharsets.UTF_8));
        site.build().thenSucceeds().assertFile("ko/releases/2013-09-27-a/index.html", "<h1>가</h1>");
        Files.write(f, ("\uFEFF---\r\ntitle: 가\r\nnumbr: \"1\"\r\n---\r\n").getBytes(StandardCharsets.UTF_8));
        site.build().thenFailsWith(
                "content/releases/2013/2013-09-27-a.ko.md:3:1: unknown field 'numbr' (hint: did you mean 'number'?)");
    }

    @Test
    void readsDecomposedHangulAsComposed(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                """);
        Path f = dir.resolve("content/releases/2013/2013-09-27-a.ko.md");
        Files.createDirectories(f.getParent());
        String decomposed = java.text.Normalizer.normalize("한국", java.text.Normalizer.Form.NFD);
        Files.writeString(f, "---\ntitle: " + decomposed + "\n---\n");
        site.build().thenSucceeds().assertFile("ko/releases/2013-09-27-a/index.html", "<h1>한국</h1>");
    }

    @Test
    void pointsAtTheFirstByteThatIsNotUtf8(@TempDir Path dir) throws Exception {
        SiteFixture site = SiteFixture.given(dir, """
                -- content/site.yml --
                baseUrl: https://press.example.org/
                """);
        Path f = dir.resolve("content/releases/2013/2013-09-27-a.ko.md");
        Files.createDirectories(f.getParent());
        byte[] head = "---\ntitle: 가나".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xC3;
        all[head.length + 1] = (byte) 0x28;
        Files.write(f, all);
        site.build().thenFailsWith("content/releases/2013/2013-09-27-a.ko.md:2:10: invalid UTF-8: byte 0xC3 cannot start "
                + "or continue a character (hint: save the file as UTF-8)");
    }
}
