package org.pressroom.content;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@code content/site.yml}.
 *
 * @param baseUrl  absolute URL ending in {@code /}
 * @param types    type key to label per language, in the order given
 * @param params   free-form values for templates
 * @param siteId   the permanent tagging entity of Atom ids, {@code authority} or {@code authority,date}
 *                 (RFC 4151), e.g. {@code press.example.org,2013}; defaults to the host of {@code baseUrl} as
 *                 written in site.yml, and never follows {@code --base-url}
 */
public record SiteConfig(URI baseUrl, String defaultLanguage, List<Language> languages, ZoneId timeZone,
        int pageSize, Map<String, Map<String, String>> types, long maxFileSize, boolean rawHtml,
        Map<String, Object> params, String siteId) {

    public static final long DEFAULT_MAX_FILE_SIZE = 5L * 1024 * 1024;

    /** Settings whose site id is the host of {@code baseUrl}. */
    public SiteConfig(URI baseUrl, String defaultLanguage, List<Language> languages, ZoneId timeZone,
            int pageSize, Map<String, Map<String, String>> types, long maxFileSize, boolean rawHtml,
            Map<String, Object> params) {
        this(baseUrl, defaultLanguage, languages, timeZone, pageSize, types, maxFileSize, rawHtml, params,
                baseUrl.getHost().toLowerCase(java.util.Locale.ROOT));
    }

    public Language language(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    public boolean hasLanguage(String code) {
        return languages.stream().anyMatch(l -> l.code().equals(code));
    }

    /** The path part of the base URL, e.g. {@code /} or {@code /press/}. */
    public String basePath() {
        String p = baseUrl.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    public SiteConfig withBaseUrl(URI url) {
        return new SiteConfig(url, defaultLanguage, languages, timeZone, pageSize, types, maxFileSize, rawHtml,
                params, siteId);
    }
}
