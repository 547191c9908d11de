package org.pressroom.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;
import org.yaml.snakeyaml.nodes.Node;

/** Parses {@code content/site.yml} and {@code content/topics.yml}. Pure: reads no files. */
public final class ConfigParser {
    public static final String SITE_YML = "content/site.yml";
    public static final String TOPICS_YML = "content/topics.yml";
    static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+)\\s*(B|KB|MB|GB)?\\s*");
    private static final Set<String> SITE_KEYS = Set.of("baseUrl", "defaultLanguage", "languages", "timeZone",
            "pageSize", "types", "maxFileSize", "rawHtml", "params", "siteId");
    private static final String DNS = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*";
    /** A tagging entity of RFC 4151: a domain name or e-mail address, optionally with a date. */
    private static final Pattern SITE_ID = Pattern.compile("(" + DNS + "|[a-z0-9._%+-]+@" + DNS
            + ")(,\\d{4}(-\\d{2}(-\\d{2})?)?)?");

    /** The built-in types, used when site.yml has none. */
    public static final Map<String, Map<String, String>> DEFAULT_TYPES = builtInTypes();

    private ConfigParser() {
    }

    private static Map<String, Map<String, String>> builtInTypes() {
        Map<String, Map<String, String>> t = new LinkedHashMap<>();
        t.put("press-release", Map.of("ko", "보도자료", "en", "Press Release"));
        t.put("briefing", Map.of("ko", "브리핑", "en", "Briefing"));
        t.put("statement", Map.of("ko", "성명", "en", "Statement"));
        t.put("speech", Map.of("ko", "연설문", "en", "Speech"));
        t.put("commentary", Map.of("ko", "논평", "en", "Commentary"));
        return Collections.unmodifiableMap(t);
    }

    /** The site settings, or empty when they have problems (all reported). */
    public static Optional<SiteConfig> site(Optional<RawFile> file, Problems problems) {
        if (file.isEmpty()) {
            problems.add(Position.startOf(SITE_YML), "site.yml is missing", "create it with at least baseUrl: https://…/");
            return Optional.empty();
        }
        Optional<Node> root = compose(file.get(), problems);
        if (root.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(Position.startOf(SITE_YML), "site.yml is empty", "set at least baseUrl: https://…/");
            }
            return Optional.empty();
        }
        Problems local = new Problems();
        Yaml y = new Yaml(SITE_YML, 0, local);
        Map<String, Node> map = y.mapping(root.get(), "site.yml");
        for (String key : map.keySet()) {
            if (!SITE_KEYS.contains(key)) {
                local.add(y.keyPos(root.get(), key), "unknown setting '" + key + "'",
                        Optional.ofNullable(Suggest.didYouMean(key, SITE_KEYS))
                                .orElse("free-form values for templates go under params:"));
            }
        }
        URI baseUrl = null;
        if (!map.containsKey("baseUrl")) {
            local.add(Position.startOf(SITE_YML), "baseUrl is missing", "add baseUrl: https://…/");
        } else {
            baseUrl = baseUrl(y, map.get("baseUrl"));
        }
        List<Language> languages = new ArrayList<>();
        if (map.containsKey("languages")) {
            y.mapping(map.get("languages"), "languages").forEach((code, node) -> {
                Language l = language(y, code, node);
                if (l != null) {
                    languages.add(l);
                }
            });
            if (languages.isEmpty()) {
                local.add(y.pos(map.get("languages")), "languages must list at least one language");
            }
        } else {
            languages.add(new Language("ko", "보도자료", Locale.forLanguageTag("ko-KR")));
            languages.add(new Language("en", "Press Releases", Locale.forLanguageTag("en-US")));
        }
        List<String> codes = languages.stream().map(Language::code).toList();
        String defaultLanguage = codes.isEmpty() ? "ko" : codes.get(0);
        if (map.containsKey("defaultLanguage")) {
            String d = y.nonBlank(map.get("defaultLanguage"), "defaultLanguage");
            if (d != null && !codes.isEmpty() && !codes.contains(d)) {
                local.add(y.pos(map.get("defaultLanguage")), "defaultLanguage '" + d + "' is not one of languages "
                        + String.join(", ", codes));
            } else if (d != null) {
                defaultLanguage = d;
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        if (map.containsKey("timeZone")) {
            String z = y.nonBlank(map.get("timeZone"), "timeZone");
            if (z != null) {
                try {
                    zone = ZoneId.of(z);
                } catch (DateTimeException e) {
                    local.add(y.pos(map.get("timeZone")), "unknown time zone '" + z + "'", "use an IANA name such as Asia/Seoul");
                }
            }
        }
        int pageSize = 20;
        if (map.containsKey("pageSize")) {
            String s = y.text(map.get("pageSize"), "pageSize");
            try {
                pageSize = s == null ? 20 : Integer.parseInt(s.strip());
                if (pageSize < 1 || pageSize > 1000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                local.add(y.pos(map.get("pageSize")), "pageSize must be a whole number from 1 to 1000");
            }
        }
        Map<String, Map<String, String>> types = DEFAULT_TYPES;
        if (map.containsKey("types")) {
            types = labels(y, map.get("types"), "type", codes, local);
        } else {
            for (String code : codes) {
                if (!DEFAULT_TYPES.get("press-release").containsKey(code)) {
                    local.add(Position.startOf(SITE_YML), "the built-in types have no labels in '" + code + "'",
                            "list types with a label in every language");
                }
            }
        }
        long maxFileSize = SiteConfig.DEFAULT_MAX_FILE_SIZE;
        if (map.containsKey("maxFileSize")) {
            String s = y.text(map.get("maxFileSize"), "maxFileSize");
            Matcher m = s == null ? null : SIZE.matcher(s);
            if (m != null && m.matches()) {
                String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
                long mult = switch (unit) {
                    case "KB" -> 1024L;
                    case "MB" -> 1024L * 1024;
                    case "GB" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
                maxFileSize = Long.parseLong(m.group(1)) * mult;
            } else if (s != null) {
                local.add(y.pos(map.get("maxFileSize")), "maxFileSize must be a size such as 5MB, 800KB or 100000");
            }
        }
        boolean rawHtml = false;
        if (map.containsKey("rawHtml")) {
            Boolean b = y.bool(map.get("rawHtml"), "rawHtml");
            rawHtml = b != null && b;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = map.containsKey("params") && map.get("params").getTag().getValue().endsWith(":map")
                ? (Map<String, Object>) y.plain(map.get("params"))
                : Map.of();
        if (map.containsKey("params") && !map.get("params").getTag().getValue().endsWith(":map")) {
            local.add(y.pos(map.get("params")), "params must be a mapping");
        }
        String siteId = null;
        if (map.containsKey("siteId")) {
            String id = y.nonBlank(map.get("siteId"), "siteId");
            if (id != null && !SITE_ID.matcher(id).matches()) {
                local.add(y.pos(map.get("siteId")), "siteId '" + id + "' is not a domain name or e-mail address, "
                        + "optionally followed by a date", "write it like press.example.org,2013");
            } else {
                siteId = id;
            }
        }
        problems.addAll(local.sorted());
        if (!local.isEmpty() || baseUrl == null) {
            return Optional.empty();
        }
        return Optional.of(new SiteConfig(baseUrl, defaultLanguage, List.copyOf(languages), zone, pageSize, types,
                maxFileSize, rawHtml, params, siteId == null ? baseUrl.getHost().toLowerCase(Locale.ROOT) : siteId));
    }

    private static Optional<Node> compose(RawFile file, Problems problems) {
        SourceText.Result text = SourceText.decode(file.path(), file.bytes());
        if (text.problem().isPresent()) {
            problems.add(text.problem().get());
            return Optional.empty();
        }
        return new Yaml(file.path(), 0, problems).compose(text.text());
    }

    /** Parses a base URL given on the command line or in site.yml; it must be absolute http(s). */
    public static Optional<URI> parseBaseUrl(String s) {
        try {
            URI u = new URI(s.strip());
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null || u.getQuery() != null || u.getFragment() != null) {
                return Optional.empty();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            return Optional.of(new URI(u.getScheme(), u.getRawAuthority(), path, null, null).normalize());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URI baseUrl(Yaml y, Node node) {
        String s = y.nonBlank(node, "baseUrl");
        if (s == null) {
            return null;
        }
        Optional<URI> u = parseBaseUrl(s);
        if (u.isEmpty()) {
            y.problems().add(y.pos(node), "baseUrl '" + s + "' is not an absolute http(s) URL",
                    "write it like https://press.example.org/");
            return null;
        }
        return u.get();
    }

    private static Language language(Yaml y, String code, Node node) {
        if (!LANG.matcher(code).matches()) {
            y.problems().add(y.pos(node), "language code '" + code + "' must be two or three lower-case letters");
            return null;
        }
        Map<String, Node> m = y.mapping(node, "language " + code);
        for (String k : m.keySet()) {
            if (!k.equals("title") && !k.equals("locale")) {
                y.problems().add(y.keyPos(node, k), "unknown language setting '" + k + "'",
                        Suggest.didYouMean(k, List.of("title", "locale")));
            }
        }
        String title = m.containsKey("title") ? y.nonBlank(m.get("title"), "title") : null;
        if (!m.containsKey("title")) {
            y.problems().add(y.pos(node), "language " + code + " needs a title");
        }
        Locale locale = Locale.forLanguageTag(code);
        if (m.containsKey("locale")) {
            String tag = y.nonBlank(m.get("locale"), "locale");
            if (tag != null) {
                try {
                    locale = new Locale.Builder().setLanguageTag(tag).build();
                } catch (IllformedLocaleException e) {
                    y.problems().add(y.pos(m.get("locale")), "locale '" + tag + "' is not a language tag such as ko-KR");
                }
            }
        }
        return title == null ? null : new Language(code, title, locale);
    }

    /** A mapping of keys to a label per language (types in site.yml, topics in topics.yml). */
    private static Map<String, Map<String, String>> labels(Yaml y, Node node, String what, List<String> codes,
            Problems problems) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        y.mapping(node, what + "s").forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                problems.add(y.keyPos(node, key), what + " key '" + key + "' must be lower-case ASCII words joined by hyphens",
                        "for example '" + (Suggest.slug(key).isEmpty() ? what + "-name" : Suggest.slug(key)) + "'");
                return;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, Node> m = y.mapping(value, what + " " + key);
            m.forEach((lang, labelNode) -> {
                if (!codes.contains(lang)) {
                    problems.add(y.keyPos(value, lang), "'" + lang + "' is not a site language (" + String.join(", ", codes) + ")");
                    return;
                }
                String label = y.nonBlank(labelNode, what + " label");
                if (label != null) {
                    labels.put(lang, label);
                }
            });
            for (String lang : codes) {
                if (!m.containsKey(lang)) {
                    problems.add(y.pos(value), what + " '" + key + "' has no label in '" + lang + "'",
                            "every " + what + " needs a label in every language");
                }
            }
            out.put(key, Collections.unmodifiableMap(labels));
        });
        return Collections.unmodifiableMap(out);
    }

    /** The topic vocabulary; empty map when the file is absent. */
    public static Map<String, Topic> topics(Optional<RawFile> file, SiteConfig site, Problems problems) {
        if (file.isEmpty()) {
            return Map.of();
        }
        Optional<Node> root = compose(file.get(), problems);
        if (root.isEmpty()) {
            return Map.of();
        }
        Yaml y = new Yaml(TOPICS_YML, 0, problems);
        List<String> codes = site.languages().stream().map(Language::code).toList();
        Map<String, Topic> out = new LinkedHashMap<>();
        labels(y, root.get(), "topic", codes, problems).forEach((k, v) -> out.put(k, new Topic(k, v)));
        return Collections.unmodifiableMap(out);
    }
}
