package org.pressroom.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.pressroom.content.Language;

/**
 * A language as the renderer sees it: its locale, the theme's UI strings in it and the date formats
 * built from those strings' patterns. Nothing here reads the JVM's default locale or time zone.
 */
public record Strings(Language language, Map<String, String> text, DateTimeFormatter dayFormat,
        DateTimeFormatter monthFormat) {

    /** i18n keys whose values are date patterns, and must be present in every language. */
    static final String DAY_PATTERN = "date.day";
    static final String MONTH_PATTERN = "date.month";

    static Strings of(Language language, Map<String, String> text) {
        Locale locale = language.locale();
        return new Strings(language, Map.copyOf(text), DateTimeFormatter.ofPattern(text.get(DAY_PATTERN), locale),
                DateTimeFormatter.ofPattern(text.get(MONTH_PATTERN), locale));
    }

    public String code() {
        return language.code();
    }

    public String day(LocalDate d) {
        return dayFormat.format(d);
    }

    public String month(YearMonth m) {
        return monthFormat.format(m);
    }

    public String get(String key) {
        return text.getOrDefault(key, key);
    }
}
