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
