package org.pressroom.build;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pressroom.content.Translation;
import org.pressroom.search.SearchIndex;

/**
 * The search tokens of release files, kept in {@code .pressroom/} so that a build after an edit
 * tokenizes only the files that changed. A version's tokens depend on its file's bytes, the site
 * settings and the Pressroom version only: an entry is used when its file has the size and
 * modification time it had (the test a build with nothing changed trusts too) and the file was
 * written with the same {@code context} (Pressroom version and site.yml's size and time).
 * Thread-safe.
 */
final class SearchTokens implements SearchIndex.Memo.Store {
    private static final String FORMAT = "pressroom-search-tokens 1";

    private record Entry(SiteCache.Stat stat, String[] title, String[] other) {
    }

    private final String context;
    private final Map<String, SiteCache.Stat> inputs;
    private final Map<String, Entry> known;
    private final Map<String, Entry> used = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();

    private SearchTokens(String context, Map<String, SiteCache.Stat> inputs, Map<String, Entry> known) {
        this.context = context;
        this.inputs = inputs;
        this.known = known;
    }

    /** An empty store for files with these stats. */
    static SearchTokens empty(String context, Map<String, SiteCache.Stat> inputs) {
        return new SearchTokens(context, inputs, Map.of());
    }

    /** The store in {@code file}, or an empty one when it is missing, unreadable or of another context. */
    static SearchTokens read(Path file, String context, Map<String, SiteCache.Stat> inputs) {
        Map<String, Entry> entries = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!in.readUTF().equals(FORMAT) || !in.readUTF().equals(context)) {
                return empty(context, inputs);
            }
            String[] words = new String[in.readInt()];
            for (int i = 0; i < words.length; i++) {
                words[i] = in.readUTF();
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                SiteCache.Stat stat = new SiteCache.Stat(in.readLong(), in.readLong());
                String[] title = tokens(in, words);
                String[] other = tokens(in, words);
                entries.put(path, new Entry(stat, title, other));
            }
        } catch (IOException | RuntimeException e) {
            return empty(context, inputs); // no store, or a damaged one: tokenize again
        }
        return new SearchTokens(context, inputs, entries);
    }

    private static String[] tokens(DataInputStream in, String[] words) throws IOException {
        String[] out = new String[in.readInt()];
        for (int i = 0; i < out.length; i++) {
            out[i] = words[in.readInt()];
        }
        return out;
    }

    @Override
    public String[][] tokens(Translation version) {
        Entry e = known.get(version.path());
        SiteCache.Stat now = inputs.get(version.path());
        if (e == null || now == null || !e.stat().equals(now)) {
            return null;
        }
        used.put(version.path(), e);
        return new String[][] {e.title(), e.other()};
    }

    @Override
    public void put(Translation version, String[] title, String[] other) {
        made.incrementAndGet();
        SiteCache.Stat now = inputs.get(version.path());
        if (now != null) {
            used.put(version.path(), new Entry(now, title, other));
        }
    }

    /** About how many bytes of heap the tokens this build used hold (their arrays; the strings are shared). */
    long heldBytes() {
        long n = 0;
        for (Entry e : used.values()) {
            n += 32 + 4L * (e.title().length + e.other().length);
        }
        return n;
    }

    /** How many versions were tokenized (not found in the store). */
    int made() {
        return made.get();
    }

    /** Writes the tokens this build used (a temporary file renamed over {@code file}). */
    void write(Path file) throws IOException {
        Map<String, Integer> words = new LinkedHashMap<>();
        for (Entry e : used.values()) {
            for (String[] list : new String[][] {e.title(), e.other()}) {
                for (String w : list) {
                    words.putIfAbsent(w, words.size());
                }
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeUTF(FORMAT);
            out.writeUTF(context);
            out.writeInt(words.size());
            for (String w : words.keySet()) {
                out.writeUTF(w);
            }
            out.writeInt(used.size());
            for (Map.Entry<String, Entry> e : used.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().stat().size());
                out.writeLong(e.getValue().stat().mtime());
                for (String[] list : new String[][] {e.getValue().title(), e.getValue().other()}) {
                    out.writeInt(list.length);
                    for (String w : list) {
                        out.writeInt(words.get(w));
                    }
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
