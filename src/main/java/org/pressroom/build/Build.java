package org.pressroom.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
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
import org.pressroom.plan.Aliases;
import org.pressroom.plan.Page;
import org.pressroom.plan.Plan;
import org.pressroom.problem.BuildFailure;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;
import org.pressroom.render.Renderer;
import org.pressroom.render.Theme;

/**
 * A build, read as a recipe: load, parse, assemble, plan, render, write. Each stage collects all its
 * problems; the build stops after the first stage that has any, and then the old site is untouched.
 */
public final class Build {
    private Build() {
    }

    /** With {@code -Dpressroom.timing=true}, stage durations go to standard error (for profiling). */
    private static final boolean TIMING = Boolean.getBoolean("pressroom.timing");

    private static long lap(String stage, long since) {
        long now = System.nanoTime();
        if (TIMING) {
            System.err.printf(java.util.Locale.ROOT, "timing: %-8s %6d ms%n", stage, (now - since) / 1_000_000);
        }
        return now;
    }

    /** Everything up to the plan, without writing; throws {@link BuildFailure} with all problems. */
    public static Loaded load(BuildOptions options) {
        long t = System.nanoTime();
        Problems problems = new Problems();
        Sources sources = SourceLoader.load(options.source(), problems);
        problems.throwIfAny();
        lap("load", t);
        return load(options, sources, new Memo());
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
        Optional<Theme> theme = memo.theme(sources, site, problems);
        List<Release> releases = Content.releases(sources, site, topics, new Markdown(site.rawHtml()), problems,
                memo.parses());
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
        return new Loaded(sources, plan, theme.orElseThrow());
    }

    /** The model of a build, ready to render. */
    public record Loaded(Sources sources, Plan plan, Theme theme) {
    }

    /** Builds the site; on problems throws {@link BuildFailure} and leaves the output as it was. */
    public static BuildResult run(BuildOptions options, Progress progress) {
        long start = System.nanoTime();
        checkOutput(options);
        Loaded loaded = load(options);
        List<Page> pages = loaded.plan().pages();
        Renderer renderer = new Renderer(loaded.plan(), loaded.theme());
        Problems problems = new Problems();
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
            pages.parallelStream().forEach(page -> {
                Renderer.Result r = renderer.render(page);
                if (r.problem().isPresent()) {
                    problems.add(r.problem().get());
                } else {
                    try {
                        writer.write(page.file(), r.text().getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        problems.add(Position.startOf(outputName(options)), "cannot write " + page.file() + ": "
                                + e.getMessage());
                    }
                }
                progress.pages(done.incrementAndGet(), total);
            });
            problems.throwIfAny();
            long t = lap("render", start);
            int files = 0;
            for (List<StaticFile> group : List.of(loaded.sources().files(), loaded.sources().assets())) {
                for (StaticFile f : group) {
                    writer.copy(f.source(), f.outputPath());
                    files++;
                }
            }
            t = lap("copy", t);
            writer.commit();
            lap("swap", t);
            committed = true;
            return new BuildResult(options.output(), pages.size(), files, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw failure(options, "cannot write the site: " + e.getMessage());
        } finally {
            if (!committed) {
                writer.abandon();
            }
        }
    }

    private static String outputName(BuildOptions options) {
        Path src = options.source().toAbsolutePath().normalize();
        Path out = options.output().toAbsolutePath().normalize();
        return out.startsWith(src) ? src.relativize(out).toString().replace('\\', '/') : out.toString();
    }

    private static BuildFailure failure(BuildOptions options, String message) {
        return new BuildFailure(List.of(org.pressroom.problem.Problem.at(Position.startOf(outputName(options)),
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
