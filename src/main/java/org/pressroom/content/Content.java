package org.pressroom.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pressroom.markdown.Markdown;
import org.pressroom.parallel.Parallel;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;

/**
 * The parse stage for releases: parses every release file (in parallel), pairs the language versions
 * of each id, merges and checks the shared fields. Pure: works on {@link Sources} already read.
 */
public final class Content {
    private Content() {
    }

    /** Every release of the source, drafts and embargoed ones included, sorted by id. */
    public static List<Release> releases(Sources sources, SiteConfig site, Map<String, Topic> topics,
            Markdown markdown, Problems problems) {
        return releases(sources, site, topics, markdown, problems, new ParseCache());
    }

    /** As {@link #releases(Sources, SiteConfig, Map, Markdown, Problems)}, parsing only files not in the cache. */
    public static List<Release> releases(Sources sources, SiteConfig site, Map<String, Topic> topics,
            Markdown markdown, Problems problems, ParseCache cache) {
        ReleaseParser parser = new ReleaseParser(site, markdown);
        reportDuplicateNames(sources.releases(), problems);
        cache.begin(site, sources.releases().stream().map(RawFile::path).collect(Collectors.toSet()));
        List<ReleaseFile> files = Parallel.map(sources.releases(), f -> cache.parse(parser, f, problems))
                .stream().flatMap(Optional::stream).sorted((a, b) -> a.path().compareTo(b.path())).toList();

        Map<String, Map<String, ReleaseFile>> byId = new TreeMap<>();
        for (ReleaseFile f : files) {
            Map<String, ReleaseFile> langs = byId.computeIfAbsent(f.id(), k -> new LinkedHashMap<>());
            if (langs.containsKey(f.lang())) {
                continue; // reported by reportDuplicateNames
            }
            ReleaseFile elsewhere = langs.values().stream().filter(o -> !folder(o.path()).equals(folder(f.path())))
                    .findFirst().orElse(null);
            if (elsewhere != null) {
                problems.add(f.start(), "release '" + f.id() + "' is also in " + folder(elsewhere.path())
                        + "; its language versions must be in the same folder",
                        "move this file next to " + elsewhere.path());
                continue;
            }
            langs.put(f.lang(), f);
        }
        Map<String, StaticFile> known = sources.files().stream()
                .collect(Collectors.toMap(s -> s.outputPath().substring("files/".length()), s -> s, (a, b) -> a));
        List<Release> out = new ArrayList<>();
        // what assembling checks besides the files; an unchanged release assembled in an equal
        // context is the same object as last time (serve compares releases, and that is then cheap)
        Object context = cache.context(List.of(site, topics, Set.copyOf(byId.keySet()), known));
        for (Map.Entry<String, Map<String, ReleaseFile>> e : byId.entrySet()) {
            List<ReleaseFile> versions = new ArrayList<>();
            for (Language l : site.languages()) {
                ReleaseFile f = e.getValue().get(l.code());
                if (f != null) {
                    versions.add(f);
                }
            }
            Release same = cache.assembled(e.getKey(), versions, context);
            if (same != null) {
                out.add(same);
                continue;
            }
            Problems own = new Problems();
            Optional<Release> made = assemble(e.getKey(), e.getValue(), site, topics, byId.keySet(), known, own);
            if (own.isEmpty() && made.isPresent()) {
                cache.remember(e.getKey(), versions, context, made.get());
            }
            problems.addAll(own.sorted());
            made.ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** Two files with the same name (id and language) in different folders are one release too many. */
    private static void reportDuplicateNames(List<RawFile> files, Problems problems) {
        Map<String, String> first = new java.util.HashMap<>();
        for (RawFile f : files) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            String earlier = first.putIfAbsent(name, f.path());
            if (earlier != null) {
                problems.add(Position.startOf(f.path()), "duplicate release file name: " + earlier + " has the same id "
                        + "and language", "ids must be unique across folders; rename or remove one file");
            }
        }
    }

    private static Optional<Release> assemble(String id, Map<String, ReleaseFile> versions, SiteConfig site,
            Map<String, Topic> topics, Set<String> ids, Map<String, StaticFile> files, Problems problems) {
        List<ReleaseFile> ordered = new ArrayList<>();
        for (Language l : site.languages()) {
            if (versions.containsKey(l.code())) {
                ordered.add(versions.get(l.code()));
            }
        }
        Map<String, ReleaseFile.Stated> shared = new LinkedHashMap<>();
        boolean ok = true;
        for (ReleaseFile f : ordered) {
            for (Map.Entry<String, ReleaseFile.Stated> s : f.shared().entrySet()) {
                ReleaseFile.Stated first = shared.get(s.getKey());
                if (first == null) {
                    shared.put(s.getKey(), s.getValue());
                } else if (!first.value().equals(s.getValue().value())) {
                    problems.add(s.getValue().pos(), s.getKey() + " " + show(s.getValue().value()) + " differs from "
                            + show(first.value()) + " at " + first.pos(),
                            "a release field may be stated in one file only, or the same in both");
                    ok = false;
                }
            }
        }
        ReleaseFile main = ordered.get(0);
        LocalDate idDate = LocalDate.parse(id.substring(0, 10));
        ZonedDateTime date = idDate.atStartOfDay(site.timeZone());
        boolean hasTime = false;
        Object d = value(shared, "date");
        if (d instanceof OffsetDateTime t) {
            date = t.atZoneSameInstant(site.timeZone());
            hasTime = true;
        }
        String type = (String) Optional.ofNullable(value(shared, "type")).orElse("press-release");
        if (!site.types().containsKey(type)) {
            Position pos = shared.containsKey("type") ? shared.get("type").pos() : main.start();
            problems.add(pos, "unknown type '" + type + "'; site.yml types are " + String.join(", ", site.types().keySet()),
                    Optional.ofNullable(Suggest.didYouMean(type, site.types().keySet())).orElse("add it to types in site.yml"));
            ok = false;
        }
        List<String> topicKeys = List.of();
        if (shared.get("topics") != null) {
            ReleaseParser.Located l = (ReleaseParser.Located) shared.get("topics").value();
            topicKeys = l.items();
            for (int i = 0; i < l.items().size(); i++) {
                String t = l.items().get(i);
                if (!topics.containsKey(t)) {
                    problems.add(l.positions().get(i), "unknown topic '" + t + "'",
                            Optional.ofNullable(Suggest.didYouMean(t, topics.keySet())).orElse("add it to content/topics.yml"));
                    ok = false;
                }
                if (topicKeys.indexOf(t) != i) {
                    problems.add(l.positions().get(i), "topic '" + t + "' is listed twice");
                    ok = false;
                }
            }
        }
        List<String> related = List.of();
        if (shared.get("related") != null) {
            ReleaseParser.Located l = (ReleaseParser.Located) shared.get("related").value();
            related = l.items();
            for (int i = 0; i < l.items().size(); i++) {
                String r = l.items().get(i);
                if (r.equals(id)) {
                    problems.add(l.positions().get(i), "a release cannot be related to itself");
                    ok = false;
                } else if (!ids.contains(r)) {
                    problems.add(l.positions().get(i), "related release '" + r + "' does not exist",
                            Suggest.didYouMean(r, ids));
                    ok = false;
                }
            }
        }
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (ReleaseFile f : ordered) {
            List<Attachment> resolved = new ArrayList<>();
            List<Attachment> listed = f.translation().attachments();
            for (int i = 0; i < listed.size(); i++) {
                Attachment a = listed.get(i);
                StaticFile file = files.get(a.file());
                if (file == null) {
                    problems.add(f.attachmentPositions().get(i), "attachment '" + a.file()
                            + "' is not in content/files/", Suggest.didYouMean(a.file(), files.keySet()));
                    ok = false;
                } else {
                    resolved.add(new Attachment(a.file(), a.title(), a.lang(), file.size()));
                }
            }
            Translation t = f.translation();
            translations.put(f.lang(), new Translation(t.lang(), t.path(), t.title(), t.office(), t.status(),
                    t.summary(), t.aliases(), t.updates(), List.copyOf(resolved), t.body(), t.aliasPositions()));
        }
        if (!ok) {
            return Optional.empty();
        }
        Boolean draft = (Boolean) value(shared, "draft");
        Instant embargo = (Instant) value(shared, "embargo");
        String number = (String) value(shared, "number");
        return Optional.of(new Release(id, date, hasTime, type, topicKeys, number, draft != null && draft,
                Optional.ofNullable(embargo), related, Collections.unmodifiableMap(translations)));
    }

    private static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private static Object value(Map<String, ReleaseFile.Stated> shared, String key) {
        ReleaseFile.Stated s = shared.get(key);
        return s == null ? null : s.value();
    }

    private static String show(Object value) {
        if (value instanceof ReleaseParser.Located l) {
            return l.items().toString();
        }
        return "'" + value + "'";
    }
}
