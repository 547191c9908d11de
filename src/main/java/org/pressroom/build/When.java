package org.pressroom.build;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The build's clock, as given by {@code --now}: an instant, or a date that means its start in the
 * site's time zone (known only once site.yml is read).
 */
public sealed interface When {
    Instant in(ZoneId zone);

    static When at(Instant instant) {
        return new At(instant);
    }

    /** Parses {@code 2014-06-02T10:00:00+09:00}, {@code …Z} or {@code 2014-06-02}. */
    static When parse(String text) {
        String s = text.strip();
        try {
            if (s.length() == 10) {
                return new Day(LocalDate.parse(s));
            }
            return new At(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (2014-06-02) or a date-time with offset "
                    + "(2014-06-02T10:00:00+09:00)");
        }
    }

    record At(Instant instant) implements When {
        public Instant in(ZoneId zone) {
            return instant;
        }
    }

    record Day(LocalDate day) implements When {
        public Instant in(ZoneId zone) {
            return day.atStartOfDay(zone).toInstant();
        }
    }
}
