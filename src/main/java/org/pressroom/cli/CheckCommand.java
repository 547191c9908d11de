package org.pressroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pressroom.build.BuildOptions;
import org.pressroom.build.When;
import org.pressroom.check.Check;
import org.pressroom.problem.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks DIR as build would, plus internal links, aliases, hreflang and translations; "
                + "writes nothing.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, github }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "DIR", description = "project folder (default: .)")
    Path source = Path.of(".");

    @Option(names = "--drafts", description = "include drafts")
    boolean drafts;

    @Option(names = "--now", paramLabel = "DATE-TIME", converter = WhenConverter.class,
            description = "the clock for embargoes: 2014-06-02T10:00:00+09:00, …Z, or a date")
    When now;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or github (CI annotations)")
    Format format = Format.text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        When when = now == null ? When.at(Instant.now()) : now;
        Path src = source.toAbsolutePath().normalize();
        Check.Report report = Check.run(new BuildOptions(src, src.resolve("site"), Optional.empty(), drafts, when));
        for (Problem p : report.errors()) {
            out.println(format == Format.github ? annotation("error", p) : p.toString());
        }
        for (Problem p : report.warnings()) {
            out.println(format == Format.github ? annotation("warning", p) : warning(p));
        }
        report.translation().forEach(out::println);
        int e = report.errors().size();
        int w = report.warnings().size();
        out.printf(Locale.ROOT, "Check %s: %d error%s, %d warning%s; nothing was written.%n", e == 0 ? "passed" : "failed",
                e, e == 1 ? "" : "s", w, w == 1 ? "" : "s");
        out.flush();
        return e == 0 ? 0 : 1;
    }

    private static String warning(Problem p) {
        return p.position() + ": warning: " + p.message() + p.hint().map(h -> " (hint: " + h + ")").orElse("");
    }

    /** A GitHub Actions workflow command: {@code ::error file=…,line=…,col=…::message}. */
    static String annotation(String kind, Problem p) {
        String message = p.message() + p.hint().map(h -> " (hint: " + h + ")").orElse("");
        return "::" + kind + " file=" + property(p.path()) + ",line=" + Math.max(1, p.line()) + ",col="
                + Math.max(1, p.column()) + "::" + data(message);
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
