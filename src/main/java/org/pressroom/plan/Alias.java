package org.pressroom.plan;

import org.pressroom.content.AliasPath;
import org.pressroom.content.Release;

/**
 * An earlier address of a published release page, from its {@code aliases}.
 *
 * @param from the alias as written: a site path, maybe with a query string
 * @param lang the language of the page it moved to
 */
public record Alias(String from, String lang, Release release) {
    /** Whether it carries a query string; such aliases are served from {@code _redirects} only. */
    public boolean hasQuery() {
        return AliasPath.hasQuery(from);
    }

    /** The page it redirects to, relative to the base URL. */
    public String target() {
        return lang + "/releases/" + release.id() + "/";
    }
}
