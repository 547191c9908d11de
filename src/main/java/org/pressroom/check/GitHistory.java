package org.pressroom.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * When each release file was last committed, read with one {@code git log} over {@code content/releases}.
 * Empty when the source is not in a git repository or git is not installed: the check then relies on
 * {@code updates} alone.
 */
final class GitHistory {
    private GitHistory() {
    }

    /** Path (relative to {@code source}, NFC) to the commit time of the newest commit touching it. */
    static Map<String, Instant> lastCommits(Path source) {
        List<String> command = List.of("git", "-c", "core.quotePath=false", "-C", source.toString(), "log",
                "--format=%x01%cI", "--name-only", "--relative", "--no-renames", "--", "content/releases");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Map.of();
        }
        try {
            process.getOutputStream().close();
            byte[] bytes = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Map.of();
            }
            return parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            process.destroy();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** Parses {@code git log --format=%x01%cI --name-only} output. */
    static Map<String, Instant> parse(String log) {
        Map<String, Instant> out = new HashMap<>();
        Instant current = null;
        for (String line : log.split("\n")) {
            if (line.startsWith("\u0001")) {
                try {
                    current = OffsetDateTime.parse(line.substring(1).strip()).toInstant();
                } catch (DateTimeException e) {
                    current = null;
                }
            } else if (!line.isBlank() && current != null) {
                String path = Normalizer.normalize(line.strip(), Normalizer.Form.NFC);
                Instant t = current;
                out.merge(path, t, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return out;
    }
}
