package org.pressroom.markdown;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Rendered Markdown bodies by a digest of their text and of the raw-HTML setting, kept on disk
 * between builds so that a rebuild renders only the bodies it has not seen. Rendering is a pure
 * function of those two and of the Pressroom version ({@code version}: another version starts
 * empty), so a cached result is the one rendering would give. Thread-safe.
 */
public final class RenderCache {
    private static final String FORMAT = "pressroom-markdown 1";
    private final String version;
    private final Map<String, Markdown.Rendered> entries = new ConcurrentHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger made = new AtomicInteger();

    public RenderCache(String version) {
        this.version = version;
    }

    /** How many bodies were rendered (not found in the cache) since it was made or read. */
    public int made() {
        return made.get();
    }

    Markdown.Rendered get(String markdown, boolean rawHtml, Function<String, Markdown.Rendered> render) {
        String key = key(markdown, rawHtml);
        used.add(key);
        Markdown.Rendered r = entries.get(key);
        if (r == null) {
            r = render.apply(markdown);
            entries.put(key, r);
            made.incrementAndGet();
        }
        return r;
    }

    private static String key(String markdown, boolean rawHtml) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((byte) (rawHtml ? 1 : 0));
            return HexFormat.of().formatHex(d.digest(markdown.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cache in {@code file}; empty when it is missing, unreadable, or from another version. */
    public static RenderCache read(Path file, String version) {
        RenderCache c = new RenderCache(version);
        if (!Files.isRegularFile(file)) {
            return c;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!FORMAT.equals(string(in)) || !version.equals(string(in))) {
                return c;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String key = string(in);
                String html = string(in);
                String summary = in.readBoolean() ? string(in) : null;
                c.entries.put(key, new Markdown.Rendered(html, summary));
            }
            if (!"end".equals(string(in))) {
                c.entries.clear();
            }
        } catch (IOException | RuntimeException e) {
            c.entries.clear();
        }
        return c;
    }

    /** Writes the entries this build used to {@code file}, atomically. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            string(out, FORMAT);
            string(out, version);
            Map<String, Markdown.Rendered> keep = new java.util.TreeMap<>();
            for (String k : used) {
                Markdown.Rendered r = entries.get(k);
                if (r != null) {
                    keep.put(k, r);
                }
            }
            out.writeInt(keep.size());
            for (Map.Entry<String, Markdown.Rendered> e : keep.entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue().html());
                out.writeBoolean(e.getValue().summary() != null);
                if (e.getValue().summary() != null) {
                    string(out, e.getValue().summary());
                }
            }
            string(out, "end");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
}
