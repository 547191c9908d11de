package org.pressroom.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The write stage: writes a new site into a fresh folder beside the output and swaps it in only when
 * everything is written. Never writes outside that staging folder and the output.
 */
final class SiteWriter {
    private final Path output;
    private final Path staging;

    private SiteWriter(Path output, Path staging) {
        this.output = output;
        this.staging = staging;
    }

    static SiteWriter open(Path output) throws IOException {
        Path parent = output.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        String name = "." + output.getFileName() + ".building-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        Path staging = parent.resolve(name);
        Files.createDirectory(staging);
        return new SiteWriter(output.toAbsolutePath().normalize(), staging);
    }

    /** Folders made so far (each is made once, not asked for again for every file in it). */
    private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Writes {@code bytes} at {@code relative}, a path checked to stay inside the staging folder, and
     * returns the file's size and time (which the swap keeps).
     */
    SiteCache.Stat write(String relative, byte[] bytes) throws IOException {
        Path target = inside(relative);
        folder(target.getParent());
        // one write call (Files.write writes 8 kB at a time)
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(target, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                out.write(b);
            }
        }
        return stat(target);
    }

    SiteCache.Stat copy(Path source, String relative) throws IOException {
        Path target = inside(relative);
        folder(target.getParent());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return stat(target);
    }

    private static SiteCache.Stat stat(Path file) throws IOException {
        return SiteCache.Stat.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    private void folder(Path dir) throws IOException {
        if (!folders.contains(dir)) {
            Files.createDirectories(dir);
            folders.add(dir);
        }
    }

    private Path inside(String relative) {
        Path target = staging.resolve(relative).normalize();
        if (!target.startsWith(staging) || target.equals(staging)) {
            throw new IllegalArgumentException("output path leaves the site folder: " + relative);
        }
        return target;
    }

    /**
     * Swaps the staged site in for the output; the old site is removed afterwards, by a separate
     * {@code rm} process when {@code inBackground} (deleting a large tree is slow on some disks, and
     * the new site is complete without waiting for it).
     */
    void commit(boolean inBackground) throws IOException {
        Path old = null;
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            old = output.resolveSibling("." + output.getFileName() + ".old-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            move(output, old);
        }
        try {
            move(staging, output);
        } catch (IOException e) {
            if (old != null) {
                move(old, output);
            }
            throw e;
        }
        if (old != null) {
            if (!inBackground || !deleteInBackground(old)) {
                deleteTree(old);
            }
        }
    }

    private static boolean deleteInBackground(Path tree) {
        Path rm = Path.of("/bin/rm");
        if (!Files.isExecutable(rm)) {
            return false;
        }
        try {
            new ProcessBuilder(rm.toString(), "-rf", "--", tree.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the staging folder after a failed build; the output is untouched. */
    void abandon() {
        try {
            deleteTree(staging);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden staging folder does no harm and is named for what it is
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
