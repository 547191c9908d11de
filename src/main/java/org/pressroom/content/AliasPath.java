package org.pressroom.content;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * An alias: an earlier address of a release page, as written in front matter: a site path starting with
 * {@code /}, relative to the base URL, maybe percent-encoded, maybe with a query string of
 * {@code key=value} pairs ({@code /eng/brd/m_5676/view.do?seq=312633}). Pure.
 */
public final class AliasPath {
    private AliasPath() {
    }

    /** What is wrong with an alias, or empty when it is a usable site path. */
    public static Optional<String> problem(String alias) {
        if (!alias.startsWith("/")) {
            return Optional.of("alias '" + alias + "' must be a site path starting with /");
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return Optional.of("alias '" + alias + "' contains a space or control character; write it as %20");
            }
            if (c == '#' || c == '\\') {
                return Optional.of("alias '" + alias + "' contains '" + c + "', which is not part of a site path");
            }
        }
        int q = alias.indexOf('?');
        String path = q < 0 ? alias : alias.substring(0, q);
        Optional<String> decoded = decode(path);
        if (decoded.isEmpty()) {
            return Optional.of("alias '" + alias + "' has a malformed %-escape");
        }
        String d = decoded.get();
        if (d.startsWith("//")) {
            return Optional.of("alias '" + alias + "' leaves the site (a path starting with // names another host)");
        }
        List<String> segments = List.of(d.substring(1).split("/", -1));
        if (segments.contains("..")) {
            return Optional.of("alias '" + alias + "' leaves the site (it has a .. segment)");
        }
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (s.equals(".") || (s.isEmpty() && !last) || s.contains("\\") || s.chars().anyMatch(Character::isISOControl)) {
                return Optional.of("alias '" + alias + "' is not a plain site path (no empty, . or .. segments)");
            }
        }
        if (q >= 0) {
            String query = alias.substring(q + 1);
            if (query.isEmpty() || query.contains("?")) {
                return Optional.of("alias '" + alias + "' has an empty or malformed query string");
            }
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq != pair.lastIndexOf('=') || decode(pair).isEmpty()) {
                    return Optional.of("alias '" + alias + "' has a query that is not key=value pairs joined by &");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the alias carries a query string (it then lives in {@code _redirects} only). */
    public static boolean hasQuery(String alias) {
        return alias.indexOf('?') >= 0;
    }

    /** The path part, before any query string, as written. */
    public static String pathPart(String alias) {
        int q = alias.indexOf('?');
        return q < 0 ? alias : alias.substring(0, q);
    }

    /** The query's {@code key=value} pairs as written, in order; empty without a query. */
    public static List<String> queryPairs(String alias) {
        int q = alias.indexOf('?');
        return q < 0 ? List.of() : List.of(alias.substring(q + 1).split("&"));
    }

    /**
     * The output path of a valid alias without query, relative to the site folder: its decoded path, NFC, as a
     * folder ({@code old/page/}, written as its {@code index.html}) unless its last segment names a file
     * ({@code old/page.html}).
     */
    public static String outputPath(String alias) {
        String d = Normalizer.normalize(decode(pathPart(alias)).orElseThrow(), Normalizer.Form.NFC).substring(1);
        if (d.isEmpty() || d.endsWith("/")) {
            return d;
        }
        String last = d.substring(d.lastIndexOf('/') + 1);
        return last.contains(".") ? d : d + "/";
    }

    /** The alias with every non-ASCII character percent-encoded as UTF-8 (for {@code _redirects}). */
    public static String ascii(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xff;
            if (v < 0x80 && URL_CHARS.indexOf(v) >= 0) {
                out.append((char) v);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(v & 15, 16)));
            }
        }
        return out.toString();
    }

    /** ASCII characters that may stand in a URL path or query as they are (RFC 3986); others are %-encoded. */
    private static final String URL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
            + "!$&'()*+,;=:@/?%";

    /** Decodes %-escapes as UTF-8; empty when an escape is malformed or the bytes are not UTF-8. */
    public static Optional<String> decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
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
