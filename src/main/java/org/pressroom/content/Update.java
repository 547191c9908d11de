package org.pressroom.content;

import java.time.LocalDate;

/** One entry of a release's corrections log. */
public record Update(LocalDate date, String note) {
}
