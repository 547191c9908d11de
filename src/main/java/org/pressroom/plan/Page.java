package org.pressroom.plan;

import java.time.YearMonth;
import java.util.List;
import org.pressroom.content.Release;
import org.pressroom.search.SearchIndex;

/**
 * One output page. {@link #path()} is relative to the site root: a folder path ending in {@code /}
 * (written as its {@code index.html}) or a file name. Later issues add kinds (search).
 */
public sealed interface Page {
    /** The page's language, or null for pages in every language (root chooser, 404). */
    String lang();

    /** URL path relative to the base URL, e.g. {@code ko/releases/2013-09-27-x/}. */
    String path();

    /** The output file, relative to the output folder. */
    default String file() {
        return path().isEmpty() || path().endsWith("/") ? path() + "index.html" : path();
    }

    /**
     * The template that renders this kind of page, or null for the files Pressroom writes itself rather than
     * the theme (feeds, sitemaps, robots.txt, _redirects and alias redirect pages).
     */
    String template();

    /** The language chooser at the site root. */
    record Root() implements Page {
        public String lang() {
            return null;
        }

        public String path() {
            return "";
        }

        public String template() {
            return "root.ftlh";
        }
    }

    /** The not-found page, in every language. */
    record NotFound() implements Page {
        public String lang() {
            return null;
        }

        public String path() {
            return "404.html";
        }

        public String template() {
            return "404.ftlh";
        }
    }

    /** A language's home: its newest releases. */
    record Home(String lang, List<Release> newest) implements Page {
        public String path() {
            return lang + "/";
        }

        public String template() {
            return "home.ftlh";
        }
    }

    /** One release in one language. */
    record ReleasePage(String lang, Release release) implements Page {
        public String path() {
            return lang + "/releases/" + release.id() + "/";
        }

        public String template() {
            return "release.ftlh";
        }
    }

    /** All topics of a language with their counts. */
    record Topics(String lang) implements Page {
        public String path() {
            return lang + "/topics/";
        }

        public String template() {
            return "topics.ftlh";
        }
    }

    /** The years of a language with their counts. */
    record Years(String lang) implements Page {
        public String path() {
            return lang + "/archive/";
        }

        public String template() {
            return "archive.ftlh";
        }
    }

    /** The search page of a language; its script reads the index files below. */
    record SearchPage(String lang) implements Page {
        public String path() {
            return lang + "/search/";
        }

        public String template() {
            return "search.ftlh";
        }
    }

    /** A file of a language's search index: text made in Java and written as is, without a template. */
    record SearchData(String lang, String path, String text) implements Page {
        public String template() {
            return null;
        }
    }

    /**
     * Document file {@code number} of a language's search index: its releases as search results show
     * them (documents {@code number * SearchIndex.DOCS_PER_FILE} onwards).
     */
    record SearchDocument(String lang, int number, List<Release> releases) implements Page {
        public String path() {
            return SearchIndex.documentPath(lang, number);
        }

        public String template() {
            return null;
        }
    }

    /** What a paginated list lists. */
    sealed interface ListOf permits TopicList, YearList, MonthList {
        /** The list's first-page path, without the language. */
        String path();
    }

    /** The releases on one topic. */
    record TopicList(String topic) implements ListOf {
        public String path() {
            return "topics/" + topic + "/";
        }
    }

    /** One year's releases. */
    record YearList(int year) implements ListOf {
        public String path() {
            return "archive/" + year + "/";
        }
    }

    /** One month's releases. */
    record MonthList(YearMonth month) implements ListOf {
        public String path() {
            int y = month.getYear();
            int m = month.getMonthValue();
            return "archive/" + (y < 1000 ? String.format("%04d", y) : Integer.toString(y)) + (m < 10 ? "/0" : "/") + m + "/";
        }
    }

    /**
     * Page {@code number} (1-based) of {@code pages} of a list.
     *
     * @param items the releases on this page, newest first
     * @param total the number of releases in the whole list
     */
    record ListPage(String lang, ListOf of, int number, int pages, List<Release> items, int total) implements Page {
        public String path() {
            return pathOf(lang, of, number);
        }

        public String template() {
            return "list.ftlh";
        }

        /** The path of page {@code n} of a list. */
        public static String pathOf(String lang, ListOf of, int n) {
            return lang + "/" + of.path() + (n == 1 ? "" : "page/" + n + "/");
        }
    }

    /** An Atom feed of a language's newest releases, or of a topic's ({@code topic} null for the language). */
    record Feed(String lang, String topic, List<Release> entries) implements Page {
        public String path() {
            return topic == null ? lang + "/feed.xml" : lang + "/topics/" + topic + "/feed.xml";
        }

        public String template() {
            return null;
        }
    }

    /**
     * A sitemap of HTML pages: the only one ({@code part} 0, at {@code sitemap.xml}) or part n of several
     * ({@code sitemap-n.xml}, listed by the {@link SitemapIndex}).
     */
    record Sitemap(int part, List<Page> pages) implements Page {
        public String lang() {
            return null;
        }

        public String path() {
            return part == 0 ? "sitemap.xml" : "sitemap-" + part + ".xml";
        }

        public String template() {
            return null;
        }
    }

    /** The sitemap index at {@code sitemap.xml} when the pages need more than one sitemap. */
    record SitemapIndex(List<Sitemap> parts) implements Page {
        public String lang() {
            return null;
        }

        public String path() {
            return "sitemap.xml";
        }

        public String template() {
            return null;
        }
    }

    /** {@code robots.txt}, pointing at the sitemap. */
    record Robots() implements Page {
        public String lang() {
            return null;
        }

        public String path() {
            return "robots.txt";
        }

        public String template() {
            return null;
        }
    }

    /** {@code _redirects}: one 301 rule per alias (Netlify and Cloudflare Pages format). */
    record Redirects(List<Alias> aliases) implements Page {
        public String lang() {
            return null;
        }

        public String path() {
            return "_redirects";
        }

        public String template() {
            return null;
        }
    }

    /** A redirect page at an alias without query string: meta refresh, canonical and a visible link. */
    record AliasPage(Alias alias) implements Page {
        public String lang() {
            return alias.lang();
        }

        public String path() {
            return org.pressroom.content.AliasPath.outputPath(alias.from());
        }

        public String template() {
            return null;
        }
    }
}
