package org.pressroom.markdown;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An append-only file of rendered bodies as UTF-8, each found by its offset and length: what keeps
 * a large archive's bodies out of the heap during a build ({@link Body}). Appends reserve their
 * place with an atomic counter and write there; reads are positional, so any number of threads may
 * append and read at once. A store made by {@link #create} is a temporary file, deleted by
 * {@link #close} unless it was moved away ({@link RenderCache#write} makes it the next cache); one
 * made by {@link #open} reads an existing file and never changes it.
 *
 * <p>A store may also hold the first bodies appended in memory, up to a number of bytes of heap
 * ({@link #create(Path, String, long)}): a small archive then reads no body back, a large one holds a
 * bounded part of its bodies.
 *
 * <p>A thread interrupted during a read or write closes the channel for every thread (as for any
 * {@link FileChannel}); builds do not interrupt their workers.
 */
public final class BodyStore implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final AtomicLong end;
    private final boolean owned;
    /** Bytes of heap left for holding appended bodies in memory as well. */
    private final AtomicLong room;
    private volatile boolean sealed;

    private BodyStore(Path file, FileChannel channel, long end, boolean owned, long hold) {
        this.file = file;
        this.channel = channel;
        this.end = new AtomicLong(end);
        this.owned = owned;
        this.room = new AtomicLong(hold);
    }

    /** A new, empty store in a temporary file of folder {@code dir} whose name starts with {@code prefix}. */
    public static BodyStore create(Path dir, String prefix) throws IOException {
        return create(dir, prefix, 0);
    }

    /**
     * As {@link #create(Path, String)}, holding the first bodies appended in memory too while they
     * take less than {@code hold} bytes of heap (two per character, as a conservative measure).
     */
    public static BodyStore create(Path dir, String prefix, long hold) throws IOException {
        Path file = Files.createTempFile(dir, prefix, ".tmp");
        try {
            return new BodyStore(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE), 0,
                    true, hold);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** An existing file, read only. */
    static BodyStore open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new BodyStore(file, channel, channel.size(), false, 0);
    }

    /** The file this store is in (as created: {@link RenderCache#write} may have moved it since). */
    public Path file() {
        return file;
    }

    /** The number of bytes written (or, for a store opened for reading, the file's size). */
    public long size() {
        return end.get();
    }

    /** Appends {@code html} and returns its handle, which holds the HTML too while there is room. */
    public Body put(String html) {
        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
        long at = append(utf8);
        boolean hold = room.get() > 0 && room.addAndGet(-2L * html.length()) >= 0;
        return hold ? Body.stored(this, at, utf8.length, html) : Body.stored(this, at, utf8.length, html.hashCode());
    }

    /** Appends bytes already encoded (a body copied from another store) with their HTML's hash. */
    Body put(byte[] utf8, int hash) {
        return Body.stored(this, append(utf8), utf8.length, hash);
    }

    private long append(byte[] utf8) {
        if (!owned || sealed) {
            throw new IllegalStateException("this store takes no more bodies: " + file);
        }
        long at = end.getAndAdd(utf8.length);
        try {
            ByteBuffer b = ByteBuffer.wrap(utf8);
            long pos = at;
            while (b.hasRemaining()) {
                pos += channel.write(b, pos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
        return at;
    }

    /** The UTF-8 bytes at {@code offset}. */
    byte[] bytes(long offset, int length) {
        if (offset < 0 || length < 0 || offset + length > end.get()) {
            throw new IllegalArgumentException("no body at " + offset + "+" + length + " in " + file);
        }
        byte[] out = new byte[length];
        ByteBuffer b = ByteBuffer.wrap(out);
        try {
            long pos = offset;
            while (b.hasRemaining()) {
                int n = channel.read(b, pos);
                if (n < 0) {
                    throw new IOException("file ends before " + (offset + length));
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The text at {@code offset}. */
    String read(long offset, int length) {
        return new String(bytes(offset, length), StandardCharsets.UTF_8);
    }

    /**
     * Takes no more bodies and returns a stream that appends after them (the cache's index), at
     * offset {@link #size()}. Not thread-safe: one writer, after every append.
     */
    OutputStream seal() {
        sealed = true;
        return new OutputStream() {
            private long pos = end.get();

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    pos += channel.write(buf, pos);
                }
                end.set(pos);
            }
        };
    }

    /** Closes the file; a store made by {@link #create} deletes its file unless it was moved away. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (owned) {
                Files.deleteIfExists(file);
            }
        }
    }
}
