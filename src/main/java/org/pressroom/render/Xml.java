package org.pressroom.render;

/**
 * Writes XML text and attribute values: escapes markup characters and drops the characters XML 1.0
 * cannot carry (most C0 controls, lone surrogates, U+FFFE and U+FFFF), so any content gives well-formed
 * output. Also escapes HTML for the few pages Pressroom writes without the theme.
 */
final class Xml {
    private Xml() {
    }

    /** Text or an attribute value (quoted with {@code "}), escaped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
