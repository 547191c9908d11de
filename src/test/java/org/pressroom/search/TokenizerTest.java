package org.pressroom.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
}
