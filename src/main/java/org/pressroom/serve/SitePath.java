package org.pressroom.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Turns the raw path of a request into a site path, or nothing when it could name something outside
 * the site: dot segments ({@code ..}, {@code %2e%2e}), encoded slashes or backslashes, NUL, empty
 * segments, bad percent escapes or bytes that are not UTF-8. Pure.
 */
final class SitePath {
    private SitePath() {
    }

    /** The decoded path without its leading slash ({@code ""} for the root), NFC; empty when refused. */
    static Optional<String> of(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].isEmpty()) {
                if (!last) {
                    return Optional.empty();
                }
                continue;
            }
            Optional<String> s = decode(segments[i]);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            String seg = s.get();
            if (seg.equals(".") || seg.equals("..") || seg.contains("/") || seg.contains("\\") || seg.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            out.append(seg);
            if (!last) {
                out.append('/');
            }
        }
        if (rawPath.length() > 1 && rawPath.endsWith("/") && out.length() > 0 && out.charAt(out.length() - 1) != '/') {
            out.append('/');
        }
        return Optional.of(Normalizer.normalize(out.toString(), Normalizer.Form.NFC));
    }

    private static Optional<String> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
