package org.pressroom.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A press release: the fields shared by its language versions, and the versions that exist.
 *
 * @param id           {@code yyyy-mm-dd-slug}
 * @param date         the issue date-time in the site's time zone (start of day when only a date was given)
 * @param hasTime      whether a time of day was given
 * @param translations language code to version, in the site's language order
 */
public record Release(String id, ZonedDateTime date, boolean hasTime, String type, List<String> topics,
        String number, boolean draft, Optional<Instant> embargo, List<String> related,
        Map<String, Translation> translations) {

    public LocalDate day() {
        return date.toLocalDate();
    }

    public Optional<Translation> in(String lang) {
        return Optional.ofNullable(translations.get(lang));
    }

    /** The day of the last correction in that language, else the issue day. */
    public LocalDate modified(String lang) {
        Translation t = translations.get(lang);
        if (t == null || t.updates().isEmpty()) {
            return day();
        }
        LocalDate last = t.updates().get(t.updates().size() - 1).date();
        return last.isAfter(day()) ? last : day();
    }

    /**
     * The instant of the version's last change, for feeds, sitemaps and structured data: the start of the
     * day of its last correction in the site's time zone when that day is after the issue day, else the
     * issue date-time.
     */
    public ZonedDateTime modifiedAt(String lang) {
        LocalDate last = modified(lang);
        return last.equals(day()) ? date : last.atStartOfDay(date.getZone());
    }

    /** Whether the release may be published at {@code now}: not embargoed, not dated in the future. */
    public boolean publishedAt(Instant now) {
        return !date.toInstant().isAfter(now) && embargo.map(e -> !e.isAfter(now)).orElse(true);
    }
}
