package org.pressroom.content;

import java.util.Map;

/** A topic of the vocabulary in {@code topics.yml}: its key (URL segment) and a label per language. */
public record Topic(String key, Map<String, String> labels) {
    public String label(String lang) {
        return labels.get(lang);
    }
}
