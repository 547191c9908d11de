package org.pressroom.build;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code build} remembers between runs, in {@code .pressroom/} of the source folder (one folder
 * per output folder): the size and modification time of every input and output file, the settings
 * and the span of time the last build's set of published releases holds for, and per output file
 * the {@link Fingerprint} it was rendered from and the digest of its bytes.
 *
 * <p>Nothing here is trusted blindly: an output file is reused only when its size and modification
 * time on disk are still the ones recorded, so a cache older than the site (a build interrupted
 * after it changed the site but before it wrote the cache) only costs work, never correctness.
 */
final class SiteCache {
    static final String FORMAT = "pressroom-cache 1";

    /** A file's size and modification time (nanoseconds since the epoch). */
    record Stat(long size, long mtime) {
        static Stat of(BasicFileAttributes a) {
            Instant t = a.lastModifiedTime().toInstant();
            return new Stat(a.size(), t.getEpochSecond() * 1_000_000_000L + t.getNano());
        }
    }

    /**
     * An output file.
     *
     * @param fingerprint what it was rendered from, or empty for copied files and pages made without a
     *                    template
     * @param digest      the {@link org.pressroom.digest.Checksum} of its bytes (hex), or empty for copied files
     * @param source      for copied files, the source file and its stat
     */
    record Out(Stat stat, String fingerprint, String digest, String source, Stat sourceStat) {
    }

    final Map<String, String> settings;
    /** The last build's set of published releases is the same at every instant in [from, until). */
    final Instant from;
    final Instant until;
    final long writtenAt;
    final int pages;
    final int files;
    final Map<String, Stat> inputs;
    final Map<String, Out> outputs;

    SiteCache(Map<String, String> settings, Instant from, Instant until, long writtenAt, int pages, int files,
            Map<String, Stat> inputs, Map<String, Out> outputs) {
        this.settings = settings;
        this.from = from;
        this.until = until;
        this.writtenAt = writtenAt;
        this.pages = pages;
        this.files = files;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * Whether a build with these settings, inputs and clock would give exactly the site that is on
     * disk ({@code outputs}, as scanned now): then there is nothing to do.
     */
    boolean upToDate(Map<String, String> settings, Map<String, Stat> inputs, Instant now, Map<String, Stat> outputs) {
        if (!this.settings.equals(settings) || (from != null && now.isBefore(from))
                || (until != null && !now.isBefore(until)) || !this.inputs.equals(inputs)
                || outputs.size() != this.outputs.size()) {
            return false;
        }
        // an input changed within two seconds of the last scan may have changed again without its size
        // or time changing (coarse file times); such inputs are read again
        long racy = writtenAt - 2_000_000_000L;
        for (Stat s : inputs.values()) {
            if (s.mtime() >= racy) {
                return false;
            }
        }
        for (Map.Entry<String, Out> e : this.outputs.entrySet()) {
            if (!e.getValue().stat().equals(outputs.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The cache in {@code file}, or empty when it is missing, unreadable or of another format. */
    static Optional<SiteCache> read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!FORMAT.equals(r.readLine())) {
                return Optional.empty();
            }
            Map<String, String> settings = new TreeMap<>();
            Map<String, Stat> inputs = new HashMap<>();
            Map<String, Out> outputs = new HashMap<>();
            Instant from = null;
            Instant until = null;
            long writtenAt = 0;
            int pages = 0;
            int files = 0;
            boolean end = false;
            for (String line; (line = r.readLine()) != null;) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "set" -> settings.put(unescape(f[1]), unescape(f[2]));
                    case "window" -> {
                        from = f[1].isEmpty() ? null : Instant.parse(f[1]);
                        until = f[2].isEmpty() ? null : Instant.parse(f[2]);
                    }
                    case "made" -> {
                        writtenAt = Long.parseLong(f[1]);
                        pages = Integer.parseInt(f[2]);
                        files = Integer.parseInt(f[3]);
                    }
                    case "in" -> inputs.put(unescape(f[3]), new Stat(Long.parseLong(f[1]), Long.parseLong(f[2])));
                    case "out" -> outputs.put(unescape(f[5]), new Out(new Stat(Long.parseLong(f[1]),
                            Long.parseLong(f[2])), f[3], f[4], "", null));
                    case "copy" -> outputs.put(unescape(f[3]), new Out(new Stat(Long.parseLong(f[1]),
                            Long.parseLong(f[2])), "", "", unescape(f[6]),
                            new Stat(Long.parseLong(f[4]), Long.parseLong(f[5]))));
                    case "end" -> end = true;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            return end ? Optional.of(new SiteCache(settings, from, until, writtenAt, pages, files, inputs, outputs))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the cache to {@code file} atomically (a temporary file renamed over it). */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(FORMAT);
            w.write('\n');
            for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
                w.write("set\t" + escape(e.getKey()) + "\t" + escape(e.getValue()) + "\n");
            }
            w.write("window\t" + (from == null ? "" : from) + "\t" + (until == null ? "" : until) + "\n");
            w.write("made\t" + writtenAt + "\t" + pages + "\t" + files + "\n");
            for (Map.Entry<String, Stat> e : new TreeMap<>(inputs).entrySet()) {
                w.write("in\t" + e.getValue().size() + "\t" + e.getValue().mtime() + "\t" + escape(e.getKey()) + "\n");
            }
            for (Map.Entry<String, Out> e : new TreeMap<>(outputs).entrySet()) {
                Out o = e.getValue();
                if (o.sourceStat() != null) {
                    w.write("copy\t" + o.stat().size() + "\t" + o.stat().mtime() + "\t" + escape(e.getKey()) + "\t"
                            + o.sourceStat().size() + "\t" + o.sourceStat().mtime() + "\t" + escape(o.source()) + "\n");
                } else {
                    w.write("out\t" + o.stat().size() + "\t" + o.stat().mtime() + "\t" + o.fingerprint() + "\t"
                            + o.digest() + "\t" + escape(e.getKey()) + "\n");
                }
            }
            w.write("end\n");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String escape(String s) {
        return s.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
    }

    static String unescape(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
    }

    /**
     * The stat of every file under {@code dir} (not following links), by path relative to
     * {@code base}, {@code /}-separated; empty when {@code dir} does not exist.
     */
    static Map<String, Stat> scan(Path base, Path dir) {
        Map<String, Stat> out = new HashMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isDirectory()) {
                        out.put(base.relativize(file).toString().replace('\\', '/'), Stat.of(attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
