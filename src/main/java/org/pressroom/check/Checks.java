package org.pressroom.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pressroom.content.Language;
import org.pressroom.content.RawFile;
import org.pressroom.content.Release;
import org.pressroom.content.ReleaseText;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Sources;
import org.pressroom.content.Suggest;
import org.pressroom.content.Translation;
import org.pressroom.content.TranslationStatus;
import org.pressroom.content.Update;
import org.pressroom.markdown.Markdown;
import org.pressroom.plan.Page;
import org.pressroom.plan.Plan;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problem;

/** What {@code check} adds to the build's validation, over a loaded plan. Pure. */
final class Checks {
    private final Plan plan;
    private final Sources sources;
    private final SiteConfig site;

    Checks(Plan plan, Sources sources) {
        this.plan = plan;
        this.sources = sources;
        this.site = plan.archive().site();
    }

    // ---- internal links ----

    /** Links in release bodies to release, topic, archive or home pages or to files that the site will not have. */
    List<Problem> links() {
        Map<String, RawFile> raw = new HashMap<>();
        sources.releases().forEach(f -> raw.put(f.path(), f));
        Set<String> files = new HashSet<>();
        sources.files().forEach(f -> files.add(f.outputPath()));
        Set<String> sourceIds = new HashSet<>();
        sources.releases().forEach(f -> {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            int dot = name.indexOf('.');
            sourceIds.add(dot < 0 ? name : name.substring(0, dot));
        });
        Markdown markdown = new Markdown(site.rawHtml());
        List<Problem> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Page p : plan.pages()) {
            if (!(p instanceof Page.ReleasePage rp)) {
                continue;
            }
            Translation t = rp.release().translations().get(rp.lang());
            if (!done.add(t.path()) || !raw.containsKey(t.path())) {
                continue;
            }
            Optional<ReleaseText> text = ReleaseText.of(raw.get(t.path()));
            if (text.isEmpty()) {
                continue;
            }
            for (Markdown.LinkAt link : markdown.links(text.get().body())) {
                Position pos = text.get().inBody(link.offset());
                Optional<String> target;
                try {
                    target = sitePath(link.url(), site.basePath() + p.path());
                } catch (URISyntaxException e) {
                    if (link.url().startsWith("/") || link.url().startsWith(site.baseUrl().toString())) {
                        out.add(Problem.at(pos, "link '" + link.url() + "' is not a valid URL",
                                "percent-encode spaces and special characters"));
                    }
                    continue;
                }
                if (target.isEmpty() || !checked(target.get()) || resolves(target.get(), files)) {
                    continue;
                }
                out.add(Problem.at(pos, "link to " + site.basePath() + target.get()
                        + " does not resolve to a page or file of the site", hint(target.get(), files, sourceIds)));
            }
        }
        return out;
    }

    /**
     * The site-relative path a link points at (no leading slash, no query or fragment, decoded), or
     * empty when it points elsewhere.
     */
    private Optional<String> sitePath(String href, String pageUrl) throws URISyntaxException {
        if (href.startsWith("#")) {
            return Optional.empty();
        }
        URI u = new URI(href);
        URI base = site.baseUrl();
        String path;
        if (u.getScheme() != null || u.getRawAuthority() != null) {
            if (u.getScheme() != null && !u.getScheme().equalsIgnoreCase("http") && !u.getScheme().equalsIgnoreCase("https")) {
                return Optional.empty();
            }
            if (u.getHost() == null || !u.getHost().equalsIgnoreCase(base.getHost()) || u.getPort() != base.getPort()) {
                return Optional.empty();
            }
            path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        } else if (u.getRawPath() == null || u.getRawPath().isEmpty()) {
            return Optional.empty();
        } else if (u.getRawPath().startsWith("/")) {
            path = u.getRawPath();
        } else {
            path = new URI(null, null, pageUrl, null).resolve(new URI(null, null, u.getPath(), null)).getRawPath();
        }
        path = Normalizer.normalize(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8),
                Normalizer.Form.NFC);
        String basePath = site.basePath();
        if (!path.startsWith(basePath)) {
            return Optional.empty();
        }
        return Optional.of(path.substring(basePath.length()));
    }

    /** Whether a path is of a kind check knows all of: a language's home, releases, topics, archive, or files. */
    private boolean checked(String rel) {
        if (rel.startsWith("files/")) {
            return true;
        }
        String[] parts = rel.split("/", -1);
        if (!site.hasLanguage(parts[0])) {
            return false;
        }
        return parts.length == 1 || parts[1].isEmpty() || List.of("releases", "topics", "archive").contains(parts[1]);
    }

    private boolean resolves(String rel, Set<String> files) {
        if (files.contains(rel) || plan.page(rel).isPresent()) {
            return true;
        }
        if (!rel.endsWith("/") && plan.page(rel + "/").isPresent()) {
            return true;
        }
        return rel.endsWith("/index.html") && plan.page(rel.substring(0, rel.length() - "index.html".length())).isPresent();
    }

    private String hint(String rel, Set<String> files, Set<String> sourceIds) {
        String[] parts = rel.split("/");
        if (parts.length >= 3 && parts[1].equals("releases") && sourceIds.contains(parts[2])) {
            return "release " + parts[2] + " has no published '" + parts[0]
                    + "' page: it is a draft, embargoed, dated in the future, or not translated";
        }
        Set<String> candidates = new LinkedHashSet<>(files);
        plan.pages().forEach(p -> candidates.add(p.path()));
        return Suggest.closest(rel, candidates).map(c -> "did you mean " + site.basePath() + c + "?").orElse(null);
    }

    // ---- hreflang ----

    /** Pages whose hreflang alternates do not point back at them. */
    List<Problem> hreflang() {
        List<Problem> out = new ArrayList<>();
        for (Page p : plan.pages()) {
            if (p.lang() == null) {
                continue;
            }
            for (Map.Entry<String, Page> alt : plan.alternates(p).entrySet()) {
                String lang = alt.getKey();
                Page other = alt.getValue();
                if (lang.equals("x-default") || lang.equals(p.lang())) {
                    continue;
                }
                Page back = plan.alternates(other).get(p.lang());
                if (back == null || !back.path().equals(p.path())) {
                    out.add(Problem.at(Position.startOf(source(p)), "hreflang is not reciprocal: /" + p.path()
                            + " names /" + other.path() + " as its '" + lang + "' version, which names "
                            + (back == null ? "no page" : "/" + back.path()) + " back"));
                }
            }
        }
        return out;
    }

    private String source(Page p) {
        if (p instanceof Page.ReleasePage rp) {
            return rp.release().translations().get(rp.lang()).path();
        }
        return "content/site.yml";
    }

    // ---- translations ----

    /** Translations that may be behind their original, by its corrections or by git history. */
    List<Problem> staleTranslations(Map<String, Instant> commits) {
        List<Problem> out = new ArrayList<>();
        for (Release r : plan.archive().releases()) {
            Translation original = original(r);
            for (Translation t : r.translations().values()) {
                if (t == original) {
                    continue;
                }
                LocalDate changed = lastChange(r, t);
                Optional<Update> later = original.updates().stream().filter(u -> u.date().isAfter(changed))
                        .reduce((a, b) -> b);
                if (later.isPresent()) {
                    out.add(Problem.at(Position.startOf(t.path()), "the " + t.lang()
                            + " translation may be stale: the original (" + original.path() + ") has a correction of "
                            + later.get().date() + " (" + later.get().note() + "), after this translation's last change ("
                            + changed + ")", "bring the translation up to date and add an updates entry to it"));
                    continue;
                }
                Instant o = commits.get(original.path());
                Instant mine = commits.get(t.path());
                if (o != null && mine != null && o.isAfter(mine)) {
                    out.add(Problem.at(Position.startOf(t.path()), "the " + t.lang()
                            + " translation may be stale: the original (" + original.path() + ") was last committed "
                            + o.atOffset(ZoneOffset.UTC) + ", after this file (" + mine.atOffset(ZoneOffset.UTC) + ")",
                            "bring the translation up to date, or commit it again if it is current"));
                }
            }
        }
        return out;
    }

    private Translation original(Release r) {
        return r.translations().values().stream().filter(t -> t.status() == TranslationStatus.ORIGINAL).findFirst()
                .orElse(Optional.ofNullable(r.translations().get(site.defaultLanguage()))
                        .orElse(r.translations().values().iterator().next()));
    }

    private static LocalDate lastChange(Release r, Translation t) {
        return t.updates().isEmpty() ? r.day() : t.updates().get(t.updates().size() - 1).date();
    }

    /** Releases missing a language, grouped by year, as lines of the report. */
    List<String> missingLanguages() {
        List<String> out = new ArrayList<>();
        List<Release> all = plan.archive().releases();
        for (Language l : site.languages()) {
            Map<Integer, List<String>> byYear = new TreeMap<>();
            for (Release r : all) {
                if (!r.translations().containsKey(l.code())) {
                    byYear.computeIfAbsent(r.day().getYear(), k -> new ArrayList<>()).add(r.id());
                }
            }
            int missing = byYear.values().stream().mapToInt(List::size).sum();
            if (missing == 0) {
                out.add("  " + l.code() + ": every release has a version in " + l.code());
                continue;
            }
            out.add("  " + l.code() + ": " + missing + " of " + all.size() + " release" + (all.size() == 1 ? "" : "s")
                    + " have no version in " + l.code());
            byYear.forEach((year, ids) -> out.add("    " + year + " (" + ids.size() + "): "
                    + String.join(", ", ids.stream().sorted().toList())));
        }
        return out;
    }
}
