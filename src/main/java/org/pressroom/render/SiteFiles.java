package org.pressroom.render;

import org.pressroom.json.Json;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pressroom.archive.Archive;
import org.pressroom.content.Language;
import org.pressroom.content.Release;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Translation;
import org.pressroom.content.TranslationStatus;
import org.pressroom.content.AliasPath;
import org.pressroom.plan.Alias;
import org.pressroom.plan.Page;
import org.pressroom.plan.Plan;
import org.pressroom.search.SearchIndex;

/**
 * The files Pressroom writes itself rather than the theme: Atom feeds, sitemaps, robots.txt, _redirects
 * and alias redirect pages; and the JSON-LD of release pages. All text from content is escaped; nothing
 * depends on the build's clock, so the output is deterministic.
 *
 * <p>Atom ids never contain the base URL: an entry is {@code tag:<authority>,<issue day>:<release-id>/<lang>}
 * and a feed {@code tag:<authority>,<date>:feed/<lang>[/topics/<topic>]}, where the authority and the optional
 * date come from {@code siteId} in site.yml (default: the host of its baseUrl); a feed without that date uses
 * the issue day of the oldest published release.
 */
final class SiteFiles {
    /** RFC 3339 with seconds and offset, no fraction. */
    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final String NO_DATE = "1970-01-01T00:00:00Z";

    private final Plan plan;
    private final Theme theme;
    private final SiteConfig site;
    private final Archive archive;
    /** The date of feed ids when siteId gives none: the issue day of the oldest published release. */
    private final String feedDate;

    SiteFiles(Plan plan, Theme theme) {
        this.plan = plan;
        this.theme = theme;
        this.archive = plan.archive();
        this.site = archive.site();
        int comma = site.siteId().indexOf(',');
        this.feedDate = comma >= 0 ? site.siteId().substring(comma + 1)
                : archive.releases().stream().map(Release::day).min(Comparator.naturalOrder())
                        .map(LocalDate::toString).orElse("2000");
    }

    String render(Page page) {
        if (page instanceof Page.SearchData d) {
            return d.text();
        }
        if (page instanceof Page.SearchDocument d) {
            return SearchIndex.documentFile(d.releases(), (out, r) -> SearchIndex.document(out, r, d.lang(),
                    theme.strings(d.lang()).day(r.day()), site.types().get(r.type()).get(d.lang())));
        }
        if (page instanceof Page.Feed f) {
            return atom(f);
        }
        if (page instanceof Page.Sitemap s) {
            return sitemap(s);
        }
        if (page instanceof Page.SitemapIndex i) {
            return sitemapIndex(i);
        }
        if (page instanceof Page.Robots) {
            return "User-agent: *\nDisallow:\n\nSitemap: " + absolute("sitemap.xml") + "\n";
        }
        if (page instanceof Page.Redirects r) {
            return redirects(r);
        }
        if (page instanceof Page.AliasPage a) {
            return aliasPage(a.alias());
        }
        throw new IllegalStateException("not a built-in page: " + page);
    }

    private String absolute(String path) {
        return site.baseUrl().toString() + path;
    }

    private String href(String path) {
        return site.basePath() + path;
    }

    static String time(ZonedDateTime t) {
        return RFC3339.format(t);
    }

    // ---- Atom ----

    private String authority() {
        int comma = site.siteId().indexOf(',');
        return comma < 0 ? site.siteId() : site.siteId().substring(0, comma);
    }

    /** The permanent Atom id of a release's version in a language. */
    String entryId(Release r, String lang) {
        return "tag:" + authority() + "," + r.day() + ":" + r.id() + "/" + lang;
    }

    String feedId(Page.Feed f) {
        return "tag:" + authority() + "," + feedDate + ":feed/" + f.lang() + (f.topic() == null ? "" : "/topics/" + f.topic());
    }

    /** The feed's title: the site title in its language, after the topic's label for a topic feed. */
    String feedTitle(Page.Feed f) {
        String title = site.language(f.lang()).title();
        return f.topic() == null ? title : archive.topics().get(f.topic()).label(f.lang()) + " – " + title;
    }

    /** Who publishes the site in a language: {@code params.organization.<lang>}, else the site title. */
    String publisher(String lang) {
        if (site.params().get("organization") instanceof Map<?, ?> m && m.get(lang) instanceof String s) {
            return s;
        }
        return site.language(lang).title();
    }

    private String atom(Page.Feed f) {
        String lang = f.lang();
        StringBuilder x = new StringBuilder(8192);
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(Xml.escape(lang)).append("\">\n");
        x.append("  <id>").append(Xml.escape(feedId(f))).append("</id>\n");
        x.append("  <title>").append(Xml.escape(feedTitle(f))).append("</title>\n");
        String home = f.topic() == null ? lang + "/" : lang + "/topics/" + f.topic() + "/";
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.escape(absolute(f.path())))
                .append("\"/>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(absolute(home)))
                .append("\"/>\n");
        for (Language l : site.languages()) {
            Optional<Page> other = l.code().equals(lang) ? Optional.empty()
                    : plan.page(l.code() + f.path().substring(lang.length()));
            other.ifPresent(o -> x.append("  <link rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"")
                    .append(Xml.escape(l.code())).append("\" href=\"").append(Xml.escape(absolute(o.path())))
                    .append("\"/>\n"));
        }
        String updated = f.entries().stream().map(r -> r.modifiedAt(lang))
                .max(Comparator.comparing(ZonedDateTime::toInstant)).map(SiteFiles::time).orElse(NO_DATE);
        x.append("  <updated>").append(updated).append("</updated>\n");
        x.append("  <author>\n    <name>").append(Xml.escape(publisher(lang))).append("</name>\n    <uri>")
                .append(Xml.escape(absolute(lang + "/"))).append("</uri>\n  </author>\n");
        x.append("  <generator>Pressroom</generator>\n");
        for (Release r : f.entries()) {
            Translation t = r.translations().get(lang);
            x.append("  <entry>\n");
            x.append("    <id>").append(Xml.escape(entryId(r, lang))).append("</id>\n");
            x.append("    <title type=\"text\">").append(Xml.escape(t.title())).append("</title>\n");
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(Xml.escape(absolute(releasePath(r, lang)))).append("\"/>\n");
            for (String other : r.translations().keySet()) {
                if (!other.equals(lang)) {
                    x.append("    <link rel=\"alternate\" type=\"text/html\" hreflang=\"").append(Xml.escape(other))
                            .append("\" href=\"").append(Xml.escape(absolute(releasePath(r, other)))).append("\"/>\n");
                }
            }
            x.append("    <published>").append(time(r.date())).append("</published>\n");
            x.append("    <updated>").append(time(r.modifiedAt(lang))).append("</updated>\n");
            if (t.summary() != null && !t.summary().isEmpty()) {
                x.append("    <summary type=\"text\">").append(Xml.escape(t.summary())).append("</summary>\n");
            }
            for (String topic : r.topics()) {
                x.append("    <category term=\"").append(Xml.escape(topic)).append("\" scheme=\"")
                        .append(Xml.escape(absolute(lang + "/topics/"))).append("\" label=\"")
                        .append(Xml.escape(archive.topics().get(topic).label(lang))).append("\"/>\n");
            }
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        return x.toString();
    }

    private static String releasePath(Release r, String lang) {
        return lang + "/releases/" + r.id() + "/";
    }

    // ---- sitemaps ----

    /** When a page last changed: the newest modified date of the releases it shows; empty when it shows none. */
    Optional<ZonedDateTime> lastModified(Page page) {
        List<ZonedDateTime> times = new ArrayList<>();
        String lang = page.lang();
        if (page instanceof Page.ReleasePage rp) {
            times.add(rp.release().modifiedAt(lang));
        } else if (page instanceof Page.ListPage lp) {
            lp.items().forEach(r -> times.add(r.modifiedAt(lang)));
        } else if (page instanceof Page.Home h) {
            h.newest().forEach(r -> times.add(r.modifiedAt(lang)));
        } else if (lang != null) {
            archive.in(lang).releases().forEach(r -> times.add(r.modifiedAt(lang)));
        } else {
            archive.releases().forEach(r -> r.translations().keySet().forEach(l -> times.add(r.modifiedAt(l))));
        }
        return times.stream().max(Comparator.comparing(ZonedDateTime::toInstant));
    }

    private String sitemap(Page.Sitemap s) {
        StringBuilder x = new StringBuilder(s.pages().size() * 300 + 256);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                + "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (Page p : s.pages()) {
            x.append("  <url>\n    <loc>").append(Xml.escape(absolute(p.path()))).append("</loc>\n");
            lastModified(p).ifPresent(t -> x.append("    <lastmod>").append(time(t)).append("</lastmod>\n"));
            plan.alternates(p).forEach((hreflang, other) -> x.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
                    .append(Xml.escape(hreflang)).append("\" href=\"").append(Xml.escape(absolute(other.path())))
                    .append("\"/>\n"));
            x.append("  </url>\n");
        }
        x.append("</urlset>\n");
        return x.toString();
    }

    private String sitemapIndex(Page.SitemapIndex index) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Page.Sitemap part : index.parts()) {
            x.append("  <sitemap>\n    <loc>").append(Xml.escape(absolute(part.path()))).append("</loc>\n");
            part.pages().stream().map(this::lastModified).flatMap(Optional::stream)
                    .max(Comparator.comparing(ZonedDateTime::toInstant))
                    .ifPresent(t -> x.append("    <lastmod>").append(time(t)).append("</lastmod>\n"));
            x.append("  </sitemap>\n");
        }
        x.append("</sitemapindex>\n");
        return x.toString();
    }

    // ---- redirects ----

    private String redirects(Page.Redirects r) {
        StringBuilder out = new StringBuilder();
        out.append("# Earlier addresses of press releases, from their aliases: from [query] to status.\n");
        List<Alias> ordered = new ArrayList<>(r.aliases().stream().filter(Alias::hasQuery).toList());
        ordered.addAll(r.aliases().stream().filter(a -> !a.hasQuery()).toList());
        for (Alias a : ordered) {
            out.append(AliasPath.ascii(href(AliasPath.pathPart(a.from()).substring(1))));
            for (String pair : AliasPath.queryPairs(a.from())) {
                out.append(' ').append(AliasPath.ascii(pair));
            }
            out.append(' ').append(href(a.target())).append(" 301\n");
        }
        return out.toString();
    }

    private String aliasPage(Alias a) {
        Strings s = theme.strings(a.lang());
        String title = a.release().translations().get(a.lang()).title();
        String target = href(a.target());
        return "<!DOCTYPE html>\n<html lang=\"" + Xml.escape(a.lang()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Xml.escape(title) + "</title>\n"
                + "<link rel=\"canonical\" href=\"" + Xml.escape(absolute(a.target())) + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + Xml.escape(target) + "\">\n"
                + "</head>\n<body>\n<main>\n<h1>" + Xml.escape(title) + "</h1>\n"
                + "<p>" + Xml.escape(s.get("alias.moved")) + " <a href=\"" + Xml.escape(target) + "\">"
                + Xml.escape(absolute(a.target())) + "</a></p>\n</main>\n</body>\n</html>\n";
    }

    // ---- JSON-LD ----

    /** The JSON-LD {@code NewsArticle} of a release page, safe to embed in a {@code <script>} element. */
    String newsArticle(Release r, String lang) {
        Translation t = r.translations().get(lang);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("@context", "https://schema.org");
        o.put("@type", "NewsArticle");
        o.putAll(articleRef(r, lang));
        o.put("mainEntityOfPage", absolute(releasePath(r, lang)));
        o.put("description", t.summary() == null || t.summary().isEmpty() ? null : t.summary());
        o.put("datePublished", time(r.date()));
        o.put("dateModified", time(r.modifiedAt(lang)));
        o.put("genre", "press release");
        o.put("articleSection", site.types().get(r.type()).get(lang));
        o.put("identifier", r.number());
        o.put("keywords", r.topics().isEmpty() ? null
                : r.topics().stream().map(k -> archive.topics().get(k).label(lang)).toList());
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", publisher(lang));
        publisher.put("url", absolute(lang + "/"));
        o.put("publisher", publisher);
        o.put("author", publisher);
        if (t.status() == TranslationStatus.ORIGINAL) {
            List<Object> translations = new ArrayList<>();
            r.translations().keySet().stream().filter(l -> !l.equals(lang)).forEach(l -> translations.add(articleRef(r, l)));
            o.put("workTranslation", translations.isEmpty() ? null : translations);
        } else {
            r.translations().values().stream().filter(o2 -> o2.status() == TranslationStatus.ORIGINAL)
                    .filter(o2 -> !o2.lang().equals(lang)).findFirst()
                    .or(() -> Optional.ofNullable(r.translations().get(site.defaultLanguage()))
                            .filter(o2 -> !o2.lang().equals(lang)))
                    .ifPresent(orig -> o.put("translationOfWork", articleRef(r, orig.lang())));
        }
        return Json.write(o);
    }

    private Map<String, Object> articleRef(Release r, String lang) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (!r.translations().containsKey(lang)) {
            return o;
        }
        String url = absolute(releasePath(r, lang));
        o.put("@type", "NewsArticle");
        o.put("@id", url + "#article");
        o.put("url", url);
        o.put("headline", r.translations().get(lang).title());
        o.put("inLanguage", site.language(lang).locale().toLanguageTag());
        return o;
    }
}
