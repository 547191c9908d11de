package org.pressroom.serve;

import java.text.Normalizer;
import java.util.Optional;
import org.pressroom.content.AliasPath;

/**
 * Turns the raw path of a request into a site path, or nothing when it could name something outside
 * the site: dot segments ({@code ..}, {@code %2e%2e}), encoded slashes or backslashes, NUL, empty
 * segments, bad percent escapes or bytes that are not UTF-8. Pure.
 */
final class SitePath {
    private SitePath() {
    }

    /** The output file that serves a site path: {@code index.html} of a folder path, else the path itself. */
    static String file(String path) {
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
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
            Optional<String> s = AliasPath.decode(segments[i]);
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
}
