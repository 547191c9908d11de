package org.pressroom.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source file: its path, its size, and its bytes, either held in memory or read from disk each
 * time they are asked for. {@link SourceLoader} reads small inputs (settings, templates, strings)
 * once and holds them, but leaves release files on disk: the parse stage reads each one when it
 * parses it and drops its bytes afterwards, so a build never holds the bytes of every release at
 * once. Two {@code RawFile}s are equal only when they are the same object.
 */
public final class RawFile {
    private final String path;
    private final long size;
    private final byte[] bytes;
    private final Path disk;

    /**
     * A file whose bytes are held in memory.
     *
     * @param path  relative to the source directory, {@code /}-separated, NFC
     * @param size  its size in bytes
     * @param bytes its content, or null when it was too large to read
     */
    public RawFile(String path, long size, byte[] bytes) {
        this(path, size, bytes, null);
    }

    private RawFile(String path, long size, byte[] bytes, Path disk) {
        this.path = path;
        this.size = size;
        this.bytes = bytes;
        this.disk = disk;
    }

    /** A file left on disk at {@code disk}, read on demand; made by {@link SourceLoader} only. */
    static RawFile onDisk(String path, long size, Path disk) {
        return new RawFile(path, size, null, disk);
    }

    /** Relative to the source directory, {@code /}-separated, NFC. */
    public String path() {
        return path;
    }

    /** Its size in bytes when it was listed. */
    public long size() {
        return size;
    }

    /** Whether its bytes are read from disk on demand rather than held. */
    public boolean onDisk() {
        return disk != null;
    }

    /**
     * Its content (read now, and not kept, for a file left on disk), or null when it is too large to
     * read ({@link SourceLoader#READ_CAP}).
     *
     * @throws UncheckedIOException when a file left on disk cannot be read any more
     */
    public byte[] bytes() {
        try {
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #bytes()}, with a read failure as a checked exception. */
    public byte[] read() throws IOException {
        if (disk == null) {
            return bytes;
        }
        return size > SourceLoader.READ_CAP ? null : Files.readAllBytes(disk);
    }

    @Override
    public String toString() {
        return path + " (" + size + " bytes" + (disk == null ? ")" : ", on disk)");
    }
}
