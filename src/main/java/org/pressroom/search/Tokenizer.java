package org.pressroom.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        List<Run> out = new ArrayList<>();
        int runKind = OTHER;
        int start = 0;
        // a run is the slice of s from start, unless an apostrophe inside it was left out
        StringBuilder joined = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char ch = s.charAt(i);
            int cp = Character.isHighSurrogate(ch) ? s.codePointAt(i) : ch;
            int len = cp > 0xFFFF ? 2 : 1;
            int k = kind(cp);
            if (k == MARK && runKind == LETTER) {
                k = LETTER;
            } else if (k == MARK) {
                k = OTHER;
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
                flush(out, runKind, s, start, i, joined);
                runKind = k;
                start = i;
                joined = null;
            } else if (joined != null) {
                joined.append(s, i, i + len);
            }
            i += len;
        }
        flush(out, runKind, s, start, n, joined);
        return out;
    }

    private static void flush(List<Run> out, int kind, String s, int start, int end, StringBuilder joined) {
        if (kind != OTHER && end > start) {
            String t = joined != null ? joined.toString() : s.substring(start, end);
            out.add(new Run(kind, kind == LETTER ? t.toLowerCase(Locale.ROOT) : t));
        }
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
}
