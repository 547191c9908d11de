package org.pressroom.search;

import org.pressroom.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pressroom.archive.Archive;
import org.pressroom.content.Release;
import org.pressroom.content.Translation;
import org.pressroom.parallel.Parallel;

/**
 * The search index of one language, as static files under {@code /{lang}/search/} that the browser
 * loads on demand. Pure: the same archive gives the same bytes.
 *
 * <ul>
 * <li>{@code index.json}, the manifest: the number of documents, the shards (first token and file of
 * each, in token order), the document range of each year, and the file of each topic and type.
 * <li>{@code s/<hash>.json}, a shard: token → [title postings, other postings] for a range of tokens
 * in UTF-16 order, cut at about {@link #SHARD_BYTES}; a query loads only the shards of its terms.
 * <li>{@code f/<hash>.json}: the postings of one topic or type, for the filters.
 * <li>{@code d/<k>.json}: documents {@code k * DOCS_PER_FILE} to {@code (k + 1) * DOCS_PER_FILE - 1}, an
 * array of each one's title, date, type, topics, number, summary and text ({@link #document}); written by
 * the renderer because dates are formatted by the theme. The manifest's {@code docsPerFile} says how
 * many a file holds.
 * </ul>
 *
 * Documents are numbered oldest first, so adding a newer release keeps the older numbers and a year is a
 * range. Postings are in {@link Postings}' format; "other" lists only documents that lack the token in
 * their title.
 */
public final class SearchIndex {
    /**
     * A shard is closed once it reaches this many bytes. With search.js loading at most 7 shards per
     * query, the index a query on 10,000 releases loads (script, manifest, shards, a filter) stays
     * under 300 kB; the files of its first ten results come on top (BENCHMARKS.md "Search index").
     */
    static final int SHARD_BYTES = 20 * 1024;
    /** Documents keep this many characters of their text, for snippets. */
    static final int TEXT_CHARS = 1600;
    /**
     * Documents per file. A file a document would cost a build of 5,000 pairs 10,000 files, a third
     * of what it writes, and creating a file is most of what writing a small one costs on a disk
     * (BENCHMARKS.md "Search documents in fours"); four to a file make a quarter of the files, while
     * a page of ten results still loads at most ten files. Neighbours in a file are neighbours in
     * time, so the results of a filter (newest first) share files.
     */
    public static final int DOCS_PER_FILE = 4;

    private SearchIndex() {
    }

    /** One output file: its path relative to the site root, and its text (UTF-8 when written). */
    public record File(String path, String text) {
    }

    /**
     * The documents of language {@code lang} in number order, oldest first: document {@code n} is
     * written by the renderer into file {@code n / DOCS_PER_FILE} ({@link #documentPath(String, int)})
     * with {@link #document}.
     */
    public static List<Release> documents(Archive archive, String lang) {
        List<Release> docs = new ArrayList<>(archive.in(lang).releases());
        java.util.Collections.reverse(docs);
        return List.copyOf(docs);
    }

    /** The path of document file {@code k}: documents {@code k * DOCS_PER_FILE} onwards. */
    public static String documentPath(String lang, int k) {
        return lang + "/search/d/" + k + ".json";
    }

    /**
     * What the index keeps between the builds of one process (pressroom serve): each language
     * version's distinct tokens, which depend on the version alone, and each language's postings, so
     * that a rebuild tokenizes only the versions that changed and, when the documents are the same
     * releases in the same order, changes only the postings of the documents whose release changed.
     * Not thread-safe: one plan at a time (it tokenizes in parallel itself, and makes the postings of
     * its languages at once).
     */
    public static final class Memo {
        /**
         * Tokens kept beyond one process (a build's cache): those of a version as an earlier build made
         * them, if still valid for it. Implementations are thread-safe.
         */
        public interface Store {
            /** The distinct title tokens and other tokens of {@code version}, or null when not known. */
            String[][] tokens(Translation version);

            /** Remembers the tokens just made of {@code version}. */
            void put(Translation version, String[] title, String[] other);
        }

        private final Store store;

        /** A memo that knows nothing yet. */
        public Memo() {
            this(null);
        }

        /** A memo that asks {@code store} (may be null) for the tokens of versions it has not seen. */
        public Memo(Store store) {
            this.store = store;
        }

        /** The texts of the last build's versions and of this build's, by identity (cheap to look up). */
        private Map<Translation, Text> last = new java.util.IdentityHashMap<>();
        private Map<Translation, Text> current = new java.util.IdentityHashMap<>();
        /** Texts by equal version, for versions made again with the same content (after a topics.yml edit). */
        private final Map<Translation, Text> byValue = new HashMap<>();
        private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        /** Each language's postings (made by the plan's threads, a language at a time each). */
        private final Map<String, Postings.Index> indexes = new java.util.concurrent.ConcurrentHashMap<>();

        /** Starts the next build: what the last one did not use is then forgotten. */
        public void next() {
            last = current;
            current = new java.util.IdentityHashMap<>();
            if (byValue.size() > 2 * (last.size() + 1000)) {
                byValue.clear();
                byValue.putAll(last);
            }
            if (tokens.size() > 4 * (last.size() + 1000)) {
                tokens.clear();
            }
        }

        /** The texts of {@code versions}, tokenizing in parallel those not seen before. */
        private Text[] texts(List<Translation> versions) {
            Text[] out = new Text[versions.size()];
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                Translation t = versions.get(i);
                Text x = current.get(t);
                if (x == null) {
                    x = last.get(t);
                }
                if (x == null) {
                    x = byValue.get(t);
                }
                if (x == null && store != null) {
                    String[][] known = store.tokens(t);
                    if (known != null) {
                        x = new Text(intern(known[0]), intern(known[1]));
                    }
                }
                out[i] = x;
                if (x == null) {
                    missing.add(i);
                } else {
                    current.put(t, x);
                }
            }
            // in parallel slices, each with its own table of the tokens it has seen
            int slices = missing.size() > 64 ? 4 * java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 4 : 1;
            java.util.stream.IntStream.range(0, slices).parallel().forEach(slice -> {
                Tokenizer.Distinct d = new Tokenizer.Distinct(this::canonical);
                for (int m = slice; m < missing.size(); m += slices) {
                    int i = missing.get(m);
                    out[i] = tokenize(versions.get(i), d);
                }
            });
            for (int i : missing) {
                current.put(versions.get(i), out[i]);
                byValue.put(versions.get(i), out[i]);
            }
            return out;
        }

        private Text tokenize(Translation t, Tokenizer.Distinct d) {
            d.begin();
            d.add(t.title());
            String[] title = d.end();
            d.begin();
            d.add(t.summary());
            d.add(plain(t.bodyHtml()));
            Text x = new Text(title, d.end());
            if (store != null) {
                store.put(t, x.title(), x.other());
            }
            return x;
        }

        /** {@code tokens} with each token replaced by the one instance this memo knows (in place: the store shares the array). */
        private String[] intern(String[] tokens) {
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = canonical(tokens[i]);
            }
            return tokens;
        }

        /** The one instance of {@code token} this memo knows (so documents share their tokens' strings). */
        private String canonical(String token) {
            String known = tokens.get(token);
            if (known == null) {
                known = tokens.putIfAbsent(token, token);
            }
            return known == null ? token : known;
        }

        /**
         * The tokens of {@code other} (distinct) and {@code more} that are not in {@code except}, without
         * repeats; those of {@code more} interned so that documents share their tokens' strings.
         */
        private String[] merge(String[] other, List<String> more, String[] except) {
            java.util.Set<String> excluded = new java.util.HashSet<>(Arrays.asList(except));
            java.util.Set<String> extra = new java.util.LinkedHashSet<>(more);
            extra.removeAll(excluded);
            List<String> out = new ArrayList<>(other.length + extra.size());
            for (String token : other) {
                if (!excluded.contains(token)) {
                    out.add(token);
                    extra.remove(token);
                }
            }
            for (String token : extra) {
                out.add(canonical(token));
            }
            return out.toArray(new String[0]);
        }
    }

    /** A version's distinct title tokens and its other distinct tokens (of its summary and body). */
    record Text(String[] title, String[] other) {
    }

    /** One language's index: its files but the documents, and each document's number and release. */
    public record Built(List<File> files, List<Document> documents) {
    }

    /**
     * Document file {@code number}: its releases, documents {@code number * DOCS_PER_FILE} onwards,
     * written by the renderer with {@link #documentFile}.
     */
    public record Document(int number, List<Release> releases) {
    }

    /**
     * The index of language {@code lang} in two steps: the documents' tokens are made now, on every
     * core; the postings and files are made from them by the supplier returned, on one core. A plan
     * runs that on a thread of its own while it tokenizes the next language (the suppliers of
     * different languages may run at once; the next plan starts when they are done).
     */
    public static java.util.function.Supplier<Built> prepare(Archive archive, String lang, Memo memo) {
        List<Release> releases = documents(archive, lang);
        List<Document> documents = new ArrayList<>(releases.size() / DOCS_PER_FILE + 1);
        for (int n = 0; n < releases.size(); n += DOCS_PER_FILE) {
            documents.add(new Document(n / DOCS_PER_FILE,
                    releases.subList(n, Math.min(n + DOCS_PER_FILE, releases.size()))));
        }
        java.util.function.Supplier<List<File>> files = files(archive, lang, releases, memo);
        List<Document> numbered = List.copyOf(documents);
        return () -> new Built(files.get(), numbered);
    }

    /**
     * The index files of language {@code lang} but the documents: manifest first, then shards and
     * filter files.
     */
    public static List<File> files(Archive archive, String lang) {
        return files(archive, lang, documents(archive, lang), new Memo()).get();
    }

    /** Tokenizes the documents; the supplier makes the files (see {@link #prepare}). */
    private static java.util.function.Supplier<List<File>> files(Archive archive, String lang, List<Release> docs,
            Memo memo) {
        int count = docs.size();
        List<Translation> versions = new ArrayList<>(count);
        docs.forEach(r -> versions.add(r.translations().get(lang)));
        Text[] texts = memo.texts(versions);
        Postings.Index index = memo.indexes.get(lang);
        List<Object> labels = List.of(archive.site().types(), archive.topics());
        boolean reuse = index != null && index.labels().equals(labels);
        // a document's tokens: those of its title, and the others (body, summary, date, type, number,
        // topic labels) that are not in its title; the same as last time for an equal release
        String[][] title = new String[count][];
        String[][] other = new String[count][];
        List<Integer> todo = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            if (reuse && (docs.get(n) == index.doc(n) || docs.get(n).equals(index.doc(n)))) {
                title[n] = index.title(n);
                other[n] = index.other(n);
            } else {
                todo.add(n);
            }
        }
        Parallel.forEach(todo, n -> {
            Release r = docs.get(n);
            StringBuilder facets = new StringBuilder();
            facets.append(r.day()).append('\n').append(archive.site().types().get(r.type()).get(lang));
            if (r.number() != null) {
                facets.append('\n').append(r.number());
            }
            for (String k : r.topics()) {
                facets.append('\n').append(archive.topics().get(k).label(lang));
            }
            title[n] = texts[n].title();
            other[n] = memo.merge(texts[n].other(), Tokenizer.tokens(facets.toString()), title[n]);
        });
        Postings.Index last = reuse ? index : null;
        return () -> files(archive, lang, docs, memo, last, labels, title, other);
    }

    /** The files of the documents with these tokens, updating {@code last} (null: none to update) if it can. */
    private static List<File> files(Archive archive, String lang, List<Release> docs, Memo memo, Postings.Index last,
            List<Object> labels, String[][] title, String[][] other) {
        int count = docs.size();
        String base = lang + "/search/";
        Postings.Index index = last;
        Map<String, List<Integer>> topics = new TreeMap<>();
        Map<String, List<Integer>> types = new TreeMap<>();
        Map<Integer, int[]> years = new TreeMap<>();
        for (int n = 0; n < count; n++) {
            Release r = docs.get(n);
            for (String k : r.topics()) {
                topics.computeIfAbsent(k, x -> new ArrayList<>()).add(n);
            }
            types.computeIfAbsent(r.type(), x -> new ArrayList<>()).add(n);
            int number = n;
            years.compute(r.day().getYear(), (y, range) -> range == null ? new int[] {number, number}
                    : new int[] {range[0], number});
        }
        if (index == null || !index.update(docs, title, other)) {
            index = new Postings.Index(docs, labels, title, other);
            memo.indexes.put(lang, index);
        }
        List<File> out = new ArrayList<>();
        out.add(null);
        StringBuilder manifest = new StringBuilder("{\"version\":2,\"count\":").append(count)
                .append(",\"docsPerFile\":").append(DOCS_PER_FILE).append(",\"shards\":[");
        StringBuilder shard = new StringBuilder();
        int bytes = 0;
        String first = "";
        boolean firstShard = true;
        for (Postings.Entry e : index.entries()) {
            if (shard.length() == 0) {
                first = firstShard ? "" : e.token();
            }
            shard.append(shard.length() == 0 ? '{' : ',').append(e.json());
            bytes += 1 + e.bytes();
            if (bytes >= SHARD_BYTES) {
                firstShard = closeShard(out, base, manifest, first, shard, firstShard);
                bytes = 0;
            }
        }
        if (shard.length() > 0 || firstShard) {
            if (shard.length() == 0) {
                shard.append('{');
            }
            closeShard(out, base, manifest, first, shard, firstShard);
        }
        manifest.append("],\"years\":{");
        String sep = "";
        for (Map.Entry<Integer, int[]> y : years.entrySet()) {
            manifest.append(sep).append('"').append(y.getKey()).append("\":[").append(y.getValue()[0]).append(',')
                    .append(y.getValue()[1]).append(']');
            sep = ",";
        }
        manifest.append("},\"topics\":").append(facets(out, base, topics)).append(",\"types\":")
                .append(facets(out, base, types)).append('}');
        out.set(0, new File(base + "index.json", manifest.toString()));
        return List.copyOf(out);
    }

    private static boolean closeShard(List<File> out, String base, StringBuilder manifest, String first,
            StringBuilder shard, boolean firstShard) {
        String text = shard.append('}').toString();
        String name = hash(text);
        out.add(new File(base + "s/" + name + ".json", text));
        manifest.append(firstShard ? "" : ",").append('[').append(Json.string(first)).append(",\"").append(name)
                .append("\"]");
        shard.setLength(0);
        return false;
    }

    private static String facets(List<File> out, String base, Map<String, List<Integer>> facets) {
        StringBuilder m = new StringBuilder("{");
        facets.forEach((key, docs) -> {
            String text = Json.string(Postings.encode(docs));
            String name = hash(text);
            String path = base + "f/" + name + ".json";
            // facets with the same documents share one file (named by its content), listed once
            if (out.stream().noneMatch(f -> f != null && f.path().equals(path))) {
                out.add(new File(path, text));
            }
            m.append(m.length() > 1 ? "," : "").append(Json.string(key)).append(":\"").append(name).append('"');
        });
        return m.append('}').toString();
    }

    /**
     * The JSON of a document file: an array of the documents of {@code releases}, each appended to it by
     * {@code document} ({@link #document}).
     */
    public static String documentFile(List<Release> releases,
            java.util.function.BiConsumer<StringBuilder, Release> document) {
        StringBuilder out = new StringBuilder(releases.size() * (3 * TEXT_CHARS + 1024)).append('[');
        for (Release r : releases) {
            if (out.length() > 1) {
                out.append(',');
            }
            document.accept(out, r);
        }
        return out.append(']').toString();
    }

    /**
     * Appends to {@code out} the JSON of one document: what a result shows, with its date and type as
     * the theme writes them, and the first {@link #TEXT_CHARS} characters of the version's plain text
     * for snippets.
     *
     * @param dateText  the date as release pages show it in {@code lang}
     * @param typeLabel the type's label in {@code lang}
     */
    public static void document(StringBuilder out, Release r, String lang, String dateText, String typeLabel) {
        Translation t = r.translations().get(lang);
        out.append("{\"id\":");
        Json.string(r.id(), out);
        out.append(",\"title\":");
        Json.string(t.title(), out);
        out.append(",\"date\":\"").append(r.day()).append("\",\"dateText\":");
        Json.string(dateText, out);
        out.append(",\"type\":");
        Json.string(r.type(), out);
        out.append(",\"typeLabel\":");
        Json.string(typeLabel, out);
        out.append(",\"topics\":").append(Json.strings(r.topics()));
        if (r.number() != null) {
            out.append(",\"number\":");
            Json.string(r.number(), out);
        }
        out.append(",\"summary\":");
        Json.string(t.summary(), out);
        out.append(",\"text\":");
        Json.string(plainStart(t.bodyHtml(), TEXT_CHARS), out);
        out.append('}');
    }

    /** Tags that separate words: their place in the plain text is a space. */
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "li", "ul", "ol", "h1", "h2", "h3",
            "h4", "h5", "h6", "br", "hr", "div", "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th",
            "dl", "dt", "dd", "section", "sup");

    /**
     * The plain text of rendered body HTML, in one pass: a tag runs from {@code <} to the next
     * {@code >} (a {@code <} followed by another before any {@code >} is text) and is dropped, a block
     * tag leaving a space; the character entities Flexmark writes are decoded, runs of ASCII white
     * space become one space, and the ends are stripped.
     */
    static String plain(String html) {
        return plain(html, Integer.MAX_VALUE).strip();
    }

    /**
     * The first {@code codePoints} code points of {@link #plain}{@code (html)}, or all of it if it is
     * shorter; the text is made only as far as needed when that is clear: a little beyond as many
     * characters as code points wanted, and all of it in the rare case that is not enough (characters
     * outside the BMP, or Unicode white space at either end of the cut).
     */
    static String plainStart(String html, int codePoints) {
        int enough = codePoints + 64;
        String start = plain(html, enough);
        if (start.length() >= enough) {
            // cut short: the answer is the start's first code points if a non-blank follows them
            String lead = start.stripLeading();
            if (lead.codePointCount(0, lead.length()) > codePoints) {
                int end = lead.offsetByCodePoints(0, codePoints);
                if (!lead.substring(end).isBlank()) {
                    return lead.substring(0, end);
                }
            }
            start = plain(html);
        } else {
            start = start.strip();
        }
        return start.codePointCount(0, start.length()) <= codePoints ? start
                : start.substring(0, start.offsetByCodePoints(0, codePoints));
    }

    /** The plain text, unstripped, made until it has at least {@code stopAt} characters. */
    private static String plain(String html, int stopAt) {
        Plain out = new Plain(Math.min(html.length(), stopAt));
        int n = html.length();
        int i = 0;
        while (i < n && out.text.length() < stopAt) {
            // text up to the next tag, entity or white space is copied as it is
            int j = i;
            char c = 0;
            while (j < n && (c = html.charAt(j)) != '<' && c != '&' && !Plain.blank(c)) {
                j++;
            }
            if (j > i) {
                out.add(html, i, j);
                i = j;
                continue;
            }
            if (c == '<') {
                int close = tagEnd(html, i + 1);
                if (close >= 0) {
                    if (isBlock(html, i + 1, close)) {
                        out.add(' ');
                    }
                    i = close + 1;
                    continue;
                }
            } else if (c == '&') {
                int end = entity(html, i + 1, out);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            out.add(c);
            i++;
        }
        return out.toString();
    }

    /** Collapses runs of ASCII white space into one space and drops it at the start. */
    static final class Plain {
        private final StringBuilder text;
        private boolean space;

        Plain(int capacity) {
            text = new StringBuilder(capacity);
        }

        /** Whether {@code c} is ASCII white space ({@link org.pressroom.markdown.Markdown#blank}). */
        static boolean blank(char c) {
            return org.pressroom.markdown.Markdown.blank(c);
        }

        void add(char c) {
            if (blank(c)) {
                space = true;
                return;
            }
            if (space && text.length() > 0) {
                text.append(' ');
            }
            space = false;
            text.append(c);
        }

        /** Adds {@code s[from, to)}, which holds no white space. */
        void add(String s, int from, int to) {
            if (space && text.length() > 0) {
                text.append(' ');
            }
            space = false;
            text.append(s, from, to);
        }

        void add(String s) {
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i));
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The index of the {@code >} that closes a tag opened before {@code from}, or -1 if none does before another {@code <}. */
    private static int tagEnd(String html, int from) {
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isBlock(String html, int from, int close) {
        int start = from < close && html.charAt(from) == '/' ? from + 1 : from;
        int end = start;
        while (end < close && (Character.isLetterOrDigit(html.charAt(end)) || html.charAt(end) == '_')) {
            end++;
        }
        return end > start && end - start <= 10 && BLOCKS.contains(html.substring(start, end).toLowerCase(java.util.Locale.ROOT));
    }

    private static final String[][] NAMED = {{"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""},
        {"apos;", "'"}, {"nbsp;", " "}};

    /**
     * Decodes the entity after the {@code &} at {@code from - 1} into {@code out}: a named one of
     * {@link #NAMED}, or a decimal or hexadecimal reference (dropped when longer than seven digits, or
     * not a code point). Returns the index after its {@code ;}, or -1 (then the {@code &} is text).
     */
    private static int entity(String html, int from, Plain out) {
        if (from < html.length() && html.charAt(from) == '#') {
            boolean hex = from + 1 < html.length() && (html.charAt(from + 1) == 'x' || html.charAt(from + 1) == 'X');
            int start = hex ? from + 2 : from + 1;
            int end = start;
            while (end < html.length() && (hex ? Character.digit(html.charAt(end), 16) >= 0 && html.charAt(end) < 0x80
                    : html.charAt(end) >= '0' && html.charAt(end) <= '9')) {
                end++;
            }
            if (end == start || end >= html.length() || html.charAt(end) != ';') {
                return -1;
            }
            if (end - from <= 8) {
                int cp = Integer.parseInt(html.substring(start, end), hex ? 16 : 10);
                if (Character.isValidCodePoint(cp)) {
                    out.add(new String(Character.toChars(cp)));
                }
            }
            return end + 1;
        }
        for (String[] named : NAMED) {
            if (html.startsWith(named[0], from)) {
                out.add(named[1]);
                return from + named[0].length();
            }
        }
        return -1;
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
