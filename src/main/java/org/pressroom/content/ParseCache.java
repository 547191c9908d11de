package org.pressroom.content;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pressroom.problem.Problem;
import org.pressroom.problem.Problems;

/**
 * Remembers the parse of each release file, so that a rebuild parses only the files whose bytes
 * changed. A parse depends on the file's bytes and on the site settings only; the cache empties
 * itself when the settings change. Thread-safe.
 */
public final class ParseCache {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile SiteConfig site;
    private volatile int parsed;

    private record Entry(byte[] bytes, Optional<ReleaseFile> file, List<Problem> problems) {
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
        assembled.put(id, new Assembled(List.copyOf(files), context, release));
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
        boolean same = e != null && (e.bytes() == f.bytes()
                || (e.bytes() != null && f.bytes() != null && Arrays.equals(e.bytes(), f.bytes()))
                || (e.bytes() == null && f.bytes() == null));
        if (!same) {
            Problems own = new Problems();
            e = new Entry(f.bytes(), parser.parse(f, own), own.sorted());
            entries.put(f.path(), e);
            synchronized (this) {
                parsed++;
            }
        }
        problems.addAll(e.problems());
        return e.file();
    }
}
