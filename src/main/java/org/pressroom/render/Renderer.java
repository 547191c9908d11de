package org.pressroom.render;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pressroom.archive.Archive;
import org.pressroom.content.Attachment;
import org.pressroom.content.Language;
import org.pressroom.content.Release;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Translation;
import org.pressroom.content.Update;
import org.pressroom.plan.Page;
import org.pressroom.plan.Plan;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problem;
import org.pressroom.render.Views.*;

/**
 * The render stage: turns one planned page into its bytes through the theme. Pure and thread-safe;
 * pages may be rendered in parallel.
 */
public final class Renderer {
    private final Plan plan;
    private final Theme theme;
    private final SiteConfig site;
    private final Archive archive;
    private final SiteFiles files;
    private final Map<String, Item> items = new java.util.concurrent.ConcurrentHashMap<>();

    public Renderer(Plan plan, Theme theme) {
        this.plan = plan;
        this.theme = theme;
        this.archive = plan.archive();
        this.site = archive.site();
        this.files = new SiteFiles(plan, theme);
    }

    /** The rendered page, or a problem naming the template position and the page. */
    public Result render(Page page) {
        if (page.template() == null) {
            return new Result(files.render(page), Optional.empty());
        }
        return render(page, view(page));
    }

    /**
     * Renders a page that has a template from its {@code view}, as made by {@link #view}. The text
     * depends on the view and the page's templates only, so an equal view and unchanged templates
     * give the same text.
     */
    public Result render(Page page, View view) {
        try {
            Template template = theme.template(page.template());
            Text out = new Text(16_384);
            template.process(view, out);
            return new Result(out.toString(), Optional.empty());
        } catch (TemplateException e) {
            String source = e.getTemplateSourceName() == null ? page.template() : e.getTemplateSourceName();
            int line = e.getLineNumber() == null ? 1 : Math.max(1, e.getLineNumber());
            int col = e.getColumnNumber() == null ? 1 : Math.max(1, e.getColumnNumber());
            return new Result(null, Optional.of(Problem.at(new Position("templates/" + source, line, col),
                    Theme.summary(e.getMessageWithoutStackTop()) + " (rendering /" + page.path() + ")")));
        } catch (IOException e) {
            return new Result(null, Optional.of(Problem.at(Position.startOf("templates/" + page.template()),
                    "cannot render /" + page.path() + ": " + e.getMessage())));
        }
    }

    /** A page's text, or the problem that stopped it. */
    public record Result(String text, Optional<Problem> problem) {
    }

    // ---- views ----

    private String href(String path) {
        return site.basePath() + path;
    }

    private String absolute(String path) {
        return site.baseUrl().toString() + path;
    }

    /** What the page's template sees. */
    public View view(Page page) {
        String lang = page.lang() == null ? site.defaultLanguage() : page.lang();
        Strings s = theme.strings(lang);
        Map<String, Map<String, String>> all = new java.util.LinkedHashMap<>();
        theme.strings().forEach((k, v) -> all.put(k, v.text()));
        List<LangView> langs = site.languages().stream().map(l -> langView(l)).toList();
        SiteView siteView = new SiteView(site.language(lang).title(), site.baseUrl().toString(), site.basePath(),
                site.defaultLanguage(), langs, site.params());
        Object content;
        String title;
        String kind;
        if (page instanceof Page.Root) {
            kind = "root";
            title = site.language(lang).title();
            content = new LanguagesContent(langs);
        } else if (page instanceof Page.NotFound) {
            kind = "404";
            title = s.get("notFound.title");
            content = new LanguagesContent(langs);
        } else if (page instanceof Page.Home h) {
            kind = "home";
            title = site.language(lang).title();
            content = new HomeContent(h.newest().stream().map(r -> item(r, s)).toList(), topicCounts(s),
                    yearCounts(s, false), archive.in(lang).releases().size());
        } else if (page instanceof Page.ReleasePage rp) {
            kind = "release";
            ReleaseContent rc = release(rp.release(), s);
            title = rc.title();
            content = rc;
        } else if (page instanceof Page.Topics) {
            kind = "topics";
            title = s.get("topics.title");
            content = new TopicsContent(topicCounts(s));
        } else if (page instanceof Page.Years) {
            kind = "archive";
            title = s.get("archive.title");
            content = new ArchiveContent(yearCounts(s, true));
        } else if (page instanceof Page.ListPage lp) {
            ListContent lc = list(lp, s);
            kind = lc.listKind();
            title = lp.number() == 1 ? lc.heading()
                    : lc.heading() + " – " + s.get("pager.page").replace("{n}", String.valueOf(lp.number()));
            content = lc;
        } else if (page instanceof Page.SearchPage) {
            kind = "search";
            title = s.get("search.title");
            content = search(s);
        } else {
            throw new IllegalStateException("no view for " + page);
        }
        PageView pv = pageView(page, kind, title);
        return new View(siteView, langView(site.language(lang)), s.text(), all, pv, content, head(page, pv, s));
    }

    private HeadView head(Page page, PageView pv, Strings s) {
        String lang = s.code();
        String description = null;
        String jsonLd = null;
        List<FeedLink> feeds = new ArrayList<>();
        if (page instanceof Page.ReleasePage rp) {
            String summary = rp.release().translations().get(lang).summary();
            description = summary == null || summary.isEmpty() ? null : summary;
            jsonLd = files.newsArticle(rp.release(), lang);
        } else if (page instanceof Page.Home) {
            feeds.add(feedLink(new Page.Feed(lang, null, List.of())));
        } else if (page instanceof Page.ListPage lp && lp.of() instanceof Page.TopicList t) {
            feeds.add(feedLink(new Page.Feed(lang, t.topic(), List.of())));
        }
        List<String> alternates = new ArrayList<>();
        if (page instanceof Page.Root || page instanceof Page.NotFound) {
            site.languages().stream().filter(l -> !l.code().equals(lang)).forEach(l -> alternates.add(ogLocale(l)));
        } else {
            pv.alternates().stream().filter(a -> !a.hreflang().equals("x-default") && !a.hreflang().equals(lang))
                    .forEach(a -> alternates.add(ogLocale(site.language(a.hreflang()))));
        }
        return new HeadView(description, page instanceof Page.ReleasePage ? "article" : "website",
                ogLocale(s.language()), List.copyOf(alternates), List.copyOf(feeds), jsonLd);
    }

    private FeedLink feedLink(Page.Feed f) {
        return new FeedLink(files.feedTitle(f), href(f.path()));
    }

    private static String ogLocale(Language l) {
        return l.locale().toLanguageTag().replace('-', '_');
    }

    private LangView langView(Language l) {
        return new LangView(l.code(), l.title(), l.locale().toLanguageTag(), href(l.code() + "/"),
                l.code().equals(site.defaultLanguage()));
    }

    private PageView pageView(Page page, String kind, String title) {
        List<Alternate> alternates = new ArrayList<>();
        List<Switch> switches = new ArrayList<>();
        String canonical = page instanceof Page.NotFound ? null : absolute(page.path());
        String lang = page.lang();
        plan.alternates(page).forEach((hreflang, p) -> alternates.add(new Alternate(hreflang, absolute(p.path()))));
        if (lang != null) {
            for (Language l : site.languages()) {
                if (!l.code().equals(lang)) {
                    Page target = plan.nearest(page, l.code());
                    switches.add(new Switch(l.code(), theme.strings(l.code()).get("language.name"),
                            href(target.path()), plan.exact(page, l.code()).isPresent()));
                }
            }
        }
        String search = href((lang == null ? site.defaultLanguage() : lang) + "/search/");
        return new PageView(kind, title, href(page.path()), canonical, List.copyOf(alternates), List.copyOf(switches),
                search);
    }

    private DateView date(Release r, Strings s) {
        String datetime = r.hasTime() ? r.date().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                : r.day().toString();
        return new DateView(r.day().toString(), datetime, s.day(r.day()));
    }

    private DateView date(LocalDate d, Strings s) {
        return new DateView(d.toString(), d.toString(), s.day(d));
    }

    private TopicRef topic(String key, Strings s) {
        return new TopicRef(key, archive.topics().get(key).label(s.code()), href(s.code() + "/topics/" + key + "/"));
    }

    private Item item(Release r, Strings s) {
        // a release is listed on many pages (home, topics, year, month, related): make its item once
        return items.computeIfAbsent(s.code() + "/" + r.id(), k -> newItem(r, s));
    }

    private Item newItem(Release r, Strings s) {
        Translation t = r.translations().get(s.code());
        return new Item(r.id(), t.title(), href(s.code() + "/releases/" + r.id() + "/"), date(r, s), r.type(),
                site.types().get(r.type()).get(s.code()), r.topics().stream().map(k -> topic(k, s)).toList(),
                t.summary(), r.number(), r.draft());
    }

    private List<Count> topicCounts(Strings s) {
        List<Count> out = new ArrayList<>();
        archive.in(s.code()).byTopic().forEach((k, rs) -> out.add(new Count(k, archive.topics().get(k).label(s.code()),
                href(s.code() + "/topics/" + k + "/"), rs.size())));
        out.sort(java.util.Comparator.comparing(Count::label, java.text.Collator.getInstance(s.language().locale()))
                .thenComparing(Count::key));
        return List.copyOf(out);
    }

    private List<YearCount> yearCounts(Strings s, boolean withMonths) {
        Archive.Index idx = archive.in(s.code());
        List<YearCount> out = new ArrayList<>();
        idx.byYear().forEach((y, rs) -> out.add(new YearCount(y, s.get("archive.year").replace("{year}",
                String.valueOf(y)), href(s.code() + "/archive/" + y + "/"), rs.size(),
                withMonths ? monthCounts(s, y) : List.of())));
        return List.copyOf(out);
    }

    private List<Count> monthCounts(Strings s, int year) {
        List<Count> out = new ArrayList<>();
        archive.in(s.code()).byMonth().forEach((m, rs) -> {
            if (m.getYear() == year) {
                out.add(new Count(m.toString(), s.month(m), href(s.code() + "/" + Plan.month(m).path()), rs.size()));
            }
        });
        out.sort(java.util.Comparator.comparing(Count::key));
        return List.copyOf(out);
    }

    private ListContent list(Page.ListPage lp, Strings s) {
        String lang = s.code();
        List<Item> items = lp.items().stream().map(r -> item(r, s)).toList();
        List<PagerLink> links = new ArrayList<>();
        for (int n = 1; n <= lp.pages(); n++) {
            links.add(new PagerLink(n, href(pagePath(lp, n)), n == lp.number()));
        }
        Pager pager = new Pager(lp.number(), lp.pages(), lp.number() > 1 ? href(pagePath(lp, lp.number() - 1)) : null,
                lp.number() < lp.pages() ? href(pagePath(lp, lp.number() + 1)) : null, List.copyOf(links));
        if (lp.of() instanceof Page.TopicList t) {
            TopicRef ref = topic(t.topic(), s);
            return new ListContent("topic", ref.label(), ref, null, null, items, lp.total(), pager, List.of(),
                    href(new Page.Feed(lang, t.topic(), List.of()).path()));
        }
        if (lp.of() instanceof Page.YearList y) {
            return new ListContent("year", s.get("archive.year").replace("{year}", String.valueOf(y.year())), null,
                    y.year(), null, items, lp.total(), pager, monthCounts(s, y.year()), null);
        }
        YearMonth m = ((Page.MonthList) lp.of()).month();
        return new ListContent("month", s.month(m), null, m.getYear(), s.month(m), items, lp.total(), pager,
                monthCounts(s, m.getYear()), null);
    }

    private static String pagePath(Page.ListPage lp, int n) {
        return Page.ListPage.pathOf(lp.lang(), lp.of(), n);
    }

    private ReleaseContent release(Release r, Strings s) {
        String lang = s.code();
        Translation t = r.translations().get(lang);
        LocalDate modified = r.modified(lang);
        List<Attachment> attachments = t.attachments();
        if (attachments.isEmpty()) {
            attachments = r.translations().values().stream().filter(o -> !o.lang().equals(lang))
                    .map(Translation::attachments).filter(a -> !a.isEmpty()).findFirst().orElse(List.of());
        }
        List<AttachmentView> av = attachments.stream().map(a -> new AttachmentView(href("files/" + a.file()),
                a.title(), a.lang(), a.format(), a.size(), humanSize(a.size(), s.language().locale()))).toList();
        List<UpdateView> updates = t.updates().stream().map((Update u) -> new UpdateView(date(u.date(), s), u.note()))
                .toList();
        List<Item> related = archive.related(r.id()).stream().filter(o -> o.translations().containsKey(lang))
                .map(o -> item(o, s)).toList();
        List<Switch> counterparts = new ArrayList<>();
        List<Switch> missing = new ArrayList<>();
        for (Language l : site.languages()) {
            if (l.code().equals(lang)) {
                continue;
            }
            Translation other = r.translations().get(l.code());
            if (other != null) {
                counterparts.add(new Switch(l.code(), other.title(), href(l.code() + "/releases/" + r.id() + "/"), true));
            } else {
                missing.add(new Switch(l.code(), s.get("language." + l.code()), href(l.code() + "/"), false));
            }
        }
        String notice = t.status().needsNotice() ? s.get("translation." + t.status().key()) : null;
        return new ReleaseContent(r.id(), t.title(), date(r, s), date(modified, s), !modified.equals(r.day()),
                r.type(), site.types().get(r.type()).get(lang), r.number(), r.topics().stream().map(k -> topic(k, s))
                        .toList(), t.summary(), t.bodyHtml(), t.office(), t.status().key(), notice, av, updates,
                related, List.copyOf(counterparts), List.copyOf(missing), r.draft());
    }

    private SearchContent search(Strings s) {
        String lang = s.code();
        Map<String, Integer> types = new java.util.TreeMap<>();
        archive.in(lang).releases().forEach(r -> types.merge(r.type(), 1, Integer::sum));
        List<Count> typeCounts = new ArrayList<>();
        site.types().forEach((k, labels) -> {
            if (types.containsKey(k)) {
                typeCounts.add(new Count(k, labels.get(lang), null, types.get(k)));
            }
        });
        List<Count> years = yearCounts(s, false).stream().map(y -> new Count(String.valueOf(y.year()), y.label(),
                y.href(), y.count())).toList();
        return new SearchContent(href(lang + "/search/index.json"), href("assets/search.js"), href(lang + "/topics/"),
                href(lang + "/archive/"), topicCounts(s), List.copyOf(typeCounts), years, archive.in(lang).releases()
                        .size());
    }

    static String humanSize(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", Math.ceil(bytes / 1024.0));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** A page's text as the template writes it: a {@link StringWriter} without its lock on every write. */
    private static final class Text extends java.io.Writer {
        private final StringBuilder text;

        Text(int capacity) {
            text = new StringBuilder(capacity);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(String s, int off, int len) {
            text.append(s, off, off + len);
        }

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public java.io.Writer append(CharSequence s) {
            text.append(s);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
