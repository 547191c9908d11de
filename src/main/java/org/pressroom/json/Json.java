package org.pressroom.json;

import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for JSON-LD embedded in HTML and for the search index; byte-stable output. Besides what JSON requires, it writes {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 as {@code \}{@code uXXXX} escapes, so its output can stand inside
 * a {@code <script>} element unescaped: no {@code </script>}, {@code <!--} or {@code ]]>} can appear in it.
 */
public final class Json {
    private Json() {
    }

    /**
     * Writes a value: a {@link Map} with String keys (in its iteration order), a {@link List}, a String,
     * a Number, a Boolean or null. Map entries whose value is null are left out.
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string((String) e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(l.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    /** One JSON string, quoted and escaped as above. */
    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    /** A JSON array of strings. */
    public static String strings(Iterable<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (String s : items) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(s, out);
        }
        return out.append(']').toString();
    }

    /** Appends {@code s} to {@code out} as a JSON string, as {@link #string(String)} writes it. */
    public static void string(String s, StringBuilder out) {
        out.append('"');
        // runs of characters that need no escape are copied at once
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && (c < 0x2028 || c > 0x2029)
                    && (!Character.isSurrogate(c) || validSurrogate(s, i))) {
                continue;
            }
            out.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append(s, from, s.length()).append('"');
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
