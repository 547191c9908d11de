package org.pressroom.search;

/**
 * The few JSON pieces the index needs, written by hand so that output is byte-stable. Strings escape
 * {@code < > &} and the JavaScript line separators too, so index files are safe wherever they land.
 */
final class Json {
    private Json() {
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String strings(Iterable<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (String s : items) {
            out.append(out.length() > 1 ? "," : "").append(string(s));
        }
        return out.append(']').toString();
    }
}
