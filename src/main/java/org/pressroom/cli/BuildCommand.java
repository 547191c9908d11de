package org.pressroom.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pressroom.build.Build;
import org.pressroom.build.BuildOptions;
import org.pressroom.build.BuildResult;
import org.pressroom.build.Progress;
import org.pressroom.build.When;
import org.pressroom.content.ConfigParser;
import org.pressroom.problem.BuildFailure;
import org.pressroom.problem.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds DIR (content/ and templates/) into the site folder.")
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "DIR", description = "project folder (default: .)")
    Path source = Path.of(".");

    @Option(names = "--output", paramLabel = "DIR", description = "site folder (default: DIR/site)")
    Path output;

    @Option(names = "--base-url", paramLabel = "URL", description = "overrides baseUrl of site.yml")
    String baseUrl;

    @Option(names = "--drafts", description = "include drafts")
    boolean drafts;

    @Option(names = "--now", paramLabel = "DATE-TIME", converter = WhenConverter.class,
            description = "the clock for embargoes: 2014-06-02T10:00:00+09:00, …Z, or a date")
    When now;

    @Option(names = "--clean", description = "ignore the cache in DIR/.pressroom: render every page and replace the site")
    boolean clean;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Optional<URI> base = Optional.empty();
        if (baseUrl != null) {
            base = ConfigParser.parseBaseUrl(baseUrl);
            if (base.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--base-url '" + baseUrl + "' is not an absolute http(s) URL");
            }
        }
        When when = now == null ? When.at(Instant.now()) : now;
        Path src = source.toAbsolutePath().normalize();
        Path dest = output == null ? src.resolve("site") : output.toAbsolutePath().normalize();
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        Progress progress = terminal ? new TerminalProgress(err) : Progress.NONE;
        try {
            BuildResult r = Build.run(new BuildOptions(src, dest, base, drafts, when), progress, clean);
            if (terminal) {
                err.print("\r\033[K");
                err.flush();
            }
            out.printf(Locale.ROOT, "Built %d pages and copied %d files into %s in %.2f s; %s%n", r.pages(), r.files(),
                    display(src, dest), r.elapsed().toMillis() / 1000.0,
                    r.written() == 0 ? "every file was up to date, none was written" : r.written() + " written");
            return 0;
        } catch (BuildFailure f) {
            if (terminal) {
                err.print("\r\033[K");
            }
            for (Problem p : f.problems()) {
                err.println(p);
            }
            err.printf(Locale.ROOT, "Build failed: %d problem%s; %s was left as it was.%n", f.problems().size(),
                    f.problems().size() == 1 ? "" : "s", display(src, dest));
            return 1;
        }
    }

    private static String display(Path src, Path dest) {
        Path cwd = Path.of("").toAbsolutePath();
        return dest.startsWith(cwd) && !dest.equals(cwd) ? cwd.relativize(dest) + "/" : dest + "/";
    }

    /** A counting line on a terminal, redrawn at most every 100 ms. */
    private static final class TerminalProgress implements Progress {
        private final java.io.PrintWriter err;
        private long last;

        TerminalProgress(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void pages(int done, int total) {
            long t = System.nanoTime();
            if (done == total || t - last > 100_000_000L) {
                last = t;
                int width = 30;
                int filled = total == 0 ? width : (int) ((long) done * width / total);
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d pages", "#".repeat(filled), " ".repeat(width - filled), done,
                        total);
                err.flush();
            }
        }
    }
}
