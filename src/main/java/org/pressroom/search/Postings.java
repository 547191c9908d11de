package org.pressroom.search;

import java.util.ArrayList;
import java.util.List;
import org.pressroom.parallel.Parallel;

/**
 * Compact posting lists: ascending document numbers as gaps, each gap written in groups of five bits,
 * low group first, one URL-safe base-64 character per group with the sixth bit meaning "more groups
 * follow". The first number is written as is, each later one as its distance to the previous minus
 * one, so consecutive documents cost one character each. {@code search.js} decodes the same format.
 */
final class Postings {
    static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Postings() {
    }

    /** Encodes strictly ascending non-negative numbers. */
    static String encode(List<Integer> ascending) {
        return encode(ascending.stream().mapToInt(Integer::intValue).toArray(), ascending.size());
    }

    /** Encodes the first {@code size} numbers of {@code ascending}, strictly ascending and non-negative. */
    static String encode(int[] ascending, int size) {
        StringBuilder out = new StringBuilder(size * 2);
        encode(ascending, size, out);
        return out.toString();
    }

    private static void encode(int[] ascending, int size, StringBuilder out) {
        int previous = -1;
        for (int i = 0; i < size; i++) {
            int n = ascending[i];
            if (n <= previous) {
                throw new IllegalArgumentException("not strictly ascending at " + i + ": " + n);
            }
            int v = n - previous - 1;
            previous = n;
            do {
                int group = v & 31;
                v >>>= 5;
                out.append(DIGITS.charAt(v == 0 ? group : group | 32));
            } while (v != 0);
        }
    }

    static List<Integer> decode(String text) {
        List<Integer> out = new ArrayList<>();
        int previous = -1;
        int value = 0;
        int shift = 0;
        for (int i = 0; i < text.length(); i++) {
            int d = DIGITS.indexOf(text.charAt(i));
            if (d < 0) {
                throw new IllegalArgumentException("not a posting digit: " + text.charAt(i));
            }
            value |= (d & 31) << shift;
            shift += 5;
            if ((d & 32) == 0) {
                previous = previous + value + 1;
                out.add(previous);
                value = 0;
                shift = 0;
            }
        }
        return out;
    }

    /** A growable sorted set of document numbers. */
    static final class Numbers {
        private int[] items = new int[4];
        private int size;

        /** Appends {@code n}, greater than every number held (the order in which a full index is made). */
        void append(int n) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = n;
        }

        void insert(int n) {
            int at = java.util.Arrays.binarySearch(items, 0, size, n);
            if (at >= 0) {
                return;
            }
            at = -at - 1;
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            System.arraycopy(items, at, items, at + 1, size - at);
            items[at] = n;
            size++;
        }

        void remove(int n) {
            int at = java.util.Arrays.binarySearch(items, 0, size, n);
            if (at >= 0) {
                System.arraycopy(items, at + 1, items, at, size - at - 1);
                size--;
            }
        }

        boolean isEmpty() {
            return size == 0;
        }
    }

    /**
     * A token's postings, as they appear in a shard: {@code "token":["title postings","other postings"]}.
     * The JSON text is made once and again only after the postings change.
     */
    static final class Entry {
        private final String token;
        final Numbers title = new Numbers();
        final Numbers other = new Numbers();
        private String json;
        private int bytes;

        Entry(String token) {
            this.token = token;
        }

        String token() {
            return token;
        }

        String json() {
            if (json == null) {
                StringBuilder b = new StringBuilder(token.length() + 16 + 2 * (title.size + other.size));
                b.append(org.pressroom.json.Json.string(token)).append(":[\"");
                encode(title.items, title.size, b);
                b.append("\",\"");
                encode(other.items, other.size, b);
                json = b.append("\"]").toString();
                bytes = utf8Length(json);
            }
            return json;
        }

        /** The UTF-8 length of {@link #json()}. */
        int bytes() {
            json();
            return bytes;
        }

        void changed() {
            json = null;
        }
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * The postings of one language's documents, in token order, kept between the builds of one
     * process. {@link #update} changes only the postings of documents whose tokens changed, when the
     * documents are the same releases in the same order (so keep their numbers).
     */
    static final class Index {
        private final java.util.TreeMap<String, Entry> entries = new java.util.TreeMap<>();
        private final List<org.pressroom.content.Release> docs;
        private final List<Object> labels;
        private final String[][] title;
        private final String[][] other;

        /** The index of documents {@code 0…n-1} with these distinct title tokens and other tokens (not in the title). */
        Index(List<org.pressroom.content.Release> docs, List<Object> labels, String[][] title, String[][] other) {
            this.docs = new java.util.ArrayList<>(docs);
            this.labels = labels;
            this.title = title.clone();
            this.other = other.clone();
            java.util.Map<String, Entry> byToken = new java.util.HashMap<>();
            for (int n = 0; n < title.length; n++) {
                for (String t : title[n]) {
                    byToken.computeIfAbsent(t, Entry::new).title.append(n);
                }
                for (String t : other[n]) {
                    byToken.computeIfAbsent(t, Entry::new).other.append(n);
                }
            }
            entries.putAll(byToken);
            Parallel.forEach(List.copyOf(entries.values()), Entry::json);
        }

        /** The type and topic labels the documents' tokens were made with. */
        List<Object> labels() {
            return labels;
        }

        /** Document {@code n}'s release (null: no such document). */
        org.pressroom.content.Release doc(int n) {
            return n < docs.size() ? docs.get(n) : null;
        }

        /** The tokens of document {@code n} as the index has them. */
        String[] title(int n) {
            return n < title.length ? title[n] : null;
        }

        String[] other(int n) {
            return n < other.length ? other[n] : null;
        }

        /**
         * Changes the postings to those of {@code docs} with these tokens, if they are the same
         * releases in the same order as now; returns false (and changes nothing) if they are not.
         */
        boolean update(List<org.pressroom.content.Release> docs, String[][] newTitle, String[][] newOther) {
            if (docs.size() != this.docs.size()) {
                return false;
            }
            for (int n = 0; n < docs.size(); n++) {
                if (!docs.get(n).id().equals(this.docs.get(n).id())) {
                    return false;
                }
            }
            for (int n = 0; n < title.length; n++) {
                if (newTitle[n] != title[n]) {
                    move(n, title[n], newTitle[n], true);
                    title[n] = newTitle[n];
                }
                if (newOther[n] != other[n]) {
                    move(n, other[n], newOther[n], false);
                    other[n] = newOther[n];
                }
                this.docs.set(n, docs.get(n));
            }
            return true;
        }

        private void move(int n, String[] from, String[] to, boolean inTitle) {
            java.util.Set<String> was = new java.util.HashSet<>(java.util.Arrays.asList(from));
            java.util.Set<String> now = new java.util.HashSet<>(java.util.Arrays.asList(to));
            for (String t : was) {
                if (!now.contains(t)) {
                    Entry e = entries.get(t);
                    (inTitle ? e.title : e.other).remove(n);
                    e.changed();
                    if (e.title.isEmpty() && e.other.isEmpty()) {
                        entries.remove(t);
                    }
                }
            }
            for (String t : now) {
                if (!was.contains(t)) {
                    Entry e = entries.computeIfAbsent(t, Entry::new);
                    (inTitle ? e.title : e.other).insert(n);
                    e.changed();
                }
            }
        }

        /** Every token's entry, in token order (UTF-16 code units, as {@code search.js} compares). */
        java.util.Collection<Entry> entries() {
            return entries.values();
        }
    }
}
