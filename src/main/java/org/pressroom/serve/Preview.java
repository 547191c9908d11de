package org.pressroom.serve;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pressroom.build.BuildOptions;
import org.pressroom.build.Incremental;
import org.pressroom.build.When;
import org.pressroom.content.SourceLoader;
import org.pressroom.content.Sources;
import org.pressroom.content.StaticFile;
import org.pressroom.problem.BuildFailure;
import org.pressroom.problem.Problem;
import org.pressroom.problem.Problems;

/**
 * The site being previewed: rebuilt (incrementally) when sources change, kept in memory, and the
 * problems of the last attempt when it failed. A failed rebuild keeps the last good site.
 */
final class Preview {
    private final Path root;
    private final URI baseUrl;
    private final Optional<When> now;
    private final PrintWriter log;
    private final PrintWriter err;
    private final Incremental incremental = new Incremental();
    private final LiveReload live;
    private Sources sources;
    private volatile Snapshot current = Snapshot.EMPTY;
    private volatile List<Problem> problems = List.of();

    /**
     * A good site.
     *
     * @param version  counts successful builds; 0 before the first
     * @param pages    output file to bytes, exactly as a build writes them
     * @param statics  output file to the source file it is copied from
     * @param complete null for a whole site; for a site being made, whose pages open in a browser are
     *                 ready but not all others, the whole site once made (or the last good one if
     *                 the rest fails): a request for a page not in {@code pages} waits for it
     */
    record Snapshot(long version, Map<String, byte[]> pages, Map<String, Path> statics,
            java.util.concurrent.CompletableFuture<Snapshot> complete) {
        static final Snapshot EMPTY = new Snapshot(0, Map.of(), Map.of(), null);

        /** This site if whole, else the whole site once it is made (or the last good one). */
        Snapshot whole() {
            if (complete == null) {
                return this;
            }
            try {
                return complete.get(5, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return this;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return this;
            }
        }
    }

    Preview(Path root, URI baseUrl, Optional<When> now, PrintWriter log, PrintWriter err, LiveReload live) {
        this.root = root;
        this.err = err;
        this.baseUrl = baseUrl;
        this.now = now;
        this.log = log;
        this.live = live;
    }

    Snapshot current() {
        return current;
    }

    /** The problems of the last rebuild, empty when it succeeded. */
    List<Problem> problems() {
        return problems;
    }

    /**
     * Rebuilds after {@code changed} files (relative to the source folder) changed, or everything
     * when {@code changed} is empty. Returns whether the site is now good.
     */
    synchronized boolean rebuild(Optional<Set<String>> changed) {
        long start = System.nanoTime();
        Problems loadProblems = new Problems();
        Sources s = sources == null || changed.isEmpty() ? SourceLoader.load(root, loadProblems)
                : SourceLoader.reload(root, sources, changed.get(), loadProblems);
        if (!loadProblems.isEmpty()) {
            sources = null;
            return failed(loadProblems.sorted());
        }
        sources = s;
        BuildOptions options = new BuildOptions(root, root.resolve("site"), Optional.of(baseUrl), true,
                now.orElseGet(() -> When.at(Instant.now())));
        Map<String, Path> statics = new HashMap<>();
        for (List<StaticFile> group : List.of(s.files(), s.assets())) {
            group.forEach(f -> statics.put(f.outputPath(), f.source()));
        }
        Snapshot before = current;
        long version = before.version() + 1;
        java.util.concurrent.CompletableFuture<Snapshot> whole = new java.util.concurrent.CompletableFuture<>();
        boolean[] announced = {false};
        try {
            // when an edit makes many pages (a template), the open pages are made first and shown
            Incremental.Site site = incremental.update(options, s, live.openFiles(), pages -> {
                current = new Snapshot(version, pages, Map.copyOf(statics), whole);
                announced[0] = true;
                live.reload(version);
            });
            current = new Snapshot(version, site.pages(), Map.copyOf(statics), null);
            whole.complete(current);
            boolean recovered = !problems.isEmpty();
            problems = List.of();
            log.printf(Locale.ROOT, "%s %d of %d pages (parsed %d release file%s) in %d ms%s%n",
                    current.version() == 1 ? "Built" : "Rebuilt", site.rendered().size(), site.pages().size(),
                    site.parsed(), site.parsed() == 1 ? "" : "s", (System.nanoTime() - start) / 1_000_000,
                    announced[0] ? " (open pages first)" : "");
            if (recovered) {
                log.println("The problems are fixed.");
            }
            log.flush();
            if (!announced[0]) {
                live.reload(current.version());
            }
            return true;
        } catch (BuildFailure f) {
            current = before;
            whole.complete(before);
            return failed(f.problems());
        }
    }

    private boolean failed(List<Problem> found) {
        problems = List.copyOf(found);
        for (Problem p : found) {
            err.println(p);
        }
        err.printf(Locale.ROOT, "%d problem%s; %s%n", found.size(), found.size() == 1 ? "" : "s",
                current.version() == 0 ? "nothing to serve until they are fixed."
                        : "still serving the last good version.");
        err.flush();
        live.problems(current.version(), found.stream().map(Problem::toString).toList());
        return false;
    }
}
