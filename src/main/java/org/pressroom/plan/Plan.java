package org.pressroom.plan;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.pressroom.archive.Archive;
import org.pressroom.content.Language;
import org.pressroom.content.Release;
import org.pressroom.parallel.Parallel;
import org.pressroom.plan.Page.ListOf;
import org.pressroom.plan.Page.ListPage;
import org.pressroom.search.SearchIndex;

/**
 * The plan stage: every page of the site, and how each page finds its counterparts in the other
 * languages (exact, for hreflang; or nearest existing, for the language switch). Pure.
 */
public final class Plan {
    private final Archive archive;
    private final List<Page> pages;
    private final Map<String, Page> byPath;
    /** language, list → its number of pages. */
    private final Map<String, Map<ListOf, Integer>> lists;

    private Plan(Archive archive, List<Page> pages, Map<String, Map<ListOf, Integer>> lists) {
        this.archive = archive;
        this.pages = List.copyOf(pages);
        Map<String, Page> paths = new HashMap<>();
        pages.forEach(p -> paths.putIfAbsent(p.path(), p));
        this.byPath = Collections.unmodifiableMap(paths);
        this.lists = lists;
    }

    /** The newest releases a feed holds. */
    public static final int FEED_SIZE = 50;
    /** The most URLs one sitemap may list (sitemaps.org); above it the pages are split under an index. */
    public static final int SITEMAP_LIMIT = 50_000;

    public static Plan of(Archive archive) {
        return of(archive, SITEMAP_LIMIT);
    }

    /** The plan with sitemaps of at most {@code sitemapLimit} URLs each (tests use small limits). */
    public static Plan of(Archive archive, int sitemapLimit) {
        return of(archive, sitemapLimit, new SearchIndex.Memo());
    }

    /** The plan, reusing what {@code search} holds of the releases' text from the last plan. */
    public static Plan of(Archive archive, SearchIndex.Memo search) {
        return of(archive, SITEMAP_LIMIT, search);
    }

    private static Plan of(Archive archive, int sitemapLimit, SearchIndex.Memo search) {
        search.next();
        int size = archive.site().pageSize();
        List<Page> pages = new ArrayList<>();
        Map<String, Map<ListOf, Integer>> lists = new LinkedHashMap<>();
        pages.add(new Page.Root());
        // each language's search postings are made on a thread of their own (one core) while the next
        // language's tokens are made on every core; their pages go in after the language's search page
        List<CompletableFuture<SearchIndex.Built>> indexes = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        try {
            for (Language l : archive.site().languages()) {
                String lang = l.code();
                Archive.Index idx = archive.in(lang);
                Map<ListOf, Integer> mine = new LinkedHashMap<>();
                lists.put(lang, mine);
                pages.add(new Page.Home(lang, idx.releases().subList(0, Math.min(size, idx.releases().size()))));
                for (Release r : idx.releases()) {
                    pages.add(new Page.ReleasePage(lang, r));
                }
                pages.add(new Page.Topics(lang));
                idx.byTopic().forEach((t, rs) -> paginate(pages, mine, lang, new Page.TopicList(t), rs, size));
                pages.add(new Page.Years(lang));
                idx.byYear().forEach((y, rs) -> paginate(pages, mine, lang, new Page.YearList(y), rs, size));
                idx.byMonth().forEach((m, rs) -> paginate(pages, mine, lang, new Page.MonthList(m), rs, size));
                pages.add(new Page.Feed(lang, null, newest(idx.releases())));
                idx.byTopic().forEach((t, rs) -> pages.add(new Page.Feed(lang, t, newest(rs))));
                pages.add(new Page.SearchPage(lang));
                indexes.add(CompletableFuture.supplyAsync(SearchIndex.prepare(archive, lang, search), Parallel::beside));
                at.add(pages.size());
            }
            for (int i = indexes.size() - 1; i >= 0; i--) {
                SearchIndex.Built index = Parallel.joined(indexes.get(i));
                String lang = archive.site().languages().get(i).code();
                List<Page> made = new ArrayList<>();
                index.files().forEach(f -> made.add(new Page.SearchData(lang, f.path(), f.text())));
                index.documents().forEach(d -> made.add(new Page.SearchDocument(lang, d.number(), d.releases())));
                pages.addAll(at.get(i), made);
            }
        } catch (RuntimeException | Error e) {
            // the next plan may use the memo only when this one's threads are done with it
            indexes.forEach(f -> f.handle((made, failed) -> null).join());
            throw e;
        }
        pages.add(new Page.NotFound());
        List<Page> html = pages.stream().filter(Plan::inSitemap).toList();
        List<Alias> aliases = new ArrayList<>();
        for (Release r : archive.releases().stream().sorted(java.util.Comparator.comparing(Release::id)).toList()) {
            r.translations().values().forEach(t -> t.aliases().forEach(a -> aliases.add(new Alias(a, t.lang(), r))));
        }
        aliases.stream().filter(a -> !a.hasQuery()).forEach(a -> pages.add(new Page.AliasPage(a)));
        pages.add(new Page.Redirects(List.copyOf(aliases)));
        pages.add(new Page.Robots());
        if (html.size() <= sitemapLimit) {
            pages.add(new Page.Sitemap(0, html));
        } else {
            List<Page.Sitemap> parts = new ArrayList<>();
            for (int i = 0; i < html.size(); i += sitemapLimit) {
                parts.add(new Page.Sitemap(parts.size() + 1, html.subList(i, Math.min(i + sitemapLimit, html.size()))));
            }
            pages.addAll(parts);
            pages.add(new Page.SitemapIndex(List.copyOf(parts)));
        }
        return new Plan(archive, pages, lists);
    }

    private static List<Release> newest(List<Release> releases) {
        return releases.subList(0, Math.min(FEED_SIZE, releases.size()));
    }

    /** Whether a page belongs in the sitemap: every HTML page of the theme but the not-found page. */
    public static boolean inSitemap(Page page) {
        return page.template() != null && !(page instanceof Page.NotFound);
    }

    private static void paginate(List<Page> pages, Map<ListOf, Integer> lists, String lang, ListOf of,
            List<Release> releases, int size) {
        int count = Math.max(1, (releases.size() + size - 1) / size);
        lists.put(of, count);
        for (int n = 1; n <= count; n++) {
            List<Release> items = releases.subList((n - 1) * size, Math.min(n * size, releases.size()));
            pages.add(new ListPage(lang, of, n, count, items, releases.size()));
        }
    }

    public Archive archive() {
        return archive;
    }

    /** Every page, in a stable order. */
    public List<Page> pages() {
        return pages;
    }

    public Optional<Page> page(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The number of pages of a list in a language, or 0 when the list does not exist there. */
    public int pagesOf(String lang, ListOf of) {
        return lists.getOrDefault(lang, Map.of()).getOrDefault(of, 0);
    }

    /** The same page in another language, if it exists there (for hreflang). */
    public Optional<Page> exact(Page page, String lang) {
        return counterpartPath(page, lang).filter(p -> p.equals(swap(page.path(), page.lang(), lang)))
                .flatMap(this::page);
    }

    /**
     * The hreflang alternates of a page: each language in which the same page exists (the page itself
     * among them), then {@code x-default}: the default language's version where it exists, else the page
     * itself. The root chooser lists every home and itself as {@code x-default}; pages in no language
     * (404, feeds, …) have none.
     */
    public Map<String, Page> alternates(Page page) {
        Map<String, Page> out = new LinkedHashMap<>();
        String defaultLanguage = archive.site().defaultLanguage();
        if (page instanceof Page.Root) {
            for (Language l : archive.site().languages()) {
                page(l.code() + "/").ifPresent(home -> out.put(l.code(), home));
            }
            out.put("x-default", page);
        } else if (page.lang() != null && inSitemap(page)) {
            Page xDefault = page;
            for (Language l : archive.site().languages()) {
                Optional<Page> same = l.code().equals(page.lang()) ? Optional.of(page) : exact(page, l.code());
                if (same.isPresent()) {
                    out.put(l.code(), same.get());
                    if (l.code().equals(defaultLanguage)) {
                        xDefault = same.get();
                    }
                }
            }
            out.put("x-default", xDefault);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Where the language switch of {@code page} goes in {@code lang}: the exact counterpart where it
     * exists, else the nearest page that does (same list, last existing page; the month's year; the
     * index of its kind; the home).
     */
    public Page nearest(Page page, String lang) {
        return counterpartPath(page, lang).flatMap(this::page).orElseThrow();
    }

    private static String swap(String path, String from, String to) {
        return from == null ? path : to + path.substring(from.length());
    }

    private Optional<String> counterpartPath(Page page, String lang) {
        String home = lang + "/";
        if (page instanceof Page.Root || page instanceof Page.NotFound) {
            return Optional.of(page.path());
        }
        if (page instanceof Page.ReleasePage rp) {
            return Optional.of(rp.release().translations().containsKey(lang) ? swap(page.path(), page.lang(), lang) : home);
        }
        if (page instanceof ListPage lp) {
            int n = pagesOf(lang, lp.of());
            if (n > 0) {
                return Optional.of(ListPage.pathOf(lang, lp.of(), Math.min(lp.number(), n)));
            }
            if (lp.of() instanceof Page.MonthList m) {
                Page.YearList y = new Page.YearList(m.month().getYear());
                if (pagesOf(lang, y) > 0) {
                    return Optional.of(ListPage.pathOf(lang, y, 1));
                }
            }
            return Optional.of(lp.of() instanceof Page.TopicList ? lang + "/topics/" : lang + "/archive/");
        }
        return Optional.of(swap(page.path(), page.lang(), lang));
    }

    /** The month list of a year-month, for templates that link months. */
    public static ListOf month(YearMonth m) {
        return new Page.MonthList(m);
    }
}
