package org.pressroom.render;

import freemarker.cache.StringTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pressroom.content.Language;
import org.pressroom.content.RawFile;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Sources;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problems;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The theme of a build: its FreeMarker templates, parsed once into one {@link Configuration}, and its
 * UI strings per language. Built from {@link Sources}; reads no files.
 */
public final class Theme {
    /** The templates every theme must have, one per page kind. */
    public static final List<String> REQUIRED = List.of("root.ftlh", "home.ftlh", "release.ftlh", "topics.ftlh",
            "archive.ftlh", "list.ftlh", "404.ftlh");

    private final Configuration config;
    private final Map<String, Strings> strings;

    private Theme(Configuration config, Map<String, Strings> strings) {
        this.config = config;
        this.strings = strings;
    }

    public Map<String, Strings> strings() {
        return strings;
    }

    public Strings strings(String lang) {
        return strings.get(lang);
    }

    /** The configuration (tests compare object wrappers with it). */
    Configuration configuration() {
        return config;
    }

    Template template(String name) throws IOException {
        return config.getTemplate(name, Locale.ROOT);
    }

    /** The theme, or empty when its templates or strings have problems (all reported). */
    public static Optional<Theme> of(Sources sources, SiteConfig site, Problems problems) {
        Problems local = new Problems();
        Map<String, Strings> strings = strings(sources.i18n(), site, local);
        StringTemplateLoader loader = new StringTemplateLoader();
        Map<String, String> paths = new TreeMap<>();
        for (RawFile f : sources.templates()) {
            String name = f.path().substring("templates/".length());
            if (f.bytes() == null) {
                local.add(Position.startOf(f.path()), "template is too large to read");
                continue;
            }
            org.pressroom.content.SourceText.Result text = org.pressroom.content.SourceText.decode(f.path(), f.bytes());
            if (text.problem().isPresent()) {
                local.add(text.problem().get());
                continue;
            }
            paths.put(name, f.path());
            loader.putTemplate(name, text.text());
        }
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setLocalizedLookup(false);
        cfg.setObjectWrapper(wrapper());
        for (String name : REQUIRED) {
            if (!paths.containsKey(name)) {
                local.add(Position.startOf("templates/" + name), "template is missing",
                        "every theme needs " + String.join(", ", REQUIRED));
            }
        }
        paths.forEach((name, path) -> {
            try {
                cfg.getTemplate(name, Locale.ROOT);
            } catch (ParseException e) {
                local.add(new Position(path, Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber())),
                        "template syntax: " + syntaxMessage(e.getEditorMessage()));
            } catch (IOException e) {
                local.add(Position.startOf(path), "cannot read template: " + firstLine(e.getMessage()));
            }
        });
        problems.addAll(local.sorted());
        return local.isEmpty() ? Optional.of(new Theme(cfg, strings)) : Optional.empty();
    }

    /** The object wrapper of every theme: FreeMarker's default, with view records read quickly. */
    static RecordWrapper wrapper() {
        RecordWrapper wrapper = new RecordWrapper(Configuration.VERSION_2_3_34);
        wrapper.setForceLegacyNonListCollections(false);
        // view records: r.title reads the record component title()
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setExposeFields(false);
        wrapper.writeProtect();
        return wrapper;
    }

    /** FreeMarker's message up to its tips and stack, on one line. */
    static String summary(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : s.strip().split("\n")) {
            String l = line.strip();
            if (l.startsWith("----") || l.startsWith("Tip:") || l.startsWith("FTL stack trace")) {
                break;
            }
            if (!l.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(l);
            }
        }
        return out.toString().replaceAll("\\s+", " ").replace(" ==> ", " ")
                .replaceAll(" ?\\[in template \"[^\"]*\" at line \\d+, column \\d+\\]", "").strip();
    }

    /** FreeMarker's parse message without its pointer to the manual. */
    static String syntaxMessage(String s) {
        return firstLine(s).replaceAll("\\s*\\(See FreeMarker Manual[^)]*\\)", "").replaceAll("\\s+", " ").strip();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }

    private static Map<String, Strings> strings(List<RawFile> files, SiteConfig site, Problems problems) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        Map<String, Map<String, Position>> where = new LinkedHashMap<>();
        for (Language l : site.languages()) {
            String path = "templates/i18n/" + l.code() + ".yml";
            Optional<RawFile> file = files.stream().filter(f -> f.path().equals(path)).findFirst();
            if (file.isEmpty()) {
                problems.add(Position.startOf(path), "the theme has no strings for language '" + l.code() + "'",
                        "copy another language's file and translate it");
                continue;
            }
            Map<String, String> text = new TreeMap<>();
            Map<String, Position> pos = new TreeMap<>();
            I18nReader.read(file.get(), text, pos, problems);
            texts.put(l.code(), text);
            where.put(l.code(), pos);
        }
        TreeSet<String> all = new TreeSet<>();
        texts.values().forEach(m -> all.addAll(m.keySet()));
        all.add(Strings.DAY_PATTERN);
        all.add(Strings.MONTH_PATTERN);
        for (Map.Entry<String, Map<String, String>> e : texts.entrySet()) {
            String path = "templates/i18n/" + e.getKey() + ".yml";
            for (String key : all) {
                if (!e.getValue().containsKey(key)) {
                    String elsewhere = where.entrySet().stream().filter(w -> w.getValue().containsKey(key))
                            .map(w -> w.getValue().get(key).toString()).findFirst().orElse("the theme's Java side");
                    problems.add(Position.startOf(path), "string '" + key + "' is missing (it is in " + elsewhere + ")",
                            "every language needs every key");
                }
            }
        }
        Map<String, Strings> out = new LinkedHashMap<>();
        for (Language l : site.languages()) {
            Map<String, String> text = texts.get(l.code());
            if (text == null || !text.containsKey(Strings.DAY_PATTERN) || !text.containsKey(Strings.MONTH_PATTERN)) {
                continue;
            }
            boolean ok = true;
            for (String key : List.of(Strings.DAY_PATTERN, Strings.MONTH_PATTERN)) {
                try {
                    DateTimeFormatter.ofPattern(text.get(key), l.locale());
                } catch (IllegalArgumentException ex) {
                    problems.add(where.get(l.code()).get(key), "'" + text.get(key) + "' is not a date pattern: "
                            + ex.getMessage());
                    ok = false;
                }
            }
            if (ok) {
                out.put(l.code(), Strings.of(l, text));
            }
        }
        return out;
    }

    /** Reads one i18n file into flat dotted keys. */
    static final class I18nReader {
        private I18nReader() {
        }

        static void read(RawFile file, Map<String, String> out, Map<String, Position> pos, Problems problems) {
            org.pressroom.content.YamlAccess.read(file, problems).ifPresent(doc ->
                    flatten(doc, "", doc.root(), out, pos));
        }

        private static void flatten(org.pressroom.content.YamlAccess doc, String prefix, Node node,
                Map<String, String> out, Map<String, Position> pos) {
            doc.mapping(node).forEach((k, v) -> {
                String key = prefix.isEmpty() ? k : prefix + "." + k;
                if (doc.isMapping(v)) {
                    flatten(doc, key, v, out, pos);
                } else {
                    String s = doc.text(v, key);
                    if (s != null) {
                        out.put(key, s);
                        pos.put(key, doc.pos(v));
                    }
                }
            });
        }
    }
}
