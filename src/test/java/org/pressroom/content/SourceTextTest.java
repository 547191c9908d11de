package org.pressroom.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SourceTextTest {
    /** The decoding rules spelled out step by step: strict UTF-8, BOM, line ends, NFC, controls. */
    private static String reference(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "invalid";
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        return SourceText.firstControl(text) >= 0 ? "control" : text;
    }

    private static String decoded(byte[] bytes) {
        SourceText.Result r = SourceText.decode("content/x.md", bytes);
        if (r.problem().isPresent()) {
            return r.problem().get().message().startsWith("invalid UTF-8") ? "invalid" : "control";
        }
        return r.text();
    }

    @Test
    void everyCharacterTakenAsIsIsNfcInAnyCompany() {
        int taken = 0;
        for (char c = 0x7f; c < 0xffff; c++) {
            if (SourceText.alwaysNfc(c)) {
                taken++;
                String s = String.valueOf(c);
                assertEquals(s, Normalizer.normalize(s, Normalizer.Form.NFC), "NFC alone: " + Integer.toHexString(c));
                // next to letters, Hangul and other such characters, it stays as it is (only characters
                // outside the set, such as combining marks and Hangul jamo, compose with what precedes them)
                for (String other : List.of("a", "e", "E", "가", "¨", "\u00c5", "·", "・", "ー")) {
                    for (String pair : List.of(s + other, other + s, s + s)) {
                        assertTrue(Normalizer.isNormalized(pair, Normalizer.Form.NFC), Integer.toHexString(c) + " with " + other);
                    }
                }
            }
        }
        assertTrue(taken > 11_000, "Hangul syllables and more: " + taken);
        assertFalse(SourceText.alwaysNfc('\u0301') || SourceText.alwaysNfc('\u1161') || SourceText.alwaysNfc('\u0085'));
    }

    @Test
    void decodesAsTheRulesSay() {
        for (String s : List.of("", "plain ascii\n", "\uFEFF본문\r\n둘째 줄\r셋째", "e\u0301 and 가\u11A8 compose",
                "\u1100\u1161 jamo", "tab\tok", "bell \u0007", "c1 \u0085 control", "real \uFFFD replacement",
                "\u2028 separators \u2029", "「인용」 — “quotes” …", "ＡＢＣ fullwidth", "Å angstrom sign \u212B")) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(reference(bytes), decoded(bytes), s);
        }
        for (byte[] bad : List.of(new byte[] {(byte) 0xff}, new byte[] {'a', (byte) 0xc3}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82})) {
            assertEquals("invalid", decoded(bad));
        }
        assertEquals("x\uFFFDy", decoded(new byte[] {'x', (byte) 0xef, (byte) 0xbf, (byte) 0xbd, 'y'}));
    }

    @Property(tries = 500)
    void decodesRandomBytesAsTheRulesSay(@ForAll("texts") byte[] bytes) {
        assertEquals(reference(bytes), decoded(bytes));
    }

    @Provide
    Arbitrary<byte[]> texts() {
        Arbitrary<String> piece = Arbitraries.of("a", " ", "\n", "\r", "\r\n", "\t", "\u0000", "\u001f", "\u007f", "\u0085",
                "\u00e9", "e", "\u0301", "\u0327", "한", "가", "\u1100", "\u1161", "\u11a8", "\u3099", "\u212b", "\u2000", "“",
                "\uFEFF", "\uFFFD", "🇰🇷", "Ａ");
        Arbitrary<byte[]> text = piece.list().ofMaxSize(30).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
        // now and then a byte flipped to something that may not be UTF-8
        return Arbitraries.oneOf(text, text.flatMap(b -> Arbitraries.integers().between(0, Math.max(0, b.length - 1))
                .flatMap(i -> Arbitraries.bytes().map(x -> {
                    byte[] copy = b.clone();
                    if (copy.length > 0) {
                        copy[i] = x;
                    }
                    return copy;
                }))));
    }
}
