package org.pressroom.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import org.pressroom.problem.Position;
import org.pressroom.problem.Problem;

/**
 * Strict UTF-8 decoding of a source file: BOM dropped, CRLF and CR made LF, text made NFC. Control
 * characters other than tab and line ends are refused: no output format (HTML, XML feeds, JSON) can
 * carry them safely, and in a press release they are always pasted-in debris.
 */
public final class SourceText {
    private SourceText() {
    }

    /** The decoded text, or a problem at the first byte that is not UTF-8. */
    public static Result decode(String path, byte[] bytes) {
        if (bytes == null) {
            return new Result(null, Optional.of(Problem.at(Position.startOf(path), "file is too large to read")));
        }
        // the JDK's own decoding is fast; it replaces what is not UTF-8 with U+FFFD, so only text with that
        // character is decoded again strictly, to tell a real U+FFFD from a bad byte
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                decoder.decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                return new Result(null, Optional.of(invalidByte(path, bytes)));
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!plain(text)) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                text = Normalizer.normalize(text, Normalizer.Form.NFC);
            }
            int bad = firstControl(text);
            if (bad >= 0) {
                return new Result(null, Optional.of(controlCharacter(path, text, bad)));
            }
        }
        return new Result(text, Optional.empty());
    }

    /**
     * Whether {@code text} needs none of the work above: no CR, no forbidden control character, and only
     * characters that are NFC whatever surrounds them (no canonical decomposition, combining class 0,
     * never the second of a composition): Latin up to U+02FF, general punctuation U+2010–U+205E, CJK
     * symbols U+3000–U+3029, Hangul syllables, fullwidth ASCII. Most releases are all such characters;
     * one pass over them is cheaper than the three passes (line ends, NFC, controls) it spares.
     */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x7f ? c < 0x20 && c != '\n' && c != '\t' : !alwaysNfc(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text} is NFC as it is, known from its characters alone (see {@link #plain}); false
     * means it may or may not be.
     */
    public static boolean alwaysNfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && !alwaysNfc(c)) {
                return false;
            }
        }
        return true;
    }

    /** The characters above U+007E that {@link #plain} accepts. */
    static boolean alwaysNfc(char c) {
        return (c >= 0xa0 && c < 0x300) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x2010 && c <= 0x205e)
                || (c >= 0x3000 && c <= 0x3029) || (c >= 0xff01 && c <= 0xff5e);
    }

    /** Whether a character is a control character that content may not contain (all but tab and LF). */
    public static boolean isForbiddenControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
    }

    /** The index of the first forbidden control character, or -1. */
    public static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isForbiddenControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Problem controlCharacter(String path, String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Problem.at(new Position(path, line, text.codePointCount(lineStart, index) + 1),
                String.format("control character U+%04X is not allowed", (int) text.charAt(index)),
                "delete it; such characters come from pasting out of word processors");
    }

    private static Problem invalidByte(String path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int bad = in.position();
        out.flip();
        int line = 1;
        int column = 1;
        String before = out.toString();
        for (int i = 0; i < before.length(); i = before.offsetByCodePoints(i, 1)) {
            char c = before.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (c != '\uFEFF' || i != 0) {
                column++;
            }
        }
        return Problem.at(new Position(path, line, column),
                String.format("invalid UTF-8: byte 0x%02X cannot start or continue a character", bytes[bad] & 0xff),
                "save the file as UTF-8");
    }

    /** The decoded text, or the problem that stopped decoding. */
    public record Result(String text, Optional<Problem> problem) {
    }
}
