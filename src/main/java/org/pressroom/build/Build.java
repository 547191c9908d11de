package org.pressroom.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.pressroom.archive.Archive;
import org.pressroom.content.ConfigParser;
import org.pressroom.content.Content;
import org.pressroom.content.Release;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.SourceLoader;
import org.pressroom.content.Sources;
import org.pressroom.content.StaticFile;
import org.pressroom.content.Topic;
import org.pressroom.markdown.Markdown;
import org.pressroom.markdown.RenderCache;
import org.pressroom.parallel.Parallel;
import org.pressroom.plan.Aliases;
import org.pressroom.plan.Page;
import org.pressroom.plan.Plan;
import org.pressroom.problem.BuildFailure;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problem;
import org.pressroom.problem.Problems;
import org.pressroom.render.Renderer;
import org.pressroom.render.Theme;
import org.pressroom.render.Views.View;

/**
 * A build, read as a recipe: load, parse, assemble, plan, render, write. Each stage collects all its
 * problems; the build stops after the first stage that has any, and then the old site is untouched.
 */
public final class Build {
    private Build() {
    }

    /** With {@code -Dpressroom.timing=true}, stage durations go to standard error (for profiling). */
    private static final boolean TIMING = Boolean.getBoolean("pressroom.timing");

    static long lap(String stage, long since) {
        long now = System.nanoTime();
        if (TIMING) {
            // with the process's CPU time so far and the time since the JVM started, to see idle cores
            long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
            long up = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            System.err.printf(java.util.Locale.ROOT, "timing: %-8s %6d ms (at %6d ms, CPU %6d ms)%n", stage,
                    (now - since) / 1_000_000, up, cpu);
        }
        return now;
    }

    /** Everything up to the plan, without writing; throws {@link BuildFailure} with all problems. */
    public static Loaded load(BuildOptions options) {
        return load(options, Memo.once(null, null), null);
    }

    /**
     * Loads (reading the sources listed by {@code listed} if given, else listing them first) and the
     * rest up to the plan.
     */
    private static Loaded load(BuildOptions options, Memo memo,
            java.util.concurrent.FutureTask<Listed> listed) {
        long t = System.nanoTime();
        Problems problems = new Problems();
        Sources sources;
        if (listed == null) {
            sources = SourceLoader.load(options.source(), problems);
        } else {
            Listed l = Parallel.joined(listed);
            problems.addAll(l.problems().sorted());
            sources = SourceLoader.load(options.source(), l.listing(), problems);
        }
        problems.throwIfAny();
        lap("load", t);
        return load(options, sources, memo);
    }

    /** Everything from sources already read up to the plan, reusing what {@code memo} holds from the last build. */
    public static Loaded load(BuildOptions options, Sources sources, Memo memo) {
        long t = System.nanoTime();
        Problems problems = new Problems();
        Optional<SiteConfig> parsedSite = ConfigParser.site(sources.siteYml(), problems);
        problems.throwIfAny();
        SiteConfig site = parsedSite.orElseThrow();
        if (options.baseUrl().isPresent()) {
            site = site.withBaseUrl(options.baseUrl().get());
        }
        Map<String, Topic> topics = ConfigParser.topics(sources.topicsYml(), site, problems);
        // the theme (templates parsed, strings read) is made on a thread of its own while the releases
        // are parsed on the others: it is a quarter of a second of one core, all of it otherwise waited for
        SiteConfig config = site;
        java.util.concurrent.FutureTask<Optional<Theme>> themed = new java.util.concurrent.FutureTask<>(
                () -> memo.theme(sources, config, problems));
        Parallel.beside(themed);
        List<Release> releases = Content.releases(sources, site, topics, new Markdown(site.rawHtml(), memo.renders()), problems,
                memo.parses());
        Optional<Theme> theme = Parallel.joined(themed);
        problems.throwIfAny();
        t = lap("parse", t);

        Archive archive = Archive.assemble(site, topics, releases, options.drafts(), options.now().in(site.timeZone()));
        Plan plan = Plan.of(archive, memo.search());
        Map<String, String> copied = new java.util.HashMap<>();
        for (List<StaticFile> group : List.of(sources.files(), sources.assets())) {
            group.forEach(f -> copied.put(f.outputPath(), f.sourcePath()));
        }
        Aliases.check(plan, releases, copied, problems);
        problems.throwIfAny();
        lap("plan", t);
        Instant now = options.now().in(site.timeZone());
        Instant from = null;
        Instant until = null;
        for (Release r : releases) {
            Instant at = r.date().toInstant();
            if (r.embargo().isPresent() && r.embargo().get().isAfter(at)) {
                at = r.embargo().get();
            }
            if (at.isAfter(now)) {
                until = until == null || at.isBefore(until) ? at : until;
            } else {
                from = from == null || at.isAfter(from) ? at : from;
            }
        }
        return new Loaded(sources, plan, theme.orElseThrow(), site.timeZone(), from, until);
    }

    /** The source folder as listed, and what listing it found wrong. */
    private record Listed(SourceLoader.Listing listing, Problems problems) {
        static Listed of(Path source) {
            Problems problems = new Problems();
            return new Listed(SourceLoader.list(source, problems), problems);
        }
    }

    /**
     * The model of a build, ready to render.
     *
     * @param from  the latest publication time at or before the build's clock, or null
     * @param until the earliest publication time after it, or null: the set of published releases is
     *              the same for every clock in [from, until)
     */
    public record Loaded(Sources sources, Plan plan, Theme theme, java.time.ZoneId timeZone, Instant from,
            Instant until) {
    }

    /**
     * A test hook called at each point where a build may be interrupted (after loading, after rendering, after the
     * journal's commit point, half-way through applying it, after applying it, after the cache is
     * written; for full builds after staging and after the swap). Tests make it throw.
     */
    static volatile java.util.function.Consumer<String> hook = stage -> { };

    /**
     * How many bytes of heap a build may use to hold rendered bodies in memory as well as in their
     * file (reading a body back costs a little time; a small archive's all fit); -1: a 32nd of the
     * maximum heap (32 MB of a 1 GB heap). Tests set 0 to read every body back from the file.
     */
    static volatile long heldBodies = -1;

    /** Builds the site, reusing what {@code .pressroom/} says the last build made; see {@link #run(BuildOptions, Progress, boolean)}. */
    public static BuildResult run(BuildOptions options, Progress progress) {
        return run(options, progress, false);
    }

    /**
     * Builds the site; on problems throws {@link BuildFailure} and leaves the output as it was. Unless
     * {@code clean}, the cache in {@code .pressroom/} of the source folder lets a build with nothing
     * changed stop after looking at file sizes and times, and a build after a change render only the
     * pages whose fingerprint changed and write only the files whose bytes changed ({@link Journal}).
     * A clean build (or one without a usable cache, or without a site yet) renders everything into a
     * staging folder and swaps it in.
     */
    public static BuildResult run(BuildOptions options, Progress progress, boolean clean) {
        long start = System.nanoTime();
        checkOutput(options);
        Path source = options.source().toAbsolutePath().normalize();
        Path out = options.output().toAbsolutePath().normalize();
        Path cacheDir = source.resolve(".pressroom").resolve("build-" + HexFormat.of().formatHex(
                Fingerprint.sha256().digest(out.toString().getBytes(StandardCharsets.UTF_8)), 0, 8));
        // the cache, the site and the sources are read at once: the check that nothing changed is all
        // a no-change build does, and it is mostly waiting for the file system
        java.util.concurrent.CompletableFuture<Map<String, SiteCache.Stat>> templates =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> SiteCache.scan(source, source.resolve("templates")));
        Journal journal;
        try {
            Files.createDirectories(cacheDir);
            journal = new Journal(cacheDir, out);
            journal.recover();
        } catch (IOException | RuntimeException e) {
            journal = null; // no usable cache folder: build in full, remember nothing
        }
        java.util.concurrent.CompletableFuture<Map<String, SiteCache.Stat>> site =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> SiteCache.scan(out, out));
        Optional<SiteCache> old = journal == null || clean ? Optional.empty() : SiteCache.read(cacheDir.resolve("cache"));
        // without a cache every page is made: the source folder is listed (nothing read) on a thread of
        // its own while the inputs' sizes and times are taken; else after the check that nothing changed
        java.util.concurrent.FutureTask<Listed> listed = null;
        if (old.isEmpty()) {
            listed = new java.util.concurrent.FutureTask<>(() -> Listed.of(source));
            Parallel.beside(listed);
        }
        long tc = lap("cache", start);
        Map<String, SiteCache.Stat> inputs = new HashMap<>(SiteCache.scan(source, source.resolve("content")));
        inputs.putAll(templates.join());
        tc = lap("inputs", tc);
        Map<String, SiteCache.Stat> existing = site.join();
        lap("outputs", tc);
        Map<String, String> settings = settings(options, out);
        if (old.isPresent()) {
            SiteCache c = old.get();
            String zone = c.settings.get("timeZone");
            Map<String, String> expected = new HashMap<>(settings);
            expected.put("timeZone", zone == null ? "" : zone);
            if (zone != null && c.upToDate(expected, inputs, options.now().in(java.time.ZoneId.of(zone)), existing)) {
                long t = lap("scan", start);
                return new BuildResult(options.output(), c.pages, c.files, Duration.ofNanos(t - start), 0);
            }
        }
        long t0 = lap("scan", start);
        // search tokens of release files unchanged since they were made (by size and time, as above)
        String tokensContext = codeVersion() + " " + inputs.get("content/site.yml");
        SearchTokens tokens = journal == null || clean ? SearchTokens.empty(tokensContext, inputs)
                : SearchTokens.read(cacheDir.resolve("search"), tokensContext, inputs);
        // the rendered bodies are kept in a file while the build runs (the next Markdown cache), not in memory
        long hold = heldBodies >= 0 ? heldBodies : Runtime.getRuntime().maxMemory() / 32;
        try (RenderCache renders = journal == null ? RenderCache.empty(codeVersion(), null, hold)
                : clean ? RenderCache.empty(codeVersion(), cacheDir, hold)
                : RenderCache.read(cacheDir.resolve("markdown"), codeVersion(), hold)) {
            // read after the scan above, never before: a file saved meanwhile then has a newer time than the
            // one recorded, and the next build reads it again
            Loaded loaded = load(options, Memo.once(renders, tokens), listed);
            hook.accept("loaded");
            hook.accept("markdown " + renders.made());
            hook.accept("tokens " + tokens.made());
            long tt = System.nanoTime();
            // written now, not with the rest of the cache: tokens are facts about file versions, right
            // whether or not the build succeeds. While the site renders when they take little memory (a
            // 16th of the heap: 5,000 pairs); before it otherwise, so that rendering does not hold them.
            java.util.concurrent.CompletableFuture<Void> tokensWritten = java.util.concurrent.CompletableFuture.completedFuture(null);
            if (journal != null) {
                SearchTokens made = tokens;
                Runnable write = () -> {
                    try {
                        made.write(cacheDir.resolve("search"));
                    } catch (IOException | RuntimeException e) {
                        // a missing store only costs tokenizing again next time
                    }
                };
                if (made.heldBytes() < Runtime.getRuntime().maxMemory() / 16) {
                    tokensWritten = java.util.concurrent.CompletableFuture.runAsync(write, Parallel::beside);
                } else {
                    write.run();
                }
            }
            tokens = null;
            lap("tokens", tt);
            settings.put("timeZone", loaded.timeZone().getId());
            Renderer renderer = new Renderer(loaded.plan(), loaded.theme());
            Map<String, String> keys = Incremental.templateKeys(loaded.sources().templates());
            Made made;
            try {
                made = journal != null && old.isPresent() && !existing.isEmpty()
                        ? incremental(options, loaded, renderer, keys, journal, old.get(), inputs, existing, progress)
                        : full(options, loaded, renderer, keys, inputs, existing.size() > 2000, progress);
            } finally {
                tokensWritten.join();
            }
            t0 = lap("write", t0);
            if (journal != null) {
                try {
                    // the bodies' index and the site cache are written at once, each by a thread
                    java.util.concurrent.CompletableFuture<Void> bodies = java.util.concurrent.CompletableFuture
                            .runAsync(() -> {
                                try {
                                    renders.write(cacheDir.resolve("markdown"));
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }, Parallel::beside);
                    try {
                        new SiteCache(settings, loaded.from(), loaded.until(), System.currentTimeMillis() * 1_000_000L,
                                loaded.plan().pages().size(), made.files(), inputs, made.outputs())
                                .write(cacheDir.resolve("cache"));
                    } finally {
                        bodies.join();
                    }
                    hook.accept("cached");
                    journal.clear();
                } catch (IOException | java.util.concurrent.CompletionException e) {
                    // the site is complete; a missing or stale cache only costs work next time
                }
                lap("remember", t0);
            }
            return new BuildResult(options.output(), loaded.plan().pages().size(), made.files(),
                    Duration.ofNanos(System.nanoTime() - start), made.written());
        }
    }

    /** What a build wrote: every output file as the cache records it, and how many files it wrote or deleted. */
    private record Made(Map<String, SiteCache.Out> outputs, int files, int written) {
    }

    private static Map<String, String> settings(BuildOptions options, Path out) {
        Map<String, String> s = new HashMap<>();
        s.put("output", out.toString());
        s.put("baseUrl", options.baseUrl().map(Object::toString).orElse(""));
        s.put("drafts", Boolean.toString(options.drafts()));
        s.put("code", codeVersion());
        return s;
    }

    /** The size and time of the jar this runs from (a new Pressroom may render differently). */
    private static String codeVersion() {
        try {
            Path code = Path.of(Build.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis();
            }
        } catch (Exception e) {
            // no jar: classes from a folder (tests)
        }
        return "classes";
    }

    /** Renders every page into a staging folder and swaps it in. */
    private static Made full(BuildOptions options, Loaded loaded, Renderer renderer, Map<String, String> keys,
            Map<String, SiteCache.Stat> inputs, boolean deleteOldInBackground, Progress progress) {
        long start = System.nanoTime();
        List<Page> pages = loaded.plan().pages();
        Problems problems = new Problems();
        Map<String, SiteCache.Out> outputs = new ConcurrentHashMap<>();
        SiteWriter writer;
        try {
            writer = SiteWriter.open(options.output());
        } catch (IOException e) {
            throw failure(options, "cannot create the site folder: " + e.getMessage());
        }
        boolean committed = false;
        try {
            AtomicInteger done = new AtomicInteger();
            int total = pages.size();
            Parallel.forEach(pages, page -> {
                Viewed v = viewed(renderer, keys, page);
                Renderer.Result r = v.render(renderer, page);
                if (r.problem().isPresent()) {
                    problems.add(r.problem().get());
                } else {
                    byte[] bytes = r.text().getBytes(StandardCharsets.UTF_8);
                    try {
                        SiteCache.Stat st = writer.write(page.file(), bytes);
                        outputs.put(page.file(), new SiteCache.Out(st, v.fingerprint(),
                                HexFormat.of().formatHex(Fingerprint.ofBytes(bytes)), "", null));
                    } catch (IOException e) {
                        problems.add(cannotWrite(options, page.file(), e));
                    }
                }
                progress.pages(done.incrementAndGet(), total);
            });
            problems.throwIfAny();
            long t = lap("pages", start);
            int files = 0;
            for (List<StaticFile> group : List.of(loaded.sources().files(), loaded.sources().assets())) {
                for (StaticFile f : group) {
                    SiteCache.Stat st = writer.copy(f.source(), f.outputPath());
                    SiteCache.Stat src = inputs.get(f.sourcePath());
                    if (src != null) {
                        outputs.put(f.outputPath(), new SiteCache.Out(st, "", "", f.sourcePath(), src));
                    }
                    files++;
                }
            }
            hook.accept("staged");
            // the sizes and times recorded while writing stay true: a folder's rename changes neither
            writer.commit(deleteOldInBackground);
            committed = true;
            hook.accept("swapped");
            lap("swap", t);
            return new Made(outputs, files, pages.size() + files);
        } catch (IOException e) {
            throw failure(options, "cannot write the site: " + e.getMessage());
        } finally {
            if (!committed) {
                writer.abandon();
            }
        }
    }

    /** Renders the pages whose fingerprint changed, and writes the files whose bytes changed through a {@link Journal}. */
    private static Made incremental(BuildOptions options, Loaded loaded, Renderer renderer, Map<String, String> keys,
            Journal journal, SiteCache old, Map<String, SiteCache.Stat> inputs, Map<String, SiteCache.Stat> existing,
            Progress progress) {
        Path out = options.output().toAbsolutePath().normalize();
        List<Page> pages = loaded.plan().pages();
        Problems problems = new Problems();
        Map<String, SiteCache.Out> next = new ConcurrentHashMap<>();
        Set<String> puts = ConcurrentHashMap.newKeySet();
        boolean committed = false;
        try {
            AtomicInteger done = new AtomicInteger();
            int total = pages.size();
            Parallel.forEach(pages, page -> {
                String file = page.file();
                SiteCache.Out was = old.outputs.get(file);
                boolean intact = was != null && was.sourceStat() == null && was.stat().equals(existing.get(file));
                Viewed v = viewed(renderer, keys, page);
                String fp = v.fingerprint();
                if (v.view() != null && intact && fp.equals(was.fingerprint())) {
                    next.put(file, was);
                    progress.pages(done.incrementAndGet(), total);
                    return;
                }
                Renderer.Result r = v.render(renderer, page);
                if (r.problem().isPresent()) {
                    problems.add(r.problem().get());
                } else {
                    byte[] bytes = r.text().getBytes(StandardCharsets.UTF_8);
                    String digest = HexFormat.of().formatHex(Fingerprint.ofBytes(bytes));
                    if (intact && digest.equals(was.digest())) {
                        next.put(file, new SiteCache.Out(was.stat(), fp, digest, "", null));
                    } else {
                        try {
                            journal.write(file, bytes);
                            puts.add(file);
                            next.put(file, new SiteCache.Out(null, fp, digest, "", null));
                        } catch (IOException e) {
                            problems.add(cannotWrite(options, file, e));
                        }
                    }
                }
                progress.pages(done.incrementAndGet(), total);
            });
            problems.throwIfAny();
            int files = 0;
            for (List<StaticFile> group : List.of(loaded.sources().files(), loaded.sources().assets())) {
                for (StaticFile f : group) {
                    files++;
                    SiteCache.Out was = old.outputs.get(f.outputPath());
                    SiteCache.Stat src = inputs.get(f.sourcePath());
                    if (was != null && was.sourceStat() != null && src != null && was.source().equals(f.sourcePath())
                            && was.sourceStat().equals(src) && was.stat().equals(existing.get(f.outputPath()))) {
                        next.put(f.outputPath(), was);
                    } else {
                        journal.copy(f.source(), f.outputPath());
                        puts.add(f.outputPath());
                        next.put(f.outputPath(), new SiteCache.Out(null, "", "", f.sourcePath(), src));
                    }
                }
            }
            List<String> put = new ArrayList<>(new TreeSet<>(puts));
            List<String> del = new ArrayList<>(new TreeSet<>(existing.keySet()));
            del.removeAll(next.keySet());
            hook.accept("rendered");
            journal.commit(put, del);
            committed = true;
            hook.accept("journal");
            journal.apply(put, del, hook);
            hook.accept("applied");
            Map<String, SiteCache.Out> outputs = new HashMap<>();
            for (Map.Entry<String, SiteCache.Out> e : next.entrySet()) {
                SiteCache.Out o = e.getValue();
                if (o.stat() == null) {
                    if (!o.source().isEmpty() && o.sourceStat() == null) {
                        continue; // the source vanished while building: not remembered, copied again next time
                    }
                    BasicFileAttributes a = Files.readAttributes(out.resolve(e.getKey()), BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    o = new SiteCache.Out(SiteCache.Stat.of(a), o.fingerprint(), o.digest(), o.source(), o.sourceStat());
                }
                outputs.put(e.getKey(), o);
            }
            return new Made(outputs, files, put.size() + del.size());
        } catch (IOException e) {
            throw failure(options, "cannot write the site: " + e.getMessage());
        } finally {
            if (!committed) {
                try {
                    journal.clear();
                } catch (IOException e) {
                    // best effort: the next build discards uncommitted pending files
                }
            }
        }
    }

    /** A page's view (null for the files Pressroom writes itself) and its fingerprint ("" for those). */
    private record Viewed(View view, String fingerprint) {
        Renderer.Result render(Renderer renderer, Page page) {
            return view == null ? renderer.render(page) : renderer.render(page, view);
        }
    }

    private static Viewed viewed(Renderer renderer, Map<String, String> keys, Page page) {
        if (page.template() == null) {
            return new Viewed(null, "");
        }
        View view = renderer.view(page);
        return new Viewed(view, HexFormat.of().formatHex(Fingerprint.of(keys.getOrDefault(page.template(), "missing"),
                view)));
    }

    private static Problem cannotWrite(BuildOptions options, String file, IOException e) {
        return Problem.at(Position.startOf(outputName(options)), "cannot write " + file + ": " + e.getMessage());
    }

    private static String outputName(BuildOptions options) {
        Path src = options.source().toAbsolutePath().normalize();
        Path out = options.output().toAbsolutePath().normalize();
        return out.startsWith(src) ? src.relativize(out).toString().replace('\\', '/') : out.toString();
    }

    private static BuildFailure failure(BuildOptions options, String message) {
        return new BuildFailure(List.of(Problem.at(Position.startOf(outputName(options)),
                message)));
    }

    /**
     * Refuses outputs a swap would damage: the source folder or a folder holding it, the content or
     * theme folders, and existing folders that are not Pressroom sites.
     */
    private static void checkOutput(BuildOptions options) {
        Path src = options.source().toAbsolutePath().normalize();
        Path out = options.output().toAbsolutePath().normalize();
        if (src.startsWith(out)) {
            throw failure(options, "the output folder contains the source folder; choose another, such as "
                    + src.resolve("site"));
        }
        for (String inner : List.of("content", "templates")) {
            if (out.startsWith(src.resolve(inner))) {
                throw failure(options, "the output folder is inside " + inner + "/; choose another, such as site");
            }
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                throw failure(options, "the output exists and is not a folder");
            }
            try (var entries = Files.list(out)) {
                boolean empty = entries.findAny().isEmpty();
                if (!empty && !Files.isRegularFile(out.resolve("404.html"))) {
                    throw failure(options, "the output folder is not empty and is not a Pressroom site; "
                            + "refusing to replace it");
                }
            } catch (IOException e) {
                throw failure(options, "cannot read the output folder: " + e.getMessage());
            }
        }
    }
}
