package org.pressroom.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.pressroom.content.SourceText;

/**
 * The search tokenizer, shared in meaning with {@code templates/assets/search.js} (the test vectors in
 * {@code src/test/resources/search/tokenizer-vectors.json} hold both to the same answers).
 *
 * <p>Text is read as NFC and cut into runs of one script: Hangul, other letters (Latin and the rest),
 * digits; everything else separates. An apostrophe between two letters joins them ({@code Korea's} →
 * {@code koreas}); a combining mark continues a letter run. Letter runs are lowercased (root locale).
 *
 * <p>Index tokens: a letter or digit run is one token; a Hangul run is its whole word plus, when it has
 * three syllables or more, its overlapping two-syllable pieces (bigrams), so {@code 북한은} gives
 * {@code 북한은 북한 한은}.
 *
 * <p>Query terms: a letter run of three or more UTF-16 units matches by prefix ({@code nucl} →
 * {@code nuclear}), a shorter one exactly; a digit run exactly; one Hangul syllable by prefix; a longer
 * Hangul run matches a text that has all of its bigrams ({@code 비핵화} finds {@code 한반도비핵화}).
 */
public final class Tokenizer {
    /** Letter terms at least this long (UTF-16 units) match by prefix. */
    static final int PREFIX_MIN = 3;

    private static final int OTHER = 0;
    private static final int HANGUL = 1;
    private static final int LETTER = 2;
    private static final int DIGIT = 3;
    private static final int MARK = 4;

    private Tokenizer() {
    }

    /** A run of one script in a text. */
    record Run(int kind, String text) {
    }

    /**
     * A query term.
     *
     * @param text   the run as typed (lowercased)
     * @param prefix whether index tokens starting with {@code text} match
     * @param grams  the index tokens that must all be present (one, or a Hangul word's bigrams)
     */
    public record Term(String text, boolean prefix, List<String> grams) {
    }

    /** The index tokens of a text, in order of occurrence (repeats kept). */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (Run r : runs(text)) {
            out.add(r.text());
            if (r.kind() == HANGUL && r.text().length() >= 3) {
                out.addAll(bigrams(r.text()));
            }
        }
        return out;
    }

    /** The terms of a query, first occurrences only, in order. */
    public static List<Term> terms(String query) {
        Map<String, Term> out = new LinkedHashMap<>();
        for (Run r : runs(query)) {
            String t = r.text();
            Term term;
            if (r.kind() == HANGUL) {
                term = t.length() == 1 ? new Term(t, true, List.of(t)) : new Term(t, false, bigrams(t));
            } else if (r.kind() == LETTER) {
                term = new Term(t, t.length() >= PREFIX_MIN, List.of(t));
            } else {
                term = new Term(t, false, List.of(t));
            }
            out.putIfAbsent(t, term);
        }
        return List.copyOf(out.values());
    }

    static List<String> bigrams(String word) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 2 <= word.length(); i++) {
            String g = word.substring(i, i + 2);
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    static List<Run> runs(String text) {
        List<Run> out = new ArrayList<>();
        scan(text, (kind, s, start, end, ascii, joined) -> {
            String t = joined != null ? joined.toString() : s.substring(start, end);
            out.add(new Run(kind, kind == LETTER ? t.toLowerCase(Locale.ROOT) : t));
        });
        return out;
    }

    /** Receives the runs of a text that are not {@code OTHER}, in order. */
    private interface Runs {
        /**
         * A run of {@code kind}: {@code s[start, end)}, or {@code joined} when an apostrophe inside it
         * was left out; {@code ascii} when all of it is ASCII.
         */
        void run(int kind, String s, int start, int end, boolean ascii, StringBuilder joined);
    }

    /** Cuts the NFC form of {@code text} into runs of one script (see the class comment). */
    private static void scan(String text, Runs runs) {
        String s = nfc(text);
        int runKind = OTHER;
        int start = 0;
        boolean ascii = true;
        // a run is the slice of s from start, unless an apostrophe inside it was left out
        StringBuilder joined = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char ch = s.charAt(i);
            int cp = Character.isHighSurrogate(ch) ? s.codePointAt(i) : ch;
            int len = cp > 0xFFFF ? 2 : 1;
            // Hangul syllables first: most of the text (kind() is too large for C1 to inline)
            int k = cp >= 0xAC00 && cp <= 0xD7A3 ? HANGUL : kind(cp);
            if (k == MARK) {
                k = runKind == LETTER ? LETTER : OTHER;
            }
            if ((cp == '\'' || cp == '\u2019') && runKind == LETTER && i + len < n
                    && kind(s.codePointAt(i + len)) == LETTER) {
                if (joined == null) {
                    joined = new StringBuilder().append(s, start, i);
                }
                i += len;
                continue;
            }
            if (k != runKind) {
                if (runKind != OTHER && i > start) {
                    runs.run(runKind, s, start, i, ascii, joined);
                }
                runKind = k;
                start = i;
                ascii = true;
                joined = null;
            } else if (joined != null) {
                joined.append(s, i, i + len);
            }
            ascii &= cp < 0x80;
            i += len;
        }
        if (runKind != OTHER && n > start) {
            runs.run(runKind, s, start, n, ascii, joined);
        }
    }

    private static String nfc(String text) {
        return SourceText.alwaysNfc(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static int kind(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' ? LETTER : cp >= '0' && cp <= '9' ? DIGIT : OTHER;
        }
        if (cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0x1100 && cp <= 0x11FF || cp >= 0x3130 && cp <= 0x318F
                || cp >= 0xA960 && cp <= 0xA97F || cp >= 0xD7B0 && cp <= 0xD7FF) {
            return HANGUL;
        }
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        if (Character.isLetter(cp)) {
            return LETTER;
        }
        int t = Character.getType(cp);
        if (t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK) {
            return MARK;
        }
        return OTHER;
    }

    /**
     * The distinct index tokens of texts, the set {@link #tokens} gives, made without a string for each
     * occurrence: a token seen before (in any text this collector was given) is found by its characters
     * in a table and taken from there; a new one is made once and passed through {@code canonical}. The
     * same words recur throughout an archive, so most occurrences cost a hash and a comparison. Not
     * thread-safe: one per thread.
     */
    static final class Distinct {
        private final UnaryOperator<String> canonical;
        private String[] keys = new String[1 << 12];
        private int[] hashes = new int[keys.length];
        /** The set each key was last added to: a key is in the current set when its stamp is {@link #stamp}. */
        private int[] stamps = new int[keys.length];
        private int size;
        private int stamp;
        private final List<String> found = new ArrayList<>();

        Distinct(UnaryOperator<String> canonical) {
            this.canonical = canonical;
        }

        /** Starts a new set of tokens. */
        void begin() {
            stamp++;
            found.clear();
        }

        /** The distinct tokens added since {@link #begin}, in order of first occurrence. */
        String[] end() {
            return found.toArray(new String[0]);
        }

        /** Adds the tokens of {@code text}: the same runs as {@link #runs}, without its list. */
        void add(String text) {
            scan(text, this::run);
        }

        private void run(int kind, String s, int start, int end, boolean ascii, StringBuilder joined) {
            if (joined != null) {
                String t = joined.toString();
                token(kind == LETTER ? t.toLowerCase(Locale.ROOT) : t);
            } else if (kind == LETTER && !ascii) {
                token(s.substring(start, end).toLowerCase(Locale.ROOT));
            } else {
                token(s, start, end, kind == LETTER);
                if (kind == HANGUL && end - start >= 3) {
                    for (int j = start; j + 2 <= end; j++) {
                        token(s, j, j + 2, false);
                    }
                }
            }
        }

        private void token(String token) {
            token(token, 0, token.length(), false);
        }

        /** Adds {@code s[from, to)}, with ASCII capitals made small if {@code lower}. */
        private void token(String s, int from, int to, boolean lower) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + small(s.charAt(i), lower);
            }
            int mask = keys.length - 1;
            int at = (h ^ (h >>> 16)) * 0x9E3779B9 >>> 8 & mask;
            for (String key = keys[at]; key != null; key = keys[at]) {
                if (hashes[at] == h && same(key, s, from, to, lower)) {
                    if (stamps[at] != stamp) {
                        stamps[at] = stamp;
                        found.add(key);
                    }
                    return;
                }
                at = (at + 1) & mask;
            }
            String made;
            if (lower) {
                char[] chars = new char[to - from];
                for (int i = from; i < to; i++) {
                    chars[i - from] = small(s.charAt(i), true);
                }
                made = new String(chars);
            } else {
                made = from == 0 && to == s.length() ? s : s.substring(from, to);
            }
            made = canonical.apply(made);
            keys[at] = made;
            hashes[at] = h;
            stamps[at] = stamp;
            found.add(made);
            if (++size * 2 > keys.length) {
                grow();
            }
        }

        private static char small(char c, boolean lower) {
            return lower && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }

        private static boolean same(String key, String s, int from, int to, boolean lower) {
            if (key.length() != to - from) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (key.charAt(i - from) != small(s.charAt(i), lower)) {
                    return false;
                }
            }
            return true;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldStamps = stamps;
            keys = new String[oldKeys.length * 2];
            hashes = new int[keys.length];
            stamps = new int[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int h = oldHashes[i];
                    int at = (h ^ (h >>> 16)) * 0x9E3779B9 >>> 8 & mask;
                    while (keys[at] != null) {
                        at = (at + 1) & mask;
                    }
                    keys[at] = oldKeys[i];
                    hashes[at] = h;
                    stamps[at] = oldStamps[i];
                }
            }
        }
    }
}
