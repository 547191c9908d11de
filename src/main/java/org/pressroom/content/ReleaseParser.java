package org.pressroom.content;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressroom.markdown.Markdown;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;
import org.yaml.snakeyaml.nodes.Node;

/** Parses one release file: its name, front matter and Markdown body. Pure. */
final class ReleaseParser {
    static final String RELEASES = "content/releases/";
    static final Pattern ID = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final Pattern NAME = Pattern.compile("(.+)\\.([^./]+)\\.md");

    /** Fields stated once per release; either file may state them. */
    static final Set<String> RELEASE_FIELDS = Set.of("date", "type", "topics", "number", "draft", "embargo", "related");
    /** Fields of one language version. */
    static final Set<String> LANGUAGE_FIELDS = Set.of("title", "office", "translation", "summary", "aliases",
            "updates", "attachments");
    private static final List<String> ALL_FIELDS = List.of("title", "date", "type", "topics", "number", "office",
            "translation", "summary", "aliases", "draft", "embargo", "updates", "attachments", "related");

    private final SiteConfig site;
    private final Markdown markdown;

    ReleaseParser(SiteConfig site, Markdown markdown) {
        this.site = site;
        this.markdown = markdown;
    }

    /** Files larger than this are not read: they are reported as over the limit. */
    long readLimit() {
        return Math.min(site.maxFileSize(), SourceLoader.READ_CAP);
    }

    /**
     * Parses the file from its bytes; empty when it cannot be used at all.
     *
     * @param bytes    the file's content, or null when it was not read because it is over {@link #readLimit()}
     * @param problems this file's own collector (fresh for each file)
     */
    Optional<ReleaseFile> parse(RawFile file, byte[] bytes, Problems problems) {
        String path = file.path();
        String name = Normalizer.normalize(path.substring(path.lastIndexOf('/') + 1), Normalizer.Form.NFC);
        Position start = Position.startOf(path);
        Matcher nm = NAME.matcher(name);
        if (!nm.matches()) {
            problems.add(start, "'" + name + "' is not named <id>.<lang>.md",
                    "name it like 2013-09-27-yun-kerry-meeting.ko.md");
            return Optional.empty();
        }
        String id = nm.group(1);
        String lang = nm.group(2);
        boolean ok = true;
        if (!site.hasLanguage(lang)) {
            List<String> codes = site.languages().stream().map(Language::code).toList();
            problems.add(start, "unknown language '" + lang + "' in file name; site languages are "
                    + String.join(", ", codes), Optional.ofNullable(Suggest.didYouMean(lang, codes))
                            .orElse("name it " + id + "." + codes.get(0) + ".md"
                                    + (codes.size() > 1 ? " or " + id + "." + codes.get(1) + ".md" : "")));
            ok = false;
        }
        Matcher im = ID.matcher(id);
        LocalDate idDate = null;
        if (!im.matches()) {
            problems.add(start, "release id '" + id + "' is not yyyy-mm-dd-slug with a slug of a-z, 0-9 and hyphens",
                    suggestId(id));
            ok = false;
        } else {
            try {
                idDate = LocalDate.parse(im.group(1));
            } catch (DateTimeException e) {
                problems.add(start, "release id '" + id + "' starts with " + im.group(1) + ", which is not a date");
                ok = false;
            }
        }
        if (bytes == null || bytes.length > site.maxFileSize()) {
            problems.add(start, "file is " + humanSize(bytes == null ? file.size() : bytes.length)
                    + ", over the limit of " + humanSize(site.maxFileSize()), "split it, or raise maxFileSize in site.yml");
            return Optional.empty();
        }
        SourceText.Result decoded = SourceText.decode(path, bytes);
        if (decoded.problem().isPresent()) {
            problems.add(decoded.problem().get());
            return Optional.empty();
        }
        String text = decoded.text();
        if (!text.startsWith("---\n") && !text.equals("---")) {
            problems.add(start, "a release starts with front matter: a line '---', YAML fields, and a closing '---'");
            return Optional.empty();
        }
        int close = findClose(text);
        if (close < 0) {
            problems.add(start, "front matter is not closed", "end it with a line '---'");
            return Optional.empty();
        }
        String yamlText = text.substring(4, close);
        int bodyStart = text.indexOf('\n', close);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        if (!ok) {
            return Optional.empty();
        }

        Yaml y = new Yaml(path, 1, problems);
        Optional<Node> root = y.compose(yamlText);
        if (root.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(start, "title is missing", "add title: … to the front matter");
            }
            return Optional.empty();
        }
        Map<String, Node> fields = y.mapping(root.get(), "front matter");
        Map<String, ReleaseFile.Stated> shared = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : fields.entrySet()) {
            String key = e.getKey();
            Node node = e.getValue();
            if (!RELEASE_FIELDS.contains(key) && !LANGUAGE_FIELDS.contains(key)) {
                problems.add(y.keyPos(root.get(), key), "unknown field '" + key + "'",
                        Optional.ofNullable(Suggest.didYouMean(key, ALL_FIELDS))
                                .orElse("fields are " + String.join(", ", ALL_FIELDS)));
                continue;
            }
            if (RELEASE_FIELDS.contains(key)) {
                Object value = releaseField(y, key, node, idDate);
                if (value != null) {
                    shared.put(key, new ReleaseFile.Stated(value, y.pos(node)));
                }
            }
        }
        String title = null;
        if (!fields.containsKey("title")) {
            problems.add(y.start(), "title is missing", "add title: … to the front matter");
        } else {
            title = y.nonBlank(fields.get("title"), "title");
        }
        String office = fields.containsKey("office") ? y.nonBlank(fields.get("office"), "office") : null;
        TranslationStatus status = lang.equals(site.defaultLanguage()) ? TranslationStatus.ORIGINAL
                : TranslationStatus.OFFICIAL;
        if (fields.containsKey("translation")) {
            String s = y.nonBlank(fields.get("translation"), "translation");
            if (s != null) {
                try {
                    status = TranslationStatus.valueOf(s.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    problems.add(y.pos(fields.get("translation")), "translation '" + s
                            + "' must be one of original, official, unofficial, machine");
                }
            }
        }
        List<String> aliases = new ArrayList<>();
        List<Position> aliasPositions = new ArrayList<>();
        if (fields.containsKey("aliases")) {
            for (Node n : y.list(fields.get("aliases"), "aliases")) {
                String a = y.nonBlank(n, "an alias");
                if (a != null) {
                    Optional<String> wrong = AliasPath.problem(a);
                    if (wrong.isPresent()) {
                        problems.add(y.pos(n), wrong.get(), "an alias is an earlier path of this page on this site, "
                                + "such as /press/2013/0927.html or /view.do?seq=312633");
                    } else {
                        aliases.add(a);
                        aliasPositions.add(y.pos(n));
                    }
                }
            }
        }
        List<Update> updates = fields.containsKey("updates") ? updates(y, fields.get("updates"), idDate) : List.of();
        List<Attachment> attachments = new ArrayList<>();
        List<Position> attachmentPositions = new ArrayList<>();
        if (fields.containsKey("attachments")) {
            attachments(y, fields.get("attachments"), lang, attachments, attachmentPositions);
        }
        Markdown.Rendered rendered = markdown.render(body);
        String summary = fields.containsKey("summary") ? y.nonBlank(fields.get("summary"), "summary") : null;
        if (summary == null) {
            summary = rendered.summary();
        }
        if (title == null) {
            return Optional.empty();
        }
        Translation t = new Translation(lang, path, title, office, status, summary, List.copyOf(aliases), updates,
                List.copyOf(attachments), rendered.body(), List.copyOf(aliasPositions));
        return Optional.of(new ReleaseFile(id, lang, path, shared, t, start, List.copyOf(attachmentPositions)));
    }

    static int findClose(String text) {
        int i = 4;
        if (text.length() <= 4) {
            return -1;
        }
        if (text.startsWith("---\n", 4) || text.substring(4).equals("---")) {
            return 4;
        }
        while (true) {
            int nl = text.indexOf('\n', i - 1);
            if (nl < 0) {
                return -1;
            }
            int lineStart = nl + 1;
            int lineEnd = text.indexOf('\n', lineStart);
            String line = lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd);
            if (line.stripTrailing().equals("---") || line.stripTrailing().equals("...")) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            i = lineEnd + 1;
        }
    }

    private Object releaseField(Yaml y, String key, Node node, LocalDate idDate) {
        return switch (key) {
            case "date" -> date(y, node, idDate);
            case "type", "number" -> y.nonBlank(node, key);
            case "draft" -> y.bool(node, key);
            case "embargo" -> embargo(y, node);
            case "topics", "related" -> {
                List<String> items = new ArrayList<>();
                List<Position> positions = new ArrayList<>();
                for (Node n : y.list(node, key)) {
                    String s = y.nonBlank(n, "an entry of " + key);
                    if (s != null) {
                        items.add(s);
                        positions.add(y.pos(n));
                    }
                }
                yield new Located(List.copyOf(items), List.copyOf(positions));
            }
            default -> throw new IllegalStateException(key);
        };
    }

    /** A list value with the positions of its items, for messages about one item. */
    record Located(List<String> items, List<Position> positions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Located l && l.items.equals(items);
        }

        @Override
        public int hashCode() {
            return items.hashCode();
        }

        @Override
        public String toString() {
            return items.toString();
        }
    }

    private Object date(Yaml y, Node node, LocalDate idDate) {
        String s = y.nonBlank(node, "date");
        if (s == null) {
            return null;
        }
        Object value;
        LocalDate day;
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                value = d;
                day = d;
            } else {
                OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                value = t;
                day = t.atZoneSameInstant(site.timeZone()).toLocalDate();
            }
        } catch (DateTimeException e) {
            y.problems().add(y.pos(node), "date '" + s + "' is not a date (2013-09-27) or a date-time with offset "
                    + "(2013-09-27T14:30:00+09:00)");
            return null;
        }
        if (idDate != null && !day.equals(idDate)) {
            y.problems().add(y.pos(node), "date " + s + " falls on " + day + " in " + site.timeZone()
                    + ", but the release id says " + idDate, "make the id and the date agree");
            return null;
        }
        return value;
    }

    private static Object embargo(Yaml y, Node node) {
        String s = y.nonBlank(node, "embargo");
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            y.problems().add(y.pos(node), "embargo '" + s + "' is not a date-time with offset such as 2014-06-02T10:00:00+09:00");
            return null;
        }
    }

    private static List<Update> updates(Yaml y, Node node, LocalDate idDate) {
        List<Update> out = new ArrayList<>();
        LocalDate previous = null;
        for (Node item : y.list(node, "updates")) {
            Map<String, Node> m = y.mapping(item, "an update");
            checkKeys(y, item, m, List.of("date", "note"), "an update");
            LocalDate date = null;
            if (!m.containsKey("date")) {
                y.problems().add(y.pos(item), "an update needs a date");
            } else {
                String s = y.nonBlank(m.get("date"), "update date");
                try {
                    date = s == null ? null : LocalDate.parse(s);
                } catch (DateTimeException e) {
                    y.problems().add(y.pos(m.get("date")), "update date '" + s + "' is not a date such as 2013-09-28");
                }
            }
            String note = m.containsKey("note") ? y.nonBlank(m.get("note"), "update note") : null;
            if (!m.containsKey("note")) {
                y.problems().add(y.pos(item), "an update needs a note");
            }
            if (date != null && previous != null && date.isBefore(previous)) {
                y.problems().add(y.pos(m.get("date")), "updates must be listed oldest first; " + date + " comes after "
                        + previous);
            }
            if (date != null && idDate != null && date.isBefore(idDate)) {
                y.problems().add(y.pos(m.get("date")), "update date " + date + " is before the release date " + idDate);
            }
            if (date != null && note != null) {
                out.add(new Update(date, note));
                previous = date;
            }
        }
        return List.copyOf(out);
    }

    private static void attachments(Yaml y, Node node, String lang, List<Attachment> out, List<Position> positions) {
        for (Node item : y.list(node, "attachments")) {
            Map<String, Node> m = y.mapping(item, "an attachment");
            checkKeys(y, item, m, List.of("file", "title"), "an attachment");
            String file = m.containsKey("file") ? y.nonBlank(m.get("file"), "attachment file") : null;
            String title = m.containsKey("title") ? y.nonBlank(m.get("title"), "attachment title") : null;
            if (!m.containsKey("file")) {
                y.problems().add(y.pos(item), "an attachment needs a file");
            }
            if (file != null) {
                file = Normalizer.normalize(file, Normalizer.Form.NFC);
                if (file.startsWith("/") || file.contains("\\") || List.of(file.split("/")).contains("..")
                        || List.of(file.split("/")).contains(".")) {
                    y.problems().add(y.pos(m.get("file")), "attachment '" + file
                            + "' must be a path inside content/files/ without .. or a leading /");
                    continue;
                }
                // size is filled in when the release is assembled against the files that exist
                out.add(new Attachment(file, title == null ? file.substring(file.lastIndexOf('/') + 1) : title, lang,
                        -1));
                positions.add(y.pos(m.get("file")));
            }
        }
    }

    private static void checkKeys(Yaml y, Node node, Map<String, Node> m, List<String> allowed, String what) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                y.problems().add(y.keyPos(node, k), "unknown field '" + k + "' in " + what,
                        Optional.ofNullable(Suggest.didYouMean(k, allowed))
                                .orElse("fields are " + String.join(", ", allowed)));
            }
        }
    }

    static String suggestId(String id) {
        Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-?(.*)").matcher(id);
        if (m.matches()) {
            String slug = Suggest.slug(m.group(2));
            return "try '" + m.group(1) + "-" + (slug.isEmpty() ? "english-words" : slug) + "'";
        }
        return "ids look like 2013-09-27-yun-kerry-meeting";
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0).replace(".0 ", " ");
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)).replace(".0 ", " ");
    }
}
