package org.pressroom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonTest {
    /** The escaping rules one character at a time. */
    private static String reference(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || "<>&\u2028\u2029".indexOf(c) >= 0 || Character.isSurrogate(c) && !paired) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Test
    void escapesWhatCouldEndAScriptOrIsNotText() {
        assertEquals("\"\\u003c/script\\u003e \\u0026 \\\"q\\\" \\\\ \\n\\r\\t \\u0001 \\u2028\\u2029\"",
                Json.string("</script> & \"q\" \\ \n\r\t \u0001 \u2028\u2029"));
        assertEquals("\"🇰🇷 \\ud83c x \\udd70\"", Json.string("🇰🇷 \ud83c x \udd70"), "lone surrogates are escaped, pairs kept");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of("x", 1, true));
        m.put("skipped", null);
        m.put("<b>", "외교부");
        assertEquals("{\"a\":[\"x\",1,true],\"\\u003cb\\u003e\":\"외교부\"}", Json.write(m));
    }

    @Property(tries = 500)
    void escapesAsTheRulesSay(@ForAll("texts") String s) {
        assertEquals(reference(s), Json.string(s));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "한국", "\"", "\\", "\n", "\r", "\t", "\u0000", "\u001f", "<", ">", "&", "\u2028", "\u2029",
                "\u2027", "\u202a", "\ud83c", "\udd70", "🇰🇷", " ", "'", "/").list().ofMaxSize(30).map(l -> String.join("", l));
    }
}
