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

/** Strict UTF-8 decoding of a source file: BOM dropped, CRLF and CR made LF, text made NFC. */
final class SourceText {
    private SourceText() {
    }

    /** The decoded text, or a problem at the first byte that is not UTF-8. */
    static Result decode(String path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            text = text.replace("\r\n", "\n").replace('\r', '\n');
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                text = Normalizer.normalize(text, Normalizer.Form.NFC);
            }
            return new Result(text, Optional.empty());
        } catch (CharacterCodingException e) {
            return new Result(null, Optional.of(invalidByte(path, bytes)));
        }
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

    record Result(String text, Optional<Problem> problem) {
    }
}
