package org.pressroom.content;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files of a new release, as {@code pressroom new} writes them. Pure.
 *
 * <p>The release fields ({@code type}, {@code draft}) go into one file only: the default language's,
 * or, without it, the first language's. A new release starts as a {@code draft}, so that its
 * placeholder title cannot be published by accident; {@code serve} shows it, marked. When the
 * release has a default-language version, the versions in other languages start as
 * {@code translation: unofficial}, the conservative claim, which an editor changes to
 * {@code official} when it is one.
 */
public final class Skeleton {
    /** A release slug: ASCII lower-case letters and digits in groups joined by single hyphens. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Skeleton() {
    }

    /**
     * The files of a new release, path (relative to the source folder) to text.
     *
     * @param langs    the languages to write, each a site language
     * @param withFields whether one of the written files should state the release fields (false when
     *                   another language's file of the release exists already)
     * @param original   whether the release has a default-language version (written now or existing);
     *                   only then are the other versions marked as translations
     */
    public static Map<String, String> files(SiteConfig site, String slug, LocalDate date, List<String> langs,
            String type, boolean withFields, boolean original) {
        String id = date + "-" + slug;
        String main = langs.contains(site.defaultLanguage()) ? site.defaultLanguage() : langs.get(0);
        Map<String, String> out = new LinkedHashMap<>();
        for (Language l : site.languages()) {
            if (!langs.contains(l.code())) {
                continue;
            }
            StringBuilder sb = new StringBuilder("---\n");
            sb.append("title: \"").append(placeholder(l.code(), true)).append("\"\n");
            if (original && !l.code().equals(site.defaultLanguage())) {
                sb.append("translation: unofficial\n");
            }
            if (withFields && l.code().equals(main)) {
                sb.append("type: ").append(type).append('\n');
                sb.append("draft: true\n");
                sb.append("# topics: [topic-key]    # keys of content/topics.yml\n");
                sb.append("# number: \"\"\n");
            }
            sb.append("---\n\n").append(placeholder(l.code(), false)).append('\n');
            out.put(ReleaseParser.RELEASES + date.getYear() + "/" + id + "." + l.code() + ".md", sb.toString());
        }
        return out;
    }

    private static String placeholder(String lang, boolean title) {
        return switch (lang) {
            case "ko" -> title ? "제목을 쓰세요" : "본문을 쓰세요.";
            case "en" -> title ? "Write the title" : "Write the text.";
            default -> title ? "TODO: title" : "TODO: text.";
        };
    }
}
