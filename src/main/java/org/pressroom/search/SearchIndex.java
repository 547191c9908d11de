package org.pressroom.search;

import org.pressroom.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressroom.archive.Archive;
import org.pressroom.content.Release;
import org.pressroom.content.Translation;

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
 * <li>{@code d/<n>.json}: document {@code n} (title, date, type, topics, number, summary, text), written
 * by the renderer because its date is formatted by the theme ({@link #document}).
 * </ul>
 *
 * Documents are numbered oldest first, so adding a newer release keeps the older numbers and a year is a
 * range. Postings are in {@link Postings}' format; "other" lists only documents that lack the token in
 * their title.
 */
public final class SearchIndex {
    /**
     * A shard is closed once it reaches this many bytes. With search.js loading at most 7 shards per
     * query, a query on 10,000 releases stays under 300 kB with script and ten result documents.
     */
    static final int SHARD_BYTES = 20 * 1024;
    /** Documents keep this many characters of their text, for snippets. */
    static final int TEXT_CHARS = 1600;

    private SearchIndex() {
    }

    /** One output file: its path relative to the site root, and its text (UTF-8 when written). */
    public record File(String path, String text) {
    }

    /**
     * The documents of language {@code lang} in number order, oldest first: document {@code n} is
     * written by the renderer to {@link #documentPath(String, int)} with {@link #document}.
     */
    public static List<Release> documents(Archive archive, String lang) {
        List<Release> docs = new ArrayList<>(archive.in(lang).releases());
        java.util.Collections.reverse(docs);
        return List.copyOf(docs);
    }

    public static String documentPath(String lang, int n) {
        return lang + "/search/d/" + n + ".json";
    }

    /**
     * What the index keeps of each language version between the builds of one process (pressroom
     * serve): its text and distinct tokens, which depend on the version alone, so that a rebuild only
     * reads again the versions that changed. Not thread-safe: one plan at a time.
     */
    public static final class Memo {
        private Map<Translation, Text> last = new HashMap<>();
        private Map<Translation, Text> current = new HashMap<>();
        private final Map<String, String> tokens = new HashMap<>();

        /** Starts the next build: what the last one did not use is then forgotten. */
        public void next() {
            last = current;
            current = new HashMap<>();
            if (tokens.size() > 4 * (last.size() + 1000)) {
                tokens.clear();
            }
        }

        Text text(Translation t) {
            Text x = current.get(t);
            if (x == null) {
                x = last.get(t);
                if (x == null) {
                    String plain = plain(t.bodyHtml());
                    String cut = plain.codePointCount(0, plain.length()) <= TEXT_CHARS ? plain
                            : plain.substring(0, plain.offsetByCodePoints(0, TEXT_CHARS));
                    x = new Text(cut, distinct(Tokenizer.tokens(t.title())),
                            distinct(Tokenizer.tokens(t.summary() + "\n" + plain)));
                }
                current.put(t, x);
            }
            return x;
        }

        private String[] distinct(List<String> list) {
            java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>(list);
            String[] out = new String[set.size()];
            int i = 0;
            for (String token : set) {
                out[i++] = tokens.computeIfAbsent(token, k -> k);
            }
            return out;
        }
    }

    /** A version's text for its document (cut for snippets) and its distinct title and other tokens. */
    record Text(String cut, String[] title, String[] other) {
    }

    /** One language's index: its files but the documents, and each document's release and text. */
    public record Built(List<File> files, List<Document> documents) {
    }

    /** Document {@code number}: a release and the text its document keeps. */
    public record Document(int number, Release release, String text) {
    }

    /** The index of language {@code lang} (a fresh memo reuses nothing). */
    public static Built build(Archive archive, String lang, Memo memo) {
        List<Release> releases = documents(archive, lang);
        List<Document> documents = new ArrayList<>(releases.size());
        for (int n = 0; n < releases.size(); n++) {
            documents.add(new Document(n, releases.get(n), memo.text(releases.get(n).translations().get(lang)).cut()));
        }
        return new Built(files(archive, lang, memo), List.copyOf(documents));
    }

    /**
     * The index files of language {@code lang} but the documents: manifest first, then shards and
     * filter files.
     */
    public static List<File> files(Archive archive, String lang) {
        return files(archive, lang, new Memo());
    }

    private static List<File> files(Archive archive, String lang, Memo memo) {
        List<Release> docs = documents(archive, lang);
        int count = docs.size();
        String base = lang + "/search/";
        List<File> out = new ArrayList<>();
        out.add(null);
        Map<String, List<List<Integer>>> postings = new java.util.HashMap<>();
        Map<String, List<Integer>> topics = new TreeMap<>();
        Map<String, List<Integer>> types = new TreeMap<>();
        Map<Integer, int[]> years = new TreeMap<>();
        for (int n = 0; n < count; n++) {
            Release r = docs.get(n);
            Text text = memo.text(r.translations().get(lang));
            for (String token : text.title()) {
                add(postings, token, 0, n);
            }
            for (String token : text.other()) {
                addOther(postings, token, n);
            }
            StringBuilder other = new StringBuilder();
            other.append(r.day()).append('\n').append(archive.site().types().get(r.type()).get(lang));
            if (r.number() != null) {
                other.append('\n').append(r.number());
            }
            for (String k : r.topics()) {
                other.append('\n').append(archive.topics().get(k).label(lang));
                topics.computeIfAbsent(k, x -> new ArrayList<>()).add(n);
            }
            for (String token : Tokenizer.tokens(other.toString())) {
                addOther(postings, token, n);
            }
            types.computeIfAbsent(r.type(), x -> new ArrayList<>()).add(n);
            int number = n;
            years.compute(r.day().getYear(), (y, range) -> range == null ? new int[] {number, number}
                    : new int[] {range[0], number});
        }

        StringBuilder manifest = new StringBuilder("{\"version\":1,\"count\":").append(count).append(",\"shards\":[");
        StringBuilder shard = new StringBuilder();
        int bytes = 0;
        String first = "";
        boolean firstShard = true;
        for (Map.Entry<String, List<List<Integer>>> e : new TreeMap<>(postings).entrySet()) {
            if (shard.length() == 0) {
                first = firstShard ? "" : e.getKey();
            }
            String entry = (shard.length() == 0 ? "{" : ",") + Json.string(e.getKey()) + ":[\""
                    + Postings.encode(e.getValue().get(0)) + "\",\"" + Postings.encode(e.getValue().get(1)) + "\"]";
            shard.append(entry);
            bytes += utf8(entry);
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

    private static void add(Map<String, List<List<Integer>>> postings, String token, int field, int n) {
        List<Integer> list = postings.computeIfAbsent(token, k -> List.of(new ArrayList<>(), new ArrayList<>()))
                .get(field);
        if (!last(list, n)) {
            list.add(n);
        }
    }

    /** Adds document {@code n} to the "other" postings of a token it lacks in its title. */
    private static void addOther(Map<String, List<List<Integer>>> postings, String token, int n) {
        List<List<Integer>> p = postings.get(token);
        if (p == null || !last(p.get(0), n)) {
            add(postings, token, 1, n);
        }
    }

    private static boolean last(List<Integer> list, int n) {
        return !list.isEmpty() && list.get(list.size() - 1) == n;
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
            out.add(new File(base + "f/" + name + ".json", text));
            m.append(m.length() > 1 ? "," : "").append(Json.string(key)).append(":\"").append(name).append('"');
        });
        return m.append('}').toString();
    }

    /**
     * The JSON of one document: what a result shows, with its date and type as the theme writes them.
     *
     * @param text      the start of the version's plain text, as {@link Document} holds it
     * @param dateText  the date as release pages show it in {@code lang}
     * @param typeLabel the type's label in {@code lang}
     */
    public static String document(Release r, String lang, String text, String dateText, String typeLabel) {
        Translation t = r.translations().get(lang);
        String cut = text;
        StringBuilder d = new StringBuilder("{");
        d.append("\"id\":").append(Json.string(r.id()));
        d.append(",\"title\":").append(Json.string(t.title()));
        d.append(",\"date\":\"").append(r.day()).append('"');
        d.append(",\"dateText\":").append(Json.string(dateText));
        d.append(",\"type\":").append(Json.string(r.type()));
        d.append(",\"typeLabel\":").append(Json.string(typeLabel));
        d.append(",\"topics\":").append(Json.strings(r.topics()));
        if (r.number() != null) {
            d.append(",\"number\":").append(Json.string(r.number()));
        }
        d.append(",\"summary\":").append(Json.string(t.summary()));
        d.append(",\"text\":").append(Json.string(cut));
        return d.append('}').toString();
    }

    private static final Pattern BLOCK = Pattern.compile(
            "(?i)</?(p|li|ul|ol|h[1-6]|br|hr|div|blockquote|pre|table|thead|tbody|tr|td|th|dl|dt|dd|section|sup)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    /** The plain text of rendered body HTML: tags dropped, blocks separated, entities decoded. */
    static String plain(String html) {
        String text = TAG.matcher(BLOCK.matcher(html).replaceAll(" ")).replaceAll("");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> {
                    if (e.length() > 8) {
                        yield "";
                    }
                    int cp = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1));
                    yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static int utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
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
