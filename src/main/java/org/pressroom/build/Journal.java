package org.pressroom.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * How an incremental build changes a site without staging a whole copy of it: changed files are
 * written into {@code pending/} of the cache folder while rendering; only when every page rendered
 * is a list of the files to move in and delete written, and made the commit point by renaming it to
 * {@code journal}. Then the changes are applied to the site, one rename or deletion each. A build
 * interrupted before the commit point left the site untouched, and the next one throws the pending
 * files away; one interrupted after it left a journal, and the next build finishes applying it
 * first (each step can be done again), so the site is never left half old, half new.
 */
final class Journal {
    private final Path dir;
    private final Path site;
    private final Path pending;

    Journal(Path dir, Path site) {
        this.dir = dir;
        this.site = site;
        this.pending = dir.resolve("pending");
    }

    /** Finishes a committed journal left by an interrupted build, or discards an uncommitted one. */
    void recover() throws IOException {
        Path journal = dir.resolve("journal");
        if (Files.exists(journal)) {
            List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(lines.size() - 1).equals("end")) {
                List<String> puts = new ArrayList<>();
                List<String> dels = new ArrayList<>();
                for (String line : lines.subList(0, lines.size() - 1)) {
                    (line.startsWith("put\t") ? puts : dels).add(SiteCache.unescape(line.substring(4)));
                }
                apply(puts, dels, stage -> { });
            }
        }
        clear();
    }

    /** Removes the journal and pending files. */
    void clear() throws IOException {
        Files.deleteIfExists(dir.resolve("journal"));
        Files.deleteIfExists(dir.resolve("journal.tmp"));
        SiteWriter.deleteTree(pending);
    }

    /** Writes {@code bytes} to be put at {@code relative} in the site. */
    void write(String relative, byte[] bytes) throws IOException {
        Path target = inside(pending, relative);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    /** Copies {@code source} to be put at {@code relative} in the site. */
    void copy(Path source, String relative) throws IOException {
        Path target = inside(pending, relative);
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** The commit point: after it, the changes will be made even if this build is interrupted. */
    void commit(List<String> puts, List<String> dels) throws IOException {
        StringBuilder sb = new StringBuilder();
        puts.forEach(p -> sb.append("put\t").append(SiteCache.escape(p)).append('\n'));
        dels.forEach(p -> sb.append("del\t").append(SiteCache.escape(p)).append('\n'));
        sb.append("end\n");
        Path tmp = dir.resolve("journal.tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(tmp, dir.resolve("journal"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes {@code dels} from the site and moves the pending files in; may be done again after an interruption. */
    void apply(List<String> puts, List<String> dels, java.util.function.Consumer<String> hook) throws IOException {
        // deletions first: a file may give way to a folder of the same name, or the other way round
        for (String d : dels) {
            Path gone = inside(site, d);
            Files.deleteIfExists(gone);
            // folders left empty go too, as a clean build would not make them
            for (Path parent = gone.getParent(); parent != null && !parent.equals(site); parent = parent.getParent()) {
                try {
                    Files.delete(parent);
                } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                    break;
                }
            }
        }
        int half = puts.size() / 2;
        for (int i = 0; i < puts.size(); i++) {
            if (i == half) {
                hook.accept("applying");
            }
            String p = puts.get(i);
            Path from = inside(pending, p);
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Path to = inside(site, p);
                Files.createDirectories(to.getParent());
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path inside(Path root, String relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("output path leaves the site folder: " + relative);
        }
        return target;
    }
}
