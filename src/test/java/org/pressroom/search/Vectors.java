package org.pressroom.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.json.Json;

/** The shared tokenizer test vectors, {@code src/test/resources/search/tokenizer-vectors.json}. */
final class Vectors {
    static final String RESOURCE = "/search/tokenizer-vectors.json";

    private Vectors() {
    }

    /** The file's text, as the browser test hands it to the page. */
    static String text() {
        try (InputStream in = Vectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> section(String name) {
        Map<String, Object> all = new Json().toType(text(), Json.MAP_TYPE);
        return (List<Map<String, Object>>) all.get(name);
    }

    /** A term as plain data, comparable with what the JSON and the browser give. */
    static Map<String, Object> term(Tokenizer.Term t) {
        return Map.of("text", t.text(), "prefix", t.prefix(), "grams", t.grams());
    }
}
