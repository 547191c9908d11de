package org.pressroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The Java side of the shared tokenizer vectors; SearchBrowserTest holds search.js to the same file. */
class TokenizerTest {
    @Test
    void givesTheSharedVectorsIndexTokens() {
        List<Map<String, Object>> cases = Vectors.section("tokens");
        assertTrue(cases.size() > 10, "the vectors file has token cases");
        for (Map<String, Object> c : cases) {
            assertEquals(c.get("tokens"), Tokenizer.tokens((String) c.get("text")), () -> "tokens of " + c.get("text"));
        }
    }

    @Test
    void givesTheSharedVectorsQueryTerms() {
        List<Map<String, Object>> cases = Vectors.section("terms");
        assertTrue(cases.size() > 5, "the vectors file has query cases");
        for (Map<String, Object> c : cases) {
            List<Map<String, Object>> actual = Tokenizer.terms((String) c.get("query")).stream().map(Vectors::term)
                    .toList();
            assertEquals(c.get("terms"), actual, () -> "terms of " + c.get("query"));
        }
    }

    @Test
    void encodesAndDecodesTheSharedPostingVectors() {
        for (Map<String, Object> c : Vectors.section("postings")) {
            List<Integer> numbers = ((List<?>) c.get("numbers")).stream().map(n -> ((Number) n).intValue()).toList();
            assertEquals(c.get("text"), Postings.encode(numbers), () -> "encoding of " + numbers);
            assertEquals(numbers, Postings.decode((String) c.get("text")), () -> "decoding of " + c.get("text"));
        }
    }

    @Test
    void findsKoreanWordsWithParticlesThroughTheirBigrams() {
        List<String> indexed = Tokenizer.tokens("북한은 한반도비핵화를 지지한다");
        for (Tokenizer.Term term : Tokenizer.terms("북한 비핵화")) {
            assertTrue(indexed.containsAll(term.grams()), () -> term + " in " + indexed);
        }
        assertFalse(indexed.containsAll(Tokenizer.terms("일본").get(0).grams()));
    }

    @Test
    void collectsTheDistinctTokensOfTheSharedVectors() {
        Set<String> made = new HashSet<>();
        Tokenizer.Distinct d = new Tokenizer.Distinct(t -> {
            assertTrue(made.add(t), "each token is made once: " + t);
            return t;
        });
        for (int round = 0; round < 2; round++) {
            for (Map<String, Object> c : Vectors.section("tokens")) {
                d.begin();
                d.add((String) c.get("text"));
                assertEquals(new LinkedHashSet<>(Tokenizer.tokens((String) c.get("text"))), new LinkedHashSet<>(Arrays.asList(d.end())),
                        () -> "distinct tokens of " + c.get("text"));
            }
        }
    }

    /** A collector given several texts in turn (its table growing) gives each text's distinct tokens, in order of first occurrence. */
    @Property(tries = 200)
    void collectsDistinctTokensAsTokensGivesThem(@ForAll("texts") List<String> texts) {
        Tokenizer.Distinct d = new Tokenizer.Distinct(t -> t);
        for (String text : texts) {
            d.begin();
            for (String part : text.split("\\|", -1)) {
                d.add(part);
            }
            List<String> expected = new ArrayList<>();
            for (String part : text.split("\\|", -1)) {
                expected.addAll(Tokenizer.tokens(part));
            }
            assertEquals(new ArrayList<>(new LinkedHashSet<>(expected)), Arrays.asList(d.end()), text);
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> piece = Arbitraries.of("북한", "북한은", "한반도비핵화", "가", "각", " ", "|", "Korea", "KOREA", "korea's",
                "Korea’s", "'", "nuclear", "Nucl", "ÉCOLE", "école", "e\u0301", "\u1100\u1161", "12", "１２", "٣", "漢字", "-",
                "UN안보리", "İstanbul", "ß", "\uD83C\uDDF0", "x");
        return piece.list().ofMaxSize(40).map(l -> String.join("", l)).list().ofMaxSize(30);
    }
}
