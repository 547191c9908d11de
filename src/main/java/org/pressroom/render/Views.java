package org.pressroom.render;

import java.util.List;
import java.util.Map;

/**
 * What templates see: plain immutable records, already formatted for the page's language. Templates
 * never call services. Every template gets a {@link View}; its {@code content} depends on the kind.
 */
public final class Views {
    private Views() {
    }

    /**
     * The data model of every template.
     *
     * @param t    UI strings of the page's language
     * @param tAll UI strings of every language (for pages in all languages: root, 404)
     * @param head what the page's {@code <head>} says to feed readers, social sites and search engines
     */
    public record View(SiteView site, LangView lang, Map<String, String> t, Map<String, Map<String, String>> tAll,
            PageView page, Object content, HeadView head) {
    }

    /**
     * Metadata of a page's {@code <head>}.
     *
     * @param description         the page's summary, or null
     * @param ogType              Open Graph type: {@code article} for releases, else {@code website}
     * @param ogLocale            the page's locale in Open Graph form ({@code ko_KR})
     * @param ogLocaleAlternates  the locales of the page's existing counterparts
     * @param feeds               the Atom feeds this page belongs to, for autodiscovery
     * @param jsonLd              the JSON-LD {@code NewsArticle} of a release page, escaped so that it cannot end its
     *                            {@code <script>} element (no {@code <}, {@code >} or {@code &}); else null
     */
    public record HeadView(String description, String ogType, String ogLocale, List<String> ogLocaleAlternates,
            List<FeedLink> feeds, String jsonLd) {
    }

    /** An Atom feed: its title and root-relative URL. */
    public record FeedLink(String title, String href) {
    }

    /** @param title the site title in the page's language */
    public record SiteView(String title, String baseUrl, String basePath, String defaultLanguage,
            List<LangView> languages, Map<String, Object> params) {
    }

    /** @param title the site title in this language; @param href its home */
    public record LangView(String code, String title, String locale, String href, boolean isDefault) {
    }

    /**
     * @param kind       root, home, release, topics, archive, topic, year, month, 404
     * @param url        root-relative URL of the page
     * @param canonical  absolute URL, or null (404)
     * @param alternates hreflang alternates: this page, its exact counterparts and x-default
     * @param switches   the language switch: one entry per other language
     */
    public record PageView(String kind, String title, String url, String canonical, List<Alternate> alternates,
            List<Switch> switches, String searchUrl) {
    }

    public record Alternate(String hreflang, String href) {
    }

    /**
     * @param label the language's name in that language
     * @param exact whether {@code href} is the same page in that language (else the nearest one)
     */
    public record Switch(String lang, String label, String href, boolean exact) {
    }

    /** @param iso yyyy-mm-dd; @param datetime the {@code <time datetime>} value; @param text as shown */
    public record DateView(String iso, String datetime, String text) {
    }

    public record TopicRef(String key, String label, String href) {
    }

    /** One release in a list; {@code draft} only when drafts are built (serve, {@code --drafts}). */
    public record Item(String id, String title, String href, DateView date, String type, String typeLabel,
            List<TopicRef> topics, String summary, String number, boolean draft) {
    }

    public record PagerLink(int number, String href, boolean current) {
    }

    /** @param prev null on page 1; @param next null on the last page */
    public record Pager(int number, int pages, String prev, String next, List<PagerLink> links) {
    }

    public record Count(String key, String label, String href, int count) {
    }

    public record YearCount(int year, String label, String href, int count, List<Count> months) {
    }

    public record HomeContent(List<Item> items, List<Count> topics, List<YearCount> years, int total) {
    }

    public record TopicsContent(List<Count> topics) {
    }

    public record ArchiveContent(List<YearCount> years) {
    }

    /**
     * A page of a list.
     *
     * @param listKind topic, year or month
     * @param months   for year lists: the year's months with counts; else empty
     * @param feedUrl  the topic's Atom feed for topic lists, else null
     */
    public record ListContent(String listKind, String heading, TopicRef topic, Integer year, String monthLabel,
            List<Item> items, int total, Pager pager, List<Count> months, String feedUrl) {
    }

    /**
     * @param lang      the language of the title (may differ from the page when the list is borrowed)
     * @param sizeText  human-readable size
     */
    public record AttachmentView(String href, String title, String lang, String format, long size, String sizeText) {
    }

    public record UpdateView(DateView date, String note) {
    }

    /**
     * A release page.
     *
     * @param translationNotice the notice text when the version is not authoritative, else null
     * @param counterparts      the versions in other languages that exist
     * @param missing           the other languages this release has no version in (their names, in this language)
     */
    public record ReleaseContent(String id, String title, DateView date, DateView modified, boolean corrected,
            String type, String typeLabel, String number, List<TopicRef> topics, String summary, String bodyHtml,
            String office, String translation, String translationNotice, List<AttachmentView> attachments,
            List<UpdateView> updates, List<Item> related, List<Switch> counterparts, List<Switch> missing,
            boolean draft) {
    }

    /**
     * The search page: where its script finds the index, and the filter choices (each with its count).
     *
     * @param indexUrl the language's search manifest; shards and documents are beside it
     * @param total    the number of releases searched
     */
    public record SearchContent(String indexUrl, String scriptUrl, String topicsUrl, String archiveUrl,
            List<Count> topics, List<Count> types, List<Count> years, int total) {
    }

    /** The root chooser and 404: one entry per language. */
    public record LanguagesContent(List<LangView> languages) {
    }
}
