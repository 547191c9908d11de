package org.pressroom.content;

import java.util.Locale;

/**
 * A site language: its code (the file suffix and URL segment), the site title in it and its locale.
 * Dates are formatted with this locale and the patterns of the theme's strings, never the JVM default.
 */
public record Language(String code, String title, Locale locale) {
}
