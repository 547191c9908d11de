package org.pressroom.content;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Rules for paths that content gives for the site (aliases): they must stay on the site. */
final class SitePath {
    private SitePath() {
    }

    /**
     * What is wrong with an alias, or empty when it is a path on this site: it starts with one
     * {@code /}, has no {@code .} or {@code ..} segment (also when percent-encoded), no backslash,
     * no space or control character and no fragment. A query, as in legacy URLs, is allowed.
     */
    static Optional<String> aliasProblem(String alias) {
        if (!alias.startsWith("/")) {
            return Optional.of("must be a site path starting with /");
        }
        if (alias.startsWith("//")) {
            return Optional.of("must be a path on this site, not //host/…");
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return Optional.of("must not contain spaces or control characters");
            }
            if (c == '\\') {
                return Optional.of("must not contain a backslash");
            }
            if (c == '#') {
                return Optional.of("must not contain a #fragment");
            }
        }
        int q = alias.indexOf('?');
        String path = q < 0 ? alias : alias.substring(0, q);
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("has a malformed %-escape");
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                return Optional.of("must be a site path without . or .. segments");
            }
        }
        return Optional.empty();
    }
}
