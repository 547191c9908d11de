package org.pressroom.archive;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pressroom.content.Language;
import org.pressroom.content.Release;
import org.pressroom.content.SiteConfig;
import org.pressroom.content.Topic;

/**
 * The published archive: the releases that are out at the build's clock, newest first, indexed per
 * language by topic, year and month, with related releases made mutual. Immutable.
 */
public final class Archive {
    /** Newest first; ties broken by id, descending, so the order is total and stable. */
    public static final Comparator<Release> NEWEST_FIRST = Comparator.comparing(Release::date).reversed()
            .thenComparing(Comparator.comparing(Release::id).reversed());

    private final SiteConfig site;
    private final Map<String, Topic> topics;
    private final Map<String, Release> byId;
    private final Map<String, List<Release>> related;
    private final Map<String, Index> indexes;

    private Archive(SiteConfig site, Map<String, Topic> topics, List<Release> published) {
        this.site = site;
        this.topics = topics;
        Map<String, Release> ids = new LinkedHashMap<>();
        published.forEach(r -> ids.put(r.id(), r));
        this.byId = Collections.unmodifiableMap(ids);
        this.related = mutualRelated(published, ids);
        Map<String, Index> idx = new LinkedHashMap<>();
        for (Language l : site.languages()) {
            idx.put(l.code(), new Index(l.code(), published));
        }
        this.indexes = Collections.unmodifiableMap(idx);
    }

    /**
     * Assembles the archive of the releases published at {@code now}: drafts are left out unless
     * {@code drafts}; embargoed and future-dated releases are left out.
     */
    public static Archive assemble(SiteConfig site, Map<String, Topic> topics, List<Release> releases,
            boolean drafts, Instant now) {
        List<Release> published = releases.stream()
                .filter(r -> drafts || !r.draft())
                .filter(r -> r.publishedAt(now))
                .sorted(NEWEST_FIRST)
                .toList();
        return new Archive(site, topics, published);
    }

    private static Map<String, List<Release>> mutualRelated(List<Release> published, Map<String, Release> ids) {
        Map<String, Set<String>> links = new TreeMap<>();
        for (Release r : published) {
            for (String other : r.related()) {
                if (ids.containsKey(other)) {
                    links.computeIfAbsent(r.id(), k -> new LinkedHashSet<>()).add(other);
                    links.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(r.id());
                }
            }
        }
        Map<String, List<Release>> out = new LinkedHashMap<>();
        links.forEach((id, set) -> out.put(id, set.stream().map(ids::get).sorted(NEWEST_FIRST).toList()));
        return Collections.unmodifiableMap(out);
    }

    public SiteConfig site() {
        return site;
    }

    public Map<String, Topic> topics() {
        return topics;
    }

    /** Every published release, newest first. */
    public List<Release> releases() {
        return List.copyOf(byId.values());
    }

    public Release release(String id) {
        return byId.get(id);
    }

    /** Related releases of {@code id} in both directions, newest first. */
    public List<Release> related(String id) {
        return related.getOrDefault(id, List.of());
    }

    public Index in(String lang) {
        return indexes.get(lang);
    }

    /** The releases that exist in one language, and their topic, year and month lists. */
    public static final class Index {
        private final List<Release> releases;
        private final Map<String, List<Release>> byTopic;
        private final Map<Integer, List<Release>> byYear;
        private final Map<YearMonth, List<Release>> byMonth;

        Index(String lang, List<Release> published) {
            List<Release> mine = published.stream().filter(r -> r.translations().containsKey(lang)).toList();
            this.releases = mine;
            Map<String, List<Release>> topic = new TreeMap<>();
            Map<Integer, List<Release>> year = new TreeMap<>(Comparator.reverseOrder());
            Map<YearMonth, List<Release>> month = new TreeMap<>(Comparator.reverseOrder());
            for (Release r : mine) {
                for (String t : r.topics()) {
                    topic.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
                }
                year.computeIfAbsent(r.day().getYear(), k -> new ArrayList<>()).add(r);
                month.computeIfAbsent(YearMonth.from(r.day()), k -> new ArrayList<>()).add(r);
            }
            this.byTopic = freeze(topic);
            this.byYear = freeze(year);
            this.byMonth = freeze(month);
        }

        private static <K> Map<K, List<Release>> freeze(Map<K, List<Release>> m) {
            Map<K, List<Release>> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, List.copyOf(v)));
            return Collections.unmodifiableMap(out);
        }

        /** This language's releases, newest first. */
        public List<Release> releases() {
            return releases;
        }

        /** Topic key to its releases, topics in key order (only topics with releases). */
        public Map<String, List<Release>> byTopic() {
            return byTopic;
        }

        /** Year to its releases, newest year first. */
        public Map<Integer, List<Release>> byYear() {
            return byYear;
        }

        /** Month to its releases, newest month first. */
        public Map<YearMonth, List<Release>> byMonth() {
            return byMonth;
        }
    }
}
