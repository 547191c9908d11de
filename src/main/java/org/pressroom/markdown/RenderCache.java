package org.pressroom.markdown;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.pressroom.digest.Checksum;

/**
 * Rendered Markdown bodies by a digest of their text and of the raw-HTML setting, kept on disk
 * between builds so that a rebuild renders only the bodies it has not seen. Rendering is a pure
 * function of those two and of the Pressroom version ({@code version}: another version starts
 * empty), so a cached result is the one rendering would give. Thread-safe.
 *
 * <p>The cache keeps only each entry's key, summary and place in memory. The bodies a build uses go
 * into a new {@link BodyStore} file as they are rendered or found in the last build's file, and the
 * {@link Body} handles the build passes around read them from there (the first ones rendered are
 * held in memory too, up to the share of the heap the build allows).
 * {@link #write} appends the index of that file and moves it into place: the file is the next
 * build's cache. Layout: the bodies (UTF-8), the index (format, version, entries, {@code end}), the
 * index's offset (8 bytes) and {@link #MAGIC} (4 bytes).
 */
public final class RenderCache implements Closeable {
    private static final String FORMAT = "pressroom-markdown 3";
    private static final int MAGIC = 0x50524d32;
    private static final int TRAILER = 12;
    /** This build's file is named so until it is moved into place. */
    private static final String PREFIX = "markdown-";

    private final String version;
    /** The last build's file, read only (null when there is none). */
    private final BodyStore last;
    /** This build's bodies (null when no file could be made: bodies are then held in memory, and not written). */
    private final BodyStore next;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger made = new AtomicInteger();

    /** A body, in {@link #last} or {@link #next}, and its summary. */
    private record Entry(Body body, String summary) {
    }

    private RenderCache(String version, BodyStore last, BodyStore next) {
        this.version = version;
        this.last = last;
        this.next = next;
    }

    /**
     * An empty cache whose bodies go to a temporary file in {@code dir} (the system's temporary
     * folder when null or not writable; held in memory when neither can take one).
     */
    public static RenderCache empty(String version, Path dir) {
        return empty(version, dir, 0);
    }

    /** As {@link #empty(String, Path)}, holding bodies in memory too up to {@code hold} bytes ({@link BodyStore}). */
    public static RenderCache empty(String version, Path dir, long hold) {
        return new RenderCache(version, null, store(dir, hold));
    }

    /**
     * The cache in {@code file}, its new bodies in a temporary file beside it; empty when the file is
     * missing, unreadable, or from another version.
     */
    public static RenderCache read(Path file, String version) {
        return read(file, version, 0);
    }

    /** As {@link #read(Path, String)}, holding new bodies in memory too up to {@code hold} bytes ({@link BodyStore}). */
    public static RenderCache read(Path file, String version, long hold) {
        BodyStore next = store(file.toAbsolutePath().getParent(), hold);
        if (!Files.isRegularFile(file)) {
            return new RenderCache(version, null, next);
        }
        BodyStore last = null;
        try {
            last = BodyStore.open(file);
            RenderCache c = new RenderCache(version, last, next);
            if (!c.index()) {
                c.entries.clear();
            }
            return c;
        } catch (IOException | RuntimeException e) {
            if (last != null) {
                try {
                    last.close();
                } catch (IOException ignored) {
                    // read only: nothing to lose
                }
            }
            return new RenderCache(version, null, next);
        }
    }

    private static BodyStore store(Path dir, long hold) {
        if (dir != null) {
            deleteLeftovers(dir);
            try {
                return BodyStore.create(dir, PREFIX, hold);
            } catch (IOException | RuntimeException e) {
                // try the system's temporary folder
            }
        }
        try {
            return BodyStore.create(Path.of(System.getProperty("java.io.tmpdir")), "pressroom-" + PREFIX, hold);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Deletes the files of builds that were killed before they could move or delete theirs. One
     * build at a time uses a cache folder (its journal assumes so too).
     */
    private static void deleteLeftovers(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    /** Reads the index of {@link #last}; false when it is not a whole index of this format and version. */
    private boolean index() throws IOException {
        long size = last.size();
        if (size < TRAILER) {
            return false;
        }
        ByteBuffer trailer = ByteBuffer.wrap(last.bytes(size - TRAILER, TRAILER));
        long at = trailer.getLong();
        if (trailer.getInt() != MAGIC || at < 0 || at > size - TRAILER) {
            return false;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(new Reader(last, at, size - TRAILER), 1 << 16));
        if (!FORMAT.equals(string(in)) || !version.equals(string(in))) {
            return false;
        }
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String key = string(in);
            long offset = in.readLong();
            int length = in.readInt();
            int hash = in.readInt();
            String summary = in.readBoolean() ? string(in) : null;
            if (offset < 0 || length < 0 || offset + length > at) {
                return false;
            }
            entries.put(key, new Entry(Body.stored(last, offset, length, hash), summary));
        }
        return "end".equals(string(in));
    }

    /** How many bodies were rendered (not found in the cache) since it was made or read. */
    public int made() {
        return made.get();
    }

    /** The file this build's bodies go to, or null when they are held in memory. */
    public Path file() {
        return next == null ? null : next.file();
    }

    Markdown.Rendered get(String markdown, boolean rawHtml, Function<String, Markdown.Rendered> render) {
        String key = key(markdown, rawHtml);
        Entry e = entries.get(key);
        if (e != null && next != null && e.body().store() != next) {
            // found in the last build's file: copied into this build's, which becomes the next cache
            Body b = e.body();
            e = new Entry(next.put(b.store().bytes(b.offset(), b.length()), b.hashCode()), e.summary());
            entries.put(key, e);
        } else if (e == null) {
            Markdown.Rendered r = render.apply(markdown);
            e = new Entry(next == null ? r.body() : next.put(r.html()), r.summary());
            entries.put(key, e);
            made.incrementAndGet();
        }
        return new Markdown.Rendered(e.body(), e.summary());
    }

    /** The key of a text: its {@link Checksum} (a key, not a signature) and the raw-HTML setting. */
    private static String key(String markdown, boolean rawHtml) {
        return HexFormat.of().formatHex(Checksum.of(markdown.getBytes(StandardCharsets.UTF_8))) + (rawHtml ? "h" : "");
    }

    /**
     * Appends the index of the bodies this build used to their file and moves it to {@code file},
     * atomically; the cache takes no more bodies afterwards, and its bodies stay readable.
     */
    public void write(Path file) throws IOException {
        if (next == null) {
            throw new IOException("no file could be made for the rendered bodies");
        }
        List<Map.Entry<String, Entry>> mine = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (e.getValue().body().store() == next) {
                mine.add(e);
            }
        }
        mine.sort(Map.Entry.comparingByKey());
        long at = next.size();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(next.seal(), 1 << 16));
        string(out, FORMAT);
        string(out, version);
        out.writeInt(mine.size());
        for (Map.Entry<String, Entry> e : mine) {
            Body b = e.getValue().body();
            string(out, e.getKey());
            out.writeLong(b.offset());
            out.writeInt(b.length());
            out.writeInt(b.hashCode());
            out.writeBoolean(e.getValue().summary() != null);
            if (e.getValue().summary() != null) {
                string(out, e.getValue().summary());
            }
        }
        string(out, "end");
        out.writeLong(at);
        out.writeInt(MAGIC);
        out.flush();
        if (last != null) {
            last.close(); // its bodies were copied; some systems refuse to replace an open file
        }
        Files.move(next.file(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Closes the files; this build's is deleted unless {@link #write} moved it into place. Best
     * effort: a temporary file that cannot be deleted is deleted by a later build.
     */
    @Override
    public void close() {
        for (BodyStore s : new BodyStore[] {last, next}) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    // see above
                }
            }
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 28)) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** The bytes of a store from {@code from} to {@code to}, as a stream. */
    private static final class Reader extends InputStream {
        private final BodyStore store;
        private long pos;
        private final long to;

        Reader(BodyStore store, long from, long to) {
            this.store = store;
            this.pos = from;
            this.to = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= to) {
                return -1;
            }
            int n = (int) Math.min(len, to - pos);
            System.arraycopy(store.bytes(pos, n), 0, b, off, n);
            pos += n;
            return n;
        }
    }
}
