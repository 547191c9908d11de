package org.pressroom.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pressroom.content.ConfigParser;
import org.pressroom.content.Language;
import org.pressroom.content.RawFile;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Skeleton;
import org.pressroom.content.Suggest;
import org.pressroom.problem.Problem;
import org.pressroom.problem.Problems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Writes the skeleton of a new release, content/releases/<yyyy>/<date>-<slug>.<lang>.md for "
                + "each language, and prints the paths. It starts as a draft (delete 'draft: true' to publish); "
                + "versions in other languages than the default start as 'translation: unofficial'.",
                "Never overwrites a file."})
final class NewCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SLUG", description = "the id's slug: a-z, 0-9 and single hyphens")
    String slug;

    @Option(names = "--source", paramLabel = "DIR", description = "project folder (default: .)")
    Path source = Path.of(".");

    @Option(names = "--date", paramLabel = "DATE", description = "the release date, 2014-06-02 (default: today in "
            + "the site's time zone)")
    String date;

    @Option(names = "--lang", paramLabel = "LANG", split = ",", description = "languages to write (default: all "
            + "languages of site.yml)")
    List<String> langs;

    @Option(names = "--type", paramLabel = "TYPE", description = "a type of site.yml (default: press-release)")
    String type = "press-release";

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!Skeleton.SLUG.matcher(slug).matches()) {
            String fixed = Suggest.slug(slug);
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + slug + "' is not a slug: use a-z, 0-9 "
                    + "and single hyphens" + (fixed.isEmpty() || fixed.equals(slug) ? ", such as yun-kerry-meeting"
                    : "; did you mean '" + fixed + "'?"));
        }
        Path src = source.toAbsolutePath().normalize();
        Path siteYml = src.resolve(ConfigParser.SITE_YML);
        Optional<RawFile> file = Optional.empty();
        if (Files.isRegularFile(siteYml)) {
            byte[] bytes = Files.readAllBytes(siteYml);
            file = Optional.of(new RawFile(ConfigParser.SITE_YML, bytes.length, bytes));
        }
        Problems problems = new Problems();
        Optional<SiteConfig> parsed = ConfigParser.site(file, problems);
        if (parsed.isEmpty() || !problems.isEmpty()) {
            for (Problem p : problems.sorted()) {
                err.println(p);
            }
            return 1;
        }
        SiteConfig site = parsed.get();
        LocalDate day;
        try {
            day = date == null ? LocalDate.now(site.timeZone()) : LocalDate.parse(date.strip());
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--date '" + date + "' is not a date such as "
                    + "2014-06-02");
        }
        List<String> codes = site.languages().stream().map(Language::code).toList();
        List<String> chosen = langs == null ? codes : langs.stream().map(String::strip).distinct().toList();
        for (String l : chosen) {
            if (!codes.contains(l)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--lang '" + l
                        + "' is not a language of site.yml; they are " + String.join(", ", codes));
            }
        }
        if (!site.types().containsKey(type)) {
            String hint = Suggest.closest(type, site.types().keySet()).map(c -> "; did you mean '" + c + "'?").orElse("");
            throw new CommandLine.ParameterException(spec.commandLine(), "--type '" + type + "' is not a type of "
                    + "site.yml; they are " + String.join(", ", site.types().keySet()) + hint);
        }
        String id = day + "-" + slug;
        Path folder = src.resolve("content/releases/" + day.getYear());
        boolean others = codes.stream().filter(c -> !chosen.contains(c))
                .anyMatch(c -> Files.exists(folder.resolve(id + "." + c + ".md")));
        boolean original = chosen.contains(site.defaultLanguage())
                || Files.exists(folder.resolve(id + "." + site.defaultLanguage() + ".md"));
        Map<String, String> files = Skeleton.files(site, slug, day, chosen, type, !others, original);
        List<String> existing = new ArrayList<>();
        for (String rel : files.keySet()) {
            if (Files.exists(src.resolve(rel))) {
                existing.add(rel);
            }
        }
        if (!existing.isEmpty()) {
            for (String rel : existing) {
                err.println(rel + ":1:1: the release file exists already; nothing was written (hint: choose another "
                        + "slug or date, or edit the file)");
            }
            return 1;
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = src.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                written.add(p);
            }
        } catch (FileAlreadyExistsException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            err.println(src.relativize(Path.of(e.getFile())) + ":1:1: the release file exists already; nothing was "
                    + "written");
            return 1;
        }
        for (Path p : written) {
            out.println(display(p));
        }
        return 0;
    }

    private static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
