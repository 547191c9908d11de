package org.pressroom.content;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problem;
import org.pressroom.problem.Problems;

/**
 * Remembers the parse of each release file, so that a rebuild parses only the files whose bytes
 * changed. A parse depends on the file's bytes and on the site settings only; the cache empties
 * itself when the settings change. It keeps a digest of each file's bytes, not the bytes: a file
 * handed in again as the same {@link RawFile} object (the loader keeps those of unchanged files) is
 * not read again; another is read and compared by digest. Thread-safe.
 */
public final class ParseCache {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final boolean keep;
    private volatile SiteConfig site;
    private volatile int parsed;

    /** A cache that remembers each parse for the next call. */
    public ParseCache() {
        this(true);
    }

    private ParseCache(boolean keep) {
        this.keep = keep;
    }

    /**
     * A cache for one call only: it remembers no parse and no assembled release, so a build of a
     * large archive does not keep every file's parse (front matter fields and their positions) once
     * the releases are assembled.
     */
    public static ParseCache once() {
        return new ParseCache(false);
    }

    /**
     * @param digest SHA-256 of the bytes parsed, or null when the file was too large to read
     */
    private record Entry(RawFile source, long size, byte[] digest, Optional<ReleaseFile> file, List<Problem> problems) {
    }

    /** What a release was assembled from (its files, in language order, and everything else it checks) and the result. */
    private record Assembled(List<ReleaseFile> files, Object context, Release release) {
    }

    private final Map<String, Assembled> assembled = new ConcurrentHashMap<>();
    private Object context;

    /**
     * Starts assembling with {@code current}: what assembling a release checks besides its files
     * (settings, topics, release ids, attachment files). Returns the instance to pass to
     * {@link #assembled}: the last one when equal, so that comparing it is cheap.
     */
    synchronized Object context(Object current) {
        if (!current.equals(context)) {
            context = current;
            assembled.clear();
        }
        return context;
    }

    /**
     * The release assembled last time from these very file objects in this context, or null; reusing
     * it keeps an unchanged release the same object from one build to the next.
     */
    Release assembled(String id, List<ReleaseFile> files, Object context) {
        Assembled a = assembled.get(id);
        if (a == null || a.context() != context || a.files().size() != files.size()) {
            return null;
        }
        for (int i = 0; i < files.size(); i++) {
            if (a.files().get(i) != files.get(i)) {
                return null;
            }
        }
        return a.release();
    }

    void remember(String id, List<ReleaseFile> files, Object context, Release release) {
        if (keep) {
            assembled.put(id, new Assembled(List.copyOf(files), context, release));
        }
    }

    /** How many files the last {@link Content#releases} call parsed (the rest came from the cache). */
    public int parsedLastTime() {
        return parsed;
    }

    synchronized void begin(SiteConfig current, Set<String> paths) {
        if (!current.equals(site)) {
            entries.clear();
            site = current;
        }
        entries.keySet().retainAll(paths);
        assembled.values().removeIf(a -> a.files().stream().anyMatch(f -> !paths.contains(f.path())));
        parsed = 0;
    }

    Optional<ReleaseFile> parse(ReleaseParser parser, RawFile f, Problems problems) {
        Entry e = entries.get(f.path());
        if (e == null || e.source() != f) {
            byte[] bytes = null;
            if (f.size() <= parser.readLimit()) {
                try {
                    bytes = f.read();
                } catch (IOException x) {
                    entries.remove(f.path());
                    problems.add(Position.startOf(f.path()), "cannot read file: " + x.getMessage());
                    return Optional.empty();
                }
            }
            if (!keep) {
                Problems own = new Problems();
                Optional<ReleaseFile> file = parser.parse(f, bytes, own);
                synchronized (this) {
                    parsed++;
                }
                problems.addAll(own.sorted());
                return file;
            }
            byte[] digest = bytes == null ? null : sha256(bytes);
            if (e != null && e.size() == f.size() && Arrays.equals(e.digest(), digest)) {
                e = new Entry(f, e.size(), e.digest(), e.file(), e.problems());
            } else {
                Problems own = new Problems();
                e = new Entry(f, f.size(), digest, parser.parse(f, bytes, own), own.sorted());
                synchronized (this) {
                    parsed++;
                }
            }
            entries.put(f.path(), e);
        }
        problems.addAll(e.problems());
        return e.file();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }
}
